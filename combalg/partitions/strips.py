"""Horizontal and vertical strips: tests and fast generators.

For partitions ``mu ⊆ lam`` the skew diagram ``lam/mu`` is a *horizontal strip* if it has
at most one cell in each column, equivalently if the parts interlace:

    lam_1 >= mu_1 >= lam_2 >= mu_2 >= lam_3 >= ...

and a *vertical strip* if it has at most one cell in each row (``lam_i - mu_i <= 1``).
Horizontal strips are the steps of semistandard tableaux, of the Pieri rule and of
interlacing sequences (plane partitions, cylindric partitions).

The generators are iterative (an odometer over the rows) and build each result once,
so they are suitable for enumerations of millions of strips.

Examples
--------
>>> from combalg.partitions import horizontal_strips_over, is_horizontal_strip
>>> list(horizontal_strips_over([2, 1], max_boxes=1))
[Partition([2, 1]), Partition([2, 1, 1]), Partition([2, 2]), Partition([3, 1])]
>>> is_horizontal_strip([3, 1], [2])
True
>>> is_horizontal_strip([2, 2], [1])
False

References
----------
- [1] I. G. Macdonald, *Symmetric Functions and Hall Polynomials*, 2nd ed., 1995,
   I.1 (horizontal and vertical strips) and I.5 (Pieri rules).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from combalg.core.errors import InvalidInputError
from combalg.core.validation import nonnegative_int
from combalg.partitions.partition import Partition, _conjugate_parts

__all__ = [
    "is_horizontal_strip",
    "is_vertical_strip",
    "horizontal_strips_over",
    "horizontal_strips_under",
    "vertical_strips_over",
    "vertical_strips_under",
]


def is_horizontal_strip(lam: Iterable[int], mu: Iterable[int]) -> bool:
    """Whether ``mu ⊆ lam`` and ``lam/mu`` is a horizontal strip.

    Parameters
    ----------
    lam, mu : Partition or iterable of int
        The outer and the inner shape.

    Returns
    -------
    bool
        True exactly when ``lam_1 >= mu_1 >= lam_2 >= mu_2 >= ...``.

    Examples
    --------
    >>> is_horizontal_strip([4, 2, 1], [2, 1])
    True
    >>> is_horizontal_strip([2, 1], [2, 1])
    True
    >>> is_horizontal_strip([2], [3])
    False
    """
    return _is_horizontal_strip_parts(Partition(lam), Partition(mu))


def _is_horizontal_strip_parts(lam: Sequence[int], mu: Sequence[int]) -> bool:
    """[`is_horizontal_strip`][is_horizontal_strip] for valid parts (no validation).

    ``lam`` and ``mu`` must be weakly decreasing sequences of positive integers
    (no trailing zeros); this is the interlacing test shared by the engines' inner
    loops, which only meet valid partitions.
    """
    n, m = len(lam), len(mu)
    if m > n or n > m + 1:
        return False
    for i in range(m):
        if mu[i] > lam[i] or (i + 1 < n and lam[i + 1] > mu[i]):
            return False
    return True


def is_vertical_strip(lam: Iterable[int], mu: Iterable[int]) -> bool:
    """Whether ``mu ⊆ lam`` and ``lam/mu`` is a vertical strip (``0 <= lam_i - mu_i <= 1``).

    Examples
    --------
    >>> is_vertical_strip([2, 2, 1], [1, 1])
    True
    >>> is_vertical_strip([3], [1])
    False
    """
    return _is_vertical_strip_parts(Partition(lam), Partition(mu))


def _is_vertical_strip_parts(lam: Sequence[int], mu: Sequence[int]) -> bool:
    """[`is_vertical_strip`][is_vertical_strip] for valid parts (no validation; as
    [`_is_horizontal_strip_parts`][_is_horizontal_strip_parts])."""
    if len(mu) > len(lam):
        return False
    return all(0 <= lam[i] - (mu[i] if i < len(mu) else 0) <= 1 for i in range(len(lam)))


def _odometer(
    base: list[int], caps: list[int], sign: int, budget: int | None
) -> Iterator[Partition]:
    """Yield ``base + sign * a`` over all ``0 <= a_r <= caps[r]`` with ``sum(a) <= budget``,
    in lexicographic order of ``a``; trailing zeros of the result are dropped."""
    cur = list(base)
    rows = [r for r in range(len(caps)) if caps[r] > 0]
    caprow = [caps[r] for r in rows]
    a = [0] * len(rows)
    if budget is None:
        budget = sum(caprow)
    total = 0
    new = tuple.__new__
    last = len(cur) - 1

    def emit() -> Partition:
        if last >= 0 and cur[last] == 0:
            return new(Partition, cur[:last])
        return new(Partition, cur)

    yield emit()
    top = len(rows) - 1
    while True:
        pos = top
        while pos >= 0:
            if a[pos] < caprow[pos] and total < budget:
                a[pos] += 1
                cur[rows[pos]] += sign
                total += 1
                break
            total -= a[pos]
            cur[rows[pos]] -= sign * a[pos]
            a[pos] = 0
            pos -= 1
        else:
            return
        yield emit()


def horizontal_strips_over(
    mu: Iterable[int],
    max_boxes: int | None = None,
    max_length: int | None = None,
    max_part: int | None = None,
) -> Iterator[Partition]:
    """All ``lam ⊇ mu`` such that ``lam/mu`` is a horizontal strip.

    Parameters
    ----------
    mu : Partition or iterable of int
        The inner shape.
    max_boxes : int, optional
        Keep only strips of at most this many cells.
    max_length : int, optional
        Keep only ``lam`` with at most this many parts.
    max_part : int, optional
        Keep only ``lam`` with ``lam_1 <= max_part``.

    Returns
    -------
    iterator of Partition
        Each ``lam`` once, starting with ``mu`` itself, in lexicographic order of the
        vector of cells added to each row (the last row varies fastest).

    Raises
    ------
    InvalidInputError
        If a bound is negative or not an integer, or if neither ``max_boxes`` nor
        ``max_part`` is given (the set is then infinite, unless ``max_length == 0``).
        The arguments are checked when the function is called, before iteration.

    Examples
    --------
    >>> [tuple(lam) for lam in horizontal_strips_over([1], max_boxes=2)]
    [(1,), (1, 1), (2,), (2, 1), (3,)]
    >>> list(horizontal_strips_over([2, 2], max_part=2))
    [Partition([2, 2]), Partition([2, 2, 1]), Partition([2, 2, 2])]
    >>> len(list(horizontal_strips_over([3, 1], max_boxes=3, max_length=2)))
    9
    """
    mu = Partition(mu)
    max_boxes = nonnegative_int("max_boxes", max_boxes, allow_none=True)
    max_length = nonnegative_int("max_length", max_length, allow_none=True)
    max_part = nonnegative_int("max_part", max_part, allow_none=True)
    n = len(mu)
    if max_length is not None and n > max_length:
        return iter(())
    if max_part is not None and n and mu[0] > max_part:
        return iter(())
    if max_boxes is None and max_part is None and (max_length is None or max_length > 0):
        raise InvalidInputError(
            f"the horizontal strips over {mu!r} form an infinite set: "
            "give max_boxes or max_part"
        )
    caps = [0] * (n + 1)
    for i in range(1, n + 1):
        caps[i] = mu[i - 1] - (mu[i] if i < n else 0)
    first = []
    if max_boxes is not None:
        first.append(max_boxes)
    if max_part is not None:
        first.append(max_part - (mu[0] if n else 0))
    caps[0] = min(first) if first else 0  # no bound only when max_length == 0
    if max_length is not None:
        for i in range(max_length, n + 1):
            caps[i] = 0
    if max_boxes is not None:
        caps = [min(c, max_boxes) for c in caps]
    return _odometer(list(mu) + [0], caps, 1, max_boxes)


def horizontal_strips_under(
    lam: Iterable[int], max_boxes: int | None = None
) -> Iterator[Partition]:
    """All ``mu ⊆ lam`` such that ``lam/mu`` is a horizontal strip.

    Parameters
    ----------
    lam : Partition or iterable of int
        The outer shape.
    max_boxes : int, optional
        Keep only strips of at most this many cells.

    Returns
    -------
    iterator of Partition
        Each ``mu`` once, starting with ``lam`` itself, in lexicographic order of the
        vector of cells removed from each row (the last row varies fastest).

    Examples
    --------
    >>> list(horizontal_strips_under([2, 1]))
    [Partition([2, 1]), Partition([2]), Partition([1, 1]), Partition([1])]
    >>> list(horizontal_strips_under([3], max_boxes=1))
    [Partition([3]), Partition([2])]
    """
    lam = Partition(lam)
    max_boxes = nonnegative_int("max_boxes", max_boxes, allow_none=True)
    n = len(lam)
    caps = [lam[i] - (lam[i + 1] if i + 1 < n else 0) for i in range(n)]
    if max_boxes is not None:
        caps = [min(c, max_boxes) for c in caps]
    return _odometer(list(lam), caps, -1, max_boxes)


def vertical_strips_over(
    mu: Iterable[int],
    max_boxes: int | None = None,
    max_length: int | None = None,
    max_part: int | None = None,
) -> Iterator[Partition]:
    """All ``lam ⊇ mu`` such that ``lam/mu`` is a vertical strip.

    The same as [`horizontal_strips_over`][horizontal_strips_over] after conjugation (``max_length`` and
    ``max_part`` exchange roles); at least one of ``max_boxes`` and ``max_length``
    must be given.

    Examples
    --------
    >>> list(vertical_strips_over([1], max_boxes=1))
    [Partition([1]), Partition([2]), Partition([1, 1])]
    """
    mu = Partition(mu)
    if max_boxes is None and max_length is None and (max_part is None or max_part > 0):
        raise InvalidInputError(
            f"the vertical strips over {mu!r} form an infinite set: "
            "give max_boxes or max_length"
        )
    conj = horizontal_strips_over(
        mu.conjugate(), max_boxes=max_boxes, max_length=max_part, max_part=max_length
    )
    return _conjugated(conj)


def vertical_strips_under(
    lam: Iterable[int], max_boxes: int | None = None
) -> Iterator[Partition]:
    """All ``mu ⊆ lam`` such that ``lam/mu`` is a vertical strip (at most ``max_boxes``
    cells), via conjugation of [`horizontal_strips_under`][horizontal_strips_under].

    Examples
    --------
    >>> list(vertical_strips_under([2, 1]))
    [Partition([2, 1]), Partition([1, 1]), Partition([2]), Partition([1])]
    """
    lam = Partition(lam)
    return _conjugated(horizontal_strips_under(lam.conjugate(), max_boxes=max_boxes))


def _conjugated(partitions: Iterator[Partition]) -> Iterator[Partition]:
    new = tuple.__new__
    for nu in partitions:
        yield new(Partition, _conjugate_parts(nu))
