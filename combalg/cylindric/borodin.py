"""Borodin's product formula for cylindric partitions (the product side).

For a profile ``pi`` of length ``T`` (positions 1-indexed):

    sum_Lambda q^{|Lambda|} = 1/(q^T; q^T)_inf * prod_{(i,d) in C(pi)} 1/(1 - q^d),

    C(pi) = {(i, d) : pi_i = 1, d >= 1, pi_{((i - 1 + d) mod T) + 1} = 0}:

every "1 at position ``i`` followed, at distance ``d`` along the periodically
repeated word, by a 0" gives one factor ``1/(1 - q^d)``.  With ``w`` marking
``|mu^0|`` (Borodin's bivariate specialisation) the cell ``(i, d)`` carries ``w^{floor((i - 1 + d)/T)}``
and the ``n``-th period factor is ``1/(1 - w^n q^{nT})``.

Examples
--------
>>> from combalg.cylindric import borodin_series
>>> borodin_series("1100", 12) == [1, 1, 3, 4, 8, 11, 20, 27, 44, 60, 92, 124]
True
>>> borodin_cells("1010", 4)
[(1, 1), (1, 3), (3, 1), (3, 3)]

References
----------
- [1] A. Borodin, "Periodic Schur process and cylindric partitions",
   Duke Math. J. 140 (2007), Proposition 1.1.
- [2] I. M. Gessel and C. Krattenthaler, "Cylindric partitions",
   Trans. AMS 349 (1997).
"""

from __future__ import annotations

from collections.abc import Iterable

from typing import TYPE_CHECKING

from combalg.core.bignum import short_repr
from combalg.core.errors import ResourceLimitError
from combalg.cylindric.profile import Profile, as_profile
from combalg.core.validation import nonnegative_int

if TYPE_CHECKING:  # the series core imports FLINT: keep it out of import time
    from combalg.core.mseries import MultiSeries
    from combalg.core.series import PowerSeries

__all__ = [
    "borodin_cells",
    "borodin_exponents",
    "borodin_series",
    "borodin_power_series",
    "borodin_bivariate",
    "borodin_bivariate_factors",
    "BIVARIATE_ORDER_LIMIT",
]

#: largest order accepted by [`borodin_bivariate`][borodin_bivariate] (the result has
#: ``order * (order + 1) / 2`` entries; order 1000 takes about two seconds)
BIVARIATE_ORDER_LIMIT = 3000


def _series_order(order: object) -> int:
    """A valid order, refused before any work if above the series core's limit."""
    from combalg.core.series import MAX_ORDER

    n = nonnegative_int("order", order)
    if n > MAX_ORDER:
        raise ResourceLimitError(
            f"order {n} exceeds the limit MAX_ORDER = {MAX_ORDER} of combalg.core.series"
        )
    return n


def borodin_cells(profile: Profile | str | Iterable[int], max_d: int) -> list[tuple[int, int]]:
    """The cells ``(i, d)`` of ``C(pi)`` with ``d < max_d`` (``i`` 1-indexed), sorted.

    Examples
    --------
    >>> borodin_cells("10", 6)
    [(1, 1), (1, 3), (1, 5)]
    """
    pi = as_profile(profile)
    max_d = _series_order(max_d)
    return _cells(pi.word, max_d)


def _cells(word: tuple[int, ...], max_d: int) -> list[tuple[int, int]]:
    """[`borodin_cells`][borodin_cells] of a 0/1 word without the argument checks."""
    T = len(word)
    out = []
    for i in range(1, T + 1):
        if word[i - 1] != 1:
            continue
        for d in range(1, max_d):
            if word[(i - 1 + d) % T] == 0:
                out.append((i, d))
    return out


def borodin_exponents(profile: Profile | str | Iterable[int], order: int) -> dict[int, int]:
    """The multiplicities ``{e: m_e}`` of ``prod_e 1/(1 - q^e)^{m_e}`` below ``q^order``.

    ``m_e`` is the number of cells of ``C(pi)`` at distance ``e``, plus 1 if ``T``
    divides ``e`` (the period factor ``1/(q^T; q^T)_inf``).

    Examples
    --------
    >>> borodin_exponents("1100", 9)
    {1: 1, 2: 2, 3: 1, 4: 1, 5: 1, 6: 2, 7: 1, 8: 1}
    """
    pi = as_profile(profile)
    n = _series_order(order)
    T = pi.T
    w = pi.word
    by_residue = [0] * T
    for r in range(T):
        by_residue[r] = sum(1 for i in range(T) if w[i] == 1 and w[(i + r) % T] == 0)
    out: dict[int, int] = {}
    for e in range(1, n):
        m = by_residue[e % T] + (1 if e % T == 0 else 0)
        if m:
            out[e] = m
    return out


