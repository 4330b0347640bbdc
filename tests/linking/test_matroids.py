"""Matroids: union rank vs Nash-Williams, intersection vs brute force, 2-sum, connections, linking."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.core.linalg import GF, QQ
from combalg.linking import (
    GraphicMatroid,
    LinearMatroid,
    Matroid,
    UniformMatroid,
    contract,
    delete,
    direct_sum,
    dual,
    glue,
    intersection,
    is_isomorphic,
    link,
    matroid_partition,
    parallel_connection,
    series_connection,
    two_sum,
    union,
)
from combalg.strategies.linking import fields, linear_matroids


def nash_williams(ms, X):
    """min over Y ⊆ X of |X - Y| + sum_i r_i(Y ∩ E_i), written out here (brute force)."""
    X = sorted(X, key=str)
    best = None
    for k in range(len(X) + 1):
        for Y in itertools.combinations(X, k):
            v = len(X) - k + sum(M.rank(set(Y) & M.groundset) for M in ms)
            best = v if best is None else min(best, v)
    return best


def brute_max_common_independent(M1, M2):
    E = sorted(M1.groundset & M2.groundset, key=str)
    for k in range(len(E), -1, -1):
        for X in itertools.combinations(E, k):
            if M1.is_independent(X) and M2.is_independent(X):
                return k
    return 0


LABELS = [f"e{i}" for i in range(7)]


@settings(max_examples=80, deadline=None)
@given(fields(), st.data())
def test_union_rank_equals_nash_williams(field, data):
    k = data.draw(st.integers(1, 3))
    ms = []
    for _ in range(k):
        sub = data.draw(st.lists(st.sampled_from(LABELS), min_size=1, unique=True))
        ms.append(data.draw(linear_matroids(sub, field, max_rank=3)))
    U = union(*ms, allow_different_groundsets=True)  # random ground sets: each extended by loops
    E = sorted(U.groundset)
    X = data.draw(st.sets(st.sampled_from(E)))
    assert U.rank(X) == nash_williams(ms, X)
    assert U.rank() == nash_williams(ms, E)
    parts = matroid_partition(ms, X)
    assert all(M.is_independent(I) for M, I in zip(ms, parts))
    assert sum(map(len, parts)) == len(frozenset().union(*parts))


def test_union_rank_graphic_and_uniform():
    K4 = GraphicMatroid(nx.complete_graph(4))
    # K4 is the union of two spanning trees? 6 edges, two disjoint spanning trees of K4 exist
    assert union(K4, K4).rank() == 6
    assert union(UniformMatroid(2, 6), UniformMatroid(1, 6)).rank() == 3
    assert union(UniformMatroid(2, 3), UniformMatroid(2, 3)).rank() == 3


@settings(max_examples=80, deadline=None)
@given(fields(), st.data())
def test_intersection_is_maximum(field, data):
    M1 = data.draw(linear_matroids(LABELS[:6], field, max_rank=4))
    M2 = data.draw(linear_matroids(LABELS[:6], field, max_rank=4))
    I = intersection(M1, M2)
    assert M1.is_independent(I) and M2.is_independent(I)
    assert len(I) == brute_max_common_independent(M1, M2)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(fields(), st.data())
def test_link_with_one_shared_element_is_two_sum(field, data):
    M1 = data.draw(linear_matroids(["a", "b", "c", "p"], field, max_rank=3))
    M2 = data.draw(linear_matroids(["p", "x", "y", "z"], field, max_rank=3))
    assume(not any(M.is_loop("p") or M.is_coloop("p") for M in (M1, M2)))
    T = two_sum(M1, M2, "p")
    assert link(M1, M2).equals(T)
    # independent characterisations of the 2-sum
    assert delete(parallel_connection(M1, M2, "p"), ["p"]).equals(T)
    assert contract(series_connection(M1, M2, "p"), ["p"]).equals(T)
    # independent sets of the 2-sum, written out
    E = sorted(T.groundset)
    for k in range(len(E) + 1):
        for X in itertools.combinations(E, k):
            XS = set(X) & M1.groundset
            XQ = set(X) & M2.groundset
            expected = (M1.is_independent(XS) and M2.is_independent(XQ)
                        and (M1.is_independent(XS | {"p"}) or M2.is_independent(XQ | {"p"})))
            assert T.is_independent(X) == expected


def test_parallel_and_series_connection_graphic():
    G1 = nx.MultiGraph(); G2 = nx.MultiGraph()
    for u, v, lab in [("a", "b", "p"), ("a", "x", "s0"), ("x", "b", "s1"), ("a", "z", "s2"), ("z", "b", "s3")]:
        G1.add_edge(u, v, label=lab)
    for u, v, lab in [("a", "b", "p"), ("a", "y", "q0"), ("y", "b", "q1"), ("y", "w", "q2"), ("w", "b", "q3")]:
        G2.add_edge(u, v, label=lab)
    M1, M2 = GraphicMatroid(G1), GraphicMatroid(G2)
    # parallel connection = identify the edge p and keep it
    H = glue(G1, G2, ["p"])
    H.add_edge("a", "b", label="p")
    assert parallel_connection(M1, M2).equals(GraphicMatroid(H))
    assert two_sum(M1, M2).equals(GraphicMatroid(glue(G1, G2, ["p"])))
    # series connection: identify only the ends "a" of the two copies of p, delete them,
    # and join the two other ends b, b2 by the new edge p
    S = nx.MultiGraph()
    for u, v, d in G1.edges(data=True):
        if d["label"] != "p":
            S.add_edge(u, v, label=d["label"])
    for u, v, d in G2.edges(data=True):
        if d["label"] != "p":
            S.add_edge("b2" if u == "b" else u, "b2" if v == "b" else v, label=d["label"])
    S.add_edge("b", "b2", label="p")
    assert series_connection(M1, M2).equals(GraphicMatroid(S))


def test_series_connection_is_dual_of_parallel():
    M1 = LinearMatroid([[1, 0, 1, 1], [0, 1, 1, 2]], ["a", "b", "c", "p"])
    M2 = LinearMatroid([[1, 0, 1, 3], [0, 1, 1, 1]], ["p", "x", "y", "z"])
    S = series_connection(M1, M2, "p")
    P = parallel_connection(dual(M1), dual(M2), "p")
    E = sorted(S.groundset)
    for k in range(len(E) + 1):
        for X in itertools.combinations(E, k):
            # dual rank written out: r*(X) = |X| - r(E) + r(E - X)
            assert S.rank(X) == len(X) - P.rank() + P.rank(set(E) - set(X))


def test_minors_and_dual_basics():
    M = LinearMatroid([[1, 0, 1, 0], [0, 1, 1, 0]], "abcd")
    assert M.is_loop("d")
    assert dual(M).is_coloop("d")
    assert dual(dual(M)).equals(M)
    assert M.contract("a").rank() == 1
    assert M.delete("a").rank() == 2
    assert M.restrict("ab").equals(UniformMatroid(2, "ab"))
    assert direct_sum(UniformMatroid(1, "ab"), UniformMatroid(1, "cd")).rank() == 2
    # deletion/contraction duality (M \\ X)* = M* / X
    assert dual(M.delete("a")).equals(dual(M).contract("a"))


def test_from_bases_and_isomorphism():
    B = Matroid.from_bases([["a", "b"], ["a", "c"], ["b", "c"]])
    assert B.equals(UniformMatroid(2, "abc"))
    assert is_isomorphic(B, GraphicMatroid(nx.cycle_graph(3)))
    assert not is_isomorphic(GraphicMatroid(nx.cycle_graph(4)), GraphicMatroid(nx.star_graph(3)))
    with pytest.raises(InvalidInputError, match="exchange"):
        Matroid.from_bases([["a", "b"], ["c", "d"]])
    with pytest.raises(InvalidInputError, match="sizes"):
        Matroid.from_bases([["a", "b"], ["c"]])


def test_graphic_matroid_bases_count_spanning_trees():
    assert len(GraphicMatroid(nx.complete_graph(5)).bases()) == 125  # Cayley 5^3


def test_resource_limits():
    with pytest.raises(ResourceLimitError):
        UniformMatroid(10, 40).bases(limit=1000)


def test_matroid_errors():
    M1 = UniformMatroid(2, "abp")
    M2 = UniformMatroid(2, "apq")
    with pytest.raises(InvalidInputError, match="overlap"):
        two_sum(M1, M2, "p")
    with pytest.raises(InvalidInputError, match="overlap"):
        direct_sum(M1, M2)
    with pytest.raises(InvalidInputError, match="loop or coloop"):
        two_sum(LinearMatroid([[1, 1, 0]], "abp"), UniformMatroid(2, "pxy"))
    with pytest.raises(InvalidInputError, match="overlap outside P"):
        link(M1, M2, P=["p"])
    with pytest.raises(InvalidInputError, match="not in the ground set"):
        M1.rank(["z"])
    with pytest.raises(InvalidInputError, match="not prime"):
        LinearMatroid([[1]], ["a"], field=6)


def test_linear_matroid_over_finite_fields():
    # the Fano plane is GF(2)-representable; the same matrix over QQ is the non-Fano
    cols = [(1, 0, 0), (0, 1, 0), (0, 0, 1), (1, 1, 0), (1, 0, 1), (0, 1, 1), (1, 1, 1)]
    rows = [[c[i] for c in cols] for i in range(3)]
    fano = LinearMatroid(rows, range(7), GF(2))
    nonfano = LinearMatroid(rows, range(7), QQ)
    assert len(fano.bases()) == 28 and len(nonfano.bases()) == 29
    assert not is_isomorphic(fano, nonfano)
