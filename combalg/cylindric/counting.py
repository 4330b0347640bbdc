"""The transfer-matrix counts as core series: [`count_series`][count_series] and [`count_rpp_series`][count_rpp_series].

Series-valued functions of combalg return the core
[`PowerSeries`][combalg.core.series.PowerSeries], which compares equal to the list of
its coefficients and indexes like it.  The transfer-matrix code itself
([`combalg.cylindric.transfer`][combalg.cylindric.transfer]) returns plain lists and never imports the
series core, so that it stays independent of the product side it is compared with.

Examples
--------
>>> from combalg.cylindric import count_series
>>> s = count_series("1100", 12)
>>> s
1 + q + 3*q^2 + 4*q^3 + 8*q^4 + 11*q^5 + 20*q^6 + 27*q^7 + 44*q^8 + 60*q^9 + 92*q^10 + 124*q^11 + O(q^12)
>>> s == [1, 1, 3, 4, 8, 11, 20, 27, 44, 60, 92, 124], s[11], s[-1], len(s)
(True, 124, 124, 12)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from combalg.cylindric.profile import Profile
from combalg.cylindric.transfer import WORK_LIMIT, count_coefficients, count_rpp_coefficients

if TYPE_CHECKING:  # the series core imports FLINT: keep it out of import time
    from combalg.core.series import PowerSeries

__all__ = ["count_series", "count_rpp_series"]


def count_series(
    profile: Profile | str | Iterable[int], order: int, *, limit: int | None = WORK_LIMIT
) -> PowerSeries:
    """The series ``sum_Lambda q^{|Lambda|}`` modulo ``q^order``, counted by a transfer matrix.

    This never uses a product formula: it is the independent side of
    [`check_borodin`][combalg.cylindric.check_borodin] (see
    [`count_coefficients`][combalg.cylindric.transfer.count_coefficients] for the parameters,
    limits and the plain list).

    Returns
    -------
    PowerSeries
        It compares equal to the list ``[a_0, ..., a_{order-1}]`` and indexes like it.

    Examples
    --------
    >>> count_series("10", 10)
    1 + q + 2*q^2 + 3*q^3 + 5*q^4 + 7*q^5 + 11*q^6 + 15*q^7 + 22*q^8 + 30*q^9 + O(q^10)
    >>> count_series("110100", 8) == [1, 2, 5, 9, 18, 31, 54, 88]
    True
    """
    from combalg.core.series import PowerSeries

    coeffs = count_coefficients(profile, order, limit=limit)
    return PowerSeries(coeffs, order=len(coeffs))


def count_rpp_series(
    profile: Profile | str | Iterable[int], order: int, *, limit: int | None = WORK_LIMIT
) -> PowerSeries:
    """The series of the objects with ``mu^0`` empty (reverse plane partitions), by a transfer matrix.

    Examples
    --------
    >>> count_rpp_series("1100", 8) == [1, 1, 3, 4, 7, 9, 14, 17]
    True
    """
    from combalg.core.series import PowerSeries

    coeffs = count_rpp_coefficients(profile, order, limit=limit)
    return PowerSeries(coeffs, order=len(coeffs))
