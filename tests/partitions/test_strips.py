"""Strip tests and strip generators against brute-force filters over all partitions.

The oracle looks at cells: lam/mu is a horizontal (vertical) strip when mu's cells are
inside lam's and the skew cells lie in distinct columns (rows).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from combalg.core.errors import InvalidInputError
from combalg.partitions import (
    Partition,
    horizontal_strips_over,
    horizontal_strips_under,
    is_horizontal_strip,
    is_vertical_strip,
    partitions_up_to,
    vertical_strips_over,
    vertical_strips_under,
)
from combalg.strategies.basic import partitions

ALL = list(partitions_up_to(12))


def cells(parts):
    return {(i, j) for i, p in enumerate(parts) for j in range(p)}


def brute_horizontal(lam, mu):
    big, small = cells(lam), cells(mu)
    if not small <= big:
        return False
    cols = [j for (_, j) in big - small]
    return len(cols) == len(set(cols))


def brute_vertical(lam, mu):
    big, small = cells(lam), cells(mu)
    if not small <= big:
        return False
    rows = [i for (i, _) in big - small]
    return len(rows) == len(set(rows))


def test_small_exhaustive_strip_predicates():
    small = [lam for lam in ALL if lam.size <= 7]
    for lam in small:
        for mu in small:
            assert is_horizontal_strip(lam, mu) == brute_horizontal(lam, mu), (lam, mu)
            assert is_vertical_strip(lam, mu) == brute_vertical(lam, mu), (lam, mu)


def expected_over(mu, k, max_length=None, max_part=None, vertical=False):
    test = brute_vertical if vertical else brute_horizontal
    return {
        lam for lam in ALL
        if lam.size <= mu.size + k
        and test(lam, mu)
        and (max_length is None or len(lam) <= max_length)
        and (max_part is None or not lam or lam[0] <= max_part)
    }


def test_small_exhaustive_strips_over():
    for mu in (lam for lam in ALL if lam.size <= 6):
        for k in range(0, 12 - mu.size + 1):
            got = list(horizontal_strips_over(mu, max_boxes=k))
            assert len(got) == len(set(got))
            assert set(got) == expected_over(mu, k), (mu, k)
            assert got[0] == mu


@settings(max_examples=150, deadline=None)
@given(
    partitions(max_size=7),
    st.integers(0, 5),
    st.none() | st.integers(0, 5),
    st.none() | st.integers(0, 7),
)
def test_strips_over_match_brute_force(mu, k, max_length, max_part):
    got = list(horizontal_strips_over(mu, max_boxes=k, max_length=max_length, max_part=max_part))
    assert len(got) == len(set(got))
    assert all(type(lam) is Partition for lam in got)
    assert set(got) == expected_over(mu, k, max_length, max_part)


@settings(max_examples=150, deadline=None)
@given(partitions(max_size=7), st.integers(0, 5), st.none() | st.integers(0, 7))
def test_vertical_strips_over_match_brute_force(mu, k, max_length):
    got = list(vertical_strips_over(mu, max_boxes=k, max_length=max_length))
    assert len(got) == len(set(got))
    assert set(got) == expected_over(mu, k, max_length=max_length, vertical=True)


@settings(max_examples=150, deadline=None)
@given(partitions(max_size=12), st.none() | st.integers(0, 6))
def test_strips_under_match_brute_force(lam, k):
    got = list(horizontal_strips_under(lam, max_boxes=k))
    assert len(got) == len(set(got)) and got[0] == lam
    expected = {
        mu for mu in ALL
        if brute_horizontal(lam, mu) and (k is None or lam.size - mu.size <= k)
    }
    assert set(got) == expected
    got_v = list(vertical_strips_under(lam, max_boxes=k))
    expected_v = {
        mu for mu in ALL
        if brute_vertical(lam, mu) and (k is None or lam.size - mu.size <= k)
    }
    assert set(got_v) == expected_v


def test_max_part_alone_is_finite():
    got = set(horizontal_strips_over([2, 1], max_part=3))
    expected = {lam for lam in ALL if brute_horizontal(lam, (2, 1)) and (lam[0] <= 3)}
    assert got == expected


def test_infinite_requests_are_refused_at_call_time():
    with pytest.raises(InvalidInputError, match="infinite"):
        horizontal_strips_over([2, 1])
    with pytest.raises(InvalidInputError, match="infinite"):
        vertical_strips_over([2, 1], max_part=5)
    assert list(horizontal_strips_over([], max_length=0)) == [()]
    assert list(horizontal_strips_over([1], max_length=0, max_boxes=3)) == []
    assert list(horizontal_strips_over([3], max_part=2)) == []


def test_bad_bounds():
    with pytest.raises(InvalidInputError, match="max_boxes"):
        horizontal_strips_over([1], max_boxes=-1)
    with pytest.raises(InvalidInputError, match="max_boxes"):
        horizontal_strips_under([1], max_boxes=1.5)
    with pytest.raises(InvalidInputError):
        horizontal_strips_over([1, 2], max_boxes=1)


def test_pieri_count():
    # number of horizontal strips of exactly k boxes over the empty partition is 1,
    # over (1) it is 2 for k >= 1 (rows 1 and 2)
    assert [lam for lam in horizontal_strips_over([], max_boxes=3)] == [(), (1,), (2,), (3,)]
    assert len([lam for lam in horizontal_strips_over([1], max_boxes=4) if lam.size == 5]) == 2


@pytest.mark.slow
def test_exhaustive_strips_up_to_size_12():
    for mu in ALL:
        for k in range(0, 12 - mu.size + 1):
            for max_length in (None, len(mu), len(mu) + 1):
                got = list(horizontal_strips_over(mu, max_boxes=k, max_length=max_length))
                assert len(got) == len(set(got))
                assert set(got) == expected_over(mu, k, max_length=max_length)
                got_v = list(vertical_strips_over(mu, max_boxes=k))
                assert set(got_v) == expected_over(mu, k, vertical=True)
    for lam in ALL:
        got = list(horizontal_strips_under(lam))
        assert set(got) == {mu for mu in ALL if brute_horizontal(lam, mu)}
