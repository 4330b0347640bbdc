"""Integer partitions as immutable tuples.

A partition ``lam = (lam_1, lam_2, ..., lam_l)`` is a weakly decreasing sequence of
positive integers; ``|lam| = lam_1 + ... + lam_l`` is its size and ``l`` its length.
We draw Young diagrams in English notation: row ``i`` (counted from 0 at the top)
holds ``lam_i`` cells ``(i, 0), ..., (i, lam_i - 1)``.

[`Partition`][Partition] is a `tuple` subclass, so a partition is hashable, compares
equal to the plain tuple of its parts and can be used as a dictionary key.

Examples
--------
>>> from combalg.partitions import Partition
>>> lam = Partition([4, 2, 1, 0])
>>> lam
Partition([4, 2, 1])
>>> lam.size, lam.length
(7, 3)
>>> lam.conjugate()
Partition([3, 2, 1, 1])
>>> lam == (4, 2, 1)
True

References
----------
- [1] I. G. Macdonald, *Symmetric Functions and Hall Polynomials*, 2nd ed.,
   Oxford University Press, 1995, chapter I.1.
- [2] R. P. Stanley, *Enumerative Combinatorics*, vol. 2, Cambridge University
   Press, 1999, section 7.21 (hook length formula).
"""

from __future__ import annotations

import numbers

import operator
from collections.abc import Iterable, Iterator
from math import factorial, prod

from combalg.core.bignum import int_text, short_repr
from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.core.limits import default as _default
from combalg.core.limits import get as _limit
from combalg.core.validation import integer_arg, sequence_arg, sequence_view

__all__ = ["Partition", "conjugate", "hook_lengths", "num_standard_tableaux", "compact_str", "MAX_CELLS"]

#: the largest number of cells (or of conjugate parts) that conjugate, hook lengths,
#: the hook length formula and the text diagram build; beyond it they refuse up front
#: (the default of the limit ``partition_cells`` of [`combalg.core.limits`][combalg.core.limits])
MAX_CELLS = _default("partition_cells")


def _check_cells(count: int, what: str) -> None:
    limit = _limit("partition_cells")
    if limit is not None and count > limit:
        raise ResourceLimitError(
            f"{what} would build {short_repr(count)} entries; the limit is MAX_CELLS = {limit} "
            f"(raise it with combalg.core.limits.limits(partition_cells=...) around the call)"
        )


def compact_str(parts: Iterable[int]) -> str:
    """The parts as ``(3,1,1)``; the empty partition is ``()``.

    >>> compact_str([3, 1, 1]), compact_str([])
    ('(3,1,1)', '()')
    """
    items = sequence_arg("parts", parts)
    for x in items:
        if isinstance(x, bool) or not isinstance(x, numbers.Integral):
            raise InvalidInputError(f"invalid parts {short_repr(items)}: expected integers, got {short_repr(x)}")
    return "(" + ",".join(int_text(x) for x in items) + ")"


def _validated_parts(parts: Iterable[object]) -> tuple[int, ...]:
    """Return ``parts`` as a tuple of positive ints, or raise InvalidInputError."""
    if isinstance(parts, (str, bytes)):
        raise InvalidInputError(
            f"invalid partition {short_repr(parts)}: expected a sequence of integers, not text"
        )
    try:
        items = sequence_view("partition", parts)
    except InvalidInputError:
        raise InvalidInputError(
            f"invalid partition {short_repr(parts)}: expected a sequence of nonnegative integers"
        ) from None
    values = []
    for x in items:
        if isinstance(x, bool):
            raise InvalidInputError(
                f"invalid partition {short_repr(items)}: part {x!r} is a bool, expected an integer"
            )
        try:
            v = operator.index(x)
        except TypeError:
            raise InvalidInputError(
                f"invalid partition {short_repr(items)}: part {short_repr(x)} is not an integer"
            ) from None
        if v < 0:
            raise InvalidInputError(
                f"invalid partition {short_repr(items)}: part {short_repr(v)} is negative, "
                "expected nonnegative integers"
            )
        values.append(v)
    while values and values[-1] == 0:
        values.pop()
    for i in range(1, len(values)):
        if values[i] > values[i - 1]:
            raise InvalidInputError(
                f"invalid partition {short_repr(items)}: parts must be weakly decreasing, "
                f"but part {i} ({short_repr(values[i])}) exceeds part {i - 1} ({short_repr(values[i - 1])})"
            )
    return tuple(values)


def _conjugate_parts(parts: tuple[int, ...]) -> tuple[int, ...]:
    """Conjugate of a valid tuple of parts (no validation)."""
    if not parts:
        return ()
    _check_cells(parts[0], f"the conjugate of a partition with largest part {short_repr(parts[0])}")
    out = []
    i = len(parts)
    for j in range(1, parts[0] + 1):
        while parts[i - 1] < j:
            i -= 1
        out.append(i)
    return tuple(out)


