"""Graph gluing, clique sums and their cut and cycle spaces (networkx graphs).

**Edge labels.** An edge is labelled by its ``label`` attribute if it has one,
otherwise by its endpoint tuple: ``(u, v)`` for a simple graph and
``(u, v, key)`` for a multigraph, with the endpoints of an undirected edge
listed in the canonical vertex order ([`combalg.linking.spaces.label_key`][combalg.linking.spaces.label_key]).
Labels must be distinct within a graph.

**Orientation.** A directed edge goes from ``u`` to ``v``.  An undirected edge
is oriented from its ``tail`` attribute if it has one, otherwise from the
smaller endpoint in the canonical vertex order.  The graphs returned by
[`glue`][glue], [`clique_sum`][clique_sum] and [`decompose_graph`][decompose_graph] store ``label`` and
``tail`` on every edge, so orientations survive vertex renaming.

**Gluing** (``G_SP ↔ G_PQ``: identify the shared subgraph ``G_P``, then delete
its edges) is the graph composition as reconstructed from the abstract of
Narayanan (2023); the statements about cut and cycle spaces below are proved
and checked here, not taken from the paper.

**Cut and cycle spaces.** The cut (potential-difference) space is the row space
of the signed vertex-edge incidence matrix; the cycle (flow) space is its
orthogonal complement.  If ``G_P`` is connected, gluing composes cut spaces with
↔ and cycle spaces with ⇌ (the sign is visible: a flow ``h`` on ``P`` from one
side is cancelled by ``-h`` on the other).

Examples
--------
>>> import networkx as nx
>>> from combalg.linking import glue, cut_space, cycle_space, compose
>>> G1 = nx.MultiGraph(); _ = G1.add_edge("a", "x", label="s0"); _ = G1.add_edge("x", "b", label="s1")
>>> _ = G1.add_edge("a", "b", label="p")
>>> G2 = nx.MultiGraph(); _ = G2.add_edge("a", "y", label="q0"); _ = G2.add_edge("y", "b", label="q1")
>>> _ = G2.add_edge("a", "b", label="p")
>>> G = glue(G1, G2, ["p"])
>>> sorted(d["label"] for _, _, d in G.edges(data=True))
['q0', 'q1', 's0', 's1']
>>> cut_space(G) == compose(cut_space(G1), cut_space(G2))
True
>>> cycle_space(G) == compose(cycle_space(G1), cycle_space(G2), sign=-1)
True
"""

from __future__ import annotations

import operator
from itertools import chain
from typing import Any, Hashable, Iterable, Sequence

import networkx as nx

from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError
from combalg.core.validation import flag_arg
from combalg.linking import _args
from combalg.linking import _linalg as la
from combalg.linking import forests
from combalg.linking import sparse_spaces as _ss
from combalg.linking.spaces import LabelledSpace, label_key

__all__ = [
    "edge_records",
    "cut_space",
    "cycle_space",
    "glue",
    "clique_sum",
    "decompose_graph",
    "graph_connectivity",
]


def _check_graph(G: Any, name: str = "graph") -> None:
    if not isinstance(G, nx.Graph):
        raise InvalidInputError(f"invalid {name} {short_repr(G)}: expected a networkx graph")


def edge_records(G: Any) -> dict:
    """Map each edge label to ``(tail, head, data)`` (see the module docstring).

    >>> import networkx as nx
    >>> edge_records(nx.path_graph(3))
    {(0, 1): (0, 1, {}), (1, 2): (1, 2, {})}
    """
    return _records(G)[0]


