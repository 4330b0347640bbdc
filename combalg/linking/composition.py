"""Matched and skewed composition, overlap minimisation and decomposition.

For spaces ``V_SP`` on ``S ⊎ P`` and ``V_PQ`` on ``P ⊎ Q``:

* matched composition ``V_SP ↔ V_PQ = {(f_S, f_Q) : (f_S, h) ∈ V_SP, (h, f_Q) ∈ V_PQ}``,
* skewed composition ``V_SP ⇌ V_PQ = {(f_S, f_Q) : (f_S, h) ∈ V_SP, (-h, f_Q) ∈ V_PQ}``.

Both are computed by [`compose`][compose] (``sign=+1`` and ``sign=-1``).  The
implicit duality theorem holds over every field in the form

    (V_SP ↔ V_PQ)^⊥ = V_SP^⊥ ⇌ V_PQ^⊥,

while the "same sign" form with ↔ on both sides is false outside
characteristic 2 (e.g. ``V_SP = V_PQ = <(1, 1)>`` over QQ).

The minimum size of the shared label set ``P`` over all decompositions of a
space ``V_SQ`` is its connectivity ``lambda = r(V·S) - r(V×S)``;
[`decompose`][decompose] reaches it and [`minimize_overlap`][minimize_overlap] reduces a given pair
to it while keeping a subset of ``P``.  These statements and algorithms are
reconstructions based on the abstract of Narayanan (2023), proved and checked
independently; they are not the paper's own algorithms.

Examples
--------
>>> from combalg.linking import LabelledSpace, compose, decompose
>>> V_SP = LabelledSpace([[1, 0, 1], [0, 1, 1]], ["s1", "s2", "p1"])
>>> V_PQ = LabelledSpace([[1, 1, 0], [1, 0, 1]], ["p1", "q1", "q2"])
>>> compose(V_SP, V_PQ).rows_in(["s1", "s2", "q1", "q2"])
[[1, 0, 0, 1], [0, 1, 0, 1], [0, 0, 1, -1]]
>>> compose(V_SP, V_PQ, sign=-1).rows_in(["s1", "s2", "q1", "q2"])
[[1, 0, 0, -1], [0, 1, 0, -1], [0, 0, 1, -1]]
>>> V = compose(V_SP, V_PQ)
>>> A, B = decompose(V, ["s1", "s2"], ["q1", "q2"])
>>> compose(A, B) == V, len(set(A.labels) & set(B.labels))
(True, 1)

References
----------
H. Narayanan, *On composition and decomposition operations for vector spaces,
graphs and matroids*, arXiv, 2023.
"""

from __future__ import annotations

import bisect
import functools
from itertools import chain
from typing import Any, Hashable, Iterable, NamedTuple, Sequence

from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError
from combalg.linking import _args
from combalg.linking import _linalg as la
from combalg.linking import sparse_spaces as _ss
from combalg.linking.spaces import LabelledSpace, label_key, merge_labels, sort_labels

__all__ = ["compose", "minimize_overlap", "decompose", "min_overlap", "shared_labels"]


def _check_sign(sign: int) -> int:
    import operator

    try:
        value = None if isinstance(sign, bool) else operator.index(sign)
    except TypeError:
        value = None
    if value not in (1, -1):
        raise InvalidInputError(f"invalid sign {short_repr(sign)}: expected +1 (matched ↔) or -1 (skewed ⇌)")
    return value


def _p_arg(P: Any) -> tuple | None:
    """The shared labels ``P`` as a tuple of hashable labels (or None)."""
    return None if P is None else tuple(_args.labels_arg("shared set P", P))


def shared_labels(V_SP: LabelledSpace, V_PQ: LabelledSpace, P: Iterable[Hashable] | None = None) -> tuple:
    """Return (S, P, Q) for two spaces, checking ``P`` against the shared labels.

    If ``P`` is given it must be exactly the set of labels the two spaces share;
    any other shared label would be an overlap outside ``P``.

    >>> A = LabelledSpace([[1, 1]], ["s", "p"]); B = LabelledSpace([[1, 1]], ["p", "q"])
    >>> shared_labels(A, B)
    (('s',), ('p',), ('q',))
    """
    _check_pair(V_SP, V_PQ)
    return _split_labels(V_SP.labels, V_PQ.labels, _p_arg(P))[:3]


def _check_pair(V_SP: LabelledSpace, V_PQ: LabelledSpace) -> None:
    for name, V in (("V_SP", V_SP), ("V_PQ", V_PQ)):
        if not isinstance(V, LabelledSpace):
            raise InvalidInputError(f"invalid {name} {short_repr(V)}: expected a LabelledSpace")
    if V_SP.p != V_PQ.p:
        raise InvalidInputError(
            f"mismatched fields: V_SP is over {V_SP.field_name} but V_PQ is over {V_PQ.field_name}"
        )


