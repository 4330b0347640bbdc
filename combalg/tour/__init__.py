"""``combalg tour``: run every engine on a default example.

Each engine contributes a module ``combalg.tour.<name>`` defining ``ENGINE``
(the engine's display name) and ``run() -> list[TourRow]``.  A row reports one
headline identity, checked by two independent methods.
"""

from __future__ import annotations

import argparse
import importlib
import shutil
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


#: printed after the text table: where to go from here
NEXT_STEPS = """\
Next steps:
  docs      pip install 'combalg[docs]' && mkdocs serve  (Getting Started)
  examples  python examples/paper_table.py  (the list is in examples/README.md)
  table     combalg table asm --format latex --label tab:asm -o asm.tex
  sweep     combalg sweep run CHECK --param NAME=VALUES --store FILE
            combalg sweep list"""


def _text_widths(width: int) -> dict[str, int]:
    """Widths of the wrapped columns so that the text table fits ``width`` characters."""
    # engine 12, agree 5, seconds 7 and five gaps of two: the rest is shared by the three text columns
    free = max(width - (12 + 5 + 7 + 5 * 2), 36)
    example = free * 45 // 100
    size = free * 22 // 100
    return {"engine": 12, "example": example, "size": size, "result": free - example - size}


def run_tour(width: int | None = None) -> tuple[Table, bool]:
    """Run every engine's tour entries; return the table and whether all agreed.

    Parameters
    ----------
    width : int, optional
        Width of the text rendering in characters (default: the terminal's,
        from ``COLUMNS``, at least 80 when unknown).
    """
    if width is None:
        width = shutil.get_terminal_size((80, 24)).columns
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
        title="The combalg tour: each identity computed by two independent methods",
        columns=["engine", "example", "size", "result", "agree", "seconds"],
        rows=rows,
        notes=["Both methods are exact; 'agree' compares their results exactly."],
        latex_long=True,  # tall wrapped rows: the tour breaks across pages
        parameters={},
        wall_time=time.perf_counter() - t0,
        text_widths=_text_widths(width),
        latex_align=[r">{\raggedright\arraybackslash}p{%.2f\linewidth}" % f for f in (0.1, 0.25, 0.13, 0.2)]
        + ["l", "r"],
    )
    return table, all_ok


def _run(args: argparse.Namespace) -> int:
    table, ok = run_tour()
    print(table.render(args.format))
    if args.format == "text":
        print()
        print(NEXT_STEPS)
    if not ok:
        print("combalg tour: some identities FAILED")
        return 1
    return 0


def register(parser: argparse.ArgumentParser) -> None:
    """Add the tour's options to ``parser``."""
    parser.add_argument("--format", choices=["text", "md", "latex", "csv", "json"], default="text",
                        help="output format (default: an aligned text table)")
    parser.set_defaults(func=_run)
