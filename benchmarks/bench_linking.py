"""Linking: composition of rational spaces and matroid union rank.

* ``compose`` of two seeded random rational spaces on 60 labels in all
  (|S| = |P| = |Q| = 20, each space of dimension 15 on 40 labels), with integer
  and with fractional entries.  The target baseline is "the same steps in
  sympy": the steps of the composition algorithm in the spec (section 2(a) of
  spec/linking.md) done with sympy matrices -- the null space of
  ``[B1_P^T | -B2_P^T]``, the products ``(x B1_S, y B2_Q)``, their RREF.
  combalg gets the same space by a different route (one fraction-free solve,
  see ``combalg.linking.composition``), so a second row compares it with the
  fastest sympy route we found, one RREF of the stacked rows (stack
  ``[B1_P, B1_S, 0]`` and ``[-B2_P, 0, B2_Q]``, RREF with the shared columns
  first, keep the rows with pivot outside P); that row is context, and the
  stricter of the two figures.  Every result is compared exactly with combalg's.
* Fairness: both sides start from built objects.  combalg composes spaces
  built beforehand (a space keeps its rows as a FLINT integer matrix after
  first use; the note gives the first call on fresh spaces too), and sympy
  starts from sympy matrices of the generating rows built beforehand.  Wall
  time is the best of several runs; the note repeats the comparison in CPU
  time (best of 10), which a loaded machine disturbs less.
* A larger case (each space on 60 labels, 90 in all) and sympy without
  python-flint ground types are printed as context.
* network scale (:func:`network_benchmarks`): on 10-wide grid graphs and random
  graphs of average degree 4 with about 2 000, 20 000 and 100 000 edges, over
  QQ and GF(2): ``cut_space``, ``cycle_space`` and ``perp`` (each followed by
  the canonical sparse basis, so that the work compares with a basis from
  sympy), ``min_overlap`` of half the edges, ``decompose`` on that split,
  ``compose`` of two graph spaces glued along 100 shared edges, and the
  graphic-matroid union rank of two copies of the graph.  Baselines: sympy's
  sparse ``DomainMatrix`` (SDM) RREF, null space or ranks of the same signed
  incidence matrix, in the same run (built outside sympy's timing); for the union
  rank the general oracle algorithm.  Results are compared (dimensions, pivots,
  lambda).  Two context rows put ``cut_space`` next to sympy's whole route from
  the graph (its incidence matrix built directly from networkx, independently of
  combalg, then the RREF) and next to networkx alone listing and sorting the
  edges, the least any route from the graph does.  Times are the best of 3 runs
  on both sides up to 20 000 edges (one run at 100 000); the first call of
  ``cut_space`` (which imports numpy in a fresh process) is in its note, and the
  glued compose is timed on its first call, since later calls on the same two
  spaces reuse their label split.
* matroid union rank of two linear matroids over QQ on 40 elements, rank 10,
  twenty rank queries by the matroid partition algorithm; the baseline is the
  Nash-Williams formula (exponential) on a 14-element subset, the largest it
  handles in a few seconds.
"""

from __future__ import annotations

import random
from fractions import Fraction

from benchmarks.runner import Benchmark, measure


def _space_rows(rng: random.Random, rows: int, cols: int, kind: str) -> list[list]:
    if kind == "int":
        return [[rng.randint(-9, 9) for _ in range(cols)] for _ in range(rows)]
    return [[Fraction(rng.randint(-9, 9), rng.randint(1, 5)) for _ in range(cols)] for _ in range(rows)]


def _sympy_matrix(rows: list[list]):
    """A sympy matrix of exact rationals (built outside the timed region)."""
    import sympy

    return sympy.Matrix([[sympy.Rational(Fraction(x).numerator, Fraction(x).denominator) for x in r] for r in rows])


