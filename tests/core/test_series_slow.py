"""Longer checks of the series core (run with ``-m slow``)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from combalg.core.series import compare_series, euler_product, partition_series
from combalg.strategies.series import invertible_series, log_series

pytestmark = pytest.mark.slow


def test_partition_numbers_up_to_10000_match_pentagonal_recurrence():
    n_max = 10_000
    p = [1] + [0] * n_max
    for n in range(1, n_max + 1):
        total, k = 0, 1
        while True:
            g1 = k * (3 * k - 1) // 2
            if g1 > n:
                break
            sign = 1 if k % 2 else -1
            total += sign * p[n - g1]
            g2 = g1 + k
            if g2 <= n:
                total += sign * p[n - g2]
            k += 1
        p[n] = total
    assert compare_series(partition_series(n_max + 1), p) is None


def test_plane_partitions_macmahon():
    # MacMahon: prod 1/(1-q^e)^e counts plane partitions; brute-force-free check against
    # the recurrence n a(n) = sum_{k=1}^n sigma_2(k) a(n-k)
    n = 400
    sigma2 = [0] * n
    for d in range(1, n):
        for m in range(d, n, d):
            sigma2[m] += d * d
    a = [1] + [0] * (n - 1)
    for m in range(1, n):
        a[m] = sum(sigma2[k] * a[m - k] for k in range(1, m + 1)) // m
    assert euler_product({e: e for e in range(1, n)}, n).coefficients() == a


@settings(max_examples=300, deadline=None)
@given(invertible_series(max_order=40, rational=True))
def test_inverse_long(a):
    assert a * a.inverse() == 1


@settings(max_examples=200, deadline=None)
@given(log_series(max_order=30, rational=True))
def test_exp_log_long(a):
    assert a.log().exp() == a
