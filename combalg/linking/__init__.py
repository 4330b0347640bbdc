"""Linking: composition and decomposition of vector spaces, graphs and matroids.

* [`spaces`][combalg.linking.spaces] -- [`LabelledSpace`][LabelledSpace], vector spaces on
  labelled column sets over QQ and GF(p) (restriction, contraction,
  complement, sum, intersection, connectivity).
* [`composition`][combalg.linking.composition] -- matched (↔) and skewed (⇌)
  composition, overlap minimisation and minimum-overlap decomposition.
* [`graphs`][combalg.linking.graphs] -- gluing graphs along a shared subgraph,
  clique sums, cut and cycle spaces, graph decomposition.
* [`matroids`][combalg.linking.matroids], [`matroid_ops`][combalg.linking.matroid_ops] --
  matroids with a rank oracle, union (matroid partition), intersection,
  2-sum, parallel and series connection, and matroid linking.

The composition/decomposition statements are reconstructions from the
abstract of H. Narayanan, *On composition and decomposition operations for
vector spaces, graphs and matroids* (arXiv, 2023), proved and checked
independently; they are not the paper's own algorithms.  Matroid
[`link`][link] agrees with the 2-sum for ``|P| = 1`` but NOT with graph k-sums
for ``|P| >= 2`` (see [`link`][link]).

>>> from combalg.linking import LabelledSpace, compose
>>> A = LabelledSpace([[1, 1]], ["s", "p"]); B = LabelledSpace([[1, 1]], ["p", "q"])
>>> compose(A, B).perp() == compose(A.perp(), B.perp(), sign=-1)
True
"""

from combalg.linking.spaces import LabelledSpace, label_key, sort_labels
from combalg.linking.composition import compose, decompose, min_overlap, minimize_overlap
from combalg.linking.graphs import (
    clique_sum,
    cut_space,
    cycle_space,
    decompose_graph,
    edge_records,
    glue,
    graph_connectivity,
)
from combalg.linking.matroids import (
    BasesMatroid,
    GraphicMatroid,
    LinearMatroid,
    Matroid,
    RankMatroid,
    UniformMatroid,
)
from combalg.linking.matroid_ops import (
    contract,
    delete,
    direct_sum,
    dual,
    intersection,
    is_isomorphic,
    link,
    matroid_partition,
    nash_williams_rank,
    parallel_connection,
    restrict,
    series_connection,
    two_sum,
    union,
    union_rank,
)

from combalg.core.linalg import GF, QQ

__all__ = [
    "LabelledSpace", "label_key", "sort_labels",
    "compose", "decompose", "min_overlap", "minimize_overlap",
    "glue", "clique_sum", "cut_space", "cycle_space", "decompose_graph", "edge_records", "graph_connectivity",
    "Matroid", "LinearMatroid", "GraphicMatroid", "UniformMatroid", "BasesMatroid", "RankMatroid",
    "dual", "delete", "contract", "restrict", "union", "union_rank", "matroid_partition", "nash_williams_rank",
    "intersection", "direct_sum", "link", "two_sum", "parallel_connection", "series_connection", "is_isomorphic",
    "QQ", "GF",
]
