"""Exhaustive enumeration of subspaces of GF(p)^E (small cases, for checks and tables).

>>> from combalg.linking.enumeration import subspaces, count_by_connectivity
>>> sum(1 for _ in subspaces(["a", "b", "c"], 2))
16
>>> count_by_connectivity(2, ["s0", "s1"], ["q0", "q1"])
{0: 25, 1: 36, 2: 6}
"""

from __future__ import annotations

import itertools
from typing import Any, Hashable, Iterator, Sequence

from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.linking import _linalg as la
from combalg.linking.spaces import LabelledSpace

__all__ = ["subspaces", "count_subspaces", "count_by_connectivity"]


def count_subspaces(n: int, p: int) -> int:
    """Number of subspaces of GF(p)^n (sum of Gaussian binomials).

    Examples
    --------
    >>> [count_subspaces(n, 2) for n in range(6)]
    [1, 2, 5, 16, 67, 374]
    """
    total = 0
    for k in range(n + 1):
        num, den = 1, 1
        for i in range(k):
            num *= p ** (n - i) - 1
            den *= p ** (i + 1) - 1
        total += num // den
    return total


def subspaces(labels: Sequence[Hashable], field: Any, limit: int = 200_000) -> Iterator[LabelledSpace]:
    """Every subspace of GF(p)^labels, generated from RREF shapes (pivot set and free entries).

    Raises
    ------
    InvalidInputError
        For the field QQ (infinitely many subspaces).
    ResourceLimitError
        If there are more than ``limit`` subspaces (checked before starting).
    """
    p = la.field_char(field)
    if p == 0:
        raise InvalidInputError("invalid field QQ: subspaces() enumerates only over GF(p)")
    n = len(labels)
    total = count_subspaces(n, p)
    if total > limit:
        raise ResourceLimitError(f"subspaces(): GF({p})^{n} has {total} subspaces, more than limit={limit}")
    for k in range(n + 1):
        for piv in itertools.combinations(range(n), k):
            free = [(i, j) for i in range(k) for j in range(piv[i] + 1, n) if j not in piv]
            for vals in itertools.product(range(p), repeat=len(free)):
                rows = [[0] * n for _ in range(k)]
                for i in range(k):
                    rows[i][piv[i]] = 1
                for (i, j), v in zip(free, vals):
                    rows[i][j] = v
                yield LabelledSpace(rows, labels, p)


def count_by_connectivity(field: Any, S: Sequence[Hashable], Q: Sequence[Hashable]) -> dict[int, int]:
    """How many subspaces of GF(p)^(S ⊎ Q) have connectivity lambda(S) = k, for each k."""
    out: dict[int, int] = {}
    for V in subspaces(list(S) + list(Q), field):
        lam = V.connectivity(S)
        out[lam] = out.get(lam, 0) + 1
    return dict(sorted(out.items()))