#: the last label splits, keyed by the identity of the two label tuples (hashing a tuple of
#: 10^5 labels, as a cache keyed by value would, costs more than most splits)
_SPLITS: dict = {}
_SPLITS_SIZE = 256


def _split_labels(left_labels: tuple, right_labels: tuple, P: tuple | None) -> tuple:
    """``(S, P, Q, S ∪ Q, pos1, pos2)`` for two label tuples, each in canonical order, checking
    a given ``P`` against the shared labels; ``pos1[t]`` and ``pos2[t]`` are the positions of
    the shared label ``P[t]`` in each tuple.  Cached for the last few pairs of tuples."""
    key = (id(left_labels), id(right_labels), P)
    hit = _SPLITS.get(key)
    if hit is not None and hit[0] is left_labels and hit[1] is right_labels:
        return hit[2]
    out = _split_computed(left_labels, right_labels, P)
    if len(_SPLITS) >= _SPLITS_SIZE:
        del _SPLITS[next(iter(_SPLITS))]
    _SPLITS[key] = (left_labels, right_labels, out)
    return out


def _without(labels: tuple, positions: Sequence[int]) -> tuple:
    """``labels`` without the entries at the (increasing) ``positions``."""
    if not positions:
        return labels
    parts, prev = [], 0
    for j in positions:
        parts.append(labels[prev:j])
        prev = j + 1
    parts.append(labels[prev:])
    return tuple(chain.from_iterable(parts))


def _positions(labels: tuple, wanted: tuple) -> list[int]:
    """Positions of the ``wanted`` labels in ``labels`` (canonical order): by bisection when
    few are wanted, else through an index."""
    if 32 * len(wanted) < len(labels):
        out = []
        for x in wanted:
            j = bisect.bisect_left(labels, label_key(x), key=label_key)
            if j == len(labels) or labels[j] != x:
                break  # two labels tie in the order: look them up instead
            out.append(j)
        else:
            return out
    index = dict(zip(labels, range(len(labels))))
    return [index[x] for x in wanted]


def _split_computed(left_labels: tuple, right_labels: tuple, P: tuple | None) -> tuple:
    right = set(right_labels)
    pos1 = [j for j, x in enumerate(left_labels) if x in right]
    Pl = tuple(map(left_labels.__getitem__, pos1))  # canonical order, as left_labels is
    if P is not None:
        common = set(Pl)
        Pset = set(P)
        missing = [x for x in P if x not in common]
        if missing:
            raise InvalidInputError(
                f"invalid shared set P {short_repr(list(P))}: {_args.names(missing)} is not a label of both spaces"
            )
        extra = common - Pset
        if extra:
            raise InvalidInputError(
                f"labels overlap outside P: {_args.names(extra)} occur in both spaces"
                f" but not in P {short_repr(list(P))}"
            )
    pos2 = _positions(right_labels, Pl)
    S = _without(left_labels, pos1)
    Q = _without(right_labels, sorted(pos2))
    return S, Pl, Q, merge_labels(S, Q), tuple(pos1), tuple(pos2)


