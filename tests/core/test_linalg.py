"""Tests of combalg.core.linalg.

Oracles: sympy ``Matrix.rref`` over QQ, and a plain Gaussian elimination written here
(Fractions, or ints mod p) for ranks; null spaces are checked by multiplying out, and
over tiny prime fields by counting all solutions.
"""

from __future__ import annotations

import itertools
import pickle
from fractions import Fraction

import pytest
import sympy
from flint import fmpq, fmpq_mat, fmpz_mat, nmod_mat
from hypothesis import given, settings
from hypothesis import strategies as st

from combalg.core.errors import InvalidInputError
from combalg.core.linalg import (
    GF,
    QQ,
    as_flint,
    det,
    from_flint,
    in_rowspace,
    left_nullspace,
    nullspace,
    rank,
    row_basis,
    rowspace_equal,
    rref,
    rref_flint,
    solve,
)
from combalg.strategies.basic import rational_matrices, small_int_matrices

FIELDS = [QQ, GF(2), GF(3), GF(5)]


# ------------------------------------------------------------------ independent oracle


def naive_rank(rows, p=0):
    """Rank by textbook elimination over Fractions (p = 0) or ints mod p."""
    A = [[Fraction(x) if p == 0 else Fraction(x) for x in row] for row in rows]
    if p:
        A = [[(x.numerator * pow(x.denominator, -1, p)) % p for x in row] for row in A]
    if not A:
        return 0
    m, n = len(A), len(A[0])
    r = 0
    for c in range(n):
        piv = next((i for i in range(r, m) if A[i][c] != 0), None)
        if piv is None:
            continue
        A[r], A[piv] = A[piv], A[r]
        inv = (1 / A[r][c]) if p == 0 else pow(A[r][c], -1, p)
        for i in range(m):
            if i != r and A[i][c] != 0:
                f = A[i][c] * inv
                A[i] = [(a - f * b) if p == 0 else (a - f * b) % p for a, b in zip(A[i], A[r])]
        r += 1
    return r


def mat_vec(M, v, p=0):
    out = [sum(Fraction(a) * Fraction(b) for a, b in zip(row, v)) for row in M]
    return [x % p if p else x for x in out] if not p else [int(x) % p for x in out]


def is_zero_vec(vec, p):
    if p:
        return all(Fraction(x).numerator * pow(Fraction(x).denominator, -1, p) % p == 0 for x in vec)
    return all(x == 0 for x in vec)


def reduce_mod(M, p):
    if not p:
        return M
    return [[Fraction(x).numerator * pow(Fraction(x).denominator, -1, p) % p for x in r] for r in M]


def matrices_for(field):
    if field == QQ:
        return rational_matrices(max_rows=5, max_cols=5)
    return small_int_matrices(min_value=-4, max_value=4, max_rows=5, max_cols=5)


field_st = st.sampled_from(FIELDS)


@st.composite
def field_and_matrix(draw):
    field = draw(field_st)
    return field, draw(matrices_for(field))


# ------------------------------------------------------------------ fields


def test_fields():
    assert QQ.characteristic == 0 and GF(5).characteristic == 5
    assert GF(5) == GF(5) and hash(GF(5)) == hash(GF(5)) and GF(5) != GF(7)
    assert QQ != GF(2) and len({QQ, GF(2), GF(2), GF(3)}) == 3
    assert repr(QQ) == "QQ" and repr(GF(11)) == "GF(11)"
    assert pickle.loads(pickle.dumps(GF(13))) == GF(13)
    assert pickle.loads(pickle.dumps(QQ)) is QQ
    assert GF(2**61 - 1).characteristic == 2**61 - 1
    assert QQ.convert(Fraction(4, 2)) == 2 and type(QQ.convert(Fraction(4, 2))) is int
    assert QQ.convert(sympy.Rational(1, 3)) == Fraction(1, 3)
    assert QQ.convert(fmpq(1, 3)) == Fraction(1, 3)
    assert GF(5).convert(Fraction(1, 3)) == 2 and GF(5).convert(-7) == 3


@pytest.mark.parametrize("bad", [0, 1, -3, 4, 9, 91, 2**64 + 13, 2.0, "5", True])
def test_gf_rejects(bad):
    with pytest.raises(InvalidInputError) as info:
        GF(bad)
    assert repr(bad) in str(info.value) or str(bad) in str(info.value)


@pytest.mark.parametrize("bad", [0.5, "1", None, 1j, True, False])
def test_inexact_entries_refused(bad):
    with pytest.raises(InvalidInputError, match="entry"):
        rref([[1, bad]])
    with pytest.raises(InvalidInputError, match="entry"):
        rank([[1, bad]], GF(3))


def test_denominator_divisible_by_p():
    with pytest.raises(InvalidInputError, match="GF\\(3\\)"):
        rank([[Fraction(1, 3)]], GF(3))
    assert rank([[Fraction(1, 2)]], GF(3)) == 1


