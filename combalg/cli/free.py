"""``combalg free``: moments and free cumulants, mixed moments, commutants, the projection reconstructions.

Examples (shell):

    combalg free moments --order 20
    combalg free moments --moments "1, 2, 5, 14" --format md
    combalg free moment --word 1,2,2,1
    combalg free commutant --generators 1,2 --degree 6
    combalg free projection --N 5 --format latex
    combalg free self-similarity --N 7
    combalg free expectation --n-generators 2 --degree 3 --word 1,2,2
"""

from __future__ import annotations

import argparse
import json
from fractions import Fraction

from combalg.cli._args import nonnegative_int, positive_int
from combalg.core.errors import InvalidInputError
from combalg.core.parsing import parse_entry

COMMAND = "free"
HELP = "free probability: moments/cumulants, mixed moments, commutants, commutant projections (reconstructions)"

_FORMATS = ["text", "md", "latex", "csv", "json"]


def parse_rational(text: str, name: str = "value") -> int | Fraction:
    """Parse ``"3"``, ``"-2/5"`` or ``"0.25"`` exactly (no evaluation of user text).

    >>> parse_rational("-2/4")
    Fraction(-1, 2)
    """
    try:
        return parse_entry(text.strip())
    except InvalidInputError as exc:
        raise InvalidInputError(f"invalid {name} {text!r}: {exc}") from None


def parse_rational_list(text: str, name: str = "values") -> list[int | Fraction]:
    """Parse a comma- or space-separated list of exact rationals.

    >>> parse_rational_list("1, 2/3 5")
    [1, Fraction(2, 3), 5]
    """
    parts = [p for p in text.replace(",", " ").split() if p]
    if not parts:
        raise InvalidInputError(f"invalid {name} {text!r}: expected a nonempty list of exact rationals")
    return [parse_rational(p, name) for p in parts]


def parse_word(text: str) -> tuple[int, ...]:
    """Parse a word such as ``"1,2,2,1"`` or ``"1 2 2 1"`` (letters are positive integers).

    >>> parse_word("1,2, 2 1")
    (1, 2, 2, 1)
    """
    parts = [p for p in text.replace(",", " ").split() if p]
    try:
        w = tuple(int(p) for p in parts)
    except ValueError:
        raise InvalidInputError(f"invalid word {text!r}: expected letters 1, 2, ... separated by commas") from None
    return w


def _table(title, columns, rows, notes=(), parameters=None, latex_notes=None, latex_columns=None, latex_title=None):
    from combalg.tables.table import Table

    return Table(title=title, columns=columns, rows=rows, notes=list(notes), parameters=parameters or {},
                 latex_notes=latex_notes, latex_columns=latex_columns, latex_title=latex_title)


def _moments(args: argparse.Namespace) -> int:
    from combalg.free.cumulants import (
        free_poisson_moments,
        moments_to_boolean_cumulants,
        moments_to_free_cumulants,
        semicircle_moments,
    )

    if args.moments is not None:
        m = parse_rational_list(args.moments, "moments")
        law = "given moments"
    elif args.law == "semicircle":
        m = semicircle_moments(args.order, parse_rational(args.variance, "variance"))
        law = f"semicircle, variance {args.variance}"
    else:
        m = free_poisson_moments(args.order, parse_rational(args.rate, "rate"))
        law = f"free Poisson, rate {args.rate}"
    k = moments_to_free_cumulants(m)
    b = moments_to_boolean_cumulants(m)
    rows = [[n + 1, m[n], k[n], b[n]] for n in range(len(m))]
    t = _table(f"Moments and cumulants ({law})", ["n", "moment m_n", "free cumulant k_n", "Boolean cumulant b_n"],
               rows, ["free cumulants by series reversion of z M(z) (M(z) = C(z M(z)))"],
               {"order": len(m), "law": law},
               latex_notes=[r"Free cumulants by series reversion of $z M(z)$, where $M(z) = C(z M(z))$."],
               latex_columns=["$n$", "moment $m_n$", r"free cumulant $\kappa_n$", "Boolean cumulant $b_n$"])
    print(t.render(args.format))
    return 0


