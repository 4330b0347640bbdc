"""Matroid union and intersection on different ground sets need ``allow_different_groundsets=True``."""

import itertools

import networkx as nx
import pytest

from combalg.core.errors import InvalidInputError
from combalg.linking import (
    GraphicMatroid,
    LinearMatroid,
    UniformMatroid,
    intersection,
    link,
    two_sum,
    union,
)

A, B = UniformMatroid(1, "ab"), UniformMatroid(1, "bc")


def _independent(M, X):
    return M.rank(X) == len(X)


def _brute_union_rank(ms, X):
    """Largest subset of X split into sets independent in each M_i (outside E_i: loops)."""
    X = sorted(X)
    best = 0
    for assign in itertools.product(range(len(ms) + 1), repeat=len(X)):  # len(ms) = unused
        parts = [[x for x, a in zip(X, assign) if a == i] for i in range(len(ms))]
        if all(set(p) <= M.groundset and _independent(M, p) for M, p in zip(ms, parts)):
            best = max(best, sum(map(len, parts)))
    return best


def _brute_common_independent(M1, M2):
    E = sorted(M1.groundset & M2.groundset)
    return max(len(X) for k in range(len(E) + 1) for X in itertools.combinations(E, k)
               if _independent(M1, X) and _independent(M2, X))


@pytest.mark.parametrize("call", [
    lambda: union(A, B),
    lambda: union([A, B]),
    lambda: union(A, A, B),
    lambda: A.union(B),
    lambda: A.union(A, B),
])
def test_union_refuses_different_ground_sets(call):
    with pytest.raises(InvalidInputError) as info:
        call()
    text = str(info.value)
    assert "ground sets differ" in text and "('a', 'b')" in text and "('b', 'c')" in text
    assert "allow_different_groundsets=True" in text


@pytest.mark.parametrize("call", [lambda: intersection(A, B), lambda: A.intersection(B)])
def test_intersection_refuses_different_ground_sets(call):
    with pytest.raises(InvalidInputError) as info:
        call()
    text = str(info.value)
    assert "ground sets differ" in text and "('a', 'b')" in text and "('b', 'c')" in text


def test_the_option_must_be_a_bool():
    for bad in (1, "yes", None, [True]):
        with pytest.raises(InvalidInputError, match="allow_different_groundsets"):
            union(A, B, allow_different_groundsets=bad)
        with pytest.raises(InvalidInputError, match="allow_different_groundsets"):
            intersection(A, B, allow_different_groundsets=bad)


def test_union_with_the_option_extends_by_loops():
    ms = [UniformMatroid(1, "ab"), UniformMatroid(2, "bcd"), LinearMatroid([[1, 1, 0], [0, 0, 1]], "aef")]
    for U in (union(*ms, allow_different_groundsets=True), ms[0].union(*ms[1:], allow_different_groundsets=True)):
        assert U.groundset == frozenset("abcdef")
        for k in range(7):
            for X in itertools.combinations("abcdef", k):
                assert U.rank(X) == _brute_union_rank(ms, X)


def test_intersection_with_the_option_uses_the_common_elements():
    M1 = LinearMatroid([[1, 1, 0, 1], [0, 0, 1, 1]], "abcd")
    M2 = UniformMatroid(2, "bcdx")
    for I in (intersection(M1, M2, allow_different_groundsets=True),
              M1.intersection(M2, allow_different_groundsets=True)):
        assert I <= frozenset("bcd") and _independent(M1, I) and _independent(M2, I)
        assert len(I) == _brute_common_independent(M1, M2) == 2
    assert intersection(A, B, allow_different_groundsets=True) == {"b"}


def test_same_ground_sets_need_no_option():
    assert union(UniformMatroid(1, 3), UniformMatroid(1, 3)).rank() == 2
    assert len(intersection(UniformMatroid(2, 4), UniformMatroid(3, 4))) == 2
    assert union(UniformMatroid(1, 3), allow_different_groundsets=False).rank() == 1


def test_link_still_unions_across_ground_sets():
    # link is (M_SP ∨ M_PQ) / P: the ground sets S ⊎ P and P ⊎ Q differ by design
    L = link(UniformMatroid(2, "abp"), UniformMatroid(2, "pcd"))
    assert L.groundset == frozenset("abcd")
    assert L.equals(two_sum(UniformMatroid(2, "abp"), UniformMatroid(2, "pcd")))
    G1, G2 = nx.MultiGraph(), nx.MultiGraph()
    for u, v, lab in [("a", "x", "s0"), ("x", "b", "s1"), ("a", "b", "p")]:
        G1.add_edge(u, v, label=lab)
    for u, v, lab in [("a", "y", "q0"), ("y", "b", "q1"), ("a", "b", "p")]:
        G2.add_edge(u, v, label=lab)
    L = link(GraphicMatroid(G1), GraphicMatroid(G2), ["p"])
    assert L.rank() == 3 and L.equals(two_sum(GraphicMatroid(G1), GraphicMatroid(G2), "p"))
