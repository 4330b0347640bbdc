"""The sparse representation of labelled spaces, and the graph-aware routes.

A [`LabelledSpace`][combalg.linking.LabelledSpace] is stored either densely (FLINT
matrices, right for small dense spaces) or sparsely: a list of sparse rows
(``dict`` column -> field element) spanning the space, its canonical RREF as
sparse rows once computed, and optionally a *graph certificate*: the space is
the cut space or the cycle space of a given oriented graph.  Every operation
gives the same canonical space on both representations; which one a space uses
changes only speed and memory.

**Choice.** [`choose`][choose] picks the sparse representation for spaces with at
least ``AUTO_MIN_LABELS`` labels whose generating rows have density at most
``AUTO_MAX_DENSITY`` (or whose dense form would exceed ``DENSE_LIMIT``
entries); ``representation="dense"`` / ``"sparse"`` (in
[`LabelledSpace.from_rows`][LabelledSpace.from_rows], [`combalg.linking.cut_space`][combalg.linking.cut_space], ...) or
[`LabelledSpace.to_dense`][LabelledSpace.to_dense] / [`LabelledSpace.to_sparse`][LabelledSpace.to_sparse] force one.
A dense matrix with more than ``DENSE_LIMIT`` entries is refused up front
with [`ResourceLimitError`][combalg.core.errors.ResourceLimitError].

**Graph certificates.**  For the cut space ``C(G)`` and the cycle space
``Z(G) = C(G)^⊥`` of an oriented graph (edges = labels) the operations are
graph operations, each a theorem over every field:

* ``C(G)^⊥ = Z(G)`` and ``Z(G)^⊥ = C(G)``;
* ``C(G)·T = C(G \\ (E - T))``, ``C(G)×T = C(G / (E - T))``, and dually
  ``Z(G)·T = Z(G / (E - T))``, ``Z(G)×T = Z(G \\ (E - T))``;
* ``dim C(G) = r(E)`` and the connectivity of both is
  ``r(S) + r(E - S) - r(E)`` with ``r`` the graphic rank (vertices minus
  components of an edge set), computed by a union-find;
* negating coordinates reverses edges; new zero coordinates are loops of
  ``C`` and bridges of ``Z``;
* composition: if the shared edges ``P`` form a connected subgraph in both
  graphs with the same ends up to one consistent renaming of its vertices,
  ``C(G_SP) ↔ C(G_PQ) = C(G)`` and ``Z(G_SP) ⇌ Z(G_PQ) = Z(G)`` for the glued
  graph ``G`` (see [`combalg.linking.graphs`][combalg.linking.graphs]); the other sign is the same
  with the ``P`` edges of ``G_PQ`` reversed.  Otherwise the composition falls
  back to sparse elimination.
* the canonical RREF itself comes from spanning forests, without elimination
  ([`combalg.linking.forests`][combalg.linking.forests]).

Examples
--------
>>> import networkx as nx
>>> from combalg.linking import cut_space
>>> G = nx.grid_2d_graph(3, 40)
>>> C = cut_space(G, representation="sparse")
>>> C.is_sparse, C.dim, C.perp().dim
(True, 119, 78)
>>> C == cut_space(G, representation="dense")
True
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Hashable, Iterable, Sequence

from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.linking import _sparse as sp
from combalg.linking import forests

__all__ = ["GraphCertificate", "SparseForm", "choose", "DENSE_LIMIT", "AUTO_MIN_LABELS", "AUTO_MAX_DENSITY"]

#: Largest number of entries (rows x labels) of a dense matrix the library builds.
DENSE_LIMIT = 10_000_000
#: Spaces with fewer labels stay dense unless forced.
AUTO_MIN_LABELS = 256
#: Spaces whose generating rows have at most this density go sparse (with enough labels).
AUTO_MAX_DENSITY = 0.05

_REPRESENTATIONS = ("auto", "dense", "sparse")


def representation_arg(representation: str) -> str:
    if not isinstance(representation, str) or representation not in _REPRESENTATIONS:
        from combalg.core.bignum import short_repr

        raise InvalidInputError(
            f"invalid representation {short_repr(representation)}: expected 'auto', 'dense' or 'sparse'"
        )
    return representation


def refuse_dense_beyond_limit(nrows: int, ncols: int, what: str) -> None:
    """Refuse a dense matrix of ``nrows x ncols`` entries past [`DENSE_LIMIT`][DENSE_LIMIT]."""
    if nrows * ncols > DENSE_LIMIT:
        raise ResourceLimitError(
            f"{what}: a dense {nrows} x {ncols} matrix ({nrows * ncols} entries) exceeds the limit of "
            f"{DENSE_LIMIT} entries; use the sparse representation (representation='sparse')"
        )


def choose(nrows: int, ncols: int, nnz: int, representation: str = "auto") -> bool:
    """Whether a space with ``nrows`` generating rows, ``ncols`` labels and ``nnz`` nonzero
    entries is stored sparsely.

    >>> choose(10, 10, 50), choose(1000, 2000, 4000), choose(10, 10, 50, "sparse")
    (False, True, True)
    """
    representation_arg(representation)
    if representation != "auto":
        return representation == "sparse"
    if nrows * ncols > DENSE_LIMIT:
        return True
    return ncols >= AUTO_MIN_LABELS and nnz <= AUTO_MAX_DENSITY * nrows * ncols


class GraphCertificate:
    """The space is the cut (``kind="cut"``) or cycle (``kind="cycle"``) space of an oriented
    graph on ``range(nverts)`` with edge ``j`` (column ``j``) from ``tails[j]`` to ``heads[j]``."""

    __slots__ = ("kind", "nverts", "tails", "heads")

    def __init__(self, kind: str, nverts: int, tails: list, heads: list) -> None:
        self.kind = kind
        self.nverts = nverts
        self.tails = tails
        self.heads = heads

    def __getstate__(self):
        return (self.kind, self.nverts, self.tails, self.heads)

    def __setstate__(self, state):
        self.kind, self.nverts, self.tails, self.heads = state

    def dual(self) -> "GraphCertificate":
        return GraphCertificate("cycle" if self.kind == "cut" else "cut", self.nverts, self.tails, self.heads)

    def rank(self, cols: Iterable[int] | None = None) -> int:
        return forests.rank(self.nverts, self.tails, self.heads, cols)

    def dim(self) -> int:
        r = self.rank()
        return r if self.kind == "cut" else len(self.tails) - r

    def pivots(self) -> list[int]:
        m = len(self.tails)
        if self.kind == "cut":
            return forests.greedy_forest(self.nverts, self.tails, self.heads)
        return forests._complement(m, forests.greedy_forest(self.nverts, self.tails, self.heads, range(m - 1, -1, -1)))

    def canonical(self, p: int) -> tuple[list[dict], list[int]]:
        """The canonical RREF from a greedy forest (see [`combalg.linking.forests`][combalg.linking.forests])."""
        u = sp.one(p)
        mu = -u
        sign = {1: u, -1: mu}
        n, t, h = self.nverts, self.tails, self.heads
        m = len(t)
        if self.kind == "cut":
            T = forests.greedy_forest(n, t, h)
            cuts = forests.fundamental_cuts(n, t, h, T)
            rows = []
            for e in T:
                r = {e: u}
                for f, s in cuts[e]:
                    r[f] = sign[s]
                rows.append(r)
            return rows, T
        T = forests.greedy_forest(n, t, h, range(m - 1, -1, -1))
        cyc = forests.fundamental_cycles(n, t, h, T)
        piv = sorted(cyc)
        rows = []
        for f in piv:
            r = {f: u}
            for e, s in cyc[f]:
                r[e] = sign[s]
            rows.append(r)
        return rows, piv

    def generators(self, p: int) -> list[dict]:
        """Sparse spanning rows: incidence rows (cut) or the canonical fundamental cycles."""
        if self.kind == "cycle":
            return self.canonical(p)[0]
        u = sp.one(p)
        rows: list = [dict() for _ in range(self.nverts)]
        for j, (a, b) in enumerate(zip(self.tails, self.heads)):
            if a != b:
                rows[a][j] = u
                rows[b][j] = -u
        return [r for r in rows if r]

    def contains(self, vec: dict, p: int) -> bool:
        """Whether the sparse vector (column -> element) lies in the space."""
        n, t, h = self.nverts, self.tails, self.heads
        zero = sp.one(p) * 0
        if self.kind == "cycle":
            net = [zero] * n
            for j, x in vec.items():
                if t[j] == h[j]:
                    continue
                net[t[j]] += x
                net[h[j]] -= x
            return all(v == 0 for v in net)
        # potentials along a spanning forest, then every edge checked
        T = forests.greedy_forest(n, t, h)
        parent, pedge, depth = forests._rooted(n, t, h, T)
        order = sorted(range(n), key=depth.__getitem__)
        phi = [zero] * n
        for v in order:
            e = pedge[v]
            if e >= 0:
                x = vec.get(e, zero)
                # x = phi(tail) - phi(head)
                phi[v] = phi[parent[v]] - x if t[e] == parent[v] else phi[parent[v]] + x
        for j in range(len(t)):
            if vec.get(j, zero) != phi[t[j]] - phi[h[j]]:
                return False
        return True



def _contract_edges(cert: GraphCertificate, drop: Iterable[int], keep: Sequence[int], kind: str) -> GraphCertificate:
    """The graph with the edges ``drop`` contracted, keeping the columns ``keep`` (in order)."""
    uf = forests.UnionFind(cert.nverts)
    for j in drop:
        uf.union(cert.tails[j], cert.heads[j])
    ids: dict = {}
    for v in range(cert.nverts):
        ids.setdefault(uf.find(v), len(ids))
    new = [ids[uf.find(v)] for v in range(cert.nverts)]
    return GraphCertificate(kind, len(ids), [new[cert.tails[j]] for j in keep], [new[cert.heads[j]] for j in keep])


def _delete_edges(cert: GraphCertificate, keep: Sequence[int], kind: str) -> GraphCertificate:
    return GraphCertificate(kind, cert.nverts, [cert.tails[j] for j in keep], [cert.heads[j] for j in keep])


class SparseForm:
    """Sparse data of a labelled space on ``n`` columns over the field of characteristic ``p``:
    spanning rows ``gens``, the canonical RREF ``R`` with pivots ``piv`` (computed when first
    needed), and an optional [`GraphCertificate`][GraphCertificate]."""

    __slots__ = ("n", "p", "gens", "R", "piv", "graph")

    def __init__(self, n: int, p: int, gens: list | None = None, R: list | None = None,
                 piv: Sequence[int] | None = None, graph: GraphCertificate | None = None) -> None:
        self.n = n
        self.p = p
        self.gens = gens
        self.R = R
        self.piv = None if piv is None else tuple(piv)
        self.graph = graph

    def __getstate__(self):
        # field elements as Python values (FLINT's nmod does not pickle)
        p = self.p

        def plain(rows):
            return None if rows is None else [{j: sp.py(x, p) for j, x in r.items()} for r in rows]

        return (self.n, p, plain(self.gens), plain(self.R), self.piv, self.graph)

    def __setstate__(self, state):
        n, p, gens, R, piv, graph = state

        def field(rows):
            return None if rows is None else [{j: sp.elt(x, p) for j, x in r.items()} for r in rows]

        self.n, self.p, self.gens, self.R, self.piv, self.graph = n, p, field(gens), field(R), piv, graph

    def pivots(self) -> tuple:
        if self.piv is None:
            if self.graph is not None:
                self.piv = tuple(self.graph.pivots())
            else:
                self.canonical()
        return self.piv

    def canonical(self) -> list[dict]:
        if self.R is None:
            if self.graph is not None:
                R, piv = self.graph.canonical(self.p)
            else:
                R, piv = sp.rref(self.gens or [], self.p)
            self.R, self.piv = R, tuple(piv)
        return self.R

    def spanning(self) -> list[dict]:
        """Spanning rows: the canonical ones if known, else the generators."""
        if self.R is not None:
            return self.R
        if self.gens is not None:
            return self.gens
        if self.graph is not None:
            return self.graph.generators(self.p)
        return self.canonical()

    def nnz(self) -> int:
        return sum(map(len, self.canonical()))


# --------------------------------------------------------------------------
# building spaces
def _space_cls():
    from combalg.linking.spaces import LabelledSpace

    return LabelledSpace


def new(labels: tuple, p: int, form: SparseForm) -> Any:
    """A sparse [`LabelledSpace`][LabelledSpace] on canonically ordered ``labels``."""
    obj = _space_cls().__new__(_space_cls())
    obj._init_sparse(labels, form, p)
    return obj


def from_generators(labels: Sequence[Hashable], rows: list[dict], p: int) -> Any:
    """A sparse space from sparse rows whose column ``j`` is ``labels[j]`` (any label order)."""
    from combalg.linking.spaces import label_key

    labels = list(labels)
    n = len(labels)
    order = sorted(range(n), key=lambda j: label_key(labels[j]))
    if order != list(range(n)):
        pos = [0] * n
        for new_j, old_j in enumerate(order):
            pos[old_j] = new_j
        rows = [{pos[j]: x for j, x in r.items()} for r in rows]
    return new(tuple(labels[j] for j in order), p, SparseForm(n, p, gens=[r for r in rows if r]))


def from_graph(labels: Sequence[Hashable], p: int, kind: str, nverts: int, tails: list, heads: list,
               presorted: bool = False) -> Any:
    """The cut or cycle space of an oriented graph, edge ``j`` labelled ``labels[j]``
    (``presorted``: the labels are already in the canonical order of `label_key`, and the
    lists ``tails`` and ``heads`` are fresh ones the space may keep)."""
    from combalg.linking.spaces import label_key

    if presorted:
        cert = GraphCertificate(kind, nverts, tails, heads)
        labels = tuple(labels)
        return new(labels, p, SparseForm(len(labels), p, graph=cert))
    labels = list(labels)
    order = sorted(range(len(labels)), key=lambda j: label_key(labels[j]))
    cert = GraphCertificate(kind, nverts, [tails[j] for j in order], [heads[j] for j in order])
    return new(tuple(labels[j] for j in order), p, SparseForm(len(labels), p, graph=cert))


def from_dense_rows(labels: tuple, rows: Sequence[Sequence[Any]], p: int) -> Any:
    """Sparse copy of rows of Python values (columns in the canonical order of ``labels``)."""
    gens = [{j: sp.elt(x, p) for j, x in enumerate(r) if x} for r in rows]
    return new(labels, p, SparseForm(len(labels), p, gens=[g for g in gens if g]))


def to_sparse(V: Any) -> Any:
    if V._sp is not None:
        return V
    return from_dense_rows(V.labels, V.rows, V.p)


def dense_rows(V: Any, what: str = "dense rows") -> tuple:
    """The canonical RREF as tuples of Python values (refused past [`DENSE_LIMIT`][DENSE_LIMIT])."""
    form = V._sp
    piv = form.pivots()
    refuse_dense_beyond_limit(len(piv), form.n, what)
    R = form.canonical()
    p = V.p
    out = []
    for r in R:
        v = [0] * form.n
        for j, x in r.items():
            v[j] = sp.py(x, p)
        out.append(tuple(v))
    return tuple(out)


def to_dense(V: Any) -> Any:
    from combalg.linking.spaces import LabelledSpace

    if V._sp is None:
        return V
    rows = dense_rows(V, "to_dense()")
    obj = LabelledSpace.__new__(LabelledSpace)
    obj._init_canonical(V.labels, [list(r) for r in rows], V.p, reduced=True)
    return obj


def sparse_rows(V: Any) -> list[dict]:
    """The canonical RREF as ``{label: value}`` dicts (Python values)."""
    if V._sp is None:
        return [{V.labels[j]: x for j, x in enumerate(r) if x} for r in V.rows]
    p = V.p
    lab = V.labels
    conv: dict = {}  # field element -> Python value (graph spaces have only ±1)

    def py(x):
        y = conv.get(x)
        if y is None:
            y = conv[x] = sp.py(x, p)
        return y

    return [{lab[j]: py(x) for j, x in sorted(r.items())} for r in V._sp.canonical()]


def _form(V: Any) -> SparseForm:
    """The sparse form of V (a sparse copy of the rows of a dense space)."""
    if V._sp is not None:
        return V._sp
    return to_sparse(V)._sp


def _canon(V: Any) -> tuple[list[dict], tuple]:
    f = _form(V)
    R = f.canonical()
    return R, f.piv


# --------------------------------------------------------------------------
# comparisons
def equal(V: Any, W: Any) -> bool:
    if V.p != W.p or V.labels != W.labels or V.dim != W.dim or V._pivots != W._pivots:
        return False
    fv, fw = _form(V), _form(W)
    gv, gw = fv.graph, fw.graph
    if gv is not None and gw is not None and gv.kind == gw.kind and _same_graph(gv, gw):
        return True
    if gv is not None and gw is not None and gv.kind == gw.kind:
        # same dimension: C(Gv) = C(Gw) iff Z(Gw) ⊆ Z(Gv), and Z(Gv) = Z(Gw) iff Z(Gv) ⊆ Z(Gw);
        # the cycle rows are checked as flows (linear in their size)
        if gv.kind == "cut":
            return _all_flows(gw.dual().canonical(V.p)[0], gv)
        return _all_flows(gv.canonical(V.p)[0], gw)
    return fv.canonical() == fw.canonical()


def _all_flows(rows: list[dict], g: GraphCertificate) -> bool:
    """Whether every sparse row is a flow (conserved at every vertex) of the graph ``g``."""
    t, h = g.tails, g.heads
    for r in rows:
        net: dict = {}
        for j, x in r.items():
            a, b = t[j], h[j]
            if a != b:
                net[a] = net.get(a, 0) + x
                net[b] = net.get(b, 0) - x
        if any(v != 0 for v in net.values()):
            return False
    return True


def _same_graph(a: GraphCertificate, b: GraphCertificate) -> bool:
    """Whether one renaming of the vertices carries every edge of ``a`` onto the same edge of
    ``b`` (ends and orientation); isolated vertices do not matter."""
    if len(a.tails) != len(b.tails):
        return False
    fwd: dict = {}
    bwd: dict = {}
    for x, y in ((a.tails, b.tails), (a.heads, b.heads)):
        for u, v in zip(x, y):
            if fwd.setdefault(u, v) != v or bwd.setdefault(v, u) != u:
                return False
    return True


def contains(V: Any, vec: list) -> bool:
    """``vec``: Python values in label order."""
    p = V.p
    v = {j: sp.elt(x, p) for j, x in enumerate(vec) if x}
    form = V._sp
    if form.graph is not None:
        return form.graph.contains(v, p)
    R = form.canonical()
    inc = sp.Incremental(p)
    for r in R:
        inc.add(r)
    return not inc.reduce(v)


# --------------------------------------------------------------------------
# operations (V sparse; labels checked by the caller)
def restrict(V: Any, T: tuple) -> Any:
    form = V._sp
    idx = [V._index[x] for x in T]
    g = form.graph
    if g is not None:
        Tset = set(idx)
        drop = [j for j in range(form.n) if j not in Tset]
        cert = _delete_edges(g, idx, "cut") if g.kind == "cut" else _contract_edges(g, drop, idx, "cycle")
        return new(T, V.p, SparseForm(len(T), V.p, graph=cert))
    pos = {j: t for t, j in enumerate(idx)}
    rows = []
    for r in form.spanning():
        s = {pos[j]: x for j, x in r.items() if j in pos}
        if s:
            rows.append(s)
    return new(T, V.p, SparseForm(len(T), V.p, gens=rows))


def _rref_cols(rows: Iterable[dict], colmap: dict, p: int) -> tuple[list[dict], list[int]]:
    """RREF after renaming columns by ``colmap`` (a dict old -> new); columns not in it dropped."""
    return sp.rref([{colmap[j]: x for j, x in r.items() if j in colmap} for r in rows], p)


def contract(V: Any, T: tuple) -> Any:
    form = V._sp
    idx = [V._index[x] for x in T]
    g = form.graph
    if g is not None:
        Tset = set(idx)
        drop = [j for j in range(form.n) if j not in Tset]
        cert = _contract_edges(g, drop, idx, "cut") if g.kind == "cut" else _delete_edges(g, idx, "cycle")
        return new(T, V.p, SparseForm(len(T), V.p, graph=cert))
    Tset = set(idx)
    rest = [j for j in range(form.n) if j not in Tset]
    k = len(rest)
    colmap = {j: t for t, j in enumerate(rest)}
    for t, j in enumerate(idx):
        colmap[j] = k + t
    R, piv = _rref_cols(form.spanning(), colmap, V.p)
    out, opiv = [], []
    for r, pc in zip(R, piv):
        if pc >= k:
            out.append({j - k: x for j, x in r.items()})
            opiv.append(pc - k)
    return new(T, V.p, SparseForm(len(T), V.p, gens=out, R=out, piv=opiv))


def perp(V: Any) -> Any:
    form = V._sp
    if form.graph is not None:
        return new(V.labels, V.p, SparseForm(form.n, V.p, graph=form.graph.dual()))
    R = form.canonical()
    N = sp.nullspace_from_rref(R, form.piv, form.n, V.p)
    return new(V.labels, V.p, SparseForm(form.n, V.p, gens=N))


def _remap(V: Any, new_labels: tuple) -> list[int]:
    """Position in ``new_labels`` of each label of V (V's labels mapped by name)."""
    pos = {x: j for j, x in enumerate(new_labels)}
    return [pos[x] for x in V.labels]


def extend(V: Any, labels: list) -> Any:
    from combalg.linking.spaces import sort_labels

    form = V._sp
    all_labels = sort_labels(list(V.labels) + labels)
    pos = _remap(V, all_labels)
    n = len(all_labels)
    g = form.graph
    if g is not None:
        tails = [0] * n
        heads = [0] * n
        nv = g.nverts
        old = set(pos)
        for j, q in enumerate(pos):
            tails[q], heads[q] = g.tails[j], g.heads[j]
        if g.kind == "cut":
            nv = max(nv, 1)  # new columns: loops at vertex 0
        else:
            for q in range(n):
                if q not in old:  # new columns: bridges between two new vertices
                    tails[q], heads[q] = nv, nv + 1
                    nv += 2
        return new(all_labels, V.p, SparseForm(n, V.p, graph=GraphCertificate(g.kind, nv, tails, heads)))
    rows = [{pos[j]: x for j, x in r.items()} for r in form.spanning()]
    R = None
    if form.R is not None:
        R = rows  # order-preserving embedding keeps the RREF
        return new(all_labels, V.p, SparseForm(n, V.p, gens=R, R=R, piv=[pos[j] for j in form.piv]))
    return new(all_labels, V.p, SparseForm(n, V.p, gens=rows))


def relabel(V: Any, new_names: list) -> Any:
    form = V._sp
    g = form.graph
    if g is not None:
        return from_graph(new_names, V.p, g.kind, g.nverts, g.tails, g.heads)
    return from_generators(new_names, [dict(r) for r in form.spanning()], V.p)


def negate(V: Any, idx: set) -> Any:
    form = V._sp
    g = form.graph
    if g is not None:
        tails = [g.heads[j] if j in idx else g.tails[j] for j in range(form.n)]
        heads = [g.tails[j] if j in idx else g.heads[j] for j in range(form.n)]
        return new(V.labels, V.p, SparseForm(form.n, V.p, graph=GraphCertificate(g.kind, g.nverts, tails, heads)))
    rows = [{j: (-x if j in idx else x) for j, x in r.items()} for r in form.spanning()]
    return new(V.labels, V.p, SparseForm(form.n, V.p, gens=rows))


def sum_(V: Any, W: Any) -> Any:
    labels = list(dict.fromkeys(list(V.labels) + list(W.labels)))
    A = extend(to_sparse(V), [x for x in labels if x not in V._index])
    B = extend(to_sparse(W), [x for x in labels if x not in W._index])
    n = len(A.labels)
    return new(A.labels, V.p, SparseForm(n, V.p, gens=list(_form(A).spanning()) + list(_form(B).spanning())))


def full(labels: Sequence[Hashable], p: int) -> Any:
    """``F^labels`` in sparse form."""
    from combalg.linking.spaces import sort_labels

    labels = sort_labels(labels)
    u = sp.one(p)
    R = [{j: u} for j in range(len(labels))]
    return new(labels, p, SparseForm(len(labels), p, gens=R, R=R, piv=range(len(labels))))


def connectivity(V: Any, S: list) -> int:
    form = V._sp
    g = form.graph
    if g is not None:
        Sset = {V._index[x] for x in S}
        Q = [j for j in range(form.n) if j not in Sset]
        return g.rank(sorted(Sset)) + g.rank(Q) - g.rank()
    from combalg.linking.spaces import sort_labels

    T = sort_labels(S)
    return restrict(V, T).dim - contract(V, T).dim


# --------------------------------------------------------------------------
# composition and decomposition
def compose(V_SP: Any, V_PQ: Any, sign: int, Pl: tuple, out_labels: tuple, split: tuple) -> Any:
    """``V_SP ↔ V_PQ`` (sign +1) or ``⇌`` (sign -1), result sparse (see [`combalg.linking.compose`][combalg.linking.compose]).

    ``split`` is ``(S, pos1, pos2)``: the labels of ``V_SP`` outside ``P`` and the positions
    of the labels ``Pl`` in each space."""
    p = V_SP.p
    f1, f2 = _form(V_SP), _form(V_PQ)
    g1, g2 = f1.graph, f2.graph
    if g1 is not None and g2 is not None and g1.kind == g2.kind:
        out = _glue(V_SP, g1, g2, sign, out_labels, *split)
        if out is not None:
            return out
    k = len(Pl)
    i1, i2 = V_SP._index, V_PQ._index
    outpos = {x: k + j for j, x in enumerate(out_labels)}
    map1 = {i1[x]: t for t, x in enumerate(Pl)}
    map2 = {i2[x]: t for t, x in enumerate(Pl)}
    neg2 = set(map2) if sign == 1 else set()
    for x, j in outpos.items():
        if x in i1:
            map1[i1[x]] = j
        else:
            map2[i2[x]] = j
    rows = [{map1[j]: x for j, x in r.items()} for r in f1.spanning()]
    rows += [{map2[j]: (-x if j in neg2 else x) for j, x in r.items()} for r in f2.spanning()]
    R, piv = sp.rref(rows, p)
    out, opiv = [], []
    for r, pc in zip(R, piv):
        if pc >= k:
            out.append({j - k: x for j, x in r.items()})
            opiv.append(pc - k)
    return new(out_labels, p, SparseForm(len(out_labels), p, gens=out, R=out, piv=opiv))


def _glue(V1: Any, g1: GraphCertificate, g2: GraphCertificate, sign: int, out_labels: tuple,
          S: tuple, pos1: Sequence[int], pos2: Sequence[int]) -> Any | None:
    """The composition of two graph spaces as the space of the glued graph, or None if the
    shared edges (at ``pos1`` in the first space, ``pos2`` in the second) do not form one
    connected subgraph matched by a vertex renaming.  No label is looked up: the edges of
    the result are those of the first graph outside ``pos1`` (the labels ``S``), then of the
    second outside ``pos2``, merged into the order of ``out_labels``."""
    reverse = (sign == -1) if g1.kind == "cut" else (sign == 1)
    vmap: dict = {}
    back: dict = {}
    for a, b in zip(pos1, pos2):
        t2, h2 = (g2.heads[b], g2.tails[b]) if reverse else (g2.tails[b], g2.heads[b])
        for u, v in ((t2, g1.tails[a]), (h2, g1.heads[a])):
            if vmap.setdefault(u, v) != v or back.setdefault(v, u) != u:
                return None
    if pos1:
        verts = list(back)
        local = {v: t for t, v in enumerate(verts)}
        uf = forests.UnionFind(len(verts))
        r = 0
        for a in pos1:
            if uf.union(local[g1.tails[a]], local[g1.heads[a]]):
                r += 1
        if r != len(verts) - 1:
            return None  # G_P disconnected: the composition need not be a graph space
    n1 = g1.nverts
    ids = [vmap[u] if u in vmap else -1 for u in range(g2.nverts)]
    nxt = n1
    for u in range(g2.nverts):
        if ids[u] < 0:
            ids[u] = nxt
            nxt += 1
    t1, h1, t2, h2 = g1.tails, g1.heads, g2.tails, g2.heads
    shared1, shared2 = set(pos1), set(pos2)
    keep1 = [j for j in range(len(t1)) if j not in shared1]
    keep2 = [j for j in range(len(t2)) if j not in shared2]
    T1, H1 = [t1[j] for j in keep1], [h1[j] for j in keep1]
    T2, H2 = [ids[t2[j]] for j in keep2], [ids[h2[j]] for j in keep2]
    nS = len(S)
    if out_labels[:nS] == S:  # the first graph's edges sort first
        tails, heads = T1 + T2, H1 + H2
    elif out_labels[len(out_labels) - nS:] == S:
        tails, heads = T2 + T1, H2 + H1
    else:  # interleaved: follow the merged order
        first = set(S)
        it1, it2 = iter(zip(T1, H1)), iter(zip(T2, H2))
        ends = [next(it1) if x in first else next(it2) for x in out_labels]
        tails, heads = [e[0] for e in ends], [e[1] for e in ends]
    cert = GraphCertificate(g1.kind, nxt, tails, heads)
    return new(out_labels, V1.p, SparseForm(len(out_labels), V1.p, graph=cert))


def decompose(V: Any, S: tuple, Q: tuple, sign: int, Pl_names: Any, fresh: Any) -> tuple[Any, Any]:
    """The construction of [`combalg.linking.decompose`][combalg.linking.decompose] on sparse rows (same result)."""
    p = V.p
    VxS = contract(V, S)
    VxQ = contract(V, Q)
    idx = V._index
    W = [{idx[VxS.labels[j]]: x for j, x in r.items()} for r in _form(VxS).canonical()]
    nS = len(W)
    W += [{idx[VxQ.labels[j]]: x for j, x in r.items()} for r in _form(VxQ).canonical()]
    R = _form(V).canonical()
    piv = _form(V).piv
    # The rows of R completing W, chosen first-first (as the dense route does): W lies in V,
    # so each w is sum_t w[piv_t] R_t, and R_t is independent of W and the earlier R_s
    # exactly when no vector of span(W) has its last nonzero coordinate (in the
    # coordinates of the basis R) at t; those last positions are the pivots of the
    # coordinate rows taken with the columns in reverse order.
    d = len(piv)
    g = _form(V).graph
    if g is not None:
        taken = _taken_by_forests(g, piv, {idx[x] for x in S})
    else:
        taken = _taken_by_elimination(W, piv, p)
    C = [R[t] for t in range(d) if t not in taken]
    k = len(C)
    Pl = fresh(k, set(V.labels), Pl_names)
    u = sp.one(p)
    m1 = u if sign == 1 else -u
    posS = {idx[x]: t for t, x in enumerate(S)}
    posQ = {idx[x]: k + t for t, x in enumerate(Q)}
    rows_SP = [{posS[j]: x for j, x in w.items()} for w in W[:nS]]
    for i, c in enumerate(C):
        row = {posS[j]: x for j, x in c.items() if j in posS}
        row[len(S) + i] = u
        rows_SP.append(row)
    rows_PQ = []
    for i, c in enumerate(C):
        row = {posQ[j]: x for j, x in c.items() if j in posQ}
        row[i] = m1
        rows_PQ.append(row)
    rows_PQ += [{posQ[j]: x for j, x in w.items()} for w in W[nS:]]
    return from_generators(list(S) + Pl, rows_SP, p), from_generators(Pl + list(Q), rows_PQ, p)


def _taken_by_elimination(W: list[dict], piv: Sequence[int], p: int) -> set[int]:
    """The positions ``t`` (in ``piv``) of the canonical rows that ``span(W)`` already reaches
    (see [`decompose`][decompose]): the pivots of W's coordinates with the columns reversed."""
    d = len(piv)
    rev = {c: d - 1 - t for t, c in enumerate(piv)}
    coords = [{rev[j]: x for j, x in w.items() if j in rev} for w in W]
    return {d - 1 - c for c in sp.echelon_pivots(coords, p)}


def _taken_by_forests(g: GraphCertificate, piv: Sequence[int], S: set[int]) -> set[int]:
    """[`_taken_by_elimination`][_taken_by_elimination] for a graph space, by union-finds.

    W spans ``V×S ⊕ V×Q``.  A vector is determined by its coordinates, its entries on the
    pivot columns, so the positions wanted are the greedy basis, in decreasing pivot order,
    of the matroid of ``V×S ⊕ V×Q`` restricted to the pivot columns.  For a cut space that
    matroid is graphic, ``M(G/Q) ⊕ M(G/S)``: a greedy forest over the pivot edges of each
    side, from the last, with the other side contracted.  For a cycle space it is
    cographic, ``M*(G∖Q) ⊕ M*(G∖S)``; a greedy basis of ``M*(H)|X`` in one order is the
    complement in ``X`` of the greedy basis of its dual ``M(H)/(E(H)∖X)`` in the other order.
    """
    t, h, n = g.tails, g.heads, g.nverts
    m = len(t)
    pos = {c: i for i, c in enumerate(piv)}
    taken: set[int] = set()
    for side in (True, False):
        X = [c for c in piv if (c in S) == side]
        if g.kind == "cut":
            drop = [j for j in range(m) if (j in S) != side]  # contract the other side
            order = X[::-1]
        else:
            inX = set(X)
            drop = [j for j in range(m) if (j in S) == side and j not in inX]
            order = X
        # greedy over the contracted edges first, then over X: the X edges it keeps
        Xset = set(X)
        kept = {j for j in forests.greedy_forest(n, t, h, drop + order) if j in Xset}
        taken.update(pos[j] for j in (kept if g.kind == "cut" else Xset - kept))
    return taken


def to_domain_matrix(V: Any) -> Any:
    """The canonical RREF as a sympy sparse ``DomainMatrix`` over ``QQ`` or ``GF(p)``."""
    from sympy import GF, QQ
    from sympy.polys.matrices import DomainMatrix

    p = V.p
    K = QQ if p == 0 else GF(p)
    R = _form(V).canonical()
    u = sp.one(p)
    if isinstance(K.one, type(u)) and (p == 0 or K.one == u):
        rows = {i: dict(r) for i, r in enumerate(R)}  # the same element types: no conversion
    else:
        rows = {i: {j: K.convert(sp.py(x, p)) if p == 0 else K(int(x)) for j, x in r.items()} for i, r in enumerate(R)}
    return DomainMatrix(rows, (len(R), len(V.labels)), K)
