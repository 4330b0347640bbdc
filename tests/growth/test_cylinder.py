"""The growth bijection on the cylinder (reconstruction of Langer's), spec section 3.

Every expected value comes from the spec's worked examples, from a brute-force
enumeration written here, or from the cell form of Borodin's product expanded
here by coin-change accumulation (not from the code under test).
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.cylindric import CylindricPartition
from combalg.growth import (
    cylinder_cells,
    cylinder_forward,
    cylinder_inverse,
    cylinder_sweeps,
    cylinder_weight,
)
from combalg.growth.cylinder import _forward_parts
from combalg.strategies.growth import cylinder_pairs

SPEC_PROFILES = ["10", "01", "1100", "1010", "110100", "111000", "10110", "0101"]
MORE_PROFILES = ["1101000", "100100", "11001100", "10101010", "1", "0", "11", "000", "1110"]


# ----------------------------------------------------------------- oracles
def partitions_upto(n):
    out = []

    def rec(rest, mx, acc):
        out.append(acc)
        for k in range(min(rest, mx), 0, -1):
            rec(rest - k, k, acc + (k,))

    rec(n, n, ())
    return out


def interlace(big, small):
    n = max(len(big), len(small)) + 1
    b = list(big) + [0] * (n - len(big))
    s = list(small) + [0] * (n - len(small))
    return all(b[i] >= s[i] for i in range(n)) and all(s[i] >= b[i + 1] for i in range(n - 1))


def brute_cylindric(word, max_weight):
    """All (mu^0, ..., mu^{T-1}) of weight <= max_weight (depth-first search)."""
    T = len(word)
    by_size = sorted(partitions_upto(max_weight), key=sum)
    out = []

    def rec(seq, used):
        k = len(seq)
        if k == T:
            a, b = seq[-1], seq[0]
            if (interlace(b, a) if word[T - 1] == 1 else interlace(a, b)):
                out.append(tuple(seq))
            return
        prev = seq[-1]
        for p in by_size:
            if used + sum(p) > max_weight:
                break
            if interlace(p, prev) if word[k - 1] == 1 else interlace(prev, p):
                rec(seq + [p], used + sum(p))

    for p0 in by_size:
        if sum(p0) > max_weight:
            break
        rec([p0], sum(p0))
    return out


def borodin_coefficients(word, order):
    """q^0..q^{order-1} of 1/(q^T;q^T)_oo * prod_{(i,d) in C(pi)} 1/(1-q^d) (spec 2.1)."""
    T = len(word)
    exps = [T * n for n in range(1, order // T + 2)]
    exps += [d for i in range(T) if word[i] == 1 for d in range(1, order + 1) if word[(i + d) % T] == 0]
    c = [1] + [0] * (order - 1)
    for e in exps:
        for k in range(e, order):
            c[k] += c[k - e]
    return c


def word_of(s):
    return tuple(int(ch) for ch in s)


# ----------------------------------------------------------------- spec oracles
SPEC_EXAMPLES = [
    ("10", [[2], [3, 1]], 6, (1,), {(0, 1): 1, (0, 3): 1}),
    ("1010", [[1], [2, 1], [1], [2]], 7, (), {(0, 1): 1, (0, 5): 1, (2, 1): 1}),
    ("110100", [[1], [2], [3, 1], [2], [2, 1], [1]], 13, (),
     {(0, 2): 1, (1, 1): 1, (1, 3): 1, (3, 7): 1}),
]


@pytest.mark.parametrize("profile, parts, weight, nu, m", SPEC_EXAMPLES)
def test_spec_worked_examples(profile, parts, weight, nu, m):
    cp = CylindricPartition(profile, parts)
    assert cp.weight == weight
    assert cylinder_forward(cp) == (nu, m)
    assert cylinder_inverse(profile, nu, m) == cp
    assert cylinder_weight(profile, nu, m) == weight


def test_spec_table_coefficients_match_brute_force():
    # spec 2.4 rows, independent of the bijection
    assert [sum(1 for o in brute_cylindric(word_of("1010"), 8) if sum(map(sum, o)) == n)
            for n in range(9)] == [1, 2, 3, 6, 10, 16, 25, 38, 57]
    assert borodin_coefficients(word_of("110100"), 17) == [
        1, 2, 5, 9, 18, 31, 54, 88, 144, 225, 351, 531, 800, 1179, 1728, 2492, 3573]


# ----------------------------------------------------------------- exhaustive
def _check_profile(profile, max_weight):
    word = word_of(profile)
    T = len(word)
    objs = brute_cylindric(word, max_weight)
    counts = [0] * (max_weight + 1)
    seen = {}
    for parts in objs:
        weight = sum(map(sum, parts))
        nu, m = _forward_parts(word, list(parts))
        # weight identity and support in C(pi)
        assert T * sum(nu) + sum(d * v for (_, d), v in m.items()) == weight
        for (i, d), v in m.items():
            assert word[i] == 1 and d >= 1 and word[(i + d) % T] == 0 and v > 0
        # injective
        key = (nu, tuple(sorted(m.items())))
        assert key not in seen, (parts, seen.get(key))
        seen[key] = parts
        # inverse undoes forward
        back = cylinder_inverse(profile, nu, m)
        assert tuple(tuple(p) for p in back.parts) == parts
        counts[weight] += 1
    # per-weight counts of (nu, m) equal Borodin's coefficients
    assert counts == borodin_coefficients(word, max_weight + 1)


@pytest.mark.parametrize("profile", SPEC_PROFILES)
def test_bijection_all_objects_weight_10(profile):
    _check_profile(profile, 10)


@pytest.mark.slow
@pytest.mark.parametrize("profile", SPEC_PROFILES + MORE_PROFILES)
def test_bijection_all_objects_weight_16(profile):
    _check_profile(profile, 16 if len(profile) <= 6 else 13)


def test_brute_force_agrees_with_the_cylindric_enumerator():
    pytest.importorskip("combalg.cylindric.borodin")  # the enumerator sizes requests with it
    from combalg.cylindric.enumeration import cylindric_partitions

    for profile in ["1010", "10110"]:
        ours = sorted(brute_cylindric(word_of(profile), 8))
        theirs = sorted(tuple(tuple(p) for p in cp.parts)
                        for cp in cylindric_partitions(profile, max_weight=8))
        assert ours == theirs


def test_counts_of_pairs_by_weight_equal_product():
    """Count pairs (nu, m) directly (no bijection) and compare with the product."""
    profile = "10110"
    word = word_of(profile)
    N = 12
    cells = cylinder_cells(profile, N)
    counts = [0] * (N + 1)

    def rec(k, used):
        if k == len(cells):
            for nu in partitions_upto((N - used) // len(word)):
                counts[used + len(word) * sum(nu)] += 1
            return
        d = cells[k][1]
        v = 0
        while used + v * d <= N:
            rec(k + 1, used + v * d)
            v += 1

    rec(0, 0)
    assert counts == borodin_coefficients(word, N + 1)


# ----------------------------------------------------------------- random pairs
@pytest.mark.parametrize("profile", ["110100", "10110", "1101000"])
def test_random_pairs_round_trip(profile):
    rng = random.Random(hash(profile) % 1000)
    cells = cylinder_cells(profile, 20)
    for _ in range(200):
        nu = tuple(sorted((rng.randint(1, 4) for _ in range(rng.randint(0, 3))), reverse=True))
        m = {c: rng.randint(1, 3) for c in rng.sample(cells, rng.randint(0, 5))}
        cp = cylinder_inverse(profile, nu, m)
        # a valid cylindric partition (re-validated by the constructor)
        CylindricPartition(profile, [list(p) for p in cp.parts])
        assert cylinder_forward(cp) == (nu, dict(sorted(m.items())))
        assert cp.weight == cylinder_weight(profile, nu, m)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(SPEC_PROFILES + ["1101000"]).flatmap(
    lambda p: st.tuples(st.just(p), cylinder_pairs(p, max_d=15))))
def test_hypothesis_pairs_round_trip(data):
    profile, (nu, m) = data
    cp = cylinder_inverse(profile, nu, m)
    assert cylinder_forward(cp) == (nu, m)


def test_sweeps_end_constant():
    steps = cylinder_sweeps("110100", parts=[[1], [2], [3, 1], [2], [2, 1], [1]])
    assert len(set(steps[-1].parts)) == 1
    assert steps[0].parts[2] == (3, 1)
    flips = [f for s in steps for f in s.flips if f[2]]
    assert sorted((cell, c) for _, cell, c in flips) == [((0, 2), 1), ((1, 1), 1), ((1, 3), 1), ((3, 7), 1)]


def test_constant_words():
    assert cylinder_forward("111", parts=[[2, 1]] * 3) == ((2, 1), {})
    assert cylinder_inverse("00", (3,), {}).parts == ((3,), (3,))
    assert cylinder_cells("111", 5) == []


# ----------------------------------------------------------------- bad input
def test_bad_inputs_name_the_place():
    with pytest.raises(InvalidInputError, match=r"\(1, 1\).*C\(pi\)"):
        cylinder_inverse("1010", (), {(1, 1): 1})
    with pytest.raises(InvalidInputError, match=r"\(0, 2\)"):
        cylinder_inverse("1010", (), {(0, 2): 1})  # position 2 holds a 1, not a 0
    with pytest.raises(InvalidInputError, match=r"\(0, 0\)"):
        cylinder_inverse("10", (), {(0, 0): 1})
    with pytest.raises(InvalidInputError, match="nonnegative"):
        cylinder_inverse("10", (), {(0, 1): -1})
    with pytest.raises(InvalidInputError, match="nu"):
        cylinder_inverse("10", (1, 2), {})
    with pytest.raises(InvalidInputError, match="step 1"):
        cylinder_forward("10", parts=[[1], [2, 2]])  # does not interlace
    with pytest.raises(InvalidInputError, match="CylindricPartition"):
        cylinder_forward([[1], [2]])
    with pytest.raises(ResourceLimitError):
        cylinder_inverse("10", (5,), {}, max_weight=3)


# ----------------------------------------------------------------- order independence
def _forward_random_order(word, parts, rng):
    """Flip one outer corner at a time, chosen at random, until all labels agree.

    Written here from the description of spec section 3 (independent of the
    library's simultaneous sweeps); the spec claims the result does not depend
    on the order of the flips.
    """
    from combalg.growth import RuleRSK

    back = RuleRSK().backward_rule
    T = len(word)
    w, lab, mu = list(word), list(range(T)), [tuple(p) for p in parts]
    m = {}
    steps = 0
    while len(set(mu)) > 1:
        corners = [p for p in range(T) if w[p] == 1 and w[(p + 1) % T] == 0]
        p = rng.choice(corners)
        q, r = (p + 1) % T, (p + 2) % T
        t, c = back(mu[r], mu[q], mu[p])
        mu[q] = t
        a, b = lab[p], lab[q] + (T if q == 0 else 0)
        if c:
            m[(a % T, b - a)] = m.get((a % T, b - a), 0) + c
        w[p], w[q] = 0, 1
        lab[p], lab[q] = (b, a - T) if q == 0 else (b, a)
        steps += 1
        assert steps < 10_000
    return mu[0], dict(sorted(m.items()))


@pytest.mark.parametrize("profile", ["1010", "110100", "10110", "1101000"])
def test_result_does_not_depend_on_the_flip_order(profile):
    rng = random.Random(99)
    word = word_of(profile)
    for parts in brute_cylindric(word, 7):
        expected = _forward_parts(word, list(parts))
        for _ in range(3):
            assert _forward_random_order(word, parts, rng) == expected


def test_bijection_counts_match_the_cylindric_engine_series():
    borodin = pytest.importorskip("combalg.cylindric.borodin")
    for profile in SPEC_PROFILES:
        word = word_of(profile)
        counts = [0] * 9
        for parts in brute_cylindric(word, 8):
            nu, m = _forward_parts(word, list(parts))
            counts[len(word) * sum(nu) + sum(d * v for (_, d), v in m.items())] += 1
        assert counts == list(borodin.borodin_series(profile, 9))


# ----------------------------------------------------------------- review additions
def test_inverse_refuses_huge_distances_before_starting():
    # a single cell at distance 10^7 would need ~10^7 sweeps over ever longer partitions
    with pytest.raises(ResourceLimitError, match="MAX_WORK"):
        cylinder_inverse("10", (), {(0, 10**7 + 1): 1})
    # a moderate distance still works: one box strip of weight d
    cp = cylinder_inverse("10", (), {(0, 201): 1})
    assert cp.weight == 201 and cylinder_forward(cp) == ((), {(0, 201): 1})


@pytest.mark.parametrize("bad", ["a", -1, 2.5, True])
def test_inverse_rejects_a_bad_max_weight(bad):
    with pytest.raises(InvalidInputError, match="max_weight"):
        cylinder_inverse("10", (), {(0, 1): 1}, max_weight=bad)


def test_weight_and_cells_validate_their_input():
    with pytest.raises(InvalidInputError, match=r"\(1, 1\)"):
        cylinder_weight("1010", (), {(1, 1): 1})  # cell outside C(pi)
    with pytest.raises(InvalidInputError, match="nonnegative"):
        cylinder_weight("10", (1,), {(0, 1): 1.5})
    with pytest.raises(InvalidInputError, match="nu"):
        cylinder_weight("10", (1, 2), {})
    for bad in ["a", -1, 2.0, None]:
        with pytest.raises(InvalidInputError, match="max_d"):
            cylinder_cells("10", bad)
    with pytest.raises(ResourceLimitError):
        cylinder_cells("10", 10**9)