def borodin_power_series(profile: Profile | str | Iterable[int], order: int):
    """Borodin's product as a [`PowerSeries`][combalg.core.series.PowerSeries] modulo ``q^order``.

    Examples
    --------
    >>> borodin_power_series("10", 6)
    1 + q + 2*q^2 + 3*q^3 + 5*q^4 + 7*q^5 + O(q^6)
    """
    from combalg.core.series import euler_product

    n = _series_order(order)
    return euler_product(borodin_exponents(profile, n), n)


def borodin_series(profile: Profile | str | Iterable[int], order: int) -> PowerSeries:
    """Coefficients ``a_0, ..., a_{order-1}`` of Borodin's product for ``pi``.

    Parameters
    ----------
    profile : Profile or str or sequence of int
    order : int

    Returns
    -------
    PowerSeries
        The series modulo ``q^order`` (it compares equal to the list of its
        ``order`` coefficients and indexes like it).

    Raises
    ------
    InvalidInputError
        For a bad profile or a negative order.

    Notes
    -----
    The exponents are grouped by multiplicity and the product is taken through
    [`combalg.core.series.euler_product`][combalg.core.series.euler_product] (one logarithm, one FLINT
    exponential), so order 10 000 takes well under a second.

    Examples
    --------
    >>> borodin_series("110100", 10)
    1 + 2*q + 5*q^2 + 9*q^3 + 18*q^4 + 31*q^5 + 54*q^6 + 88*q^7 + 144*q^8 + 225*q^9 + O(q^10)
    >>> borodin_series("11", 9) == [1, 0, 1, 0, 2, 0, 3, 0, 5]
    True
    """
    return borodin_power_series(profile, _series_order(order))


def borodin_bivariate_factors(profile: Profile | str | Iterable[int], order: int) -> list[tuple[tuple[int, int], int]]:
    """Factors ``((q-exponent, w-exponent), multiplicity)`` of the bivariate product.

    ``1/(1 - w^n q^{nT})`` for ``n >= 1`` and ``1/(1 - w^{floor((i-1+d)/T)} q^d)`` for each
    cell ``(i, d)`` of ``C(pi)``; only ``q``-exponents below ``order``.

    Examples
    --------
    >>> borodin_bivariate_factors("10", 4)
    [((1, 0), 1), ((2, 1), 1), ((3, 1), 1)]
    """
    pi = as_profile(profile)
    n = _series_order(order)
    T = pi.T
    mult: dict[tuple[int, int], int] = {}
    for k in range(1, (n - 1) // T + 1):
        mult[(k * T, k)] = mult.get((k * T, k), 0) + 1
    for i, d in borodin_cells(pi, n):
        key = (d, (i - 1 + d) // T)
        mult[key] = mult.get(key, 0) + 1
    return sorted(mult.items())


def borodin_bivariate(profile: Profile | str | Iterable[int], order: int) -> MultiSeries:
    """Borodin's bivariate product ``sum_Lambda q^{|Lambda|} w^{|mu^0|}`` modulo ``q^order``.

    The product of the factors of [`borodin_bivariate_factors`][borodin_bivariate_factors]
    (no enumeration, no transfer matrix): the other side of
    [`check_bivariate`][combalg.cylindric.check_bivariate].

    Returns
    -------
    MultiSeries
        In the variables ``("q", "w")``, known modulo ``q^order``, equal to
        [`count_bivariate`][combalg.cylindric.count_bivariate] coefficient by
        coefficient.  [`bivariate_rows`][combalg.cylindric.bivariate_rows] gives the
        rows ``rows[n][j]`` (row ``n`` with ``n + 1`` entries) that this function
        returned before it returned a series.

    Raises
    ------
    InvalidInputError
        For a bad profile or a negative order.
    ResourceLimitError
        If ``order`` exceeds [`BIVARIATE_ORDER_LIMIT`][BIVARIATE_ORDER_LIMIT].

    Examples
    --------
    >>> borodin_bivariate("10", 4)
    1 + q + q^2 + q^2*w + q^3 + 2*q^3*w + O(q^4)
    >>> from combalg.cylindric import bivariate_rows
    >>> bivariate_rows(borodin_bivariate("1100", 4))
    [[1], [1, 0], [3, 0, 0], [4, 0, 0, 0]]
    """
    from combalg.core.mseries import MultiSeries, multi_euler_product

    n = nonnegative_int("order", order)
    if n > BIVARIATE_ORDER_LIMIT:
        raise ResourceLimitError(
            f"borodin_bivariate up to order {short_repr(n)} would give {short_repr(n * (n + 1) // 2)} coefficients; "
            f"the limit is order {BIVARIATE_ORDER_LIMIT}"
        )
    if n == 0:
        as_profile(profile)  # a bad profile is refused at every order
        return MultiSeries({}, ("q", "w"), 0)
    factors = [(e, m) for e, m in borodin_bivariate_factors(profile, n)]
    return multi_euler_product(factors, ("q", "w"), n)
