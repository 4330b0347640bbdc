"""Graph gluing: cut spaces compose with ↔, cycle spaces with ⇌; clique sums; decomposition."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from combalg.core.errors import InvalidInputError
from combalg.core.linalg import GF, QQ
from combalg.linking import (
    clique_sum,
    compose,
    cut_space,
    cycle_space,
    decompose_graph,
    edge_records,
    glue,
    graph_connectivity,
)
from combalg.strategies.linking import glued_graph_pairs


def brute_cut_space_vectors(G, p):
    """Potential differences of all potentials V -> GF(p), enumerated (orientation from edge_records)."""
    rec = edge_records(G)
    labels = sorted(rec, key=str)
    nodes = list(G.nodes())
    out = set()
    for pot in itertools.product(range(p), repeat=len(nodes)):
        phi = dict(zip(nodes, pot))
        out.add(tuple((phi[rec[e][0]] - phi[rec[e][1]]) % p for e in labels))
    return labels, out


@settings(max_examples=100, deadline=None)
@given(glued_graph_pairs(), st.sampled_from([QQ, GF(2), GF(3), GF(5)]))
def test_glue_cut_and_cycle_spaces_compose(data, field):
    G1, G2, P = data
    G = glue(G1, G2, P)
    assert cut_space(G, field) == compose(cut_space(G1, field), cut_space(G2, field), P=P)
    assert cycle_space(G, field) == compose(cycle_space(G1, field), cycle_space(G2, field), sign=-1, P=P)


@settings(max_examples=40, deadline=None)
@given(glued_graph_pairs(max_shared=3, max_side_vertices=2, max_side_edges=3))
def test_cut_space_matches_enumerated_potentials(data):
    G1, _, _ = data
    if G1.number_of_nodes() > 7:
        return
    V = cut_space(G1, GF(3))
    labels, vecs = brute_cut_space_vectors(G1, 3)
    idx = {x: j for j, x in enumerate(V.labels)}
    assert {tuple(v[idx[x]] for x in labels) for v in V.vectors()} == vecs


@settings(max_examples=60, deadline=None)
@given(glued_graph_pairs())
def test_graph_connectivity_formula_and_decomposition(data):
    G1, G2, P = data
    G = glue(G1, G2, P)
    rec = edge_records(G)
    S = [e for e in rec if str(e).startswith("s")]
    Q = [e for e in rec if str(e).startswith("q")]
    V = cut_space(G)
    assert graph_connectivity(G, S) == V.connectivity(S)
    A, B = decompose_graph(G, S, Q)
    Pnew = [e for e in edge_records(A) if e in edge_records(B)]
    H = glue(A, B, Pnew)
    assert cut_space(H) == V
    assert cycle_space(H) == cycle_space(G)
    assert len(Pnew) >= V.connectivity(S)


def test_spanning_tree_of_G_P_suffices():
    # gluing on a triangle or on a 2-edge path on the same vertices gives the same cut space
    S = [("x", "a", "s0"), ("x", "b", "s1"), ("x", "c", "s2"), ("x", "z", "s3")]
    Q = [("y", "a", "q0"), ("y", "c", "q1"), ("a", "c", "q2")]

    def build(shared):
        G1, G2 = nx.MultiGraph(), nx.MultiGraph()
        for u, v, lab in S + shared:
            G1.add_edge(u, v, label=lab)
        for u, v, lab in Q + shared:
            G2.add_edge(u, v, label=lab)
        return glue(G1, G2, [lab for *_, lab in shared])

    tri = build([("a", "b", "t0"), ("b", "c", "t1"), ("a", "c", "t2")])
    path = build([("a", "b", "t0"), ("b", "c", "t1")])
    assert cut_space(tri) == cut_space(path)


def test_clique_sum_equals_glue_on_shared_clique():
    G1 = nx.complete_graph(["x", "a", "b", "c", "u"])
    G2 = nx.complete_graph(["y", "a", "b", "c"])
    G2.add_edge("y", "v")
    H = clique_sum(G1, G2, 3, ["a", "b", "c"], ["a", "b", "c"])
    # the same clique edges have the same default labels ('a','b') ... in both graphs
    T = [("a", "b"), ("a", "c"), ("b", "c")]
    G = glue(G1, G2, T)
    assert cut_space(H) == cut_space(G) == compose(cut_space(G1), cut_space(G2))
    assert nx.is_isomorphic(nx.Graph(H), nx.Graph(G))


def test_clique_sum_small_cases():
    C3a = nx.cycle_graph(["a", "b", "x"])
    C3b = nx.cycle_graph(["c", "d", "y"])
    two = clique_sum(C3a, C3b, 2, ["a", "b"], ["c", "d"])
    assert nx.is_isomorphic(nx.Graph(two), nx.cycle_graph(4))
    one = clique_sum(C3a, C3b, 1, ["a"], ["c"])
    assert one.number_of_nodes() == 5 and one.number_of_edges() == 6
    assert cut_space(one).dim == 4
    zero = clique_sum(C3a, C3b, 0)
    assert nx.number_connected_components(nx.Graph(zero)) == 2
    kept = clique_sum(C3a, nx.relabel_nodes(C3b, {"y": "z"}), 2, ["a", "b"], ["c", "d"], keep_clique=True)
    assert kept.number_of_edges() == 6


def test_directed_glue():
    G1 = nx.MultiDiGraph()
    G1.add_edge("a", "x", label="s0"); G1.add_edge("x", "b", label="s1"); G1.add_edge("a", "b", label="p")
    G2 = nx.MultiDiGraph()
    G2.add_edge("b", "y", label="q0"); G2.add_edge("y", "a", label="q1"); G2.add_edge("a", "b", label="p")
    G = glue(G1, G2, ["p"])
    assert G.is_directed()
    assert cut_space(G) == compose(cut_space(G1), cut_space(G2))
    assert cycle_space(G) == compose(cycle_space(G1), cycle_space(G2), sign=-1)


# ------------------------------------------------------------------ errors
def test_glue_rejects_disconnected_shared_subgraph():
    G1 = nx.MultiGraph(); G2 = nx.MultiGraph()
    for G in (G1, G2):
        G.add_edge("a", "b", label="p0"); G.add_edge("c", "d", label="p1")
    G1.add_edge("a", "c", label="s0"); G2.add_edge("b", "d", label="q0")
    with pytest.raises(InvalidInputError, match="disconnected"):
        glue(G1, G2, ["p0", "p1"])


def test_glue_rejects_bad_shared_edges_and_overlaps():
    G1 = nx.MultiGraph(); G2 = nx.MultiGraph()
    G1.add_edge("a", "b", label="p"); G1.add_edge("a", "x", label="e")
    G2.add_edge("a", "c", label="p"); G2.add_edge("a", "y", label="e")
    with pytest.raises(InvalidInputError, match="endpoints"):
        glue(G1, G2, ["p"])
    G2 = nx.MultiGraph(); G2.add_edge("a", "b", label="p"); G2.add_edge("b", "y", label="e")
    with pytest.raises(InvalidInputError, match="overlap"):
        glue(G1, G2, ["p"])
    with pytest.raises(InvalidInputError, match="not an edge label"):
        glue(G1, G2, ["zz"])
    G3 = nx.MultiGraph(); G3.add_edge("a", "b", label="p", tail="b"); G3.add_edge("b", "y", label="q")
    with pytest.raises(InvalidInputError, match="orientation"):
        glue(G1, G3, ["p"])


def test_glue_vertex_clash_and_rename():
    G1 = nx.MultiGraph(); G2 = nx.MultiGraph()
    G1.add_edge("a", "b", label="p"); G1.add_edge("a", "x", label="s")
    G2.add_edge("a", "b", label="p"); G2.add_edge("b", "x", label="q")
    with pytest.raises(InvalidInputError, match="rename"):
        glue(G1, G2, ["p"])
    G = glue(G1, G2, ["p"], rename=True)
    assert ("x", "Q") in G
    assert cut_space(G) == compose(cut_space(G1), cut_space(G2))


def test_clique_sum_errors():
    G = nx.path_graph(3)
    with pytest.raises(InvalidInputError, match="not a clique|not adjacent"):
        clique_sum(G, nx.complete_graph(3), 2, [0, 2], [0, 1], rename=True)
    with pytest.raises(InvalidInputError, match="no clique"):
        clique_sum(G, nx.complete_graph(3), 3)


def test_decompose_graph_errors():
    G = nx.cycle_graph(4)
    with pytest.raises(InvalidInputError, match="overlap"):
        decompose_graph(G, [(0, 1)], [(0, 1), (1, 2), (2, 3), (0, 3)])
    with pytest.raises(InvalidInputError, match="neither"):
        decompose_graph(G, [(0, 1)], [(1, 2)])
@settings(max_examples=60, deadline=None)
@given(st.data())
def test_graph_spaces_list_edges_in_the_label_order(data):
    """The fast label order of graph reading (vertex ranks) equals sort_labels on mixed vertices."""
    import networkx as nx

    from combalg.linking import cut_space, sort_labels

    pool = [0, 1, 2, 10, -3, "a", "b", "B", (0, 1), (1, 0), ("a", 2), (0,), 7]
    nodes = data.draw(st.lists(st.sampled_from(pool), min_size=1, max_size=8, unique=True))
    kind = data.draw(st.sampled_from([nx.Graph, nx.MultiGraph, nx.DiGraph]))
    G = kind()
    G.add_nodes_from(nodes)
    for _ in range(data.draw(st.integers(0, 12))):
        u, v = data.draw(st.sampled_from(nodes)), data.draw(st.sampled_from(nodes))
        if u != v and (kind is nx.MultiGraph or not G.has_edge(u, v)):
            G.add_edge(u, v)
    C = cut_space(G)
    assert C.labels == sort_labels(C.labels)
    assert C.dim == G.number_of_nodes() - nx.number_connected_components(G.to_undirected())


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_decompose_of_a_graph_space_picks_its_rows_by_forests_as_elimination_does(data):
    """The union-find choice of completing rows in decompose equals the elimination choice,
    and the decomposition equals the dense route's, on multigraphs with loops."""
    from combalg.linking import decompose
    from combalg.linking import sparse_spaces as ss

    n = data.draw(st.integers(1, 7))
    G = nx.MultiGraph()
    G.add_nodes_from(range(n))
    for _ in range(data.draw(st.integers(1, 14))):
        G.add_edge(data.draw(st.integers(0, n - 1)), data.draw(st.integers(0, n - 1)))
    build = data.draw(st.sampled_from([cut_space, cycle_space]))
    field = data.draw(st.sampled_from(["QQ", "GF(2)", "GF(3)"]))
    V = build(G, field, representation="sparse")
    S = [x for x in V.labels if data.draw(st.booleans())]
    Q = [x for x in V.labels if x not in set(S)]
    idx = V._index
    W = []
    for part in (S, Q):
        U = ss.contract(V, tuple(part))
        W += [{idx[U.labels[j]]: x for j, x in r.items()} for r in ss._form(U).canonical()]
    form = ss._form(V)
    form.canonical()
    assert ss._taken_by_forests(form.graph, form.piv, {idx[x] for x in S}) == \
        ss._taken_by_elimination(W, form.piv, V.p)
    A, B = decompose(V, S)
    A2, B2 = decompose(V.to_dense(), S)
    assert (A, B) == (A2, B2)



