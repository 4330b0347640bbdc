"""Matroids given by a rank oracle: linear, graphic, uniform, from bases, and minors.

A [`Matroid`][Matroid] has a finite ground set of hashable labels and a rank
function.  Subclasses implement ``_rank(X)`` for a frozenset ``X``; the public
[`Matroid.rank`][Matroid.rank] checks its argument and caches results.  Operations that
build new matroids (dual, minors, union, sums, connections, linking) are in
[`combalg.linking.matroid_ops`][combalg.linking.matroid_ops] and are also available as methods.

Examples
--------
>>> from combalg.linking import LinearMatroid, UniformMatroid, GraphicMatroid
>>> M = LinearMatroid([[1, 0, 1], [0, 1, 1]], ["a", "b", "c"])
>>> M.rank(), M.rank(["a", "c"]), M.is_independent(["a", "b", "c"])
(2, 2, False)
>>> M.is_isomorphic(UniformMatroid(2, 3))
True
>>> import networkx as nx
>>> GraphicMatroid(nx.cycle_graph(4)).rank()
3
"""

from __future__ import annotations

import itertools
import math
from typing import Any, Callable, Hashable, Iterable, Sequence

import flint

from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.linking.spaces import LabelledSpace, label_key, sort_labels

__all__ = [
    "Matroid",
    "LinearMatroid",
    "GraphicMatroid",
    "UniformMatroid",
    "BasesMatroid",
    "RankMatroid",
]


