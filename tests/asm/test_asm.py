"""Alternating sign matrices: spec oracles, brute force and properties."""

from __future__ import annotations

from itertools import permutations, product
from math import comb

import pytest
from hypothesis import given

from combalg.asm import (
    alternating_sign_matrices,
    as_asm,
    asm_count,
    column_reversal,
    compatible_pairs,
    compatible_smaller,
    corner_sum_matrix,
    from_monotone_triangle,
    inversions,
    is_asm,
    is_compatible,
    monotone_triangles,
    negative_ones,
    negative_ones_distribution,
    noninversions,
    to_monotone_triangle,
    x_enumeration,
)
from combalg.core.errors import InvalidInputError
from combalg.strategies.asm import asms, monotone_triangles_strategy

SPEC_COUNTS = [1, 1, 2, 7, 42, 429, 7436, 218348]
SAGE_CARDINALITIES = [1, 1, 2, 7, 42, 429, 7436, 218348, 10850216, 911835460, 129534272700]


def brute_force_asms(n):
    """All n x n {-1,0,1} matrices with alternating rows/columns (independent of the generator)."""
    rows = [r for r in product((-1, 0, 1), repeat=n) if _alt(r)]
    out = []
    for M in product(rows, repeat=n):
        if all(_alt([M[i][j] for i in range(n)]) for j in range(n)):
            out.append(tuple(M))
    return out


def _alt(seq):
    s = 0
    for x in seq:
        s += x
        if s not in (0, 1):
            return False
    return s == 1


def inv_by_definition(A):
    n = len(A)
    return sum(A[i][j] * A[k][l] for i in range(n) for j in range(n) for k in range(n) for l in range(n)
               if i < k and j > l)


def ninv_by_definition(A):
    n = len(A)
    return sum(A[i][j] * A[k][l] for i in range(n) for j in range(n) for k in range(n) for l in range(n)
               if i < k and j < l)


def test_counts_match_spec():
    for n in range(1, 8):
        assert sum(1 for _ in alternating_sign_matrices(n)) == SPEC_COUNTS[n]


def test_product_formula_matches_sage_cardinalities():
    assert [asm_count(n) for n in range(11)] == SAGE_CARDINALITIES


@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_generator_equals_brute_force(n):
    gen = list(alternating_sign_matrices(n))
    assert len(gen) == len(set(gen))
    assert set(gen) == set(brute_force_asms(n))


def test_generated_are_asms_and_distinct():
    for n in range(1, 6):
        seen = set()
        for A in alternating_sign_matrices(n):
            assert is_asm(A)
            seen.add(A)
        assert len(seen) == SPEC_COUNTS[n]


def test_monotone_triangles_count_and_conversion():
    for n in range(1, 6):
        ts = list(monotone_triangles(n))
        assert len(ts) == SPEC_COUNTS[n]
        assert {from_monotone_triangle(t) for t in ts} == set(alternating_sign_matrices(n))


@given(asms(max_size=6))
def test_monotone_triangle_round_trip(A):
    assert from_monotone_triangle(to_monotone_triangle(A)) == A


@given(monotone_triangles_strategy(max_size=6))
def test_triangle_rows_are_partial_column_sums(T):
    A = from_monotone_triangle(T)
    n = len(A)
    for k in range(n):
        sums = [sum(A[i][j] for i in range(k + 1)) for j in range(n)]
        assert tuple(j + 1 for j in range(n) if sums[j] == 1) == T[k]


def test_inversion_examples_from_sage():
    assert inversions([[0, 1, 0], [1, -1, 1], [0, 1, 0]]) == 2
    assert inversions([[0, 0, 1], [1, 0, 0], [0, 1, 0]]) == 2


def test_statistics_against_definitions():
    for n in range(1, 6):
        for A in alternating_sign_matrices(n):
            assert inversions(A) == inv_by_definition(A)
            assert noninversions(A) == ninv_by_definition(A)
            assert negative_ones(A) == sum(1 for r in A for x in r if x == -1)


def test_inversions_of_permutation_matrices():
    for n in range(1, 6):
        for p in permutations(range(n)):
            P = tuple(tuple(1 if p[i] == j else 0 for j in range(n)) for i in range(n))
            expected = sum(1 for i in range(n) for k in range(i + 1, n) if p[i] > p[k])
            assert inversions(P) == expected


@given(asms(max_size=6))
def test_reversal_identities(A):
    n = len(A)
    rev = column_reversal(A)
    assert noninversions(A) == inversions(rev)
    assert inversions(A) + inversions(rev) == comb(n, 2) + negative_ones(A)


@given(asms(max_size=6))
def test_corner_sums_by_definition(A):
    n = len(A)
    C = corner_sum_matrix(A)
    for p in range(n + 1):
        for q in range(n + 1):
            assert C[p][q] == sum(A[i][j] for i in range(p) for j in range(q))
    assert C[n] == tuple(range(n + 1))


def test_x_enumeration_spec_values():
    assert [x_enumeration(n, 1) for n in range(1, 7)] == [1, 2, 7, 42, 429, 7436]
    assert [x_enumeration(n, 2) for n in range(1, 7)] == [1, 2, 8, 64, 1024, 32768]
    assert [x_enumeration(n, 3) for n in range(1, 7)] == [1, 2, 9, 90, 2025, 102060]


def test_negative_ones_distribution_spec():
    assert negative_ones_distribution(5) == {0: 120, 1: 200, 2: 94, 3: 14, 4: 1}
    assert negative_ones_distribution(6) == {0: 720, 1: 2400, 2: 2684, 3: 1284, 4: 310, 5: 36, 6: 2}


