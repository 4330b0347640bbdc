"""Enumerating cylindric partitions, each exactly once.

A depth-first search over ``mu^0, mu^1, ..., mu^{T-1}`` pruned by the remaining
weight budget; the last step is checked against ``mu^T = mu^0`` directly.
Objects are produced in order of weight, and within one weight in a fixed
(deterministic) order.

Examples
--------
>>> from combalg.cylindric import cylindric_partitions
>>> for cp in cylindric_partitions("10", weight=2):
...     print(cp)
CylindricPartition('10', [[], [2]])
CylindricPartition('10', [[1], [1]])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.core.validation import nonnegative_int
from combalg.cylindric.partition import CylindricPartition, interlaces
from combalg.cylindric.profile import Profile, as_profile
from combalg.partitions import (
    Partition,
    horizontal_strips_over,
    horizontal_strips_under,
    partitions_of,
)

__all__ = ["cylindric_partitions", "DEFAULT_LIMIT", "estimated_count"]

#: default bound on the number of objects a finite request may produce
DEFAULT_LIMIT = 2_000_000


def _of_weight(pi: Profile, n: int, mu0_empty: bool) -> Iterator[CylindricPartition]:
    """All objects of weight exactly n."""
    word = pi.word
    T = len(word)
    sizes = [0] if mu0_empty else range(n + 1)
    for a in sizes:
        for alpha in partitions_of(a):
            if T == 1:
                if a == n:
                    yield CylindricPartition._trusted(pi, (alpha,))
                continue
            # weight of mu^1..mu^{T-1} must be n - a
            yield from _dfs(pi, word, T, alpha, n - a)


def _dfs(pi: Profile, word: tuple[int, ...], T: int, alpha: Partition, budget: int):
    chain = [alpha]
    last_grow = word[T - 1] == 1

    def rec(k: int, remaining: int):
        prev = chain[-1]
        if k == T:
            if remaining == 0:
                ok = interlaces(alpha, prev) if last_grow else interlaces(prev, alpha)
                if ok:
                    yield CylindricPartition._trusted(pi, tuple(chain))
            return
        if word[k - 1] == 1:
            extra = remaining - sum(prev)
            if extra < 0:
                return
            cands = horizontal_strips_over(prev, max_boxes=extra)
        else:
            cands = horizontal_strips_under(prev)
        for lam in cands:
            s = sum(lam)
            if s > remaining:
                continue
            chain.append(lam)
            yield from rec(k + 1, remaining - s)
            chain.pop()

    yield from rec(1, budget)


def estimated_count(profile: Profile | str | Iterable[int], max_weight: int, mu0_empty: bool = False,
                    weight: int | None = None) -> int:
    """The exact number of objects a request would produce (from the product formulas).

    Used to refuse requests above a limit before any work starts.
    """
    from combalg.cylindric.borodin import borodin_series
    from combalg.cylindric.rpp import rpp_hook_series

    coeffs = (rpp_hook_series if mu0_empty else borodin_series)(profile, max_weight + 1)
    if weight is not None:
        return coeffs[weight]
    return sum(coeffs)


def cylindric_partitions(
    profile: Profile | str | Iterable[int],
    weight: int | None = None,
    max_weight: int | None = None,
    mu0_empty: bool = False,
    *,
    limit: int | None = DEFAULT_LIMIT,
) -> Iterator[CylindricPartition]:
    """Generate the cylindric partitions of a profile, each exactly once.

    Parameters
    ----------
    profile : Profile or str or sequence of int
        The profile ``pi``.
    weight : int, optional
        Only objects with ``|Lambda| = weight``.
    max_weight : int, optional
        Only objects with ``|Lambda| <= max_weight`` (in order of weight).
        With neither bound the generator is infinite (in order of weight).
    mu0_empty : bool, optional
        Only objects with ``mu^0`` empty (reverse plane partitions, see [`combalg.cylindric.rpp`][combalg.cylindric.rpp]).
    limit : int or None, optional
        Refuse (before starting) a bounded request that would produce more than
        ``limit`` objects; ``None`` for no limit.  The number is computed exactly
        from the product formula.

    Returns
    -------
    iterator of CylindricPartition

    Raises
    ------
    InvalidInputError
        For a bad profile, a negative bound, both ``weight`` and ``max_weight``, or a
        ``mu0_empty`` that is not a bool.
    ResourceLimitError
        If the request would produce more than ``limit`` objects.

    Examples
    --------
    >>> len(list(cylindric_partitions("1100", max_weight=6)))
    48
    >>> sum(1 for _ in cylindric_partitions("110100", weight=40))
    Traceback (most recent call last):
    ...
    combalg.core.errors.ResourceLimitError: cylindric_partitions('110100', weight=40) would produce 3225386 objects, more than limit=2000000; pass a larger limit= (or limit=None) to proceed
    """
    pi = as_profile(profile)
    if not isinstance(mu0_empty, bool):
        raise InvalidInputError(f"invalid mu0_empty {short_repr(mu0_empty)}: expected True or False")
    w = nonnegative_int("weight", weight, allow_none=True)
    mw = nonnegative_int("max_weight", max_weight, allow_none=True)
    lim = nonnegative_int("limit", limit, allow_none=True)
    if w is not None and mw is not None:
        raise InvalidInputError(
            f"invalid bounds weight={w} and max_weight={mw}: give at most one of them"
        )
    if lim is not None and (w is not None or mw is not None):
        top = w if w is not None else mw
        n = estimated_count(pi, top, mu0_empty, weight=w)  # type: ignore[arg-type]
        if n > lim:
            what = f"weight={w}" if w is not None else f"max_weight={mw}"
            raise ResourceLimitError(
                f"cylindric_partitions({str(pi)!r}, {what}) would produce {n} objects, "
                f"more than limit={lim}; pass a larger limit= (or limit=None) to proceed"
            )

    def gen() -> Iterator[CylindricPartition]:
        if w is not None:
            yield from _of_weight(pi, w, mu0_empty)
            return
        n = 0
        while mw is None or n <= mw:
            yield from _of_weight(pi, n, mu0_empty)
            n += 1

    return gen()
