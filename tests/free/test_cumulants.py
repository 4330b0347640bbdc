"""Moments and cumulants: spec oracles, NC-sum oracle, hypothesis round trips, bad input."""

from __future__ import annotations

from fractions import Fraction
from math import comb, factorial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from combalg.core.errors import InvalidInputError
from combalg.free.cumulants import (
    boolean_cumulants_to_moments,
    classical_cumulants_to_moments,
    free_additive_convolution,
    free_cumulants_to_moments,
    free_cumulants_to_moments_by_partitions,
    free_multiplicative_convolution,
    free_poisson_cumulants,
    free_poisson_moments,
    moments_to_boolean_cumulants,
    moments_to_classical_cumulants,
    moments_from_s_transform,
    moments_to_free_cumulants,
    s_transform,
    semicircle_cumulants,
    semicircle_moments,
)
from combalg.strategies.free import cumulant_sequences, exact_rationals, moment_sequences

CATALAN = [1, 1, 2, 5, 14, 42, 132, 429, 1430]


def nc_sum_oracle(k, n):
    """m_1..m_n by summing over non-crossing partitions, enumerated by brute force here."""
    from itertools import combinations

    def set_partitions(elems):
        if not elems:
            yield []
            return
        first, rest = elems[0], elems[1:]
        for p in set_partitions(rest):
            yield [[first]] + p
            for i in range(len(p)):
                yield p[:i] + [[first] + p[i]] + p[i + 1:]

    def crossing(p):
        label = {x: i for i, b in enumerate(p) for x in b}
        return any(label[a] == label[c] != label[b] == label[d] for a, b, c, d in combinations(sorted(label), 4))

    out = []
    for m in range(1, n + 1):
        total = 0
        for p in set_partitions(list(range(m))):
            if not crossing(p):
                term = 1
                for b in p:
                    term *= k[len(b) - 1]
                total += term
        out.append(total)
    return out


def test_semicircle_catalan_spec():
    m = semicircle_moments(16)
    assert [m[2 * j - 1] for j in range(1, 9)] == CATALAN[1:]
    assert all(m[i] == 0 for i in range(0, 16, 2))
    assert semicircle_cumulants(6) == [0, 1, 0, 0, 0, 0]
    assert moments_to_free_cumulants(m) == [0, 1] + [0] * 14


def test_semicircle_catalan_formula_order_20():
    m = free_cumulants_to_moments([0, 1] + [0] * 18)
    assert m == [0 if d % 2 else comb(d, d // 2) // (d // 2 + 1) for d in range(1, 21)]


def test_free_poisson_spec():
    assert free_cumulants_to_moments([1] * 8) == CATALAN[1:]
    assert free_poisson_moments(8) == CATALAN[1:]
    assert moments_to_free_cumulants(free_poisson_moments(7, rate=3)) == free_poisson_cumulants(7, rate=3)


def test_sum_of_two_semicircles_spec():
    m = free_additive_convolution(semicircle_moments(8), semicircle_moments(8))
    assert [m[2 * j - 1] for j in range(1, 5)] == [2, 8, 40, 224]


@pytest.mark.parametrize("seed", range(4))
def test_reversion_against_nc_sum(seed):
    import random

    rng = random.Random(seed)
    k = [Fraction(rng.randint(-5, 5), rng.randint(1, 4)) for _ in range(8)]
    expected = nc_sum_oracle(k, 8)
    assert free_cumulants_to_moments(k) == expected
    assert free_cumulants_to_moments_by_partitions(k) == expected
    assert moments_to_free_cumulants(expected) == k


@settings(max_examples=60, deadline=None)
@given(moment_sequences(max_size=25))
def test_moments_cumulants_roundtrip(m):
    assert free_cumulants_to_moments(moments_to_free_cumulants(m)) == m


@settings(max_examples=60, deadline=None)
@given(cumulant_sequences(max_size=25))
def test_cumulants_moments_roundtrip(k):
    assert moments_to_free_cumulants(free_cumulants_to_moments(k)) == k


@settings(max_examples=30, deadline=None)
@given(cumulant_sequences(max_size=9))
def test_fast_map_equals_nc_sum(k):
    assert free_cumulants_to_moments(k) == free_cumulants_to_moments_by_partitions(k)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 30), exact_rationals(), exact_rationals())
