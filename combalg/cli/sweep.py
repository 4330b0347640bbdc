"""``combalg sweep``: run a check over a grid of parameters, resumably; inspect and report stores.

Examples (shell):

    combalg sweep list
    combalg sweep run cylindric.borodin --param profile=profiles:2..8:rotation,mixed --param order=30 \\
        --store borodin.sqlite
    combalg sweep status borodin.sqlite
    combalg sweep report borodin.sqlite --format latex --output borodin.tex

VALUES of ``--param NAME=VALUES``:

* ``1..10`` (an inclusive range of integers), ``1,2,3`` or ``3`` (a list; items that
  look like integers are integers, others such as ``1/3`` or ``110100`` stay text);
* ``@FILE``: one value per line of a text file (e.g. recurrences);
* a generator of [`combalg.sweep.grids`][combalg.sweep.grids], fields separated by ``:``:
  ``profiles:T[:rotation][,mixed]`` (``T`` an integer or a range ``A..B``),
  ``partitions:N``, ``asms:N``, ``permutations:N``, ``words:LENGTH:LETTERS``,
  ``matrices:ROWS:COLS:BOUND``.

Exit status: 0 when every point is ``ok``, 1 when a point is a counterexample, an error
or a timeout, 2 on invalid input (nothing is written then).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from combalg.core.errors import InvalidInputError, ResourceLimitError

COMMAND = "sweep"
HELP = "run a check over a grid of parameters (resumable), and report the results"

_FORMATS = ["text", "md", "latex", "csv", "json"]
_GENERATORS = ("profiles", "partitions", "asms", "permutations", "words", "matrices")
_MAX_VALUES = 10_000_000
_MAX_FILE = 64 * 2**20
_INT = re.compile(r"[+-]?\d{1,4300}")


def _atom(text: str) -> Any:
    text = text.strip()
    return int(text) if _INT.fullmatch(text) else text


def _int_or_range(text: str, name: str) -> list[int]:
    text = text.strip()
    if ".." in text:
        lo, _, hi = text.partition("..")
        if not (_INT.fullmatch(lo.strip()) and _INT.fullmatch(hi.strip())):
            raise InvalidInputError(f"invalid {name} {text!r}: expected A..B with integers A <= B")
        a, b = int(lo), int(hi)
        if b < a:
            raise InvalidInputError(f"invalid {name} {text!r}: expected A..B with A <= B")
        if b - a + 1 > _MAX_VALUES:
            raise ResourceLimitError(f"the range {text!r} has {b - a + 1} values: the limit is {_MAX_VALUES}")
        return list(range(a, b + 1))
    if not _INT.fullmatch(text):
        raise InvalidInputError(f"invalid {name} {text!r}: expected an integer or a range A..B")
    return [int(text)]


def _generator(spec: str, param: str) -> list[Any]:
    from combalg.sweep import grids

    kind, *fields = spec.split(":")
    where = f"values of {param}"

    def need(k: int) -> None:
        if len(fields) != k:
            raise InvalidInputError(f"invalid {where} {spec!r}: expected {kind}:{':'.join(['N'] * k)}")

    if kind == "profiles":
        if not 1 <= len(fields) <= 2:
            raise InvalidInputError(f"invalid {where} {spec!r}: expected profiles:T or profiles:T:rotation,mixed")
        flags = set(f.strip() for f in fields[1].split(",")) if len(fields) == 2 else set()
        unknown = flags - {"rotation", "mixed"}
        if unknown:
            raise InvalidInputError(f"invalid {where} {spec!r}: unknown option {sorted(unknown)[0]!r} "
                                    "(expected rotation and/or mixed)")
        return list(grids.profiles(_int_or_range(fields[0], where), up_to_rotation="rotation" in flags,
                                   both_letters="mixed" in flags))
    if kind == "partitions":
        need(1)
        return list(grids.partitions(_int_or_range(fields[0], where)))
    if kind == "asms":
        need(1)
        return [A for n in _int_or_range(fields[0], where) for A in grids.asms(n)]
    if kind == "permutations":
        need(1)
        return [p for n in _int_or_range(fields[0], where) for p in grids.permutations(n)]
    if kind == "words":
        need(2)
        (k,), (letters,) = _int_or_range(fields[0], where), _int_or_range(fields[1], where)
        return list(grids.words(k, letters))
    if kind == "matrices":
        need(3)
        (r,), (c,), (b,) = (_int_or_range(f, where) for f in fields)
        return list(grids.int_matrices(r, c, bound=b))
    raise AssertionError(kind)  # pragma: no cover


def parse_values(text: str, param: str = "VALUES") -> list[Any]:
    """Parse the VALUES of ``--param NAME=VALUES`` (see the module notes).

    Examples
    --------
    >>> parse_values("1..4"), parse_values("2,5,1/3"), parse_values("profiles:3:rotation,mixed")
    ([1, 2, 3, 4], [2, 5, '1/3'], ['001', '011'])
    """
    text = text.strip()
    if not text:
        raise InvalidInputError(f"invalid values of {param} {text!r}: expected a range, a list or a generator")
    if text.startswith("@"):
        path = Path(text[1:])
        try:
            with open(path, "rb") as fh:
                data = fh.read(_MAX_FILE + 1)
        except OSError as exc:
            raise InvalidInputError(f"invalid values of {param}: cannot read {str(path)!r} ({exc.strerror})") from None
        if len(data) > _MAX_FILE:
            raise ResourceLimitError(f"the file {str(path)!r} is larger than {_MAX_FILE // 2**20} MiB")
        try:
            lines = data.decode("utf-8").splitlines()
        except UnicodeDecodeError:
            raise InvalidInputError(f"invalid values of {param}: {str(path)!r} is not UTF-8 text") from None
        values = [_atom(line) for line in lines if line.strip() and not line.lstrip().startswith("#")]
        if not values:
            raise InvalidInputError(f"invalid values of {param}: {str(path)!r} has no values")
        return values
    head = text.split(":", 1)[0]
    if head in _GENERATORS and ":" in text:
        return _generator(text, param)
    if ".." in text and "," not in text:
        return _int_or_range(text, f"values of {param}")
    return [_atom(part) for part in text.split(",") if part.strip()]


def _grid(params: list[str]) -> dict[str, list[Any]]:
    grid: dict[str, list[Any]] = {}
    for item in params:
        name, eq, values = item.partition("=")
        name = name.strip()
        if not eq or not name.isidentifier():
            raise InvalidInputError(f"invalid --param {item!r}: expected NAME=VALUES")
        if name in grid:
            raise InvalidInputError(f"invalid --param {item!r}: the parameter {name!r} is given twice")
        grid[name] = parse_values(values, name)
    if not grid:
        raise InvalidInputError("invalid grid: give at least one --param NAME=VALUES")
    return grid


def _print_result(result, limit: int = 20) -> None:
    print(result.summary())
    bad = result.counterexamples() + result.errors()
    if bad:
        table = result.table(statuses=("counterexample", "error", "timeout"), limit=limit)
        table.title = f"Counterexamples and errors of {result.check}"
        print()
        print(table.render("text"))


def _run(args: argparse.Namespace) -> int:
    from combalg.sweep import sweep

    grid = _grid(args.param or [])
    retry = [s.strip() for s in args.retry.split(",") if s.strip()] if args.retry else []
    result = sweep(args.check, grid, store=args.store, workers=args.workers, scheduler=args.scheduler,
                   timeout=args.timeout, extend=args.extend, retry=retry, progress=True)
    _print_result(result)
    return 0 if result.ok else 1


def _status(args: argparse.Namespace) -> int:
    from combalg.sweep import open_store

    result = open_store(args.store)
    meta = result.meta
    print(result.summary())
    print(f"store {args.store}: created {meta.get('created', '?')} by combalg {meta.get('combalg_version', '?')}; "
          f"{result.done} of {result.total} points finished")
    if meta.get("description"):
        print(f"check: {meta['description']}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from combalg.sweep import open_store

    result = open_store(args.store)
    statuses = None if args.only == "all" else (
        ("counterexample",) if args.only == "counterexamples" else ("counterexample", "error", "timeout"))
    table = result.table(statuses=statuses)
    if args.output:
        path = table.write(args.output, args.format)
        print(f"wrote {path}", file=sys.stderr)
    else:
        print(table.render(args.format or "text"))
    return 0


def _list(args: argparse.Namespace) -> int:  # noqa: ARG001
    from combalg.sweep import checks
    from combalg.tables.table import Table

    rows = [[c.signature_text(), c.description] for c in checks()]
    table = Table("Registered checks", ["check(parameters)", "what is compared"], rows,
                  notes=["A user's own function runs as module:function."], text_widths={"what is compared": 60})
    print(table.render("text"))
    return 0


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid seconds {text!r}: expected a positive number") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"invalid seconds {text!r}: expected a positive number")
    return value


def _workers(text: str) -> int:
    if not re.fullmatch(r"\d{1,6}", text.strip()) or int(text) < 1:
        raise argparse.ArgumentTypeError(f"invalid workers {text!r}: expected an integer >= 1")
    return int(text)


def register(parser: argparse.ArgumentParser) -> None:
    """Add ``run``, ``status``, ``report`` and ``list``."""
    sub = parser.add_subparsers(dest="sweep_command", metavar="SUBCOMMAND", required=True)

    run = sub.add_parser("run", help="run a check over a grid, recording each point in a store",
                         description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    run.add_argument("check", metavar="CHECK", help="a registered check ('combalg sweep list') or module:function")
    run.add_argument("--param", "-p", action="append", metavar="NAME=VALUES",
                     help="a grid parameter (repeat for each; the grid is their Cartesian product)")
    run.add_argument("--store", required=True, metavar="FILE", help="the SQLite results file (created or resumed)")
    run.add_argument("--workers", type=_workers, default=None, help="local worker processes (default: all cores)")
    run.add_argument("--scheduler", default=None, metavar="ADDR",
                     help="a Dask scheduler address, e.g. tcp://127.0.0.1:8786 (needs the dask extra)")
    run.add_argument("--timeout", type=_positive_float, default=None, metavar="S", help="seconds per point")
    run.add_argument("--extend", action="store_true", help="add a different grid's new points to an existing store")
    run.add_argument("--retry", default=None, metavar="STATUSES",
                     help="run the points with these statuses again (error,timeout)")
    run.set_defaults(func=_run)

    status = sub.add_parser("status", help="summarise a store (finished or partial) without running anything")
    status.add_argument("store", metavar="FILE")
    status.set_defaults(func=_status)

    report = sub.add_parser("report", help="a table of a store's points for a paper or a spreadsheet")
    report.add_argument("store", metavar="FILE")
    report.add_argument("--format", choices=_FORMATS, default=None,
                        help="md, latex, csv, json or text (default: text, or from the --output suffix)")
    report.add_argument("--output", "-o", default=None, help="write to this file (atomically) instead of printing")
    report.add_argument("--only", choices=["all", "counterexamples", "failures"], default="all",
                        help="which points to list (failures: counterexamples, errors and timeouts)")
    report.set_defaults(func=_report)

    lst = sub.add_parser("list", help="list the registered checks and their parameters")
    lst.set_defaults(func=_list)