def compose(V_SP: LabelledSpace, V_PQ: LabelledSpace, sign: int = 1, P: Iterable[Hashable] | None = None) -> LabelledSpace:
    """Matched (``sign=+1``, ↔) or skewed (``sign=-1``, ⇌) composition.

    ``P`` is the set of labels shared by the two spaces (checked if given),
    ``S`` and ``Q`` the remaining labels of each.  The result lives on ``S ⊎ Q``.

    Algorithm: stack the rows ``(B1_S, B1_P, 0)`` and ``(0, -sign*B2_P, B2_Q)``
    and take the contraction onto ``S ⊎ Q``: the rows with pivot outside ``P``
    of the RREF with the ``P`` columns first.  Over QQ the rows are scaled to
    integers and the contraction is found by a smaller fraction-free solve when
    the stacked rows are independent: with ``A`` the stacked rows on the pivot
    columns, only the last rows of ``A^{-1}`` are needed (one RREF of
    ``[A^T | E]``); pivot columns other than the first ones are located modulo a
    prime and every conclusion is then certified exactly, so the result never
    depends on the prime.  Otherwise one exact RREF of the stacked rows is used.
    For ``P`` empty the result is the direct sum.

    Parameters
    ----------
    V_SP, V_PQ : LabelledSpace
        Spaces over the same field.
    sign : {+1, -1}
        +1 for ↔, -1 for ⇌.
    P : iterable of labels, optional
        The expected shared labels.

    Returns
    -------
    LabelledSpace
        The composition on ``S ⊎ Q``.

    Raises
    ------
    InvalidInputError
        Mismatched fields, a bad sign, or labels shared outside the given ``P``.

    Examples
    --------
    >>> A = LabelledSpace([[1, 1]], ["s", "p"]); B = LabelledSpace([[1, 1]], ["p", "q"])
    >>> compose(A, B).rows_in(["s", "q"]), compose(A, B, sign=-1).rows_in(["s", "q"])
    ([[1, 1]], [[1, -1]])
    >>> compose(A.perp(), B.perp(), sign=-1) == compose(A, B).perp()
    True
    """
    sign = _check_sign(sign)
    _check_pair(V_SP, V_PQ)
    # columns: P first, then S ∪ Q in canonical order, so that the rows of the
    # RREF with pivot outside P are already the canonical RREF of the result
    S, Pl, Q, out_labels, pos1, pos2 = _split_labels(V_SP.labels, V_PQ.labels, _p_arg(P))
    p = V_SP.p
    if V_SP._sp is not None or V_PQ._sp is not None:
        return _ss.compose(V_SP, V_PQ, sign, Pl, out_labels, (S, pos1, pos2))
    if p == 0:
        fast = _compose_generic_qq(V_SP, V_PQ, sign, Pl, out_labels)
        if fast is not None:
            return fast
    i1 = V_SP._index
    i2 = V_PQ._index
    Sset = set(S)
    cols1P = [i1[x] for x in Pl]
    cols2P = [i2[x] for x in Pl]
    k = len(Pl)
    n = k + len(out_labels)
    obj = LabelledSpace.__new__(LabelledSpace)
    if p == 0:
        # integer multiples of the rows (same spaces; fraction-free elimination)
        M = _stack_qq(V_SP, V_PQ, sign, Pl, out_labels, Sset)
        if M is None:
            obj._init_canonical(out_labels, [], 0, reduced=True)
            return obj
        fast = _contract_qq(M, k, out_labels)
        if fast is not None:
            return fast
        R, den, rk = M.rref()  # R / den is the RREF
        return _contraction_from_rref(obj, R, rk, k, out_labels, 0, den)
    R1, R2 = V_SP._int_rows(), V_PQ._int_rows()
    n1, n2 = len(V_SP.labels), len(V_PQ.labels)
    # index n1 / n2 points at an appended zero; for ↔ the P part of V_PQ is negated
    idx1 = cols1P + [i1[x] if x in Sset else n1 for x in out_labels]
    idx2 = [n2 + 1 + j for j in cols2P] if sign == 1 else list(cols2P)
    idx2 += [n2 if x in Sset else i2[x] for x in out_labels]
    flat: list = []
    for r in R1:
        r = r + [0]
        flat += [r[j] for j in idx1]
    for r in R2:
        r = r + [0] + ([-x for x in r] if sign == 1 else [])
        flat += [r[j] for j in idx2]
    m = len(R1) + len(R2)
    if m == 0 or n == 0:
        obj._init_canonical(out_labels, [], p, reduced=True)
        return obj
    R, rk = la.flint.nmod_mat(m, n, flat, p).rref()
    return _contraction_from_rref(obj, R, rk, k, out_labels, p)


def _contraction_from_rref(obj: LabelledSpace, R: Any, rk: int, k: int, out_labels: tuple, p: int,
                           den: Any = None) -> LabelledSpace:
    """Fill ``obj`` with the rows of an RREF ``R`` (``R / den`` over QQ) whose pivot
    lies after the first ``k`` columns, restricted to those columns."""
    n = R.ncols()
    ent = R.entries()
    out: list = []
    pivots: list = []
    for i in range(rk):
        base = i * n
        j = base
        while ent[j] == 0:
            j += 1
        j -= base
        if j >= k:
            out += ent[base + k: base + n]
            pivots.append(j - k)
    nout = n - k
    if p:
        obj._init_flint(out_labels, la.flint.nmod_mat(len(pivots), nout, out, p), pivots, p)
    else:
        obj._init_zrref(out_labels, la.flint.fmpz_mat(len(pivots), nout, out), den, pivots)
    return obj


# A 63-bit prime: pivot columns are located modulo it, and every conclusion drawn
# from them is then checked exactly (see _contract_qq, _compose_generic_qq).
_PRIME = 9223372036854775783


def _unit_matrix(nrows: int, ncols: int, entries: Iterable[tuple[int, int]], value: int = 1) -> Any:
    """An ``fmpz_mat`` with ``value`` at the given (row, column) positions and 0 elsewhere."""
    X = la.flint.fmpz_mat(nrows, ncols)
    for i, j in entries:
        X[i, j] = value
    return X


