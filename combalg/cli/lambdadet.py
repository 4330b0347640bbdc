"""``combalg lambda``: lambda-determinants, the octahedron recurrence, the Laurent checker.

Examples (shell):

    combalg lambda det --n 4
    combalg lambda det --n 3 --lam -1
    combalg lambda det --matrix "1 2 3; 4 5 6; 7 8 10" --method condensation
    combalg lambda octahedron --n 4 --x0 generic --placement langer
    combalg lambda check-laurent 'x[m]*x[m-4] = x[m-1]*x[m-3] + x[m-2]^2' --steps 15

``check-laurent`` exits with status 0 (certified Laurent), 1 (NOT Laurent) or
3 (budget exceeded: nothing is claimed).
"""

from __future__ import annotations

import argparse

from combalg.cli._args import positive_int
from combalg.core.errors import InvalidInputError

COMMAND = "lambda"
HELP = "lambda-determinants (Robbins-Rumsey), octahedron recurrence placements, Laurent-phenomenon checker"


def _seconds(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        v = float("nan")
    if not (0 < v < float("inf")):
        raise argparse.ArgumentTypeError(f"invalid value {text!r}: expected a positive number of seconds")
    return v


def parse_parameter(text: str, name: str = "--lam"):
    """A number (``-1``, ``2/3``) or a symbol name (``q``) for a parameter.

    >>> parse_parameter("-1"), parse_parameter("2/4"), parse_parameter("q")
    (-1, Fraction(1, 2), 'q')
    """
    from combalg.core.parsing import parse_entry

    t = text.strip()
    if t.isidentifier():
        return t
    try:
        return parse_entry(t)
    except InvalidInputError:
        raise InvalidInputError(f"invalid {name} {text!r}: expected a number such as -1 or 2/3, or a name") from None


def _show(value, fmt: str) -> str:
    if fmt == "latex":
        return value.latex()
    if fmt == "sympy":
        return str(value.as_sympy())
    return str(value)


def _det(args: argparse.Namespace) -> int:
    from combalg.lambdadet import lambda_determinant

    if (args.n is None) == (args.matrix is None):
        raise InvalidInputError("invalid arguments: give exactly one of --n (generic matrix) and --matrix")
    if args.matrix is not None:
        from combalg.core.parsing import parse_matrix

        M = parse_matrix(args.matrix)
    else:
        M = args.n
    lam = None if args.lam is None else parse_parameter(args.lam)
    value = lambda_determinant(M, lam=lam, method=args.method)
    if args.count:
        print(value.length)
    else:
        print(_show(value, args.format))
    return 0


def _octahedron(args: argparse.Namespace) -> int:
    from combalg.lambdadet import OctahedronDivisionError, octahedron

    lam = None if args.lam is None else parse_parameter(args.lam)
    mu = None if args.mu is None else parse_parameter(args.mu, "--mu")
    x0 = None if args.x0 == "ones" else "generic"
    try:
        r = octahedron(x0, args.n, lam=lam, mu=mu, coefficients=args.placement)
    except OctahedronDivisionError as exc:
        print(f"NOT Laurent: {exc}")
        return 1
    apex = r.apex
    print(f"Laurent: all {r.divisions} divisions exact; apex x[{args.n}]_11 has {apex.length} terms")
    if not args.count:
        print(_show(apex, args.format))
    return 0


def _check_laurent(args: argparse.Namespace) -> int:
    from combalg.lambdadet import BUDGET_EXCEEDED, LAURENT, Budget, laurent_precheck, laurent_run

    initial = None
    if args.initial is not None:
        from combalg.core.parsing import parse_entry

        initial = []
        for part in [p for p in args.initial.replace(",", " ").split() if p]:
            initial.append(part if part.replace("[", "").replace("]", "").isidentifier() else parse_entry(part))
    if args.precheck:
        pre = laurent_precheck(args.recurrence, steps=args.steps, initial=initial, max_seconds=args.max_seconds)
        if pre.probably_laurent:
            print(f"pre-check (GF(p), random lines): no failure through x[{pre.checked_through}]")
        else:
            print(f"pre-check (GF(p), random lines): x[{pre.first_failure}] is NOT Laurent")
    budget = Budget(max_terms=args.max_terms, max_words=args.max_words, max_seconds=args.max_seconds)
    from tqdm import tqdm

    with tqdm(total=args.steps + 1, desc="steps", unit="step", disable=None, leave=False) as bar:
        def progress(m: int) -> None:
            bar.n = m
            bar.refresh()

        r = laurent_run(args.recurrence, initial=initial, steps=args.steps, budget=budget, progress=progress)
    print(r.summary())
    if r.remainder is not None and args.show_remainder:
        print(f"remainder: {r.remainder}")
    if r.status == LAURENT:
        return 0
    return 3 if r.status == BUDGET_EXCEEDED else 1


def register(parser: argparse.ArgumentParser) -> None:
    """Add the ``det``, ``octahedron`` and ``check-laurent`` sub-subcommands."""
    sub = parser.add_subparsers(dest="lambda_command", metavar="ACTION", required=True)

    p = sub.add_parser("det", help="the lambda-determinant of a generic or given matrix")
    p.add_argument("--n", type=positive_int, default=None, help="size of the generic matrix a11..ann")
    p.add_argument("--matrix", default=None, help="a matrix of exact numbers, e.g. '1 2; 3 4'")
    p.add_argument("--lam", default=None, help="lambda: a number (e.g. -1) or a name (default: the symbol lam)")
    p.add_argument("--method", choices=["asm", "condensation"], default="asm",
                   help="sum over ASMs (default) or lambda-condensation with certified divisions")
    p.add_argument("--format", choices=["text", "sympy", "latex"], default="text", help="output format")
    p.add_argument("--count", action="store_true", help="print only the number of terms")
    p.set_defaults(func=_det)

    p = sub.add_parser("octahedron", help="run the octahedron recurrence with a coefficient placement")
    p.add_argument("--n", type=positive_int, required=True, help="size of the generic layer x[1]")
    p.add_argument("--x0", choices=["ones", "generic"], default="ones", help="the bottom layer")
    p.add_argument("--placement", choices=["homogeneous", "di_francesco", "langer"], default="homogeneous")
    p.add_argument("--lam", default=None, help="homogeneous: value or name of lambda; indexed: base name")
    p.add_argument("--mu", default=None, help="homogeneous: value or name of mu (default 1); indexed: base name")
    p.add_argument("--format", choices=["text", "sympy", "latex"], default="text", help="output format")
    p.add_argument("--count", action="store_true", help="print only the certificate and the number of terms")
    p.set_defaults(func=_octahedron)

    p = sub.add_parser("check-laurent", help="certify (or refute) the Laurent property of a recurrence")
    p.add_argument("recurrence", help="e.g. 'x[m]*x[m-4] = x[m-1]*x[m-3] + x[m-2]^2' (parsed safely)")
    p.add_argument("--steps", type=positive_int, default=15, help="last index m to compute (default 15)")
    p.add_argument("--initial", default=None, help="initial values (names or numbers), default symbols x[0]..")
    p.add_argument("--max-terms", type=positive_int, default=2_000_000, help="term budget (default 2000000)")
    p.add_argument("--max-words", type=positive_int, default=25_000_000,
                   help="memory budget of one product in machine words (default 25000000, about 200 MB)")
    p.add_argument("--max-seconds", type=_seconds, default=120.0, help="time budget in seconds (default 120)")
    p.add_argument("--precheck", action="store_true", help="first run the fast modular pre-check")
    p.add_argument("--show-remainder", action="store_true", help="print the remainder of a failing division")
    p.set_defaults(func=_check_laurent)
