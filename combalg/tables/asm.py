"""``combalg table asm``: ASM counts, x-enumerations and the distribution of -1 entries.

Columns: ``n``, ``A_n`` by the product formula, ``A(n; x)`` for each requested
``x`` (transfer over monotone triangles), whether the transfer's total equals the
product formula, and, with ``--distribution``, the number of ASMs by their number
of -1 entries.

Examples
--------
>>> from combalg.tables import make
>>> t = make("asm", n="1..6")
>>> [row[:5] for row in t.rows][-2:]
[[5, 429, 429, 1024, 2025], [6, 7436, 7436, 32768, 102060]]
"""

from __future__ import annotations

import time

from combalg.tables.registry import Param, flag, int_list, rational_list
from combalg.tables.table import Table

NAME = "asm"
HELP = "alternating sign matrices: A_n (product formula), x-enumerations A(n; x), number of -1 entries"

#: the largest size (the documented maximum of --n)
MAX_N = 13
#: the most weights x (the documented maximum of --x)
MAX_WEIGHTS = 3

PARAMETERS = (
    Param("n", list(range(1, 9)), f"sizes, e.g. 1..8 (default); n <= {MAX_N}", int_list("n", 1, MAX_N)),
    Param("x", [1, 2, 3], f"weights x, integers or rationals, e.g. 1,2,3 (default) or 1/2,-1 "
          f"(write --x=-1,2 for a leading minus); at most {MAX_WEIGHTS} weights",
          rational_list("x", MAX_WEIGHTS)),
    Param("distribution", False, "add a column with the distribution {N: count} of the number of -1 entries",
          flag("distribution")),
)


def build(n: list[int], x: list, distribution: bool) -> Table:
    """Build the table for sizes ``n`` and weights ``x`` (normalized by [`combalg.tables.make`][combalg.tables.make])."""
    from combalg.asm import asm_count, negative_ones_distribution

    sizes, xs, dist_col = list(n), list(x), distribution
    t0 = time.perf_counter()
    rows: list[list[object]] = []
    for n in sizes:
        dist = negative_ones_distribution(n)
        count = asm_count(n)
        row: list[object] = [n, count]
        for w in xs:
            row.append(sum(c * w ** k for k, c in dist.items()))
        row.append(sum(dist.values()) == count)
        if dist_col:
            row.append(", ".join(f"{k}:{c}" for k, c in dist.items()))
        rows.append(row)
    columns = ["n", "A_n (product formula)"] + [f"A(n; {w})" for w in xs] + ["transfer = formula"]
    latex_columns = ["$n$", "$A_n$ (product\\\\formula)"] + [f"$A(n; {w})$" for w in xs]
    latex_columns.append("transfer\\\\$=$ formula")
    latex_align = None
    if dist_col:
        columns.append("#ASMs by number of -1 entries")
        latex_columns.append(r"\#ASMs by number\\of $-1$ entries")
        latex_align = ["r"] * (len(columns) - 1) + [r"p{0.25\linewidth}"]
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
        parameters={"n": sizes, "x": xs, "distribution": dist_col},
        wall_time=time.perf_counter() - t0,
        latex_align=latex_align,
        landscape=dist_col,  # the distribution column does not fit beside the others upright
        latex_title=r"Alternating sign matrices: counts $A_n$ and $x$-enumerations $A(n; x)$",
        latex_columns=latex_columns,
        latex_notes=[
            r"$A(n; x) = \sum_A x^{N(A)}$ over the $n \times n$ ASMs $A$, where $N(A)$ is the number of $-1$ entries.",
            r"Computed by a transfer over the rows of monotone triangles; $A_n$ by the product formula "
            r"$\prod_{k=0}^{n-1} (3k+1)!/(n+k)!$.",
            r"$A(n; 2) = 2^{\binom{n}{2}}$; $A(n; 3)$ is the $3$-enumeration (Kuperberg).",
        ],
    )