class Matroid:
    """Abstract matroid with a rank oracle.

    Subclasses set ``self._groundset`` (a frozenset) and implement
    ``_rank(X: frozenset) -> int``.  Optionally they override
    ``_circuits(I, Y)`` (fundamental circuits), which the union and
    intersection algorithms use.
    """

    _groundset: frozenset

    # ------------------------------------------------------------- oracle
    def _rank(self, X: frozenset) -> int:  # pragma: no cover - abstract
        raise NotImplementedError

    def _cached_rank(self, X: frozenset) -> int:
        cache = self.__dict__.setdefault("_rank_cache", {})
        r = cache.get(X)
        if r is None:
            r = self._rank(X)
            if len(cache) < 200_000:
                cache[X] = r
        return r

    def _circuits(self, I: frozenset, Y: Iterable[Hashable]) -> dict:
        """For each ``y`` in ``Y`` (not in ``I``): ``None`` if ``I + y`` is independent,
        else the set of ``z`` in ``I`` with ``I - z + y`` independent (the
        fundamental circuit of ``y`` minus ``y``).  ``I`` must be independent."""
        out = {}
        n = len(I)
        for y in Y:
            Iy = I | {y}
            if self._cached_rank(Iy) > n:
                out[y] = None
            else:
                out[y] = frozenset(z for z in I if self._cached_rank(Iy - {z}) == n)
        return out

    # ------------------------------------------------------------ basics
    @property
    def groundset(self) -> frozenset:
        """The ground set (a frozenset of labels)."""
        return self._groundset

    def sorted_groundset(self) -> tuple:
        """The ground set in canonical label order."""
        return sort_labels(self._groundset)

    def __len__(self) -> int:
        return len(self._groundset)

    def _subset(self, X: Iterable[Hashable] | None, name: str = "set") -> frozenset:
        if X is None:
            return self._groundset
        if isinstance(X, (str, bytes)) and X not in self._groundset:
            X = list(X)
        elif isinstance(X, (str, bytes)):
            X = [X]
        X = frozenset(X)
        bad = X - self._groundset
        if bad:
            raise InvalidInputError(
                f"invalid {name}: {', '.join(sorted(map(repr, bad)))} not in the ground set {self.sorted_groundset()!r}"
            )
        return X

    def rank(self, X: Iterable[Hashable] | None = None) -> int:
        """Rank of ``X`` (default: the whole ground set).

        >>> UniformMatroid(2, 4).rank([0, 1, 2])
        2
        """
        return self._cached_rank(self._subset(X))

    def full_rank(self) -> int:
        """Rank of the ground set."""
        return self._cached_rank(self._groundset)

    def is_independent(self, X: Iterable[Hashable]) -> bool:
        """Whether ``r(X) = |X|``.

        >>> UniformMatroid(2, 4).is_independent([0, 3])
        True
        """
        X = self._subset(X)
        return self._cached_rank(X) == len(X)

    def is_basis(self, X: Iterable[Hashable]) -> bool:
        """Whether ``X`` is independent of size ``r(E)``."""
        X = self._subset(X)
        return len(X) == self.full_rank() and self._cached_rank(X) == len(X)

    def is_loop(self, e: Hashable) -> bool:
        """Whether ``e`` is a loop (rank 0)."""
        return self.rank([e]) == 0

    def is_coloop(self, e: Hashable) -> bool:
        """Whether ``e`` is a coloop (in every basis)."""
        self._subset([e])
        return self._cached_rank(self._groundset - {e}) < self.full_rank()

    def bases(self, limit: int = 1_000_000) -> list[frozenset]:
        """All bases (small ground sets only).

        Raises
        ------
        ResourceLimitError
            If ``C(|E|, r)`` exceeds ``limit`` (checked before starting).

        >>> len(UniformMatroid(2, 4).bases())
        6
        """
        E = self.sorted_groundset()
        r = self.full_rank()
        count = math.comb(len(E), r)
        if count > limit:
            raise ResourceLimitError(f"bases(): C({len(E)}, {r}) = {count} candidate sets exceed limit={limit}")
        return [frozenset(B) for B in itertools.combinations(E, r) if self._cached_rank(frozenset(B)) == r]

    def independent_sets(self, limit: int = 1_000_000) -> list[frozenset]:
        """All independent sets (small ground sets only; ``2^|E| <= limit``)."""
        E = self.sorted_groundset()
        if 2 ** len(E) > limit:
            raise ResourceLimitError(f"independent_sets(): 2^{len(E)} subsets exceed limit={limit}")
        return [
            frozenset(X)
            for k in range(len(E) + 1)
            for X in itertools.combinations(E, k)
            if self._cached_rank(frozenset(X)) == k
        ]

    def circuits(self, limit: int = 1_000_000) -> list[frozenset]:
        """All circuits (minimal dependent sets; small ground sets only).

        >>> sorted(map(sorted, UniformMatroid(1, 3).circuits()))
        [[0, 1], [0, 2], [1, 2]]
        """
        E = self.sorted_groundset()
        if 2 ** len(E) > limit:
            raise ResourceLimitError(f"circuits(): 2^{len(E)} subsets exceed limit={limit}")
        out = []
        for k in range(1, len(E) + 1):
            for X in itertools.combinations(E, k):
                X = frozenset(X)
                if self._cached_rank(X) == k - 1 and all(self._cached_rank(X - {x}) == k - 1 for x in X):
                    out.append(X)
        return out

    def equals(self, other: "Matroid", limit: int = 1 << 16) -> bool:
        """Same ground set and the same rank on every subset (small ground sets).

        >>> UniformMatroid(1, 2).equals(LinearMatroid([[1, 1]], [0, 1]))
        True
        """
        if not isinstance(other, Matroid):
            raise InvalidInputError(f"invalid matroid {other!r}")
        if self._groundset != other._groundset:
            return False
        E = self.sorted_groundset()
        if 2 ** len(E) > limit:
            raise ResourceLimitError(f"equals(): 2^{len(E)} subsets exceed limit={limit}")
        for k in range(len(E) + 1):
            for X in itertools.combinations(E, k):
                X = frozenset(X)
                if self._cached_rank(X) != other._cached_rank(X):
                    return False
        return True

    def __repr__(self) -> str:
        n = len(self._groundset)
        return f"<{type(self).__name__} of rank {self.full_rank()} on {n} element{'s' if n != 1 else ''}>"

    # ---------------------------------------------------------- operations
    def dual(self) -> "Matroid":
        """The dual matroid, r*(X) = |X| - r(E) + r(E - X)."""
        from combalg.linking.matroid_ops import dual

        return dual(self)

    def delete(self, X: Iterable[Hashable]) -> "Matroid":
        """Deletion M \\ X."""
        from combalg.linking.matroid_ops import delete

        return delete(self, X)

    def contract(self, X: Iterable[Hashable]) -> "Matroid":
        """Contraction M / X, r(Y) = r(Y ∪ X) - r(X)."""
        from combalg.linking.matroid_ops import contract

        return contract(self, X)

    def restrict(self, X: Iterable[Hashable]) -> "Matroid":
        """Restriction M | X = M \\ (E - X)."""
        from combalg.linking.matroid_ops import restrict

        return restrict(self, X)

    def union(self, *others: "Matroid") -> "Matroid":
        """Matroid union (rank by the matroid partition algorithm)."""
        from combalg.linking.matroid_ops import union

        return union(self, *others)

    def intersection(self, other: "Matroid") -> frozenset:
        """A maximum common independent set (augmenting paths)."""
        from combalg.linking.matroid_ops import intersection

        return intersection(self, other)

    def direct_sum(self, *others: "Matroid") -> "Matroid":
        """Direct sum on disjoint ground sets."""
        from combalg.linking.matroid_ops import direct_sum

        return direct_sum(self, *others)

    def is_isomorphic(self, other: "Matroid", limit: int = 100_000) -> bool:
        """Isomorphism test for small ground sets (via bases)."""
        from combalg.linking.matroid_ops import is_isomorphic

        return is_isomorphic(self, other, limit=limit)

    # --------------------------------------------------------- builders
    @staticmethod
    def from_bases(bases: Iterable[Iterable[Hashable]], groundset: Iterable[Hashable] | None = None,
                   check: bool = True) -> "BasesMatroid":
        """The matroid with the given bases (see [`BasesMatroid`][BasesMatroid]).

        >>> M = Matroid.from_bases([["a", "b"], ["a", "c"], ["b", "c"]])
        >>> M.rank(["a"]), M.rank()
        (1, 2)
        """
        return BasesMatroid(bases, groundset, check=check)

    @staticmethod
    def from_rank_function(rank: Callable[[frozenset], int], groundset: Iterable[Hashable]) -> "RankMatroid":
        """A matroid from a user rank function (not checked)."""
        return RankMatroid(rank, groundset)


