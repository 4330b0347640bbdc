"""The growth diagram engine: shapes, boundaries, skew growth, bad input."""

from __future__ import annotations

import random

import pytest

from combalg.core.errors import InvalidInputError
from combalg.growth import GrowthDiagram, RuleBurge, RuleRSK, chain_from_tableau, tableau_from_chain
from combalg.growth.engine import _in_path


def test_skew_shape_round_trip():
    shape = ([3, 3, 2], [1, 1])
    filling = {(0, 1): 1, (1, 2): 1, (2, 0): 1}
    G = GrowthDiagram(RuleRSK(), filling, shape=shape)
    assert G.filling() == filling
    H = GrowthDiagram(RuleRSK(), labels=G.out_labels(), shape=shape)
    assert H.filling() == filling
    assert H.in_labels() == [()] * len(H.in_labels())
    assert repr(G).splitlines()[1:] == ["  .  1  0", "  .  0  1", "  1  0"]


@pytest.mark.parametrize("rule", [RuleRSK(), RuleBurge()])
def test_skew_sub_diagram_agrees_with_the_rectangle(rule):
    rng = random.Random(5)
    for _ in range(25):
        r, c = rng.randint(2, 5), rng.randint(2, 5)
        A = [[rng.choice([0, 0, 0, 1, 2]) for _ in range(c)] for _ in range(r)]
        big = GrowthDiagram(rule, A)
        lam = sorted((rng.randint(1, c) for _ in range(r)), reverse=True)
        mu = sorted((rng.randint(0, lam[-1] - 1) if lam[-1] > 1 else 0 for _ in range(r)), reverse=True)
        mu = [min(mu[i], lam[i] - 1) for i in range(r)]
        inner = [big.label(i, j) for (i, j) in _in_path(lam, mu)]
        sub = {(i, j): A[i][j] for i in range(r) for j in range(mu[i], lam[i])}
        G = GrowthDiagram(rule, sub, shape=(lam, mu), labels=inner)
        for (i, j), v in G.labels().items():
            assert v == big.label(i, j)
        # and backwards from the outer boundary
        H = GrowthDiagram(rule, labels=G.out_labels(), shape=(lam, mu))
        assert H.filling() == {k: v for k, v in sub.items() if v}
        assert H.in_labels() == inner


def test_ferrers_shape_from_labels():
    G = GrowthDiagram(RuleRSK(), {(0, 2): 1, (1, 1): 1, (2, 0): 1}, shape=[3, 2, 1])
    H = GrowthDiagram(RuleRSK(), labels=G.out_labels())
    assert H.shape == (3, 2, 1)
    assert H.filling() == G.filling()


def test_tableau_chain_round_trip():
    T = ((1, 1, 3), (2, 4))
    assert tableau_from_chain(chain_from_tableau(T)) == T


def test_filling_outside_shape():
    with pytest.raises(InvalidInputError, match=r"cell \(1, 2\).*outside"):
        GrowthDiagram(RuleRSK(), {(1, 2): 1}, shape=[3, 2])
    with pytest.raises(InvalidInputError, match=r"cell \(0, 0\).*outside"):
        GrowthDiagram(RuleRSK(), {(0, 0): 1}, shape=([2, 2], [1]))


def test_labels_not_a_chain():
    with pytest.raises(InvalidInputError, match=r"labels\[1\].*not a chain"):
        GrowthDiagram(RuleRSK(), labels=[[], [1, 1], [1], []], shape=[1, 1])
    # (2)/() is a horizontal strip but not a vertical one
    with pytest.raises(InvalidInputError, match="vertical strip"):
        GrowthDiagram(RuleBurge(), labels=[[], [2], []], shape=[1])
    with pytest.raises(InvalidInputError, match="expected 4 labels"):
        GrowthDiagram(RuleRSK(), labels=[[], [1], []], shape=[1, 1])
    with pytest.raises(InvalidInputError, match="same size"):
        GrowthDiagram(RuleRSK(), labels=[[], [], []])


def test_bad_values():
    with pytest.raises(InvalidInputError, match="nonnegative"):
        GrowthDiagram(RuleRSK(), [[1, -1]])
    with pytest.raises(InvalidInputError, match="rule"):
        GrowthDiagram("RSK", [1])
    with pytest.raises(InvalidInputError, match="rectangle"):
        GrowthDiagram(RuleRSK(), {(0, 0): 1}, shape=[2, 1]).P_symbol()


def test_huge_diagrams_are_refused_before_any_work():
    from combalg.core.errors import ResourceLimitError
    from combalg.growth import GrowthDiagram, RuleRSK

    with pytest.raises(ResourceLimitError, match="MAX_CELLS"):
        GrowthDiagram(RuleRSK(), filling={(10**9, 10**9): 1})  # a 10^18-cell rectangle
    with pytest.raises(ResourceLimitError, match="MAX_CELLS"):
        GrowthDiagram(RuleRSK(), filling={(0, 0): 1}, shape=[10**7])
    # a small sparse filling is fine: the matrix [[0, 0], [0, 1]] has P = Q = (2)
    G = GrowthDiagram(RuleRSK(), filling={(1, 1): 1})
    assert G.P_symbol() == ((2,),) and G.Q_symbol() == ((2,),)
