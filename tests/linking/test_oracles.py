"""Reference values for linking (T1..T4, the duality sign example, GF(2) counts, graphs G1..G3, 2-sum)."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest

from combalg.core.linalg import GF, QQ
from combalg.strategies.linking import enumerate_subspaces
from combalg.linking import (
    GraphicMatroid,
    LabelledSpace,
    compose,
    cut_space,
    decompose,
    glue,
    link,
    min_overlap,
    minimize_overlap,
    two_sum,
)

SQ = ["s1", "s2", "q1", "q2"]


def T1():
    V_SP = LabelledSpace([[1, 0, 1], [0, 1, 1]], ["s1", "s2", "p1"])
    V_PQ = LabelledSpace([[1, 1, 0], [1, 0, 1]], ["p1", "q1", "q2"])
    return V_SP, V_PQ


def test_T1_matched():
    V = compose(*T1())
    assert V.rows_in(SQ) == [[1, 0, 0, 1], [0, 1, 0, 1], [0, 0, 1, -1]]
    assert V.dim == 3
    assert V.connectivity(["s1", "s2"]) == 1
    assert min_overlap(V, ["s1", "s2"]) == 1


def test_T1_skew():
    V = compose(*T1(), sign=-1)
    assert V.rows_in(SQ) == [[1, 0, 0, -1], [0, 1, 0, -1], [0, 0, 1, -1]]


def test_T1_IDT():
    A, B = T1()
    expected = LabelledSpace([[1, 1, -1, -1]], SQ)
    assert compose(A, B).perp() == expected
    assert compose(A.perp(), B.perp(), sign=-1) == expected


def test_T2_overlap_minimisation():
    V_SP = LabelledSpace([[1, 1, 1]], ["s1", "p1", "p2"])
    V_PQ = LabelledSpace([[1, 1, 1], [1, -1, 0]], ["p1", "p2", "q1"])
    V = compose(V_SP, V_PQ)
    assert V == LabelledSpace([[1, 1]], ["s1", "q1"])
    assert V.connectivity(["s1"]) == 1
    A, B = minimize_overlap(V_SP, V_PQ)
    assert set(A.labels) & set(B.labels) == {"p1"}
    assert A == LabelledSpace([[1, 1]], ["s1", "p1"])
    assert B == LabelledSpace([[1, 1]], ["p1", "q1"])
    assert compose(A, B) == V


def test_T3_decomposition_and_no_smaller_over_GF2():
    V = LabelledSpace([[1, 0, 1, 0], [0, 1, 0, 1]], SQ)
    assert V.connectivity(["s1", "s2"]) == 2
    A, B = decompose(V, ["s1", "s2"], ["q1", "q2"])
    assert A == LabelledSpace([[1, 0, 1, 0], [0, 1, 0, 1]], ["s1", "s2", "p0", "p1"])
    assert B == LabelledSpace([[1, 0, 1, 0], [0, 1, 0, 1]], ["p0", "p1", "q1", "q2"])
    assert compose(A, B) == V
    # no decomposition with |P| = 1 over GF(2): enumerate all subspaces of GF(2)^3 on each side
    V2 = LabelledSpace([[1, 0, 1, 0], [0, 1, 0, 1]], SQ, GF(2))
    left = all_subspaces(["s1", "s2", "p"], 2)
    right = all_subspaces(["p", "q1", "q2"], 2)
    assert not any(compose(X, Y) == V2 for X in left for Y in right)


def test_T4():
    V = LabelledSpace([[1, 1, 1, 0], [0, 0, 0, 1]], SQ)
    assert V.connectivity(["s1", "s2"]) == 1
    A, B = decompose(V, ["s1", "s2"], ["q1", "q2"])
    assert A == LabelledSpace([[1, 1, 1]], ["s1", "s2", "p0"])
    assert B == LabelledSpace([[1, 1, 0], [0, 0, 1]], ["p0", "q1", "q2"])
    assert compose(A, B) == V


@pytest.mark.parametrize("field", [QQ, GF(3), GF(5), GF(2)])
def test_IDT_sign_example(field):
    A = LabelledSpace([[1, 1]], ["s", "p"], field)
    B = LabelledSpace([[1, 1]], ["p", "q"], field)
    perp = compose(A, B).perp()
    minus = LabelledSpace([[1, -1]], ["s", "q"], field)
    plus = LabelledSpace([[1, 1]], ["s", "q"], field)
    assert perp == minus
    assert compose(A.perp(), B.perp(), sign=-1) == minus
    same_sign = compose(A.perp(), B.perp(), sign=1)
    assert same_sign == plus
    # the "same-sign" IDT fails except in characteristic 2
    assert (same_sign == perp) == (field == GF(2))


# ------------------------------------------------------------ GF(2) counts
def all_subspaces(labels, p):
    return enumerate_subspaces(labels, p)


def brute_lambda(V, S):
    """lambda from counting: |V·S| / |V×S| = p^lambda over GF(p), by enumerating the vectors."""
    idx = {x: j for j, x in enumerate(V.labels)}
    vecs = list(V.vectors())
    Sj = [idx[x] for x in S]
    rest = [j for j in range(len(V.labels)) if j not in Sj]
    proj = {tuple(v[j] for j in Sj) for v in vecs}
    cont = {tuple(v[j] for j in Sj) for v in vecs if all(v[j] == 0 for j in rest)}
    ratio = len(proj) // len(cont)
    lam = 0
    while ratio > 1:
        ratio //= V.p
        lam += 1
    return lam


@pytest.mark.parametrize("sizes,counts", [((2, 2), (25, 61, 67)), ((2, 3), (80, 290, 374))])
def test_GF2_lambda_counts(sizes, counts):
    s, q = sizes
    S = [f"s{i}" for i in range(s)]
    Q = [f"q{i}" for i in range(q)]
    spaces = all_subspaces(S + Q, 2)
    assert len(spaces) == counts[-1]
    lams = [V.connectivity(S) for V in spaces]
    assert tuple(sum(1 for x in lams if x <= k) for k in range(3)) == counts
    assert all(V.connectivity(Q) == lam for V, lam in zip(spaces, lams))
    if s * q <= 4:
        assert lams == [brute_lambda(V, S) for V in spaces]


def reachable(S, Q, k, p=2):
    P = [f"p{i}" for i in range(k)]
    left = all_subspaces(S + P, p)
    right = all_subspaces(P + Q, p)
    return {compose(X, Y) for X in left for Y in right}


def test_GF2_reachable_equals_lambda_at_most_k_small():
    S, Q = ["s0", "s1"], ["q0", "q1"]
    spaces = all_subspaces(S + Q, 2)
    for k in (0, 1):
        expected = {V for V in spaces if V.connectivity(S) <= k}
        assert reachable(S, Q, k) == expected


@pytest.mark.slow
def test_GF2_reachable_equals_lambda_at_most_k_23():
    S, Q = ["s0", "s1"], ["q0", "q1", "q2"]
    spaces = all_subspaces(S + Q, 2)
    for k, count in zip((0, 1, 2), (80, 290, 374)):
        R = reachable(S, Q, k)
        assert len(R) == count
        assert R == {V for V in spaces if V.connectivity(S) <= k}


# ------------------------------------------------------------- graphs G1..G3
def labelled_graph(edges):
    G = nx.MultiGraph()
    for u, v, lab in edges:
        G.add_edge(u, v, label=lab)
    return G


def test_G1_two_sum_of_triangles():
    G1 = labelled_graph([("a", "x", "s0"), ("x", "b", "s1"), ("a", "b", "p")])
    G2 = labelled_graph([("a", "y", "q0"), ("y", "b", "q1"), ("a", "b", "p")])
    G = glue(G1, G2, ["p"])
    assert nx.is_isomorphic(nx.Graph(G), nx.cycle_graph(4))
    assert cut_space(G) == compose(cut_space(G1), cut_space(G2))
    L = link(GraphicMatroid(G1), GraphicMatroid(G2))
    assert L.rank() == 3
    assert L.equals(GraphicMatroid(G))
    # M(C4) = U_{3,4}: every 3-set independent, the 4-set a circuit
    assert all(L.is_independent(X) for X in itertools.combinations(["s0", "s1", "q0", "q1"], 3))
    assert not L.is_independent(["s0", "s1", "q0", "q1"])


def K4_pair(shared):
    """K4 (apex x) and K4 (apex y) on a, b, c; shared = list of (u, v, label) P-edges."""
    S = [("x", "a", "s0"), ("x", "b", "s1"), ("x", "c", "s2")]
    Q = [("y", "a", "q0"), ("y", "b", "q1"), ("y", "c", "q2")]
    return labelled_graph(S + shared), labelled_graph(Q + shared)


def spanning_trees_brute(G):
    edges = list(G.edges(keys=True))
    n = G.number_of_nodes()
    count = 0
    for T in itertools.combinations(edges, n - 1):
        H = nx.Graph()
        H.add_nodes_from(G.nodes())
        H.add_edges_from((u, v) for u, v, _ in T)
        if nx.is_tree(H):
            count += 1
    return count


def test_G2_triangle_gluing_differs_from_linking():
    tri = [("a", "b", "t0"), ("b", "c", "t1"), ("a", "c", "t2")]
    G1, G2 = K4_pair(tri)
    G = glue(G1, G2, ["t0", "t1", "t2"])
    assert nx.is_isomorphic(nx.Graph(G), nx.complete_bipartite_graph(2, 3))
    V = cut_space(G)
    assert V.dim == 4
    assert V == compose(cut_space(G1), cut_space(G2))
    assert V.connectivity(["s0", "s1", "s2"]) == 2
    L = link(GraphicMatroid(G1), GraphicMatroid(G2))
    assert L.rank() == 3
    assert GraphicMatroid(G).rank() == 4
    assert sum(1 for X in itertools.combinations(sorted(L.groundset), 4) if L.is_independent(X)) == 0
    assert spanning_trees_brute(G) == 12
    assert len(GraphicMatroid(G).bases()) == 12


def test_G3_path_gluing_same_rank_different_matroid():
    path = [("a", "b", "t0"), ("b", "c", "t1")]
    G1, G2 = K4_pair(path)
    G = glue(G1, G2, ["t0", "t1"])
    assert nx.is_isomorphic(nx.Graph(G), nx.complete_bipartite_graph(2, 3))
    tri = [("a", "b", "t0"), ("b", "c", "t1"), ("a", "c", "t2")]
    H1, H2 = K4_pair(tri)
    assert cut_space(G) == cut_space(glue(H1, H2, ["t0", "t1", "t2"]))
    assert cut_space(G).dim == 4
    assert cut_space(G).connectivity(["s0", "s1", "s2"]) == 2
    L = link(GraphicMatroid(G1), GraphicMatroid(G2))
    M = GraphicMatroid(G)
    assert L.rank() == 4 == M.rank()
    X = ["s0", "s2", "q0", "q2"]
    assert L.is_independent(X)
    assert not M.is_independent(X)
    assert all(M.is_independent(set(X) - {e}) for e in X)  # a circuit of K_{2,3}


def test_M_2sum_graphic_and_linear():
    # graphic: K4 and a 4-cycle-with-chord glued on an edge
    G1 = labelled_graph([("a", "b", "p"), ("a", "c", "s0"), ("b", "c", "s1"), ("a", "d", "s2"),
                         ("b", "d", "s3"), ("c", "d", "s4")])
    G2 = labelled_graph([("a", "b", "p"), ("a", "e", "q0"), ("e", "f", "q1"), ("f", "b", "q2"), ("a", "f", "q3")])
    M1, M2 = GraphicMatroid(G1), GraphicMatroid(G2)
    T = two_sum(M1, M2, "p")
    assert link(M1, M2).equals(T)
    assert T.equals(GraphicMatroid(glue(G1, G2, ["p"])))