class RankMatroid(Matroid):
    """A matroid given by a rank function on frozensets (axioms not checked).

    >>> M = RankMatroid(lambda X: min(len(X), 1), "ab")
    >>> M.rank("ab")
    1
    """

    def __init__(self, rank: Callable[[frozenset], int], groundset: Iterable[Hashable]) -> None:
        self._groundset = frozenset(groundset)
        self._fn = rank

    def _rank(self, X: frozenset) -> int:
        return int(self._fn(X))


class UniformMatroid(Matroid):
    """The uniform matroid U_{r,n}: every set of size <= r is independent.

    Parameters
    ----------
    r : int
        The rank, ``0 <= r <= n``.
    groundset : int or iterable
        ``n`` (ground set ``0..n-1``) or the labels.

    Examples
    --------
    >>> UniformMatroid(2, "abcd").rank("abc")
    2
    """

    def __init__(self, r: int, groundset: int | Iterable[Hashable]) -> None:
        E = frozenset(range(groundset)) if isinstance(groundset, int) else frozenset(groundset)
        if not isinstance(r, int) or isinstance(r, bool) or not 0 <= r <= len(E):
            raise InvalidInputError(f"invalid rank {r!r}: expected an integer between 0 and {len(E)}")
        self._groundset = E
        self.r = r

    def _rank(self, X: frozenset) -> int:
        return min(len(X), self.r)

    def __repr__(self) -> str:
        return f"UniformMatroid({self.r}, {len(self._groundset)})"


class BasesMatroid(Matroid):
    """A matroid given by its list of bases; r(X) = max |B ∩ X|.

    With ``check=True`` (default) the basis exchange axiom is verified.

    Raises
    ------
    InvalidInputError
        No bases, bases of different sizes, elements outside the ground set,
        or a failure of the exchange axiom.
    """

    def __init__(self, bases: Iterable[Iterable[Hashable]], groundset: Iterable[Hashable] | None = None,
                 check: bool = True) -> None:
        B = sorted({frozenset(b) for b in bases}, key=lambda s: sorted(map(label_key, s)))
        if not B:
            raise InvalidInputError("invalid bases []: a matroid has at least one basis")
        sizes = {len(b) for b in B}
        if len(sizes) != 1:
            raise InvalidInputError(f"invalid bases: sizes {sorted(sizes)} differ; all bases have the same size")
        E = frozenset().union(*B) if groundset is None else frozenset(groundset)
        extra = frozenset().union(*B) - E
        if extra:
            raise InvalidInputError(f"invalid bases: elements {sorted(map(repr, extra))} are not in the ground set")
        if check:
            Bset = set(B)
            for b1 in B:
                for b2 in B:
                    for x in b1 - b2:
                        if not any((b1 - {x}) | {y} in Bset for y in b2 - b1):
                            raise InvalidInputError(
                                f"invalid bases: exchange axiom fails for {sorted(map(repr, b1))},"
                                f" {sorted(map(repr, b2))} and element {x!r}"
                            )
        self._groundset = E
        self._bases = B

    def _rank(self, X: frozenset) -> int:
        return max(len(b & X) for b in self._bases)

    def bases(self, limit: int = 1_000_000) -> list[frozenset]:
        return list(self._bases)


