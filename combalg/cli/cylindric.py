"""``combalg cylindric``: series, lists and identity checks for cylindric partitions.

Examples (shell):

    combalg cylindric series 110100 --order 20
    combalg cylindric series 110100 --order 12 --method count --bivariate
    combalg cylindric list 1010 --weight 4
    combalg cylindric check 110100 --order 30
    combalg cylindric check 1010 --order 9 --qt 1/3,2/7
    combalg cylindric biject 10 --parts '[[2],[3,1]]'     (growth bijection)
"""

from __future__ import annotations

import argparse
import json
import sys
from fractions import Fraction
from typing import Any

from combalg.cli._args import nonnegative_int
from combalg.core.errors import InvalidInputError
from combalg.partitions import compact_str as _fmt_part

COMMAND = "cylindric"
HELP = "cylindric plane partitions: series (count or Borodin's product), lists, identity checks"
DESCRIPTION = (
    "Cylindric plane partitions of a 0/1 profile (1 = grow, 0 = shrink; Langer/Borodin "
    "convention). The univariate series cannot tell a profile from its reverse or "
    "complement; use --bivariate to see the difference."
)

_PROGRESS_THRESHOLD = 20_000


def _profile(text: str):
    from combalg.cylindric import Profile

    return Profile(text)  # parsed by combalg.core.parsing.parse_profile


def parse_qt(text: str) -> tuple[int | Fraction, int | Fraction]:
    """Parse ``--qt Q,T`` such as ``1/3,2/7`` into exact numbers (no evaluation).

    Examples
    --------
    >>> parse_qt("1/3, 2/7")
    (Fraction(1, 3), Fraction(2, 7))
    >>> parse_qt("0,3/5")
    (0, Fraction(3, 5))
    """
    from combalg.core.parsing import parse_entry

    pieces = text.split(",")
    if len(pieces) != 2:
        raise InvalidInputError(f"invalid --qt {text!r}: expected two exact rationals Q,T such as 1/3,2/7")
    q, t = (parse_entry(p.strip()) for p in pieces)
    return q, t


def _progress(total: int | None, enabled: bool | None, desc: str):
    """A tqdm bar on standard error, or None."""
    if enabled is None:
        enabled = sys.stderr.isatty() and (total is None or total >= _PROGRESS_THRESHOLD)
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="obj", file=sys.stderr, leave=False)


def _run_series(args: argparse.Namespace) -> int:
    from combalg.cylindric import (
        bivariate_rows,
        borodin_bivariate,
        borodin_series,
        count_bivariate,
        count_series,
        cylindric_partitions,
    )
    from combalg.cylindric.enumeration import estimated_count

    pi = _profile(args.profile)
    n = args.order
    if args.method == "enumerate":
        total = estimated_count(pi, n - 1) if n else 0
        if total > args.limit:
            from combalg.core.errors import ResourceLimitError

            raise ResourceLimitError(
                f"enumerating profile {pi} to order {n} would visit {total} objects, more than "
                f"--limit {args.limit}; use --method count or raise --limit"
            )
        bar = _progress(total, args.progress, f"enumerating {pi}")
        rows = [[0] * (d + 1) for d in range(n)]
        for cp in cylindric_partitions(pi, max_weight=n - 1, limit=None) if n else []:
            rows[cp.weight][cp.trace] += 1
            if bar is not None:
                bar.update()
        if bar is not None:
            bar.close()
        result: Any = rows if args.bivariate else [sum(r) for r in rows]
    elif args.method == "count":
        result = bivariate_rows(count_bivariate(pi, n)) if args.bivariate else list(count_series(pi, n))
    else:
        result = bivariate_rows(borodin_bivariate(pi, n)) if args.bivariate else list(borodin_series(pi, n))
    if args.format == "json":
        print(json.dumps({"profile": str(pi), "order": n, "method": args.method,
                          "bivariate": args.bivariate, "coefficients": result}))
    elif args.bivariate:
        print(f"profile {pi}, method {args.method}: coefficient of q^n w^j (row n, column j)")
        for d, row in enumerate(result):
            print(f"q^{d}: " + " ".join(str(c) for c in row))
    else:
        print(f"profile {pi}, method {args.method}, q^0..q^{max(n - 1, 0)}:")
        print(", ".join(str(c) for c in result))
    return 0


