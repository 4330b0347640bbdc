"""``combalg table linking``: subspaces of GF(p)^(S ⊎ Q) by connectivity lambda.

For each field size p and split (|S|, |Q|): the number of subspaces (enumerated,
and by the Gaussian-binomial formula), and how many have lambda(S) <= k, that is
(by the minimum-overlap theorem) how many can be written as V_SP ↔ V_PQ with
|P| = k.

Examples
--------
>>> from combalg.tables import make
>>> t = make("linking", p=[2], sizes=["2x2", "2x3"])
>>> [row[:7] for row in t.rows]
[[2, 2, 2, 67, 67, 25, 61], [2, 2, 3, 374, 374, 80, 290]]
"""

from __future__ import annotations

import time

from combalg.tables.registry import Param, int_list, str_list
from combalg.tables.table import Table

NAME = "linking"
HELP = "subspaces of GF(p)^(S+Q) by connectivity lambda = minimum overlap of a decomposition"

_MAXK = 3
#: the documented maxima: primes up to MAX_P, |S| + |Q| <= MAX_LABELS
MAX_P = 3
MAX_LABELS = 6


def _primes(value: object) -> list[int]:
    from combalg.core.errors import InvalidInputError

    ps = int_list("p", 2, MAX_P)(value)
    if any(p not in (2, 3) for p in ps):
        raise InvalidInputError(f"invalid p {value!r}: expected primes among 2, 3")
    return ps


PARAMETERS = (
    Param("p", [2, 3], f"primes 2 or 3, e.g. 2,3 (default)", _primes),
    Param("sizes", ["1x1", "1x2", "2x2", "2x3"],
          f"splits |S|x|Q|, e.g. 2x2,2x3 (default 1x1,1x2,2x2,2x3); |S| + |Q| <= {MAX_LABELS}",
          str_list("sizes", "comma-separated splits |S|x|Q| such as 2x2,2x3")),
)


def build(p: list[int], sizes: list[str]) -> Table:
    """Build the table (parameters normalized by [`combalg.tables.make`][combalg.tables.make])."""
    from combalg.core.errors import InvalidInputError
    from combalg.linking.enumeration import count_by_connectivity, count_subspaces

    t0 = time.perf_counter()
    rows: list[list[object]] = []
    primes = list(p)
    for p in primes:  # noqa: B020
        for size in sizes:
            try:
                s, q = (int(x) for x in size.lower().split("x"))
            except ValueError:
                raise InvalidInputError(f"invalid size {size!r}: expected |S|x|Q| such as 2x3") from None
            if s < 0 or q < 0 or s + q > MAX_LABELS:
                raise InvalidInputError(f"invalid size {size!r}: expected |S| + |Q| <= {MAX_LABELS}")
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
        parameters={"p": primes, "sizes": list(sizes)},
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
