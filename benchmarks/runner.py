"""Benchmark records and the timing helper shared by the benchmark modules.

A benchmark module ``benchmarks/bench_<name>.py`` defines
``benchmarks() -> list[Benchmark]``.  Each entry runs combalg and a baseline
(sympy, brute force or naive Python) in the same process.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Callable

__all__ = ["Benchmark", "measure", "format_rows"]


@dataclass(frozen=True)
class Benchmark:
    """One measured figure.

    ``target`` states the goal in words (e.g. ``"< 1 s"``); ``note`` says what
    the baseline computed if it differs in size from the combalg run.
    """

    name: str
    combalg_seconds: float
    baseline: str
    baseline_seconds: float | None
    target: str
    note: str = ""

    @property
    def ratio(self) -> float | None:
        """Baseline time divided by combalg time (how many times faster combalg is)."""
        if self.baseline_seconds is None or self.combalg_seconds <= 0:
            return None
        return self.baseline_seconds / self.combalg_seconds


def measure(fn: Callable[[], Any], repeat: int = 1) -> tuple[Any, float]:
    """Run ``fn`` ``repeat`` times; return its last result and the best wall time in seconds."""
    best = float("inf")
    result = None
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return result, best


def format_rows(results: list[Benchmark]) -> str:
    """Render benchmark results as an aligned text table."""
    header = ["benchmark", "combalg s", "baseline", "baseline s", "ratio", "target", "note"]
    rows = [header]
    for b in results:
        rows.append([
            b.name,
            f"{b.combalg_seconds:.4f}",
            b.baseline,
            "-" if b.baseline_seconds is None else f"{b.baseline_seconds:.4f}",
            "-" if b.ratio is None else f"{b.ratio:.1f}x",
            b.target,
            b.note,
        ])
    widths = [max(len(r[j]) for r in rows) for j in range(len(header))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)
