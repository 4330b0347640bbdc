"""Vector spaces on labelled column sets over QQ and GF(p).

A [`LabelledSpace`][LabelledSpace] is a subspace ``V`` of ``F^E`` where ``E`` is a finite
set of hashable labels and ``F`` is the rationals or a prime field.  It is
stored in canonical form: the reduced row echelon form (RREF) of a basis after
the columns are sorted into a fixed total order of the labels, so two spaces are
equal exactly when they have the same label set, the same field and the same
canonical RREF.

Examples
--------
>>> from combalg.linking import LabelledSpace
>>> V = LabelledSpace([[1, 0, 1], [0, 1, 1]], ["s1", "s2", "p1"])
>>> V.dim, V.labels
(2, ('p1', 's1', 's2'))
>>> V.restrict(["s1", "s2"]).dim
2
>>> V.contract(["s1", "s2"]).rows_in(["s1", "s2"])
[[1, -1]]
>>> V.perp().rows_in(["s1", "s2", "p1"])
[[1, 1, -1]]
>>> V.connectivity(["s1"])
1

References
----------
H. Narayanan, *On composition and decomposition operations for vector spaces,
graphs and matroids*, arXiv, 2023 (background; the operations here are the
standard restriction, contraction and orthogonal complement).
"""

from __future__ import annotations

import functools
from fractions import Fraction
from typing import Any, Hashable, Iterable, Sequence

from combalg.core import linalg
from combalg.core.bignum import short_repr, unlimited_int_digits
from combalg.core.errors import InvalidInputError
from combalg.core.validation import sequence_arg
from combalg.core.latex import escape_text, fraction
from combalg.linking import _args
from combalg.linking import _linalg as la
from combalg.linking import _sparse as _sp
from combalg.linking import sparse_spaces as _ss

__all__ = ["LabelledSpace", "label_key", "sort_labels"]


def _distinct_labels(name: str, labels: Any) -> list:
    """``labels`` as a list of distinct hashable labels, else InvalidInputError."""
    labels = _args.labels_arg(name, labels)
    if len(set(labels)) != len(labels):
        seen: set = set()
        dup = {x for x in labels if x in seen or seen.add(x)}
        raise InvalidInputError(
            f"invalid {name} {short_repr(labels)}: repeated label(s) {_args.names(dup)}"
        )
    return labels


#: label keys by the identity of the label: ``id -> (label, key)``.  A cache keyed by value
#: would be wrong: ``(1, 2)``, ``(True, 2)`` and ``(1.0, 2)`` are equal and hash alike but
#: have different keys, so the key it returned would depend on which came first.
_KEYS: dict = {}
_KEYS_MAX = 1 << 18


def _key_of(label: Any) -> tuple:
    kind = type(label)  # the common exact types first
    if kind is int:
        return (0, label)
    if kind is str:
        return (1, label)
    if kind is tuple:
        return (2, tuple(map(_key_of, label)))
    if isinstance(label, tuple):
        return (2, tuple(map(_key_of, label)))
    if isinstance(label, bool):
        return (3, "bool", repr(label))
    if isinstance(label, int):
        return (0, label)
    if isinstance(label, str):
        return (1, label)
    hash(label)  # an unhashable label raises TypeError here
    try:
        text = repr(label)
    except Exception:  # noqa: BLE001 - a label whose repr fails (e.g. a huge Fraction) still sorts
        text = short_repr(label)
    return (3, type(label).__name__, text)


def _label_key(label: Any) -> tuple:
    hit = _KEYS.get(id(label))
    if hit is not None and hit[0] is label:
        return hit[1]
    key = _key_of(label)
    if len(_KEYS) >= _KEYS_MAX:
        _KEYS.clear()
    _KEYS[id(label)] = (label, key)  # keeps the label alive, so its id stays its own
    return key


def label_key(label: Any) -> tuple:
    """Sort key giving a fixed total order on labels of mixed types.

    Integers come first (numerically), then strings, then tuples (compared
    entrywise with this key), then anything else by ``repr``.

    Raises
    ------
    InvalidInputError
        If ``label`` is not hashable (a list, or a tuple holding one).

    >>> sorted(["b", 10, ("a", 1), 2, "a"], key=label_key)
    [2, 10, 'a', 'b', ('a', 1)]
    >>> label_key([1, "a"])
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid label [1, 'a']: expected a hashable label
    """
    try:
        return _label_key(label)
    except TypeError:  # unhashable
        raise InvalidInputError(f"invalid label {short_repr(label)}: expected a hashable label") from None


def sort_labels(labels: Iterable[Hashable]) -> tuple:
    """Return the labels as a tuple in the canonical order of [`label_key`][label_key].

    Raises
    ------
    InvalidInputError
        If ``labels`` is not a collection of hashable labels.

    >>> sort_labels(["b", 2, "a"])
    (2, 'a', 'b')
    """
    if not isinstance(labels, (list, tuple, set, frozenset, str)):
        labels = _args.labels_arg("labels", labels)
    try:
        return tuple(sorted(labels, key=_label_key))
    except TypeError:
        labels_arg = _args.labels_arg("labels", labels)  # names the unhashable label
        return tuple(sorted(labels_arg, key=_label_key))