# ------------------------------------------------------------------ shapes and errors


def test_ragged_rows_name_the_row():
    with pytest.raises(InvalidInputError, match="row 2"):
        rref([[1, 2], [3, 4], [5]])
    with pytest.raises(InvalidInputError, match="ncols=3"):
        rank([[1, 2]], ncols=3)
    with pytest.raises(InvalidInputError):
        rref("1 2; 3 4")
    with pytest.raises(InvalidInputError):
        rref(5)


@pytest.mark.parametrize("field", FIELDS)
def test_empty_matrices(field):
    assert rref([], field) == ([], ())
    assert rref([], field, ncols=3) == ([], ())
    assert rank([], field, ncols=3) == 0
    assert nullspace([], field, ncols=3) == [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
    assert nullspace([], field) == []
    assert left_nullspace([], field, ncols=3) == []
    assert rref([[], []], field) == ([[], []], ())
    assert nullspace([[], []], field) == []
    assert left_nullspace([[], []], field) == [[1, 0], [0, 1]]
    assert row_basis([], field, ncols=2) == []
    assert rowspace_equal([], [[0, 0]], field)
    assert rowspace_equal([[0, 0, 0]], [], field)
    assert not rowspace_equal([], [[0, 1]], field)
    assert det([], field) == 1
    assert solve([], [], field) == []
    assert in_rowspace([0, 0], [], field) and not in_rowspace([0, 1], [], field)


def test_width_mismatch():
    with pytest.raises(InvalidInputError, match="columns"):
        rowspace_equal([[1, 2]], [[1, 2, 3]])
    with pytest.raises(InvalidInputError, match="square"):
        det([[1, 2]])
    with pytest.raises(InvalidInputError, match="right-hand side"):
        solve([[1, 2]], [1, 2])


def test_flint_inputs_and_outputs():
    A = fmpq_mat([[1, 2], [2, 4]])
    assert rank(A) == 1
    assert rref(fmpz_mat([[2, 4]])) == ([[1, 2]], (0,))
    N = nmod_mat([[1, 2], [2, 4]], 5)
    assert rref(N) == ([[1, 2], [0, 0]], (0,))
    assert nullspace(N) == [[3, 1]]
    assert rank(A, GF(2)) == 1
    with pytest.raises(InvalidInputError, match="modulus"):
        rank(N, GF(7))
    with pytest.raises(InvalidInputError, match="modulus"):
        rank(N, QQ)
    assert from_flint(as_flint([[Fraction(1, 2), 3]])) == [[Fraction(1, 2), 3]]
    assert from_flint(as_flint([[6, 3]], GF(5))) == [[1, 3]]
    assert from_flint(fmpz_mat([[1, -2]])) == [[1, -2]]
    R, piv = rref_flint([[0, 1], [0, 2]])
    assert piv == (1,) and from_flint(R) == [[0, 1], [0, 0]]


def test_output_types():
    rows, piv = rref([[2, 1], [4, 3]])
    assert rows == [[1, 0], [0, 1]] and all(type(x) is int for r in rows for x in r)
    rows, _ = rref([[2, 1]])
    assert rows == [[1, Fraction(1, 2)]] and type(rows[0][1]) is Fraction


# ------------------------------------------------------------------ sympy comparison


@settings(max_examples=120, deadline=None)
@given(rational_matrices(max_rows=5, max_cols=5))
def test_rref_matches_sympy(M):
    S, spiv = sympy.Matrix([[sympy.Rational(x.numerator, x.denominator) for x in r] for r in M]).rref()
    rows, piv = rref(M)
    assert piv == tuple(spiv)
    expected = [[Fraction(int(S[i, j].p), int(S[i, j].q)) for j in range(S.cols)] for i in range(S.rows)]
    assert rows == expected


def test_rref_matches_sympy_fixed_examples():
    cases = [
        [[1, 2, 3, 4], [2, 4, 6, 8], [1, 0, 1, 0]],
        [[0, 0, 1], [0, 1, 0], [1, 0, 0]],
        [[Fraction(1, 2), Fraction(1, 3)], [Fraction(1, 4), Fraction(1, 6)]],
        [[0, 0], [0, 0]],
    ]
    for M in cases:
        S, spiv = sympy.Matrix(M).rref()
        rows, piv = rref(M)
        assert piv == tuple(spiv)
        assert rows == [[Fraction(str(S[i, j])) for j in range(S.cols)] for i in range(S.rows)]


# ------------------------------------------------------------------ properties


@settings(max_examples=150, deadline=None)
@given(field_and_matrix())
def test_rank_nullity_and_rank_oracle(fm):
    field, M = fm
    p = field.characteristic
    r = rank(M, field)
    assert r == naive_rank(M, p)
    ns = nullspace(M, field)
    lns = left_nullspace(M, field)
    assert r + len(ns) == len(M[0])
    assert r + len(lns) == len(M)
    assert len(rref(M, field)[1]) == r


@settings(max_examples=150, deadline=None)
@given(field_and_matrix())
def test_rref_idempotent_and_same_row_space(fm):
    field, M = fm
    p = field.characteristic
    R, piv = rref(M, field)
    assert len(R) == len(M) and all(len(row) == len(M[0]) for row in R)
    assert rref(R, field) == (R, piv)
    # row space of R equals row space of M: equal ranks, and stacking adds nothing
    r = naive_rank(M, p)
    assert naive_rank(R, p) == r
    assert naive_rank(reduce_mod(M, p) + R, p) == r
    # shape of a reduced echelon form
    for i, c in enumerate(piv):
        assert R[i][c] == 1 and all(R[k][c] == 0 for k in range(len(R)) if k != i)
        assert all(x == 0 for x in R[i][:c])
    assert all(all(x == 0 for x in row) for row in R[len(piv):])
    assert rowspace_equal(M, R, field) and rowspace_equal(R, row_basis(M, field), field)


@settings(max_examples=150, deadline=None)
@given(field_and_matrix())
def test_nullspace_vectors_annihilate(fm):
    field, M = fm
    p = field.characteristic
    ns = nullspace(M, field)
    for v in ns:
        assert is_zero_vec(mat_vec(M, v, p), p)
    assert naive_rank(ns, p) == len(ns) if ns else True
    lns = left_nullspace(M, field)
    MT = [list(col) for col in zip(*M)]
    for y in lns:
        assert is_zero_vec(mat_vec(MT, y, p), p)
    assert naive_rank(lns, p) == len(lns) if lns else True


@pytest.mark.parametrize("p", [2, 3])
def test_nullspace_size_by_counting(p):
    field = GF(p)
    for M in ([[1, 1, 0], [0, 1, 1]], [[1, 2, 0], [2, 1, 0]], [[0, 0, 0]], [[1, 0, 1], [1, 1, 0], [0, 1, 1]]):
        count = sum(
            1 for x in itertools.product(range(p), repeat=3) if is_zero_vec(mat_vec(M, x, p), p)
        )
        assert count == p ** len(nullspace(M, field))


@settings(max_examples=100, deadline=None)
@given(field_and_matrix(), st.data())
def test_solve_and_in_rowspace(fm, data):
    field, M = fm
    p = field.characteristic
    entries = st.integers(-3, 3)
    b = data.draw(st.lists(entries, min_size=len(M), max_size=len(M)))
    x = solve(M, b, field)
    aug = [row + [c] for row, c in zip(M, b)]
    if x is None:
        assert naive_rank(aug, p) > naive_rank(M, p)
    else:
        assert is_zero_vec([a - c for a, c in zip(mat_vec(M, x, p), b)], p)
    v = data.draw(st.lists(entries, min_size=len(M[0]), max_size=len(M[0])))
    assert in_rowspace(v, M, field) == (naive_rank(M + [v], p) == naive_rank(M, p))


@settings(max_examples=80, deadline=None)
@given(field_and_matrix(), st.data())
def test_rowspace_equal_vs_ranks(fa, data):
    field, A = fa
    B = data.draw(matrices_for(field))
    B = [row[: len(A[0])] + [0] * (len(A[0]) - len(row)) for row in B]
    p = field.characteristic
    ra, rb, rab = naive_rank(A, p), naive_rank(B, p), naive_rank(A + B, p)
    assert rowspace_equal(A, B, field) == (ra == rb == rab)
    assert rowspace_equal(A, A + B, field) == (ra == rab)


def test_det():
    assert det([[2, 0], [0, Fraction(1, 2)]]) == 1
    M = [[1, 2, 3], [4, 5, 6], [7, 8, 10]]
    assert det(M) == sympy.Matrix(M).det() == -3
    assert det(M, GF(3)) == 0 and det(M, GF(5)) == 2


@settings(max_examples=60, deadline=None)
@given(small_int_matrices(min_value=-10**20, max_value=10**20, max_rows=4, max_cols=4))
def test_word_size_prime(M):
    p = 2**61 - 1
    field = GF(p)
    assert rank(M, field) == naive_rank(M, p)
    for v in nullspace(M, field):
        assert all(x % p == 0 for x in mat_vec(M, v, p))


@pytest.mark.slow
@settings(max_examples=1000, deadline=None)
@given(field_and_matrix())
def test_rank_and_rref_many_examples(fm):
    field, M = fm
    p = field.characteristic
    R, piv = rref(M, field)
    assert len(piv) == naive_rank(M, p) == naive_rank(reduce_mod(M, p) + R, p)
