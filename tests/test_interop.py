"""Exact values that mix with Python, SymPy, numpy and JSON; matrix and word inputs of every kind."""

from __future__ import annotations

import copy
import json
import pickle
from fractions import Fraction

import numpy
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from combalg.core.encoding import ExactJSONEncoder
from combalg.core.errors import InvalidInputError
from combalg.core.matrix import Matrix


# ----------------------------------------------------------- the cases
def test_projection_entries_mix_with_python():
    from combalg.free import jacobi_commutant_projection

    P = jacobi_commutant_projection(3)
    assert isinstance(P, Matrix)
    assert P[0, 0] + Fraction(1, 8) == Fraction(1, 2)
    assert Fraction(P[0, 0]) == Fraction(3, 8) and P[4, 4] == Fraction(1, 2) and P[0, 1] == 0
    assert int(P[0, 1]) == 0 and P[0, 0] < 1 and P[0, 0] > Fraction(1, 3)
    rows = P.tolist()
    assert all(type(x) in (int, Fraction) for r in rows for x in r)
    assert json.loads(json.dumps(rows, cls=ExactJSONEncoder))[0][0] == "3/8"
    assert json.loads(json.dumps(P, cls=ExactJSONEncoder)) == json.loads(json.dumps(rows, cls=ExactJSONEncoder))
    S = P.as_sympy()
    assert isinstance(S, sympy.MatrixBase) and S[0, 0] == sympy.Rational(3, 8) and S * S == S
    A = P.as_numpy()
    assert A.dtype == object and A[0, 0] == Fraction(3, 8) and A.shape == (9, 9)
    assert sympy.sympify(P) == sympy.ImmutableMatrix(S)
    assert pickle.loads(pickle.dumps(P)) == P and copy.deepcopy(P) == P


def test_sympy_protocols():
    from combalg.core.laurent import LaurentRing
    from combalg.core.series import partition_series
    from combalg.lambdadet import generic_matrix, lambda_determinant

    d = lambda_determinant(generic_matrix(2))
    expr = sympy.sympify(d)
    a11, a12, a21, a22, lam = sympy.symbols("a11 a12 a21 a22 lam")
    assert sympy.expand(expr - (a11 * a22 + lam * a12 * a21)) == 0
    assert sympy.latex(d) == d._repr_latex_().strip("$")
    s = partition_series(5)
    q = sympy.Symbol("q")
    assert sympy.sympify(s) == 1 + q + 2 * q**2 + 3 * q**3 + 5 * q**4 + sympy.O(q**5)
    assert sympy.latex(s) == s._repr_latex_().strip("$") and "mathtt" not in sympy.latex(s)
    R = LaurentRing(["x"])
    x = R.gen("x")
    assert sympy.sympify(x**-2 + 3) == sympy.Symbol("x") ** -2 + 3
    M = Matrix([[1, Fraction(1, 2)]])
    assert sympy.latex(M) == M._repr_latex_().strip("$")


def test_sympify_of_every_value_type_is_sympy_or_refused():
    from combalg.core.checks import CheckResult
    from combalg.core.mseries import MultiSeries
    from combalg.cylindric import Profile, cylindric_partitions
    from combalg.free.fock import FockSpace
    from combalg.growth import RuleRSK, rsk
    from combalg.linking import UniformMatroid
    from combalg.partitions import Partition

    ms = MultiSeries.from_dict({(0, 0): 1, (1, 2): 3}, ("q", "w"), 3)
    assert sympy.sympify(ms) == ms.as_sympy()
    assert sympy.sympify(Partition([3, 1])) == sympy.Tuple(3, 1)
    assert Partition([3, 1]).as_sympy().partition == [3, 1]
    assert sympy.sympify(rsk([2, 3, 1])[0]) == sympy.Tuple(sympy.Tuple(1, 3), sympy.Tuple(2))
    S = FockSpace(2, 1).semicircular(1)
    assert sympy.sympify(S) == sympy.ImmutableSparseMatrix(S.to_dense())
    for obj in (Profile("110100"), list(cylindric_partitions("1100", max_weight=2))[-1], RuleRSK(),
                RuleRSK()([2, 1]), UniformMatroid(2, 4), CheckResult("x", {}, ("a", "b")), FockSpace(2, 2)):
        with pytest.raises(sympy.SympifyError):
            sympy.sympify(obj)


# ------------------------------------------------------------------- Matrix
rationals = st.builds(Fraction, st.integers(-9, 9), st.integers(1, 6))


