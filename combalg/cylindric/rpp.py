"""Reverse plane partitions: cylindric partitions with ``mu^0`` empty.

With ``mu^0 = mu^T`` empty, a cylindric partition of profile ``pi`` is a reverse
plane partition of the shape read from ``pi``: each 0 is a
row whose length is the number of 1s before it.  The cells correspond to the
pairs (1 at ``i``, 0 at ``j > i``) and the hook length of that cell is ``j - i``,
so Stanley's hook formula reads

    sum q^{|Lambda|} = prod_{s in lambda} 1/(1 - q^{h(s)}) = prod_{i<j, pi_i=1, pi_j=0} 1/(1 - q^{j-i}).

Examples
--------
>>> from combalg.cylindric import rpp_shape, rpp_series, rpp_hook_series
>>> rpp_shape("110100")
Partition([3, 3, 2])
>>> rpp_series("1010", 8) == rpp_hook_series("1010", 8)
True

References
----------
- [1] R. P. Stanley, *Enumerative Combinatorics*, vol. 2, Theorem 7.22.1.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from combalg.cylindric.profile import Profile, as_profile
from combalg.core.validation import nonnegative_int
from combalg.cylindric.counting import count_rpp_series
from combalg.partitions import Partition, hook_lengths

if TYPE_CHECKING:  # the series core imports FLINT: keep it out of import time
    from combalg.core.series import PowerSeries

__all__ = ["rpp_shape", "rpp_pair_hooks", "rpp_series", "rpp_hook_series"]


def rpp_shape(profile: Profile | str | Iterable[int]) -> Partition:
    """The shape of the reverse plane partitions of profile ``pi``.

    Each 0 of ``pi`` is a row whose length is the number of 1s before it; the rows
    are sorted in decreasing order.

    Examples
    --------
    >>> rpp_shape("1100"), rpp_shape("1010"), rpp_shape("10110")
    (Partition([2, 2]), Partition([2, 1]), Partition([3, 1]))
    """
    pi = as_profile(profile)
    rows = []
    ones = 0
    for x in pi.word:
        if x == 1:
            ones += 1
        else:
            rows.append(ones)
    return Partition(sorted(rows, reverse=True))


def rpp_pair_hooks(profile: Profile | str | Iterable[int]) -> list[int]:
    """The distances ``j - i`` of the pairs (1 at ``i``, 0 at ``j > i``), sorted.

    They are the hook lengths of [`rpp_shape`][rpp_shape].

    Examples
    --------
    >>> rpp_pair_hooks("110100")
    [1, 1, 2, 2, 3, 4, 4, 5]
    """
    w = as_profile(profile).word
    T = len(w)
    return sorted(j - i for i in range(T) if w[i] == 1 for j in range(i + 1, T) if w[j] == 0)


def rpp_series(profile: Profile | str | Iterable[int], order: int) -> PowerSeries:
    """The series ``sum q^{|Lambda|}`` over the objects with ``mu^0`` empty, modulo ``q^order``.

    Computed by the transfer matrix (no product formula); compare with
    [`rpp_hook_series`][rpp_hook_series].

    Examples
    --------
    >>> rpp_series("1100", 8)
    1 + q + 3*q^2 + 4*q^3 + 7*q^4 + 9*q^5 + 14*q^6 + 17*q^7 + O(q^8)
    """
    return count_rpp_series(profile, order)


def rpp_hook_series(profile: Profile | str | Iterable[int], order: int) -> PowerSeries:
    """Stanley's hook product ``prod_{s in lambda} 1/(1 - q^{h(s)})`` for ``lambda = rpp_shape(pi)``.

    Examples
    --------
    >>> rpp_hook_series("1100", 8) == [1, 1, 3, 4, 7, 9, 14, 17]
    True
    """
    from combalg.core.series import PowerSeries, euler_product

    n = nonnegative_int("order", order)
    if n == 0:
        return PowerSeries([], order=0)
    mult: dict[int, int] = {}
    for row in hook_lengths(rpp_shape(profile)):
        for h in row:
            if h < n:
                mult[h] = mult.get(h, 0) + 1
    return euler_product(mult, n)