@functools.lru_cache(maxsize=256)
def _shift(nrows: int, ncols: int, row0: int, col0: int, count: int) -> Any:
    """The 0/1 ``fmpz_mat`` with ones at ``(row0 + t, col0 + t)``, ``t < count`` (cached; never mutated).

    Multiplying by it moves a block of rows or columns: ``_shift(m, d, a, 0, d) * X``
    places the ``d`` rows of ``X`` at rows ``a, a+1, ...``; ``X * _shift(n, c, a, 0, c)``
    keeps the columns ``a, ..., a+c-1`` of ``X``.
    """
    return _unit_matrix(nrows, ncols, [(row0 + t, col0 + t) for t in range(count)])


class _GenericPlan(NamedTuple):
    """The label bookkeeping of the generic QQ route for one shape of input (see
    [`_compose_generic_qq`][_compose_generic_qq]): 0/±1 placement matrices, which FLINT multiplies much
    faster than entries can be moved one by one from Python."""

    m: int  # rows of the stacked matrix M (d1 + d2)
    q: int  # dimension of the result when the route applies (m - |P|)
    L1: Any  # m x n1: the columns P, then the first q labels of S ∪ Q, taken from V_SP
    L2: Any  # m x n2: the same from V_PQ, with the P part multiplied by -sign
    T1: Any  # nout x n1: the labels of S ∪ Q taken from V_SP
    T2: Any  # nout x n2: the labels of S ∪ Q taken from V_PQ
    W1: Any  # d1 x width: columns 0..d1-1 of [A^T | E]
    W2: Any  # d2 x width: columns d1..m-1 of [A^T | E]
    E: Any  # m x width: the unit columns E
    Y: Any  # width x q: keeps the last q columns
    C1: Any  # d1 x m: columns 0..d1-1 of M_T^T
    C2: Any  # d2 x m: columns d1..m-1 of M_T^T


@functools.lru_cache(maxsize=128)
def _generic_plan(labels1: tuple, labels2: tuple, Pl: tuple, out_labels: tuple, d1: int, d2: int,
                  sign: int) -> _GenericPlan | None:
    """The placement matrices of the generic route, or ``None`` if it cannot apply.

    Cached: they depend on the labels, the numbers of generating rows and the sign
    only, so composing many spaces on the same label sets builds them once.
    """
    m = d1 + d2
    k = len(Pl)
    nout = len(out_labels)
    q = m - k
    if q <= 0 or m + q >= k + nout:
        return None
    i1 = {x: j for j, x in enumerate(labels1)}
    i2 = {x: j for j, x in enumerate(labels2)}
    n1, n2 = len(labels1), len(labels2)
    first = [(k + j, x) for j, x in enumerate(out_labels[:q])]
    L1 = _unit_matrix(m, n1, [(c, i1[x]) for c, x in enumerate(Pl)] + [(r, i1[x]) for r, x in first if x in i1])
    L2 = _unit_matrix(m, n2, [(c, i2[x]) for c, x in enumerate(Pl)], -1 if sign == 1 else 1)
    for r, x in first:
        if x in i2:
            L2[r, i2[x]] = 1
    T1 = _unit_matrix(nout, n1, [(j, i1[x]) for j, x in enumerate(out_labels) if x in i1])
    T2 = _unit_matrix(nout, n2, [(j, i2[x]) for j, x in enumerate(out_labels) if x in i2])
    width = m + q
    if 20 < m <= 100 and width <= m + (m - 20) * m / 80:
        # keep FLINT on its fraction-free path (zero columns do not change the RREF)
        width = m + int((m - 20) * m / 80) + 1
    return _GenericPlan(m, q, L1, L2, T1, T2, _shift(d1, width, 0, 0, d1), _shift(d2, width, 0, d1, d2),
                        _shift(m, width, k, m, q), _shift(width, q, m, 0, q),
                        _shift(d1, m, 0, 0, d1), _shift(d2, m, 0, d1, d2))


# A 31-bit prime for a cheap invertibility test before the exact work (the exact
# work certifies invertibility itself, so an unlucky prime only costs time).
_SMALL_PRIME = 2147483647


