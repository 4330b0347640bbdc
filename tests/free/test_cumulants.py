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


# ------------------------------------------------------------- flint's global series cap (exception safety)
def test_flint_cap_restored_after_calls():
    import flint

    old = flint.ctx.cap
    try:
        flint.ctx.cap = 3   # a user's own setting, smaller than the orders used below
        assert free_cumulants_to_moments([0, 1] + [0] * 10) == semicircle_moments(12)
        assert moments_to_free_cumulants(semicircle_moments(12)) == [0, 1] + [0] * 10
        assert s_transform([1, 2, 5, 14, 42]) == [1, -1, 1, -1, 1]
        assert moments_from_s_transform([1, -1, 1, -1, 1]) == [1, 2, 5, 14, 42]
        assert boolean_cumulants_to_moments(moments_to_boolean_cumulants([1, 2, 5, 14, 42])) == [1, 2, 5, 14, 42]
        assert classical_cumulants_to_moments([1] * 6) == [1, 2, 5, 15, 52, 203]
        assert moments_to_classical_cumulants([1, 2, 5, 15, 52, 203]) == [1] * 6
        assert flint.ctx.cap == 3
    finally:
        flint.ctx.cap = old


def test_flint_cap_restored_after_an_exception(monkeypatch):
    import flint

    import combalg.free.cumulants as cum

    class Boom(Exception):
        pass

    def broken(*args, **kwargs):
        raise Boom("inside the raised cap")

    old = flint.ctx.cap
    monkeypatch.setattr(cum, "fmpq_series", broken)
    for fn in (moments_to_free_cumulants, free_cumulants_to_moments, s_transform, moments_to_boolean_cumulants,
               moments_to_classical_cumulants, boolean_cumulants_to_moments, classical_cumulants_to_moments):
        with pytest.raises(Boom):
            fn([1] * 40)
        assert flint.ctx.cap == old


def test_free_poisson_against_narayana_sum():
    # m_n = sum_k N(n, k) rate^k with N(n, k) = binom(n, k) binom(n, k-1) / n, summed here directly
    for rate in (1, 2, Fraction(3, 2), Fraction(-1, 3), 0):
        expected = [sum(Fraction(comb(d, k) * comb(d, k - 1), d) * Fraction(rate) ** k for k in range(1, d + 1))
                    for d in range(1, 26)]
        got = free_poisson_moments(25, rate)
        assert got == expected
        assert all(type(x) is int for x, e in zip(got, expected) if e.denominator == 1)


def test_semicircle_moments_fractional_variance():
    t = Fraction(2, 3)
    got = semicircle_moments(14, t)
    assert got == [0 if d % 2 else t ** (d // 2) * CATALAN_FN(d // 2) for d in range(1, 15)]


@pytest.mark.parametrize("bad", [{1: 2, 3: 4}, {1, 2}, frozenset({1}), b"12", bytearray(b"1"), iter(["1"])])
def test_bad_sequence_containers(bad):
    with pytest.raises(InvalidInputError):
        moments_to_free_cumulants(bad)


def test_order_limits_raise_before_work():

    from combalg.core.errors import ResourceLimitError
    from combalg.free.cumulants import MAX_ORDER

    for fn in (semicircle_moments, semicircle_cumulants, free_poisson_moments, free_poisson_cumulants):
        with pytest.raises(ResourceLimitError):
            fn(10 ** 12)
    with pytest.raises(ResourceLimitError):
        moments_to_free_cumulants([0] * (MAX_ORDER + 1))
    with pytest.raises(ResourceLimitError):
        free_cumulants_to_moments_by_partitions([1] * 20)      # would sum over ~10^10 partitions
    with pytest.raises(ResourceLimitError):
        free_multiplicative_convolution([1] * 20, [1] * 20, method="kreweras")
    assert len(semicircle_moments(MAX_ORDER)) == MAX_ORDER


# ------------------------------------------------------------- Cauchy and R-transforms (spec section 5)
def _mul(a, b, n):
    """Product of two power series (coefficient lists) modulo w^n, on Fractions."""
    out = [Fraction(0)] * n
    for i, x in enumerate(a[:n]):
        if x:
            for j, y in enumerate(b[:n - i]):
                out[i + j] += x * y
    return out


def _inv(a, n):
    """1 / a modulo w^n for a[0] != 0, by the schoolbook recursion."""
    out = [Fraction(1) / a[0]] + [Fraction(0)] * (n - 1)
    for k in range(1, n):
        out[k] = -sum((a[i] * out[k - i] for i in range(1, min(k, len(a) - 1) + 1)), Fraction(0)) / a[0]
    return out


def test_cauchy_transform_semicircle_quadratic():
    # t G^2 - z G + 1 = 0; in u = 1/z with G = sum_j g_j u^j: g_1 = 1 and g_{k+1} = t sum_{i+j=k} g_i g_j
    from combalg.free.cumulants import cauchy_transform

    for t in (1, 2, Fraction(3, 5)):
        g = [0] + cauchy_transform(semicircle_moments(20, t))      # g[j] = coefficient of z^-j
        assert g[1] == 1
        for k in range(1, 21):
            assert g[k + 1] == t * sum(g[i] * g[k - i] for i in range(1, k))


def test_cauchy_transform_is_moment_series():
    from combalg.free.cumulants import cauchy_transform

    assert cauchy_transform([Fraction(1, 2), 3]) == [1, Fraction(1, 2), 3]


def _check_r_transform(m, r):
    """G(K(w)) = w with K(w) = 1/w + R(w), i.e. sum_j g_j w^j (1 + w R(w))^(-j) = w, to order w^(n+1)."""
    n = len(m)
    g = [Fraction(1)] + [Fraction(x) for x in m]          # g[j-1] is the coefficient of z^-j
    N = n + 2                                              # compare coefficients of w^0 .. w^(n+1)
    base = _inv([Fraction(1)] + [Fraction(x) for x in r], N)   # (1 + w R(w))^-1
    total = [Fraction(0)] * N
    power = [Fraction(1)] + [Fraction(0)] * (N - 1)        # base^j
    for j in range(1, n + 2):
        power = _mul(power, base, N)
        term = [Fraction(0)] * j + power[:N - j]
        total = [x + g[j - 1] * y for x, y in zip(total, term)]
    return total == [0, 1] + [0] * n


def test_r_transform_spec():
    from combalg.free.cumulants import r_transform

    assert r_transform(semicircle_moments(10, 2)) == [0, 2] + [0] * 8          # R(z) = t z
    assert r_transform(free_poisson_moments(8, Fraction(1, 3))) == [Fraction(1, 3)] * 8   # lambda / (1 - z)
    assert _check_r_transform(semicircle_moments(10, 2), [0, 2] + [0] * 8)
    assert not _check_r_transform(semicircle_moments(10, 2), [0, 2] + [0] * 7 + [1])   # the check can fail


@settings(max_examples=40, deadline=None)
@given(moment_sequences(max_size=12))
def test_r_transform_functional_equation(m):
    from combalg.free.cumulants import r_transform

    r = r_transform(m)
    assert len(r) == len(m)
    assert _check_r_transform(m, r)


@settings(max_examples=30, deadline=None)
@given(moment_sequences(max_size=10), moment_sequences(max_size=10))
def test_r_transform_additive(a, b):
    from combalg.free.cumulants import r_transform

    n = min(len(a), len(b))
    ra, rb = r_transform(a), r_transform(b)
    assert r_transform(free_additive_convolution(a, b)) == [ra[i] + rb[i] for i in range(n)]
