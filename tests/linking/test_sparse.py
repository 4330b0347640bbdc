"""Sparse and graph-aware routes give exactly the canonical spaces of the dense route."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.core.linalg import GF, QQ
from combalg.linking import (
    LabelledSpace,
    compose,
    cut_space,
    cycle_space,
    decompose,
    edge_records,
    glue,
    graph_connectivity,
    min_overlap,
    minimize_overlap,
)
from combalg.linking._linalg import field_char
from combalg.strategies.linking import composable_pairs, glued_graph_pairs, oriented_graphs, sparse_rows

FIELDS3 = st.sampled_from([QQ, GF(2), GF(3)])


def incidence_space(G, field) -> LabelledSpace:
    """The cut space by the linear-algebra route: the dense row space of the incidence matrix
    (orientations as documented in combalg.linking.graphs), reduced by FLINT."""
    p = field_char(field)
    rec = edge_records(G)
    labels = list(rec)
    verts = list(G.nodes())
    rows = []
    for v in verts:
        row = []
        for lab in labels:
            t, h, _ = rec[lab]
            row.append(0 if t == h else (1 if v == t else (-1 if v == h else 0)))
        rows.append(row)
    return LabelledSpace.from_rows(rows, labels, field, representation="dense")


def same(A: LabelledSpace, B: LabelledSpace) -> bool:
    """Equal canonical forms, checked through both representations and both orders."""
    return (A == B and B == A and A.labels == B.labels and A.dim == B.dim and A.pivots == B.pivots
            and A.sparse_rows() == B.sparse_rows() and hash(A) == hash(B))


def subset(draw, labels):
    return [x for x in labels if draw(st.booleans())]


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_every_operation_sparse_equals_dense(data):
    field = data.draw(FIELDS3)
    n = data.draw(st.integers(1, 9))
    labels = [f"x{i}" for i in range(n)]
    rows, _ = data.draw(sparse_rows(labels, field, max_nonzeros=4))
    D = LabelledSpace.from_rows(rows, labels, field, representation="dense")
    S = LabelledSpace.from_rows(rows, labels, field, representation="sparse")
    assert S.is_sparse and not D.is_sparse
    assert same(D, S)
    assert D.rows == S.rows
    T = data.draw(st.builds(lambda: None)) or subset(data.draw, labels)
    assert same(D.restrict(T), S.restrict(T))
    assert same(D.contract(T), S.contract(T))
    assert same(D.perp(), S.perp())
    assert D.connectivity(T) == S.connectivity(T) == min_overlap(S, T)
    rows2, _ = data.draw(sparse_rows(labels[: n // 2] + ["y0", "y1"], field))
    D2 = LabelledSpace.from_rows(rows2, labels[: n // 2] + ["y0", "y1"], field, representation="dense")
    S2 = D2.to_sparse()
    assert same(D.sum(D2), S.sum(S2)) and same(D.sum(D2), S.sum(D2))
    assert same(D.intersection(D2), S.intersection(S2))
    assert same(D.negate(T), S.negate(T))
    assert same(D.extend(["z"]), S.extend(["z"]))
    assert same(D.relabel({"x0": "w"}), S.relabel({"x0": "w"}))
    v = [data.draw(st.integers(0, 2)) for _ in labels]
    assert D.contains(v) == S.contains(v)
    assert D.rows_in(labels[::-1]) == S.rows_in(labels[::-1])
    assert S.to_dense() == D and not S.to_dense().is_sparse


@settings(max_examples=40, deadline=None)
@given(composable_pairs(max_s=4, max_p=4, max_q=4), st.sampled_from([1, -1]))
def test_compose_minimize_decompose_sparse_equals_dense(pair, sign):
    A, B = pair
    As, Bs = A.to_sparse(), B.to_sparse()
    C = compose(A, B, sign)
    assert same(C, compose(As, Bs, sign)) and same(C, compose(As, B, sign))
    A1, B1 = minimize_overlap(A, B, sign)
    A2, B2 = minimize_overlap(As, Bs, sign)
    assert same(A1, A2) and same(B1, B2)
    S = [x for x in C.labels if str(x).startswith("s")]
    Q = [x for x in C.labels if x not in set(S)]
    D1, E1 = decompose(C, S, Q, sign)
    D2, E2 = decompose(C.to_sparse(), S, Q, sign)
    assert same(D1, D2) and same(E1, E2)
    assert same(compose(D2, E2, sign), C)


@settings(max_examples=50, deadline=None)
@given(oriented_graphs(), FIELDS3, st.data())
def test_graph_spaces_equal_linear_algebra(G, field, data):
    ref = incidence_space(G, field)
    C = cut_space(G, field, representation="sparse")
    Z = cycle_space(G, field, representation="sparse")
    assert C._sp.graph is not None and Z._sp.graph is not None
    assert same(C, ref)
    assert same(Z, ref.perp())
    assert same(C.perp(), Z) and same(Z.perp(), C)
    assert same(cut_space(G, field, representation="dense"), ref)
    assert same(cycle_space(G, field, representation="dense"), ref.perp())
    T = subset(data.draw, list(C.labels))
    assert same(C.restrict(T), ref.restrict(T))
    assert same(C.contract(T), ref.contract(T))
    assert same(Z.restrict(T), ref.perp().restrict(T))
    assert same(Z.contract(T), ref.perp().contract(T))
    lam = ref.connectivity(T)
    assert C.connectivity(T) == Z.connectivity(T) == graph_connectivity(G, T) == lam
    assert same(C.negate(T), ref.negate(T)) and same(Z.negate(T), ref.perp().negate(T))
    assert same(C.extend(["new", "new2"]), ref.extend(["new", "new2"]))
    assert same(Z.extend(["new"]), ref.perp().extend(["new"]))
    v = [data.draw(st.integers(-1, 1)) for _ in C.labels]
    assert C.contains(v) == ref.contains(v) and Z.contains(v) == ref.perp().contains(v)
    assert same(C.sum(Z), ref.sum(ref.perp()))


@settings(max_examples=40, deadline=None)
@given(glued_graph_pairs(), FIELDS3, st.sampled_from([1, -1]))
def test_glued_graph_spaces_compose_by_gluing(gpair, field, sign):
    G1, G2, P = gpair
    C1, C2 = cut_space(G1, field, representation="sparse"), cut_space(G2, field, representation="sparse")
    Z1, Z2 = C1.perp(), C2.perp()
    D1, D2 = incidence_space(G1, field), incidence_space(G2, field)
    got = compose(C1, C2, sign)
    assert same(got, compose(D1, D2, sign))
    assert same(compose(Z1, Z2, sign), compose(D1.perp(), D2.perp(), sign))
    if sign == 1:
        assert got._sp.graph is not None  # the graph route was taken
        assert same(got, incidence_space(glue(G1, G2, P), field))
        assert same(compose(Z1, Z2, -1), cycle_space(glue(G1, G2, P), field, representation="sparse"))


@settings(max_examples=60, deadline=None)
@given(glued_graph_pairs(), FIELDS3, st.sampled_from([1, -1]), st.sampled_from(["S first", "Q first", "mixed"]))
def test_glued_compose_follows_the_label_order_of_both_sides(gpair, field, sign, order):
    """The glued graph's edges come in the merged label order whether the labels of G_SP sort
    before those of G_PQ, after them, or interleaved with them."""
    G1, G2, P = gpair
    rename = {"S first": (lambda i: ("a", i), lambda i: ("b", i)),
              "Q first": (lambda i: ("b", i), lambda i: ("a", i)),
              "mixed": (lambda i: 2 * i, lambda i: 2 * i + 1)}[order]
    for G, prefix, f in ((G1, "s", rename[0]), (G2, "q", rename[1])):
        for _, _, d in G.edges(data=True):
            if d["label"].startswith(prefix):
                d["label"] = f(int(d["label"][1:]))
    C1, C2 = cut_space(G1, field, representation="sparse"), cut_space(G2, field, representation="sparse")
    D1, D2 = incidence_space(G1, field), incidence_space(G2, field)
    got = compose(C1, C2, sign)
    assert same(got, compose(D1, D2, sign))
    assert same(compose(C1.perp(), C2.perp(), sign), compose(D1.perp(), D2.perp(), sign))
    if sign == 1:
        assert got._sp.graph is not None  # the graph route was taken
        assert same(got, incidence_space(glue(G1, G2, P), field))


def test_equality_of_different_graphs_with_the_same_cut_space():
    # two triangles sharing a vertex vs the same two triangles apart (a 1-sum): same cut space
    G = nx.MultiGraph()
    for i, (a, b) in enumerate([(0, 1), (1, 2), (0, 2), (2, 3), (3, 4), (2, 4)]):
        G.add_edge(a, b, label=f"e{i}", tail=a)
    H = nx.MultiGraph()
    for i, (a, b) in enumerate([(0, 1), (1, 2), (0, 2), (5, 3), (3, 4), (5, 4)]):
        H.add_edge(a, b, label=f"e{i}", tail=a)
    for f in (cut_space, cycle_space):
        A, B = f(G, representation="sparse"), f(H, representation="sparse")
        assert A == B and A == f(G, representation="dense")
    K = H.copy()
    K.add_edge(4, 0, label="e6")
    G.add_edge(4, 0, label="e6")
    assert cut_space(G, representation="sparse") != cut_space(K, representation="sparse")


def test_automatic_choice_and_forcing():
    small = LabelledSpace([[1, 0, 1]], "abc")
    assert not small.is_sparse and small.to_sparse().is_sparse
    n = 300
    rows = [[1 if j in (i, i + 1) else 0 for j in range(n)] for i in range(n - 1)]
    big = LabelledSpace(rows, range(n))
    assert big.is_sparse and big.dim == n - 1
    assert not LabelledSpace.from_rows(rows, range(n), representation="dense").is_sparse
    assert big == LabelledSpace.from_rows(rows, range(n), representation="dense")
    assert cut_space(nx.grid_2d_graph(20, 20)).is_sparse
    assert not cut_space(nx.cycle_graph(5)).is_sparse
    with pytest.raises(InvalidInputError):
        LabelledSpace.from_rows(rows, range(n), representation="compressed")


@pytest.mark.parametrize("length", [1000, pytest.param(5000, marks=pytest.mark.slow)])
def test_dense_route_on_a_huge_space_is_refused_up_front(length):
    G = nx.grid_2d_graph(10, length)  # 19 990 and 94 990 edges
    C = cut_space(G)
    assert C.is_sparse and C.dim == 10 * length - 1 and C.perp().dim == len(C) - 10 * length + 1
    with pytest.raises(ResourceLimitError):
        C.to_dense()
    with pytest.raises(ResourceLimitError):
        C.rows
    with pytest.raises(ResourceLimitError):
        cut_space(G, representation="dense")
    with pytest.raises(ResourceLimitError):
        cycle_space(G, representation="dense")
    assert "sparse" in repr(C)
    with pytest.raises(ResourceLimitError):  # refused before the rows are even looked at
        LabelledSpace.from_rows([[0] * 4000] * 4000, range(4000), representation="dense")


def test_pickle_and_copy_of_sparse_spaces():
    import copy
    import pickle

    C = cut_space(nx.grid_2d_graph(3, 4), representation="sparse")
    S = LabelledSpace.from_sparse([{"a": 1, "b": 2}], "abc")
    T = LabelledSpace.from_sparse([{"a": 1, "b": 2}, {"c": 1}], "abc", GF(5))
    T.sparse_rows()  # with its canonical form computed
    D = cut_space(nx.grid_2d_graph(3, 4), GF(3), representation="sparse")
    D.sparse_rows()
    for V in (C, S, T, D, C.restrict(list(C.labels)[:5]), D.sum(LabelledSpace.from_sparse([{D.labels[0]: 2}], D.labels, GF(3)))):
        assert pickle.loads(pickle.dumps(V)) == V
        assert copy.deepcopy(V) == V


def _strip(V: LabelledSpace) -> LabelledSpace:
    """The same space as plain sparse rows (no graph certificate): forces elimination."""
    return LabelledSpace.from_sparse(V.sparse_rows(), V.labels, V.field)


def _glued_copies(G, shared: int):
    """G and a copy of G glued along ``shared`` edges of a BFS tree (a connected subgraph)."""
    root = min(G.nodes())
    P = {frozenset(e) for e in list(nx.bfs_edges(G, root))[:shared]}
    WP = {x for e in P for x in e}
    G1, G2, labels = nx.MultiGraph(), nx.MultiGraph(), []
    for u, v in G.edges():
        if frozenset((u, v)) in P:
            labels.append(("p", u, v))
            G1.add_edge(u, v, label=("p", u, v), tail=u)
            G2.add_edge(u, v, label=("p", u, v), tail=u)
        else:
            G1.add_edge(u, v, label=("a", u, v), tail=u)
            a, b = (u if u in WP else ("b", u)), (v if v in WP else ("b", v))
            G2.add_edge(a, b, label=("b", u, v), tail=a)
    return G1, G2, labels


@pytest.mark.parametrize("length,field", [(8, QQ), (8, GF(3)), pytest.param(150, QQ, marks=pytest.mark.slow),
                                          pytest.param(150, GF(2), marks=pytest.mark.slow)])
def test_glued_cut_space_equals_composition_at_scale(length, field):
    G1, G2, P = _glued_copies(nx.grid_2d_graph(10, length), 20)
    H = glue(G1, G2, P)
    C1, C2 = cut_space(G1, field, representation="sparse"), cut_space(G2, field, representation="sparse")
    by_graph = compose(C1, C2)
    by_elimination = compose(_strip(C1), _strip(C2))
    assert by_graph._sp.graph is not None and by_elimination._sp.graph is None
    assert by_graph == by_elimination == cut_space(H, field, representation="sparse")
    assert _strip(by_graph) == by_elimination
    Z = compose(C1.perp(), C2.perp(), sign=-1)
    assert Z == compose(_strip(C1.perp()), _strip(C2.perp()), sign=-1) == cycle_space(H, field)


def test_sympy_domain_matrix_and_sparse_input():
    import sympy

    C = cut_space(nx.cycle_graph(4), GF(3), representation="sparse")
    M = C.to_domain_matrix()
    assert M.shape == (3, 4) and [[int(x) for x in r] for r in M.to_list()] == [list(r) for r in C.rows]
    assert LabelledSpace([[1, 2]], "ab").to_domain_matrix().to_Matrix() == sympy.Matrix([[1, 2]])
    V = LabelledSpace.from_sparse([{"a": 2, "c": 1}, {"b": 1}], "abc", QQ)
    assert V == LabelledSpace([[2, 0, 1], [0, 1, 0]], "abc")
    with pytest.raises(InvalidInputError):
        LabelledSpace.from_sparse([{"z": 1}], "abc")
    with pytest.raises(InvalidInputError):
        LabelledSpace.from_sparse([{"a": 0.5}], "abc")
    assert LabelledSpace.full(range(300)).is_sparse and LabelledSpace.full(range(300)).dim == 300
