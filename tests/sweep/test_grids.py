"""The grid generators against independent counts (formulas and brute force)."""

from __future__ import annotations

import itertools
from math import comb, factorial, gcd

import pytest

from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.sweep import grids


def _euler_phi(n: int) -> int:
    return sum(1 for k in range(1, n + 1) if gcd(k, n) == 1)


def _necklaces(T: int) -> int:
    """Binary necklaces of length T, by Burnside's lemma (no enumeration)."""
    return sum(_euler_phi(d) * 2 ** (T // d) for d in range(1, T + 1) if T % d == 0) // T


@pytest.mark.parametrize("T", range(1, 11))
def test_profiles_count_and_rotation_classes(T):
    words = list(grids.profiles(T))
    assert len(words) == len(set(words)) == 2 ** T
    reps = list(grids.profiles(T, up_to_rotation=True))
    assert len(reps) == _necklaces(T)
    # every word is a rotation of exactly one representative
    rot = {w: {w[i:] + w[:i] for i in range(T)} for w in reps}
    for w in words:
        assert sum(w in r for r in rot.values()) == 1
    mixed = list(grids.profiles(T, both_letters=True))
    assert len(mixed) == 2 ** T - 2


def test_profiles_of_several_lengths_in_order():
    assert list(grids.profiles(range(1, 3))) == ["0", "1", "00", "01", "10", "11"]


@pytest.mark.parametrize("n,count", [(0, 1), (1, 1), (5, 7), (10, 42), (20, 627)])
def test_partitions_counts_from_the_literature(n, count):
    parts = list(grids.partitions(n))
    assert len(parts) == len(set(parts)) == count
    assert all(sum(p) == n and list(p) == sorted(p, reverse=True) for p in parts)


@pytest.mark.parametrize("n,count", [(1, 1), (2, 2), (3, 7), (4, 42), (5, 429)])
def test_asms_counts_and_validity(n, count):
    asms = list(grids.asms(n))
    assert len(set(asms)) == count
    for A in asms:
        for line in list(A) + [tuple(col) for col in zip(*A)]:
            partial = list(itertools.accumulate(line))
            assert partial[-1] == 1 and all(s in (0, 1) for s in partial)


def test_words_permutations_matrices():
    assert len(list(grids.words(3, 4))) == 4 ** 3
    perms = list(grids.permutations(5))
    assert len(perms) == factorial(5) and perms == sorted(perms)
    mats = list(grids.int_matrices(2, 3, bound=1))
    assert len(set(mats)) == 3 ** 6
    assert all(len(m) == 2 and all(len(r) == 3 for r in m) for m in mats)
    assert sum(1 for m in mats if sum(x == 0 for r in m for x in r) == 3) == comb(6, 3) * 2 ** 3


def test_expand_orders_the_product_deterministically():
    pts = grids.expand({"a": [1, 2], "b": ["x", "y"]})
    assert pts == [{"a": 1, "b": "x"}, {"a": 1, "b": "y"}, {"a": 2, "b": "x"}, {"a": 2, "b": "y"}]
    assert grids.expand([{"n": 3}, {"n": 1}]) == [{"n": 3}, {"n": 1}]


@pytest.mark.parametrize("bad", [{"n": 5}, {"n": "abc"}, {"1n": [1]}, [1, 2], "n=1..3", 7])
def test_expand_refuses_what_is_not_a_grid(bad):
    with pytest.raises(InvalidInputError):
        grids.expand(bad)


def test_limits_are_refused_before_work():
    with pytest.raises(ResourceLimitError):
        grids.profiles(40)
    with pytest.raises(ResourceLimitError):
        grids.int_matrices(5, 5, bound=3)
    with pytest.raises(ResourceLimitError):
        grids.expand({"a": range(10**4), "b": range(10**4)})
    with pytest.raises(ResourceLimitError):  # refused at once, without computing the count
        grids.int_matrices(10**100, bound=10**100)
    with pytest.raises(ResourceLimitError):
        grids.words(10**12, 3)
    assert grids.words(0, 5) == [()] and grids.words(3, 0) == [] and len(grids.words(10, 3)) == 3 ** 10
    with pytest.raises(ResourceLimitError):
        grids.partitions(80)  # p(80) = 15796476 > 10^7
    with pytest.raises(InvalidInputError):
        grids.profiles(0)
    for bad in (None, "3", 2.5, [1, None]):
        with pytest.raises(InvalidInputError):
            grids.profiles(bad)
        with pytest.raises(InvalidInputError):
            grids.partitions(bad)
    with pytest.raises(InvalidInputError):
        grids.profiles(3, up_to_rotation=None)
