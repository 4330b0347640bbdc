"""Lambda-determinants: spec oracles, two methods, properties, bad input."""

from __future__ import annotations

from fractions import Fraction
from math import comb

import flint
import pytest
import sympy
from hypothesis import given

from combalg.asm import alternating_sign_matrices, inversions, negative_ones, noninversions
from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.lambdadet import asm_expansion, generic_matrix, lambda_determinant, octahedron
from combalg.strategies.asm import integer_matrices, nonzero_rational_matrices

lam, mu = sympy.symbols("lam mu")


def a(i, j):
    return sympy.Symbol(f"a{i}{j}")


def test_n1_n2_explicit():
    assert sympy.expand(lambda_determinant(1).as_sympy() - a(1, 1)) == 0
    expected = a(1, 1) * a(2, 2) + lam * a(1, 2) * a(2, 1)
    for method in ("asm", "condensation"):
        assert sympy.expand(lambda_determinant(2, method=method).as_sympy() - expected) == 0


def test_n3_explicit_from_spec():
    expected = (a(1, 1) * a(2, 2) * a(3, 3) + lam * a(1, 1) * a(2, 3) * a(3, 2) + lam * a(1, 2) * a(2, 1) * a(3, 3)
                + lam**2 * a(1, 2) * a(2, 3) * a(3, 1) + lam**2 * a(1, 3) * a(2, 1) * a(3, 2)
                + lam**3 * a(1, 3) * a(2, 2) * a(3, 1)
                + lam * (1 + lam) * a(1, 2) * a(2, 1) * a(2, 3) * a(3, 2) / a(2, 2))
    for method in ("asm", "condensation"):
        got = lambda_determinant(3, method=method).as_sympy()
        assert sympy.simplify(got - expected) == 0
    # lam = -1: the ordinary 3x3 determinant
    assert sympy.expand(expected.subs(lam, -1) - sympy.Matrix(generic_matrix(3)).det()) == 0


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 6])
def test_all_ones_matrix(n):
    ones = [[1] * n for _ in range(n)]
    expected = sympy.expand((1 + lam) ** comb(n, 2))
    assert sympy.expand(lambda_determinant(ones).as_sympy() - expected) == 0
    assert sympy.expand(lambda_determinant(ones, method="condensation").as_sympy() - expected) == 0


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5])
def test_methods_agree_generic(n):
    assert lambda_determinant(n, method="asm") == lambda_determinant(n, method="condensation")
    assert asm_expansion(n).apex == asm_expansion(n, method="enumerate").apex


def test_methods_agree_generic_n6():
    # condensation at n = 6 takes about 2 s
    assert lambda_determinant(6, method="asm") == lambda_determinant(6, method="condensation")


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 6])
def test_number_of_monomials_is_number_of_asms(n):
    d = lambda_determinant(n)
    nvars = n * n
    monomials = {e[:nvars] for e in d.terms()}
    assert len(monomials) == [1, 1, 2, 7, 42, 429, 7436][n]


def test_terms_against_robbins_rumsey_sum_built_here():
    # independent: build sum_A lam^(inv-N) (1+lam)^N prod a^A with sympy
    n = 4
    M = generic_matrix(n)
    total = 0
    for A in alternating_sign_matrices(n):
        N = negative_ones(A)
        term = lam ** (inversions(A) - N) * (1 + lam) ** N
        for i in range(n):
            for j in range(n):
                term *= M[i][j] ** A[i][j]
        total += term
    got = lambda_determinant(n, method="condensation").as_sympy()
    assert sympy.expand(got - total) == 0


def test_homogeneous_two_parameter_one_layer():
    # spec: lam^(inv-N) mu^(ninv-N) (lam+mu)^N, checked against the recurrence
    for n in range(1, 5):
        M = generic_matrix(n)
        total = 0
        for A in alternating_sign_matrices(n):
            N = negative_ones(A)
            term = lam ** (inversions(A) - N) * mu ** (noninversions(A) - N) * (lam + mu) ** N
            for i in range(n):
                for j in range(n):
                    term *= M[i][j] ** A[i][j]
            total += term
        got = octahedron(None, n, lam=lam, mu=mu).apex.as_sympy()
        assert sympy.expand(got - total) == 0


@given(integer_matrices(min_size=1, max_size=5, min_value=-4, max_value=4))
def test_lambda_minus_one_is_determinant(M):
    expected = int(flint.fmpz_mat(M).det())
    got = lambda_determinant(M, lam=-1)
    assert got == expected


@given(integer_matrices(min_size=1, max_size=4, min_value=1, max_value=6))
def test_lambda_minus_one_condensation_positive_entries(M):
    # positive entries: no zero interior entry; condensation may still hit a zero minor
    expected = sympy.Matrix(M).det()
    try:
        got = lambda_determinant(M, lam=-1, method="condensation")
    except InvalidInputError as exc:
        assert "divides by zero" in str(exc)
        return
    assert got == int(expected)