def _moment(args: argparse.Namespace) -> int:
    from combalg.free.fock import mixed_moment

    w = parse_word(args.word)
    n = args.n_generators
    # the interval recursion first: it refuses over-long words before the slower methods start
    methods = ("dp", "operator", "pairings") if len(w) <= 20 else ("dp", "operator")
    results = {m: mixed_moment(w, method=m, n_generators=n) for m in methods}
    agree = len(set(results.values())) == 1
    rows = [[meth, val] for meth, val in results.items()]
    t = _table(f"tau(s_w) for w = {','.join(map(str, w))}", ["method", "value"], rows,
               ["operator: vacuum expectation on the Fock space; pairings/dp: colour-respecting NC pairings",
                "methods agree" if agree else "METHODS DISAGREE"], {"word": list(w)},
               latex_title=f"$\\tau(s_w)$ for $w = {','.join(map(str, w))}$")
    print(t.render(args.format))
    return 0 if agree else 1


def _commutant(args: argparse.Namespace) -> int:
    from combalg.core.errors import ResourceLimitError
    from combalg.free.commutant import MAX_COMMUTANT_COLUMNS, commutant_data
    from combalg.free.fock import words_exceed

    gens = parse_word(args.generators)
    n = commutant_data(gens, 0, args.n_generators).n_generators      # validates the generators first
    if words_exceed(n, args.degree, MAX_COMMUTANT_COLUMNS):          # refuse before degrees 0, 1, ...
        raise ResourceLimitError(f"--degree {args.degree}: Poly_<={args.degree} in {n} generators has more than "
                                 f"{MAX_COMMUTANT_COLUMNS} words (the limit of the exact rank computation)")
    rows = []
    for L in range(args.degree + 1):
        d = commutant_data(gens, L, args.n_generators)
        rows.append([L, d.dimension, d.rank, d.kernel_dimension])
    t = _table(f"Commutant of s_a, a in {{{','.join(map(str, gens))}}}, degree by degree",
               ["degree L", "dim Poly_<=L", "rank of ad", "commutant dimension"], rows,
               ["exact rank of the stacked derivations D_a = s_a - d_a on Poly_<=L"],
               {"generators": list(gens), "degree": args.degree, "n_generators": args.n_generators},
               latex_title=f"Commutant of $s_a$, $a \\in \\{{{','.join(map(str, gens))}\\}}$, degree by degree",
               latex_columns=["degree $L$", r"$\dim \mathrm{Poly}_{\le L}$", r"rank of $\mathrm{ad}$",
                              "commutant dimension"],
               latex_notes=[r"Exact rank of the stacked derivations $D_a = s_a - d_a$ on "
                            r"$\mathrm{Poly}_{\le L}$."])
    print(t.render(args.format))
    return 0


