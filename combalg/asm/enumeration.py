"""Counting alternating sign matrices: the product formula and the x-enumeration.

* :func:`asm_count` -- the number ``A_n`` of ``n x n`` ASMs, from the product
  formula ``A_n = prod_{k=0}^{n-1} (3k+1)! / (n+k)!`` (Zeilberger; Kuperberg).
* :func:`x_enumeration` -- ``A(n; x) = sum_A x^{N(A)}`` and the distribution of
  the number ``N(A)`` of ``-1`` entries.  The default method is a transfer
  computation over the rows of monotone triangles (fast up to ``n ~ 12``); the
  method ``"enumerate"`` visits every ASM and serves as the independent check.

Examples
--------
>>> from combalg.asm import asm_count, x_enumeration
>>> [asm_count(n) for n in range(8)]
[1, 1, 2, 7, 42, 429, 7436, 218348]
>>> x_enumeration(5, 3)
2025
>>> negative_ones_distribution(5)
{0: 120, 1: 200, 2: 94, 3: 14, 4: 1}

References
----------
D. Zeilberger, *Proof of the alternating sign matrix conjecture*, Electron. J.
Combin. 3 (1996); G. Kuperberg, *Another proof of the alternating-sign matrix
conjecture*, IMRN 1996; W. H. Mills, D. P. Robbins, H. Rumsey (1983).
"""

from __future__ import annotations

from fractions import Fraction
from math import factorial
from typing import Union

from combalg.asm.monotone import _check_size, _children, alternating_sign_matrices
from combalg.core.errors import InvalidInputError

__all__ = ["asm_count", "x_enumeration", "negative_ones_distribution"]

Number = Union[int, Fraction]


def asm_count(n: int) -> int:
    """The number of ``n x n`` alternating sign matrices (product formula).

    Parameters
    ----------
    n : int
        ``n >= 0``.

    Examples
    --------
    >>> asm_count(10)
    129534272700
    """
    n = _check_size(n)
    num = 1
    den = 1
    for k in range(n):
        num *= factorial(3 * k + 1)
        den *= factorial(n + k)
    q, r = divmod(num, den)
    assert r == 0
    return q


def negative_ones_distribution(n: int, method: str = "transfer") -> dict[int, int]:
    """The distribution ``{N: #ASMs of size n with N entries -1}``.

    Parameters
    ----------
    n : int
        The size.
    method : {"transfer", "enumerate"}
        ``"transfer"`` propagates the distribution row by row through the
        monotone triangles; ``"enumerate"`` visits every ASM.

    Examples
    --------
    >>> negative_ones_distribution(6)
    {0: 720, 1: 2400, 2: 2684, 3: 1284, 4: 310, 5: 36, 6: 2}
    >>> negative_ones_distribution(4, method="enumerate")
    {0: 24, 1: 16, 2: 2}
    """
    n = _check_size(n)
    if method == "enumerate":
        dist: dict[int, int] = {}
        for A in alternating_sign_matrices(n):
            k = sum(1 for r in A for x in r if x < 0)
            dist[k] = dist.get(k, 0) + 1
        return dict(sorted(dist.items()))
    if method != "transfer":
        raise InvalidInputError(f"invalid method {method!r}: expected 'transfer' or 'enumerate'")
    if n == 0:
        return {0: 1}
    children = _children(n)
    # states: row of the monotone triangle -> distribution (list indexed by N so far)
    states: dict[tuple[int, ...], list[int]] = {tuple(range(1, n + 1)): [1]}
    for _ in range(n):
        new: dict[tuple[int, ...], list[int]] = {}
        for b, dist_b in states.items():
            bset = set(b)
            for a, _row in children.get(b, [((), None)]):
                k = sum(1 for j in a if j not in bset)
                acc = new.setdefault(a, [])
                need = len(dist_b) + k
                if len(acc) < need:
                    acc.extend([0] * (need - len(acc)))
                for i, c in enumerate(dist_b):
                    acc[i + k] += c
        states = new
    total = states[()]
    return {k: c for k, c in enumerate(total) if c}


def x_enumeration(n: int, x: Number = 1, method: str = "transfer") -> Number:
    """The x-enumeration ``A(n; x) = sum over n x n ASMs of x^{N(A)}``.

    Parameters
    ----------
    n : int
        The size.
    x : int or Fraction
        The weight of a ``-1`` entry.
    method : {"transfer", "enumerate"}
        See :func:`negative_ones_distribution`.

    Returns
    -------
    int or Fraction

    Examples
    --------
    >>> [x_enumeration(n, 2) for n in range(1, 7)]
    [1, 2, 8, 64, 1024, 32768]
    >>> [x_enumeration(n, 3) for n in range(1, 7)]
    [1, 2, 9, 90, 2025, 102060]
    """
    if isinstance(x, bool) or not isinstance(x, (int, Fraction)):
        raise InvalidInputError(f"invalid x={x!r}: expected an integer or a Fraction")
    dist = negative_ones_distribution(n, method)
    return sum(c * x ** k for k, c in dist.items())