def test_numeric_matrix_symbolic_lam_agree():
    M = [[2, 1, 3], [1, 5, 2], [4, 1, 7]]
    assert lambda_determinant(M) == lambda_determinant(M, method="condensation")
    M = [[Fraction(1, 2), 1, 3], [1, Fraction(5, 3), 2], [4, 1, 7]]
    assert lambda_determinant(M, lam=2) == lambda_determinant(M, lam=2, method="condensation")


def test_mixed_symbols_and_numbers():
    x, y = sympy.symbols("x y")
    M = [[x, 1, 0], [1, y, 1], [0, 1, x]]
    got = lambda_determinant(M, lam=-1).as_sympy()
    assert sympy.expand(got - sympy.Matrix(M).det()) == 0
    assert lambda_determinant(M) == lambda_determinant(M, method="condensation")


@pytest.mark.parametrize("bad", [[], [[1, 2], [3]], [[1, 2]], "abc", [[1, "x"], [2, 3]], [[1.5, 1], [1, 1]], None])
def test_bad_matrices(bad):
    with pytest.raises(InvalidInputError):
        lambda_determinant(bad)


def test_zero_in_denominator():
    M = [[1, 1, 1], [1, 0, 1], [1, 1, 1]]
    with pytest.raises(InvalidInputError, match="entry \\(2,2\\) is 0"):
        lambda_determinant(M)
    with pytest.raises(InvalidInputError, match="divides by zero"):
        lambda_determinant(M, method="condensation")
    assert lambda_determinant(M, lam=-1) == 0


def test_bad_method_and_names():
    with pytest.raises(InvalidInputError, match="method"):
        lambda_determinant(2, method="gauss")
    with pytest.raises(InvalidInputError, match="both"):
        lambda_determinant([[lam, 1], [1, 1]])


def test_condensation_limit_raises_before_work():
    with pytest.raises(ResourceLimitError):
        lambda_determinant(6, method="condensation", max_terms=1000)


@given(integer_matrices(min_size=1, max_size=4, min_value=1, max_value=5))
def test_methods_agree_on_integer_matrices(M):
    try:
        c = lambda_determinant(M, method="condensation")
    except InvalidInputError:
        return  # a zero lambda-minor: the recurrence cannot divide
    assert lambda_determinant(M) == c


def test_condensation_at_n7_refused_up_front():

    with pytest.raises(ResourceLimitError, match="method='asm'"):
        lambda_determinant(7, method="condensation")


def test_condensation_size_refusal_is_the_octahedron_check():
    # one up-front check (in the octahedron): the message names the size and the limit
    with pytest.raises(ResourceLimitError, match=r"7 x 7 .* max_terms=20000000\); use method='asm'"):
        lambda_determinant(7, method="condensation")
    # octahedron() itself uses the exact count T(5) = 863 of a generic 5 x 5 lambda-determinant
    with pytest.raises(ResourceLimitError, match=r"6 x 6 .* 863 terms each .* max_terms=1000000\)"):
        octahedron(None, 6, max_terms=10 ** 6)
    # the matrix is still validated (and named) as the argument M
    with pytest.raises(InvalidInputError, match="matrix M"):
        lambda_determinant([[1, 2], [3]], method="condensation")


# --- resource limits before work, and no over-eager refusals (review fixes) ----------------------

@pytest.mark.parametrize("call", [
    lambda: lambda_determinant(13),
    lambda: lambda_determinant([[1] * 40] * 40),
    lambda: lambda_determinant(8),
    lambda: asm_expansion(8, method="enumerate"),
    lambda: octahedron(None, 15),
    lambda: octahedron("generic", 7, coefficients="langer"),
])
def test_refused_up_front(call):

    with pytest.raises(ResourceLimitError):
        call()


def test_condensation_not_refused_when_terms_cancel_or_few_symbols():
    # one symbol among numbers: tiny values, must not be refused by a generic estimate
    x = sympy.Symbol("x")
    M = [[(i * 7 + j * 3) % 5 + 1 for j in range(7)] for i in range(7)]
    M[3][3] = x
    assert lambda_determinant(M, method="condensation") == lambda_determinant(M)
    # lam = -1 on a generic 7 x 7: Dodgson condensation, 7! terms
    d = lambda_determinant(7, lam=-1, method="condensation")
    assert d.length == 5040
    assert d == lambda_determinant(7, lam=-1)


def test_symbol_names_that_cannot_be_generators_are_invalid():
    for M, lam in (([[sympy.Symbol("α"), 1], [1, 1]], None), (2, "λ"), (2, "1x")):
        with pytest.raises(InvalidInputError, match="symbol name"):
            lambda_determinant(M, lam=lam)


@given(nonzero_rational_matrices(min_size=1, max_size=4))
def test_lambda_minus_one_is_determinant_for_fractions(M):
    expected = sympy.Matrix([[sympy.Rational(x.numerator, x.denominator) for x in r] for r in M]).det()
    expected = Fraction(int(expected.p), int(expected.q))
    assert lambda_determinant(M, lam=-1) == expected
    try:
        c = lambda_determinant(M, lam=-1, method="condensation")
    except InvalidInputError as exc:
        assert "divides by zero" in str(exc)  # a vanishing connected minor
        return
    assert c == expected
