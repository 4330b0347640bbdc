"""Matroid partition for graphic matroids: disjoint forests covering as many edges as possible.

The rank of ``X`` in the union ``M(G_1) ∨ ... ∨ M(G_k)`` of graphic matroids
(one graph per matroid, the same edge labels) is the largest number of edges of
``X`` that can be split into forests ``F_i`` of ``G_i``.  This is Edmonds'
matroid partition algorithm specialised to forests, in the augmenting-path form
of Roskind and Tarjan:

* a greedy start (Kruskal into ``F_1``, then ``F_2``, ...);
* for each uncovered edge ``x``, a breadth-first search for a shortest
  augmenting path: an edge ``y`` reached in the search either joins two trees
  of some ``F_i`` (the path ends: ``y`` enters ``F_i``) or closes a cycle in
  ``F_i``, and then every edge of that cycle (the ``F_i``-path between the ends
  of ``y``, found by walking up the rooted trees) is reached from ``y``; edges
  reached before are jumped over with skip pointers (a union-find along the
  tree), so one search walks each forest edge once;
* an edge whose search fails stays uncovered for good (union rank is a matroid
  rank, so the greedy order is right), and every edge reached in a failed
  search is spanned in every forest by the edges reached, so later searches
  skip it (the forests change only by exchanges inside covered edges, which
  keep ``F_i ∩ L`` a basis of the failed set ``L`` in every ``G_i``).

The fundamental cycles come from the rooted forests (parent pointers and
depths), rebuilt after each augmentation, so no rank oracle is called.
[`combalg.linking.matroid_partition`][combalg.linking.matroid_partition] uses this route when every matroid
is a [`GraphicMatroid`][combalg.linking.GraphicMatroid], and the general oracle
algorithm otherwise.

References
----------
J. Edmonds, *Minimum partition of a matroid into independent subsets*,
J. Res. Nat. Bur. Standards 69B (1965) 67-72.
J. Roskind and R. E. Tarjan, *A note on finding minimum-cost edge-disjoint
spanning trees*, Math. Oper. Res. 10 (1985) 701-708.

Examples
--------
>>> import networkx as nx
>>> E = {i: e for i, e in enumerate(nx.complete_graph(4).edges())}
>>> parts = forest_partition([E, E], list(E))
>>> sum(map(len, parts))   # K4 is two edge-disjoint spanning trees
6
"""

from __future__ import annotations

from collections import deque
from typing import Hashable, Sequence

from combalg.linking.forests import UnionFind

__all__ = ["forest_partition"]


class _Forest:
    """One forest F_i of graph G_i on vertices ``range(n)``: its edges, adjacency, and a rooted
    structure (parent, parent edge, depth, root of each vertex) kept up to date by local
    re-rooting when an edge is exchanged or added (the part re-rooted is the subtree cut off,
    or the smaller tree), with a full rebuild as the fallback."""

    def __init__(self, n: int, ends: dict) -> None:
        self.ends = ends  # label -> (u, v) vertex ids
        self.n = n
        self.edges: set = set()
        self.adj: list[dict] = [dict() for _ in range(n)]
        self.parent = [-1] * n
        self.pedge: list = [None] * n
        self.depth = [0] * n
        self.root = list(range(n))
        self.size = [1] * n  # indexed by root

    def rebuild(self) -> None:
        n = self.n
        adj = [dict() for _ in range(n)]
        for e in self.edges:
            u, v = self.ends[e]
            adj[u][v] = e
            adj[v][u] = e
        self.adj = adj
        self.parent = [-1] * n
        self.pedge = [None] * n
        self.depth = [-1] * n
        self.root = list(range(n))
        self.size = [1] * n
        for r in range(n):
            if self.depth[r] < 0:
                self.depth[r] = 0
                self.size[r] = self._hang(r, r)

    def _hang(self, b: int, r: int) -> int:
        """Re-root the tree of ``b`` (given by ``adj``) at ``b``: depths from ``depth[b]``,
        root ``r``; returns the number of vertices visited."""
        parent, pedge, depth, root, adj = self.parent, self.pedge, self.depth, self.root, self.adj
        root[b] = r
        stack = [b]
        seen = 1
        while stack:
            a = stack.pop()
            da = depth[a] + 1
            pa = parent[a]
            for w, e in adj[a].items():
                if w != pa:
                    parent[w] = a
                    pedge[w] = e
                    depth[w] = da
                    root[w] = r
                    stack.append(w)
                    seen += 1
        return seen

    def link(self, y: Hashable) -> None:
        """Add ``y``, which joins two trees."""
        u, v = self.ends[y]
        ru, rv = self.root[u], self.root[v]
        if self.size[ru] < self.size[rv]:
            u, v, ru, rv = v, u, rv, ru
        # hang v's tree below u
        self.adj[u][v] = y
        self.adj[v][u] = y
        self.parent[v] = u
        self.pedge[v] = y
        self.depth[v] = self.depth[u] + 1
        self._hang(v, ru)
        self.size[ru] += self.size[rv]
        self.edges.add(y)

    def swap(self, y: Hashable, z: Hashable) -> bool:
        """Replace ``z`` by ``y`` (``z`` on the forest path between the ends of ``y``);
        False if that does not hold (the caller then rebuilds)."""
        a, b = self.ends[z]
        c = b if self.parent[b] == a and self.pedge[b] == z else a
        if self.pedge[c] != z:
            return False
        # the subtree below c
        sub = {c}
        stack = [c]
        parent = self.parent
        while stack:
            x = stack.pop()
            for w in self.adj[x]:
                if w != parent[x]:
                    sub.add(w)
                    stack.append(w)
        p, q = self.ends[y]
        if (p in sub) == (q in sub):
            return False
        if q in sub:
            p, q = q, p  # p in the subtree, q outside
        other = parent[c]
        del self.adj[c][other]
        del self.adj[other][c]
        self.edges.discard(z)
        self.adj[p][q] = y
        self.adj[q][p] = y
        self.parent[p] = q
        self.pedge[p] = y
        self.depth[p] = self.depth[q] + 1
        self._hang(p, self.root[q])
        self.edges.add(y)
        return True

    def joins(self, u: int, v: int) -> bool:
        """Whether an edge u-v would join two trees."""
        return self.root[u] != self.root[v]

    def path(self, u: int, v: int) -> list:
        """The forest edges on the path between u and v (same tree)."""
        depth, parent, pedge = self.depth, self.parent, self.pedge
        out = []
        while u != v:
            if depth[u] >= depth[v]:
                out.append(pedge[u])
                u = parent[u]
            else:
                out.append(pedge[v])
                v = parent[v]
        return out


