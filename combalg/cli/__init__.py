"""The ``combalg`` command line.

Each engine contributes a subcommand from its own module in this package
(``combalg.cli.cylindric``, ``combalg.cli.lambdadet`` ...).  A module defines

* ``COMMAND`` -- the subcommand name, ``HELP`` -- a one-line help text,
* ``register(parser)`` -- add arguments or sub-subcommands to ``parser`` and
  set ``func`` (a callable ``args -> int``) with ``parser.set_defaults``.

``combalg table ENGINE`` is built the same way from ``combalg.tables``, and
``combalg tour`` from ``combalg.tour``.  Invalid input ends with exit status 2
and a one-line message on standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Callable, Sequence

from combalg import __version__
from combalg.core.errors import CombalgError, InvalidInputError, ResourceLimitError

__all__ = ["main", "build_parser", "ArgumentParser"]

#: engine subcommand modules, in the order shown by ``combalg --help``
ENGINE_COMMAND_MODULES = (
    "combalg.cli.cylindric",
    "combalg.cli.lambdadet",
    "combalg.cli.linking",
    "combalg.cli.free",
)


class UsageError(Exception):
    """Raised by [`ArgumentParser`][ArgumentParser] instead of printing usage and exiting."""


class ArgumentParser(argparse.ArgumentParser):
    """An argparse parser whose errors are one line (exit status 2 in [`main`][main])."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: error: {message} (see '{self.prog} --help')")


def build_parser() -> ArgumentParser:
    """Return the top-level parser with every available subcommand registered."""
    parser = ArgumentParser(
        prog="combalg",
        description="Exact combinatorics and symbolic algebra: run 'combalg tour' for a guided tour.",
    )
    parser.add_argument("--version", action="version", version=f"combalg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ArgumentParser)

    from combalg.tour import register as register_tour

    tour = sub.add_parser("tour", help="run every engine on a default example and check its identities")
    register_tour(tour)

    from combalg.cli.table import register as register_table

    table = sub.add_parser("table", help="print a table for a paper (md, latex, csv, json)")
    register_table(table)

    from combalg.cli import sweep as sweep_cli

    sw = sub.add_parser(sweep_cli.COMMAND, help=sweep_cli.HELP, description=sweep_cli.HELP)
    sweep_cli.register(sw)

    for modname in ENGINE_COMMAND_MODULES:
        mod = importlib.import_module(modname)
        p = sub.add_parser(mod.COMMAND, help=mod.HELP, description=getattr(mod, "DESCRIPTION", mod.HELP))
        mod.register(p)
    return parser


def _first_line(exc: BaseException) -> str:
    """The first line of an error message (parse errors add an excerpt with a caret
    below it, which names the same position; the command line prints one line)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Output prints integers of any size (Python's int-to-text digit limit is
    lifted while the command runs; inputs are bounded by the parsers' own
    ``parse_digits`` limit).  Ctrl-C ends the command with one line and exit
    status 130.
    """
    from combalg.core.bignum import unlimited_int_digits

    try:
        with unlimited_int_digits():
            return _main(argv)
    except KeyboardInterrupt:  # e.g. while the parser is built
        print("combalg: interrupted", file=sys.stderr)
        return 130


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
        if func is None:
            parser.print_help()
            return 0
        return int(func(args) or 0)
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except (InvalidInputError, ResourceLimitError) as exc:
        print(f"combalg: error: {_first_line(exc)}", file=sys.stderr)
        return 2
    except CombalgError as exc:
        print(f"combalg: error: {_first_line(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("combalg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # pragma: no cover - e.g. `combalg ... | head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
