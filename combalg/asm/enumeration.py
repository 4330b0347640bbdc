"""Counting alternating sign matrices: the product formula and the x-enumeration.

* [`asm_count`][asm_count] -- the number ``A_n`` of ``n x n`` ASMs, from the product
  formula ``A_n = prod_{k=0}^{n-1} (3k+1)! / (n+k)!`` (Zeilberger; Kuperberg).
* [`x_enumeration`][x_enumeration] -- ``A(n; x) = sum_A x^{N(A)}`` and the distribution of
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
from typing import Union

from combalg.asm.monotone import _children, alternating_sign_matrices
from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.core.bignum import short_repr
from combalg.core.validation import nonnegative_int

__all__ = ["asm_count", "x_enumeration", "negative_ones_distribution"]

Number = Union[int, Fraction]


#: Largest size [`asm_count`][asm_count] accepts (``A_5000`` has about 2.8 million digits; a few seconds).
MAX_COUNT_SIZE = 5000
#: Largest size of the row transfer in [`negative_ones_distribution`][negative_ones_distribution].
MAX_TRANSFER_SIZE = 13
#: Largest size that method ``"enumerate"`` visits (``A_8 = 10 850 216`` ASMs).
MAX_ENUMERATE_SIZE = 8


def asm_count(n: int) -> int:
    """The number of ``n x n`` alternating sign matrices (product formula).

    ``A_n = prod_{k=0}^{n-1} (3k+1)! / (n+k)!``, evaluated as ``prod_j j^{w(j)}``
    where ``w(j)`` counts the factorials of the numerator minus those of the
    denominator that contain the factor ``j`` (so no huge factorials are formed).

    Parameters
    ----------
    n : int
        ``0 <= n <= MAX_COUNT_SIZE``.

    Raises
    ------
    InvalidInputError
        If ``n`` is not a nonnegative integer.
    ResourceLimitError
        If ``n > MAX_COUNT_SIZE`` (checked before any work).

    Examples
    --------
    >>> asm_count(10)
    129534272700
    """
    import flint

    n = nonnegative_int("n", n)
    if n > MAX_COUNT_SIZE:
        raise ResourceLimitError(f"invalid size n={n}: asm_count accepts n <= {MAX_COUNT_SIZE} (A_n has about "
                                 f"0.114 n^2 digits)")
    pos, neg = [], []
    for j in range(2, 3 * n - 1):
        w = (n - (j + 1) // 3) - max(0, n - max(0, j - n))  # #{k: 3k+1 >= j} - #{k: n+k >= j}
        if w > 0:
            pos.append(flint.fmpz(j) ** w)
        elif w < 0:
            neg.append(flint.fmpz(j) ** (-w))
    q, r = divmod(_product(pos), _product(neg))
    if r != 0:  # pragma: no cover - the product formula gives an integer
        raise ArithmeticError("product formula did not divide exactly")
    return int(q)


def _product(xs: list) -> object:
    """Balanced product of FLINT integers."""
    import flint

    while len(xs) > 1:
        xs = [xs[i] * xs[i + 1] if i + 1 < len(xs) else xs[i] for i in range(0, len(xs), 2)]
    return xs[0] if xs else flint.fmpz(1)


def negative_ones_distribution(n: int, method: str = "transfer") -> dict[int, int]:
    """The distribution ``{N: #ASMs of size n with N entries -1}``.

    Parameters
    ----------
    n : int
        The size.
    method : {"transfer", "enumerate"}
        ``"transfer"`` propagates the distribution row by row through the
        monotone triangles; ``"enumerate"`` visits every ASM.

    Raises
    ------
    InvalidInputError
        For a bad size or method.
    ResourceLimitError
        Before any work, for ``n > MAX_TRANSFER_SIZE`` (``"transfer"``, about
        half a minute at the limit) or ``n > MAX_ENUMERATE_SIZE`` (``"enumerate"``).

    Examples
    --------
    >>> negative_ones_distribution(6)
    {0: 720, 1: 2400, 2: 2684, 3: 1284, 4: 310, 5: 36, 6: 2}
    >>> negative_ones_distribution(4, method="enumerate")
    {0: 24, 1: 16, 2: 2}
    """
    n = nonnegative_int("n", n)
    if not isinstance(method, str) or method not in ("transfer", "enumerate"):
        raise InvalidInputError(f"invalid method {short_repr(method)}: expected 'transfer' or 'enumerate'")
    limit = MAX_TRANSFER_SIZE if method == "transfer" else MAX_ENUMERATE_SIZE
    if n > limit:
        raise ResourceLimitError(f"invalid size n={n}: method {method!r} accepts n <= {limit}")
    if method == "enumerate":
        dist: dict[int, int] = {}
        for A in alternating_sign_matrices(n):
            k = sum(1 for r in A for x in r if x < 0)
            dist[k] = dist.get(k, 0) + 1
        return dict(sorted(dist.items()))
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
    x : int, Fraction or SymPy expression
        The weight of a ``-1`` entry; a SymPy symbol gives the polynomial
        ``A(n; x)``.
    method : {"transfer", "enumerate"}
        See [`negative_ones_distribution`][negative_ones_distribution].

    Returns
    -------
    int or Fraction

    Examples
    --------
    >>> [x_enumeration(n, 2) for n in range(1, 7)]
    [1, 2, 8, 64, 1024, 32768]
    >>> [x_enumeration(n, 3) for n in range(1, 7)]
    [1, 2, 9, 90, 2025, 102060]
    >>> import sympy
    >>> x_enumeration(4, sympy.Symbol("x"))
    2*x**2 + 16*x + 24
    """
    if isinstance(x, bool) or not isinstance(x, (int, Fraction)):
        if type(x).__module__.startswith("sympy"):
            import sympy

            if isinstance(x, sympy.Expr):
                dist = negative_ones_distribution(n, method)
                return sympy.Add(*[c * x ** k for k, c in dist.items()])
        raise InvalidInputError(f"invalid x={short_repr(x)}: expected an integer, a Fraction or a SymPy expression")
    dist = negative_ones_distribution(n, method)
    return sum(c * x ** k for k, c in dist.items())