class Partition(tuple):
    """An integer partition: an immutable, weakly decreasing tuple of positive ints.

    Parameters
    ----------
    parts : iterable of int, optional
        The parts, weakly decreasing and nonnegative; trailing zeros are dropped.
        The default is the empty partition of 0.

    Raises
    ------
    InvalidInputError
        If a part is negative or not an integer, or the parts increase somewhere.

    Notes
    -----
    ``Partition`` subclasses `tuple`: ``len(lam)`` is the length, ``lam[i]``
    the ``i``-th part (from 0) and ``lam == (3, 1)`` compares with plain tuples.
    Slicing and ``+`` return plain tuples.

    Examples
    --------
    >>> Partition((3, 3, 1))
    Partition([3, 3, 1])
    >>> Partition()
    Partition([])
    >>> Partition([1, 2])
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid partition [1, 2]: parts must be weakly decreasing, but part 1 (2) exceeds part 0 (1)
    >>> Partition([2, -1])
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid partition [2, -1]: part -1 is negative, expected nonnegative integers
    """

    __slots__ = ()

    def __new__(cls, parts: Iterable[int] = ()) -> Partition:
        if type(parts) is cls:
            return parts  # type: ignore[return-value]
        return tuple.__new__(cls, _validated_parts(parts))

    @classmethod
    def _trusted(cls, parts: Iterable[int]) -> Partition:
        """Build without validation; ``parts`` must already be a valid partition."""
        return tuple.__new__(cls, parts)

    # ------------------------------------------------------------------ basic data
    @property
    def size(self) -> int:
        """The size ``|lam|``, the sum of the parts.

        Examples
        --------
        >>> Partition([3, 2, 2]).size
        7
        """
        return sum(self)

    @property
    def length(self) -> int:
        """The number of (positive) parts, the same as ``len(lam)``.

        Examples
        --------
        >>> Partition([3, 2, 2]).length
        3
        """
        return len(self)

    def part(self, i: int) -> int:
        """The ``i``-th part counted from 0, with ``0`` beyond the length.

        Examples
        --------
        >>> lam = Partition([3, 1])
        >>> lam.part(1), lam.part(5)
        (1, 0)
        """
        i = integer_arg("index", i)
        return self[i] if 0 <= i < len(self) else 0

    def conjugate(self) -> Partition:
        """The conjugate (transposed) partition ``lam'``, with ``lam'_j = #{i : lam_i >= j}``.

        Examples
        --------
        >>> Partition([4, 2, 1]).conjugate()
        Partition([3, 2, 1, 1])
        """
        return tuple.__new__(Partition, _conjugate_parts(self))

    def contains(self, mu: Iterable[int]) -> bool:
        """Whether the Young diagram of ``mu`` lies inside that of ``self``.

        Parameters
        ----------
        mu : Partition or iterable of int
            Another partition (validated if it is not a [`Partition`][Partition]).

        Examples
        --------
        >>> Partition([3, 2]).contains([2, 2])
        True
        >>> Partition([3, 2]).contains([2, 2, 1])
        False
        """
        mu = Partition(mu)
        return len(mu) <= len(self) and all(m <= p for m, p in zip(mu, self))

    def dominates(self, mu: Iterable[int]) -> bool:
        """Whether ``self`` dominates ``mu``: equal sizes and every partial sum of ``self``
        is at least the corresponding partial sum of ``mu``.

        Examples
        --------
        >>> Partition([3, 1]).dominates([2, 2])
        True
        >>> Partition([2, 2]).dominates([3, 1])
        False
        """
        mu = Partition(mu)
        if mu.size != self.size:
            return False
        a = b = 0
        for i in range(max(len(self), len(mu))):
            a += self.part(i)
            b += mu.part(i)
            if a < b:
                return False
        return True

    def cells(self) -> Iterator[tuple[int, int]]:
        """The cells ``(row, column)`` of the Young diagram, row by row.

        Examples
        --------
        >>> list(Partition([2, 1]).cells())
        [(0, 0), (0, 1), (1, 0)]
        """
        for i, p in enumerate(self):
            for j in range(p):
                yield (i, j)

    def addable_cells(self) -> list[tuple[int, int]]:
        """Cells whose addition gives a partition (outer corners), top to bottom.

        Examples
        --------
        >>> Partition([2, 1]).addable_cells()
        [(0, 2), (1, 1), (2, 0)]
        """
        out = []
        for i in range(len(self) + 1):
            p = self.part(i)
            if i == 0 or self[i - 1] > p:
                out.append((i, p))
        return out

    def removable_cells(self) -> list[tuple[int, int]]:
        """Cells whose removal leaves a partition (inner corners), top to bottom.

        Examples
        --------
        >>> Partition([2, 2, 1]).removable_cells()
        [(1, 1), (2, 0)]
        """
        return [
            (i, p - 1)
            for i, p in enumerate(self)
            if i == len(self) - 1 or self[i + 1] < p
        ]

    def hook_lengths(self) -> tuple[tuple[int, ...], ...]:
        """Hook lengths of all cells, one tuple per row; see [`hook_lengths`][hook_lengths].

        Examples
        --------
        >>> Partition([3, 1]).hook_lengths()
        ((4, 2, 1), (1,))
        """
        return hook_lengths(self)

    # ------------------------------------------------------------------ display
    def __repr__(self) -> str:
        return f"Partition([{', '.join(map(int_text, self))}])"

    def diagram(self, cell: str = "#") -> str:
        """The Young diagram as text, one line per row (English notation).

        Examples
        --------
        >>> print(Partition([3, 1]).diagram())
        ###
        #
        >>> Partition().diagram()
        ''
        """
        if not isinstance(cell, str):
            raise InvalidInputError(f"invalid cell {short_repr(cell)}: expected a string")
        _check_cells(self.size * max(len(cell), 1), f"the diagram of a partition of {short_repr(self.size)}")
        return "\n".join(cell * p for p in self)

    def latex(self) -> str:
        """LaTeX for the partition as a tuple of parts (``\\varnothing`` if empty).

        Examples
        --------
        >>> Partition([3, 1]).latex()
        '(3, 1)'
        >>> Partition().latex()
        '\\\\varnothing'
        """
        if not self:
            return r"\varnothing"
        return "(" + ", ".join(map(int_text, self)) + ")"

    def _repr_latex_(self) -> str:
        return f"${self.latex()}$"

    def _latex(self, printer: object = None) -> str:
        """What ``sympy.latex(lam)`` prints: the same as the Jupyter display."""
        return self.latex()

    def as_sympy(self) -> object:
        """The partition as sympy's ``IntegerPartition``.

        (``sympy.sympify(lam)`` gives the sympy ``Tuple`` of the parts: sympy
        converts every tuple, and a partition is one.)

        Examples
        --------
        >>> Partition([3, 1]).as_sympy()
        IntegerPartition(4, (3, 1))
        """
        from sympy.combinatorics.partitions import IntegerPartition

        return IntegerPartition(list(self)) if self else IntegerPartition([])


