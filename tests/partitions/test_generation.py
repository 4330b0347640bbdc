"""Generators of partitions against brute force and independently computed p(n)."""

from __future__ import annotations

import itertools
from math import comb

import pytest

from combalg.core.errors import InvalidInputError
from combalg.partitions import (
    Partition,
    count_partitions,
    partitions_in_box,
    partitions_of,
    partitions_up_to,
)


def partition_numbers(n):
    """p(0..n) by the coin-change recurrence over allowed part sizes."""
    p = [1] + [0] * n
    for part in range(1, n + 1):
        for m in range(part, n + 1):
            p[m] += p[m - part]
    return p


def brute_partitions(n):
    """All weakly decreasing tuples of positive ints summing to n (via compositions)."""
    out = set()
    for k in range(n + 1):
        for cuts in itertools.combinations(range(1, n), k - 1) if k else [()]:
            if k == 0:
                if n == 0:
                    out.add(())
                continue
            bounds = (0,) + cuts + (n,)
            parts = tuple(sorted((bounds[i + 1] - bounds[i] for i in range(k)), reverse=True))
            out.add(parts)
    return out


KNOWN_P = [1, 1, 2, 3, 5, 7, 11, 15, 22, 30, 42, 56, 77, 101, 135, 176, 231, 297, 385, 490, 627]


def test_partition_numbers_oracle_itself():
    assert partition_numbers(20) == KNOWN_P  # OEIS A000041


@pytest.mark.parametrize("n", range(0, 13))
def test_partitions_of_matches_brute_force(n):
    got = list(partitions_of(n))
    assert len(got) == len(set(got))
    assert set(got) == brute_partitions(n)
    assert all(type(lam) is Partition and lam.size == n for lam in got)
    # reverse lexicographic order
    assert got == sorted(got, reverse=True)


def test_counts_match_partition_numbers():
    p = partition_numbers(45)
    for n in range(46):
        assert sum(1 for _ in partitions_of(n)) == p[n]


def test_count_partitions_vs_independent_recurrence():
    p = partition_numbers(1000)
    assert [count_partitions(n) for n in range(60)] == p[:60]
    assert count_partitions(1000) == p[1000]
    assert count_partitions(1000) == 24061467864032622473692149727991


@pytest.mark.parametrize("n", range(0, 14))
def test_bounds_match_filter(n):
    everything = list(partitions_of(n))
    for max_part in range(0, n + 2):
        for max_length in range(0, n + 2):
            expected = [
                lam for lam in everything
                if (not lam or lam[0] <= max_part) and len(lam) <= max_length
            ]
            got = list(partitions_of(n, max_part=max_part, max_length=max_length))
            assert got == expected, (n, max_part, max_length)
        assert list(partitions_of(n, max_part=max_part)) == [
            lam for lam in everything if not lam or lam[0] <= max_part
        ]


def test_partitions_up_to():
    got = list(partitions_up_to(9))
    assert len(got) == sum(partition_numbers(9))
    assert [lam.size for lam in got] == sorted(lam.size for lam in got)
    assert set(got) == set().union(*(brute_partitions(k) for k in range(10)))
    bounded = list(partitions_up_to(9, max_part=2, max_length=3))
    assert set(bounded) == {lam for lam in got if len(lam) <= 3 and (not lam or lam[0] <= 2)}


@pytest.mark.parametrize("rows, cols", [(0, 0), (0, 3), (2, 0), (2, 3), (3, 4), (4, 4)])
def test_box_counts_are_binomials(rows, cols):
    got = list(partitions_in_box(rows, cols))
    assert len(got) == len(set(got)) == comb(rows + cols, rows)


@pytest.mark.parametrize("bad", [-1, 2.0, "3", None, True])
def test_bad_sizes(bad):
    with pytest.raises(InvalidInputError):
        partitions_of(bad)
    with pytest.raises(InvalidInputError):
        partitions_up_to(bad)


def test_bad_bounds():
    with pytest.raises(InvalidInputError, match="max_part"):
        partitions_of(3, max_part=-1)
    with pytest.raises(InvalidInputError, match="max_length"):
        partitions_up_to(3, max_length="2")


@pytest.mark.slow
@pytest.mark.parametrize("n", range(13, 19))
def test_partitions_of_matches_brute_force_slow(n):
    got = list(partitions_of(n))
    assert len(got) == len(set(got)) and set(got) == brute_partitions(n)


def test_count_partitions_beyond_the_recurrence_threshold():
    # above n = 5000 count_partitions switches to the series core; check it against
    # Euler's pentagonal recurrence written here
    n_max = 5100
    p = [1] + [0] * n_max
    for m in range(1, n_max + 1):
        total, k = 0, 1
        while k * (3 * k - 1) // 2 <= m:
            sign = 1 if k % 2 else -1
            total += sign * p[m - k * (3 * k - 1) // 2]
            if k * (3 * k + 1) // 2 <= m:
                total += sign * p[m - k * (3 * k + 1) // 2]
            k += 1
        p[m] = total
    assert [count_partitions(n) for n in (4999, 5000, 5001, 5100)] == [p[4999], p[5000], p[5001], p[5100]]


def test_count_partitions_refuses_huge_n_before_work():

    from combalg.core.errors import ResourceLimitError

    with pytest.raises(ResourceLimitError, match="partition_count_n"):
        count_partitions(10**12)
