"""Hypothesis strategies for profiles and cylindric partitions.

Use them in your own property tests, e.g. to try a conjectured statistic on
random small cylindric partitions:

    from hypothesis import given
    from combalg.strategies.cylindric import cylindric_partitions

    @given(cylindric_partitions(max_size=6, max_weight=8))
    def test_weight_is_nonnegative(cp):
        assert cp.weight >= 0

Small objects are drawn uniformly from the exhaustive list of one weight (the
lists are cached), so shrinking goes towards short profiles and small weights.

Examples
--------
>>> from hypothesis import given, settings
>>> @settings(max_examples=5)
... @given(profiles(max_size=4))
... def check(pi):
...     assert 1 <= pi.T <= 4
>>> check()
"""

from __future__ import annotations

from functools import lru_cache

from hypothesis import strategies as st

from combalg.cylindric import CylindricPartition, Profile
from combalg.cylindric import cylindric_partitions as _enumerate
from combalg.strategies.basic import profiles

__all__ = ["profiles", "compositions", "cylindric_partitions", "cylindric_partitions_st", "objects_of_weight"]


def compositions(max_rank: int = 3, max_level: int = 3, *, min_size: int = 1,
                 max_size: int | None = None) -> st.SearchStrategy[tuple[int, ...]]:
    """c-profiles ``(c_1, ..., c_k)`` with ``min_size <= k <= max_size`` (default ``max_rank``) and level ``<= max_level``."""
    return st.lists(st.integers(0, max_level), min_size=min_size,
                    max_size=max_rank if max_size is None else max_size).filter(
        lambda c: sum(c) <= max_level
    ).map(tuple)


@lru_cache(maxsize=512)
def objects_of_weight(profile: Profile, weight: int) -> tuple[CylindricPartition, ...]:
    """All cylindric partitions of ``profile`` of the given weight (cached)."""
    return tuple(_enumerate(profile, weight=weight))


@st.composite
def cylindric_partitions(
    draw,
    profile: Profile | str | None = None,
    max_length: int = 6,
    max_weight: int = 8,
    *,
    min_size: int = 1,
    max_size: int | None = None,
) -> CylindricPartition:
    """A cylindric partition of a drawn (or the given) profile, of weight ``<= max_weight``.

    ``min_size``/``max_size`` bound the length of a drawn profile (``max_length`` is
    the older name of ``max_size``).
    """
    hi = max_length if max_size is None else max_size
    pi = Profile(profile) if profile is not None else draw(profiles(min_size=min_size, max_size=hi))
    n = draw(st.integers(0, max_weight))
    objs = objects_of_weight(pi, n)
    if not objs:
        objs = objects_of_weight(pi, 0)
    return draw(st.sampled_from(objs))


#: the former name of [`cylindric_partitions`][cylindric_partitions]
cylindric_partitions_st = cylindric_partitions
