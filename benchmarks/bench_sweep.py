"""Benchmarks of conjecture sweeps (``combalg.sweep``).

Targets (from the sweep issue), each measured in this run:

* 10 000 trivial points on the local pool in under 10 s, next to a plain Python loop
  (the floor) and ``concurrent.futures.ProcessPoolExecutor.map`` (a bare pool with no
  store, no timeouts and no resume);
* a CPU-bound sweep, ``cylindric.borodin`` over every profile of length <= 7 to order
  30 (254 points), at least 1.6x faster with 2 workers than with 1;
* the SQLite store adds under 5% to that CPU-bound sweep (against the in-memory store).

The figures depend on the machine being otherwise idle.
"""

from __future__ import annotations

import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from benchmarks.runner import Benchmark, measure
from combalg.sweep import grids, sweep


def trivial(n: int) -> bool:
    return n >= 0


def _pool_map(n: int) -> list[bool]:
    with ProcessPoolExecutor(2) as ex:
        return list(ex.map(trivial, range(n), chunksize=64))


def benchmarks() -> list[Benchmark]:
    out = []
    n = 10_000
    r, t_pool = measure(lambda: sweep(trivial, {"n": range(n)}, workers=2, progress=False))
    assert r.counts["ok"] == n
    with tempfile.TemporaryDirectory() as tmp:
        r, t_store = measure(lambda: sweep(trivial, {"n": range(n)}, workers=2, progress=False,
                                           store=Path(tmp) / "t.sqlite"))
    assert r.counts["ok"] == n
    _, t_loop = measure(lambda: [trivial(i) for i in range(n)])
    _, t_exec = measure(lambda: _pool_map(n))
    out.append(Benchmark("10 000 trivial points, 2 workers, in memory", t_pool, "ProcessPoolExecutor.map", t_exec,
                         "< 10 s", f"plain loop {t_loop:.4f} s"))
    out.append(Benchmark("10 000 trivial points, 2 workers, SQLite store", t_store, "ProcessPoolExecutor.map",
                         t_exec, "< 10 s", "one committed row per point"))

    grid = {"profile": grids.profiles(range(1, 8)), "order": [30]}
    points = sum(1 for _ in grids.profiles(range(1, 8)))
    r1, t1 = measure(lambda: sweep("cylindric.borodin", grid, workers=1, progress=False))
    assert r1.ok and r1.total == points
    grid = {"profile": grids.profiles(range(1, 8)), "order": [30]}
    r2, t2 = measure(lambda: sweep("cylindric.borodin", grid, workers=2, progress=False))
    assert r2.ok
    out.append(Benchmark(f"check_borodin, {points} profiles T <= 7, order 30, 2 workers", t2,
                         "the same sweep, 1 worker", t1, ">= 1.6x", f"{os.cpu_count()} cores"))
    with tempfile.TemporaryDirectory() as tmp:
        grid = {"profile": grids.profiles(range(1, 8)), "order": [30]}
        r3, t3 = measure(lambda: sweep("cylindric.borodin", grid, workers=2, progress=False,
                                       store=Path(tmp) / "b.sqlite"))
    assert r3.ok
    out.append(Benchmark("the same, 2 workers, SQLite store", t3, "in-memory store", t2, "store adds < 5%",
                         f"store overhead {100 * (t3 / t2 - 1):+.1f}%"))
    return out