def test_semicircles_add_freely(order, s, t):
    s, t = abs(s) + 1, abs(t)
    lhs = free_additive_convolution(semicircle_moments(order, s), semicircle_moments(order, t))
    assert lhs == semicircle_moments(order, s + t)
    # unit variances: semicircle of variance 2, m_2k = 2^k Catalan(k)
    two = free_additive_convolution(semicircle_moments(order), semicircle_moments(order))
    assert two == [0 if d % 2 else 2 ** (d // 2) * CATALAN_FN(d // 2) for d in range(1, order + 1)]


def CATALAN_FN(k):  # noqa: N802
    return comb(2 * k, k) // (k + 1)


def test_multiplicative_convolution_fuss_catalan():
    # free Poisson(1) squared-free-product: moments are the Fuss-Catalan numbers binom(3n, n)/(2n+1)
    fuss = [comb(3 * n, n) // (2 * n + 1) for n in range(1, 7)]
    assert free_multiplicative_convolution(free_poisson_moments(6), free_poisson_moments(6)) == fuss
    assert free_multiplicative_convolution(free_poisson_moments(6), free_poisson_moments(6), "kreweras") == fuss


def test_s_transform_free_poisson():
    # S(z) = 1 / (z + rate) for the free Poisson law
    rate = Fraction(3, 2)
    expected = [(-1) ** j / rate ** (j + 1) for j in range(8)]
    assert s_transform(free_poisson_moments(8, rate)) == expected
    assert moments_from_s_transform(expected) == free_poisson_moments(8, rate)


@settings(max_examples=25, deadline=None)
@given(moment_sequences(min_size=1, max_size=7), moment_sequences(min_size=1, max_size=7))
def test_multiplicative_two_methods(a, b):
    if a[0] == 0 or b[0] == 0:
        with pytest.raises(InvalidInputError):
            free_multiplicative_convolution(a, b)
        return
    assert free_multiplicative_convolution(a, b) == free_multiplicative_convolution(a, b, "kreweras")
    assert moments_from_s_transform(s_transform(a)) == a


def test_boolean_and_classical():
    gauss = [0 if d % 2 else factorial(d) // (2 ** (d // 2) * factorial(d // 2)) for d in range(1, 13)]
    assert moments_to_classical_cumulants(gauss) == [0, 1] + [0] * 10
    assert classical_cumulants_to_moments([1] * 8) == [1, 2, 5, 15, 52, 203, 877, 4140]
    # semicircle: Boolean cumulants b_{2k} = Catalan(k-1)
    b = moments_to_boolean_cumulants(semicircle_moments(12))
    assert [b[2 * j - 1] for j in range(1, 7)] == CATALAN[:6]
    assert boolean_cumulants_to_moments(b) == semicircle_moments(12)


@pytest.mark.parametrize("bad", [[], (), ["a"], [1.5], [1, None], "123", None, [True], 7, [1, "2"]])
@pytest.mark.parametrize("fn", [moments_to_free_cumulants, free_cumulants_to_moments,
                                moments_to_boolean_cumulants, moments_to_classical_cumulants])
def test_bad_sequences(fn, bad):
    with pytest.raises(InvalidInputError):
        fn(bad)


@pytest.mark.parametrize("bad", [0, -3, 2.0, "5"])
def test_bad_orders(bad):
    with pytest.raises(InvalidInputError):
        semicircle_moments(bad)
    with pytest.raises(InvalidInputError):
        semicircle_moments(4, variance=0.5)


def test_accepts_flint_and_generators():
    from flint import fmpq, fmpz

    assert moments_to_free_cumulants([fmpz(0), fmpq(1)]) == [0, 1]
    assert moments_to_free_cumulants(iter([0, 1])) == [0, 1]


def test_order_200_exact():
    k = [Fraction(1, d) for d in range(1, 201)]
    m = free_cumulants_to_moments(k)
    assert len(m) == 200 and moments_to_free_cumulants(m) == k