def test_transfer_equals_enumeration():
    for n in range(0, 7):
        assert negative_ones_distribution(n) == negative_ones_distribution(n, method="enumerate")


def test_two_enumeration_is_power_of_two_for_larger_n():
    for n in range(1, 10):
        assert x_enumeration(n, 2) == 2 ** comb(n, 2)
        assert x_enumeration(n, 1) == asm_count(n)


def test_compatible_partner_count_is_two_to_the_negative_ones():
    for n in range(1, 6):
        for A in alternating_sign_matrices(n):
            assert len(compatible_smaller(A)) == 2 ** negative_ones(A)


@pytest.mark.parametrize("n", [2, 3, 4])
def test_compatible_smaller_equals_pairwise_test(n):
    small = list(alternating_sign_matrices(n - 1))
    for A in alternating_sign_matrices(n):
        assert set(compatible_smaller(A)) == {B for B in small if is_compatible(A, B)}


def test_compatible_pairs_count():
    assert [sum(1 for _ in compatible_pairs(n)) for n in range(1, 6)] == [1, 2, 8, 64, 1024]


@pytest.mark.slow
def test_slow_n6_identities():
    assert sum(1 for _ in compatible_pairs(6)) == 32768
    for A in alternating_sign_matrices(6):
        assert inversions(A) + inversions(column_reversal(A)) == 15 + negative_ones(A)


@pytest.mark.parametrize("bad, reason", [
    ([[1, 1], [0, 1]], "row 1"),
    ([[1, 0], [1, 0]], "column 1"),
    ([[0, 1, 0], [1, 0, 0], [0, 1, 0]], "column 2"),
    ([[1, 0], [0, 2]], "entry 2"),
    ([[1, 0, 0], [0, 1]], "square"),
    ([[0, 1, 0], [1, 0, -1], [0, 0, 1]], "row 2"),
    ([[1, 0, 0], [0, 0, 1], [0, 0, 1]], "column"),
])
def test_invalid_asm(bad, reason):
    with pytest.raises(InvalidInputError, match=reason):
        as_asm(bad)
    with pytest.raises(InvalidInputError):
        inversions(bad)


def test_invalid_sizes_and_triangles():
    with pytest.raises(InvalidInputError):
        list(alternating_sign_matrices(-1))
    with pytest.raises(InvalidInputError):
        asm_count("3")
    with pytest.raises(InvalidInputError, match="interlace"):
        from_monotone_triangle([[3], [1, 2], [1, 2, 3]])
    with pytest.raises(InvalidInputError, match="bottom row"):
        from_monotone_triangle([[1], [1, 3]])
    with pytest.raises(InvalidInputError, match="size"):
        is_compatible([[1, 0], [0, 1]], [[1, 0], [0, 1]])


# --- review fixes: product formula without huge factorials, limits, strict entries ---------------

def test_asm_count_against_factorial_formula():
    from math import factorial

    for n in range(0, 41):
        num = den = 1
        for k in range(n):
            num *= factorial(3 * k + 1)
            den *= factorial(n + k)
        assert num % den == 0 and asm_count(n) == num // den


def test_size_limits_raise_before_work():
    from combalg.asm.enumeration import MAX_COUNT_SIZE, MAX_ENUMERATE_SIZE, MAX_TRANSFER_SIZE
    from combalg.core.errors import ResourceLimitError

    with pytest.raises(ResourceLimitError):
        asm_count(MAX_COUNT_SIZE + 1)
    with pytest.raises(ResourceLimitError):
        negative_ones_distribution(MAX_TRANSFER_SIZE + 1)
    with pytest.raises(ResourceLimitError):
        x_enumeration(MAX_ENUMERATE_SIZE + 1, 2, method="enumerate")
    with pytest.raises(InvalidInputError, match="method"):
        negative_ones_distribution(3, method="magic")


def test_asm_entries_must_be_exact_integers():
    from fractions import Fraction

    for bad in ([[True]], [[1.0]], [[0.5, 0.5], [0.5, 0.5]]):
        with pytest.raises(InvalidInputError, match="integer"):
            as_asm(bad)
    assert as_asm([[Fraction(1)]]) == ((1,),)
    with pytest.raises(InvalidInputError, match="integers"):
        from_monotone_triangle([[1.5], [1, 2]])
    with pytest.raises(InvalidInputError, match="integers"):
        from_monotone_triangle([[True], [1, 2]])


def test_uncached_generation_matches_and_streams():

    from combalg.asm.monotone import _lazy_asms

    for n in range(1, 7):
        assert list(_lazy_asms(n)) == list(alternating_sign_matrices(n))
    A = next(alternating_sign_matrices(40))
    T = next(monotone_triangles(30))
    assert A == tuple(tuple(int(i == j) for j in range(40)) for i in range(40))
    assert from_monotone_triangle(T) == next(alternating_sign_matrices(30))


def test_x_enumeration_polynomial_and_bad_weights():
    import sympy

    x = sympy.Symbol("x")
    # spec distribution for n = 5: {0:120, 1:200, 2:94, 3:14, 4:1}
    assert sympy.expand(x_enumeration(5, x) - (120 + 200 * x + 94 * x**2 + 14 * x**3 + x**4)) == 0
    for bad in (0.5, True, "2", None):
        with pytest.raises(InvalidInputError):
            x_enumeration(3, bad)
