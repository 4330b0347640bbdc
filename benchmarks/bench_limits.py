"""Benchmarks of the resource limits (issue: bad input never hangs or eats the machine).

* The limit checks cost under 2% of the tour's run time: the tour is timed with
  the checks of :mod:`combalg.core.limits` in place and with them bypassed
  (``check`` swapped for a function that returns at once, ``get`` for a plain
  lookup of the default: the same values, so the tour does the same work), and the
  checks made during one tour are counted and multiplied by the cost of one.
* Matrix parsing is linear: 10 MB of text, CSV and JSON (the issue measured over
  20 s for 10 MB of text before), next to ``json.loads`` of the same JSON.
* ``count_partitions(10**5)`` (24 s and 5.5 GB before) next to the pentagonal
  recurrence to ``n = 5000`` written out in Python.
"""

from __future__ import annotations

import json
import timeit
from contextlib import contextmanager
from typing import Iterator

from benchmarks.runner import Benchmark, measure
from combalg.core import limits as L


def _bypass_get(name):  # noqa: ANN001, ANN202 - code swapped into combalg.core.limits.get
    return LIMITS[name].default  # noqa: F821 - the default, without the override lookup


def _bypass_check(name, amount, what):  # noqa: ANN001, ANN202
    return None


def _counting_get(name):  # noqa: ANN001, ANN202 - runs with the globals of combalg.core.limits
    _BENCH_CALLS[0] += 1  # noqa: F821
    over = _OVERRIDES.get()  # noqa: F821
    if name in over:
        return over[name]
    return _known(name).default  # noqa: F821


@contextmanager
def _swapped(**codes) -> Iterator[None]:
    saved = {name: getattr(L, name).__code__ for name in codes}
    try:
        for name, fn in codes.items():
            getattr(L, name).__code__ = fn.__code__
        yield
    finally:
        for name, code in saved.items():
            getattr(L, name).__code__ = code


def _tour() -> None:
    from combalg.tour import run_tour

    run_tour()


def benchmarks() -> list[Benchmark]:
    out = []
    _tour()  # warm up imports and caches
    on, off = [], []
    for _ in range(5):  # alternate, best of five each
        on.append(measure(_tour)[1])
        with _swapped(get=_bypass_get, check=_bypass_check):
            off.append(measure(_tour)[1])
    t_on, t_off = min(on), min(off)
    L._BENCH_CALLS = [0]  # type: ignore[attr-defined]
    with _swapped(get=_counting_get):
        _tour()
    calls = L._BENCH_CALLS[0]  # type: ignore[attr-defined]
    per_call = min(timeit.repeat(lambda: L.check("parse_digits", 5, "x"), number=100_000, repeat=3)) / 100_000
    share = calls * per_call / t_on
    out.append(Benchmark("tour with limit checks", t_on, "checks bypassed", t_off, "checks < 2% of the tour",
                         f"difference {100 * (t_on - t_off) / t_off:+.2f}% (noise included); {calls} checks x "
                         f"{per_call * 1e6:.2f} us = {100 * share:.3f}% of the tour"))

    from combalg.core.parsing import parse_matrix

    row = " ".join(str(i % 1000) for i in range(1000)) + "\n"
    text = row * (10_000_000 // len(row))
    _, t_text = measure(lambda: parse_matrix(text))
    csv_text = text.replace(" ", ",")
    _, t_csv = measure(lambda: parse_matrix(csv_text, fmt="csv"))
    json_text = json.dumps([list(range(1000))] * (10_000_000 // 3900))
    _, t_json = measure(lambda: parse_matrix(json_text))
    _, t_loads = measure(lambda: json.loads(json_text))
    out.append(Benchmark("parse_matrix, 10 MB of text", t_text, "json.loads of 10 MB", t_loads, "linear; was > 20 s"))
    out.append(Benchmark("parse_matrix, 10 MB of CSV", t_csv, "json.loads of 10 MB", t_loads, "linear"))
    out.append(Benchmark("parse_matrix, 10 MB of JSON", t_json, "json.loads of 10 MB", t_loads, "linear"))

    from combalg.partitions import count_partitions

    def pentagonal(n: int) -> int:
        p = [1] + [0] * n
        for m in range(1, n + 1):
            total, k = 0, 1
            while k * (3 * k - 1) // 2 <= m:
                s = 1 if k % 2 else -1
                total += s * p[m - k * (3 * k - 1) // 2]
                if k * (3 * k + 1) // 2 <= m:
                    total += s * p[m - k * (3 * k + 1) // 2]
                k += 1
            p[m] = total
        return p[n]

    _, t_p = measure(lambda: count_partitions(10**5))
    _, t_pent = measure(lambda: pentagonal(5000))
    out.append(Benchmark("count_partitions(10^5)", t_p, "pentagonal recurrence, n = 5000", t_pent,
                         "was 24 s and 5.5 GB", "Hardy-Ramanujan-Rademacher in FLINT"))
    return out
