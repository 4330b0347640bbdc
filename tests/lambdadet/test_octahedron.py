"""Octahedron recurrence: two-layer expansion, placements, closed forms, negative controls."""

from __future__ import annotations

from math import comb

import pytest
import sympy

from combalg.asm import alternating_sign_matrices, compatible_pairs, compatible_smaller, inversions, negative_ones
from combalg.core.errors import InvalidInputError
from combalg.lambdadet import (
    OctahedronDivisionError,
    langer_exponents,
    octahedron,
    pair_exponent,
    two_layer_expansion,
)

lam = sympy.Symbol("lam")


@pytest.mark.parametrize("placement", ["homogeneous", "di_francesco", "langer"])
@pytest.mark.parametrize("x0", ["generic", "ones"])
@pytest.mark.parametrize("n", [1, 2, 3, 4, 5])
def test_two_layer_expansion_agrees_with_octahedron(n, x0, placement):
    oct_value = octahedron(x0, n, coefficients=placement).apex
    exp = two_layer_expansion(n, placement, x0=x0)
    assert exp.apex == oct_value
    assert exp.summands == 2 ** comb(n, 2)


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5])
def test_two_layer_term_count_generic(n):
    # every compatible pair gives one monomial with coefficient 1
    for placement in ("homogeneous", "langer"):
        v = octahedron("generic", n, coefficients=placement).apex
        assert v.length == 2 ** comb(n, 2)
        assert set(v.terms().values()) == {1}


def test_two_layer_n3_from_spec():
    v = octahedron("generic", 3).apex.as_sympy()
    a = {(i, j): sympy.Symbol(f"a{i}{j}") for i in range(1, 4) for j in range(1, 4)}
    t = {(i, j): sympy.Symbol(f"t{i}{j}") for i in range(2, 4) for j in range(2, 4)}
    centre = a[1, 2] * a[2, 1] * a[2, 3] * a[3, 2] / a[2, 2]
    expected_centre = lam**2 * centre / (t[2, 2] * t[3, 3]) + lam * centre / (t[2, 3] * t[3, 2])
    expected_corner = lam**3 * a[1, 3] * a[2, 2] * a[3, 1] / (t[2, 3] * t[3, 2])
    expected_identity = a[1, 1] * a[2, 2] * a[3, 3] / (t[2, 2] * t[3, 3])
    terms = sympy.Add.make_args(sympy.expand(v))
    for e in sympy.Add.make_args(sympy.expand(expected_centre)) + (expected_corner, expected_identity):
        assert e in terms


SPEC_E_TABLE = [
    (((0, 0, 1), (0, 1, 0), (1, 0, 0)), ((0, 1), (1, 0)), 3),
    (((0, 1, 0), (1, -1, 1), (0, 1, 0)), ((1, 0), (0, 1)), 2),
    (((0, 1, 0), (1, -1, 1), (0, 1, 0)), ((0, 1), (1, 0)), 1),
    (((0, 0, 1), (1, 0, 0), (0, 1, 0)), ((0, 1), (1, 0)), 2),
]


@pytest.mark.parametrize("A, B, e", SPEC_E_TABLE)
def test_single_term_exponent_table(A, B, e):
    assert pair_exponent(A, B) == e
    # the same exponent read off the recurrence's output (lam-degree of that pair's monomial)
    n = len(A)
    v = octahedron("generic", n).apex
    names = v.ring.names
    key = []
    for nm in names:
        if nm.startswith("a"):
            i, j = int(nm[1]), int(nm[2])
            key.append(A[i - 1][j - 1])
        elif nm.startswith("t"):
            i, j = int(nm[1]), int(nm[2])
            key.append(-B[i - 2][j - 2])
        else:
            key.append(e)
    assert v.terms().get(tuple(key)) == 1


def test_tempting_guess_fails():
    # spec: e(A,B) is not inv(A) - inv(B) for n >= 3
    assert any(pair_exponent(A, B) != inversions(A) - inversions(B) for A, B in compatible_pairs(3))


def test_summing_partners_gives_one_layer_coefficient():
    # sum over B compatible with A of lam^e(A,B) = lam^(inv-N) (1+lam)^N
    for n in range(1, 6):
        for A in alternating_sign_matrices(n):
            N = negative_ones(A)
            lhs = sum(lam ** pair_exponent(A, B) for B in compatible_smaller(A))
            assert sympy.expand(lhs - lam ** (inversions(A) - N) * (1 + lam) ** N) == 0


def test_langer_exponents_are_zero_one_and_specialise_to_e():
    for n in range(1, 6):
        for A, B in compatible_pairs(n):
            lam_e, mu_e = langer_exponents(A, B)
            assert set(lam_e.values()) <= {1} and set(mu_e.values()) <= {1}
            assert sum(lam_e.values()) == pair_exponent(A, B)
            assert sum(mu_e.values()) == comb(n, 2) - pair_exponent(A, B)