def _compose_generic_qq(V_SP: LabelledSpace, V_PQ: LabelledSpace, sign: int, Pl: tuple,
                        out_labels: tuple) -> LabelledSpace | None:
    """Composition over QQ when the pivot columns are the first ones; else ``None``.

    Let ``M = [M_P | M_T]`` be the stacked integer rows (see [`_stack_qq`][_stack_qq]),
    ``m`` its number of rows and ``k = |P|``.  If the first ``m`` columns
    ``A = M[:, :m]`` form an invertible matrix (the generic case), then the rows
    of ``M`` are independent, ``rank M_P = k``, the contraction onto ``T`` has
    dimension ``q = m - k`` with pivots on the first ``q`` columns of ``T``, and
    its canonical RREF is ``C = Y M_T / det`` with ``Y = det * (last q rows of A^{-1})``.
    ``Y`` comes from one fraction-free RREF of ``[A^T | E]`` (``E`` the last ``q``
    unit columns), which is ``[det I | Y^T]``; invertibility is certified by that
    RREF itself (a rank modulo a prime only avoids wasted work).  ``[A^T | E]`` and
    ``M_T^T`` are assembled directly from the two inputs by the placement matrices
    of [`_generic_plan`][_generic_plan].

    Examples
    --------
    >>> import random
    >>> rng = random.Random(3)
    >>> S, P, Q = ["s%d" % i for i in range(5)], ["p%d" % i for i in range(4)], ["q%d" % i for i in range(5)]
    >>> A = LabelledSpace([[rng.randint(-5, 5) for _ in range(9)] for _ in range(3)], S + P)
    >>> B = LabelledSpace([[rng.randint(-5, 5) for _ in range(9)] for _ in range(3)], P + Q)
    >>> Sl, Pl, Ql = shared_labels(A, B)
    >>> C = _compose_generic_qq(A, B, 1, Pl, sort_labels(Sl + Ql))
    >>> C == compose(A.perp(), B.perp(), sign=-1).perp(), C.dim
    (True, 2)
    """
    Z1, Z2 = V_SP._zgen(), V_PQ._zgen()
    plan = _generic_plan(V_SP.labels, V_PQ.labels, Pl, out_labels, Z1.nrows(), Z2.nrows(), sign)
    if plan is None:
        return None
    m, q = plan.m, plan.q
    Z1t, Z2t = Z1.transpose(), Z2.transpose()
    Aug = (plan.L1 * Z1t) * plan.W1 + (plan.L2 * Z2t) * plan.W2 + plan.E  # [A^T | E]
    Rp, r = la.flint.nmod_mat(Aug, _SMALL_PRIME).rref()
    if r < m or Rp[m - 1, m - 1] == 0:
        return None  # A is probably singular: let the general path find the pivots
    R, den, rk = Aug.rref()
    if rk != m or R[m - 1, m - 1] == 0:
        return None  # A singular after all
    YT = R * plan.Y  # Y^T, m x q
    MTt = (plan.T1 * Z1t) * plan.C1 + (plan.T2 * Z2t) * plan.C2  # M_T^T
    obj = LabelledSpace.__new__(LabelledSpace)
    obj._init_zrref(out_labels, (MTt * YT).transpose(), den, list(range(q)))
    return obj


def _stack_qq(V_SP: LabelledSpace, V_PQ: LabelledSpace, sign: int, Pl: tuple, out_labels: tuple,
              Sset: set) -> Any:
    """The stacked integer rows ``[B1_P, B1_S, 0]`` and ``[-sign B2_P, 0, B2_Q]`` as an
    ``fmpz_mat`` with the columns ``Pl`` first, then ``out_labels`` (``None`` if empty).

    Built with products by 0/1 placement matrices, which FLINT does much faster
    than converting the entries one by one.
    """
    Z1, Z2 = V_SP._zgen(), V_PQ._zgen()
    d1, d2 = Z1.nrows(), Z2.nrows()
    m = d1 + d2
    k = len(Pl)
    n = k + len(out_labels)
    if m == 0 or n == 0:
        return None
    i1, i2 = V_SP._index, V_PQ._index
    pos = {x: k + j for j, x in enumerate(out_labels)}
    C1 = _unit_matrix(len(V_SP.labels), n, [(i1[x], t) for t, x in enumerate(Pl)]
                      + [(i1[x], pos[x]) for x in out_labels if x in Sset])
    C2 = _unit_matrix(len(V_PQ.labels), n, [(i2[x], t) for t, x in enumerate(Pl)], -1 if sign == 1 else 1)
    for x in out_labels:
        if x not in Sset:
            C2[i2[x], pos[x]] = 1
    M = _shift(m, d1, 0, 0, d1) * (Z1 * C1)
    M += _shift(m, d2, d1, 0, d2) * (Z2 * C2)
    return M


