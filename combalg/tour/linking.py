"""Tour entries for the linking engine: each identity computed by two independent methods."""

from __future__ import annotations

import random

from combalg.tour import TourRow, timed

ENGINE = "linking"


def _random_space(rng, labels, field, rows):
    from combalg.linking import LabelledSpace

    return LabelledSpace([[rng.randint(-3, 3) for _ in labels] for _ in range(rows)], labels, field)


def _idt() -> TourRow:
    from combalg.linking import QQ, compose

    rng = random.Random(1)
    S = [f"s{i}" for i in range(6)]
    P = [f"p{i}" for i in range(4)]
    Q = [f"q{i}" for i in range(6)]

    def both():
        A = _random_space(rng, S + P, QQ, 5)
        B = _random_space(rng, P + Q, QQ, 5)
        return compose(A, B).perp(), compose(A.perp(), B.perp(), sign=-1)

    (left, right), s = timed(both)
    return TourRow(ENGINE, "implicit duality (V_SP ↔ V_PQ)^⊥ = V_SP^⊥ ⇌ V_PQ^⊥ over QQ", "|S|=|Q|=6, |P|=4",
                   f"dim {left.dim}", left == right, s)


def _brute() -> TourRow:
    from combalg.linking import GF, compose

    rng = random.Random(2)
    S, P, Q = ["s0", "s1"], ["p0", "p1"], ["q0", "q1"]

    def both():
        A = _random_space(rng, S + P, GF(3), 3)
        B = _random_space(rng, P + Q, GF(3), 3)
        C = compose(A, B)
        right: dict = {}
        for w in B.vectors():  # labels in canonical order p0, p1, q0, q1
            right.setdefault(w[:2], set()).add(w[2:])
        brute = set()
        for v in A.vectors():  # labels p0, p1, s0, s1
            for fq in right.get(v[:2], ()):
                brute.add(v[2:] + fq)
        got = {(v[2], v[3], v[0], v[1]) for v in C.vectors()}  # C's labels: q0, q1, s0, s1
        return got, brute

    (got, brute), s = timed(both)
    return TourRow(ENGINE, "V_SP ↔ V_PQ by elimination vs enumeration of all vectors", "GF(3), 2+2+2 labels",
                   f"{len(got)} vectors", got == brute, s)


def _decompose() -> TourRow:
    from combalg.linking import QQ, compose, decompose

    rng = random.Random(3)
    labels = [f"s{i}" for i in range(5)] + [f"q{i}" for i in range(5)]

    def both():
        V = _random_space(rng, labels, QQ, 6)
        S = labels[:5]
        A, B = decompose(V, S)
        return V, S, A, B, compose(A, B)

    (V, S, A, B, W), s = timed(both)
    k = len(set(A.labels) & set(B.labels))
    return TourRow(ENGINE, "minimum-overlap decomposition recomposes, |P| = lambda = r(V·S) - r(V×S)",
                   "10 labels over QQ", f"|P| = {k}", W == V and k == V.connectivity(S), s)


def _graphs() -> TourRow:
    import networkx as nx

    from combalg.linking import compose, cut_space, cycle_space, glue

    def both():
        G1 = nx.complete_graph(["x", "a", "b", "c"])
        G2 = nx.complete_graph(["y", "a", "b", "c"])
        T = [("a", "b"), ("a", "c"), ("b", "c")]
        G = glue(G1, G2, T)
        ok = cut_space(G) == compose(cut_space(G1), cut_space(G2))
        ok = ok and cycle_space(G) == compose(cycle_space(G1), cycle_space(G2), sign=-1)
        return G, ok

    (G, ok), s = timed(both)
    return TourRow(ENGINE, "K4 3-sum K4 = K_{2,3}: cut spaces compose (↔), cycle spaces (⇌)", "6 + 6 edges",
                   f"cut space dim {cut_space(G).dim}", ok, s)


def _union() -> TourRow:
    from combalg.linking import GF, LinearMatroid, nash_williams_rank, union

    rng = random.Random(4)
    E = list(range(9))

    def both():
        M1 = LinearMatroid([[rng.randint(0, 2) for _ in E] for _ in range(3)], E, GF(3))
        M2 = LinearMatroid([[rng.randint(0, 2) for _ in E] for _ in range(2)], E, GF(3))
        return union(M1, M2).rank(), nash_williams_rank([M1, M2], E)

    (a, b), s = timed(both)
    return TourRow(ENGINE, "matroid union rank: partition algorithm vs Nash-Williams formula", "9 elements, GF(3)",
                   f"rank {a}", a == b, s)


def _two_sum() -> TourRow:
    import networkx as nx

    from combalg.linking import GraphicMatroid, link, two_sum

    def both():
        G1 = nx.MultiGraph()
        G2 = nx.MultiGraph()
        for u, v, lab in [("a", "b", "p"), ("a", "x", "s0"), ("x", "b", "s1"), ("x", "z", "s2"), ("z", "b", "s3")]:
            G1.add_edge(u, v, label=lab)
        for u, v, lab in [("a", "b", "p"), ("a", "y", "q0"), ("y", "b", "q1"), ("a", "w", "q2"), ("w", "y", "q3")]:
            G2.add_edge(u, v, label=lab)
        M1, M2 = GraphicMatroid(G1), GraphicMatroid(G2)
        L, T = link(M1, M2), two_sum(M1, M2, "p")
        return L.rank(), L.equals(T)  # rank on every subset, union oracle vs 2-sum formula

    (r, ok), s = timed(both)
    return TourRow(ENGINE, "matroid linking (M1 ∨ M2)/p = 2-sum (|P| = 1)", "8 elements",
                   f"rank {r}", ok, s)


def _link_vs_graph() -> TourRow:
    import networkx as nx

    from combalg.linking import GraphicMatroid, glue, link

    def both():
        def g(apex, side):
            G = nx.MultiGraph()
            for i, v in enumerate("abc"):
                G.add_edge(apex, v, label=f"{side}{i}")
            for u, v, lab in [("a", "b", "t0"), ("b", "c", "t1"), ("a", "c", "t2")]:
                G.add_edge(u, v, label=lab)
            return G

        G1, G2 = g("x", "s"), g("y", "q")
        return link(GraphicMatroid(G1), GraphicMatroid(G2)).rank(), GraphicMatroid(glue(G1, G2, ["t0", "t1", "t2"])).rank()

    (a, b), s = timed(both)
    return TourRow(ENGINE, "|P| = 3: matroid linking is NOT the graph 3-sum (documented)", "K4, K4 on a triangle",
                   f"linking rank {a} vs K_{{2,3}} rank {b}", None, s)


def run() -> list[TourRow]:
    """All linking tour rows (a few seconds in total)."""
    return [_idt(), _brute(), _decompose(), _graphs(), _union(), _two_sum(), _link_vs_graph()]
