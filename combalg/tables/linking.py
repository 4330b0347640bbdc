"""``combalg table linking``: subspaces of GF(p)^(S ⊎ Q) by connectivity lambda.

For each field size p and split (|S|, |Q|): the number of subspaces (enumerated,
and by the Gaussian-binomial formula), and how many have lambda(S) <= k, that is
(by the minimum-overlap theorem) how many can be written as V_SP ↔ V_PQ with
|P| = k.

Examples
--------
>>> import argparse
>>> t = build(argparse.Namespace(p=[2], sizes=["2x2", "2x3"]))
>>> [row[:7] for row in t.rows]
[[2, 2, 2, 67, 67, 25, 61], [2, 2, 3, 374, 374, 80, 290]]
"""

from __future__ import annotations

import argparse
import time

from combalg.tables.table import Table

NAME = "linking"
HELP = "subspaces of GF(p)^(S+Q) by connectivity lambda = minimum overlap of a decomposition"

_MAXK = 3


def _sizes(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--p 2,3`` and ``--sizes 1x1,2x2,2x3``."""
    from combalg.tables.cli import parse_int_range

    parser.add_argument("--p", type=parse_int_range, default=[2, 3], help="primes, e.g. 2,3 (default 2,3)")
    parser.add_argument("--sizes", type=_sizes, default=["1x1", "1x2", "2x2", "2x3"],
                        help="splits |S|x|Q|, e.g. 2x2,2x3 (default 1x1,1x2,2x2,2x3)")


def build(args: argparse.Namespace) -> Table:
    """Build the table."""
    from combalg.core.errors import InvalidInputError
    from combalg.linking.enumeration import count_by_connectivity, count_subspaces

    t0 = time.perf_counter()
    rows: list[list[object]] = []
    for p in args.p:
        for size in args.sizes:
            try:
                s, q = (int(x) for x in size.lower().split("x"))
            except ValueError:
                raise InvalidInputError(f"invalid size {size!r}: expected |S|x|Q| such as 2x3") from None
            if s < 0 or q < 0 or s + q > 6:
                raise InvalidInputError(f"invalid size {size!r}: expected |S| + |Q| <= 6")
            S = [f"s{i}" for i in range(s)]
            Q = [f"q{i}" for i in range(q)]
            counts = count_by_connectivity(p, S, Q)
            total = sum(counts.values())
            cum, acc = [], 0
            for k in range(_MAXK + 1):
                acc += counts.get(k, 0)
                cum.append(acc)
            rows.append([p, s, q, total, count_subspaces(s + q, p)] + cum)
    return Table(
        title="Subspaces of GF(p)^(S ⊎ Q) by connectivity lambda(S)",
        columns=["p", "#S", "#Q", "subspaces", "Gaussian binomials"] + [f"lambda <= {k}" for k in range(_MAXK + 1)],
        rows=rows,
        notes=[
            "lambda(S) = r(V·S) - r(V×S) is the minimum |P| over decompositions V = V_SP ↔ V_PQ.",
            "Subspaces are enumerated from RREF shapes; the total is checked against the Gaussian-binomial sum.",
        ],
        parameters={"p": list(args.p), "sizes": list(args.sizes)},
        wall_time=time.perf_counter() - t0,
        latex_title=r"Subspaces of $\mathrm{GF}(p)^{S \uplus Q}$ by connectivity $\lambda(S)$",
        latex_columns=["$p$", "$|S|$", "$|Q|$", "subspaces", "Gaussian binomials"]
        + [f"$\\lambda \\le {k}$" for k in range(_MAXK + 1)],
        latex_notes=[
            r"$\lambda(S) = r(V \cdot S) - r(V \times S)$ is the minimum $|P|$ over decompositions "
            r"$V = V_{SP} \leftrightarrow V_{PQ}$.",
            r"Subspaces are enumerated from RREF shapes; the total is checked against the Gaussian-binomial sum.",
        ],
    )
