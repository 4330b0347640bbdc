"""Commutant dimensions of semicircular generators (spec oracles)."""

from __future__ import annotations

import pytest

from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.free.commutant import (
    commutant_basis,
    commutant_data,
    commutant_dimension,
    commutant_dimensions,
    derivation_matrix,
)


def test_spec_table_n2():
    expected = [(1, 0, 1), (3, 1, 2), (7, 4, 3), (15, 11, 4), (31, 26, 5), (63, 57, 6), (127, 120, 7)]
    got = [(d.dimension, d.rank, d.kernel_dimension) for d in (commutant_data([1], L) for L in range(7))]
    assert got == expected


def test_one_generator_is_masa():
    assert commutant_dimensions([1], 8) == list(range(1, 10))
    assert commutant_dimensions([2], 5, n_generators=3) == list(range(1, 7))


def test_two_generators_factor():
    assert [commutant_dimension([1, 2], L) for L in range(9)] == [1] * 9
    assert [commutant_dimension([1, 2], L, n_generators=3) for L in range(6)] == [1] * 6
    assert commutant_dimension([1, 2, 3], 4) == 1


def test_kernel_is_polynomials_in_the_generator():
    # ker D_1 on Poly_{<=L} is spanned by e_1^k (= U_k(s_1) Omega)
    assert commutant_basis([1], 5) == [{(1,) * k: 1} for k in range(6)]
    assert commutant_basis([1, 2], 4) == [{(): 1}]


def test_one_letter_system():
    # with a single generator everything commutes
    assert commutant_dimension([1], 5, n_generators=1) == 6


def test_derivation_matrix_sparsity():
    words, D = derivation_matrix([1], 3)
    for j in range(D.ncols()):
        assert sum(1 for i in range(D.nrows()) if D[i, j] != 0) <= 4


@pytest.mark.parametrize("args", [([], 2), ([0], 2), ([1], -1), (["a"], 2), ([3], 2, 2), ([1], 2, 0), (None, 2)])
def test_bad_input(args):
    with pytest.raises(InvalidInputError):
        commutant_dimension(*args)


def test_limit():
    with pytest.raises(ResourceLimitError):
        commutant_dimension([1, 2], 14)


@pytest.mark.slow
def test_slow_larger_degrees():
    assert commutant_dimension([1], 10) == 11
    assert commutant_dimension([1, 2], 10) == 1
    assert commutant_dimension([1], 6, n_generators=3) == 7


def test_sectors_agree_with_rank():
    from combalg.free.commutant import commutant_dimension_by_sectors

    for L in range(9):
        assert commutant_dimension_by_sectors(1, L) == commutant_dimension([1], L)
    for L in range(6):
        assert commutant_dimension_by_sectors(2, L, n_generators=3) == commutant_dimension([2], L, n_generators=3)


def test_sector_decomposition_of_operators():
    # on V_u: s_1 = X (x) 1 and d_1 = 1 (x) X, for 5 cores and a, b < 5
    from combalg.free.commutant import split_core
    from combalg.free.fock import apply_right_semicircular, apply_semicircular

    for u in [(2,), (2, 2), (2, 1, 2), (3, 1, 1, 2), (2, 3)]:
        for a in range(5):
            for b in range(5):
                w = (1,) * a + u + (1,) * b
                assert split_core(w, 1) == (a, u, b)
                s = apply_semicircular(1, {w: 1})
                d = apply_right_semicircular(1, {w: 1})
                expect_s = {(1,) * (a + 1) + u + (1,) * b: 1}
                expect_d = {(1,) * a + u + (1,) * (b + 1): 1}
                if a:
                    expect_s[(1,) * (a - 1) + u + (1,) * b] = 1
                if b:
                    expect_d[(1,) * a + u + (1,) * (b - 1)] = 1
                assert s == expect_s and d == expect_d
