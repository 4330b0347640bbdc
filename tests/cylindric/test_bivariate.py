"""The bivariate identity (spec 2.2): weight q^{|Lambda|} w^{|mu^0|}."""

from __future__ import annotations

import pytest

from combalg.cylindric import (
    Profile,
    borodin_bivariate,
    check_bivariate,
    count_bivariate,
    cylindric_partitions,
)

WORDS = ["10", "01", "1100", "1010", "110100", "10110", "01101", "0011", "111000", "1101000"]


@pytest.mark.parametrize("word", WORDS)
def test_bivariate_three_ways(word):
    order = 10
    brute = [[0] * (n + 1) for n in range(order)]
    for cp in cylindric_partitions(word, max_weight=order - 1):
        brute[cp.weight][cp.trace] += 1
    assert count_bivariate(word, order) == brute
    assert borodin_bivariate(word, order) == brute


@pytest.mark.parametrize("word", ["1100", "10110", "110100", "1101000"])
def test_bivariate_higher_order(word):
    r = check_bivariate(word, 22)
    assert r.ok, r


@pytest.mark.parametrize("word", ["10110", "110100", "1100"])
def test_bivariate_sees_reverse_and_complement(word):
    # spec 2.1/2.2: unlike the univariate series, the bivariate one is not invariant
    pi = Profile(word)
    base = count_bivariate(pi, 12)
    assert count_bivariate(pi.reverse(), 12) != base or count_bivariate(pi.complement(), 12) != base
    assert borodin_bivariate(pi.rotate(1), 12) != base or borodin_bivariate(pi.rotate(2), 12) != base


def test_bivariate_rows_sum_to_univariate():
    from combalg.cylindric import count_series

    rows = count_bivariate("110100", 15)
    assert [sum(r) for r in rows] == count_series("110100", 15)


@pytest.mark.parametrize("word", ["10", "01", "1100", "0011", "10110", "110100"])
def test_bivariate_against_the_independent_brute_force(word, brute):
    # objects from the conftest brute force (every tuple of partitions, filtered by
    # its own interlacing test): a swapped grow/shrink convention would show here
    order = 7 if len(word) <= 5 else 6
    rows = [[0] * (n + 1) for n in range(order)]
    for n in range(order):
        for parts in brute.brute_objects(tuple(int(ch) for ch in word), n):
            rows[n][sum(parts[0])] += 1
    assert count_bivariate(word, order) == rows
    assert borodin_bivariate(word, order) == rows