class LinearMatroid(Matroid):
    """The column matroid of a matrix over QQ or GF(p).

    Parameters
    ----------
    rows : sequence of rows, or a LabelledSpace
        The matrix (columns labelled by ``labels``) or a space, whose
        matroid is that of any basis matrix.
    labels : labels of the columns (omit when ``rows`` is a LabelledSpace)
    field : QQ (default) or GF(p)

    Examples
    --------
    >>> M = LinearMatroid([[1, 0, 1, 1], [0, 1, 1, 2]], "abcd", field="GF(3)")
    >>> M.rank("cd"), M.dual().rank()
    (2, 2)
    """

    def __init__(self, rows: Sequence[Sequence[Any]] | LabelledSpace, labels: Sequence[Hashable] | None = None,
                 field: Any = None) -> None:
        if isinstance(rows, LabelledSpace):
            V = rows
            if labels is not None and set(labels) != set(V.labels):
                raise InvalidInputError(
                    f"invalid labels {list(labels)!r}: a LinearMatroid of a space uses the space's labels {V.labels!r}"
                )
        else:
            if labels is None:
                raise InvalidInputError("invalid labels None: a LinearMatroid needs column labels")
            V = LabelledSpace(rows, labels, field)
        self.space = V
        self.p = V.p
        self._groundset = frozenset(V.labels)
        p = V.p
        self._nrows = V.dim
        cols = {}
        for j, lab in enumerate(V.labels):
            col = [r[j] for r in V.rows]
            if p == 0:
                col = [x if isinstance(x, int) else flint.fmpq(x.numerator, x.denominator) for x in col]
            cols[lab] = col
        self._cols = cols

    @classmethod
    def from_space(cls, V: LabelledSpace) -> "LinearMatroid":
        """The column matroid M(V) of a basis matrix of ``V``."""
        return cls(V)

    def _matrix(self, cols: Sequence[Hashable]):
        m = self._nrows
        flat = [self._cols[c][i] for i in range(m) for c in cols]
        if self.p:
            return flint.nmod_mat(m, len(cols), flat, self.p)
        return flint.fmpq_mat(m, len(cols), flat)

    def _rank(self, X: frozenset) -> int:
        if not X or self._nrows == 0:
            return 0
        return int(self._matrix(list(X)).rank())

    def _circuits(self, I: frozenset, Y: Iterable[Hashable]) -> dict:
        Il = list(I)
        Yl = [y for y in Y]
        if not Yl:
            return {}
        k = len(Il)
        if self._nrows == 0:
            return {y: frozenset() for y in Yl}
        R, rk = self._matrix(Il + Yl).rref()
        ncols = k + len(Yl)
        ent = R.entries()
        # rows 0..k-1 of the RREF have their pivots in the first k columns (I is independent)
        lower = set()
        for i in range(k, rk):
            row = ent[i * ncols:(i + 1) * ncols]
            lower.update(j for j in range(k, ncols) if row[j] != 0)
        top = [ent[i * ncols:(i + 1) * ncols] for i in range(k)]
        out = {}
        for j, y in enumerate(Yl):
            c = k + j
            if c in lower:
                out[y] = None
            else:
                out[y] = frozenset(Il[i] for i in range(k) if top[i][c] != 0)
        return out


class GraphicMatroid(Matroid):
    """The cycle matroid of a networkx graph (edges labelled as in [`combalg.linking.graphs`][combalg.linking.graphs]).

    r(X) = |V(X)| - (number of components of the edge set X).

    >>> import networkx as nx
    >>> M = GraphicMatroid(nx.complete_graph(4))
    >>> M.rank(), len(M.bases())
    (3, 16)
    """

    def __init__(self, G: Any) -> None:
        from combalg.linking.graphs import edge_records

        rec = edge_records(G)
        self._ends = {lab: (t, h) for lab, (t, h, _) in rec.items()}
        self._groundset = frozenset(rec)
        self.graph = G

    def _rank(self, X: frozenset) -> int:
        parent: dict = {}

        def find(v):
            while parent.get(v, v) != v:
                parent[v] = parent.get(parent[v], parent[v])
                v = parent[v]
            return v

        r = 0
        for e in X:
            a, b = self._ends[e]
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[ra] = rb
                r += 1
        return r
