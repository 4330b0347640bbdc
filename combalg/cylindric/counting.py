"""The transfer-matrix counts as core series: [`count_series`][count_series], [`count_rpp_series`][count_rpp_series]
and [`count_bivariate`][count_bivariate].

Series-valued functions of combalg return the core
[`PowerSeries`][combalg.core.series.PowerSeries], which compares equal to the list of
its coefficients and indexes like it; bivariate ones return the core
[`MultiSeries`][combalg.core.mseries.MultiSeries] in ``(q, w)``, whose rows
[`bivariate_rows`][bivariate_rows] gives.  The transfer-matrix code itself
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

from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError
from combalg.cylindric.profile import Profile
from combalg.cylindric.transfer import (
    WORK_LIMIT,
    count_bivariate_rows,
    count_coefficients,
    count_rpp_coefficients,
)

if TYPE_CHECKING:  # the series core imports FLINT: keep it out of import time
    from combalg.core.mseries import MultiSeries
    from combalg.core.series import PowerSeries

__all__ = ["count_series", "count_rpp_series", "count_bivariate", "bivariate_rows", "BIVARIATE_VARIABLES"]

#: the variables of the bivariate series: ``q`` counts ``|Lambda|`` (the truncated one),
#: ``w`` counts ``|mu^0|``
BIVARIATE_VARIABLES = ("q", "w")


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


def count_bivariate(
    profile: Profile | str | Iterable[int], order: int, *, limit: int | None = WORK_LIMIT
) -> MultiSeries:
    """The series ``sum_Lambda q^{|Lambda|} w^{|mu^0|}`` modulo ``q^order``, counted by a transfer matrix.

    This never uses a product formula: it is the independent side of
    [`check_bivariate`][combalg.cylindric.check_bivariate], compared there with
    [`borodin_bivariate`][combalg.cylindric.borodin_bivariate] (see
    [`count_bivariate_rows`][combalg.cylindric.transfer.count_bivariate_rows] for the
    plain rows it is built from).

    Parameters
    ----------
    profile : Profile or str or sequence of int
        The profile ``pi``.
    order : int
        The series is known modulo ``q^order``.
    limit : int or None, optional
        As in [`count_coefficients`][combalg.cylindric.transfer.count_coefficients].

    Returns
    -------
    MultiSeries
        In the variables ``("q", "w")``, known modulo ``q^order``; the coefficient of
        ``q^n w^j`` is the number of objects of weight ``n`` with ``|mu^0| = j``
        (always ``j <= n``).  [`bivariate_rows`][bivariate_rows] gives the rows
        ``rows[n][j]`` (row ``n`` with ``n + 1`` entries) that this function returned
        before it returned a series; ``.subs({"w": 1})`` gives
        [`count_series`][count_series].

    Raises
    ------
    InvalidInputError
        For a bad profile, a negative order or a bad limit.
    ResourceLimitError
        If the estimated work exceeds ``limit``.

    Examples
    --------
    >>> s = count_bivariate("1100", 5)
    >>> s
    1 + q + 3*q^2 + 4*q^3 + 7*q^4 + q^4*w + O(q^5)
    >>> s.coefficient((4, 1)), s.variables, s.order
    (1, ('q', 'w'), 5)
    >>> bivariate_rows(s)
    [[1], [1, 0], [3, 0, 0], [4, 0, 0, 0], [7, 1, 0, 0, 0]]
    >>> s.subs({"w": 1}) == count_series("1100", 5)
    True
    """
    from combalg.core.mseries import MultiSeries

    rows = count_bivariate_rows(profile, order, limit=limit)
    terms = {(d, j): c for d, row in enumerate(rows) for j, c in enumerate(row) if c}
    return MultiSeries(terms, BIVARIATE_VARIABLES, len(rows))


def bivariate_rows(series: MultiSeries) -> list[list[int]]:
    """The rows ``rows[n][j]`` (coefficient of ``q^n w^j``, row ``n`` with ``n + 1`` entries) of a bivariate series.

    This is the form [`count_bivariate`][count_bivariate] and
    [`borodin_bivariate`][combalg.cylindric.borodin_bivariate] returned before they
    returned a [`MultiSeries`][combalg.core.mseries.MultiSeries]; unlike
    ``MultiSeries.to_rows()`` (rows padded to a common width) row ``n`` stops at ``w^n``,
    which holds every term as ``|mu^0| <= |Lambda|``.

    Parameters
    ----------
    series : MultiSeries
        A series in two variables with no term ``q^n w^j`` for ``j > n``.

    Raises
    ------
    InvalidInputError
        If ``series`` is not a two-variable MultiSeries or has a term with
        ``j > n``.
    ResourceLimitError
        If the rows would have more entries than the limit ``sequence_length``.

    Examples
    --------
    >>> from combalg.cylindric import borodin_bivariate
    >>> bivariate_rows(borodin_bivariate("10", 4))
    [[1], [1, 0], [1, 1, 0], [1, 2, 0, 0]]
    >>> bivariate_rows(count_bivariate("10", 0))
    []
    """
    from combalg.core import limits
    from combalg.core.mseries import MultiSeries

    if not isinstance(series, MultiSeries) or len(series.variables) != 2:
        raise InvalidInputError(
            f"invalid series {short_repr(series)}: expected a MultiSeries in two variables such as ('q', 'w')"
        )
    n = series.order
    limits.check("sequence_length", n * (n + 1) // 2, f"the rows of a series known modulo q^{n}")
    rows: list[list] = [[0] * (d + 1) for d in range(n)]
    for (d, j), c in series.to_dict().items():
        if j > d:
            raise InvalidInputError(
                f"invalid series {short_repr(series)}: its term of degree ({d}, {j}) lies beyond row {d} "
                f"(expected {series.variables[1]}-degree <= {series.variables[0]}-degree); use to_rows()"
            )
        rows[d][j] = c
    return rows