def _sympy_stacked_rref(M1, M2, nS: int, nP: int, nQ: int):
    """One RREF of the stacked rows: ``[B1_P, 0, B1_S]`` and ``[-B2_P, B2_Q, 0]`` (columns P,
    then Q, then S, combalg's canonical order), keeping the rows whose pivot is outside P."""
    import sympy

    top = M1[:, :nP].row_join(sympy.zeros(M1.rows, nQ)).row_join(M1[:, nP:])
    bottom = (-M2[:, :nP]).row_join(M2[:, nP:]).row_join(sympy.zeros(M2.rows, nS))
    R, piv = top.col_join(bottom).rref()
    keep = [i for i, pc in enumerate(piv) if pc >= nP]
    return R.extract(keep, list(range(nP, nP + nS + nQ)))


def _sympy_spec_steps(M1, M2, nS: int, nP: int, nQ: int):
    """The spec's steps (section 2(a)): null space Z of ``[B1_P^T | -B2_P^T]``, the rows
    ``(y B2_Q, x B1_S)`` for ``z = (x, y)`` in Z (columns Q then S), their RREF."""
    import sympy

    Z = M1[:, :nP].T.row_join(-M2[:, :nP].T).nullspace()
    if not Z:
        return sympy.zeros(0, nS + nQ)
    m1 = M1.rows
    rows = [(z[m1:, :].T * M2[:, nP:]).row_join(z[:m1, :].T * M1[:, nP:]) for z in Z]
    R, piv = sympy.Matrix.vstack(*rows).rref()
    return R[:len(piv), :]


def _cpu(fn, repeat: int) -> float:
    """Best process (CPU) time of ``repeat`` runs: less sensitive than wall time to a loaded machine."""
    import time

    best = float("inf")
    for _ in range(max(1, repeat)):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def _same(R, got: list[list]) -> bool:
    return R.shape[0] == len(got) and all(
        Fraction(int(R[i, j].p), int(R[i, j].q)) == got[i][j] for i in range(len(got)) for j in range(len(got[0]))
    )


def _instance(nS: int, nP: int, nQ: int, d1: int, d2: int, kind: str, seed: int):
    from combalg.linking import LabelledSpace

    rng = random.Random(seed)
    B1 = _space_rows(rng, d1, nP + nS, kind)
    B2 = _space_rows(rng, d2, nP + nQ, kind)
    P = [f"p{i:02d}" for i in range(nP)]
    A = LabelledSpace(B1, P + [f"s{i:02d}" for i in range(nS)])
    B = LabelledSpace(B2, P + [f"q{i:02d}" for i in range(nQ)])
    return B1, B2, A, B


_SYMPY_ROUTES = {
    "spec": (_sympy_spec_steps, "sympy: spec 2(a) steps (same steps)", ">= 50x faster than sympy"),
    "stacked": (_sympy_stacked_rref, "sympy: one stacked RREF (fastest found)", "context (stricter)"),
}


def _compose_bench(nS: int, nP: int, nQ: int, d1: int, d2: int, kind: str, seed: int, route: str) -> Benchmark:
    from combalg.linking import compose

    B1, B2, A, B = _instance(nS, nP, nQ, d1, d2, kind, seed)
    _, t_cold = measure(lambda: compose(A, B))  # first call: includes turning the rows into FLINT matrices
    C, t = measure(lambda: compose(A, B), repeat=20)
    cpu = _cpu(lambda: compose(A, B), repeat=10)
    steps, baseline, target = _SYMPY_ROUTES[route]
    M1, M2 = _sympy_matrix(B1), _sympy_matrix(B2)
    R, t_sympy = measure(lambda: steps(M1, M2, nS, nP, nQ), repeat=3)
    cpu_sympy = _cpu(lambda: steps(M1, M2, nS, nP, nQ), repeat=10)
    if not _same(R, [list(r) for r in C.rows]):  # canonical order: q.., s..
        raise AssertionError(f"compose: combalg and {baseline} disagree")
    entries = "integers in [-9, 9]" if kind == "int" else "fractions a/b, |a| <= 9, b <= 5"
    return Benchmark(
        name=f"compose QQ, |S|={nS} |P|={nP} |Q|={nQ}, dims {d1}+{d2}",
        combalg_seconds=t,
        baseline=baseline,
        baseline_seconds=t_sympy,
        target=target,
        note=(f"{nS + nP + nQ} labels; random {entries}; result dim {C.dim}; results equal; "
              f"CPU time {1e3 * cpu:.2f} ms vs {1e3 * cpu_sympy:.1f} ms ({cpu_sympy / cpu:.0f}x); "
              f"first call on fresh spaces {1e3 * t_cold:.2f} ms"),
    )


