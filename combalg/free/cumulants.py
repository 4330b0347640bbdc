"""Moments and free cumulants of a single noncommutative random variable.

Conventions: a *moment sequence* is the list ``[m_1, m_2, ..., m_n]`` (the
zeroth moment ``m_0 = 1`` is implicit), and a *cumulant sequence* is
``[k_1, ..., k_n]``; entry ``i`` of either list has degree ``i + 1``.  Entries
are exact rationals (``int``, :class:`fractions.Fraction`, or flint
``fmpz``/``fmpq``); results are lists of ``int``/``Fraction``.

The free moment-cumulant formula ``m_n = sum over NC(n) of prod of k_|V|``
is equivalent to the functional equation ``M(z) = C(z M(z))`` for
``M(z) = 1 + sum m_n z^n`` and ``C(z) = 1 + sum k_n z^n``.  Putting
``w(z) = z M(z)`` gives ``z = w / C(w)``: the two series ``z M(z)`` and
``w / C(w)`` are compositional inverses.  Both maps are therefore one series
reversion (flint ``fmpq_series.reversion``), fast to order several hundred.
:func:`free_cumulants_to_moments_by_partitions` is the direct sum over
non-crossing partitions, kept as an independent (slow) oracle.

Examples
--------
>>> from combalg.free.cumulants import moments_to_free_cumulants, semicircle_moments
>>> semicircle_moments(8)
[0, 1, 0, 2, 0, 5, 0, 14]
>>> moments_to_free_cumulants(semicircle_moments(8))
[0, 1, 0, 0, 0, 0, 0, 0]

References
----------
.. [1] A. Nica and R. Speicher, *Lectures on the Combinatorics of Free
   Probability*, Cambridge University Press, 2006, Lectures 11-12 and 16.
.. [2] D. Voiculescu, K. Dykema, A. Nica, *Free Random Variables*, CRM
   Monograph Series 1, AMS, 1992.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from fractions import Fraction
from math import comb, factorial

from contextlib import contextmanager
from typing import Iterator

import flint
from flint import fmpq, fmpq_series, fmpz

from combalg.core.errors import InvalidInputError, expect
from combalg.free.noncrossing import catalan, kreweras, noncrossing_partitions

__all__ = [
    "moments_to_free_cumulants",
    "free_cumulants_to_moments",
    "free_cumulants_to_moments_by_partitions",
    "free_additive_convolution",
    "free_multiplicative_convolution",
    "s_transform",
    "moments_from_s_transform",
    "moments_to_boolean_cumulants",
    "boolean_cumulants_to_moments",
    "moments_to_classical_cumulants",
    "classical_cumulants_to_moments",
    "semicircle_moments",
    "semicircle_cumulants",
    "free_poisson_moments",
    "free_poisson_cumulants",
]


def _exact(value: object, name: str, index: int | None = None) -> fmpq:
    label = name if index is None else f"{name}[{index}]"
    if isinstance(value, bool):
        raise InvalidInputError(f"invalid {label} {value!r}: expected an exact rational number")
    if isinstance(value, numbers.Integral):      # int, numpy integers
        return fmpq(int(value))
    if isinstance(value, Fraction):
        return fmpq(value.numerator, value.denominator)
    if isinstance(value, (fmpz, fmpq)):
        return fmpq(value)
    raise InvalidInputError(
        f"invalid {label} {value!r}: expected an exact rational number (int, Fraction, fmpz or fmpq)")


def _sequence(values: object, name: str) -> list[fmpq]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence):
        try:
            values = list(values)  # type: ignore[call-overload]
        except TypeError:
            raise InvalidInputError(f"invalid {name} {values!r}: expected a sequence of exact rationals") from None
        if any(isinstance(v, (str, bytes)) for v in values):
            raise InvalidInputError(f"invalid {name} {values!r}: expected a sequence of exact rationals")
    expect(len(values) > 0, name, values, "a nonempty sequence (entry i is the value in degree i+1)")
    return [_exact(v, name, i) for i, v in enumerate(values)]


def _out(x: fmpq) -> int | Fraction:
    p, q = int(x.p), int(x.q)
    return p if q == 1 else Fraction(p, q)


@contextmanager
def _series_cap(prec: int) -> Iterator[None]:
    """Raise flint's global power-series cap to ``prec`` for the duration (restored afterwards)."""
    old = flint.ctx.cap
    flint.ctx.cap = max(old, prec)
    try:
        yield
    finally:
        flint.ctx.cap = old


def _coeffs(s: fmpq_series, n: int) -> list[fmpq]:
    c = list(s.coeffs())
    return c + [fmpq(0)] * (n - len(c)) if len(c) < n else c[:n]


