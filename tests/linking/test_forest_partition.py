"""The forest-specialised matroid partition against the general oracle algorithm."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from combalg.linking import GraphicMatroid, RankMatroid, matroid_partition, nash_williams_rank, union, union_rank
from combalg.strategies.linking import oriented_graphs


def oracle_copy(M: GraphicMatroid) -> RankMatroid:
    """The same matroid behind a plain rank oracle (so the general algorithm runs)."""
    return RankMatroid(M.rank, M.groundset)


def is_forest(M: GraphicMatroid, F) -> bool:
    return M.rank(F) == len(F)


@settings(max_examples=60, deadline=None)
@given(st.lists(oriented_graphs(max_vertices=6, max_edges=10, directed=False), min_size=1, max_size=3),
       st.data())
def test_graphic_partition_equals_general_algorithm(graphs, data):
    # the graphs share the edge labels e0, e1, ... (each has its own ends for them)
    Ms = [GraphicMatroid(G) for G in graphs]
    E = sorted(set().union(*(M.groundset for M in Ms)))
    X = [x for x in E if data.draw(st.booleans())]
    parts = matroid_partition(Ms, X)
    general = matroid_partition([oracle_copy(M) for M in Ms], X)
    assert sum(map(len, parts)) == sum(map(len, general))
    assert sum(map(len, parts)) == nash_williams_rank(Ms, X)
    seen = set()
    for M, F in zip(Ms, parts):
        assert F <= set(X) and F <= M.groundset and not (F & seen) and is_forest(M, F)
        seen |= F


def test_spanning_tree_packing_known_values():
    # K4 has 2 edge-disjoint spanning trees; the Petersen graph (15 edges, rank 9) does not
    K4 = GraphicMatroid(nx.complete_graph(4))
    assert union_rank([K4, K4]) == 6
    P = GraphicMatroid(nx.petersen_graph())
    assert union_rank([P, P]) == 15 and union(P, P, P).rank() == 15
    # K6: 3 edge-disjoint spanning trees (15 edges = 3 * 5)
    K6 = GraphicMatroid(nx.complete_graph(6))
    assert union_rank([K6, K6, K6]) == 15 and union_rank([K6, K6]) == 10


def test_grid_union_rank_by_nash_williams_bound():
    # a 10 x 30 grid: 2 forests cover every edge (|E| = 2*|V| - 40 <= 2(|V| - 1))
    G = nx.grid_2d_graph(10, 30)
    M = GraphicMatroid(G)
    assert union_rank([M, M]) == G.number_of_edges()
    # one forest: the rank
    assert union_rank([M]) == G.number_of_nodes() - 1
