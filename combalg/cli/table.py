"""``combalg table NAME ...``: print or save a table built by [`combalg.tables.make`][combalg.tables.make].

A thin layer: one sub-subcommand per table, one option per table parameter
(``--name VALUE``, or ``--no-name`` for a switch that is on by default), and the
output options ``--format``, ``--output``, ``--label``, ``--landscape`` and
``--provenance-comments``.  Everything it prints, ``combalg.tables.make(NAME,
**params)`` returns as a [`Table`][combalg.tables.Table].
"""

from __future__ import annotations

import argparse
import importlib
import sys

from combalg.tables import FORMATS
from combalg.tables.registry import TABLE_MODULES, Param, make

__all__ = ["register"]


def _cli_type(param: Param):
    def parse(text: str):
        from combalg.core.errors import InvalidInputError

        try:
            return param.normalize(text)
        except InvalidInputError as exc:
            raise argparse.ArgumentTypeError(str(exc).splitlines()[0]) from None

    parse.__name__ = param.name  # argparse names the type in its messages
    return parse


def _add_parameter(parser: argparse.ArgumentParser, param: Param) -> None:
    if param.is_flag:
        action = "store_false" if param.default else "store_true"
        parser.add_argument(param.option, dest=param.name, action=action, help=param.help)
    else:
        parser.add_argument(param.option, dest=param.name, type=_cli_type(param), default=param.default,
                            help=param.help)


def _run(args: argparse.Namespace) -> int:
    params = {p.name: getattr(args, p.name) for p in args.table_params}
    table = make(args.table_name, **params)
    options = {"label": args.label, "landscape": args.landscape or None}
    if args.output:
        path = table.save(args.output, args.format, provenance_comments=args.provenance_comments, **options)
        print(f"wrote {path}", file=sys.stderr)
    else:
        print(table.render(args.format or "text", provenance_comments=args.provenance_comments, **options))
    return 0


def register(parser: argparse.ArgumentParser) -> None:
    """Add one sub-subcommand per table."""
    sub = parser.add_subparsers(dest="table_engine", metavar="NAME", required=True)
    for modname in TABLE_MODULES:
        mod = importlib.import_module(modname)
        p = sub.add_parser(mod.NAME, help=mod.HELP, description=getattr(mod, "DESCRIPTION", mod.HELP))
        for param in mod.PARAMETERS:
            _add_parameter(p, param)
        p.add_argument("--format", choices=list(FORMATS), default=None,
                       help="md, latex, csv, json or text (default: text, or from the --output suffix)")
        p.add_argument("--output", "-o", default=None,
                       help="write to this file (atomically; a CSV file gets a sidecar FILE.meta.json)")
        p.add_argument("--label", default=None, help="LaTeX: add \\label{LABEL}, e.g. tab:asm")
        p.add_argument("--landscape", action="store_true",
                       help="LaTeX: a rotated sidewaystable (package rotating) for a wide table")
        p.add_argument("--provenance-comments", action="store_true",
                       help="CSV: start with '#' lines holding title, notes and provenance")
        p.set_defaults(func=_run, table_name=mod.NAME, table_params=mod.PARAMETERS)
