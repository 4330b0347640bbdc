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
    """compose (QQ, 60 labels) vs sympy; union rank (40 elements) vs Nash-Williams."""
    return [
        _compose_bench(20, 20, 20, 15, 15, "int", seed=60, route="spec"),
        _compose_bench(20, 20, 20, 15, 15, "int", seed=60, route="stacked"),
        _compose_bench(20, 20, 20, 15, 15, "frac", seed=61, route="spec"),
        _compose_bench(20, 20, 20, 15, 15, "frac", seed=61, route="stacked"),
        _compose_bench(30, 30, 30, 35, 35, "frac", seed=62, route="stacked"),
        _compose_pure_sympy_bench(20, 20, 20, 15, 15, "int", seed=60),
        _union_bench(),
    ]
