"""Hypothesis strategies for [`combalg.linking`][combalg.linking]: fields, labelled spaces, graphs, matroids.

Use them in your own property tests, e.g.

>>> from hypothesis import given, settings
>>> from combalg.strategies.linking import composable_pairs
>>> from combalg.linking import compose
>>> @settings(max_examples=5)
... @given(composable_pairs())
... def check(pair):
...     A, B = pair
...     assert compose(A, B).perp() == compose(A.perp(), B.perp(), sign=-1)
>>> check()
"""

from __future__ import annotations

from typing import Any, Sequence

import networkx as nx
from hypothesis import strategies as st

from combalg.core.linalg import GF, QQ
from combalg.linking import LabelledSpace, LinearMatroid
from combalg.linking._linalg import field_char

__all__ = [
    "FIELDS",
    "fields",
    "field_entries",
    "labelled_spaces",
    "composable_pairs",
    "split_spaces",
    "glued_graph_pairs",
    "linear_matroids",
    "enumerate_subspaces",
    "sparse_rows",
    "oriented_graphs",
]

#: the fields the property tests run over
FIELDS = (QQ, GF(2), GF(3), GF(5))


def fields(finite_only: bool = False) -> st.SearchStrategy:
    """One of QQ, GF(2), GF(3), GF(5) (only the finite ones if ``finite_only``)."""
    return st.sampled_from(FIELDS[1:] if finite_only else FIELDS)


def field_entries(field: Any) -> st.SearchStrategy:
    """Small entries: integers in [-3, 3] over QQ, ``range(p)`` over GF(p)."""
    p = field_char(field)
    return st.integers(-3, 3) if p == 0 else st.integers(0, p - 1)


@st.composite
def labelled_spaces(draw, labels: Sequence[Any], field: Any = None, max_rows: int | None = None, *,
                    min_size: int = 0, max_size: int | None = None) -> LabelledSpace:
    """A space on ``labels`` spanned by ``min_size..max_size`` random rows (so of dimension at
    most that); ``max_size`` defaults to ``len(labels) + 1`` (``max_rows`` is its older name).

    ``field=None`` draws the field from [`fields`][fields].

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=10, database=None)
    ... @given(labelled_spaces("abc", QQ, max_size=2))
    ... def check(V):
    ...     assert V.labels == ("a", "b", "c") and V.dim <= 2
    >>> check()
    """
    if field is None:
        field = draw(fields())
    n = len(labels)
    hi = max_size if max_size is not None else (n + 1) if max_rows is None else max_rows
    m = draw(st.integers(min_size, hi))
    rows = [[draw(field_entries(field)) for _ in range(n)] for _ in range(m)]
    return LabelledSpace(rows, labels, field)


@st.composite
def composable_pairs(draw, field: Any = None, max_s: int = 3, max_p: int = 3, max_q: int = 3,
                     finite_only: bool = False) -> tuple[LabelledSpace, LabelledSpace]:
    """A pair (V_SP, V_PQ) on labels ``s*, p*`` and ``p*, q*`` over one field."""
    if field is None:
        field = draw(fields(finite_only))
    s = draw(st.integers(0, max_s))
    p = draw(st.integers(0, max_p))
    q = draw(st.integers(0, max_q))
    S = [f"s{i}" for i in range(s)]
    P = [f"p{i}" for i in range(p)]
    Q = [f"q{i}" for i in range(q)]
    return draw(labelled_spaces(S + P, field)), draw(labelled_spaces(P + Q, field))


@st.composite
def split_spaces(draw, field: Any = None, max_s: int = 3, max_q: int = 3,
                 finite_only: bool = False) -> tuple[LabelledSpace, list, list]:
    """A space on ``s* ⊎ q*`` with its two sides (V, S, Q)."""
    if field is None:
        field = draw(fields(finite_only))
    S = [f"s{i}" for i in range(draw(st.integers(0, max_s)))]
    Q = [f"q{i}" for i in range(draw(st.integers(0, max_q)))]
    return draw(labelled_spaces(S + Q, field)), S, Q


