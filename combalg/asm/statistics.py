"""Statistics of alternating sign matrices.

Conventions (Mills-Robbins-Rumsey; Okada 1993):

* ``inv(A) = sum_{i<k, j>l} a_ij a_kl`` -- the inversion number (SageMath's
  ``inversion_number`` writes it with ``i>k, j<l``; it is the same quantity),
* ``ninv(A) = sum_{i<k, j<l} a_ij a_kl`` -- the non-inversion number,
* ``N(A)`` -- the number of entries equal to ``-1``.

For a permutation matrix ``inv`` is the number of inversions of the
permutation.  Identities (checked by the test suite): ``ninv(A) =
inv(A^rev)`` where ``A^rev`` reverses the columns, and ``inv(A) + inv(A^rev) =
C(n, 2) + N(A)``.

Examples
--------
>>> from combalg.asm import inversions, negative_ones, noninversions
>>> A = ((0, 1, 0), (1, -1, 1), (0, 1, 0))
>>> inversions(A), noninversions(A), negative_ones(A)
(2, 2, 1)
>>> inversions(((0, 0, 1), (1, 0, 0), (0, 1, 0)))
2
"""

from __future__ import annotations

from typing import Sequence

from combalg.asm.monotone import _is_integer, as_asm
from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError
from combalg.core.validation import rows_arg

__all__ = [
    "inversions",
    "noninversions",
    "negative_ones",
    "corner_sum_matrix",
    "column_reversal",
]


def _rows(A: Sequence[Sequence[int]], check: object) -> tuple[tuple[int, ...], ...]:
    """``A`` validated as an ASM (``check`` true) or as a square integer matrix (``check`` false)."""
    if isinstance(check, bool) or (type(check).__module__ == "numpy" and type(check).__name__ in ("bool", "bool_")):
        if check:
            return as_asm(A)
        return _square_int_rows(A)
    raise InvalidInputError(f"invalid check {short_repr(check)}: expected True or False")


def _square_int_rows(A: object) -> tuple[tuple[int, ...], ...]:
    """``A`` as a tuple of row tuples of ints, refusing anything but a square integer matrix."""
    if not isinstance(A, tuple) or not all(isinstance(r, tuple) and all(type(x) is int for x in r) for r in A):
        if not isinstance(A, (list, tuple)) and type(A).__module__.startswith(("sympy", "numpy")):
            from combalg.core.matrix import as_rows

            rows = as_rows(A, "A")  # a sympy Matrix iterates over entries, not rows
        else:
            rows = rows_arg("A", A)
        out = []
        for r in rows:
            row = []
            for x in r:
                if not _is_integer(x):
                    raise InvalidInputError(
                        f"invalid A={short_repr(A)}: entry {short_repr(x)} is not an integer")
                row.append(int(x))
            out.append(tuple(row))
        A = tuple(out)
    n = len(A)
    for i, r in enumerate(A):
        if len(r) != n:
            raise InvalidInputError(
                f"invalid A={short_repr(A)}: expected a square matrix, row {i + 1} has length {len(r)} instead of {n}")
    return A


def inversions(A: Sequence[Sequence[int]], check: bool = True) -> int:
    """The inversion number ``inv(A) = sum_{i<k, j>l} a_ij a_kl``.

    Parameters
    ----------
    A : square matrix (rows of ints)
        An alternating sign matrix.
    check : bool
        Validate ``A`` first (default); pass ``False`` in inner loops over
        matrices already known to be ASMs.

    Raises
    ------
    InvalidInputError
        If ``check`` and ``A`` is not an ASM.

    Examples
    --------
    >>> inversions([[0, 1], [1, 0]]), inversions([[1, 0], [0, 1]])
    (1, 0)
    """
    return _inversions(_rows(A, check))


def _inversions(A: Sequence[Sequence[int]]) -> int:
    """``inv(A)`` of a square integer matrix given as rows of ints (not validated)."""
    n = len(A)
    total = 0
    # above[j] = sum of a_{i j'} over rows i above the current row, columns j' > j
    colsum = [0] * n
    for row in A:
        # suffix sums of colsum: S[l] = sum_{j>l} colsum[j]
        s = 0
        suffix = [0] * n
        for j in range(n - 1, -1, -1):
            suffix[j] = s
            s += colsum[j]
        for l, v in enumerate(row):
            if v:
                total += v * suffix[l]
        for j, v in enumerate(row):
            colsum[j] += v
    return total


def noninversions(A: Sequence[Sequence[int]], check: bool = True) -> int:
    """The statistic ``ninv(A) = sum_{i<k, j<l} a_ij a_kl``.

    Examples
    --------
    >>> noninversions([[1, 0], [0, 1]]), noninversions([[0, 1], [1, 0]])
    (1, 0)
    """
    A = _rows(A, check)
    return _inversions(tuple(tuple(reversed(r)) for r in A))


def negative_ones(A: Sequence[Sequence[int]], check: bool = True) -> int:
    """The number ``N(A)`` of entries equal to ``-1``.

    Examples
    --------
    >>> negative_ones([[0, 1, 0], [1, -1, 1], [0, 1, 0]])
    1
    """
    A = _rows(A, check)
    return sum(1 for r in A for x in r if x < 0)


def column_reversal(A: Sequence[Sequence[int]]) -> tuple[tuple[int, ...], ...]:
    """``A^rev``: the matrix with its columns in reverse order.

    Examples
    --------
    >>> column_reversal([[1, 0], [0, 1]])
    ((0, 1), (1, 0))
    """
    from combalg.core.validation import rows_arg

    return tuple(tuple(reversed(r)) for r in rows_arg("A", A))


def corner_sum_matrix(A: Sequence[Sequence[int]], check: bool = True) -> tuple[tuple[int, ...], ...]:
    """The corner-sum matrix ``C(p, q) = sum_{i<=p, j<=q} a_ij`` for ``0 <= p, q <= n``.

    The result is ``(n+1) x (n+1)``; row and column 0 are zero, and for an ASM
    the last row and column are ``0, 1, ..., n`` (the SageMath convention).

    Parameters
    ----------
    A : square matrix
        An alternating sign matrix (or, with ``check=False``, any square
        integer matrix).

    Examples
    --------
    >>> corner_sum_matrix([[0, 1], [1, 0]])
    ((0, 0, 0), (0, 0, 1), (0, 1, 2))
    """
    return _corner_sums(_rows(A, check))


def _corner_sums(A: Sequence[Sequence[int]]) -> tuple[tuple[int, ...], ...]:
    """The corner-sum matrix of a square integer matrix given as rows of ints (not validated)."""
    n = len(A)
    out = [[0] * (n + 1)]
    prev = out[0]
    for i in range(n):
        row = [0] * (n + 1)
        s = 0
        for j in range(n):
            s += A[i][j]
            row[j + 1] = prev[j + 1] + s
        out.append(row)
        prev = row
    return tuple(tuple(r) for r in out)
