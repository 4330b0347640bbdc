"""``combalg tour``: run every engine on a default example.

Each engine contributes a module ``combalg.tour.<name>`` defining ``ENGINE``
(the engine's display name) and ``run() -> list[TourRow]``.  A row reports one
headline identity, checked by two independent methods.
"""

from __future__ import annotations

import argparse
import importlib
import time
from dataclasses import dataclass

from combalg.tables.table import Table

__all__ = ["TourRow", "TOUR_MODULES", "run_tour", "register", "timed"]

#: (tour module, engine display name) in tour order
TOUR_MODULES = (
    ("combalg.tour.cylindric", "cylindric"),
    ("combalg.tour.growth", "growth"),
    ("combalg.tour.lambdadet", "lambda determinants"),
    ("combalg.tour.linking", "linking"),
    ("combalg.tour.free", "free"),
)


@dataclass(frozen=True)
class TourRow:
    """One line of the tour.

    Attributes
    ----------
    engine, example, size, result : str
        What was run, on what, how big, and what came out.
    agree : bool or None
        Whether the two independent methods agree (``None``: not applicable).
    seconds : float
        Wall time of both methods together.
    """

    engine: str
    example: str
    size: str
    result: str
    agree: bool | None
    seconds: float


def timed(fn):
    """Run ``fn()``; return its result and the wall time in seconds."""
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def run_tour() -> tuple[Table, bool]:
    """Run every engine's tour entries; return the table and whether all agreed."""
    rows: list[list[object]] = []
    all_ok = True
    t0 = time.perf_counter()
    for modname, _engine in TOUR_MODULES:
        mod = importlib.import_module(modname)
        for row in mod.run():
            if row.agree is False:
                all_ok = False
            agree = "-" if row.agree is None else ("yes" if row.agree else "NO")
            rows.append([row.engine, row.example, row.size, row.result, agree, f"{row.seconds:.3f}"])
    table = Table(
        title="combalg tour",
        columns=["engine", "example", "size", "result", "methods agree", "seconds"],
        rows=rows,
        notes=["Each identity is computed twice, by independent methods, and compared exactly."],
        parameters={},
        wall_time=time.perf_counter() - t0,
        text_widths={"example": 46, "size": 22, "result": 34},
    )
    return table, all_ok


def _run(args: argparse.Namespace) -> int:
    table, ok = run_tour()
    print(table.render(args.format))
    if not ok:
        print("combalg tour: some identities FAILED")
        return 1
    return 0


def register(parser: argparse.ArgumentParser) -> None:
    """Add the tour's options to ``parser``."""
    parser.add_argument("--format", choices=["text", "md", "latex", "csv", "json"], default="text",
                        help="output format (default: an aligned text table)")
    parser.set_defaults(func=_run)