def _shifted_inverse(values: list[fmpq]) -> list[fmpq]:
    """Given [a_1..a_n], with A = 1 + sum a_i z^i, return [b_1..b_n] with z A(z) and w / B(w) inverse."""
    n = len(values)
    prec = n + 2
    with _series_cap(prec):
        a = fmpq_series([fmpq(1)] + values, prec=prec)
        x = fmpq_series([0, 1], prec=prec)
        rev = (x * a).reversion()          # if w = z A(z) then z = rev(w) = w / B(w)
        b = x / rev                        # B(w), valuation 0
        return _coeffs(b, n + 1)[1:]


def moments_to_free_cumulants(moments: Sequence[object]) -> list[int | Fraction]:
    """Return the free cumulants ``[k_1, ..., k_n]`` of the moments ``[m_1, ..., m_n]``.

    Parameters
    ----------
    moments : sequence of exact rationals
        ``moments[i]`` is the moment of degree ``i + 1``; ``m_0 = 1`` is implicit.

    Returns
    -------
    list of int or Fraction
        ``result[i]`` is the free cumulant of degree ``i + 1``.

    Raises
    ------
    InvalidInputError
        If the sequence is empty or holds something that is not an exact rational.

    Examples
    --------
    >>> moments_to_free_cumulants([1, 2, 5, 14, 42])   # free Poisson of rate 1
    [1, 1, 1, 1, 1]
    >>> from fractions import Fraction
    >>> moments_to_free_cumulants([Fraction(1, 2), 1])
    [Fraction(1, 2), Fraction(3, 4)]
    """
    m = _sequence(moments, "moments")
    # M(z) = C(z M(z)): with w = z M(z), z = w / C(w), so C(w) = w / rev(z M)(w)
    return [_out(x) for x in _shifted_inverse(m)]


def free_cumulants_to_moments(cumulants: Sequence[object]) -> list[int | Fraction]:
    """Return the moments ``[m_1, ..., m_n]`` of the free cumulants ``[k_1, ..., k_n]``.

    Computed by reverting the series ``w / C(w)``; this is the inverse map of
    :func:`moments_to_free_cumulants`.

    Raises
    ------
    InvalidInputError
        If the sequence is empty or holds something that is not an exact rational.

    Examples
    --------
    >>> free_cumulants_to_moments([0, 1, 0, 0, 0, 0])
    [0, 1, 0, 2, 0, 5]
    >>> free_cumulants_to_moments([1, 1, 1, 1])
    [1, 2, 5, 14]
    """
    k = _sequence(cumulants, "cumulants")
    n = len(k)
    prec = n + 2
    with _series_cap(prec):
        c = fmpq_series([fmpq(1)] + k, prec=prec)
        x = fmpq_series([0, 1], prec=prec)
        w = (x / c).reversion()            # w(z) = z M(z)
        return [_out(v) for v in _coeffs(w, n + 2)[2:n + 2]]


def free_cumulants_to_moments_by_partitions(cumulants: Sequence[object]) -> list[int | Fraction]:
    """The moments as the sum over non-crossing partitions (slow; an independent oracle).

    ``m_n = sum_{pi in NC(n)} prod_{V in pi} k_{|V|}``; the cost grows like
    ``Catalan(n)``, so keep ``n`` below about 12.

    Examples
    --------
    >>> free_cumulants_to_moments_by_partitions([0, 1, 0, 0, 0, 0])
    [0, 1, 0, 2, 0, 5]
    """
    k = [_out(v) for v in _sequence(cumulants, "cumulants")]
    out: list[int | Fraction] = []
    for n in range(1, len(k) + 1):
        total: int | Fraction = 0
        for pi in noncrossing_partitions(n):
            term: int | Fraction = 1
            for b in pi:
                term *= k[len(b) - 1]
            total += term
        out.append(total)
    return out


def free_additive_convolution(moments1: Sequence[object], moments2: Sequence[object]) -> list[int | Fraction]:
    """Return the moments of ``a + b`` for free ``a``, ``b`` with the given moments.

    Free cumulants add: ``k_n(a + b) = k_n(a) + k_n(b)``.  The result has the
    length of the shorter input.

    Examples
    --------
    >>> s = semicircle_moments(8)
    >>> free_additive_convolution(s, s) == semicircle_moments(8, variance=2)
    True
    """
    k1 = moments_to_free_cumulants(moments1)
    k2 = moments_to_free_cumulants(moments2)
    n = min(len(k1), len(k2))
    return free_cumulants_to_moments([k1[i] + k2[i] for i in range(n)])


