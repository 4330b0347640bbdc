"""Alternating sign matrices generated through monotone triangles.

An alternating sign matrix (ASM) of size ``n`` is an ``n x n`` matrix with
entries in ``{-1, 0, 1}`` such that in every row and every column the nonzero
entries alternate in sign, beginning and ending with ``+1``.  Here an ASM is
stored compactly as a tuple of row tuples of Python ints; such a value is
immutable and hashable.

A monotone triangle of order ``n`` has rows ``T_1, ..., T_n``; row ``T_k`` is a
strictly increasing tuple of ``k`` integers from ``1..n``, the bottom row is
``(1, ..., n)`` and consecutive rows interlace: ``T_{k+1}[i] <= T_k[i] <=
T_{k+1}[i+1]``.  Row ``T_k`` lists the columns whose partial column sum over
the first ``k`` rows of the ASM equals 1 (the convention of Mills, Robbins and
Rumsey and of SageMath).

Examples
--------
>>> from combalg.asm import alternating_sign_matrices, to_monotone_triangle
>>> asms = list(alternating_sign_matrices(3))
>>> len(asms)
7
>>> ((0, 1, 0), (1, -1, 1), (0, 1, 0)) in asms
True
>>> to_monotone_triangle(((0, 1, 0), (1, -1, 1), (0, 1, 0)))
((2,), (1, 3), (1, 2, 3))

References
----------
W. H. Mills, D. P. Robbins, H. Rumsey, *Alternating sign matrices and
descending plane partitions*, J. Combin. Theory Ser. A 34 (1983) 340-359.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from itertools import product
from typing import Iterator, Sequence

from combalg.core.errors import InvalidInputError
from combalg.core.validation import nonnegative_int

__all__ = [
    "ASM",
    "alternating_sign_matrices",
    "monotone_triangles",
    "to_monotone_triangle",
    "from_monotone_triangle",
    "as_asm",
    "is_asm",
]

class ASM(tuple):
    r"""An alternating sign matrix: a tuple of row tuples of ``-1, 0, 1``, with a display.

    [`as_asm`][as_asm] returns ASM objects; the enumerations
    ([`alternating_sign_matrices`][alternating_sign_matrices], ...) yield plain tuples of rows for
    speed (wrapping would cost about half the enumeration time), which
    ``ASM(A)`` turns into a displayable ASM.  An ASM equals (and hashes like)
    the plain tuple of its rows and prints like it; ``str`` gives the matrix
    with ``+``, ``-`` and ``.``, and Jupyter shows a LaTeX matrix.

    Raises
    ------
    InvalidInputError
        If the rows are not an alternating sign matrix (as [`as_asm`][as_asm]).

    Examples
    --------
    >>> A = ASM([[0, 1, 0], [1, -1, 1], [0, 1, 0]])
    >>> A == ((0, 1, 0), (1, -1, 1), (0, 1, 0)), A.size
    (True, 3)
    >>> print(A)
    . + .
    + - +
    . + .
    >>> print(A.latex())
    \begin{pmatrix}0 & 1 & 0 \\ 1 & -1 & 1 \\ 0 & 1 & 0\end{pmatrix}
    """

    __slots__ = ()

    def __new__(cls, rows: Sequence[Sequence[int]] = ()) -> ASM:
        if isinstance(rows, ASM):
            return rows
        return tuple.__new__(cls, as_asm(rows))

    @property
    def size(self) -> int:
        """The number of rows."""
        return len(self)

    def __repr__(self) -> str:
        return tuple.__repr__(tuple(self))

    def __str__(self) -> str:
        sym = {1: "+", -1: "-", 0: "."}
        return "\n".join(" ".join(sym[x] for x in r) for r in self) if self else "(empty ASM)"

    def latex(self) -> str:
        """The matrix in a ``pmatrix``."""
        if not self:
            return r"\varnothing"
        return r"\begin{pmatrix}" + r" \\ ".join(" & ".join(map(str, r)) for r in self) + r"\end{pmatrix}"

    def _repr_latex_(self) -> str:
        return "$" + self.latex() + "$"

    def _latex(self, printer: object = None) -> str:
        """What ``sympy.latex(A)`` prints: the same as the Jupyter display."""
        return self.latex()

    def __reduce__(self) -> tuple:
        return (ASM, (tuple(self),))

    def as_sympy(self) -> object:
        """The matrix as a sympy ``Matrix``."""
        import sympy

        return sympy.Matrix([list(r) for r in self]) if self else sympy.zeros(0, 0)

    def _sympy_(self) -> object:
        import sympy

        return sympy.ImmutableMatrix(self.as_sympy())

#: Largest size whose row-transition table is cached (about 3^(n-1)/2 transitions;
#: 55 MB at size 12); larger sizes are generated without a cache.
MAX_CACHED_SIZE = 12


def _is_integer(x: object) -> bool:
    """An exact integer (int, numpy/SymPy/FLINT integer), not a bool or a float."""
    if isinstance(x, bool) or isinstance(x, float):
        return False
    if isinstance(x, int):
        return True
    if isinstance(x, Fraction):
        return x.denominator == 1
    try:
        import operator

        operator.index(x)
        return True
    except TypeError:
        pass
    is_int = getattr(x, "is_Integer", None)
    return is_int is True


def _interlacing_rows(b: tuple[int, ...]) -> list[tuple[int, ...]]:
    """All strictly increasing ``a`` (one shorter than ``b``) with b[i] <= a[i] <= b[i+1]."""
    k = len(b) - 1
    if k == 0:
        return [()]
    choices = [range(b[i], b[i + 1] + 1) for i in range(k)]
    return [a for a in product(*choices) if all(a[i] < a[i + 1] for i in range(k - 1))]


@lru_cache(maxsize=6)
def _children(n: int) -> dict[tuple[int, ...], list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    """For every row ``b`` reachable from ``(1..n)``: list of (row above, ASM row)."""
    table: dict[tuple[int, ...], list[tuple[tuple[int, ...], tuple[int, ...]]]] = {}
    todo = [tuple(range(1, n + 1))]
    rows_cache: dict[tuple[int, ...], tuple[int, ...]] = {}
    while todo:
        b = todo.pop()
        if b in table:
            continue
        entries = []
        for a in _interlacing_rows(b):
            row = [0] * n
            for j in b:
                row[j - 1] += 1
            for j in a:
                row[j - 1] -= 1
            t = tuple(row)
            t = rows_cache.setdefault(t, t)
            entries.append((a, t))
            if a and a not in table:
                todo.append(a)
        table[b] = entries
    return table


def alternating_sign_matrices(n: int) -> Iterator[ASM]:
    """Iterate over all alternating sign matrices of size ``n``.

    The matrices are produced through monotone triangles (built from the
    bottom row ``(1, ..., n)`` upwards) and yielded as tuples of row tuples.
    The iteration streams: nothing but the current triangle is kept.

    Parameters
    ----------
    n : int
        The size, ``n >= 0`` (``n = 0`` yields the empty matrix once).

    Returns
    -------
    iterator of tuple of tuple of int

    Raises
    ------
    InvalidInputError
        If ``n`` is not a nonnegative integer.
    ResourceLimitError
        If ``n`` is above the limit ``asm_list_size`` of [`combalg.core.limits`][combalg.core.limits]
        (raised by the call, before any iteration).

    Examples
    --------
    >>> [sum(1 for _ in alternating_sign_matrices(n)) for n in range(1, 6)]
    [1, 2, 7, 42, 429]
    >>> list(alternating_sign_matrices(2))
    [((1, 0), (0, 1)), ((0, 1), (1, 0))]
    """
    return _asms(_list_size(n))


def _list_size(n: object) -> int:
    """Check a size for the generators: a nonnegative integer within ``asm_list_size``."""
    from combalg.core.bignum import short_repr
    from combalg.core.limits import check

    size = nonnegative_int("n", n)
    check("asm_list_size", size, f"listing the ASMs of size n = {short_repr(size)}")  # type: ignore[arg-type]
    return size  # type: ignore[return-value]


def _asms(n: int) -> Iterator[ASM]:
    if n == 0:
        yield ()
        return
    if n > MAX_CACHED_SIZE:
        yield from _lazy_asms(n)
        return
    children = _children(n)
    full = tuple(range(1, n + 1))
    if n == 1:
        yield ((1,),)
        return

    # Depth-first over the triangle, rows from the bottom up; the last two
    # levels are unrolled, which is where almost all the work is.
    def rec(b: tuple[int, ...], suffix: tuple) -> Iterator[ASM]:
        if len(b) == 2:
            for a, row in children[b]:
                top = children[a][0][1]
                yield (top, row) + suffix
            return
        for a, row in children[b]:
            yield from rec(a, (row,) + suffix)

    yield from rec(full, ())


def _interlacing_iter(b: tuple[int, ...]) -> Iterator[tuple[int, ...]]:
    """Lazily, the strictly increasing rows ``a`` with ``b[i] <= a[i] <= b[i+1]``."""
    k = len(b) - 1

    def rec(i: int, prefix: tuple[int, ...]) -> Iterator[tuple[int, ...]]:
        if i == k:
            yield prefix
            return
        lo = b[i] if not prefix else max(b[i], prefix[-1] + 1)
        for v in range(lo, b[i + 1] + 1):
            yield from rec(i + 1, prefix + (v,))

    yield from rec(0, ())


def _lazy_asms(n: int) -> Iterator[ASM]:
    """Uncached depth-first generation (sizes whose transition table would be too large)."""
    def asm_row(b: tuple[int, ...], a: tuple[int, ...]) -> tuple[int, ...]:
        row = [0] * n
        for j in b:
            row[j - 1] += 1
        for j in a:
            row[j - 1] -= 1
        return tuple(row)

    def rec(b: tuple[int, ...], suffix: tuple) -> Iterator[ASM]:
        for a in _interlacing_iter(b):
            row = asm_row(b, a)
            if a:
                yield from rec(a, (row,) + suffix)
            else:
                yield (row,) + suffix

    yield from rec(tuple(range(1, n + 1)), ())


def monotone_triangles(n: int) -> Iterator[tuple[tuple[int, ...], ...]]:
    """Iterate over the monotone triangles of order ``n`` (top row first).

    Examples
    --------
    >>> list(monotone_triangles(2))
    [((1,), (1, 2)), ((2,), (1, 2))]
    """
    return _triangles(_list_size(n))


def _triangles(n: int) -> Iterator[tuple[tuple[int, ...], ...]]:
    if n == 0:
        yield ()
        return
    if n > MAX_CACHED_SIZE:
        for A in _lazy_asms(n):
            yield to_monotone_triangle(A)
        return
    children = _children(n)

    def rec(b: tuple[int, ...], suffix: tuple) -> Iterator[tuple]:
        if len(b) == 1:
            yield (b,) + suffix
            return
        for a, _row in children[b]:
            yield from rec(a, (b,) + suffix)

    yield from rec(tuple(range(1, n + 1)), ())


def as_asm(A: Sequence[Sequence[int]], name: str = "A") -> ASM:
    """Validate ``A`` and return it as an [`ASM`][ASM] (a tuple of row tuples).

    Raises
    ------
    InvalidInputError
        If ``A`` is not a square alternating sign matrix; the message says why.

    Examples
    --------
    >>> as_asm([[0, 1], [1, 0]])
    ((0, 1), (1, 0))
    >>> as_asm([[1, 1], [0, 1]])
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid ASM A=[[1, 1], [0, 1]]: row 1 does not alternate in sign starting and ending with +1
    """
    from combalg.core.bignum import short_repr
    from combalg.core.validation import rows_arg

    shown = short_repr(A)
    try:
        if not isinstance(A, (list, tuple)) and type(A).__module__.startswith(("sympy", "numpy", "combalg")):
            from combalg.core.matrix import as_rows

            rows = as_rows(A, name)   # a sympy Matrix iterates over entries, not rows
        else:
            rows = rows_arg(name, A)
    except (TypeError, InvalidInputError):
        raise InvalidInputError(f"invalid ASM {name}={shown}: expected a square matrix (list of rows)") from None
    n = len(rows)
    for i, r in enumerate(rows):
        if len(r) != n:
            raise InvalidInputError(
                f"invalid ASM {name}={shown}: expected a square matrix, row {i + 1} has length {len(r)} instead of {n}")
        for x in r:
            if not _is_integer(x) or x not in (-1, 0, 1):
                raise InvalidInputError(
                    f"invalid ASM {name}={shown}: entry {short_repr(x)} is not the integer -1, 0 or 1")
    rows = [[int(x) for x in r] for r in rows]

    def alternates(seq: list[int]) -> bool:
        nz = [x for x in seq if x]
        return bool(nz) and nz[0] == 1 and all(nz[i] == -nz[i + 1] for i in range(len(nz) - 1)) and nz[-1] == 1

    for i, r in enumerate(rows):
        if not alternates(r):
            raise InvalidInputError(
                f"invalid ASM {name}={shown}: row {i + 1} does not alternate in sign starting and ending with +1")
    for j in range(n):
        if not alternates([rows[i][j] for i in range(n)]):
            raise InvalidInputError(
                f"invalid ASM {name}={shown}: column {j + 1} does not alternate in sign starting and ending with +1")
    return tuple.__new__(ASM, (tuple(r) for r in rows))


def is_asm(A: object) -> bool:
    """Return whether ``A`` is a square alternating sign matrix.

    Examples
    --------
    >>> is_asm([[0, 1, 0], [1, -1, 1], [0, 1, 0]]), is_asm([[1, 0], [1, 0]])
    (True, False)
    """
    try:
        as_asm(A)  # type: ignore[arg-type]
    except InvalidInputError:
        return False
    return True


def to_monotone_triangle(A: Sequence[Sequence[int]]) -> tuple[tuple[int, ...], ...]:
    """The monotone triangle of an ASM (rows ``T_1 .. T_n``, top first).

    Examples
    --------
    >>> to_monotone_triangle([[0, 0, 1], [1, 0, 0], [0, 1, 0]])
    ((3,), (1, 3), (1, 2, 3))
    """
    A = as_asm(A)
    n = len(A)
    sums = [0] * n
    out = []
    for i in range(n):
        for j in range(n):
            sums[j] += A[i][j]
        out.append(tuple(j + 1 for j in range(n) if sums[j]))
    return tuple(out)


def from_monotone_triangle(T: Sequence[Sequence[int]]) -> ASM:
    """The ASM of a monotone triangle (rows top first; the inverse of
    [`to_monotone_triangle`][to_monotone_triangle]).

    Raises
    ------
    InvalidInputError
        If ``T`` is not a monotone triangle with bottom row ``(1, ..., n)``.

    Examples
    --------
    >>> from_monotone_triangle([[2], [1, 3], [1, 2, 3]])
    ((0, 1, 0), (1, -1, 1), (0, 1, 0))
    """
    from combalg.core.bignum import short_repr

    try:
        rows = [tuple(r) for r in T]
    except TypeError:
        raise InvalidInputError(f"invalid monotone triangle {short_repr(T)}: expected rows of integers") from None
    if any(not _is_integer(x) for r in rows for x in r):
        raise InvalidInputError(f"invalid monotone triangle {short_repr(T)}: expected rows of integers")
    rows = [tuple(int(x) for x in r) for r in rows]
    n = len(rows)
    for k, r in enumerate(rows):
        if len(r) != k + 1:
            raise InvalidInputError(f"invalid monotone triangle {short_repr(T)}: row {k + 1} should have {k + 1} entries")
        if any(r[i] >= r[i + 1] for i in range(k)):
            raise InvalidInputError(f"invalid monotone triangle {short_repr(T)}: row {k + 1} is not strictly increasing")
    if n and rows[-1] != tuple(range(1, n + 1)):
        raise InvalidInputError(f"invalid monotone triangle {short_repr(T)}: the bottom row should be (1, ..., {n})")
    for k in range(n - 1):
        a, b = rows[k], rows[k + 1]
        if any(not (b[i] <= a[i] <= b[i + 1]) for i in range(len(a))):
            raise InvalidInputError(f"invalid monotone triangle {short_repr(T)}: rows {k + 1} and {k + 2} do not interlace")
    out = []
    prev: tuple[int, ...] = ()
    for r in rows:
        row = [0] * n
        for j in r:
            row[j - 1] += 1
        for j in prev:
            row[j - 1] -= 1
        out.append(tuple(row))
        prev = r
    return tuple(out)
