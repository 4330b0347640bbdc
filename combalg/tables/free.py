"""``combalg table free``: the commutant projections P_N (a reconstruction), N by N.

For each N: the size N^2 of the matrix, trace, rank, whether P^2 = P and
P^T = P exactly, the largest absolute entry (and 2(N+1) times it), whether the
closed form agrees with exact linear algebra, and whether the self-similarity
P_{2N+1} on odd indices = P_N / 2 holds.

Examples
--------
>>> import argparse
>>> t = build(argparse.Namespace(N=[1, 2, 3], methods=True, self_similarity=True))
>>> [row[:4] for row in t.rows]
[[1, 1, 1, 1], [2, 4, 2, 2], [3, 9, 3, 3]]
"""

from __future__ import annotations

import argparse
import time

from combalg.tables.table import Table

NAME = "free"
HELP = "commutant projections P_N of the truncated free Jacobi matrix (reconstruction): dimensions, traces, max entries"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--N 1..8`` (a range or list), ``--no-methods``, ``--no-self-similarity``."""
    from combalg.tables.cli import parse_int_range

    parser.add_argument("--N", type=parse_int_range, default=list(range(1, 9)),
                        help="sizes, e.g. 1..8 or 2,4,8 (default 1..8)")
    parser.add_argument("--no-methods", dest="methods", action="store_false",
                        help="skip the comparison of the closed form with exact linear algebra")
    parser.add_argument("--no-self-similarity", dest="self_similarity", action="store_false",
                        help="skip the check P_{2N+1}|odd = P_N / 2")


def build(args: argparse.Namespace) -> Table:
    """Build the table for the sizes ``args.N``."""
    from combalg.core.errors import expect
    from combalg.free.projection import (
        MAX_PROJECTION_N,
        check_projection_methods,
        check_self_similarity,
        jacobi_commutant_projection,
        projection_report,
    )

    sizes = list(args.N)
    expect(len(sizes) > 0 and all(1 <= N <= MAX_PROJECTION_N for N in sizes), "--N", sizes,
           f"sizes in 1..{MAX_PROJECTION_N}")
    methods = getattr(args, "methods", True)
    selfsim = getattr(args, "self_similarity", True)
    t0 = time.perf_counter()
    rows: list[list[object]] = []
    for N in sizes:
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
        parameters={"N": sizes},
        wall_time=time.perf_counter() - t0,
        latex_title=r"Commutant projection $P_N$ of the truncated free Jacobi matrix (reconstruction)",
        latex_columns=["$N$", "size $N^2$", "trace", "rank", "$P^2 = P = P^T$", r"$\max |P_{ij}|$",
                       r"$2(N+1) \max |P_{ij}|$", r"closed form $=$ lin.\ alg.",
                       r"$P_{2N+1}|_{\mathrm{odd}} = P_N/2$"],
        latex_notes=[
            r"$P_N$ projects $M_N$ (Hilbert--Schmidt) onto the commutant of $X_N$, the $N \times N$ $0/1$ "
            r"tridiagonal matrix.",
            r"A reconstruction of the self-similar projection of Langer's thesis (arXiv:2110.12629, Part III); "
            r"Langer's own formula is not reproduced.",
            r"Linear algebra: $B (B^T B)^{-1} B^T$ with $B$ an exact basis of "
            r"$\ker(X \otimes 1 - 1 \otimes X)$ (checked for $N \le 16$).",
        ],
    )
