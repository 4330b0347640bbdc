"""``combalg table free``: the commutant projections P_N (a reconstruction), N by N.

For each N: the size N^2 of the matrix, trace, rank, whether P^2 = P and
P^T = P exactly, the largest absolute entry (and 2(N+1) times it), whether the
closed form agrees with exact linear algebra, and whether the self-similarity
P_{2N+1} on odd indices = P_N / 2 holds.

Examples
--------
>>> from combalg.tables import make
>>> t = make("free", N=[1, 2, 3])
>>> [row[:4] for row in t.rows]
[[1, 1, 1, 1], [2, 4, 2, 2], [3, 9, 3, 3]]
"""

from __future__ import annotations

import time

from combalg.tables.registry import Param, flag, int_list
from combalg.tables.table import Table

NAME = "free"
HELP = "commutant projections P_N of the truncated free Jacobi matrix (reconstruction): dimensions, traces, max entries"

#: the largest N of the table (the documented maximum of --N; P_N has N^4 entries)
MAX_N = 32

PARAMETERS = (
    Param("N", list(range(1, 9)), f"sizes, e.g. 1..8 (default) or 2,4,8; N <= {MAX_N}", int_list("N", 1, MAX_N)),
    Param("methods", True, "compare the closed form with exact linear algebra (for N <= 16)", flag("methods")),
    Param("self_similarity", True, "check P_{2N+1}|odd = P_N / 2", flag("self_similarity")),
)


def build(N: list[int], methods: bool, self_similarity: bool) -> Table:
    """Build the table for the sizes ``N`` (normalized by [`combalg.tables.make`][combalg.tables.make])."""
    from combalg.free.projection import (
        MAX_PROJECTION_N,
        check_projection_methods,
        check_self_similarity,
        jacobi_commutant_projection,
        projection_report,
    )

    sizes = list(N)
    selfsim = self_similarity
    t0 = time.perf_counter()
    rows: list[list[object]] = []
    for N in sizes:  # noqa: B020 - the parameter is the list of sizes
        P = jacobi_commutant_projection(N)
        r = projection_report(P)
        trace = int(r.trace) if r.trace.denominator == 1 else r.trace
        row: list[object] = [N, r.size, trace, r.rank, r.idempotent and r.symmetric, r.max_abs_entry,
                             r.max_abs_entry * 2 * (N + 1)]
        # P (the closed form) is the reference of both checks: computed once per row
        row.append(check_projection_methods(N, P=P).ok if methods and N <= 16 else "-")
        row.append(check_self_similarity(N, P=P).ok if selfsim and 2 * N + 1 <= MAX_PROJECTION_N else "-")
        rows.append(row)
    return Table(
        title="Commutant projection P_N of the truncated free Jacobi matrix (reconstruction)",
        columns=["N", "size N^2", "trace", "rank", "P^2=P=P^T", "max |entry|", "2(N+1) max", "closed form = lin. alg.",
                 "P_{2N+1}|odd = P_N/2"],
        rows=rows,
        notes=[
            "P_N projects M_N (Hilbert-Schmidt) onto the commutant of X_N, the N x N 0/1 tridiagonal matrix.",
            "A reconstruction of the self-similar projection of Langer's thesis (arXiv:2110.12629, Part III); "
            "Langer's own formula is not reproduced.",
            "Linear algebra: B (B^T B)^-1 B^T with B an exact basis of ker(X (x) 1 - 1 (x) X) (checked for N <= 16).",
        ],
        parameters={"N": sizes, "methods": methods, "self_similarity": selfsim},
        wall_time=time.perf_counter() - t0,
        latex_title=r"Commutant projection $P_N$ of the truncated free Jacobi matrix (reconstruction)",
        latex_columns=["$N$", r"size\\$N^2$", "trace", "rank", r"$P^2 = P$\\$= P^T$", r"$\max$\\$|P_{ij}|$",
                       r"$2(N+1)$\\${}\cdot \max |P_{ij}|$", r"closed form\\$=$ lin.\ alg.",
                       r"$P_{2N+1}|_{\mathrm{odd}}$\\${} = P_N/2$"],
        latex_notes=[
            r"$P_N$ projects $M_N$ (Hilbert--Schmidt) onto the commutant of $X_N$, the $N \times N$ $0/1$ "
            r"tridiagonal matrix.",
            r"A reconstruction of the self-similar projection of Langer's thesis (arXiv:2110.12629, Part III); "
            r"Langer's own formula is not reproduced.",
            r"Linear algebra: $B (B^T B)^{-1} B^T$ with $B$ an exact basis of "
            r"$\ker(X \otimes 1 - 1 \otimes X)$ (checked for $N \le 16$).",
        ],
    )
