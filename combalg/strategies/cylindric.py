"""Hypothesis strategies for profiles and cylindric partitions.

Use them in your own property tests, e.g. to try a conjectured statistic on
random small cylindric partitions:

    from hypothesis import given
    from combalg.strategies.cylindric import cylindric_partitions_st

    @given(cylindric_partitions_st(max_length=6, max_weight=8))
    def test_weight_is_nonnegative(cp):
        assert cp.weight >= 0

Small objects are drawn uniformly from the exhaustive list of one weight (the
lists are cached), so shrinking goes towards short profiles and small weights.

Examples
--------
>>> from hypothesis import given, settings
>>> @settings(max_examples=5)
... @given(profiles(max_length=4))
... def check(pi):
...     assert 1 <= pi.T <= 4
>>> check()
"""

from __future__ import annotations

from functools import lru_cache

from hypothesis import strategies as st

from combalg.cylindric import CylindricPartition, Profile, cylindric_partitions

__all__ = ["profiles", "compositions", "cylindric_partitions_st", "objects_of_weight"]


def profiles(min_length: int = 1, max_length: int = 8) -> st.SearchStrategy[Profile]:
    """Profiles (0/1 words) of length between ``min_length`` and ``max_length``."""
    return st.lists(st.integers(0, 1), min_size=max(1, min_length), max_size=max_length).map(Profile)


def compositions(max_rank: int = 3, max_level: int = 3) -> st.SearchStrategy[tuple[int, ...]]:
    """c-profiles ``(c_1, ..., c_k)`` with ``1 <= k <= max_rank`` and level ``<= max_level``."""
    return st.lists(st.integers(0, max_level), min_size=1, max_size=max_rank).filter(
        lambda c: sum(c) <= max_level
    ).map(tuple)


@lru_cache(maxsize=512)
def objects_of_weight(profile: Profile, weight: int) -> tuple[CylindricPartition, ...]:
    """All cylindric partitions of ``profile`` of the given weight (cached)."""
    return tuple(cylindric_partitions(profile, weight=weight))


@st.composite
def cylindric_partitions_st(
    draw,
    profile: Profile | str | None = None,
    max_length: int = 6,
    max_weight: int = 8,
) -> CylindricPartition:
    """A cylindric partition of a drawn (or the given) profile, of weight ``<= max_weight``."""
    pi = Profile(profile) if profile is not None else draw(profiles(max_length=max_length))
    n = draw(st.integers(0, max_weight))
    objs = objects_of_weight(pi, n)
    if not objs:
        objs = objects_of_weight(pi, 0)
    return draw(st.sampled_from(objs))