def _records(G: Any) -> tuple[dict, dict]:
    """[`edge_records`][edge_records] and a sort key of every edge label, in the order of
    [`label_key`][label_key].

    The key of each vertex is computed once.  When no two vertices tie in that order and
    every label is a default ``(tail, head)``, the key of a label is the integer
    ``rank(tail) * n + rank(head)`` of the vertex ranks, which sorts like ``label_key``
    and far faster (most of the time of reading a large graph went into sorting keys).
    """
    _check_graph(G)
    out: dict = {}
    keys: dict = {}
    directed = G.is_directed()
    nodes = sorted(G, key=label_key)
    nkey = {v: label_key(v) for v in nodes}
    n = len(nodes)
    rank = {v: i for i, v in enumerate(nodes)}
    plain = len(set(nkey.values())) == n  # no two vertices tie in the label order
    if G.is_multigraph():
        it = ((u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True))
    else:
        it = ((u, v, None, d) for u, v, d in G.edges(data=True))
    for u, v, k, d in it:
        ku, kv = nkey[u], nkey[v]
        if directed:
            tail, head = u, v
        elif "tail" in d:
            if d["tail"] not in (u, v):
                raise InvalidInputError(f"invalid tail {short_repr(d['tail'])} of edge {short_repr((u, v))}: not an endpoint")
            tail = d["tail"]
            head = v if tail == u else u
        elif kv < ku:
            tail, head = v, u
        else:
            tail, head = u, v
        if "label" in d:
            lab = d["label"]
            try:
                hash(lab)
            except TypeError as exc:
                raise InvalidInputError(f"invalid edge label {short_repr(lab)}: labels must be hashable") from exc
            key = None
            plain = False
        else:
            if directed:
                a, b = u, v
            elif "tail" not in d:
                a, b = tail, head
            else:
                a, b = (u, v) if ku <= kv else (v, u)
            if k is None:
                lab, key = (a, b), rank[a] * n + rank[b]
            else:
                lab, key = (a, b, k), (2, (nkey[a], nkey[b], label_key(k)))
                plain = False
        if lab in out:
            raise InvalidInputError(f"invalid graph: the edge label {short_repr(lab)} is used twice; labels must be distinct")
        out[lab] = (tail, head, d)
        keys[lab] = key
    if not plain:
        for lab, key in keys.items():
            if key is None:
                keys[lab] = label_key(lab)
            elif isinstance(key, int):
                a, b = lab
                keys[lab] = (2, (nkey[a], nkey[b]))
    return out, keys


def _natural_order(verts: Sequence[Hashable]) -> list | None:
    """The vertices sorted, when Python's own order of them is the order of
    [`label_key`][label_key]: integers, strings and tuples of integers and strings (grid
    vertices, bus names), none of which tie there.  Otherwise None.

    Python compares an integer with a string only by raising TypeError, so a sort that
    succeeds compared like types only, and those compare as ``label_key`` does."""
    plain = {int, str}
    kinds = set(map(type, verts))
    if not kinds <= {int, str, tuple}:
        return None
    if tuple in kinds:
        tuples = verts if kinds == {tuple} else [v for v in verts if type(v) is tuple]
        if not set(map(type, chain.from_iterable(tuples))) <= plain:
            return None
    try:
        return sorted(verts)
    except TypeError:
        return None


def _ranks(rank: dict, items: Iterable[Hashable]) -> tuple:
    """``rank[x]`` for every item, looked up in one call (all lookups inside C)."""
    items = tuple(items)
    if len(items) < 2:
        return tuple(rank[x] for x in items)
    return operator.itemgetter(*items)(rank)


