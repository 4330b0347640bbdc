"""Benchmarks of the exact series core (``combalg.core.series`` and ``mseries``).

The headline figure: the partition-number series ``prod_{e=1}^{N} 1/(1-q^e)``
to order ``N = 10000`` (target: well under 1 s).  Baselines, each run in the
same process at the same size as the combalg run it is compared with:

* naive Python (the classic ``a[k] += a[k-e]`` recurrence, ``O(N^2)``) at N = 10000;
* sympy's ring series (``rs_mul`` of the factors ``1 - q^e``, then
  ``rs_series_inversion``) at N = 1000 and N = 200;
* ``sympy.series`` of the product itself, which only copes with tiny N
  (its time grows explosively: a few seconds at N = 7);
* the bivariate series of partitions by size and number of parts against a
  naive Python table recurrence.

Every run also checks that both sides give the same coefficients.
"""

from __future__ import annotations

from benchmarks.runner import Benchmark, measure
from combalg.core.mseries import multi_euler_product
from combalg.core.series import partition_series


def _naive_partitions(n: int) -> list[int]:
    a = [1] + [0] * (n - 1)
    for e in range(1, n):
        for k in range(e, n):
            a[k] += a[k - e]
    return a


def _sympy_ring_series_partitions(n: int) -> list[int]:
    from sympy import ZZ
    from sympy.polys.rings import ring
    from sympy.polys.ring_series import rs_mul, rs_series_inversion

    R, q = ring("q", ZZ)
    acc = R(1)
    for e in range(1, n):
        acc = rs_mul(acc, 1 - q**e, q, n)
    s = rs_series_inversion(acc, q, n)
    return [int(s.get((k,), 0)) for k in range(n)]


def _sympy_series_partitions(n: int) -> list[int]:
    import sympy

    q = sympy.Symbol("q")
    expr = sympy.Mul(*[1 / (1 - q**e) for e in range(1, n)])
    s = sympy.series(expr, q, 0, n).removeO()
    return [int(s.coeff(q, k)) for k in range(n)]


def _naive_partitions_by_parts(n: int) -> list[list[int]]:
    # a[m][k] = partitions of m into k parts; dividing by (1 - w q^e) adds parts of size e
    a = [[0] * n for _ in range(n)]
    a[0][0] = 1
    for e in range(1, n):
        for m in range(e, n):
            row, prev = a[m], a[m - e]
            for k in range(1, n):
                row[k] += prev[k - 1]
    return a


def _agree(x: object, y: object) -> str:
    return "results agree" if x == y else "RESULTS DIFFER"


def benchmarks() -> list[Benchmark]:
    out: list[Benchmark] = []

    n = 10_000
    ours, t_ours = measure(lambda: partition_series(n + 1).coefficients(), repeat=3)
    naive, t_naive = measure(lambda: _naive_partitions(n + 1))
    out.append(Benchmark(
        name=f"partition series, order N={n}",
        combalg_seconds=t_ours,
        baseline="naive Python recurrence",
        baseline_seconds=t_naive,
        target="< 1 s",
        note=f"same N; {_agree(ours, naive)}",
    ))

    for n in (1000, 200):
        ours, t_ours = measure(lambda: partition_series(n).coefficients(), repeat=3)
        ref, t_ref = measure(lambda: _sympy_ring_series_partitions(n))
        out.append(Benchmark(
            name=f"partition series, order N={n}",
            combalg_seconds=t_ours,
            baseline="sympy ring_series (rs_mul, rs_series_inversion)",
            baseline_seconds=t_ref,
            target="faster than sympy",
            note=f"same N; {_agree(ours, ref)}",
        ))

    n = 7
    ours, t_ours = measure(lambda: partition_series(n).coefficients(), repeat=3)
    ref, t_ref = measure(lambda: _sympy_series_partitions(n))
    out.append(Benchmark(
        name=f"partition series, order N={n}",
        combalg_seconds=t_ours,
        baseline="sympy.series of the product",
        baseline_seconds=t_ref,
        target="faster than sympy",
        note=f"same N (sympy.series takes over a minute at N=9); {_agree(ours, ref)}",
    ))

    n = 200
    ours, t_ours = measure(
        lambda: multi_euler_product([((e, 1), 1) for e in range(1, n)], ("q", "w"), n).to_rows(),
        repeat=3,
    )
    ref, t_ref = measure(lambda: _naive_partitions_by_parts(n))
    out.append(Benchmark(
        name=f"partitions by size and parts, q-order {n}",
        combalg_seconds=t_ours,
        baseline="naive Python table recurrence",
        baseline_seconds=t_ref,
        target="faster than naive",
        note=f"same size; {_agree(ours, ref)}",
    ))
    return out
