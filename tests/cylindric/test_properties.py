"""Property tests (hypothesis) for cylindric partitions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from combalg.cylindric import (
    CylindricPartition,
    Profile,
    c_profile_array_is_valid,
    count_series,
    cylindric_partitions,
    lattice_paths,
)
from combalg.cylindric.paths import paths_are_non_intersecting
from combalg.strategies.cylindric import compositions, cylindric_partitions_st, profiles


@settings(max_examples=40, deadline=None)
@given(profiles(max_length=5), st.integers(0, 5))
def test_generated_objects_valid_distinct_and_counted(brute, pi, n):
    objs = list(cylindric_partitions(pi, weight=n))
    assert len(set(objs)) == len(objs)
    for cp in objs:
        assert cp.weight == n
        CylindricPartition(pi, cp.parts)  # validates every step again
    assert len(objs) == count_series(pi, n + 1)[n]
    # and the same set as an independent brute force over all T-tuples
    if pi.T <= 4 and n <= 4:
        assert {tuple(tuple(p) for p in cp.parts) for cp in objs} == set(brute.brute_objects(pi.word, n))


@settings(max_examples=60, deadline=None)
@given(cylindric_partitions_st(max_length=7, max_weight=9), st.integers(-8, 8))
def test_rotation_sends_valid_to_valid(cp, r):
    rot = cp.rotate(r)
    again = CylindricPartition(cp.profile.rotate(r), rot.parts)  # validated
    assert again == rot and rot.weight == cp.weight
    assert rot.rotate(-r) == cp


@settings(max_examples=60, deadline=None)
@given(cylindric_partitions_st(max_length=7, max_weight=9))
def test_reverse_complement_sends_valid_to_valid(brute, cp):
    rc = cp.reverse_complement()
    assert brute.is_cylindric(rc.profile.word, rc.parts)
    again = CylindricPartition(cp.profile.reverse_complement(), rc.parts)
    assert again == rc and rc.weight == cp.weight and rc.trace == cp.trace
    assert rc.reverse_complement() == cp


@settings(max_examples=60, deadline=None)
@given(cylindric_partitions_st(max_length=7, max_weight=9))
def test_c_profile_round_trip(cp):
    pi = cp.profile
    if pi.word[-1] != 0:
        # rotate to a word ending in 0 (if there is a 0 at all)
        if pi.zeros == 0:
            return
        r = max(i for i, x in enumerate(pi.word) if x == 0) + 1
        cp = cp.rotate(r)
    c, rows = cp.to_c_profile_array()
    assert c_profile_array_is_valid(c, rows)
    assert sum(sum(r) for r in rows) == cp.weight
    assert CylindricPartition.from_c_profile_array(c, rows) == cp


@settings(max_examples=25, deadline=None)
@given(compositions(max_rank=3, max_level=3), st.integers(0, 5))
def test_c_profile_arrays_biject_onto_cylindric_partitions(brute, c, n):
    # independent brute force over arrays (literature definition)
    arrays = brute.c_profile_arrays(c, n)
    objs = [CylindricPartition.from_c_profile_array(c, rows) for rows in arrays]
    assert len(set(objs)) == len(objs)
    assert all(cp.weight == n for cp in objs)
    assert len(objs) == count_series(Profile.from_composition(c), n + 1)[n]
    for cp, rows in zip(objs, arrays):
        c2, rows2 = cp.to_c_profile_array()
        assert c2 == tuple(c) and tuple(tuple(r) for r in rows2) == tuple(rows)


@settings(max_examples=40, deadline=None)
@given(cylindric_partitions_st(max_length=6, max_weight=9))
def test_lattice_paths_non_intersecting_and_closed(cp):
    paths = lattice_paths(cp, extra=2)
    assert paths_are_non_intersecting(paths)
    for path in paths:
        assert path[0][1] == path[-1][1]  # closed on the cylinder
        for k in range(1, cp.T + 1):
            step = path[k][1] - path[k - 1][1]
            assert step >= 0 if cp.profile.word[k - 1] == 1 else step <= 0


@settings(max_examples=40, deadline=None)
@given(profiles(max_length=8))
def test_profile_symmetries(pi):
    assert Profile(str(pi)) == pi and hash(Profile(str(pi))) == hash(pi)
    assert pi.reverse_complement().reverse_complement() == pi
    assert pi.rotate(pi.T) == pi
    assert pi.ones + pi.zeros == pi.T
    if pi.word[-1] == 0:
        assert Profile.from_composition(pi.to_composition()) == pi
