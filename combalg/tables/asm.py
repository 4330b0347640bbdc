"""``combalg table asm``: ASM counts, x-enumerations and the distribution of -1 entries.

Columns: ``n``, ``A_n`` by the product formula, ``A(n; x)`` for each requested
``x`` (transfer over monotone triangles), whether the transfer's total equals the
product formula, and, with ``--distribution``, the number of ASMs by their number
of -1 entries.

Examples
--------
>>> import argparse
>>> t = build(argparse.Namespace(n=[1, 2, 3, 4, 5, 6], x=[1, 2, 3], distribution=False))
>>> [row[:5] for row in t.rows][-2:]
[[5, 429, 429, 1024, 2025], [6, 7436, 7436, 32768, 102060]]
"""

from __future__ import annotations

import argparse
import time
from combalg.core.latex import fraction
from combalg.tables.table import Table

NAME = "asm"
HELP = "alternating sign matrices: A_n (product formula), x-enumerations A(n; x), number of -1 entries"

MAX_N = 13


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--n 1..8``, ``--x 1,2,3``, ``--distribution``."""
    from combalg.tables.cli import parse_int_range

    parser.add_argument("--n", type=parse_int_range, default=list(range(1, 9)), help="sizes, e.g. 1..8 (default)")
    parser.add_argument("--x", type=_rational_list, default=[1, 2, 3],
                        help="weights x, integers or rationals, e.g. 1,2,3 (default) or 1/2,-1")
    parser.add_argument("--distribution", action="store_true",
                        help="add a column with the distribution {N: count} of the number of -1 entries")


def _rational_list(text: str) -> list:
    """``"1,2,1/2"`` -> ``[1, 2, Fraction(1, 2)]`` (exact; for argparse ``type=``).

    >>> _rational_list("1, -2, 1/2")
    [1, -2, Fraction(1, 2)]
    """
    from combalg.core.errors import InvalidInputError
    from combalg.core.parsing import parse_entry

    parts = [p.strip() for p in text.split(",")]
    if not parts or any(not p for p in parts):
        raise argparse.ArgumentTypeError(f"invalid weights {text!r}: expected a comma-separated list such as 1,2,1/2")
    try:
        return [parse_entry(p) for p in parts]
    except InvalidInputError as exc:
        raise argparse.ArgumentTypeError(f"invalid weights {text!r}: {str(exc).splitlines()[0]}") from None


def build(args: argparse.Namespace) -> Table:
    """Build the table for sizes ``args.n`` and weights ``args.x``."""
    from combalg.asm import asm_count, negative_ones_distribution
    from combalg.core.errors import expect

    sizes = list(args.n)
    xs = list(args.x)
    expect(len(sizes) > 0 and all(1 <= n <= MAX_N for n in sizes), "--n", sizes, f"sizes in 1..{MAX_N}")
    expect(len(xs) > 0, "--x", xs, "at least one weight")
    dist_col = getattr(args, "distribution", False)
    t0 = time.perf_counter()
    rows: list[list[object]] = []
    for n in sizes:
        dist = negative_ones_distribution(n)
        count = asm_count(n)
        row: list[object] = [n, count]
        for x in xs:
            row.append(sum(c * x ** k for k, c in dist.items()))
        row.append(sum(dist.values()) == count)
        if dist_col:
            row.append(", ".join(f"{k}:{c}" for k, c in dist.items()))
        rows.append(row)
    columns = ["n", "A_n (product formula)"] + [f"A(n; {x})" for x in xs] + ["transfer = formula"]
    latex_columns = ["$n$", "$A_n$ (product formula)"] + [f"$A(n; {fraction(x, tfrac=True)})$" for x in xs]
    latex_columns.append("transfer $=$ formula")
    if dist_col:
        columns.append("#ASMs by number of -1 entries")
        latex_columns.append(r"\#ASMs by number of $-1$ entries")
    return Table(
        title="Alternating sign matrices: counts and x-enumerations",
        columns=columns,
        rows=rows,
        notes=[
            "A(n; x) = sum over n x n ASMs of x^N(A), N(A) = number of -1 entries.",
            "Computed by a transfer over the rows of monotone triangles; A_n by the product formula "
            "prod_{k<n} (3k+1)!/(n+k)!.",
            "A(n; 2) = 2^C(n,2); A(n; 3) is the 3-enumeration (Kuperberg).",
        ],
        parameters={"n": sizes, "x": xs},
        wall_time=time.perf_counter() - t0,
        latex_title=r"Alternating sign matrices: counts $A_n$ and $x$-enumerations $A(n; x)$",
        latex_columns=latex_columns,
        latex_notes=[
            r"$A(n; x) = \sum_A x^{N(A)}$ over the $n \times n$ ASMs $A$, where $N(A)$ is the number of $-1$ entries.",
            r"Computed by a transfer over the rows of monotone triangles; $A_n$ by the product formula "
            r"$\prod_{k=0}^{n-1} \frac{(3k+1)!}{(n+k)!}$.",
            r"$A(n; 2) = 2^{\binom{n}{2}}$; $A(n; 3)$ is the $3$-enumeration (Kuperberg).",
        ],
    )