def render_matrix(P, N: int, fmt: str) -> str:
    """Render ``P_N`` as ``1/(2(N+1))`` times an integer matrix, in text, md, latex, csv or json."""
    den = 2 * (N + 1)
    num = [[int(P[i, j] * den) for j in range(P.ncols())] for i in range(P.nrows())]
    labels = [f"({a},{b})" for a in range(N) for b in range(N)]
    if fmt == "json":
        return json.dumps({"N": N, "denominator": den, "index_order": [[a, b] for a in range(N) for b in range(N)],
                           "numerators": num,
                           "note": "commutant projection of the truncated free Jacobi matrix (reconstruction; "
                                   "not Langer's formula)"}, indent=None)
    label = "commutant projection of the truncated free Jacobi matrix (reconstruction, not Langer's formula)"
    if fmt == "csv":
        lines = ['"P_' + str(N) + ': ' + label + '",' + ",".join(labels)]
        for lab, row in zip(labels, num):
            cells = [str(Fraction(x, den)) for x in row]
            lines.append('"' + lab + '",' + ",".join(cells))
        return "\n".join(lines)
    if fmt == "latex":
        cols = "r" * len(num)
        body = " \\\\\n".join(" & ".join(str(x) for x in row) for row in num)
        # a displayed equation that compiles as it is; small type and narrow gaps keep N <= 4 on the page
        return (f"% commutant projection of the truncated free Jacobi matrix X_{N} (reconstruction, not Langer's formula)\n"
                f"% rows and columns (a,b), 0 <= a,b < {N}, lexicographic; needs \\usepackage{{amsmath}}\n"
                "\\begingroup\\small\\setlength{\\arraycolsep}{2pt}\n"
                f"\\[\nP_{{{N}}} = \\frac{{1}}{{{den}}}\\left(\\begin{{array}}{{{cols}}}\n{body}\n\\end{{array}}\\right)\n\\]\n"
                "\\endgroup")
    width = max(len(str(x)) for row in num for x in row)
    head = f"P_{N} = 1/{den} * (rows/columns (a,b) lexicographic, 0 <= a,b < {N})\n{label}"
    if fmt == "md":
        lines = ["| (a,b) | " + " | ".join(labels) + " |", "|---" * (len(labels) + 1) + "|"]
        lines += ["| " + lab + " | " + " | ".join(str(x) for x in row) + " |" for lab, row in zip(labels, num)]
        return head + "\n\n" + "\n".join(lines)
    return head + "\n" + "\n".join(" ".join(str(x).rjust(width) for x in row) for row in num)


def _projection(args: argparse.Namespace) -> int:
    from combalg.free.projection import jacobi_commutant_projection, projection_report

    P = jacobi_commutant_projection(args.N, method=args.method)
    print(render_matrix(P, args.N, args.format))
    if args.check:
        r = projection_report(P)
        print(f"P^2 = P: {r.idempotent}; P^T = P: {r.symmetric}; trace = {r.trace}; rank = {r.rank}; "
              f"max |entry| = {r.max_abs_entry}")
    return 0


def _self_similarity(args: argparse.Namespace) -> int:
    from combalg.free.projection import MAX_PROJECTION_N, check_self_similarity

    if 2 * args.N + 1 > MAX_PROJECTION_N:   # refuse before checking N = 1, 2, ... one by one
        raise InvalidInputError(f"invalid --N {args.N}: expected 2N+1 <= {MAX_PROJECTION_N}, i.e. "
                                f"N <= {(MAX_PROJECTION_N - 1) // 2}")
    rows = []
    ok = True
    for N in range(1, args.N + 1):
        r = check_self_similarity(N, method=args.method)
        ok = ok and r.ok
        mm = r.first_mismatch
        rows.append([N, 2 * N + 1, "yes" if mm is None else f"NO at {mm.where[0]},{mm.where[1]}: {mm.left} != {mm.right}"])
    t = _table("Self-similarity of the commutant projection (reconstruction): P_{2N+1} on odd indices = P_N / 2",
               ["N", "2N+1", "holds exactly"], rows, [], {"N": args.N, "method": args.method},
               latex_title=r"Self-similarity of the commutant projection (reconstruction): "
                           r"$P_{2N+1}$ on odd indices $= P_N/2$",
               latex_columns=["$N$", "$2N+1$", "holds exactly"])
    print(t.render(args.format))
    return 0 if ok else 1


def _monomial(word: tuple[int, ...]) -> str:
    """``(1, 2, 2)`` -> ``"s_1 s_2 s_2"``; the empty word is ``1``."""
    return " ".join(f"s_{i}" for i in word) or "1"


def _combination(image: dict) -> str:
    """A linear combination of monomials, e.g. ``"s_1 + 1/2 s_2 s_2"``."""
    terms = []
    for u, c in image.items():
        if u:
            terms.append(_monomial(u) if c == 1 else f"{c} {_monomial(u)}")
        else:
            terms.append(str(c))
    return " + ".join(terms).replace("+ -", "- ") or "0"