def conjugate(lam: Iterable[int]) -> Partition:
    """The conjugate of a partition; see [`Partition.conjugate`][Partition.conjugate].

    Examples
    --------
    >>> conjugate([3, 3])
    Partition([2, 2, 2])
    """
    return Partition(lam).conjugate()


def hook_lengths(lam: Iterable[int]) -> tuple[tuple[int, ...], ...]:
    """Hook lengths of the cells of a Young diagram.

    The hook of cell ``(i, j)`` consists of the cell, the cells to its right and the
    cells below it; its length is ``lam_i - j + lam'_j - i - 1`` (0-based indices).

    Parameters
    ----------
    lam : Partition or iterable of int
        The shape.

    Returns
    -------
    tuple of tuple of int
        ``result[i][j]`` is the hook length of cell ``(i, j)``.

    Examples
    --------
    >>> hook_lengths([3, 2])
    ((4, 3, 1), (2, 1))
    >>> hook_lengths([])
    ()

    References
    ----------
    - [1] J. S. Frame, G. de B. Robinson, R. M. Thrall, "The hook graphs of the
       symmetric group", Canad. J. Math. 6 (1954) 316-324.
    """
    lam = Partition(lam)
    _check_cells(lam.size, f"the hook lengths of a partition of {short_repr(lam.size)}")
    conj = _conjugate_parts(lam)
    return tuple(
        tuple(p - j + conj[j] - i - 1 for j in range(p)) for i, p in enumerate(lam)
    )


def num_standard_tableaux(lam: Iterable[int]) -> int:
    """The number ``f^lam`` of standard Young tableaux of shape ``lam``, by the hook
    length formula ``f^lam = |lam|! / prod(hook lengths)``.

    Examples
    --------
    >>> num_standard_tableaux([2, 1])
    2
    >>> num_standard_tableaux([3, 2, 1])
    16
    """
    lam = Partition(lam)
    hooks = hook_lengths(lam)  # refuses a shape beyond MAX_CELLS before the factorial
    return factorial(lam.size) // prod(h for row in hooks for h in row)