def _find(skip: dict, v: int) -> int:
    """The top of the run of skipped forest edges above ``v`` (with path halving)."""
    while v in skip:
        w = skip[v]
        if w in skip:
            skip[v] = skip[w]
        v = w
    return v


def forest_partition(ends: Sequence[dict], X: Sequence[Hashable]) -> list[set]:
    """Disjoint forests ``F_i`` of the graphs ``ends[i]`` (label -> (u, v)) covering a maximum
    number of the edges ``X`` (processed in the given order).  Labels missing from
    ``ends[i]`` are loops of ``G_i``.

    >>> (F,) = forest_partition([{"a": (0, 1), "b": (0, 1), "c": (1, 2)}], ["a", "b", "c"])
    >>> sorted(F)
    ['a', 'c']
    """
    k = len(ends)
    # vertex ids per graph
    idends: list[dict] = []
    sizes = []
    for i in range(k):
        ids: dict = {}
        E = {}
        for lab, (u, v) in ends[i].items():
            for w in (u, v):
                if w not in ids:
                    ids[w] = len(ids)
            E[lab] = (ids[u], ids[v])
        idends.append(E)
        sizes.append(len(ids))
    F = [_Forest(sizes[i], idends[i]) for i in range(k)]
    owner: dict = {}
    uncovered = []
    for x in X:  # greedy start
        for i in range(k):
            e = idends[i].get(x)
            if e is not None and e[0] != e[1] and F[i].joins(e[0], e[1]):
                F[i].link(x)
                owner[x] = i
                break
        else:
            uncovered.append(x)
    dead: set = set()
    for x in uncovered:
        if x in dead:
            continue
        pred: dict = {x: None}
        skips: list[dict] = [{} for _ in range(k)]
        queue = deque([x])
        found = None
        while queue and found is None:
            y = queue.popleft()
            oy = owner.get(y)
            for i in range(k):
                if oy == i:
                    continue
                e = idends[i].get(y)
                if e is None or e[0] == e[1]:
                    continue
                f = F[i]
                if f.joins(e[0], e[1]):
                    found = (y, i)
                    break
                # walk the forest path between the ends of y; edges already reached (or
                # dead) are jumped over by the skip pointers, so each forest edge is
                # walked once per search
                skip = skips[i]
                depth, parent, pedge = f.depth, f.parent, f.pedge
                u, v = e
                while True:
                    u = _find(skip, u)
                    v = _find(skip, v)
                    if u == v:
                        break
                    if depth[u] < depth[v]:
                        u, v = v, u
                    z = pedge[u]
                    if z not in pred and z not in dead:
                        pred[z] = (y, i)
                        queue.append(z)
                    skip[u] = parent[u]
                    u = parent[u]
        if found is None:
            dead.update(pred)
            continue
        # the exchanges: cur enters F[target]; in the forest it leaves, its predecessor enters
        cur, target = found
        steps = []
        while True:
            steps.append((cur, target, owner.get(cur)))
            if pred[cur] is None:
                break
            cur, target = pred[cur]
        broken: set = set()
        first, ftarget, _ = steps[0]
        F[ftarget].link(first)  # it joins two trees of F[ftarget]
        owner[first] = ftarget
        for (z, _, zold), (y, ytarget, _) in zip(steps, steps[1:]):
            # y enters F[ytarget] == F[zold] in place of z
            f = F[ytarget]
            if ytarget in broken or not f.swap(y, z):
                f.edges.discard(z)
                f.edges.add(y)
                broken.add(ytarget)
            owner[y] = ytarget
        for i in broken:
            F[i].rebuild()
    return [f.edges for f in F]
