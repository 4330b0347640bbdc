"""``combalg table ENGINE ...``: build an engine's table and print or write it.

Each engine contributes ``combalg.tables.<name>`` defining ``NAME``, ``HELP``,
``add_arguments(parser)`` and ``build(args) -> Table``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time

from combalg.tables.table import FORMATS

__all__ = ["TABLE_MODULES", "register", "parse_int_range", "parse_int_list"]

#: table builder modules, in the order shown by ``combalg table --help``
TABLE_MODULES = (
    "combalg.tables.cylindric",
    "combalg.tables.asm",
    "combalg.tables.linking",
    "combalg.tables.free",
)


def parse_int_range(text: str) -> list[int]:
    """Parse ``"1..8"``, ``"3"`` or ``"1,2,5"`` into a list of integers (for argparse ``type=``).

    >>> parse_int_range("1..4"), parse_int_range("2,5"), parse_int_range("7")
    ([1, 2, 3, 4], [2, 5], [7])
    """
    text = text.strip()
    try:
        if ".." in text:
            lo, hi = text.split("..", 1)
            a, b = int(lo), int(hi)
            if b < a:
                raise ValueError
            return list(range(a, b + 1))
        return [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"invalid range {text!r}: expected A..B with A <= B, or a comma-separated list of integers"
        ) from None


def parse_int_list(text: str) -> list[int]:
    """Parse ``"1,2,3"`` into ``[1, 2, 3]`` (for argparse ``type=``)."""
    return parse_int_range(text)


def _run(args: argparse.Namespace) -> int:
    t0 = time.perf_counter()
    table = args.builder(args)
    if table.wall_time is None:
        table.wall_time = time.perf_counter() - t0
    if args.output:
        path = table.write(args.output, None if args.format_given is None else args.format)
        print(f"wrote {path}", file=sys.stderr)
    else:
        print(table.render(args.format))
    return 0


def register(parser: argparse.ArgumentParser) -> None:
    """Add one sub-subcommand per table builder."""
    sub = parser.add_subparsers(dest="table_engine", metavar="ENGINE", required=True)
    for modname in TABLE_MODULES:
        mod = importlib.import_module(modname)
        p = sub.add_parser(mod.NAME, help=mod.HELP, description=getattr(mod, "DESCRIPTION", mod.HELP))
        mod.add_arguments(p)
        p.add_argument("--format", choices=[f for f in FORMATS], default=None,
                       help="md, latex, csv, json or text (default: text, or from the --output suffix)")
        p.add_argument("--output", "-o", default=None, help="write to this file (atomically) instead of printing")
        p.set_defaults(func=_finish_format(mod.build))


def _finish_format(build):
    def run(args: argparse.Namespace) -> int:
        args.format_given = args.format
        if args.format is None:
            args.format = "text"
        args.builder = build
        return _run(args)
    return run
