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

from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.linking import _args
from combalg.core import limits
from combalg.core.validation import sequence_arg
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

    def __init__(self) -> None:
        if type(self) is Matroid:
            raise InvalidInputError(
                "invalid Matroid(): Matroid is abstract; build a LinearMatroid, GraphicMatroid, UniformMatroid, "
                "BasesMatroid or RankMatroid (or a subclass that sets the ground set and a rank oracle)"
            )

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

    def _subset(self, X: Hashable | Iterable[Hashable] | None, name: str = "set") -> frozenset:
        """``X`` as a frozenset of ground-set elements: one element or an iterable of them.

        An element of the ground set stands for the one-element set (so a tuple or
        frozenset label is read as that label); a string that is not a label is
        read as its characters (``"abc"`` for labels ``"a"``, ``"b"``, ``"c"``).
        """
        if X is None:
            return self._groundset
        try:
            if X in self._groundset:
                return frozenset((X,))
        except TypeError:  # unhashable, e.g. a list
            pass
        if isinstance(X, (str, bytes)):
            X = list(X)
        elif not isinstance(X, Iterable):
            raise InvalidInputError(
                f"invalid {name} {short_repr(X)}: expected an element of the ground set {short_repr(self.sorted_groundset())} "
                "or an iterable of elements"
            )
        if not isinstance(X, frozenset):
            given = X
            X = sequence_arg(name, X)  # a range(10**15) is refused before it is copied
            try:
                X = frozenset(X)
            except TypeError:
                raise InvalidInputError(
                    f"invalid {name} {short_repr(given)}: expected hashable ground-set elements") from None
        bad = X - self._groundset
        if bad:
            raise InvalidInputError(
                f"invalid {name}: {_args.names(bad)} not in the ground set {short_repr(self.sorted_groundset())}"
            )
        return X

    def rank(self, X: Hashable | Iterable[Hashable] | None = None) -> int:
        """Rank of ``X``, one element or an iterable of elements (default: the whole ground set).

        >>> UniformMatroid(2, 4).rank([0, 1, 2]), UniformMatroid(2, 4).rank(3)
        (2, 1)
        """
        return self._cached_rank(self._subset(X))

    def full_rank(self) -> int:
        """Rank of the ground set."""
        return self._cached_rank(self._groundset)

    def is_independent(self, X: Hashable | Iterable[Hashable]) -> bool:
        """Whether ``r(X) = |X|`` (``X`` one element or an iterable of elements).

        >>> UniformMatroid(2, 4).is_independent([0, 3]), UniformMatroid(0, 2).is_independent(1)
        (True, False)
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
        limit = _args.limit_arg("limit", limit)
        E = self.sorted_groundset()
        r = self.full_rank()
        count = _comb_capped(len(E), r, limit)
        if count > limit:
            raise ResourceLimitError(
                f"bases(): C({len(E)}, {r}) = {short_repr(count)} candidate sets exceed limit={limit}")
        return [frozenset(B) for B in itertools.combinations(E, r) if self._cached_rank(frozenset(B)) == r]

    def independent_sets(self, limit: int = 1_000_000) -> list[frozenset]:
        """All independent sets (small ground sets only; ``2^|E| <= limit``)."""
        limit = _args.limit_arg("limit", limit)
        E = self.sorted_groundset()
        if len(E) >= limit.bit_length() + 1 or 2 ** len(E) > limit:
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
        limit = _args.limit_arg("limit", limit)
        E = self.sorted_groundset()
        if len(E) >= limit.bit_length() + 1 or 2 ** len(E) > limit:
            raise ResourceLimitError(f"circuits(): 2^{len(E)} subsets exceed limit={limit}")
        out = []
        for k in range(1, len(E) + 1):
            for X in itertools.combinations(E, k):
                X = frozenset(X)
                if self._cached_rank(X) == k - 1 and all(self._cached_rank(X - {x}) == k - 1 for x in X):
                    out.append(X)
        return out

    def equals(self, other: "Matroid", limit: int = 1 << 20) -> bool:
        """Same ground set and the same rank function (the same bases), by comparing bases.

        The cost is about ``C(|E|, r)`` rank evaluations on each side.

        Raises
        ------
        InvalidInputError
            If ``other`` is not a Matroid.
        ResourceLimitError
            If ``C(|E|, r)`` exceeds ``limit`` (checked before starting).

        >>> UniformMatroid(1, 2).equals(LinearMatroid([[1, 1]], [0, 1]))
        True
        """
        if not isinstance(other, Matroid):
            raise InvalidInputError(f"invalid matroid {short_repr(other)}: expected a Matroid")
        limit = _args.limit_arg("limit", limit)
        if self is other:
            return True
        if self._groundset != other._groundset:
            return False
        mine, theirs = self._structure_key(), other._structure_key()
        if type(self) is type(other) and mine is not None and mine == theirs:
            return True
        r = self.full_rank()
        if r != other.full_rank():
            return False
        E = self.sorted_groundset()
        count = _comb_capped(len(E), r, limit)
        if count > limit:
            raise ResourceLimitError(
                f"comparing two matroids on {len(E)} elements of rank {r} checks C({len(E)}, {r}) = {short_repr(count)} "
                f"sets, more than limit={limit}; call M.equals(N, limit=...) to proceed"
            )
        for B in itertools.combinations(E, r):
            B = frozenset(B)
            if (self._cached_rank(B) == r) != (other._cached_rank(B) == r):
                return False
        return True

    def _structure_key(self) -> Any:
        """A hashable description of the representation, or None.

        Two matroids of the same class with equal keys (and ground sets) are
        equal; unequal keys prove nothing (the same matroid has many
        representations)."""
        return None

    def __eq__(self, other: object) -> bool:
        """Equal ground sets and equal rank functions (see [`equals`][equals]; [`is_isomorphic`][is_isomorphic] is separate).

        Two matroids of the same class and the same representation compare
        at once; otherwise the bases are compared, at a cost of about
        ``C(|E|, r)`` rank evaluations, and a [`ResourceLimitError`][ResourceLimitError] is
        raised above ``2^20`` candidate sets (use [`equals`][equals] with a larger
        ``limit``).

        >>> UniformMatroid(2, 4) == UniformMatroid(2, 4)
        True
        >>> UniformMatroid(1, 2) == LinearMatroid([[1, 1]], [0, 1])
        True
        >>> UniformMatroid(1, 3) == UniformMatroid(1, "abc")   # different ground sets
        False
        """
        if not isinstance(other, Matroid):
            return NotImplemented
        return self.equals(other)

    def __hash__(self) -> int:
        # a hash of invariants of the rank function, so that equal matroids hash alike
        return hash((self._groundset, self.full_rank()))

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.pop("_rank_cache", None)   # a cache, rebuilt on use
        return state

    def __repr__(self) -> str:
        n = len(self._groundset)
        return f"<{type(self).__name__} of rank {self.full_rank()} on {n} element{'s' if n != 1 else ''}>"

    def _description(self) -> str:
        """A short description: the representation, the rank and the ground set size."""
        n = len(self._groundset)
        kind = {"LinearMatroid": "linear matroid", "GraphicMatroid": "graphic matroid",
                "UniformMatroid": "uniform matroid", "BasesMatroid": "matroid given by its bases",
                "RankMatroid": "matroid given by a rank function", "DualMatroid": "dual matroid",
                "MinorMatroid": "minor", "DirectSumMatroid": "direct sum", "UnionMatroid": "matroid union",
                "TwoSumMatroid": "2-sum", "ParallelConnectionMatroid": "parallel connection"}.get(
                    type(self).__name__, type(self).__name__)
        return f"{kind} of rank {self.full_rank()} on {n} element{'s' if n != 1 else ''}"

    def _jsonable_(self) -> dict:
        """``{"type", "groundset", "rank", "bases"}`` (small ground sets; see [`combalg.core.encoding`][combalg.core.encoding])."""
        return {"type": type(self).__name__, "groundset": list(self.sorted_groundset()),
                "rank": self.full_rank(), "bases": [list(sort_labels(B)) for B in self.bases()]}

    def _repr_latex_(self) -> str:
        from combalg.core.latex import escape_text

        head = escape_text(self._description())
        E = self.sorted_groundset()
        if len(E) <= 12:
            shown = ", ".join(escape_text(str(e)) for e in E)
            return rf"$\text{{{head}, }}E = \{{\text{{{shown}}}\}}$"
        return rf"$\text{{{head}}}$"

    def _latex(self, printer: Any = None) -> str:
        """What ``sympy.latex(M)`` prints: the same as the Jupyter display."""
        return self._repr_latex_()[1:-1]

    def _repr_html_(self) -> str:
        import html

        E = self.sorted_groundset()
        shown = ", ".join(html.escape(str(e)) for e in E[:12]) + (", ..." if len(E) > 12 else "")
        return f"<b>{html.escape(self._description())}</b>, E = {{{shown}}}"

    # ---------------------------------------------------------- operations
    def dual(self) -> "Matroid":
        """The dual matroid, r*(X) = |X| - r(E) + r(E - X)."""
        from combalg.linking.matroid_ops import dual

        return dual(self)

    def delete(self, X: Hashable | Iterable[Hashable]) -> "Matroid":
        """Deletion M \\ X (``X`` one element or an iterable of elements).

        >>> UniformMatroid(2, 4).delete(1).groundset == frozenset({0, 2, 3})
        True
        """
        from combalg.linking.matroid_ops import delete

        return delete(self, X)

    def contract(self, X: Hashable | Iterable[Hashable]) -> "Matroid":
        """Contraction M / X, r(Y) = r(Y ∪ X) - r(X) (``X`` one element or an iterable).

        >>> UniformMatroid(2, 4).contract(1) == UniformMatroid(1, [0, 2, 3])
        True
        """
        from combalg.linking.matroid_ops import contract

        return contract(self, X)

    def restrict(self, X: Hashable | Iterable[Hashable]) -> "Matroid":
        """Restriction M | X = M \\ (E - X) (``X`` one element or an iterable)."""
        from combalg.linking.matroid_ops import restrict

        return restrict(self, X)

    def union(self, *others: "Matroid", allow_different_groundsets: bool = False) -> "Matroid":
        """Matroid union (rank by the matroid partition algorithm).

        Raises
        ------
        InvalidInputError
            If the ground sets differ, unless ``allow_different_groundsets=True``
            (each matroid is then extended by loops to the union of the ground sets).

        >>> UniformMatroid(1, 3).union(UniformMatroid(1, 3)) == UniformMatroid(2, 3)
        True
        >>> UniformMatroid(1, "ab").union(UniformMatroid(1, "bc"), allow_different_groundsets=True).rank()
        2
        """
        from combalg.linking.matroid_ops import union

        return union(self, *others, allow_different_groundsets=allow_different_groundsets)

    def intersection(self, other: "Matroid", allow_different_groundsets: bool = False) -> frozenset:
        """A maximum common independent set (augmenting paths).

        Raises
        ------
        InvalidInputError
            If the ground sets differ, unless ``allow_different_groundsets=True``
            (only the common elements are then used).

        >>> len(UniformMatroid(2, 4).intersection(UniformMatroid(3, 4)))
        2
        >>> UniformMatroid(1, "ab").intersection(UniformMatroid(1, "bc"), allow_different_groundsets=True)
        frozenset({'b'})
        """
        from combalg.linking.matroid_ops import intersection

        return intersection(self, other, allow_different_groundsets=allow_different_groundsets)

    # ---------------------------------------------------- more structure
    def closure(self, X: Hashable | Iterable[Hashable]) -> frozenset:
        """The closure ``cl(X) = {e : r(X ∪ e) = r(X)}`` (``X`` one element or an iterable).

        >>> sorted(LinearMatroid([[1, 0, 1, 0], [0, 1, 1, 0]], "abcd").closure("ab"))
        ['a', 'b', 'c', 'd']
        >>> sorted(UniformMatroid(2, 4).closure(0))
        [0]
        """
        X = self._subset(X)
        r = self._cached_rank(X)
        return X | frozenset(e for e in self._groundset - X if self._cached_rank(X | {e}) == r)

    def flats(self, r: int, limit: int = 1_000_000) -> list[frozenset]:
        """All flats of rank ``r`` (closures of the independent ``r``-sets), in label order.

        Raises
        ------
        InvalidInputError
            If ``r`` is not a nonnegative integer.
        ResourceLimitError
            If ``C(|E|, r)`` exceeds ``limit`` (checked before starting).

        >>> [sorted(F) for F in UniformMatroid(2, 3).flats(1)]
        [[0], [1], [2]]
        >>> UniformMatroid(2, 3).flats(3)
        []
        """
        if isinstance(r, bool) or not isinstance(r, int) or r < 0:
            raise InvalidInputError(f"invalid rank {short_repr(r)}: expected a nonnegative integer")
        limit = _args.limit_arg("limit", limit)
        E = self.sorted_groundset()
        if r > self.full_rank():
            return []
        count = _comb_capped(len(E), r, limit)
        if count > limit:
            raise ResourceLimitError(
                f"flats({r}): C({len(E)}, {r}) = {short_repr(count)} candidate sets exceed limit={limit}")
        out: set = set()
        for I in itertools.combinations(E, r):
            I = frozenset(I)
            if self._cached_rank(I) == r:
                out.add(self.closure(I))
        return sorted(out, key=lambda F: [label_key(x) for x in sort_labels(F)])

    def components(self) -> list[frozenset]:
        """The connected components (classes of "lie on a common circuit"; loops and coloops alone).

        Computed from the fundamental circuits of one basis (two elements are in
        one component exactly when the fundamental-circuit graph joins them).

        >>> import networkx as nx
        >>> G = nx.Graph([(0, 1), (1, 2), (2, 0), (2, 3)])
        >>> sorted(len(c) for c in GraphicMatroid(G).components())
        [1, 3]
        """
        E = self.sorted_groundset()
        B: set = set()
        for e in E:  # a greedy basis
            if self._cached_rank(frozenset(B | {e})) > len(B):
                B.add(e)
        B = frozenset(B)
        parent = {e: e for e in E}

        def find(v):
            while parent[v] != v:
                parent[v] = parent[parent[v]]
                v = parent[v]
            return v

        for y, circ in self._circuits(B, [e for e in E if e not in B]).items():
            for z in circ or ():
                ry, rz = find(y), find(z)
                if ry != rz:
                    parent[ry] = rz
        groups: dict = {}
        for e in E:
            groups.setdefault(find(e), []).append(e)
        comps = [frozenset(g) for g in groups.values()]
        return sorted(comps, key=lambda c: [label_key(x) for x in sort_labels(c)])

    def is_connected(self) -> bool:
        """Whether the matroid has at most one component (the empty matroid is connected).

        >>> UniformMatroid(2, 4).is_connected(), UniformMatroid(4, 4).is_connected()
        (True, False)
        """
        return len(self.components()) <= 1

    def tutte_polynomial(self, x: str = "x", y: str = "y", limit: int = 1 << 22) -> Any:
        """The Tutte polynomial ``T(x, y)``, by deletion-contraction with memoisation.

        A minor ``M / C \\ D`` is determined by its ground set and the flat
        ``cl(C)``, which keys the memo.  Meant for small ground sets.

        Returns
        -------
        LaurentPolynomial
            A polynomial with integer coefficients in the ring on ``x``, ``y``
            (``sympy.sympify`` and ``.as_sympy()`` give the sympy expression).

        Raises
        ------
        ResourceLimitError
            If more than ``limit`` minors would be visited (checked as it goes,
            and at once when ``2^|E|`` exceeds ``limit``).

        >>> UniformMatroid(2, 3).tutte_polynomial()
        x^2 + x + y
        >>> import networkx as nx
        >>> GraphicMatroid(nx.complete_graph(4)).tutte_polynomial()
        x^3 + y^3 + 3*x^2 + 4*x*y + 3*y^2 + 2*x + 2*y
        """
        from combalg.core.laurent import LaurentRing

        x, y = _variable_name("x", x), _variable_name("y", y)
        if x == y:
            raise InvalidInputError(f"invalid variables x={x!r}, y={y!r}: expected two different names")
        limit = _args.limit_arg("limit", limit)
        E = self.sorted_groundset()
        if len(E) >= limit.bit_length() + 1 or 2 ** len(E) > limit:
            raise ResourceLimitError(f"tutte_polynomial(): 2^{len(E)} subsets exceed limit={limit}")
        R = LaurentRing([x, y])
        order = {e: i for i, e in enumerate(E)}
        memo: dict = {}
        cache_cl: dict = {}

        def cl(S: frozenset) -> frozenset:
            c = cache_cl.get(S)
            if c is None:
                c = cache_cl[S] = self.closure(S)
            return c

        def add(a: dict, b: dict) -> dict:
            out = dict(a)
            for k, v in b.items():
                out[k] = out.get(k, 0) + v
            return out

        def times(a: dict, di: int, dj: int) -> dict:
            return {(i + di, j + dj): v for (i, j), v in a.items()}

        def T(rest: frozenset, F: frozenset) -> dict:
            if not rest:
                return {(0, 0): 1}
            key = (rest, F)
            got = memo.get(key)
            if got is not None:
                return got
            if len(memo) > limit:
                raise ResourceLimitError(f"tutte_polynomial(): more than limit={limit} minors")
            e = min(rest, key=order.__getitem__)
            others = rest - {e}
            if e in F:                                   # a loop of the minor
                out = times(T(others, F), 0, 1)
            elif self._cached_rank(rest | F) > self._cached_rank(others | F):  # a coloop
                out = times(T(others, cl(F | {e})), 1, 0)
            else:
                out = add(T(others, F), T(others, cl(F | {e})))
            memo[key] = out
            return out

        terms = T(self._groundset, cl(frozenset()))
        return R.from_terms({k: v for k, v in terms.items() if v})

    def characteristic_polynomial(self, var: str = "t") -> Any:
        """The characteristic polynomial ``chi(t) = sum_{A ⊆ E} (-1)^|A| t^(r(E) - r(A))``.

        Computed as ``(-1)^r(E) T(1 - t, 0)`` from [`tutte_polynomial`][tutte_polynomial]; it is
        zero when the matroid has a loop.

        >>> UniformMatroid(2, 3).characteristic_polynomial()
        t^2 - 3*t + 2
        >>> import networkx as nx    # chi of a graph's cycle matroid is P(G, t) / t^components
        >>> GraphicMatroid(nx.complete_graph(3)).characteristic_polynomial()
        t^2 - 3*t + 2
        """
        from combalg.core.laurent import LaurentRing

        R = LaurentRing([_variable_name("var", var)])
        T = self.tutte_polynomial("x", "y").terms()
        r = self.full_rank()
        coeffs: dict = {}
        for (i, j), c in T.items():   # T(1 - t, 0): only the y^0 terms
            if j:
                continue
            for k in range(i + 1):   # (1 - t)^i = sum_k C(i, k) (-t)^k
                coeffs[k] = coeffs.get(k, 0) + c * math.comb(i, k) * (-1) ** k
        sign = -1 if r % 2 else 1
        return R.from_terms({(k,): sign * c for k, c in coeffs.items() if c})

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


def _comb_capped(n: int, r: int, cap: int) -> int:
    """``C(n, r)``, or some number above ``cap`` as soon as that is certain (``C(n, r)`` of
    a large ground set has too many digits to compute just for a comparison)."""
    r = min(r, n - r)
    value = 1
    for i in range(r):
        value = value * (n - i) // (i + 1)
        if value > cap:
            return value
    return value


def _variable_name(name: str, value: Any) -> str:
    """A polynomial variable name: a nonempty identifier."""
    if not isinstance(value, str) or not value.isidentifier() or len(value) > 100:
        raise InvalidInputError(f"invalid {name} {short_repr(value)}: expected a variable name such as 'x'")
    return value


class RankMatroid(Matroid):
    """A matroid given by a rank function on frozensets (axioms not checked).

    >>> M = RankMatroid(lambda X: min(len(X), 1), "ab")
    >>> M.rank("ab")
    1
    """

    def __init__(self, rank: Callable[[frozenset], int], groundset: Iterable[Hashable]) -> None:
        if not callable(rank):
            raise InvalidInputError(f"invalid rank function {short_repr(rank)}: expected a callable on frozensets")
        self._groundset = frozenset(_args.labels_arg("groundset", groundset))
        self._fn = rank

    def _rank(self, X: frozenset) -> int:
        import operator

        try:
            value = self._fn(X)
        except (KeyboardInterrupt, MemoryError, RecursionError):
            raise
        except Exception as exc:  # noqa: BLE001 - the user's rank function failed on a valid set
            raise InvalidInputError(
                f"invalid rank function {short_repr(self._fn)}: it raised {type(exc).__name__} ({short_repr(str(exc))})"
                f" on {short_repr(sort_labels(X))}"
            ) from exc
        try:
            r = None if isinstance(value, bool) else operator.index(value)
        except TypeError:
            r = None
        if r is None or not 0 <= r <= len(X):
            raise InvalidInputError(
                f"invalid rank function {short_repr(self._fn)}: it returned {short_repr(value)} on a set of "
                f"{len(X)} elements; expected an integer between 0 and {len(X)}"
            )
        return r

    def _structure_key(self) -> Any:
        return self._fn


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
        if isinstance(groundset, int) and not isinstance(groundset, bool):
            n = _args.limit_arg("groundset size", groundset)
            limits.check("sequence_length", n, f"a ground set of {short_repr(n)} elements")
            E = frozenset(range(n))
        else:
            E = frozenset(_args.labels_arg("groundset", groundset))
        if not isinstance(r, int) or isinstance(r, bool) or not 0 <= r <= len(E):
            raise InvalidInputError(f"invalid rank {short_repr(r)}: expected an integer between 0 and {len(E)}")
        self._groundset = E
        self.r = r

    def _rank(self, X: frozenset) -> int:
        return min(len(X), self.r)

    def _structure_key(self) -> Any:
        return ("uniform", self.r)

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
        from combalg.core.validation import rows_arg

        try:
            B = sorted({frozenset(b) for b in rows_arg("bases", bases)}, key=lambda s: sorted(map(label_key, s)))
        except TypeError:
            raise InvalidInputError(f"invalid bases {short_repr(bases)}: expected sets of hashable labels") from None
        if not B:
            raise InvalidInputError("invalid bases []: a matroid has at least one basis")
        sizes = {len(b) for b in B}
        if len(sizes) != 1:
            raise InvalidInputError(f"invalid bases: sizes {sorted(sizes)} differ; all bases have the same size")
        E = frozenset().union(*B) if groundset is None else frozenset(_args.labels_arg("groundset", groundset))
        extra = frozenset().union(*B) - E
        if extra:
            raise InvalidInputError(f"invalid bases: elements {_args.names(extra)} are not in the ground set")
        if check:
            Bset = set(B)
            for b1 in B:
                for b2 in B:
                    for x in b1 - b2:
                        if not any((b1 - {x}) | {y} in Bset for y in b2 - b1):
                            raise InvalidInputError(
                                f"invalid bases: exchange axiom fails for {_args.names(b1)},"
                                f" {_args.names(b2)} and element {short_repr(x)}"
                            )
        self._groundset = E
        self._bases = B

    def _rank(self, X: frozenset) -> int:
        return max(len(b & X) for b in self._bases)

    def _structure_key(self) -> Any:
        return frozenset(self._bases)

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
            if labels is not None and set(_args.labels_arg("labels", labels)) != set(V.labels):
                raise InvalidInputError(
                    f"invalid labels {short_repr(list(labels))}: a LinearMatroid of a space uses the space's labels {short_repr(V.labels)}"
                )
        else:
            if labels is None:
                raise InvalidInputError("invalid labels None: a LinearMatroid needs column labels")
            V = LabelledSpace(rows, labels, field)
        self.space = V
        self.p = V.p
        self._groundset = frozenset(V.labels)
        self._nrows = V.dim
        self._cols = _columns(V)

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

    def _structure_key(self) -> Any:
        return self.space

    def __getstate__(self) -> dict:
        state = Matroid.__getstate__(self)
        state.pop("_cols")   # FLINT rationals do not pickle; the space rebuilds them
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._cols = _columns(self.space)

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


def _columns(V: LabelledSpace) -> dict:
    """``{label: column}`` of the basis rows of ``V``, entries ready for FLINT matrices."""
    cols = {}
    for j, lab in enumerate(V.labels):
        col = [r[j] for r in V.rows]
        if V.p == 0:
            col = [x if isinstance(x, int) else flint.fmpq(x.numerator, x.denominator) for x in col]
        cols[lab] = col
    return cols


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

    def _structure_key(self) -> Any:
        return frozenset((lab, frozenset(ends)) for lab, ends in self._ends.items())

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
