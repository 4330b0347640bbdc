"""Non-crossing partitions: enumeration, Kreweras, lattice, Moebius, Narayana (brute-force oracles)."""

from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import given, settings

from combalg.core.errors import InvalidInputError
from combalg.free.noncrossing import (
    catalan,
    is_noncrossing,
    kreweras,
    kreweras_inverse,
    mobius,
    narayana,
    narayana_numbers,
    nc_join,
    nc_meet,
    noncrossing_pairings,
    noncrossing_partitions,
    normalize_partition,
    refines,
)
from combalg.strategies.free import noncrossing_partition


# ---------------------------------------------------------------- brute force, independent of the module
def all_set_partitions(elems):
    if not elems:
        yield []
        return
    first, rest = elems[0], elems[1:]
    for p in all_set_partitions(rest):
        yield [[first]] + p
        for i in range(len(p)):
            yield p[:i] + [[first] + p[i]] + p[i + 1:]


def crossing(p):
    label = {x: i for i, b in enumerate(p) for x in b}
    pts = sorted(label)
    for a, b, c, d in combinations(pts, 4):
        if label[a] == label[c] and label[b] == label[d] and label[a] != label[b]:
            return True
    return False


def canon(p):
    return tuple(sorted(tuple(sorted(b)) for b in p))


def brute_nc(n):
    return {canon(p) for p in all_set_partitions(list(range(1, n + 1))) if not crossing(p)}


def leq(p, s):
    where = {x: i for i, b in enumerate(s) for x in b}
    return all(len({where[x] for x in b}) == 1 for b in p)


# ---------------------------------------------------------------- oracles
def test_catalan_counts_spec():
    assert [sum(1 for _ in noncrossing_partitions(n)) for n in range(1, 9)] == [1, 2, 5, 14, 42, 132, 429, 1430]


@pytest.mark.parametrize("n", range(0, 8))
def test_enumeration_equals_brute_force(n):
    got = list(noncrossing_partitions(n))
    assert len(got) == len(set(got))
    assert set(got) == brute_nc(n)


@pytest.mark.parametrize("n", range(0, 9))
def test_pairings_equal_brute_force(n):
    got = list(noncrossing_pairings(n))
    expected = {p for p in brute_nc(n) if all(len(b) == 2 for b in p)}
    assert len(got) == len(set(got)) and set(got) == expected
    assert len(got) == (catalan(n // 2) if n % 2 == 0 else 0)


def test_narayana_spec_and_enumeration():
    assert narayana_numbers(4) == [1, 6, 6, 1]
    for n in range(1, 9):
        counts = [0] * n
        for p in noncrossing_partitions(n):
            counts[len(p) - 1] += 1
        assert counts == narayana_numbers(n)
    assert narayana(0, 0) == 1 and narayana(3, 0) == 0


def test_is_noncrossing_matches_brute_force():
    for p in all_set_partitions(list(range(1, 7))):
        assert is_noncrossing(p) == (not crossing(p))


# ---------------------------------------------------------------- Kreweras
def brute_kreweras(p, n):
    """Coarsest partition of the primed points i' (placed between i and i+1) not crossing p."""
    # points: i -> 2i-1, i' -> 2i on a circle of 2n points
    best = None
    for s in brute_nc(n):
        combined = [[2 * x - 1 for x in b] for b in p] + [[2 * x for x in b] for b in s]
        if not crossing(combined) and (best is None or len(s) < len(best)):
            best = s
    return best


@pytest.mark.parametrize("n", range(1, 7))
def test_kreweras_bijection_and_geometric_definition(n):
    parts = list(noncrossing_partitions(n))
    images = [kreweras(p) for p in parts]
    assert set(images) == set(parts)  # bijection of NC(n)
    for p, k in zip(parts, images):
        assert len(p) + len(k) == n + 1
        assert kreweras_inverse(k) == p
        rot = canon([[(x - 2) % n + 1 for x in b] for b in p])
        assert kreweras(k) == rot  # K^2 is the rotation i -> i - 1
        if n <= 5:
            assert k == brute_kreweras(p, n)


@settings(max_examples=60, deadline=None)
@given(noncrossing_partition(1, 9))
def test_kreweras_property(p):
    n = sum(map(len, p))
    k = kreweras(p)
    assert is_noncrossing(k)
    assert len(p) + len(k) == n + 1
    assert kreweras_inverse(k) == p


def test_kreweras_rejects_crossing():
    with pytest.raises(InvalidInputError):
        kreweras(((1, 3), (2, 4)))


# ---------------------------------------------------------------- lattice
def brute_mobius_table(n):
    elems = list(noncrossing_partitions(n))
    mu = {}
    for x in elems:
        above = [y for y in elems if leq(x, y)]
        above.sort(key=lambda y: -len(y))  # finer (more blocks) first
        for y in above:
            if y == x:
                mu[(x, y)] = 1
            else:
                mu[(x, y)] = -sum(mu[(x, z)] for z in above if leq(z, y) and z != y and (x, z) in mu)
    return elems, mu


@pytest.mark.parametrize("n", range(1, 6))
def test_mobius_against_recursion(n):
    elems, mu = brute_mobius_table(n)
    for x in elems:
        for y in elems:
            assert mobius(x, y) == mu.get((x, y), 0)


def test_mobius_bottom_top():
    for n in range(1, 9):
        bottom = tuple((i,) for i in range(1, n + 1))
        assert mobius(bottom) == (-1) ** (n - 1) * catalan(n - 1)


@pytest.mark.parametrize("n", range(1, 6))
def test_meet_join_against_brute_force(n):
    elems = list(noncrossing_partitions(n))
    for x in elems:
        for y in elems:
            uppers = [z for z in elems if leq(x, z) and leq(y, z)]
            join = [z for z in uppers if all(leq(z, u) for u in uppers)]
            lowers = [z for z in elems if leq(z, x) and leq(z, y)]
            meet = [z for z in lowers if all(leq(u, z) for u in lowers)]
            assert nc_join(x, y) == join[0] and nc_meet(x, y) == meet[0]
            assert refines(x, y) == leq(x, y)


# ---------------------------------------------------------------- bad input
@pytest.mark.parametrize("bad", [((1, 2), (2, 3)), ((1,), (3,)), ((),), (("a",),), 5, ((1.0,),)])
def test_bad_partitions(bad):
    with pytest.raises(InvalidInputError):
        normalize_partition(bad)


@pytest.mark.parametrize("bad", [-1, 2.0, "3", True])
def test_bad_sizes(bad):
    with pytest.raises(InvalidInputError):
        list(noncrossing_partitions(bad))
