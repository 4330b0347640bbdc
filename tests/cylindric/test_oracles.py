"""Oracles of the spec (section 2): coefficient table, closed forms, hooks, c-profiles."""

from __future__ import annotations

import pytest

from combalg.cylindric import (
    Profile,
    borodin_series,
    count_series,
    cylindric_partitions,
    rpp_hook_series,
    rpp_pair_hooks,
    rpp_series,
    rpp_shape,
)

# spec section 2.4, coefficients of q^0 .. q^16 (q^13 for length 8)
SPEC_TABLE = {
    "10": [1, 1, 2, 3, 5, 7, 11, 15, 22, 30, 42, 56, 77, 101, 135, 176, 231],
    "1100": [1, 1, 3, 4, 8, 11, 20, 27, 44, 60, 92, 124, 183, 244, 348, 461, 640],
    "1010": [1, 2, 3, 6, 10, 16, 25, 38, 57, 84, 121, 172, 243, 338, 465, 636, 862],
    "110100": [1, 2, 5, 9, 18, 31, 54, 88, 144, 225, 351, 531, 800, 1179, 1728, 2492, 3573],
    "111000": [1, 1, 3, 6, 11, 18, 33, 51, 84, 131, 202, 303, 459, 668, 978, 1407, 2009],
    "10110": [1, 2, 4, 7, 13, 21, 35, 54, 84, 126, 188, 273, 396, 562, 794, 1106, 1533],
    "100100": [1, 2, 5, 8, 16, 26, 45, 70, 113, 170, 261, 382, 567, 812, 1171, 1646, 2322],
    "1101000": [1, 2, 5, 10, 20, 36, 65, 109, 183, 295, 471, 732, 1129, 1705, 2554, 3769, 5517],
    "11001100": [1, 2, 7, 14, 31, 58, 112, 196, 348, 582, 973, 1568, 2516, 3930],
    "10101010": [1, 4, 10, 24, 51, 100, 190, 344, 602, 1028, 1712, 2792, 4473, 7048],
}
# words the spec lists as having the same series
SAME_AS = {"01": "10", "100": "10", "0011": "1100", "0101": "1010"}
PARTITION_NUMBERS = SPEC_TABLE["10"]


@pytest.mark.parametrize("word", sorted(SPEC_TABLE))
def test_count_series_matches_spec_table(word):
    expected = SPEC_TABLE[word]
    assert count_series(word, len(expected)) == expected


@pytest.mark.parametrize("word", sorted(SPEC_TABLE))
def test_borodin_series_matches_spec_table(word):
    expected = SPEC_TABLE[word]
    assert borodin_series(word, len(expected)) == expected


@pytest.mark.parametrize("word", ["10", "1100", "1010", "110100", "10110", "100100"])
def test_enumeration_matches_spec_table(word):
    expected = SPEC_TABLE[word][:11]
    counts = [0] * len(expected)
    for cp in cylindric_partitions(word, max_weight=len(expected) - 1):
        counts[cp.weight] += 1
    assert counts == expected


@pytest.mark.parametrize("word,same", sorted(SAME_AS.items()))
def test_equivalent_words(word, same):
    expected = SPEC_TABLE[same][:14]
    assert count_series(word, 14) == expected
    assert borodin_series(word, 14) == expected


def test_word_11_gives_interleaved_partition_numbers():
    expected = [PARTITION_NUMBERS[n // 2] if n % 2 == 0 else 0 for n in range(17)]
    assert count_series("11", 17) == expected
    assert borodin_series("11", 17) == expected


@pytest.mark.parametrize("word", ["1", "0", "10", "01", "100", "0001", "1110", "101111", "0100000"])
def test_k_or_l_equal_one_gives_partition_numbers(word, brute):
    # spec: any word with k = 1 or l = 1 (or a single letter) gives 1/(q;q)_inf
    expected = brute.coin_change(list(range(1, 20)), 20)
    assert count_series(word, 20) == expected
    assert borodin_series(word, 20) == expected


@pytest.mark.parametrize("T", [1, 2, 3, 5])
@pytest.mark.parametrize("letter", ["0", "1"])
def test_degenerate_words(T, letter, brute):
    # 1^T and 0^T force all mu^k equal: prod_n 1/(1 - q^{nT})
    expected = brute.coin_change([n * T for n in range(1, 25)], 25)
    assert count_series(letter * T, 25) == expected
    assert borodin_series(letter * T, 25) == expected


def test_closed_form_1100(brute):
    # 1/((q;q)_inf (q^2;q^4)_inf)
    N = 30
    exps = list(range(1, N)) + [e for e in range(2, N) if e % 4 == 2]
    expected = brute.coin_change(exps, N)
    assert count_series("1100", N) == expected
    assert borodin_series("1100", N) == expected


def test_brute_force_object_counts():
    # spec: number of objects with |Lambda| <= N
    assert sum(count_series("110100", 17)) == 11231
    assert sum(count_series("10101010", 14)) == 18379
    assert sum(1 for _ in cylindric_partitions("110100", max_weight=16)) == 11231


# spec section 2.3: shapes and hook multisets
RPP_TABLE = {
    "10": ((1,), [1]),
    "1100": ((2, 2), [1, 2, 2, 3]),
    "1010": ((2, 1), [1, 1, 3]),
    "110100": ((3, 3, 2), [1, 1, 2, 2, 3, 4, 4, 5]),
    "10110": ((3, 1), [1, 1, 2, 4]),
    "111000": ((3, 3, 3), None),
    "1101000": ((3, 3, 3, 2), None),
}


@pytest.mark.parametrize("word", sorted(RPP_TABLE))
def test_rpp_shape_and_hooks(word, brute):
    shape, hooks = RPP_TABLE[word]
    assert tuple(rpp_shape(word)) == shape
    # hook lengths of the shape, computed here from the definition
    conj = [sum(1 for r in shape if r > j) for j in range(shape[0])]
    shape_hooks = sorted(shape[i] - j - 1 + conj[j] - i - 1 + 1 for i in range(len(shape)) for j in range(shape[i]))
    assert rpp_pair_hooks(word) == shape_hooks
    if hooks is not None:
        assert shape_hooks == hooks
    expected = brute.coin_change(shape_hooks, 13)
    assert rpp_series(word, 13) == expected
    assert rpp_hook_series(word, 13) == expected


@pytest.mark.parametrize("word", ["1100", "1010", "110100", "10110"])
def test_rpp_series_matches_enumeration(word):
    counts = [0] * 10
    for cp in cylindric_partitions(word, max_weight=9, mu0_empty=True):
        assert cp.trace == 0
        counts[cp.weight] += 1
    assert rpp_series(word, 10) == counts


@pytest.mark.parametrize(
    "c,word", [((1, 1), "1010"), ((2, 0), "1100"), ((2, 1), "11010"), ((2, 1, 0), "110100")]
)
def test_c_profile_words(c, word):
    pi = Profile.from_composition(c)
    assert str(pi) == word
    assert pi.ones == sum(c) and pi.zeros == len(c)
    assert pi.to_composition() == c


def test_series_invariant_under_reverse_and_complement():
    # spec 2.1 caution: the univariate series does not see these
    for word in ["110100", "10110", "1101000"]:
        s = count_series(word, 15)
        pi = Profile(word)
        for other in [pi.reverse(), pi.complement(), pi.reverse_complement(), pi.rotate(2)]:
            assert count_series(other, 15) == s