def _contract_qq(M: Any, k: int, out_labels: tuple) -> LabelledSpace | None:
    """The contraction of the row space of ``M`` onto its last columns, by a smaller
    exact solve; ``None`` if that does not apply (the caller then uses the full RREF).

    With ``M = [M_P | M_T]`` (``k`` columns ``P``, then ``T``), the contraction is
    ``{y M_T : y M_P = 0}``.  Pivot columns ``π = π_P ∪ π_T`` of ``M`` are located
    modulo a prime; then, exactly, ``A = M[:, π]`` and ``Y = det(A)`` times the last
    ``|π_T|`` rows of ``A^{-1}`` come from one fraction-free RREF of ``[A^T | E]``
    (``E`` the last unit columns), and ``Y M_T`` is ``det(A)`` times the canonical RREF
    of the contraction.  This needs ``|M| + |π_T|`` columns instead of all of ``M``'s.
    Each conclusion is certified exactly, so an unlucky prime can only cost time:
    ``A`` invertible (so the rows of ``M`` are independent), ``Y M_P = 0`` (so the
    rows of ``Y M`` lie in the contraction, which has dimension
    ``m - rank M_P <= |π_T|`` because the columns ``π_P`` are independent), and the
    RREF shape of ``Y M_T``.

    Examples
    --------
    A case whose pivots are not the first columns (``p3`` and ``q0`` are zero columns):

    >>> S, P, Q = ["s%d" % i for i in range(5)], ["p%d" % i for i in range(4)], ["q%d" % i for i in range(5)]
    >>> A = LabelledSpace([[1, 2, 0, 3, 1, 0, 0, 0, 0], [0, 1, 1, 0, 2, 1, 0, 1, 0],
    ...                    [2, 0, 1, 1, 0, 0, 1, 3, 0]], S + P)
    >>> B = LabelledSpace([[1, 0, 2, 0, 0, 1, 1, 0, 1], [0, 1, 1, 0, 0, 2, 0, 1, 1],
    ...                    [1, 1, 0, 0, 0, 0, 3, 1, 2]], P + Q)
    >>> Sl, Pl, Ql = shared_labels(A, B)
    >>> out = sort_labels(Sl + Ql)
    >>> C = _contract_qq(_stack_qq(A, B, 1, Pl, out, set(Sl)), len(Pl), out)
    >>> C == compose(A.perp(), B.perp(), sign=-1).perp(), C.pivots
    (True, ('q1', 'q2', 's0'))
    """
    fl = la.flint
    m, n = M.nrows(), M.ncols()
    nout = n - k
    if 2 * m - k >= n:
        # m + |π_T| >= 2m - k: the solve would be no smaller than the full RREF
        return None
    Rp, r = fl.nmod_mat(M, _PRIME).rref()
    if r < m:
        return None  # dependent rows (or an unlucky prime): general path
    piv: list = []
    j = 0
    for i in range(r):
        while Rp[i, j] == 0:
            j += 1
        piv.append(j)
        j += 1
    kk = sum(1 for c in piv if c < k)
    q = r - kk
    if m + q >= n:
        return None
    obj = LabelledSpace.__new__(LabelledSpace)
    if q == 0:  # dim <= m - rank(M_P) <= m - kk = 0
        obj._init_canonical(out_labels, [], 0, reduced=True)
        return obj
    # Aug = [A^T | E] with A = M[:, piv] (r x r, r == m) and E the last q unit columns;
    # its RREF is den * [I | (A^T)^{-1} E], i.e. [den I | Y^T]
    width = m + q
    if 20 < r <= 100 and width <= r + (r - 20) * r / 80:
        # keep FLINT on its fraction-free path (zero columns do not change the RREF)
        width = r + int((r - 20) * r / 80) + 1
    AT = (M * _unit_matrix(n, r, [(c, t) for t, c in enumerate(piv)])).transpose()
    Aug = AT * _shift(m, width, 0, 0, m)
    Aug += _shift(r, width, kk, m, q)
    R, den, rk = Aug.rref()
    if rk != r or R[r - 1, r - 1] == 0:
        return None  # A singular: the prime was unlucky
    YT = R * _shift(width, q, m, 0, q)  # Y^T, m x q
    if kk < k and not ((M * _shift(n, k, 0, 0, k)).transpose() * YT).is_zero():
        return None
    MTt = (M * _shift(n, nout, k, 0, nout)).transpose()
    Cden = (MTt * YT).transpose()  # Y M_T, q x nout
    pivots = [c - k for c in piv[kk:]]
    pset = set(pivots)
    for t, pc in enumerate(pivots):
        for c in range(pc):
            if c not in pset and Cden[t, c] != 0:
                return None  # not in RREF shape: the prime was unlucky
    obj._init_zrref(out_labels, Cden, den, pivots)
    return obj