def _plain_oriented(G: Any) -> tuple[list, int, list, list] | None:
    """[`_oriented`][_oriented] for the common case, by array operations: a graph whose edges
    carry no ``label`` or ``tail`` attribute, whose vertices Python sorts as
    [`label_key`][label_key] does (see [`_natural_order`][_natural_order]) and, for a multigraph,
    whose edge keys are nonnegative integers (networkx's default); None otherwise.

    Vertices are numbered by their rank in the label order, so the label of an edge is
    determined by the integer ``(rank(tail) * n + rank(head)) * K + key`` (``K = 1`` for a
    simple graph) and one integer sort puts the edges in canonical order.  Each undirected
    edge is met twice in the adjacency and kept where ``rank(tail) <= rank(head)``: that
    is its canonical orientation.
    """
    n = G.number_of_nodes()
    if n == 0:
        return None
    multi = G.is_multigraph()
    verts, nbrs = zip(*G.adjacency())
    # one entry per (vertex, neighbour); for a multigraph a dict of the parallel edges' keys
    entries = list(chain.from_iterable(map(dict.values, nbrs)))
    datas = list(chain.from_iterable(map(dict.values, entries))) if multi else entries
    if any(datas) and any("label" in d or "tail" in d for d in datas):
        return None
    nodes = _natural_order(verts)
    if nodes is None:
        return None
    import numpy as np

    K = 1
    if multi:
        ekeys = list(chain.from_iterable(entries))
        if ekeys and (set(map(type, ekeys)) != {int} or min(ekeys) < 0):
            return None
        K = max(ekeys, default=0) + 1
    if n * n * K >= 1 << 62:  # the integer keys must fit an int64
        return None
    rank = dict(zip(nodes, range(n)))
    deg = np.fromiter(map(len, nbrs), np.int64, count=n)
    rv = np.array(_ranks(rank, chain.from_iterable(nbrs)), dtype=np.int64)
    ru = np.repeat(np.fromiter(map(rank.__getitem__, verts), np.int64, count=n), deg)
    keys = ru * n + rv
    keep = None if G.is_directed() else rv >= ru
    if multi:
        mult = np.fromiter(map(len, entries), np.int64, count=len(entries))
        if keep is not None:
            keep = np.repeat(keep, mult)
        keys = np.repeat(keys, mult) * K + np.array(ekeys, dtype=np.int64)
    if keep is not None:
        keys = keys[keep]
    keys.sort()
    pairs = keys // K
    tails = (pairs // n).tolist()
    heads = (pairs % n).tolist()
    ends = (map(nodes.__getitem__, tails), map(nodes.__getitem__, heads))
    labels = list(zip(*ends, (keys % K).tolist())) if multi else list(zip(*ends))
    return labels, n, tails, heads


def _oriented(G: Any) -> tuple[list, int, list, list]:
    """Edge labels in canonical order, number of vertices and the tail/head vertex indices of every edge."""
    _check_graph(G)
    fast = _plain_oriented(G)
    if fast is not None:
        return fast
    rec, keys = _records(G)
    verts = {v: i for i, v in enumerate(G.nodes())}
    labels = sorted(rec, key=keys.__getitem__)
    tails = [verts[rec[lab][0]] for lab in labels]
    heads = [verts[rec[lab][1]] for lab in labels]
    return labels, len(verts), tails, heads


def _graph_space(G: Any, field: Any, representation: str, kind: str) -> LabelledSpace:
    p = la.field_char(field)
    _ss.representation_arg(representation)
    labels, nv, tails, heads = _oriented(G)
    V = _ss.from_graph(labels, p, kind, nv, tails, heads, presorted=True)
    m = len(labels)
    if representation == "sparse" or (representation == "auto" and m >= _ss.AUTO_MIN_LABELS):
        return V
    _ss.refuse_dense_beyond_limit(V.dim, m, f"{kind}_space(representation={short_repr(representation)})")
    return V.to_dense()


def cut_space(G: Any, field: Any = None, representation: str = "auto") -> LabelledSpace:
    """Cut (potential-difference) space: row space of the signed incidence matrix.

    Built from a spanning forest without elimination: the pivots of the
    canonical form are the greedy forest in label order and its rows are the
    fundamental cuts (see [`combalg.linking.forests`][combalg.linking.forests]).  Graphs with at
    least [`AUTO_MIN_LABELS`][combalg.linking.sparse_spaces.AUTO_MIN_LABELS] edges give a
    sparse space that remembers the graph, so that its complement,
    restrictions, contractions, connectivity and compositions with other graph
    spaces are graph operations (see [`combalg.linking.sparse_spaces`][combalg.linking.sparse_spaces]).

    Parameters
    ----------
    G : networkx graph (any kind)
    field : QQ (default) or GF(p)
    representation : "auto" (default), "dense" or "sparse"

    Returns
    -------
    LabelledSpace
        On the edge labels; dimension ``|V| - c(G)``.

    Raises
    ------
    ResourceLimitError
        ``representation="dense"`` for a graph whose dense canonical basis would
        exceed [`DENSE_LIMIT`][combalg.linking.sparse_spaces.DENSE_LIMIT] entries.

    Examples
    --------
    >>> import networkx as nx
    >>> cut_space(nx.complete_graph(4)).dim
    3
    >>> cut_space(nx.path_graph(3)).rows
    ((1, 0), (0, 1))
    """
    return _graph_space(G, field, representation, "cut")


def cycle_space(G: Any, field: Any = None, representation: str = "auto") -> LabelledSpace:
    """Cycle (flow) space: the orthogonal complement of the cut space.

    Built from a spanning forest without elimination: the pivots are the edges
    outside the greedy forest for the reversed label order and the rows are
    their fundamental cycles.  ``representation`` as in [`cut_space`][cut_space].

    >>> import networkx as nx
    >>> cycle_space(nx.complete_graph(4)).dim
    3
    >>> cycle_space(nx.cycle_graph(3)).rows
    ((1, -1, 1),)
    """
    return _graph_space(G, field, representation, "cycle")


def graph_connectivity(G: Any, S: Iterable[Hashable]) -> int:
    """``r(S) + r(E - S) - r(E)`` for the edge split S | rest, with ``r`` the graphic rank
    (vertices minus components of an edge set), by a union-find; no elimination.

    Equal to ``cut_space(G).connectivity(S)`` and to
    ``|V(S) ∩ V(Q)| - c(S) - c(Q) + c(G)``.

    >>> import networkx as nx
    >>> graph_connectivity(nx.cycle_graph(4), [(0, 1), (1, 2)])
    1
    """
    labels, nv, tails, heads = _oriented(G)
    pos = {lab: j for j, lab in enumerate(labels)}
    S = _args.labels_arg("edge set S", S)
    bad = [x for x in S if x not in pos]
    if bad:
        raise InvalidInputError(f"invalid edge set S: {_args.names(bad)} are not edge labels")
    Sset = {pos[x] for x in S}
    Q = [j for j in range(len(labels)) if j not in Sset]
    return (forests.rank(nv, tails, heads, Sset) + forests.rank(nv, tails, heads, Q)
            - forests.rank(nv, tails, heads))


def _out_graph(directed: bool):
    return nx.MultiDiGraph() if directed else nx.MultiGraph()


def _add(H, tail, head, lab, data, directed: bool) -> None:
    d = {k: v for k, v in data.items() if k not in ("label", "tail")}
    d["label"] = lab
    if not directed:
        d["tail"] = tail
    H.add_edge(tail, head, **d)


def glue(G_SP: Any, G_PQ: Any, P: Iterable[Hashable], rename: bool = False) -> Any:
    """Glue two graphs along their shared subgraph ``G_P`` and delete the edges ``P``.

    The edges ``P`` (by label) must form the same subgraph ``G_P`` in both
    graphs: same endpoints and the same orientation.  The vertices of ``G_P``
    are identified (they have the same names in both graphs); every other
    vertex stays apart.  With ``P`` empty the graphs may share at most one
    vertex (the 1-sum).  ``G_P`` must be connected: then the cut space of the
    result is ``cut_space(G_SP) ↔ cut_space(G_PQ)`` and the cycle space is the
    ⇌ composition of the cycle spaces.  (For disconnected ``G_P`` the vector
    composition allows one free constant per component and is not a cut space
    in general, so it is refused.)

    Parameters
    ----------
    G_SP, G_PQ : networkx graphs (both directed or both undirected)
    P : iterable of edge labels
    rename : bool
        If True, vertices of ``G_PQ`` outside ``G_P`` whose names also occur in
        ``G_SP`` are renamed ``(v, "Q")``; otherwise such a clash is an error.

    Returns
    -------
    networkx.MultiGraph or MultiDiGraph
        Edges carry ``label`` (and ``tail`` if undirected).

    Raises
    ------
    InvalidInputError
        ``P`` not in both graphs or with different endpoints/orientation,
        labels shared outside ``P``, a disconnected ``G_P``, a vertex clash.

    Examples
    --------
    >>> import networkx as nx
    >>> K4a = nx.complete_graph(["x", "a", "b", "c"])
    >>> K4b = nx.complete_graph(["y", "a", "b", "c"])
    >>> T = [("a", "b"), ("a", "c"), ("b", "c")]
    >>> G = glue(K4a, K4b, T)
    >>> nx.is_isomorphic(nx.Graph(G), nx.complete_bipartite_graph(2, 3))
    True
    """
    _check_graph(G_SP, "G_SP")
    _check_graph(G_PQ, "G_PQ")
    if G_SP.is_directed() != G_PQ.is_directed():
        raise InvalidInputError("invalid graphs: one is directed and the other is not; expected both of one kind")
    directed = G_SP.is_directed()
    rename = flag_arg("rename", rename, allow_int=False)
    r1, r2 = edge_records(G_SP), edge_records(G_PQ)
    P = _args.labels_arg("shared edge set P", P)
    Pset = set(P)
    for lab in P:
        if lab not in r1 or lab not in r2:
            where = "G_SP" if lab not in r1 else "G_PQ"
            raise InvalidInputError(f"invalid shared edge {short_repr(lab)}: it is not an edge label of {where}")
        t1, h1, _ = r1[lab]
        t2, h2, _ = r2[lab]
        if (t1, h1) != (t2, h2):
            if (t1, h1) == (h2, t2):
                raise InvalidInputError(
                    f"invalid shared edge {short_repr(lab)}: it has opposite orientations {short_repr(t1)}->{short_repr(h1)} and {short_repr(t2)}->{short_repr(h2)}"
                )
            raise InvalidInputError(
                f"invalid shared edge {short_repr(lab)}: endpoints {short_repr((t1, h1))} in G_SP but {short_repr((t2, h2))} in G_PQ"
            )
    overlap = (set(r1) & set(r2)) - Pset
    if overlap:
        raise InvalidInputError(
            f"labels overlap outside P: edge labels {_args.names(overlap)} occur in both graphs"
        )
    GP = nx.Graph()
    for lab in P:
        t, h, _ = r1[lab]
        GP.add_edge(t, h)
    W = set(GP.nodes())
    if P and not nx.is_connected(GP):
        comps = [sorted(c, key=label_key) for c in nx.connected_components(GP)]
        raise InvalidInputError(
            f"the shared subgraph G_P is disconnected (components {short_repr(comps)}); gluing requires G_P connected"
        )
    common = (set(G_SP.nodes()) & set(G_PQ.nodes())) - W
    mapping: dict = {}
    if common:
        if not P and len(common) == 1 and not rename:
            pass  # the 1-sum: a single shared vertex
        elif rename:
            mapping = {v: (v, "Q") for v in common}
            clash = {(v, "Q") for v in common} & (set(G_SP.nodes()) | set(G_PQ.nodes()))
            if clash:
                raise InvalidInputError(f"cannot rename vertices apart: {_args.names(clash)} already exist")
        elif not P:
            raise InvalidInputError(
                f"the shared subgraph G_P is disconnected: with P empty the graphs share the vertices "
                f"{_args.names(common)}, but at most one shared vertex is allowed (pass rename=True to keep them apart)"
            )
        else:
            raise InvalidInputError(
                f"vertices {_args.names(common)} occur in both graphs but not on the shared subgraph G_P;"
                " pass rename=True to keep them apart"
            )
    H = _out_graph(directed)
    H.add_nodes_from(G_SP.nodes())
    H.add_nodes_from(mapping.get(v, v) for v in G_PQ.nodes())
    for lab, (t, h, d) in r1.items():
        if lab not in Pset:
            _add(H, t, h, lab, d, directed)
    for lab, (t, h, d) in r2.items():
        if lab not in Pset:
            _add(H, mapping.get(t, t), mapping.get(h, h), lab, d, directed)
    return H


def _first_clique(G: Any, k: int) -> list:
    """The first clique of size ``k`` that ``networkx.enumerate_all_cliques`` would list.

    That generator lists the cliques by size and, within one size, in the
    lexicographic order of the vertex positions (vertices taken in the graph's
    order); the same clique is found here by a depth-first search in that order,
    without listing every smaller clique first (which takes astronomically long
    for large ``k`` in a large dense graph).
    """
    U = nx.Graph(G.to_undirected()) if G.is_directed() or G.is_multigraph() else G
    if k <= U.number_of_nodes():
        index = {v: i for i, v in enumerate(U)}
        order = list(U)
        later = [{index[w] for w in U[v] if index[w] > i} for i, v in enumerate(order)]
        found = None
        path: list = []  # the clique being grown (vertex positions, increasing)
        frames = [(list(range(len(order))), 0)]  # per depth: candidates and the next one to try
        while frames:
            if len(path) == k:
                found = path
                break
            cands, t = frames[-1]
            if len(path) + len(cands) - t < k:  # too few candidates left: backtrack
                frames.pop()
                if path:
                    path.pop()
                continue
            frames[-1] = (cands, t + 1)
            v = cands[t]
            path.append(v)
            frames.append(([c for c in cands[t + 1:] if c in later[v]], 0))
        if found is not None:
            return [order[i] for i in found]
    raise InvalidInputError(f"invalid k {short_repr(k)}: the graph has no clique of size {short_repr(k)}")


def _check_clique(G: Any, clique: Sequence[Hashable], k: int, name: str) -> list:
    clique = _args.labels_arg(name, clique)
    if len(clique) != k or len(set(clique)) != k:
        raise InvalidInputError(f"invalid {name} {short_repr(clique)}: expected {k} distinct vertices")
    for v in clique:
        if v not in G:
            raise InvalidInputError(f"invalid {name} {short_repr(clique)}: {short_repr(v)} is not a vertex")
    U = G.to_undirected(as_view=True) if G.is_directed() else G
    for i in range(k):
        for j in range(i + 1, k):
            if not U.has_edge(clique[i], clique[j]):
                raise InvalidInputError(
                    f"invalid {name} {short_repr(clique)}: {short_repr(clique[i])} and {short_repr(clique[j])} are not adjacent (not a clique)"
                )
    return clique


def clique_sum(
    G1: Any,
    G2: Any,
    k: int,
    clique1: Sequence[Hashable] | None = None,
    clique2: Sequence[Hashable] | None = None,
    keep_clique: bool = False,
    rename: bool = False,
) -> Any:
    """The k-clique-sum: identify ``clique2[i]`` with ``clique1[i]`` and delete the clique edges.

    ``k = 1`` is the 1-sum (no edges deleted), ``k = 2`` the 2-sum along an
    edge, ``k = 3`` the graph 3-sum.  Every edge of either graph with both ends
    in the identified clique is deleted unless ``keep_clique``.

    Parameters
    ----------
    G1, G2 : networkx graphs (undirected)
    k : int >= 0
    clique1, clique2 : optional k vertices forming a clique (default: the first
        clique of size k found by networkx).
    keep_clique : keep the clique edges (the "clique join")
    rename : rename clashing vertices of ``G2`` outside the clique to ``(v, "Q")``

    Returns
    -------
    networkx.MultiGraph with ``label`` and ``tail`` on each edge

    Examples
    --------
    >>> import networkx as nx
    >>> G1 = nx.complete_graph(["x", "a", "b", "c"]); G2 = nx.complete_graph(["y", "a", "b", "c"])
    >>> G = clique_sum(G1, G2, 3, ["a", "b", "c"], ["a", "b", "c"], rename=True)
    >>> nx.is_isomorphic(nx.Graph(G), nx.complete_bipartite_graph(2, 3))
    True
    """
    _check_graph(G1, "G1")
    _check_graph(G2, "G2")
    if G1.is_directed() or G2.is_directed():
        raise InvalidInputError("invalid graphs: clique sums are defined here for undirected graphs")
    if not isinstance(k, int) or isinstance(k, bool) or k < 0:
        raise InvalidInputError(f"invalid k {short_repr(k)}: expected a nonnegative integer")
    keep_clique = flag_arg("keep_clique", keep_clique, allow_int=False)
    rename = flag_arg("rename", rename, allow_int=False)
    c1 = _check_clique(G1, clique1 if clique1 is not None else (_first_clique(G1, k) if k else []), k, "clique1")
    c2 = _check_clique(G2, clique2 if clique2 is not None else (_first_clique(G2, k) if k else []), k, "clique2")
    mapping = dict(zip(c2, c1))
    others = [v for v in G2.nodes() if v not in mapping]
    clash = [v for v in others if v in G1]
    if clash:
        if not rename:
            raise InvalidInputError(
                f"vertices {_args.names(clash)} occur in both graphs outside the clique; pass rename=True"
            )
        for v in clash:
            if (v, "Q") in G1 or (v, "Q") in G2:
                raise InvalidInputError(f"cannot rename vertex {short_repr(v)} apart: {short_repr((v, 'Q'))} already exists")
            mapping[v] = (v, "Q")
    r1, r2 = edge_records(G1), edge_records(G2)
    C = set(c1)

    def kept(t, h):
        return keep_clique or not (t in C and h in C and t != h)

    k1 = {lab for lab, (t, h, _) in r1.items() if kept(t, h)}
    k2 = {lab for lab, (t, h, _) in r2.items() if kept(mapping.get(t, t), mapping.get(h, h))}
    overlap = k1 & k2
    if overlap:
        raise InvalidInputError(
            f"labels overlap: edge labels {_args.names(overlap)} occur in both graphs;"
            " give the edges distinct 'label' attributes"
        )
    H = nx.MultiGraph()
    H.add_nodes_from(G1.nodes())
    H.add_nodes_from(mapping.get(v, v) for v in G2.nodes())
    for lab, (t, h, d) in r1.items():
        if lab in k1:
            _add(H, t, h, lab, d, False)
    for lab, (t, h, d) in r2.items():
        if lab in k2:
            _add(H, mapping.get(t, t), mapping.get(h, h), lab, d, False)
    return H


def decompose_graph(
    G: Any, S: Iterable[Hashable], Q: Iterable[Hashable] | None = None, p_labels: Sequence[Hashable] | None = None
) -> tuple[Any, Any]:
    """Split ``G`` along an edge bipartition (S, Q) into ``G_SP``, ``G_PQ`` with ``glue`` = ``G``.

    With ``W = V(S) ∩ V(Q)`` (boundary vertices, in canonical order
    ``w0, w1, ...``), ``G_SP = G[S] + path w0-w1-...`` and ``G_PQ = G[Q] +``
    the same path, so ``|P| = max(|W| - 1, 0)``.  This is the minimum overlap
    (the graphic connectivity) when ``G[S]``, ``G[Q]`` and ``G`` are connected;
    in general the minimum over vector-space decompositions is
    [`graph_connectivity`][graph_connectivity].  Isolated vertices of ``G`` are dropped.

    Returns
    -------
    (G_SP, G_PQ) : networkx multigraphs; the path edges are labelled ``p0, p1, ...``

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.cycle_graph(4)
    >>> A, B = decompose_graph(G, [(0, 1), (1, 2)])
    >>> P = [d["label"] for *_, d in A.edges(data=True) if str(d["label"]).startswith("p")]
    >>> P
    ['p0']
    >>> cut_space(glue(A, B, P)) == cut_space(G)
    True
    """
    rec = edge_records(G)
    S = _args.labels_arg("edge set S", S)
    bad = [x for x in S if x not in rec]
    if bad:
        raise InvalidInputError(f"invalid edge set S: {short_repr(bad)} are not edge labels of the graph")
    if Q is None:
        Sset = set(S)
        Q = [x for x in rec if x not in Sset]
    else:
        Q = _args.labels_arg("edge set Q", Q)
        bad = [x for x in Q if x not in rec]
        if bad:
            raise InvalidInputError(f"invalid edge set Q: {short_repr(bad)} are not edge labels of the graph")
        overlap = set(S) & set(Q)
        if overlap:
            raise InvalidInputError(f"labels overlap: edges {_args.names(overlap)} are in both S and Q")
        missing = set(rec) - set(S) - set(Q)
        if missing:
            raise InvalidInputError(f"invalid split: edges {_args.names(missing)} are in neither S nor Q")
    directed = G.is_directed()
    VS = {x for lab in S for x in rec[lab][:2]}
    VQ = {x for lab in Q for x in rec[lab][:2]}
    W = sorted(VS & VQ, key=label_key)
    k = max(len(W) - 1, 0)
    if p_labels is None:
        p_labels, i = [], 0
        while len(p_labels) < k:
            if f"p{i}" not in rec:
                p_labels.append(f"p{i}")
            i += 1
    else:
        p_labels = _args.labels_arg("p_labels", p_labels)
        if len(p_labels) != k or len(set(p_labels)) != k or set(p_labels) & set(rec):
            raise InvalidInputError(
                f"invalid p_labels {short_repr(p_labels)}: expected {k} distinct labels not used by the graph"
            )
    A, B = _out_graph(directed), _out_graph(directed)
    for lab in S:
        t, h, d = rec[lab]
        _add(A, t, h, lab, d, directed)
    for lab in Q:
        t, h, d = rec[lab]
        _add(B, t, h, lab, d, directed)
    A.add_nodes_from(W)
    B.add_nodes_from(W)
    for i, lab in enumerate(p_labels):
        _add(A, W[i], W[i + 1], lab, {}, directed)
        _add(B, W[i], W[i + 1], lab, {}, directed)
    return A, B
