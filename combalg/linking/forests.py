"""Spanning forests of edge lists: graphic ranks, fundamental cuts and cycles.

An oriented graph is given here by two lists ``tails`` and ``heads`` of vertex
indices in ``range(nverts)``, one entry per edge (a loop has ``tail == head``).
Everything is near-linear: a union-find for ranks and forests, and for the
fundamental cycles one walk per non-forest edge along the forest path.

**Canonical bases.** For the edges in the order ``0, 1, ...``, the pivot
columns of the reduced row echelon form (RREF) of the cut space are the
greedy (Kruskal) forest ``T`` in that order, and its rows are the fundamental
cuts of ``T``: the cut vector with 1 on a forest edge and 0 on the other
forest edges.  The pivots of the RREF of the cycle space are the edges
outside the greedy forest ``T'`` for the *reversed* order, and its rows are
the fundamental cycles of ``T'``.  (Greedy: a non-forest edge closes a cycle
of earlier forest edges, so every nonzero entry of a fundamental cut lies
after its pivot; symmetrically for ``T'``.)  So both canonical forms come
from a forest without any elimination.

Signs: the cut space is spanned by the incidence rows (+1 at the tail, -1 at
the head of each edge).  The fundamental cycle of ``f`` has +1 at ``f`` and
+1/-1 on each forest edge traversed with/against its orientation when the
cycle runs along ``f`` from its tail to its head and back through the forest;
the fundamental cut of a forest edge ``e`` has -c at ``f`` where ``c`` is the
entry of ``e`` in the fundamental cycle of ``f``.

Examples
--------
>>> tails, heads = [0, 1, 0], [1, 2, 2]          # a triangle 0->1->2, 0->2
>>> rank(3, tails, heads)
2
>>> greedy_forest(3, tails, heads)
[0, 1]
>>> fundamental_cycles(3, tails, heads, [0, 1])
{2: [(1, -1), (0, -1)]}
"""

from __future__ import annotations

from typing import Iterable, Sequence

__all__ = [
    "UnionFind",
    "rank",
    "components",
    "greedy_forest",
    "fundamental_cycles",
    "fundamental_cuts",
]


class UnionFind:
    """Disjoint sets on ``range(n)`` (path halving, union by size)."""

    __slots__ = ("parent", "size")

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.size = [1] * n

    def find(self, v: int) -> int:
        parent = self.parent
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    def union(self, a: int, b: int) -> bool:
        """Merge the sets of ``a`` and ``b``; False if they were already one set."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        return True


def rank(nverts: int, tails: Sequence[int], heads: Sequence[int], edges: Iterable[int] | None = None) -> int:
    """Graphic rank of an edge set: its number of vertices minus its number of components.

    >>> rank(4, [0, 1, 2, 3], [1, 2, 3, 0], [0, 1, 2])
    3
    """
    return len(greedy_forest(nverts, tails, heads, edges))


def components(nverts: int, tails: Sequence[int], heads: Sequence[int]) -> int:
    """Number of connected components (isolated vertices count).

    >>> components(4, [0], [1])
    3
    """
    return nverts - rank(nverts, tails, heads)


def greedy_forest(nverts: int, tails: Sequence[int], heads: Sequence[int], order: Iterable[int] | None = None) -> list[int]:
    """The edges kept by Kruskal's greedy rule in the given order (default ``0, 1, ...``).

    >>> greedy_forest(3, [0, 1, 0], [1, 2, 2], order=[2, 1, 0])
    [2, 1]
    """
    parent = list(range(nverts))
    out = []
    it = range(len(tails)) if order is None else order
    for j in it:  # the union-find inlined (this loop runs once per edge of a network)
        a = tails[j]
        while parent[a] != a:
            parent[a] = a = parent[parent[a]]
        b = heads[j]
        while parent[b] != b:
            parent[b] = b = parent[parent[b]]
        if a != b:
            parent[a] = b
            out.append(j)
    return out


def _complement(m: int, edges: Iterable[int]) -> list[int]:
    """The edges ``0, ..., m - 1`` not in ``edges``, in increasing order.

    >>> _complement(5, [3, 0])
    [1, 2, 4]
    """
    import numpy as np

    keep = np.ones(m, dtype=bool)
    keep[np.fromiter(edges, dtype=np.int64)] = False
    return np.flatnonzero(keep).tolist()


def _rooted(nverts: int, tails: Sequence[int], heads: Sequence[int], forest: Sequence[int]):
    """Parent vertex, parent edge and depth of every vertex for a forest (roots: parent -1)."""
    adj: list[list] = [[] for _ in range(nverts)]
    for e in forest:
        t, h = tails[e], heads[e]
        adj[t].append((h, e))
        adj[h].append((t, e))
    parent = [-1] * nverts
    pedge = [-1] * nverts
    depth = [-1] * nverts
    for r in range(nverts):
        if depth[r] >= 0:
            continue
        depth[r] = 0
        stack = [r]
        while stack:
            v = stack.pop()
            dv = depth[v] + 1
            for w, e in adj[v]:
                if depth[w] < 0:
                    depth[w] = dv
                    parent[w] = v
                    pedge[w] = e
                    stack.append(w)
    return parent, pedge, depth


def fundamental_cycles(nverts: int, tails: Sequence[int], heads: Sequence[int], forest: Sequence[int],
                       edges: Iterable[int] | None = None) -> dict[int, list[tuple[int, int]]]:
    """For each edge ``f`` outside ``forest`` (or each of ``edges``): the forest edges of its
    fundamental cycle with their signs ``(e, ±1)`` (the entry at ``f`` itself is +1).

    Loops have an empty list.  ``forest`` must be a spanning forest (maximal).
    """
    parent, pedge, depth = _rooted(nverts, tails, heads, forest)
    fset = set(forest)
    it = (j for j in range(len(tails)) if j not in fset) if edges is None else edges
    out: dict = {}
    for f in it:
        # the cycle: tail_f -> head_f along f, then head_f -> tail_f through the forest
        a, b = heads[f], tails[f]
        up: list = []    # from a upwards (walking from head_f towards the meeting point)
        down: list = []  # from b upwards (to be walked downwards afterwards)
        while a != b:
            if depth[a] >= depth[b]:
                e = pedge[a]
                # walking from a to parent[a]: along e iff tails[e] == a
                up.append((e, 1 if tails[e] == a else -1))
                a = parent[a]
            else:
                e = pedge[b]
                # walked later from parent[b] to b: along e iff heads[e] == b
                down.append((e, 1 if heads[e] == b else -1))
                b = parent[b]
            if a < 0 or b < 0:
                raise ValueError("fundamental_cycles: the forest is not spanning")
        up.extend(reversed(down))
        out[f] = up
    return out


def fundamental_cuts(nverts: int, tails: Sequence[int], heads: Sequence[int], forest: Sequence[int],
                     cycles: dict | None = None) -> dict[int, list[tuple[int, int]]]:
    """For each forest edge ``e``: the non-forest edges of its fundamental cut with their
    signs ``(f, ±1)`` (the entry at ``e`` itself is +1).

    >>> fundamental_cuts(3, [0, 1, 0], [1, 2, 2], [0, 1])
    {0: [(2, 1)], 1: [(2, 1)]}
    """
    if cycles is None:
        cycles = fundamental_cycles(nverts, tails, heads, forest)
    out: dict = {e: [] for e in forest}
    for f in sorted(cycles):
        for e, s in cycles[f]:
            out[e].append((f, -s))
    return out