@st.composite
def glued_graph_pairs(draw, max_shared: int = 4, max_side_vertices: int = 3, max_side_edges: int = 5):
    """Two multigraphs sharing a connected subgraph G_P: returns (G_SP, G_PQ, P).

    Edges carry ``label`` attributes ``s*``, ``p*``, ``q*``; shared vertices are
    ``w*``, the others ``l*`` and ``r*``.  Loops and parallel edges may occur.
    """
    k = draw(st.integers(1, max_shared))
    W = [f"w{i}" for i in range(k)]
    P_edges = []
    for i in range(1, k):  # a random spanning tree
        P_edges.append((W[draw(st.integers(0, i - 1))], W[i]))
    for _ in range(draw(st.integers(0, 2))):
        a, b = draw(st.sampled_from(W)), draw(st.sampled_from(W))
        P_edges.append((a, b))
    if not P_edges and draw(st.booleans()):
        P_edges.append((W[0], W[0]))  # a loop as the whole shared subgraph

    def side(prefix: str, elabel: str):
        V = W + [f"{prefix}{i}" for i in range(draw(st.integers(0, max_side_vertices)))]
        E = []
        for _ in range(draw(st.integers(0, max_side_edges))):
            E.append((draw(st.sampled_from(V)), draw(st.sampled_from(V))))
        G = nx.MultiGraph()
        G.add_nodes_from(V)
        for i, (a, b) in enumerate(E):
            G.add_edge(a, b, label=f"{elabel}{i}")
        for i, (a, b) in enumerate(P_edges):
            G.add_edge(a, b, label=f"p{i}")
        return G

    G1 = side("l", "s")
    G2 = side("r", "q")
    return G1, G2, [f"p{i}" for i in range(len(P_edges))]


@st.composite
def sparse_rows(draw, labels: Sequence[Any], field: Any = None, max_rows: int | None = None,
                max_nonzeros: int = 3) -> tuple[list[list], Any]:
    """Rows (lists in the order of ``labels``) with at most ``max_nonzeros`` nonzero entries each,
    and their field: a sparse random matrix."""
    if field is None:
        field = draw(fields())
    n = len(labels)
    m = draw(st.integers(0, (n + 1) if max_rows is None else max_rows))
    rows = []
    for _ in range(m):
        row = [0] * n
        if n:
            for _ in range(draw(st.integers(1, max_nonzeros))):
                row[draw(st.integers(0, n - 1))] = draw(field_entries(field))
        rows.append(row)
    return rows, field


@st.composite
def oriented_graphs(draw, max_vertices: int = 7, max_edges: int = 12, directed: bool | None = None) -> Any:
    """A multigraph (directed or not) whose edges carry ``label`` attributes ``e0, e1, ...``;
    loops, parallel edges, isolated vertices and several components may occur."""
    if directed is None:
        directed = draw(st.booleans())
    n = draw(st.integers(1, max_vertices))
    G = nx.MultiDiGraph() if directed else nx.MultiGraph()
    G.add_nodes_from(range(n))
    for i in range(draw(st.integers(0, max_edges))):
        G.add_edge(draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1)), label=f"e{i}")
    return G


@st.composite
def linear_matroids(draw, labels: Sequence[Any], field: Any = None, max_rank: int = 3) -> LinearMatroid:
    """A linear matroid on ``labels`` from a random matrix with at most ``max_rank`` rows."""
    V = draw(labelled_spaces(labels, field, max_rows=max_rank))
    return LinearMatroid(V)


def enumerate_subspaces(labels: Sequence[Any], p: int) -> list[LabelledSpace]:
    """Every subspace of GF(p)^labels, listed by RREF shape (pivot set and free entries).

    Independent of the library's elimination routines; used as a brute-force
    oracle for exhaustive checks over small finite fields.

    >>> len(enumerate_subspaces(["a", "b", "c"], 2))
    16
    """
    from combalg.linking.enumeration import subspaces

    return list(subspaces(labels, p))