def merge_labels(first: tuple, second: tuple) -> tuple:
    """The union of two disjoint label tuples, each in canonical order, in canonical order.

    Labels of two networks usually occupy separate ranges of the order (one network's
    edges all sort before the other's), and then the result is one concatenation;
    otherwise one merge of the two sorted runs.

    >>> merge_labels((1, 5), (2, 3)), merge_labels(("a", "b"), (1, 2))
    ((1, 2, 3, 5), (1, 2, 'a', 'b'))
    """
    if not first or not second:
        return first + second
    if _label_key(first[-1]) < _label_key(second[0]):
        return first + second
    if _label_key(second[-1]) < _label_key(first[0]):
        return second + first
    return tuple(sorted(first + second, key=_label_key))  # the sort merges the two runs


class LabelledSpace:
    """A subspace of ``F^E`` for a finite label set ``E`` and ``F`` = QQ or GF(p).

    Parameters
    ----------
    rows : sequence of sequences
        Spanning vectors (need not be independent), one entry per label, in the
        order of ``labels``.  Entries are ints or Fractions (reduced mod p over
        GF(p)); floats and strings are rejected.
    labels : sequence of hashable
        Distinct column labels.
    field : QQ, GF(p), "QQ", "GF(p)" or None
        The field (default QQ).  ``GF(n)`` with ``n`` not prime is rejected.

    Attributes
    ----------
    labels : tuple
        The labels in canonical order (see [`label_key`][label_key]).
    rows : tuple of tuples
        The canonical RREF basis, columns in the order of ``labels``.
    p : int
        Characteristic of the field (0 for QQ).

    Raises
    ------
    InvalidInputError
        Repeated labels, a row of the wrong length, an inexact entry, a
        non-prime modulus.

    Examples
    --------
    >>> V = LabelledSpace([[2, 2, 0], [1, 1, 0]], ["a", "b", "c"])
    >>> V
    LabelledSpace(QQ, labels=('a', 'b', 'c'), rows=[[1, 1, 0]])
    >>> V == LabelledSpace([[0, 1, 1]], ["c", "a", "b"])
    True
    >>> LabelledSpace([[1, 2]], ["x", "y"], field="GF(3)").rows
    ((1, 2),)
    """

    __slots__ = ("labels", "_gen", "_rows", "_mat", "_zmat", "_zden", "_zg", "_d", "p", "_pv", "_ix", "_hash", "_sp")

    def __init__(self, rows: Sequence[Sequence[Any]], labels: Sequence[Hashable], field: Any = None) -> None:
        p = la.field_char(field)
        labels = _distinct_labels("labels", labels)
        n = len(labels)
        order = sorted(range(n), key=lambda j: _label_key(labels[j]))
        if not isinstance(rows, (list, tuple)) and type(rows).__module__.startswith(("sympy", "numpy", "combalg")):
            from combalg.core.matrix import as_rows

            rows = as_rows(rows, "rows")   # a sympy Matrix iterates over entries, not rows
        if not isinstance(rows, (list, tuple)):
            rows = sequence_arg("rows", rows)
        coerced = []
        for i, row in enumerate(rows):
            if not isinstance(row, (list, tuple)):
                if isinstance(row, (str, bytes)):
                    raise InvalidInputError(f"invalid row {i} {short_repr(row)}: expected a sequence of numbers")
                row = sequence_arg(f"row {i}", row)
            if len(row) != n:
                raise InvalidInputError(
                    f"invalid row {i} {short_repr(row)}: it has {len(row)} entries, expected {n} (one per label)"
                )
            coerced.append([la.coerce_entry(row[j], p, f"entry [{i}][{j}]") for j in order])
        self._init_generators(tuple(labels[j] for j in order), coerced, p)

    def _init_generators(self, labels: tuple, rows: list, p: int, representation: str = "auto") -> None:
        """Set from spanning rows (coerced, columns in canonical order); the RREF is computed lazily.

        The rows are stored sparsely when [`combalg.linking.sparse_spaces.choose`][combalg.linking.sparse_spaces.choose] says so."""
        n = len(labels)
        if representation != "auto" or n >= _ss.AUTO_MIN_LABELS or len(rows) * n > _ss.DENSE_LIMIT:
            nnz = sum(1 for r in rows for x in r if x) if representation == "auto" else 0
            if _ss.choose(len(rows), n, nnz, representation):
                gens = [{j: _sp.elt(x, p) for j, x in enumerate(r) if x} for r in rows]
                self._init_sparse(labels, _ss.SparseForm(n, p, gens=[g for g in gens if g]), p)
                return
            _ss.refuse_dense_beyond_limit(len(rows), n, "dense representation")
        self.labels = labels
        self._gen = rows
        self._rows = None
        self._mat = None
        self._zmat = self._zden = None
        self._zg = None
        self._d = None
        self._pv = None
        self.p = p
        self._ix = None
        self._hash = None
        self._sp = None

    def _init_sparse(self, labels: tuple, form: Any, p: int) -> None:
        """Set from a [`SparseForm`][combalg.linking.sparse_spaces.SparseForm] (columns in canonical order)."""
        self.labels = labels
        self._gen = None
        self._rows = None
        self._mat = None
        self._zmat = self._zden = None
        self._zg = None
        self._d = None
        self.p = p
        self._pv = None
        self._ix = None
        self._hash = None
        self._sp = form

    def _ensure(self) -> None:
        if self._pv is None and self._sp is not None:
            self._pv = self._sp.pivots()
            self._d = len(self._pv)
        if self._pv is None:
            R, piv = la.rref(self._gen, len(self.labels), self.p)
            self._rows = tuple(tuple(r) for r in R)
            self._pv = tuple(piv)
            self._d = len(piv)

    def _init_canonical(self, labels: tuple, rows: list, p: int, reduced: bool = False) -> None:
        if reduced:
            R, piv = rows, [next(j for j, x in enumerate(r) if x != 0) for r in rows]
        else:
            R, piv = la.rref(rows, len(labels), p)
        self.labels = labels
        self._gen = None
        self._rows = tuple(tuple(r) for r in R)
        self._mat = None
        self._zmat = self._zden = None
        self._zg = None
        self._d = len(self._rows)
        self.p = p
        self._pv = tuple(piv)
        self._ix = None
        self._hash = None
        self._sp = None

    def _init_flint(self, labels: tuple, mat: Any, pivots: Sequence[int], p: int) -> None:
        """Set from a flint matrix already in canonical RREF (no zero rows)."""
        self.labels = labels
        self._gen = None
        self._rows = None
        self._mat = mat
        self._zmat = self._zden = None
        self._zg = None
        self._d = len(pivots)
        self.p = p
        self._pv = tuple(pivots)
        self._ix = None
        self._hash = None
        self._sp = None

    def _init_zrref(self, labels: tuple, zmat: Any, den: Any, pivots: Sequence[int]) -> None:
        """Set (over QQ) from an integer matrix ``zmat`` with ``zmat / den`` the canonical RREF."""
        self.labels = labels
        self._gen = None
        self._rows = None
        self._mat = None
        self._zmat = zmat
        self._zden = den
        self._zg = zmat
        self._d = len(pivots)
        self.p = 0
        self._pv = tuple(pivots)
        self._ix = None
        self._hash = None
        self._sp = None

    def _qmat(self) -> Any:
        """The canonical RREF as a flint matrix, if it is stored in flint form (else None)."""
        if self._mat is None and self._zmat is not None:
            self._mat = la.flint.fmpq_mat(self._zmat) / self._zden
        return self._mat

    @property
    def _index(self) -> dict:
        """Position of every label (built on first use: a large graph space often never needs it)."""
        if self._ix is None:
            self._ix = dict(zip(self.labels, range(len(self.labels))))
        return self._ix

    @property
    def _pivots(self) -> tuple:
        self._ensure()
        return self._pv

    @property
    def _dim(self) -> int:
        self._ensure()
        return self._d

    @property
    def rows(self) -> tuple:
        """The canonical RREF basis as a tuple of tuples (columns in the order of ``labels``)."""
        self._ensure()
        if self._rows is None and self._sp is not None:
            return _ss.dense_rows(self, "rows")
        if self._rows is None:
            self._rows = tuple(tuple(r) for r in linalg.from_flint(self._qmat()))
        return self._rows

    def _zgen(self) -> Any:
        """Over QQ: an ``fmpz_mat`` whose rows are nonzero integer multiples of spanning
        rows of V (columns in the order of ``labels``; cached).  The rows are independent
        when the canonical form is known, else they are the given generators (possibly
        dependent)."""
        if self._zg is None:
            if self._zmat is not None:
                self._zg = self._zmat
            elif self._mat is not None:
                self._zg = self._mat.numer_denom()[0]
            else:
                # the canonical rows (independent) if they are known, else the generators
                rows = self._rows if self._rows is not None else self._gen
                flat: list = []
                for r in rows:
                    flat += linalg.integral_row(r)
                self._zg = la.flint.fmpz_mat(len(rows), len(self.labels), flat)
        return self._zg

    def _int_rows(self) -> list[list]:
        """Over QQ: spanning rows scaled to integers (same space); over GF(p): as `_flint_rows`."""
        if self._zmat is not None:
            n = len(self.labels)
            ent = self._zmat.entries()
            return [ent[i * n:(i + 1) * n] for i in range(self._d)]
        if self.p or self._mat is not None:
            rows = self._flint_rows()
        else:
            rows = self._gen if self._gen is not None else self._rows
        return [linalg.integral_row(r) for r in rows] if not self.p else rows

    def _flint_rows(self) -> list[list]:
        """Spanning rows (the generators as given if the RREF has not been needed yet,
        else the canonical rows) as lists of flint scalars or ints."""
        if self._qmat() is not None:
            n = len(self.labels)
            ent = self._mat.entries()
            return [ent[i * n:(i + 1) * n] for i in range(self._d)]
        rows = self._gen if self._gen is not None else self._rows
        if self.p:
            return [list(r) for r in rows]
        return [[x if isinstance(x, int) else la.flint.fmpq(x.numerator, x.denominator) for x in r] for r in rows]

    @classmethod
    def _make(cls, rows: list, labels: Sequence[Hashable], p: int) -> "LabelledSpace":
        """Build from already coerced rows (no validation of entries)."""
        labels = list(labels)
        n = len(labels)
        order = sorted(range(n), key=lambda j: label_key(labels[j]))
        obj = cls.__new__(cls)
        if order == list(range(n)):
            obj._init_generators(tuple(labels), [list(r) for r in rows], p)
        else:
            obj._init_generators(tuple(labels[j] for j in order), [[r[j] for j in order] for r in rows], p)
        return obj

    # ----------------------------------------------------------------- builders
    @classmethod
    def from_rows(cls, rows: Sequence[Sequence[Any]], labels: Sequence[Hashable], field: Any = None,
                  representation: str = "auto") -> "LabelledSpace":
        """Same as the constructor: the row space of ``rows`` on ``labels``.

        ``representation`` is ``"auto"`` (the constructor's choice by size and
        density), ``"dense"`` or ``"sparse"``; see [`to_sparse`][to_sparse].

        >>> LabelledSpace.from_rows([[1, 1]], ["s", "p"]).dim
        1
        >>> LabelledSpace.from_rows([[1, 1]], ["s", "p"], representation="sparse").is_sparse
        True
        """
        _ss.representation_arg(representation)
        labels = _distinct_labels("labels", labels)
        if representation == "dense":
            rows = rows if isinstance(rows, (list, tuple)) else sequence_arg("rows", rows)
            _ss.refuse_dense_beyond_limit(len(rows), len(labels), "from_rows(representation='dense')")
        V = cls(rows, labels, field)
        if representation == "sparse":
            return V.to_sparse()
        if representation == "dense":
            return V.to_dense()
        return V

    @classmethod
    def from_sparse(cls, entries: Iterable[dict], labels: Sequence[Hashable], field: Any = None) -> "LabelledSpace":
        """The space spanned by sparse rows ``{label: value}`` (stored sparsely).

        >>> V = LabelledSpace.from_sparse([{"a": 1, "c": 2}], ["a", "b", "c"])
        >>> V.is_sparse, V.sparse_rows()
        (True, [{'a': 1, 'c': 2}])
        """
        from collections.abc import Mapping as _Mapping

        p = la.field_char(field)
        labels = _distinct_labels("labels", labels)
        pos = {x: j for j, x in enumerate(labels)}
        rows = []
        for i, r in enumerate(sequence_arg("entries", entries)):
            if not isinstance(r, _Mapping):
                raise InvalidInputError(f"invalid sparse row {i} {short_repr(r)}: expected a dict {{label: value}}")
            bad = [x for x in r if x not in pos]
            if bad:
                raise InvalidInputError(f"invalid sparse row {i}: {_args.names(bad)} are not among the labels")
            rows.append({pos[x]: _sp.elt(la.coerce_entry(v, p, f"entry [{i}][{short_repr(x)}]"), p)
                         for x, v in r.items() if v})
        return _ss.from_generators(labels, [r for r in rows if any(r.values())], p)

    # ---------------------------------------------------------- representation
    @property
    def is_sparse(self) -> bool:
        """Whether V is stored sparsely (see [`combalg.linking.sparse_spaces`][combalg.linking.sparse_spaces])."""
        return self._sp is not None

    def to_sparse(self) -> "LabelledSpace":
        """The same space stored sparsely (``self`` if it already is).

        >>> V = LabelledSpace([[1, 0, 2]], "abc")
        >>> V.to_sparse() == V, V.to_sparse().is_sparse
        (True, True)
        """
        return _ss.to_sparse(self)

    def to_dense(self) -> "LabelledSpace":
        """The same space stored densely (``self`` if it already is).

        Raises
        ------
        ResourceLimitError
            If the canonical basis would have more than
            [`DENSE_LIMIT`][combalg.linking.sparse_spaces.DENSE_LIMIT] entries.
        """
        return _ss.to_dense(self)

    def to_domain_matrix(self) -> Any:
        """The canonical RREF as a sympy sparse ``DomainMatrix`` (columns in the order of ``labels``).

        For sparse spaces the entries are handed over without conversion (they are
        FLINT elements, as in sympy's domains with FLINT ground types).

        >>> LabelledSpace([[2, 0, 4]], "abc").to_domain_matrix().to_Matrix()
        Matrix([[1, 0, 2]])
        """
        return _ss.to_domain_matrix(self)

    def sparse_rows(self) -> list[dict]:
        """The canonical RREF basis as dicts ``{label: value}`` of the nonzero entries.

        >>> LabelledSpace([[2, 0, 4]], "abc").sparse_rows()
        [{'a': 1, 'c': 2}]
        """
        return _ss.sparse_rows(self)

    @classmethod
    def zero(cls, labels: Sequence[Hashable], field: Any = None) -> "LabelledSpace":
        """The zero space on ``labels``.

        >>> LabelledSpace.zero(["a", "b"]).dim
        0
        """
        return cls([], labels, field)

    @classmethod
    def full(cls, labels: Sequence[Hashable], field: Any = None) -> "LabelledSpace":
        """The whole space ``F^labels``.

        >>> LabelledSpace.full(["a", "b"]).dim
        2
        """
        labels = _distinct_labels("labels", labels)
        n = len(labels)
        if n >= _ss.AUTO_MIN_LABELS:  # the identity is sparse: never build it densely
            return _ss.full(labels, la.field_char(field))
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)], labels, field)

    @classmethod
    def from_networkx_cut_space(cls, G: Any, field: Any = None) -> "LabelledSpace":
        """The cut (potential-difference) space of a networkx graph.

        See [`combalg.linking.graphs.cut_space`][combalg.linking.graphs.cut_space] for the edge labels and
        orientations used.

        >>> import networkx as nx
        >>> LabelledSpace.from_networkx_cut_space(nx.cycle_graph(4)).dim
        3
        """
        from combalg.linking.graphs import cut_space

        return cut_space(G, field)

    @classmethod
    def from_networkx_cycle_space(cls, G: Any, field: Any = None) -> "LabelledSpace":
        """The cycle (flow) space of a networkx graph, the complement of the cut space.

        >>> import networkx as nx
        >>> LabelledSpace.from_networkx_cycle_space(nx.complete_graph(4)).dim
        3
        """
        from combalg.linking.graphs import cycle_space

        return cycle_space(G, field)

    # ------------------------------------------------------------------ basics
    @property
    def field(self) -> Any:
        """The field (a core field object, ``QQ`` or ``GF(p)``)."""
        return la.field_object(self.p)

    @property
    def field_name(self) -> str:
        """``"QQ"`` or ``"GF(p)"``."""
        return la.field_name(self.p)

    @property
    def dim(self) -> int:
        """Dimension r(V): the number of canonical RREF rows."""
        return self._dim

    @property
    def pivots(self) -> tuple:
        """Labels of the pivot columns of the canonical RREF."""
        return tuple(map(self.labels.__getitem__, self._pivots))

    def label_set(self) -> frozenset:
        """The labels as a frozenset."""
        return frozenset(self.labels)

    def __len__(self) -> int:
        return len(self.labels)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LabelledSpace):
            return NotImplemented
        if self.p != other.p or self.labels != other.labels or self._dim != other._dim:
            return False
        if self._pivots != other._pivots:
            return False
        if self._sp is not None or other._sp is not None:
            return _ss.equal(self, other)
        if self._zmat is not None and other._zmat is not None:
            return bool(self._zmat * other._zden == other._zmat * self._zden)
        if self._qmat() is not None and other._qmat() is not None:
            return bool(self._mat == other._mat)
        return self.rows == other.rows

    def __hash__(self) -> int:
        if self._hash is None:
            # the pivots determine the canonical form's shape and are cheap for every
            # representation (a greedy forest for graph spaces)
            self._hash = hash((self.p, self.labels, self._pivots))
        return self._hash

    def __repr__(self) -> str:
        if self._sp is not None and self.dim * len(self.labels) > 10_000:
            return (f"LabelledSpace({self.field_name}, {len(self.labels)} labels, dim={self.dim}, sparse,"
                    f" labels={self.labels[:3]!r}...)")
        rows = [list(r) for r in self.rows]
        with unlimited_int_digits():  # entries or labels past Python's 4300-digit str limit
            return f"LabelledSpace({self.field_name}, labels={self.labels!r}, rows={_fmt_rows(rows)})"

    def rows_in(self, order: Sequence[Hashable]) -> list[list]:
        """The RREF basis of V with the columns taken in the order ``order``.

        ``order`` must be a permutation of the labels.  (The canonical form
        `rows` is the RREF for the canonical label order.)

        >>> LabelledSpace([[1, 2]], ["x", "y"]).rows_in(["y", "x"])
        [[1, 1/2]]
        """
        order = self._check_labels(order, "order", exact=True)
        idx = [self._index[x] for x in order]
        if self._sp is not None:
            _ss.refuse_dense_beyond_limit(self.dim, len(idx), "rows_in")
            pos = {j: t for t, j in enumerate(idx)}
            R, _ = _sp.rref([{pos[j]: x for j, x in r.items()} for r in self._sp.canonical()], self.p)
            R = [[_sp.py(r.get(t, 0), self.p) if t in r else 0 for t in range(len(idx))] for r in R]
            return [[_Show(x) if isinstance(x, Fraction) else x for x in r] for r in R]
        R, _ = la.rref([[r[j] for j in idx] for r in self.rows], len(idx), self.p)
        return [[_Show(x) if isinstance(x, Fraction) else x for x in r] for r in R]

    def matrix(self) -> list[list]:
        """The canonical RREF rows as lists (columns in the order of ``labels``)."""
        return [list(r) for r in self.rows]

    def contains(self, vector: dict | Sequence[Any]) -> bool:
        """Whether a vector (dict label -> value, or a sequence in label order) lies in V.

        >>> LabelledSpace([[1, 1]], ["a", "b"]).contains({"a": 3, "b": 3})
        True
        """
        if isinstance(vector, dict):
            extra = set(vector) - set(self.labels)
            if extra:
                raise InvalidInputError(f"invalid vector keys {_args.names(extra)}: not labels of the space")
            v = [la.coerce_entry(vector.get(x, 0), self.p, "vector entry") for x in self.labels]
        else:
            if isinstance(vector, (str, bytes)):
                raise InvalidInputError(f"invalid vector {short_repr(vector)}: expected a dict or a sequence of numbers")
            v = sequence_arg("vector", vector)
            if len(v) != len(self.labels):
                raise InvalidInputError(f"invalid vector {short_repr(v)}: expected {len(self.labels)} entries")
            v = [la.coerce_entry(x, self.p, "vector entry") for x in v]
        if self._sp is not None:
            return _ss.contains(self, v)
        return la.rank([list(r) for r in self.rows] + [v], len(self.labels), self.p) == self.dim

    def vectors(self) -> Iterable[tuple]:
        """All vectors of V over GF(p) (in label order); only for finite fields.

        >>> len(list(LabelledSpace([[1, 0], [0, 1]], ["a", "b"], "GF(2)").vectors()))
        4
        """
        import itertools

        if self.p == 0:
            raise InvalidInputError("invalid field QQ: vectors() enumerates only spaces over GF(p)")
        n = len(self.labels)
        for coeffs in itertools.product(range(self.p), repeat=self.dim):
            yield tuple(sum(c * r[j] for c, r in zip(coeffs, self.rows)) % self.p for j in range(n))

    # ---------------------------------------------------------- label helpers
    def _check_labels(self, T: Iterable[Hashable], name: str, exact: bool = False) -> list:
        T = _args.labels_arg(name, T)
        bad = [x for x in T if x not in self._index]
        if bad:
            raise InvalidInputError(
                f"invalid {name} {short_repr(T)}: {_args.names(bad)} not among the labels {short_repr(self.labels)}"
            )
        if len(set(T)) != len(T):
            raise InvalidInputError(f"invalid {name} {short_repr(T)}: repeated labels")
        if exact and len(T) != len(self.labels):
            raise InvalidInputError(
                f"invalid {name} {short_repr(T)}: expected every label of {short_repr(self.labels)} once")
        return T

    def _same_field(self, other: "LabelledSpace", what: str) -> None:
        if not isinstance(other, LabelledSpace):
            raise InvalidInputError(f"invalid {what} {short_repr(other)}: expected a LabelledSpace")
        if self.p != other.p:
            raise InvalidInputError(
                f"mismatched fields in {what}: {self.field_name} and {other.field_name}"
            )

    # -------------------------------------------------------------- operations
    def restrict(self, T: Iterable[Hashable]) -> "LabelledSpace":
        """Restriction (projection) V·T = {f_T : f in V}.

        Parameters
        ----------
        T : iterable of labels
            A subset of the labels.

        Examples
        --------
        >>> LabelledSpace([[1, 1, 0], [0, 0, 1]], "abc").restrict("ab")
        LabelledSpace(QQ, labels=('a', 'b'), rows=[[1, 1]])
        """
        T = sort_labels(self._check_labels(T, "restriction set"))
        if self._sp is not None:
            return _ss.restrict(self, T)
        idx = [self._index[x] for x in T]
        return LabelledSpace._make([[r[j] for j in idx] for r in self.rows], T, self.p)

    def contract(self, T: Iterable[Hashable]) -> "LabelledSpace":
        """Contraction V×T = {f_T : f in V, f vanishes outside T}.

        Computed by one RREF with the columns outside ``T`` placed first: the
        rows whose pivot lies in ``T`` vanish outside ``T`` and span V×T.

        >>> LabelledSpace([[1, 1, 0], [0, 0, 1]], "abc").contract("ab")
        LabelledSpace(QQ, labels=('a', 'b'), rows=[[1, 1]])
        """
        T = sort_labels(self._check_labels(T, "contraction set"))
        if self._sp is not None:
            return _ss.contract(self, T)
        Tset = set(T)
        rest = [x for x in self.labels if x not in Tset]
        cols = [self._index[x] for x in rest] + [self._index[x] for x in T]
        k = len(rest)
        if self.p == 0 and self._gen and cols and len(self._gen) == self.dim:
            # independent generators: one fraction-free RREF of their integer multiples
            # (the canonical rows can have much larger entries than the generators)
            from combalg.linking.composition import _contraction_from_rref

            flat: list = []
            for r in self._gen:
                ir = linalg.integral_row(r)
                flat += [ir[j] for j in cols]
            Rz, den, rk = la.flint.fmpz_mat(len(self._gen), len(cols), flat).rref()
            return _contraction_from_rref(LabelledSpace.__new__(LabelledSpace), Rz, rk, k, T, 0, den)
        R, piv = la.rref([[r[j] for j in cols] for r in self.rows], len(cols), self.p)
        rows = [row[k:] for row, pc in zip(R, piv) if pc >= k]
        obj = LabelledSpace.__new__(LabelledSpace)
        obj._init_canonical(T, rows, self.p, reduced=True)
        return obj

    def perp(self) -> "LabelledSpace":
        """Orthogonal complement V^⊥ for the form sum_e g_e f_e.

        >>> LabelledSpace([[1, 1]], ["a", "b"]).perp()
        LabelledSpace(QQ, labels=('a', 'b'), rows=[[1, -1]])
        """
        if self._sp is not None:
            return _ss.perp(self)
        N = la.nullspace_from_rref(self.rows, self._pivots, len(self.labels), self.p)
        return LabelledSpace._make(N, self.labels, self.p)

    def extend(self, labels: Iterable[Hashable]) -> "LabelledSpace":
        """Embed V in ``F^(E ∪ labels)`` by padding with zeros.

        >>> LabelledSpace([[1]], ["a"]).extend(["b"]).rows_in(["a", "b"])
        [[1, 0]]
        """
        new = [x for x in dict.fromkeys(_args.labels_arg("labels", labels)) if x not in self._index]
        if not new:
            return self
        if self._sp is not None:
            return _ss.extend(self, new)
        all_labels = list(self.labels) + new
        rows = [list(r) + [0] * len(new) for r in self.rows]
        return LabelledSpace._make(rows, all_labels, self.p)

    def relabel(self, mapping: dict) -> "LabelledSpace":
        """Rename labels (``mapping`` old -> new; unmapped labels are kept).

        >>> LabelledSpace([[1, 2]], ["a", "b"]).relabel({"a": "c"}).rows_in(["c", "b"])
        [[1, 2]]
        """
        from collections.abc import Mapping

        if not isinstance(mapping, Mapping):
            raise InvalidInputError(f"invalid mapping {short_repr(mapping)}: expected a dict old label -> new label")
        new = _args.labels_arg("new labels", [mapping.get(x, x) for x in self.labels])
        if len(set(new)) != len(new):
            raise InvalidInputError(f"invalid relabelling {short_repr(mapping)}: two labels get the same name")
        if self._sp is not None:
            return _ss.relabel(self, new)
        return LabelledSpace._make([list(r) for r in self.rows], new, self.p)

    def negate(self, T: Iterable[Hashable]) -> "LabelledSpace":
        """The space with the coordinates in ``T`` multiplied by -1.

        >>> LabelledSpace([[1, 1]], ["a", "b"]).negate(["b"]).rows_in(["a", "b"])
        [[1, -1]]
        """
        T = set(self._check_labels(T, "negated set"))
        idx = {self._index[x] for x in T}
        if self._sp is not None:
            return _ss.negate(self, idx)
        rows = [[la.neg(x, self.p) if j in idx else x for j, x in enumerate(r)] for r in self.rows]
        return LabelledSpace._make(rows, self.labels, self.p)

    def sum(self, other: "LabelledSpace") -> "LabelledSpace":
        """V + W on the union of the label sets (missing labels padded with 0).

        >>> A = LabelledSpace([[1, 0]], "ab"); B = LabelledSpace([[0, 1]], "bc")
        >>> A.sum(B).rows_in("abc")
        [[1, 0, 0], [0, 0, 1]]
        """
        self._same_field(other, "sum")
        if self._sp is not None or other._sp is not None:
            return _ss.sum_(self, other)
        labels = list(dict.fromkeys(list(self.labels) + list(other.labels)))
        A = self.extend(labels)
        B = other.extend(labels)
        return LabelledSpace._make([list(r) for r in A.rows] + [list(r) for r in B.rows], A.labels, self.p)

    __add__ = sum

    def intersection(self, other: "LabelledSpace") -> "LabelledSpace":
        """V ∩ W on the union of the label sets, computed as (V^⊥ + W^⊥)^⊥.

        >>> A = LabelledSpace([[1, 1, 0], [0, 0, 1]], "abc")
        >>> B = LabelledSpace([[1, 1, 1]], "abc")
        >>> A.intersection(B).rows_in("abc")
        [[1, 1, 1]]
        """
        self._same_field(other, "intersection")
        labels = list(dict.fromkeys(list(self.labels) + list(other.labels)))
        return self.extend(labels).perp().sum(other.extend(labels).perp()).perp()

    __and__ = intersection

    def is_subspace_of(self, other: "LabelledSpace") -> bool:
        """Whether V ⊆ W (same label set required).

        >>> LabelledSpace([[1, 1]], "ab").is_subspace_of(LabelledSpace.full("ab"))
        True
        """
        self._same_field(other, "subspace test")
        if self.label_set() != other.label_set():
            raise InvalidInputError(
                f"invalid subspace test: label sets {short_repr(self.labels)} and {short_repr(other.labels)} differ"
            )
        return self.sum(other).dim == other.dim

    def direct_sum(self, other: "LabelledSpace") -> "LabelledSpace":
        """V ⊕ W on disjoint label sets.

        >>> LabelledSpace([[1]], "a").direct_sum(LabelledSpace([[1]], "b")).dim
        2
        """
        self._same_field(other, "direct sum")
        common = set(self.labels) & set(other.labels)
        if common:
            raise InvalidInputError(
                f"invalid direct sum: the label sets overlap in {_args.names(common)}; expected disjoint labels"
            )
        return self.sum(other)

    def connectivity(self, S: Iterable[Hashable]) -> int:
        """The connectivity lambda_V(S) = r(V·S) - r(V×S).

        It equals lambda_V(E - S) and Oxley's r(S) + r(E - S) - r(M) for the
        column matroid M of V (without the +1 of his kappa).

        >>> V = LabelledSpace([[1, 0, 1, 0], [0, 1, 0, 1]], ["s1", "s2", "q1", "q2"])
        >>> V.connectivity(["s1", "s2"])
        2
        """
        S = self._check_labels(S, "side S")
        if self._sp is not None:
            return _ss.connectivity(self, S)
        return self.restrict(S).dim - self.contract(S).dim

    def as_sympy(self) -> Any:
        """The canonical RREF basis as a sympy ``Matrix`` (columns in the order of ``labels``).

        Over GF(p) the entries are the integers ``0..p-1``.  The way back is the
        constructor: ``LabelledSpace(M.tolist(), labels)`` accepts sympy rationals.

        Examples
        --------
        >>> V = LabelledSpace([[1, 2, 0], [0, 1, 1]], ["a", "b", "c"])
        >>> M = V.as_sympy(); M
        Matrix([
        [1, 0, -2],
        [0, 1,  1]])
        >>> LabelledSpace(M.tolist(), V.labels) == V
        True
        """
        import sympy

        n = len(self.labels)
        return sympy.Matrix(self.dim, n, [sympy.Rational(x.numerator, x.denominator) for r in self.rows for x in r])

    def _latex(self, printer: Any = None) -> str:
        """``sympy.latex(V)``: the same display as in Jupyter."""
        return self.latex()

    def _sympy_(self) -> Any:
        """``sympy.sympify(V)``: the canonical basis as an immutable sympy matrix (the labels are
        not part of it; see [`as_sympy`][as_sympy])."""
        import sympy

        return sympy.ImmutableMatrix(self.as_sympy())

    def latex(self, order: Sequence[Hashable] | None = None) -> str:
        """LaTeX math for V: its RREF basis as an array headed by the labels, ``\\subseteq F^n``.

        Parameters
        ----------
        order : sequence of labels, optional
            The column order (a permutation of the labels); the basis is the RREF
            in that order.  Default: the canonical order of `labels`.

        Examples
        --------
        >>> print(LabelledSpace([[1, Fraction(1, 2)]], ["s_1", "q"]).latex())
        \\left[\\begin{array}{cc}\\text{q} & \\text{s\\_1} \\\\ \\hline 1 & 2\\end{array}\\right] \\subseteq \\mathbb{Q}^{2}
        >>> print(LabelledSpace([[1, Fraction(1, 2)]], ["s_1", "q"]).latex(["s_1", "q"]))
        \\left[\\begin{array}{cc}\\text{s\\_1} & \\text{q} \\\\ \\hline 1 & \\frac{1}{2}\\end{array}\\right] \\subseteq \\mathbb{Q}^{2}
        >>> print(LabelledSpace([], ["a", "b"], field="GF(2)").latex())
        \\{0\\} \\subseteq \\mathrm{GF}(2)^{\\{\\text{a}, \\text{b}\\}}
        """
        labels = list(self.labels) if order is None else self._check_labels(order, "order", exact=True)
        rows = self.rows if order is None else self.rows_in(labels)
        field = r"\mathbb{Q}" if self.p == 0 else rf"\mathrm{{GF}}({self.p})"
        with unlimited_int_digits():
            names = [r"\text{" + escape_text(str(x)) + "}" for x in labels]
        if self.dim == 0:
            return rf"\{{0\}} \subseteq {field}^{{\{{{', '.join(names)}\}}}}"
        body = r" \\ ".join(" & ".join(fraction(x) for x in r) for r in rows)
        array = rf"\left[\begin{{array}}{{{'c' * len(names)}}}{' & '.join(names)} \\ \hline {body}\end{{array}}\right]"
        return rf"{array} \subseteq {field}^{{{len(names)}}}"

    def _repr_latex_(self) -> str:
        """[`latex`][latex] in math delimiters (for Jupyter); for a large sparse space (shown
        in short by ``repr`` too) its dimension and field instead of the basis.

        >>> import networkx as nx
        >>> from combalg.linking import cycle_space
        >>> print(cycle_space(nx.complete_graph(30))._repr_latex_())
        $V \\subseteq \\mathbb{Q}^{435},\\ \\dim V = 406 \\text{ (sparse)}$
        """
        if self._sp is not None and self.dim * len(self.labels) > 10_000:
            field = r"\mathbb{Q}" if self.p == 0 else rf"\mathrm{{GF}}({self.p})"
            return rf"$V \subseteq {field}^{{{len(self.labels)}}},\ \dim V = {self.dim} \text{{ (sparse)}}$"
        return f"${self.latex()}$"

    def to_dict(self) -> dict:
        """JSON-ready form: ``{"field": ..., "labels": [...], "rows": [[...]]}`` (rationals as strings).

        >>> LabelledSpace([[1, Fraction(1, 2)]], ["a", "b"]).to_dict()
        {'field': 'QQ', 'labels': ['a', 'b'], 'rows': [[1, '1/2']]}
        """
        return {
            "field": self.field_name,
            "labels": [x if isinstance(x, (str, int)) else repr(x) for x in self.labels],
            "rows": [[x if isinstance(x, int) else str(x) for x in r] for r in self.rows],
        }


class _Show(Fraction):
    """A Fraction whose repr is ``p/q`` (for readable matrices)."""

    def __repr__(self) -> str:
        return str(self)


def _fmt_rows(rows: list) -> str:
    return "[" + ", ".join("[" + ", ".join(str(x) for x in r) + "]" for r in rows) + "]"