def free_multiplicative_convolution(moments1: Sequence[object], moments2: Sequence[object],
                                    method: str = "s_transform") -> list[int | Fraction]:
    """Return the moments of ``a b`` for free ``a``, ``b`` (tracial state).

    Methods: ``"s_transform"`` (default; ``S_{ab} = S_a S_b``, needs
    ``m_1 != 0`` for both, fast) and ``"kreweras"`` (``k_n(ab) = sum_{pi in
    NC(n)} k_pi[a] k_{K(pi)}[b]``, cost like ``Catalan(n)``, keep ``n <= 12``;
    works for any first moments).  The result has the length of the shorter
    input.

    Raises
    ------
    InvalidInputError
        For bad sequences, an unknown method, or a zero first moment with ``"s_transform"``.

    Examples
    --------
    >>> free_multiplicative_convolution([1, 2, 5, 14], [1, 1, 1, 1])   # b = 1
    [1, 2, 5, 14]
    >>> free_multiplicative_convolution([1, 2, 5], [1, 2, 5], method="kreweras")   # two free Poisson(1)
    [1, 3, 12]
    """
    if method == "s_transform":
        s1 = s_transform(moments1)
        s2 = s_transform(moments2)
        n = min(len(s1), len(s2))
        prod = [sum((s1[i] * s2[j - i] for i in range(j + 1)), 0) for j in range(n)]
        return moments_from_s_transform(prod)
    if method != "kreweras":
        raise InvalidInputError(f"invalid method {method!r}: expected 's_transform' or 'kreweras'")
    k1 = moments_to_free_cumulants(moments1)
    k2 = moments_to_free_cumulants(moments2)
    n = min(len(k1), len(k2))
    kab: list[int | Fraction] = []
    for m in range(1, n + 1):
        total: int | Fraction = 0
        for pi in noncrossing_partitions(m):
            term: int | Fraction = 1
            for b in pi:
                term *= k1[len(b) - 1]
            for b in kreweras(pi):
                term *= k2[len(b) - 1]
            total += term
        kab.append(total)
    return free_cumulants_to_moments(kab)


def s_transform(moments: Sequence[object]) -> list[int | Fraction]:
    """Coefficients ``[s_0, ..., s_{n-1}]`` of Voiculescu's S-transform from ``[m_1, ..., m_n]``.

    With ``psi(z) = sum_{k>=1} m_k z^k`` and ``chi`` its compositional inverse,
    ``S(z) = chi(z) (1 + z) / z``.  Requires ``m_1 != 0``.

    Examples
    --------
    >>> s_transform([1, 2, 5, 14])        # free Poisson(1): S(z) = 1 / (1 + z)
    [1, -1, 1, -1]
    """
    m = _sequence(moments, "moments")
    expect(m[0] != 0, "moments[0]", moments[0] if isinstance(moments, Sequence) else m[0],
           "a nonzero first moment (the S-transform needs m_1 != 0)")
    n = len(m)
    prec = n + 2
    with _series_cap(prec):
        psi = fmpq_series([fmpq(0)] + m, prec=n + 1)
        chi = psi.reversion()
        c = _coeffs(chi, n + 1)                       # chi mod z^(n+1), valuation 1
        chi_over_z = fmpq_series(c[1:], prec=n)
        S = chi_over_z * fmpq_series([1, 1], prec=n)
        return [_out(v) for v in _coeffs(S, n)]


def moments_from_s_transform(coefficients: Sequence[object]) -> list[int | Fraction]:
    """Inverse of :func:`s_transform`: moments ``[m_1..m_n]`` from ``[s_0..s_{n-1}]`` (``s_0 != 0``).

    Examples
    --------
    >>> moments_from_s_transform([1, -1, 1, -1])
    [1, 2, 5, 14]
    """
    S = _sequence(coefficients, "coefficients")
    expect(S[0] != 0, "coefficients[0]", S[0], "a nonzero constant term")
    n = len(S)
    prec = n + 2
    with _series_cap(prec):
        chi_over_z = fmpq_series(S, prec=n) / fmpq_series([1, 1], prec=n)
        chi = fmpq_series([fmpq(0)] + _coeffs(chi_over_z, n), prec=n + 1)
        psi = chi.reversion()
        return [_out(v) for v in _coeffs(psi, n + 1)[1:]]


def moments_to_boolean_cumulants(moments: Sequence[object]) -> list[int | Fraction]:
    """Return the Boolean cumulants ``[b_1..b_n]``: ``M(z) = 1 / (1 - B(z))``.

    Examples
    --------
    >>> moments_to_boolean_cumulants([0, 1, 0, 2, 0, 5])
    [0, 1, 0, 1, 0, 2]
    """
    m = _sequence(moments, "moments")
    n = len(m)
    with _series_cap(n + 1):
        b = 1 - fmpq_series([fmpq(1)] + m, prec=n + 1).inv()
    return [_out(v) for v in _coeffs(b, n + 1)[1:]]