def _expectation(args: argparse.Namespace) -> int:
    from combalg.free.projection import conditional_expectation_matrix

    w = parse_word(args.word)
    E = conditional_expectation_matrix(args.n_generators, max(args.degree, len(w)), args.generator)
    image = E.apply({w: 1})
    print(f"E[{_monomial(w)}] = {_combination(image)}   (conditional expectation onto "
          f"W*(s_{args.generator}); monomial basis)")
    checks = E.check()
    print("checks: " + ", ".join(f"{k}={v}" for k, v in checks.items()))
    return 0 if all(checks.values()) else 1


def register(parser: argparse.ArgumentParser) -> None:
    """Add the ``free`` sub-subcommands to ``parser``."""
    sub = parser.add_subparsers(dest="free_command", metavar="SUBCOMMAND", required=True)

    p = sub.add_parser("moments", help="moments with free and Boolean cumulants (exact, fast to order ~1000)")
    p.add_argument("--order", type=positive_int, default=20, help="number of moments (default 20)")
    p.add_argument("--law", choices=["semicircle", "free-poisson"], default="semicircle")
    p.add_argument("--variance", default="1", help="semicircle variance, an exact rational (default 1)")
    p.add_argument("--rate", default="1", help="free Poisson rate, an exact rational (default 1)")
    p.add_argument("--moments", default=None, help="your own moments m_1, m_2, ... (comma-separated rationals)")
    p.add_argument("--format", choices=_FORMATS, default="text")
    p.set_defaults(func=_moments)

    p = sub.add_parser("moment", help="mixed moment tau(s_w1 ... s_wk) by the operator model and by NC pairings")
    p.add_argument("--word", required=True, help="letters, e.g. 1,2,2,1")
    p.add_argument("--n-generators", type=positive_int, default=None, help="number of generators (letters 1..n)")
    p.add_argument("--format", choices=_FORMATS, default="text")
    p.set_defaults(func=_moment)

    p = sub.add_parser("commutant", help="dimension of the commutant of given generators, degree by degree")
    p.add_argument("--generators", default="1", help="letters of the generators, e.g. 1 or 1,2 (default 1)")
    p.add_argument("--degree", type=nonnegative_int, default=6, help="maximal degree (default 6)")
    p.add_argument("--n-generators", type=positive_int, default=None, help="generators in the system (default max(2, ...))")
    p.add_argument("--format", choices=_FORMATS, default="text")
    p.set_defaults(func=_commutant)

    p = sub.add_parser("projection",
                       help="P_N, the commutant projection of the truncated free Jacobi matrix (a reconstruction)")
    p.add_argument("--N", type=positive_int, default=3, help="truncation size (default 3)")
    p.add_argument("--method", choices=["closed_form", "powers", "nullspace"], default="closed_form")
    p.add_argument("--format", choices=_FORMATS, default="text")
    p.add_argument("--check", action="store_true", help="also print P^2 = P, P^T = P, trace, rank")
    p.set_defaults(func=_projection)

    p = sub.add_parser("self-similarity", help="check P_{2N+1} on odd indices = P_N / 2 for N = 1..N")
    p.add_argument("--N", type=positive_int, default=5)
    p.add_argument("--method", choices=["closed_form", "powers", "nullspace"], default="closed_form")
    p.add_argument("--format", choices=_FORMATS, default="text")
    p.set_defaults(func=_self_similarity)

    p = sub.add_parser("expectation",
                       help="conditional expectation onto W*(s_i) of a monomial, in the monomial basis")
    p.add_argument("--word", required=True, help="the monomial s_w as letters, e.g. 1,2,2")
    p.add_argument("--n-generators", type=positive_int, default=2)
    p.add_argument("--degree", type=nonnegative_int, default=0, help="basis degree (default: the word length)")
    p.add_argument("--generator", type=positive_int, default=1)
    p.set_defaults(func=_expectation)
