"""Generators of partitions: of ``n``, of at most ``n``, inside a box.

The generators are iterative (each step changes a suffix of the current partition),
so enumerating all partitions of ``n`` costs little more than writing them out.

Examples
--------
>>> from combalg.partitions import partitions_of
>>> [tuple(lam) for lam in partitions_of(4)]
[(4,), (3, 1), (2, 2), (2, 1, 1), (1, 1, 1, 1)]
>>> sum(1 for _ in partitions_of(20))
627
"""

from __future__ import annotations

from collections.abc import Iterator

from combalg.core.errors import ResourceLimitError
from combalg.core.validation import nonnegative_int
from combalg.core.bignum import short_repr
from combalg.partitions.partition import Partition, _check_cells

__all__ = ["partitions_of", "partitions_up_to", "partitions_in_box", "count_partitions"]


def _fill(total: int, part: int) -> list[int]:
    q, r = divmod(total, part)
    if q > 1:
        _check_cells(q + (1 if r else 0), f"a partition of {short_repr(total)} into parts of at most {short_repr(part)}")
    return [part] * q + ([r] if r else [])


def _partitions_of(n: int, p: int, length: int) -> Iterator[Partition]:
    """Partitions of n with parts <= p and at most `length` parts, reverse lex order."""
    new = tuple.__new__
    if n == 0:
        yield new(Partition, ())
        return
    p = min(p, n)
    length = min(length, n)
    if p * length < n:
        return
    a = _fill(n, p)
    while True:
        yield new(Partition, a)
        # find the last position j whose part can be lowered by one while the rest
        # still fits into the remaining rows
        s = 0
        j = len(a) - 1
        while j >= 0:
            s += a[j]
            r = a[j] - 1
            if r > 0 and s <= r * (length - j):
                break
            j -= 1
        else:
            return
        del a[j:]
        a.extend(_fill(s, r))


def partitions_of(
    n: int, max_part: int | None = None, max_length: int | None = None
) -> Iterator[Partition]:
    """All partitions of ``n``, in reverse lexicographic order.

    Parameters
    ----------
    n : int
        The size, ``n >= 0``.
    max_part : int, optional
        Keep only partitions whose parts are at most ``max_part``.
    max_length : int, optional
        Keep only partitions with at most ``max_length`` parts.

    Returns
    -------
    iterator of Partition
        Starting with the largest partition in lexicographic order.

    Raises
    ------
    InvalidInputError
        If ``n`` or a bound is negative or not an integer (checked at the call).

    Examples
    --------
    >>> list(partitions_of(3))
    [Partition([3]), Partition([2, 1]), Partition([1, 1, 1])]
    >>> [tuple(l) for l in partitions_of(6, max_part=3, max_length=2)]
    [(3, 3)]
    >>> list(partitions_of(0))
    [Partition([])]
    """
    n = nonnegative_int("n", n)
    max_part = nonnegative_int("max_part", max_part, allow_none=True)
    max_length = nonnegative_int("max_length", max_length, allow_none=True)
    return _partitions_of(
        n,  # type: ignore[arg-type]
        n if max_part is None else max_part,  # type: ignore[arg-type]
        n if max_length is None else max_length,  # type: ignore[arg-type]
    )


def partitions_up_to(
    n: int, max_part: int | None = None, max_length: int | None = None
) -> Iterator[Partition]:
    """All partitions of size at most ``n``, by increasing size, each size in reverse
    lexicographic order.

    Parameters
    ----------
    n : int
        The largest size, ``n >= 0``.
    max_part, max_length : int, optional
        As in [`partitions_of`][partitions_of].

    Examples
    --------
    >>> [tuple(l) for l in partitions_up_to(3)]
    [(), (1,), (2,), (1, 1), (3,), (2, 1), (1, 1, 1)]
    >>> sum(1 for _ in partitions_up_to(10, max_length=2))
    36
    """
    n = nonnegative_int("n", n)
    max_part = nonnegative_int("max_part", max_part, allow_none=True)
    max_length = nonnegative_int("max_length", max_length, allow_none=True)

    top = n
    if max_part is not None and max_length is not None:
        top = min(top, max_part * max_length)  # no larger size fits (each size below has a partition)
    elif max_part == 0 or max_length == 0:
        top = 0

    def gen() -> Iterator[Partition]:
        for k in range(top + 1):  # type: ignore[operator]
            yield from _partitions_of(
                k,
                k if max_part is None else max_part,
                k if max_length is None else max_length,
            )

    return gen()


def partitions_in_box(max_length: int, max_part: int) -> Iterator[Partition]:
    """All partitions whose diagram fits in a ``max_length x max_part`` box
    (there are ``binomial(max_length + max_part, max_length)`` of them).

    Examples
    --------
    >>> [tuple(l) for l in partitions_in_box(2, 1)]
    [(), (1,), (1, 1)]
    >>> sum(1 for _ in partitions_in_box(3, 4))
    35
    """
    max_length = nonnegative_int("max_length", max_length)
    max_part = nonnegative_int("max_part", max_part)
    return partitions_up_to(
        max_length * max_part, max_part=max_part, max_length=max_length  # type: ignore[operator]
    )


def count_partitions(n: int) -> int:
    """The number ``p(n)`` of partitions of ``n``.

    Up to ``n = 5000`` by Euler's pentagonal recurrence (exact integers,
    ``O(n^1.5)`` operations); beyond that by FLINT's implementation of the
    Hardy-Ramanujan-Rademacher formula, which evaluates the series with
    rigorous error bounds and returns the exact integer (``p(10^9)`` in about
    0.1 s, in memory proportional to its digits).

    Raises
    ------
    InvalidInputError
        If ``n`` is not a nonnegative integer.
    ResourceLimitError
        If ``n`` is above the limit ``partition_count_n`` of
        ``combalg.core.limits`` (see the page "Limits"; default ``10^11``; the computation runs in C
        and cannot be interrupted, so it is bounded before it starts).

    References
    ----------
    F. Johansson, "Efficient implementation of the Hardy-Ramanujan-Rademacher
    formula", LMS J. Comput. Math. 15 (2012) 341-359.

    Examples
    --------
    >>> [count_partitions(k) for k in range(10)]
    [1, 1, 2, 3, 5, 7, 11, 15, 22, 30]
    >>> count_partitions(100)
    190569292
    """
    n = nonnegative_int("n", n)
    from combalg.core.bignum import short_repr
    from combalg.core.limits import check

    check("partition_count_n", n, f"count_partitions({short_repr(n)})")  # type: ignore[arg-type]
    if n > 5000:  # type: ignore[operator]
        from flint import fmpz

        return int(fmpz(n).partitions_p())
    p = [1] + [0] * n  # type: ignore[operator]
    for m in range(1, n + 1):  # type: ignore[operator]
        total = 0
        k = 1
        while True:
            g1 = k * (3 * k - 1) // 2
            if g1 > m:
                break
            sign = 1 if k % 2 else -1
            total += sign * p[m - g1]
            g2 = k * (3 * k + 1) // 2
            if g2 <= m:
                total += sign * p[m - g2]
            k += 1
        p[m] = total
    return p[n]  # type: ignore[index]