def min_overlap(V_SQ: LabelledSpace, S: Iterable[Hashable]) -> int:
    """Minimum ``|P|`` over all decompositions ``V_SQ = V_SP ↔ V_PQ``.

    Equals the connectivity ``lambda = r(V·S) - r(V×S)`` (lower bound from the
    overlap-minimisation kernel argument, reached by [`decompose`][decompose]).

    >>> V = LabelledSpace([[1, 1, 1, 0], [0, 0, 0, 1]], ["s1", "s2", "q1", "q2"])
    >>> min_overlap(V, ["s1", "s2"])
    1
    """
    if not isinstance(V_SQ, LabelledSpace):
        raise InvalidInputError(f"invalid V_SQ {short_repr(V_SQ)}: expected a LabelledSpace")
    return V_SQ.connectivity(S)


def _fresh_labels(k: int, avoid: set, p_labels: Sequence[Hashable] | None) -> list:
    if p_labels is not None:
        p_labels = _args.labels_arg("p_labels", p_labels)
        if len(p_labels) != k:
            raise InvalidInputError(
                f"invalid p_labels {short_repr(p_labels)}: expected exactly {k} new labels (the minimum overlap)"
            )
        clash = [x for x in p_labels if x in avoid]
        if clash or len(set(p_labels)) != k:
            raise InvalidInputError(
                f"invalid p_labels {short_repr(p_labels)}: labels overlap with S ∪ Q or repeat ({_args.names(clash)})"
            )
        return p_labels
    out, i = [], 0
    while len(out) < k:
        name = f"p{i}"
        if name not in avoid:
            out.append(name)
        i += 1
    return out


def _split(V: LabelledSpace, S: Iterable[Hashable], Q: Iterable[Hashable] | None) -> tuple[tuple, tuple]:
    S = V._check_labels(S, "side S")
    if Q is None:
        Sset = set(S)
        Q = [x for x in V.labels if x not in Sset]
    else:
        Q = V._check_labels(Q, "side Q")
        overlap = set(S) & set(Q)
        if overlap:
            raise InvalidInputError(
                f"labels overlap: {_args.names(overlap)} in both S and Q; expected disjoint sides"
            )
        missing = set(V.labels) - set(S) - set(Q)
        if missing:
            raise InvalidInputError(
                f"invalid split: labels {_args.names(missing)} are in neither S nor Q"
            )
    return sort_labels(S), sort_labels(Q)


def decompose(
    V_SQ: LabelledSpace,
    S: Iterable[Hashable],
    Q: Iterable[Hashable] | None = None,
    sign: int = 1,
    p_labels: Sequence[Hashable] | None = None,
) -> tuple[LabelledSpace, LabelledSpace]:
    """Decompose ``V_SQ = V_SP ↔ V_PQ`` with ``|P|`` minimum (= lambda).

    Construction: a basis of ``V_SQ`` of block form ``[B_S 0], [C_S C_Q],
    [0 D_Q]`` with ``[B_S 0]`` a basis of ``V×S``, ``[0 D_Q]`` of ``V×Q`` and
    ``k = lambda`` completing rows ``C``; then ``V_SP = <[B_S 0], [C_S I_k]>``
    and ``V_PQ = <[I_k C_Q], [0 D_Q]>``.  With ``sign=-1`` the ``P`` part of
    ``V_PQ`` is negated so that ``V_SP ⇌ V_PQ = V_SQ``.

    Parameters
    ----------
    V_SQ : LabelledSpace
    S : labels of one side; Q : the other side (default: the rest).
    sign : {+1, -1}
    p_labels : optional names for the new shared labels (default ``p0, p1, ...``).

    Returns
    -------
    (V_SP, V_PQ) : tuple of LabelledSpace

    Raises
    ------
    InvalidInputError
        If ``S`` and ``Q`` overlap or do not cover the labels, or ``p_labels``
        clashes with them.

    Examples
    --------
    >>> V = LabelledSpace([[1, 0, 1, 0], [0, 1, 0, 1]], ["s1", "s2", "q1", "q2"])
    >>> A, B = decompose(V, ["s1", "s2"], ["q1", "q2"])
    >>> A.rows_in(["s1", "s2", "p0", "p1"]), B.rows_in(["p0", "p1", "q1", "q2"])
    ([[1, 0, 1, 0], [0, 1, 0, 1]], [[1, 0, 1, 0], [0, 1, 0, 1]])
    """
    if not isinstance(V_SQ, LabelledSpace):
        raise InvalidInputError(f"invalid V_SQ {short_repr(V_SQ)}: expected a LabelledSpace")
    sign = _check_sign(sign)
    S, Q = _split(V_SQ, S, Q)
    p = V_SQ.p
    if V_SQ._sp is not None:
        return _ss.decompose(V_SQ, S, Q, sign, p_labels, _fresh_labels)
    VxS = V_SQ.contract(S)
    VxQ = V_SQ.contract(Q)
    idx = V_SQ._index
    n = len(V_SQ.labels)
    # [B_S 0] and [0 D_Q] as rows on V's label order, then V's rows: choose a
    # maximal independent set of rows, the first ones first (pivots of the transpose).
    W = []
    for r in VxS.rows:
        v = [0] * n
        for lab, x in zip(VxS.labels, r):
            v[idx[lab]] = x
        W.append(v)
    for r in VxQ.rows:
        v = [0] * n
        for lab, x in zip(VxQ.labels, r):
            v[idx[lab]] = x
        W.append(v)
    allrows = W + [list(r) for r in V_SQ.rows]
    T = [[allrows[i][j] for i in range(len(allrows))] for j in range(n)]
    _, piv = la.rref(T, len(allrows), p)
    C = [allrows[i] for i in piv if i >= len(W)]
    k = len(C)
    Pl = _fresh_labels(k, set(V_SQ.labels), p_labels)
    sS = [idx[x] for x in S]
    sQ = [idx[x] for x in Q]
    one = 1
    m1 = one if sign == 1 else la.neg(1, p)
    rows_SP = [[w[j] for j in sS] + [0] * k for w in W[: len(VxS.rows)]]
    rows_SP += [[c[j] for j in sS] + [one if t == i else 0 for t in range(k)] for i, c in enumerate(C)]
    rows_PQ = [[m1 if t == i else 0 for t in range(k)] + [c[j] for j in sQ] for i, c in enumerate(C)]
    rows_PQ += [[0] * k + [w[j] for j in sQ] for w in W[len(VxS.rows):]]
    V_SP = LabelledSpace._make(rows_SP, list(S) + Pl, p)
    V_PQ = LabelledSpace._make(rows_PQ, Pl + list(Q), p)
    return V_SP, V_PQ