def test_default_clique_is_networkx_first_clique():
    """clique_sum's default clique (found depth first) is the first k-clique networkx lists."""
    import random

    from combalg.linking.graphs import _first_clique

    def first(G, k):
        for c in nx.enumerate_all_cliques(G):
            if len(c) == k:
                return c
            if len(c) > k:
                return None
        return None

    rng = random.Random(1)
    for _ in range(150):
        G = nx.gnp_random_graph(rng.randint(0, 10), rng.random(), seed=rng.randint(0, 10**6))
        nodes = list(G)
        rng.shuffle(nodes)
        H = nx.Graph()
        H.add_nodes_from(nodes)
        H.add_edges_from(G.edges())
        for k in range(1, 6):
            want = first(H, k)
            if want is None:
                with pytest.raises(InvalidInputError, match="no clique"):
                    _first_clique(H, k)
            else:
                assert _first_clique(H, k) == want
    assert _first_clique(nx.complete_graph(400), 8) == list(range(8))   # without listing smaller cliques


@settings(max_examples=120, deadline=None)
@given(st.data())
def test_fast_graph_reading_equals_the_edge_records(data):
    """Reading a graph by integer keys (the array route: integer, string or tuple vertices,
    integer edge keys) gives the labels, canonical order and orientations of `edge_records`,
    which reads edge by edge; edge attributes other than label and tail do not matter, and
    a label or tail attribute sends the graph to the general route."""
    from combalg.linking import graphs, sort_labels

    kind = data.draw(st.sampled_from([nx.Graph, nx.DiGraph, nx.MultiGraph, nx.MultiDiGraph]))
    vertex = data.draw(st.sampled_from([
        st.integers(-300, 300),
        st.tuples(st.integers(-3, 3), st.integers(-3, 3)),
        st.text("ab", max_size=3),
        st.one_of(st.integers(0, 5), st.text("ab", max_size=2)),  # mixed: the general route
        st.tuples(st.one_of(st.integers(0, 2), st.just("a")), st.integers(0, 2)),
        st.one_of(st.tuples(st.integers(0, 2)), st.tuples(st.integers(0, 2), st.integers(0, 2)), st.integers(0, 3)),
        st.sampled_from([1.5, 2.0, True, (1.0, 2), ((1, 2), 3), (1, 2)]),
    ]))
    nodes = data.draw(st.lists(vertex, min_size=1, max_size=9, unique=True))  # distinct vertices
    G = kind()
    G.add_nodes_from(nodes)
    for i in range(data.draw(st.integers(0, 16))):
        u, v = data.draw(st.sampled_from(nodes)), data.draw(st.sampled_from(nodes))
        attrs = data.draw(st.sampled_from([{}, {}, {"weight": 2}, {"label": ("e", i)}, {"tail": v}]))
        key = data.draw(st.sampled_from([None, None, 7, "k"])) if G.is_multigraph() else None
        if key is None:
            G.add_edge(u, v, **attrs)
        else:
            G.add_edge(u, v, key, **attrs)
    labels, nverts, tails, heads = graphs._oriented(G)
    rec = edge_records(G)
    assert labels == list(sort_labels(rec)) and nverts == G.number_of_nodes()
    fast = graphs._plain_oriented(G)
    plain = not any("label" in d or "tail" in d for _, _, d in G.edges(data=True))
    if not plain:
        assert fast is None
    if fast is not None:
        flabels, fn, ftails, fheads = fast
        nodes_in_order = sort_labels(G.nodes())
        assert flabels == labels and fn == nverts
        assert [(nodes_in_order[a], nodes_in_order[b]) for a, b in zip(ftails, fheads)] == \
            [rec[lab][:2] for lab in labels]
