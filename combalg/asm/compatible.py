"""Compatible pairs of alternating sign matrices (Elkies-Kuperberg-Larsen-Propp).

An ``n x n`` ASM ``A`` and an ``(n-1) x (n-1)`` ASM ``B`` are *compatible* when
their corner sums ``C_A, C_B`` (see [`combalg.asm.corner_sum_matrix`][combalg.asm.corner_sum_matrix])
satisfy, for all ``0 <= i, j <= n-1``:

    C_A(i,j) <= C_B(i,j) <= C_A(i+1,j),   C_B(i,j) <= C_A(i,j+1),
    C_B(i,j) >= C_A(i+1,j+1) - 1.

This is the test of SageMath's ``ASM_compatible``.  Each ``A`` has exactly
``2^{N(A)}`` compatible partners ``B``, so there are ``2^{C(n,2)}`` compatible
pairs of size ``n`` (the 2-enumeration); they index the terms of the
two-layer octahedron expansion (and the domino tilings of the Aztec diamond).

Examples
--------
>>> from combalg.asm import compatible_smaller, compatible_pairs
>>> compatible_smaller(((0, 1, 0), (1, -1, 1), (0, 1, 0)))
[((1, 0), (0, 1)), ((0, 1), (1, 0))]
>>> [sum(1 for _ in compatible_pairs(n)) for n in range(1, 6)]
[1, 2, 8, 64, 1024]

References
----------
N. Elkies, G. Kuperberg, M. Larsen, J. Propp, *Alternating-sign matrices and
domino tilings*, J. Algebraic Combin. 1 (1992) 111-132, 219-234.
"""

from __future__ import annotations

from itertools import product
from typing import Iterator, Sequence

from combalg.asm.monotone import ASM, alternating_sign_matrices, as_asm
from combalg.asm.statistics import _corner_sums
from combalg.core.errors import InvalidInputError
from combalg.core.validation import positive_int

__all__ = ["is_compatible", "compatible_smaller", "compatible_pairs"]


def is_compatible(A: Sequence[Sequence[int]], B: Sequence[Sequence[int]]) -> bool:
    """Whether the ``n x n`` ASM ``A`` and the ``(n-1) x (n-1)`` ASM ``B`` are compatible.

    Raises
    ------
    InvalidInputError
        If ``A`` or ``B`` is not an ASM, or the sizes are not ``n`` and ``n-1``.

    Examples
    --------
    >>> is_compatible([[0, 1], [1, 0]], [[1]]), is_compatible([[1, 0], [0, 1]], [[1]])
    (True, True)
    >>> is_compatible([[0, 0, 1], [1, 0, 0], [0, 1, 0]], [[1, 0], [0, 1]])
    False
    """
    A = as_asm(A, "A")
    B = as_asm(B, "B")
    n = len(A)
    if len(B) != n - 1:
        raise InvalidInputError(f"invalid B of size {len(B)}: expected size n-1 = {n - 1} for A of size {n}")
    return _compatible_corner(_corner_sums(A), _corner_sums(B), n)


def _compatible_corner(CA, CB, n: int) -> bool:
    for i in range(n):
        for j in range(n):
            b = CB[i][j]
            if not (CA[i][j] <= b <= CA[i + 1][j] and b <= CA[i][j + 1] and b >= CA[i + 1][j + 1] - 1):
                return False
    return True


def _smaller_from_corner(CA, n: int) -> list[ASM]:
    m = n - 1
    if m == 0:
        return [()]
    lo = [[0] * n for _ in range(n)]
    hi = [[0] * n for _ in range(n)]
    free = []
    for i in range(n):
        for j in range(n):
            a = max(CA[i][j], CA[i + 1][j + 1] - 1)
            b = min(CA[i + 1][j], CA[i][j + 1])
            if i == 0 or j == 0:
                a, b = max(a, 0), min(b, 0)
            if i == m:
                a, b = max(a, j), min(b, j)
            if j == m:
                a, b = max(a, i), min(b, i)
            if a > b:
                return []
            lo[i][j], hi[i][j] = a, b
            if a < b:
                free.append((i, j))
    out = []
    for choice in product(*[range(lo[i][j], hi[i][j] + 1) for (i, j) in free]):
        C = [row[:] for row in lo]
        for (i, j), v in zip(free, choice):
            C[i][j] = v
        B = tuple(tuple(C[i + 1][j + 1] - C[i][j + 1] - C[i + 1][j] + C[i][j] for j in range(m))
                  for i in range(m))
        if _is_asm_fast(B):
            out.append(B)
    out.sort(reverse=True)
    return out


def _is_asm_fast(B: ASM) -> bool:
    m = len(B)
    for seq in list(B) + [tuple(B[i][j] for i in range(m)) for j in range(m)]:
        s = 0
        for x in seq:
            if x not in (-1, 0, 1):
                return False
            s += x
            if s < 0 or s > 1:
                return False
        if s != 1:
            return False
    return True


def compatible_smaller(A: Sequence[Sequence[int]]) -> list[ASM]:
    """All ``(n-1) x (n-1)`` ASMs compatible with the ``n x n`` ASM ``A``.

    There are exactly ``2^{N(A)}`` of them (checked by the tests for ``n <= 6``).

    Examples
    --------
    >>> compatible_smaller([[0, 0, 1], [1, 0, 0], [0, 1, 0]])
    [((0, 1), (1, 0))]
    """
    A = as_asm(A, "A")
    n = len(A)
    if n == 0:
        raise InvalidInputError("invalid A=(): expected an ASM of size at least 1")
    return _smaller_from_corner(_corner_sums(A), n)


def compatible_pairs(n: int) -> Iterator[tuple[ASM, ASM]]:
    """Iterate over the compatible pairs ``(A, B)`` with ``A`` of size ``n >= 1``.

    Examples
    --------
    >>> list(compatible_pairs(2))
    [(((1, 0), (0, 1)), ((1,),)), (((0, 1), (1, 0)), ((1,),))]
    """
    n = positive_int("n", n)
    asms = alternating_sign_matrices(n)  # checks the size limit now, before any iteration
    return _pairs(asms, n)  # type: ignore[arg-type]


def _pairs(asms: Iterator[ASM], n: int) -> Iterator[tuple[ASM, ASM]]:
    for A in asms:
        for B in _smaller_from_corner(_corner_sums(A), n):
            yield A, B