def minimize_overlap(
    V_SP: LabelledSpace, V_PQ: LabelledSpace, sign: int = 1
) -> tuple[LabelledSpace, LabelledSpace]:
    """Reduce the shared labels to ``P' ⊆ P`` of minimum size, keeping the composition.

    With ``A = V_SP·P ∩ V_PQ·P`` and ``K = A ∩ (V_SP×P + V_PQ×P)`` the minimum
    is ``|P'| = dim A - dim K``, which equals the connectivity lambda of the
    composition.  Steps: replace the spaces by ``V_SP ∩ (F^S ⊕ A) + (0 ⊕ K)``
    and ``V_PQ ∩ (A ⊕ F^Q) + (K ⊕ 0)``; contract a column basis of ``K``;
    restrict to a column basis of what is left of ``A``.  The new spaces are
    linear-algebra modifications of the inputs, not minors of them in general.

    Parameters
    ----------
    V_SP, V_PQ : LabelledSpace
    sign : {+1, -1}
        Which composition to keep (↔ or ⇌).

    Returns
    -------
    (V_SP', V_P'Q) : tuple of LabelledSpace
        ``compose(V_SP', V_P'Q, sign) == compose(V_SP, V_PQ, sign)``.

    Examples
    --------
    >>> A = LabelledSpace([[1, 1, 1]], ["s1", "p1", "p2"])
    >>> B = LabelledSpace([[1, 1, 1], [1, -1, 0]], ["p1", "p2", "q1"])
    >>> A2, B2 = minimize_overlap(A, B)
    >>> A2.rows_in(["s1", "p1"]), B2.rows_in(["p1", "q1"])
    ([[1, 1]], [[1, 1]])
    """
    sign = _check_sign(sign)
    S, P, Q = shared_labels(V_SP, V_PQ)
    p = V_SP.p
    if sign == -1 and P:
        V_PQ = V_PQ.negate(P)
    if not P:
        return V_SP, (V_PQ.negate(P) if sign == -1 else V_PQ)
    A = V_SP.restrict(P).intersection(V_PQ.restrict(P))
    K = A.intersection(V_SP.contract(P).sum(V_PQ.contract(P)))
    sparse = V_SP._sp is not None or V_PQ._sp is not None
    full = _ss.full if sparse else LabelledSpace.full
    H1 = V_SP.intersection(full(S, p).direct_sum(A)).sum(K)
    H2 = V_PQ.intersection(A.direct_sum(full(Q, p))).sum(K)
    BK = K.pivots
    P1 = [x for x in P if x not in set(BK)]
    H1 = H1.contract(list(S) + P1)
    H2 = H2.contract(P1 + list(Q))
    A1 = H1.restrict(P1)
    P2 = list(A1.pivots)
    H1 = H1.restrict(list(S) + P2)
    H2 = H2.restrict(P2 + list(Q))
    if sign == -1 and P2:
        H2 = H2.negate(P2)
    return H1, H2