def _run_list(args: argparse.Namespace) -> int:
    from combalg.cylindric import cylindric_partitions
    from combalg.cylindric.enumeration import estimated_count

    pi = _profile(args.profile)
    objs = cylindric_partitions(pi, weight=args.weight, mu0_empty=args.mu0_empty, limit=args.limit)
    total = estimated_count(pi, args.weight, args.mu0_empty, weight=args.weight)
    bar = _progress(total, args.progress, f"listing {pi}")
    count = 0
    for cp in objs:
        if args.format == "json":
            print(json.dumps([list(p) for p in cp.parts]))
        else:
            print(" ".join(_fmt_part(p) for p in cp.parts))
        count += 1
        if bar is not None:
            bar.update()
    if bar is not None:
        bar.close()
    if args.format != "json":
        print(f"# {count} cylindric partitions of profile {pi} and weight {args.weight}"
              + (" with mu^0 empty" if args.mu0_empty else ""))
    return 0


def _run_check(args: argparse.Namespace) -> int:
    from combalg.cylindric import check_bivariate, check_borodin, check_qt

    pi = _profile(args.profile)
    results = [check_borodin(pi, args.order)]
    if args.bivariate:
        results.append(check_bivariate(pi, args.order))
    if args.qt is not None:
        q, t = parse_qt(args.qt)
        results.append(check_qt(pi, args.order, q, t))
    ok = True
    for r in results:
        print(r)
        ok = ok and r.ok
    return 0 if ok else 1


def register(parser: argparse.ArgumentParser) -> None:
    """Add the ``series``, ``list`` and ``check`` sub-commands (and ``biject`` if present)."""
    sub = parser.add_subparsers(dest="cylindric_action", metavar="ACTION", required=True,
                                parser_class=type(parser))

    p = sub.add_parser("series", help="coefficients of the generating function")
    p.add_argument("profile", help="0/1 word, e.g. 110100")
    p.add_argument("--order", type=nonnegative_int, required=True, help="number of coefficients")
    p.add_argument("--method", choices=["product", "count", "enumerate"], default="product",
                   help="Borodin's product (default), transfer-matrix count, or enumeration")
    p.add_argument("--bivariate", action="store_true", help="refine by w^|mu^0| (rows by q-degree)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--limit", type=nonnegative_int, default=2_000_000,
                   help="largest number of objects --method enumerate may visit")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar for enumerations (default: on a terminal, for long runs)")
    p.set_defaults(func=_run_series)

    p = sub.add_parser("list", help="list the cylindric partitions of one weight")
    p.add_argument("profile", help="0/1 word, e.g. 1010")
    p.add_argument("--weight", type=nonnegative_int, required=True)
    p.add_argument("--mu0-empty", action="store_true", help="only mu^0 empty (reverse plane partitions)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--limit", type=nonnegative_int, default=2_000_000, help="refuse to list more objects")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None)
    p.set_defaults(func=_run_list)

    p = sub.add_parser("check", help="check Borodin's product (and the bivariate and (q,t) forms)")
    p.add_argument("profile", help="0/1 word, e.g. 110100")
    p.add_argument("--order", type=nonnegative_int, required=True)
    p.add_argument("--bivariate", action="store_true", help="also check the w^|mu^0| refinement")
    p.add_argument("--qt", metavar="Q,T", help="also check the (q,t) identity at rationals, e.g. 1/3,2/7")
    p.set_defaults(func=_run_check)

    try:
        from combalg.cli.cylindric_biject import register_biject
    except ModuleNotFoundError as exc:
        if exc.name != "combalg.cli.cylindric_biject":
            raise
    else:
        register_biject(sub)
