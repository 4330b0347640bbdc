"""Bad input and stated limits across the free engine: clear errors, raised before any heavy work."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.free.commutant import (
    MAX_SECTOR_DEGREE,
    commutant_dimension,
    commutant_dimension_by_sectors,
    commutant_dimensions,
    derivation_matrix,
    sector_kernel_dimension,
    split_core,
)
from combalg.free.fock import (
    apply_polynomial,
    apply_semicircular,
    chebyshev_u,
    left_annihilation,
    left_creation,
    mixed_moment,
    right_annihilation,
    right_creation,
    words_exceed,
    words_up_to,
)
from combalg.free.projection import conditional_expectation_matrix, jacobi_projection_entry


def fast(fn, exc, seconds=1.0):
    with pytest.raises(exc):
        fn()


def test_huge_degrees_refused_before_counting():
    # formerly: 2^(10^8) was formed (and then failed to print) before the limit was checked
    fast(lambda: commutant_dimension([1, 2], 10 ** 8), ResourceLimitError)
    fast(lambda: derivation_matrix([1], 10 ** 8), ResourceLimitError)
    fast(lambda: conditional_expectation_matrix(2, 10 ** 8), ResourceLimitError)
    fast(lambda: words_up_to(2, 10 ** 8), ResourceLimitError)
    fast(lambda: commutant_dimensions([1, 2], 14), ResourceLimitError)   # formerly ran L = 0..11 first


def test_words_exceed_against_count():
    for n in range(1, 5):
        for L in range(0, 7):
            total = sum(n ** k for k in range(L + 1))
            for limit in (0, total - 1, total, total + 1):
                if limit >= 0:
                    assert words_exceed(n, L, limit) == (total > limit)


def test_sector_grid_limit():
    # formerly a dense FLINT matrix of ~10^9 entries: the process aborted
    fast(lambda: sector_kernel_dimension(MAX_SECTOR_DEGREE + 1), ResourceLimitError)
    fast(lambda: sector_kernel_dimension(10 ** 6), ResourceLimitError)
    fast(lambda: commutant_dimension_by_sectors(1, 10 ** 6), ResourceLimitError)
    assert sector_kernel_dimension(12) == 0


def test_limit_arguments_validated():
    for bad in (1e9, "x", None, True, 0):
        with pytest.raises(InvalidInputError):
            words_up_to(2, 3, max_words=bad)
        with pytest.raises(InvalidInputError):
            conditional_expectation_matrix(2, 2, max_words=bad)


def test_chebyshev_limit():
    fast(lambda: chebyshev_u(10 ** 9), ResourceLimitError)


def test_operator_moment_long_words():
    # the operator model (pruned to words that can still return to the vacuum) against the interval recursion
    rng = random.Random(3)
    for k in (30, 40, 60):
        for _ in range(3):
            w = tuple(rng.choice((1, 2)) for _ in range(k))
            assert mixed_moment(w, "operator") == mixed_moment(w, "dp")
    w = (1, 2, 2, 1) * 10
    assert mixed_moment(w, "operator") == mixed_moment(w, "dp") > 0


@pytest.mark.parametrize("fn", [left_creation, left_annihilation, right_creation, right_annihilation,
                                apply_semicircular])
def test_elementary_operators_reject_bad_input(fn):
    for bad_letter in (0, -1, "a", 1.0, True, None):
        with pytest.raises(InvalidInputError):
            fn(bad_letter, {(1,): 1})
    for bad_vector in ([(1,)], None, "x"):
        with pytest.raises(InvalidInputError):
            fn(1, bad_vector)


@pytest.mark.parametrize("bad", [{(1,): 1.5}, {(1,): "1"}, {(1,): True}, {(1,): None}, [(1,)], None,
                                 {(0,): 1}, {"ab": 1}])
def test_apply_polynomial_rejects(bad):
    with pytest.raises(InvalidInputError):
        apply_polynomial(bad)


def test_apply_polynomial_accepts_exact():
    from flint import fmpq

    assert apply_polynomial({(1, 1): Fraction(1, 2), (): -1}) == {(): Fraction(-1, 2), (1, 1): Fraction(1, 2)}
    assert apply_polynomial({(1,): fmpq(2, 3)}) == {(1,): fmpq(2, 3)}


@pytest.mark.parametrize("bad", [{(1, 1): 1.5}, {(1, 1): "1"}, {(1, 1): True}, [(1, 1)], None, {(1, 3): 1},
                                 {(1, 1, 1): 1}])
def test_expectation_apply_rejects(bad):
    E = conditional_expectation_matrix(2, 2)
    with pytest.raises(InvalidInputError):
        E.apply(bad)


def test_expectation_apply_exact_coefficients():
    from flint import fmpz

    E = conditional_expectation_matrix(2, 2)
    # E[s_2 s_2] = 1 and E[s_1 s_1] = s_1 s_1 (spec), so E[1/2 s_2 s_2 + 3 s_1 s_1] = 1/2 + 3 s_1 s_1
    assert E.apply({(2, 2): Fraction(1, 2), (1, 1): fmpz(3)}) == {(): Fraction(1, 2), (1, 1): 3}


@pytest.mark.parametrize("bad", [None, "ab", 5, [0, 1], [1.0]])
def test_split_core_rejects(bad):
    with pytest.raises(InvalidInputError):
        split_core(bad)


def test_split_core_bad_generator():
    for g in (0, "1", True):
        with pytest.raises(InvalidInputError):
            split_core((1, 2), g)


def test_projection_entry_rejects_bools():
    with pytest.raises(InvalidInputError):
        jacobi_projection_entry(3, True, 0, 0, 0)


def test_huge_enumerations_refused_fast():
    # formerly Catalan(10^6) was computed and then failed to print (a raw ValueError after minutes)
    from combalg.free.cumulants import free_cumulants_to_moments_by_partitions
    from combalg.free.noncrossing import noncrossing_pairings, noncrossing_partitions

    fast(lambda: noncrossing_partitions(10 ** 6), ResourceLimitError)
    fast(lambda: noncrossing_pairings(2 * 10 ** 6), ResourceLimitError)
    fast(lambda: free_cumulants_to_moments_by_partitions([1] * 5000), ResourceLimitError)
    # the limit is on |NC(1)| + ... + |NC(n)|: n = 15 is refused although Catalan(15) alone is below it
    fast(lambda: free_cumulants_to_moments_by_partitions([1] * 15), ResourceLimitError)
    assert sum(1 for _ in noncrossing_partitions(10)) == 16796       # Catalan(10), below the limit


def test_dp_long_words_and_limit():
    from math import comb

    from combalg.free.fock import MAX_DP_LENGTH

    k = MAX_DP_LENGTH // 2
    assert mixed_moment((1,) * (2 * k)) == comb(2 * k, k) // (k + 1)      # Catalan(k), formerly a RecursionError
    w = (1, 2) * 50 + (2, 1) * 50                                          # nested: exactly one pairing
    assert mixed_moment(w) == mixed_moment(w, "operator") == 1
    fast(lambda: mixed_moment((1,) * (MAX_DP_LENGTH + 2)), ResourceLimitError)


def test_cli_long_word_fails_fast(capsys):
    from combalg.cli import main

    rc = main(["free", "moment", "--word", ",".join(["1"] * 3000)])
    _, err = capsys.readouterr()
    assert rc == 2 and "MAX_DP_LENGTH" in err


def test_many_generators_refused_before_allocation():
    # formerly a dense FLINT matrix of ~2.6e10 entries was requested (the process aborts)
    fast(lambda: commutant_dimension(list(range(1, 401)), 1, n_generators=400), ResourceLimitError)
    assert commutant_dimension(list(range(1, 6)), 2, n_generators=5) == 1


def test_vector_helpers_reject_non_vectors():
    from combalg.free.fock import FockSpace, inner_product

    for bad in (None, [1], "x"):
        with pytest.raises(InvalidInputError):
            inner_product(bad, {(): 1})
        with pytest.raises(InvalidInputError):
            FockSpace(2, 2).vector(bad)
    assert inner_product({(1,): 2, (): 1}, {(1,): 3, (2,): 5}) == 6