def _sympy_python_ground_types_seconds(nS: int, nP: int, nQ: int, d1: int, d2: int, kind: str, seed: int) -> float | None:
    """Time the stacked RREF in a subprocess with SYMPY_GROUND_TYPES=python (sympy without FLINT)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import random, time\n"
        "from benchmarks.bench_linking import _space_rows, _sympy_matrix, _sympy_stacked_rref\n"
        f"rng = random.Random({seed})\n"
        f"B1 = _space_rows(rng, {d1}, {nP + nS}, {kind!r}); B2 = _space_rows(rng, {d2}, {nP + nQ}, {kind!r})\n"
        "M1, M2 = _sympy_matrix(B1), _sympy_matrix(B2)\n"
        "best = 1e9\n"
        "for _ in range(3):\n"
        "    t = time.perf_counter()\n"
        f"    _sympy_stacked_rref(M1, M2, {nS}, {nP}, {nQ})\n"
        "    best = min(best, time.perf_counter() - t)\n"
        "print(best)\n"
    )
    env = dict(os.environ, SYMPY_GROUND_TYPES="python")
    root = Path(__file__).resolve().parent.parent
    try:
        out = subprocess.run([sys.executable, "-c", code], env=env, cwd=root, capture_output=True, text=True,
                             timeout=300, check=True)
        return float(out.stdout.strip().splitlines()[-1])
    except (subprocess.SubprocessError, ValueError, IndexError):
        return None


def _compose_pure_sympy_bench(nS: int, nP: int, nQ: int, d1: int, d2: int, kind: str, seed: int) -> Benchmark:
    from combalg.linking import compose

    _, _, A, B = _instance(nS, nP, nQ, d1, d2, kind, seed)
    _, t = measure(lambda: compose(A, B), repeat=20)
    return Benchmark(
        name=f"compose QQ, |S|={nS} |P|={nP} |Q|={nQ}, dims {d1}+{d2} (sympy without FLINT)",
        combalg_seconds=t,
        baseline="sympy stacked RREF, SYMPY_GROUND_TYPES=python",
        baseline_seconds=_sympy_python_ground_types_seconds(nS, nP, nQ, d1, d2, kind, seed),
        target="context",
        note="same instance as the first rows; sympy in a subprocess without python-flint ground types",
    )


def _union_bench() -> Benchmark:
    from combalg.linking import LinearMatroid, nash_williams_rank, union

    rng = random.Random(40)
    E = list(range(40))
    M1 = LinearMatroid([[rng.randint(-5, 5) for _ in E] for _ in range(10)], E)
    M2 = LinearMatroid([[rng.choice([0, 0, 1, -1, 2]) for _ in E] for _ in range(10)], E)
    queries = [rng.sample(E, rng.randint(15, 40)) for _ in range(20)]

    def run():
        U = union(M1, M2)  # fresh: no cached ranks
        return [U.rank(X) for X in queries]

    ranks, t = measure(run)
    small = queries[0][:14]
    nw, t_nw = measure(lambda: nash_williams_rank([M1, M2], small))
    if nw != union(M1, M2).rank(small):
        raise AssertionError("union rank: partition algorithm and Nash-Williams disagree")
    return Benchmark(
        name="matroid union rank, 2 linear matroids (40 elements, rank 10), 20 queries",
        combalg_seconds=t,
        baseline="Nash-Williams formula (brute force)",
        baseline_seconds=t_nw,
        target="< 0.5 s for all 20 queries",
        note=f"baseline: ONE query on 14 elements (2^14 subsets); ranks {sorted(set(ranks))}",
    )


def benchmarks() -> list[Benchmark]:
    """compose (QQ, 60 labels) vs sympy; union rank (40 elements) vs Nash-Williams; network scale."""
    return _small_benchmarks() + network_benchmarks()


def _small_benchmarks() -> list[Benchmark]:
    return [
        _compose_bench(20, 20, 20, 15, 15, "int", seed=60, route="spec"),
        _compose_bench(20, 20, 20, 15, 15, "int", seed=60, route="stacked"),
        _compose_bench(20, 20, 20, 15, 15, "frac", seed=61, route="spec"),
        _compose_bench(20, 20, 20, 15, 15, "frac", seed=61, route="stacked"),
        _compose_bench(30, 30, 30, 35, 35, "frac", seed=62, route="stacked"),
        _compose_pure_sympy_bench(20, 20, 20, 15, 15, "int", seed=60),
        _union_bench(),
    ]


# ---------------------------------------------------------------- network scale
#: sympy baselines are skipped on instances with more edges than this (they take minutes)
SYMPY_MAX_EDGES = 25_000


def _grid(length: int):
    import networkx as nx

    return nx.grid_2d_graph(10, length), f"grid 10x{length}"


def _random_graph(n: int, seed: int = 1):
    import networkx as nx

    return nx.gnm_random_graph(n, 2 * n, seed=seed), f"random n={n} deg 4"


def _incidence_sdm(G, labels: tuple, p: int):
    """The signed incidence matrix of G as a sympy sparse DomainMatrix, columns in ``labels`` order."""
    from sympy import GF, QQ
    from sympy.polys.matrices import DomainMatrix

    from combalg.linking import edge_records

    K = QQ if p == 0 else GF(p)
    rec = edge_records(G)
    verts = {v: i for i, v in enumerate(G.nodes())}
    one, mone = K.one, -K.one
    rows: dict = {}
    for j, lab in enumerate(labels):
        t, h, _ = rec[lab]
        if t != h:
            rows.setdefault(verts[t], {})[j] = one
            rows.setdefault(verts[h], {})[j] = mone
    return DomainMatrix(rows, (len(verts), len(labels)), K)


def _cols(M, cols: list):
    """The columns ``cols`` of a sparse DomainMatrix (in that order), still sparse."""
    from sympy.polys.matrices import DomainMatrix

    pos = {j: t for t, j in enumerate(cols)}
    rows = {}
    for i, r in M.rep.to_sdm().items():
        s = {pos[j]: x for j, x in r.items() if j in pos}
        if s:
            rows[i] = s
    return DomainMatrix(rows, (M.shape[0], len(cols)), M.domain)


def _glued_pair(G, shared: int = 100):
    """Two copies of G glued along ``shared`` edges of a BFS tree (a connected subgraph)."""
    import networkx as nx

    from combalg.linking.spaces import label_key

    root = min(G.nodes(), key=label_key)
    P = []
    for u, v in nx.bfs_edges(G, root):
        P.append((u, v))
        if len(P) == shared:
            break
    Pset = {frozenset(e) for e in P}
    WP = {x for e in P for x in e}
    G1, G2 = nx.MultiGraph(), nx.MultiGraph()
    Plabels = []
    for u, v in G.edges():
        if frozenset((u, v)) in Pset:
            Plabels.append(("p", u, v))
            G1.add_edge(u, v, label=("p", u, v), tail=u)
            G2.add_edge(u, v, label=("p", u, v), tail=u)
        else:
            G1.add_edge(u, v, label=("a", u, v), tail=u)
            a = u if u in WP else ("b", u)
            b = v if v in WP else ("b", v)
            G2.add_edge(a, b, label=("b", u, v), tail=a)
    return G1, G2, Plabels


#: runs per measurement (best taken) at each size; the 100k-edge rows run once
_REPEAT = {"2k": 3, "20k": 3, "100k": 1}


def _timed(fn, repeat: int = 1):
    """Best of ``repeat`` runs with the garbage collector paused (as ``timeit`` does), for both
    sides: the large sparse structures of these runs otherwise make collections dominate."""
    import gc

    gc.collect()
    gc.disable()
    try:
        return measure(fn, repeat=repeat)
    finally:
        gc.enable()


def _sympy_incidence_from_graph(G, p: int):
    """sympy's whole route from the graph: the signed incidence matrix of a simple graph with
    integer or integer-tuple vertices (edges oriented and ordered as combalg's labels: the
    natural order), built directly from networkx, then its SDM RREF; returns the edge order
    and the RREF.  Independent of combalg."""
    from sympy import GF, QQ
    from sympy.polys.matrices import DomainMatrix

    K = QQ if p == 0 else GF(p)
    edges = sorted((u, v) if u <= v else (v, u) for u, v in G.edges())
    idx = {v: i for i, v in enumerate(G)}
    one, mone = K.one, -K.one
    rows: dict = {}
    for j, (u, v) in enumerate(edges):
        if u != v:
            rows.setdefault(idx[u], {})[j] = one
            rows.setdefault(idx[v], {})[j] = mone
    return edges, DomainMatrix(rows, (len(idx), len(edges)), K).rref()


def _network_rows(G, name: str, p: int, sympy: bool, basis: bool, decomp: bool, union: bool,
                  repeat: int = 1) -> list[Benchmark]:
    from combalg.linking import (GraphicMatroid, RankMatroid, compose, cut_space, cycle_space, decompose,
                                 matroid_partition, min_overlap, union_rank)

    field = "QQ" if p == 0 else f"GF({p})"
    m = G.number_of_edges()
    tag = f"{name} ({m} edges) {field}"
    skip = "sympy skipped at this size (minutes per call)"
    out = []

    def timed(fn):
        return _timed(fn, repeat)

    def maybe(fn):
        return timed(fn) if sympy else (None, None)

    def build_cut():
        C = cut_space(G, field)
        C.pivots  # the pivot columns (those of sympy's RREF) and the dimension
        return C

    _, t_first = _timed(build_cut)
    C, t_cut = timed(build_cut)
    labels = C.labels
    M = _incidence_sdm(G, labels, p)
    R, t_s = maybe(lambda: M.rref())
    if R is not None and tuple(R[1]) != tuple(C._pivots):
        raise AssertionError(f"{tag}: cut space pivots differ from sympy")
    out.append(Benchmark(f"{tag}: cut_space (pivots, dim)", t_cut, "sympy SDM rref of the incidence matrix",
                         t_s, "< 1 s at 20k edges, < 10 s at 100k; >= 10x sympy",
                         f"dim {C.dim}; first call {t_first:.4f} s"
                         + ("; pivots equal" if R is not None else "; " + skip)))
    if sympy:
        # the same comparison end to end: sympy's route also has to read the graph
        (edges, R2), t_e2e = timed(lambda: _sympy_incidence_from_graph(G, p))
        if list(edges) != list(labels) or tuple(R2[1]) != tuple(C._pivots):
            raise AssertionError(f"{tag}: sympy's end-to-end route disagrees")
        out.append(Benchmark(f"{tag}: cut_space (pivots, dim), end to end", t_cut,
                             "sympy: incidence matrix built from the graph, then SDM rref", t_e2e, "context",
                             "both sides start from the networkx graph; pivots equal"))
        _, t_read = timed(lambda: sorted(G.edges()))
        out.append(Benchmark(f"{tag}: cut_space (pivots, dim), next to reading the graph", t_cut,
                             "networkx alone: sorted(G.edges())", t_read, "context",
                             "the least any route from the graph does: list and order the edges"))
    if basis:
        B, t_canon = timed(lambda: C.to_domain_matrix())
        if R is not None and B != R[0].to_sparse()[: B.shape[0], :]:
            raise AssertionError(f"{tag}: canonical cut basis differs from sympy's RREF")
        out.append(Benchmark(f"{tag}: canonical basis of the cut space (fundamental cuts)", t_canon,
                             "sympy SDM rref of the incidence matrix", t_s, "context",
                             f"{B.rep.nnz()} nonzeros, as a sympy DomainMatrix; computed on demand"
                             + ("; equal to sympy's RREF" if R is not None else "; " + skip)))

    def build_cycle():
        Z = cycle_space(G, field)
        Z.pivots
        return Z

    Z, t_cyc = timed(build_cycle)
    if p == 0:
        N, t_n = maybe(lambda: M.nullspace())
        base = "sympy SDM nullspace of the incidence matrix"
    else:
        N, t_n = maybe(lambda: M.rref())
        base = "sympy SDM rref of the incidence matrix (its nullspace over GF(2) is far slower)"
    if N is not None and p == 0 and N.shape[0] != Z.dim:
        raise AssertionError(f"{tag}: cycle space dimension differs from sympy")
    out.append(Benchmark(f"{tag}: cycle_space (pivots, dim)", t_cyc, base, t_n, "as above",
                         f"dim {Z.dim}" + ("" if N is not None else "; " + skip)))
    if basis:
        B, t_zc = timed(lambda: Z.to_domain_matrix())
        out.append(Benchmark(f"{tag}: canonical basis of the cycle space (fundamental cycles)", t_zc, base, t_n,
                             "context", f"{B.rep.nnz()} nonzeros, as a sympy DomainMatrix; computed on demand"
                             + ("" if N is not None else "; " + skip)))

    def perp():
        W = C.perp()
        W.pivots
        return W

    W, t_p = timed(perp)
    if W != Z:
        raise AssertionError(f"{tag}: perp differs from the cycle space")
    # sympy's perp of the cut space is the null space of the incidence matrix (its null space
    # of the cut space's own RREF is slower still)
    out.append(Benchmark(f"{tag}: perp of the cut space (pivots, dim)", t_p, base, t_n, "as above",
                         f"dim {W.dim}; equals the cycle space" + ("" if t_n is not None else "; " + skip)))

    S = list(labels[: len(labels) // 2])
    lam, t_lam = timed(lambda: min_overlap(C, S))
    idx = {x: j for j, x in enumerate(labels)}
    Sset = set(S)
    Sc = [idx[x] for x in S]
    Qc = [idx[x] for x in labels if x not in Sset]

    def sympy_lambda():
        return _cols(M, Sc).rank() + _cols(M, Qc).rank() - M.rank()

    lam_s, t_ls = maybe(sympy_lambda)
    if lam_s is not None and lam_s != lam:
        raise AssertionError(f"{tag}: min_overlap {lam} but sympy gives {lam_s}")
    out.append(Benchmark(f"{tag}: min_overlap(V, half the edges)", t_lam, "sympy SDM ranks r(S) + r(Q) - r(E)", t_ls,
                         "as above", f"lambda = {lam}" + ("; equal" if lam_s is not None else "; " + skip)))

    if decomp:
        (A, B), t_dec = timed(lambda: decompose(C, S))
        k = len(set(A.labels) & set(B.labels))
        if k != lam:
            raise AssertionError(f"{tag}: decompose overlap {k} != lambda {lam}")
        _, t_ds = maybe(lambda: (_cols(M, Qc + Sc).rref(), _cols(M, Sc + Qc).rref()))
        out.append(Benchmark(f"{tag}: decompose(V, half the edges)", t_dec,
                             "sympy SDM: the two contraction RREFs only (part of the work)", t_ds, "context",
                             f"|P| = {k} = lambda; completing rows chosen by union-finds (graph route), "
                             "then the canonical bases of V, V x S and V x Q"
                             + ("" if t_ds is not None else "; " + skip)))
    else:
        out.append(Benchmark(f"{tag}: decompose(V, half the edges)", float("nan"), "-", None, "context",
                             "not run in this configuration"))

    G1, G2, P = _glued_pair(G)
    C1, C2 = cut_space(G1, field), cut_space(G2, field)

    def comp():
        D = compose(C1, C2)
        D.pivots
        return D

    # the first call is the headline: later calls on the same two spaces reuse their label split
    D, t_comp = _timed(comp)
    _, t_again = timed(comp)
    idx1 = {x: j for j, x in enumerate(C1.labels)}
    Pset = set(P)

    def sympy_compose():
        from sympy import GF, QQ
        from sympy.polys.matrices import DomainMatrix

        K = QQ if p == 0 else GF(p)
        Pl = sorted(P, key=lambda x: idx1[x])
        cols = {x: t for t, x in enumerate(Pl)}
        cols.update({x: len(Pl) + t for t, x in enumerate(D.labels)})
        rows = {}
        i = 0
        for Mx, labs, neg in ((M1, C1.labels, False), (M2, C2.labels, True)):
            for r in Mx.rep.to_sdm().values():
                rows[i] = {cols[labs[j]]: (-x if neg and labs[j] in Pset else x) for j, x in r.items()}
                i += 1
        _, piv = DomainMatrix(rows, (i, len(cols)), K).rref()
        return [c - len(Pl) for c in piv if c >= len(Pl)]

    if sympy:
        M1 = _incidence_sdm(G1, C1.labels, p)
        M2 = _incidence_sdm(G2, C2.labels, p)
    piv_s, t_cs = maybe(sympy_compose)
    if piv_s is not None and tuple(piv_s) != tuple(D._pivots):
        raise AssertionError(f"{tag}: compose pivots differ from sympy")
    out.append(Benchmark(f"{tag}: compose of two copies glued along 100 edges", t_comp,
                         "sympy SDM rref of the stacked incidence rows (P first)", t_cs, "as above",
                         f"{len(D.labels)} labels, dim {D.dim}; first call on the two spaces (again: {t_again:.4f} s)" + ("; pivots equal" if piv_s is not None else "; " + skip)))

    if union:
        GM = GraphicMatroid(G)
        r, t_u = _timed(lambda: union_rank([GM, GM]))
        # the general oracle algorithm needs O(|E|^2) rank queries: it runs on the first
        # 300 edges only, next to the forest route on the same 300 edges
        sub = list(GM.sorted_groundset())[:300]
        O = RankMatroid(GM.rank, GM.groundset)
        rg, t_g = _timed(lambda: sum(map(len, matroid_partition([O, O], sub))))
        rf, t_f = _timed(lambda: union_rank([GM, GM], sub))
        if rg != rf:
            raise AssertionError(f"{tag}: union rank {rf} but the general algorithm gives {rg} on 300 edges")
        out.append(Benchmark(f"{name} ({m} edges): graphic union rank, 2 copies", t_u,
                             "general oracle matroid partition", None, "10^4 edges in seconds",
                             f"union rank {r}; the general algorithm (O(|E|^2) rank queries) is not run at this size"))
        out.append(Benchmark(f"{name}, first 300 edges: graphic union rank, 2 copies", t_f,
                             "general oracle matroid partition", t_g, "context", f"ranks equal ({rg})"))
    return out


def network_benchmarks(sizes: tuple = ("2k", "20k", "100k")) -> list[Benchmark]:
    """The network-scale rows (see the module docstring).

    sympy runs up to 20 000 edges; at 100 000 edges its calls would take minutes each and are
    skipped (said in the notes), as are, on the random graph, the canonical bases (tens of
    seconds: millions of nonzeros) and the union rank.
    """
    out = []
    for size in sizes:
        if size == "2k":
            cases = [(_grid(100), True, True, True, True), (_random_graph(1000), True, True, True, True)]
        elif size == "20k":
            cases = [(_grid(1000), True, True, True, True), (_random_graph(10_000), True, True, True, True)]
        else:
            cases = [(_grid(5000), False, True, True, False), (_random_graph(50_000), False, False, True, False)]
        for (G, name), sym, basis, decomp, union in cases:
            for p in (0, 2):
                out += _network_rows(G, name, p, sympy=sym, basis=basis, decomp=decomp, union=union and p == 0,
                                      repeat=_REPEAT[size])
    return out
