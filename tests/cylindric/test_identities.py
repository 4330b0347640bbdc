"""Enumeration, transfer-matrix count and Borodin's product agree (spec 2.1)."""

from __future__ import annotations

import itertools

import pytest

from combalg.cylindric import (
    Profile,
    borodin_series,
    check_borodin,
    check_rpp,
    count_series,
    cylindric_partitions,
)


def all_words(max_length):
    for T in range(1, max_length + 1):
        for w in itertools.product("01", repeat=T):
            yield "".join(w)


def enumeration_counts(word, order):
    counts = [0] * order
    for cp in cylindric_partitions(word, max_weight=order - 1, limit=None):
        counts[cp.weight] += 1
    return counts


# fast subset: every word of length <= 4 and a few longer ones
FAST_WORDS = list(all_words(4)) + ["10110", "01101", "110100", "100101", "1101000", "10101010"]


@pytest.mark.parametrize("word", FAST_WORDS)
def test_three_methods_agree_fast(word):
    order = 12 if len(word) <= 6 else 9
    e = enumeration_counts(word, order)
    assert count_series(word, order) == e
    assert borodin_series(word, order) == e


@pytest.mark.slow
@pytest.mark.parametrize("T", range(1, 9))
def test_three_methods_agree_every_word_up_to_length_8(T):
    for w in itertools.product("01", repeat=T):
        word = "".join(w)
        e = enumeration_counts(word, 12)
        assert count_series(word, 12) == e, word
        assert borodin_series(word, 12) == e, word


@pytest.mark.parametrize("word", ["10", "1100", "1010", "110100", "10110", "111000", "11001100"])
def test_transfer_count_agrees_with_product_at_order_40(word):
    # the transfer matrix packs coefficients into big integers; a high order
    # checks that no packed coefficient overflows its slot
    r = check_borodin(word, 40)
    assert r.ok, r


@pytest.mark.slow
@pytest.mark.parametrize("T", range(1, 7))
def test_transfer_count_every_word_up_to_length_6_order_40(T):
    for w in itertools.product("01", repeat=T):
        r = check_borodin("".join(w), 40)
        assert r.ok, r


@pytest.mark.parametrize("word", ["1100", "10110", "110100", "1101000", "11001100"])
def test_rpp_hook_formula(word):
    assert check_rpp(word, 25).ok


def test_check_result_reports_first_mismatch():
    r = check_borodin("110100", 10)
    assert r.ok and r.first_mismatch is None and bool(r)
    assert r.left_seconds >= 0 and r.right_seconds >= 0
    assert "OK" in repr(r) and "110100" in repr(r)


def test_borodin_large_order_is_fast_and_consistent():
    # order 2000: the first coefficients agree with the transfer count
    s = borodin_series("110100110100", 2000)
    assert len(s) == 2000 and s[:30] == count_series("110100110100", 30)
    assert all(c > 0 for c in s)


def test_rotation_invariance_of_series():
    pi = Profile("1101000")
    s = count_series(pi, 16)
    for r in range(pi.T):
        assert count_series(pi.rotate(r), 16) == s


def test_unbounded_generator_is_lazy_and_ordered():
    from itertools import islice

    first = list(islice(cylindric_partitions("1010"), 12))
    assert [cp.weight for cp in first] == sorted(cp.weight for cp in first)
    assert len(set(first)) == 12
    # 1 + 2 + 3 + 6 objects of weight <= 3 (spec table)
    assert [cp.weight for cp in first] == [0, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 3]


def test_mu0_empty_with_weight():
    objs = list(cylindric_partitions("110100", weight=6, mu0_empty=True))
    assert all(cp.trace == 0 and cp.weight == 6 for cp in objs)
    from combalg.cylindric import rpp_hook_series

    assert len(objs) == rpp_hook_series("110100", 7)[6]


def test_transfer_count_does_not_import_the_product_code():
    # count_series is the independent side of every identity check: its module must
    # not import Borodin's product, the (q,t) code, the series core or the rpp hooks
    import ast
    import inspect

    import combalg.cylindric.transfer as transfer

    tree = ast.parse(inspect.getsource(transfer))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
        elif isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
    forbidden = {"combalg.cylindric.borodin", "combalg.cylindric.macdonald", "combalg.cylindric.rpp",
                 "combalg.core.series", "combalg.core.mseries", "combalg.cylindric"}
    assert not (imported & forbidden), imported & forbidden
    assert {m for m in imported if m.startswith("combalg")} <= {
        "combalg.core.errors", "combalg.core.validation", "combalg.cylindric.partition", "combalg.cylindric.profile",
        "combalg.partitions"}  # the objects layer: partition generators, no product formula