def test_parameter_degree_is_binomial():
    for n in range(1, 6):
        v = octahedron("generic", n, lam=lam, mu=sympy.Symbol("mu")).apex
        k = len(v.ring.variables)
        assert {sum(e[k:]) for e in v.terms()} == {comb(n, 2)}


@pytest.mark.parametrize("x0", ["generic", None])
def test_independent_coefficients_fail_at_n4(x0):
    def independent(k, i, j, n):
        return sympy.Symbol(f"mu_{k}_{i}_{j}"), sympy.Symbol(f"lam_{k}_{i}_{j}")

    assert octahedron(x0, 3, coefficients=independent).divisions == 5
    with pytest.raises(OctahedronDivisionError) as info:
        octahedron(x0, 4, coefficients=independent)
    assert info.value.level == 4 and info.value.position == (1, 1)
    assert info.value.remainder_terms == 32
    assert not info.value.remainder.is_zero()


def test_mu_without_level_shift_fails_at_n4():
    def no_shift(k, i, j, n):
        return sympy.Symbol(f"mu_{i}_{j}"), sympy.Symbol(f"lam_{i}_{j}")

    with pytest.raises(OctahedronDivisionError) as info:
        octahedron("generic", 4, coefficients=no_shift)
    assert (info.value.level, info.value.position, info.value.remainder_terms) == (4, (1, 1), 32)


@pytest.mark.parametrize("placement", ["langer", "di_francesco"])
def test_laurent_positive_for_y_pattern_placements(placement):
    r = octahedron("generic", 5, coefficients=placement)
    for k in range(2, 6):
        for row in r.layer(k):
            for v in row:
                assert v.is_polynomial_in(v.ring.params)
                assert all(c > 0 for c in v.terms().values())


def test_dodgson_condensation_gives_connected_minors():
    M = [[2, 1, 3, 1], [1, 4, 1, 5], [9, 2, 6, 5], [3, 5, 8, 9]]
    r = octahedron(None, M, lam=-1)
    for k in range(1, 5):
        for i in range(4 - k + 1):
            for j in range(4 - k + 1):
                minor = sympy.Matrix([row[j:j + k] for row in M[i:i + k]]).det()
                assert r.layer(k)[i][j] == int(minor)


def test_callable_placement_and_layers():
    r = octahedron(None, 3, coefficients=lambda k, i, j, n: (1, -1))
    assert r.apex.as_sympy() == sympy.Matrix([[sympy.Symbol(f"a{i}{j}") for j in range(1, 4)] for i in range(1, 4)]).det().expand()
    assert len(r.layers) == 4 and len(r.layer(0)) == 4


@pytest.mark.parametrize("kwargs, reason", [
    (dict(x0=None, x1=[[1, 2], [3]]), "square"),
    (dict(x0=None, x1=[]), "nonempty"),
    (dict(x0=[[1]], x1=3), "x0 of size 1"),
    (dict(x0="random", x1=3), "x0"),
    (dict(x0=None, x1=3, coefficients="sideways"), "placement"),
    (dict(x0=None, x1=3, coefficients="langer", lam=2), "name"),
    (dict(x0=None, x1=3, coefficients=lambda k, i, j, n: 1), "pair"),
])
def test_bad_octahedron_input(kwargs, reason):
    with pytest.raises(InvalidInputError, match=reason):
        octahedron(**kwargs)


def test_bad_expansion_input():
    with pytest.raises(InvalidInputError):
        two_layer_expansion(0)
    with pytest.raises(InvalidInputError):
        two_layer_expansion(3, "unknown")
    with pytest.raises(InvalidInputError):
        pair_exponent([[1, 0], [0, 1]], [[1, 0], [0, 1]])


@pytest.mark.slow
@pytest.mark.parametrize("placement", ["homogeneous", "langer"])
def test_two_layer_n6_slow(placement):
    assert two_layer_expansion(6, placement).apex == octahedron("generic", 6, coefficients=placement).apex


def test_numeric_bottom_layer_whole_or_inner():
    from fractions import Fraction

    whole = [[7, 7, 7], [7, Fraction(1, 2), 7], [7, 7, 7]]
    r1 = octahedron(whole, [[1, 2], [3, 4]])
    r2 = octahedron([[Fraction(1, 2)]], [[1, 2], [3, 4]])
    assert r1.apex == r2.apex
    assert r1.apex.as_sympy() == 12 * lam + 8


@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_two_layer_with_symbolic_mu(n):
    mu = sympy.Symbol("mu")
    assert two_layer_expansion(n, lam=lam, mu=mu).apex == octahedron("generic", n, lam=lam, mu=mu).apex


def test_two_layer_expansion_refuses_too_many_pairs():
    from combalg.core.errors import ResourceLimitError

    with pytest.raises(ResourceLimitError):
        two_layer_expansion(8)
    with pytest.raises(ResourceLimitError):
        two_layer_expansion(4, max_terms=63)
    assert two_layer_expansion(4, max_terms=64).summands == 64