def boolean_cumulants_to_moments(cumulants: Sequence[object]) -> list[int | Fraction]:
    """Inverse of :func:`moments_to_boolean_cumulants`.

    Examples
    --------
    >>> boolean_cumulants_to_moments([0, 1, 0, 1, 0, 2])
    [0, 1, 0, 2, 0, 5]
    """
    b = _sequence(cumulants, "cumulants")
    n = len(b)
    with _series_cap(n + 1):
        m = (1 - fmpq_series([fmpq(0)] + b, prec=n + 1)).inv()
    return [_out(v) for v in _coeffs(m, n + 1)[1:]]


def moments_to_classical_cumulants(moments: Sequence[object]) -> list[int | Fraction]:
    """Return the classical cumulants: ``sum c_n z^n / n! = log(sum m_n z^n / n!)``.

    Examples
    --------
    >>> moments_to_classical_cumulants([0, 1, 0, 3, 0, 15])   # standard Gaussian
    [0, 1, 0, 0, 0, 0]
    """
    m = _sequence(moments, "moments")
    n = len(m)
    with _series_cap(n + 1):
        e = fmpq_series([fmpq(1)] + [m[i] / factorial(i + 1) for i in range(n)], prec=n + 1)
        c = _coeffs(e.log(), n + 1)
    return [_out(c[i] * factorial(i)) for i in range(1, n + 1)]


def classical_cumulants_to_moments(cumulants: Sequence[object]) -> list[int | Fraction]:
    """Inverse of :func:`moments_to_classical_cumulants`.

    Examples
    --------
    >>> classical_cumulants_to_moments([1, 1, 1, 1])   # Poisson(1): Bell numbers
    [1, 2, 5, 15]
    """
    k = _sequence(cumulants, "cumulants")
    n = len(k)
    with _series_cap(n + 1):
        c = fmpq_series([fmpq(0)] + [k[i] / factorial(i + 1) for i in range(n)], prec=n + 1)
        m = _coeffs(c.exp(), n + 1)
    return [_out(m[i] * factorial(i)) for i in range(1, n + 1)]


def _order(order: object) -> int:
    expect(isinstance(order, int) and not isinstance(order, bool) and order >= 1, "order", order,
           "a positive integer")
    return int(order)


def _param(value: object, name: str) -> int | Fraction:
    return _out(_exact(value, name))


def semicircle_moments(order: int, variance: object = 1) -> list[int | Fraction]:
    """Return ``[m_1, ..., m_order]`` of the semicircle law of the given variance ``t``.

    ``m_{2k} = t^k Catalan(k)`` and odd moments vanish.

    Examples
    --------
    >>> semicircle_moments(6)
    [0, 1, 0, 2, 0, 5]
    >>> semicircle_moments(4, variance=2)
    [0, 2, 0, 8]
    """
    n = _order(order)
    t = _param(variance, "variance")
    return [0 if d % 2 else t ** (d // 2) * catalan(d // 2) for d in range(1, n + 1)]


def semicircle_cumulants(order: int, variance: object = 1) -> list[int | Fraction]:
    """Return the free cumulants of the semicircle law: ``k_2 = t``, all others 0 (``R(z) = t z``).

    Examples
    --------
    >>> semicircle_cumulants(4)
    [0, 1, 0, 0]
    """
    n = _order(order)
    t = _param(variance, "variance")
    return [t if d == 2 else 0 for d in range(1, n + 1)]


def free_poisson_cumulants(order: int, rate: object = 1) -> list[int | Fraction]:
    """Return the free cumulants of the free Poisson (Marchenko-Pastur) law: all equal to ``rate``.

    Examples
    --------
    >>> free_poisson_cumulants(3, rate=2)
    [2, 2, 2]
    """
    n = _order(order)
    lam = _param(rate, "rate")
    return [lam] * n


def free_poisson_moments(order: int, rate: object = 1) -> list[int | Fraction]:
    """Return the moments of the free Poisson law: ``m_n = sum_k N(n, k) rate^k`` (Narayana).

    Examples
    --------
    >>> free_poisson_moments(5)
    [1, 2, 5, 14, 42]
    """
    n = _order(order)
    lam = _param(rate, "rate")
    return [sum(comb(d, k) * comb(d, k - 1) // d * lam ** k for k in range(1, d + 1)) for d in range(1, n + 1)]