@st.composite
def matrices(draw, max_size: int = 4):
    r = draw(st.integers(0, max_size))
    c = draw(st.integers(0, max_size))
    return [[draw(rationals) for _ in range(c)] for _ in range(r)], c


@settings(max_examples=80)
@given(matrices())
def test_matrix_round_trips_and_agrees_with_sympy(data):
    rows, c = data
    M = Matrix(rows, ncols=c)
    assert M.shape == (len(rows), c)
    assert M.tolist() == [[Fraction(x) if Fraction(x).denominator > 1 else int(x) for x in r] for r in rows]
    assert Matrix(M.as_sympy(), ncols=c) == M and Matrix(M.as_numpy(), ncols=c) == M
    assert pickle.loads(pickle.dumps(M)) == M
    S = M.as_sympy()
    assert (M.T.as_sympy() == S.T)
    assert M.rank() == S.rank()
    if rows and len(rows) == c:
        assert M.det() == S.det()
        assert (M * M).as_sympy() == S * S
        assert M.trace() == S.trace()
    back = json.loads(json.dumps(M, cls=ExactJSONEncoder))
    assert [[Fraction(x) for x in r] for r in back] == [[Fraction(x) for x in r] for r in M.tolist()]


def test_matrix_arithmetic_and_errors():
    A = Matrix([[1, 2], [3, 4]])
    assert A + A == 2 * A == A * 2 == A * Fraction(2) and (A - A) == Matrix.zero(2, 2)
    assert A @ Matrix.identity(2) == A and A ** 2 == A * A and A ** -1 * A == Matrix.identity(2)
    assert A / 2 == Matrix([[Fraction(1, 2), 1], [Fraction(3, 2), 2]])
    assert A == [[1, 2], [3, 4]] and A[1] == [3, 4] and A[-1, -1] == 4
    A2 = Matrix(A)
    A2[0, 0] = Fraction(1, 3)
    assert A2[0, 0] == Fraction(1, 3) and A[0, 0] == 1
    with pytest.raises(TypeError):
        hash(A)
    for bad in ([[1, 2], [3]], [[1.5]], "12", [[True]], numpy.array([[1.5]])):
        with pytest.raises(InvalidInputError):
            Matrix(bad)
    with pytest.raises(InvalidInputError):
        A[2, 0]
    with pytest.raises(InvalidInputError):
        A * Matrix([[1, 2, 3]])
    with pytest.raises(InvalidInputError):
        Matrix([[1, 1], [1, 1]]).inv()


# ------------------------------------------------------------ matrix inputs
KINDS = {
    "list": lambda rows: rows,
    "sympy": lambda rows: sympy.Matrix(rows),
    "numpy": lambda rows: numpy.array(rows, dtype=numpy.int64),
    "Matrix": lambda rows: Matrix(rows),
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_matrix_input_kind(kind):
    from combalg.asm import inversions, is_asm
    from combalg.core import linalg
    from combalg.growth import GrowthDiagram, RuleRSK, rsk
    from combalg.lambdadet import lambda_determinant
    from combalg.linking import LabelledSpace, LinearMatroid

    conv = KINDS[kind]
    rows = [[1, 2], [3, 4]]
    assert linalg.rref(conv(rows)) == linalg.rref(rows)
    assert linalg.det(conv(rows)) == -2
    assert lambda_determinant(conv(rows)) == lambda_determinant(rows)
    assert LabelledSpace(conv([[1, 0, 1]]), list("abc")) == LabelledSpace([[1, 0, 1]], list("abc"))
    assert LinearMatroid(conv(rows), "ab") == LinearMatroid(rows, "ab")
    assert rsk(conv(rows)) == rsk(rows)
    assert GrowthDiagram(RuleRSK(), conv(rows)) == GrowthDiagram(RuleRSK(), rows)
    assert is_asm(conv([[0, 1], [1, 0]])) and inversions(conv([[0, 1], [1, 0]])) == 1


def test_numpy_words_and_permutations():
    from combalg.growth import GrowthDiagram, RuleRSK, rsk

    w = numpy.array([2, 3, 1])
    assert rsk(w) == rsk([2, 3, 1])
    assert GrowthDiagram(RuleRSK(), w) == GrowthDiagram(RuleRSK(), [2, 3, 1])


def test_labelled_space_sympifies_to_its_canonical_basis_and_prints_its_display():
    import sympy

    from combalg.linking import LabelledSpace

    V = LabelledSpace([[1, 2, 0], [0, 1, 1]], ["a", "b", "c"])
    assert sympy.sympify(V) == sympy.ImmutableMatrix([[1, 0, -2], [0, 1, 1]])
    assert sympy.latex(V) == V._repr_latex_().strip("$")
