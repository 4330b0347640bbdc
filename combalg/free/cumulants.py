"""Moments and free cumulants of a single noncommutative random variable.

Conventions: a *moment sequence* is the list ``[m_1, m_2, ..., m_n]`` (the
zeroth moment ``m_0 = 1`` is implicit), and a *cumulant sequence* is
``[k_1, ..., k_n]``; entry ``i`` of either list has degree ``i + 1``.  Entries
are exact rationals (``int``, `fractions.Fraction`, or flint
``fmpz``/``fmpq``); results are lists of ``int``/``Fraction``.

The free moment-cumulant formula ``m_n = sum over NC(n) of prod of k_|V|``
is equivalent to the functional equation ``M(z) = C(z M(z))`` for
``M(z) = 1 + sum m_n z^n`` and ``C(z) = 1 + sum k_n z^n``.  Putting
``w(z) = z M(z)`` gives ``z = w / C(w)``: the two series ``z M(z)`` and
``w / C(w)`` are compositional inverses.  Both maps are therefore one series
reversion (flint ``fmpq_series.reversion``), fast to order several hundred.
[`free_cumulants_to_moments_by_partitions`][free_cumulants_to_moments_by_partitions] is the direct sum over
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
- [1] A. Nica and R. Speicher, *Lectures on the Combinatorics of Free
   Probability*, Cambridge University Press, 2006, Lectures 11-12 and 16.
- [2] D. Voiculescu, K. Dykema, A. Nica, *Free Random Variables*, CRM
   Monograph Series 1, AMS, 1992.
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence, Set
from fractions import Fraction
from math import factorial

from contextlib import contextmanager
from typing import Iterator

import flint
from flint import fmpq, fmpq_series, fmpz

from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError, ResourceLimitError, expect
from combalg.core.validation import positive_int, sequence_arg
from combalg.free.noncrossing import MAX_ENUMERATION, catalan, kreweras, noncrossing_partitions

__all__ = [
    "MAX_ORDER",
    "moments_to_free_cumulants",
    "free_cumulants_to_moments",
    "free_cumulants_to_moments_by_partitions",
    "free_additive_convolution",
    "free_multiplicative_convolution",
    "cauchy_transform",
    "r_transform",
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


#: longest sequence (highest degree) accepted; longer requests raise ResourceLimitError before any work
MAX_ORDER = 5_000


def _exact(value: object, name: str, index: int | None = None) -> fmpq:
    label = name if index is None else f"{name}[{index}]"
    if isinstance(value, bool):
        raise InvalidInputError(f"invalid {label} {short_repr(value)}: expected an exact rational number")
    if isinstance(value, numbers.Integral):      # int, numpy integers
        return fmpq(int(value))
    if isinstance(value, Fraction):
        return fmpq(value.numerator, value.denominator)
    if isinstance(value, (fmpz, fmpq)):
        return fmpq(value)
    raise InvalidInputError(
        f"invalid {label} {short_repr(value)}: expected an exact rational number (int, Fraction, fmpz or fmpq)")


def _sequence(values: object, name: str) -> list[fmpq]:
    if isinstance(values, (str, bytes, bytearray, Mapping, Set)) or values is None:
        raise InvalidInputError(f"invalid {name} {short_repr(values)}: expected a sequence of exact rationals "
                                "(a list or tuple; entry i is the value in degree i+1)")
    if not isinstance(values, Sequence):
        values = sequence_arg(name, values)
    expect(len(values) > 0, name, values, "a nonempty sequence (entry i is the value in degree i+1)")
    if len(values) > MAX_ORDER:
        raise ResourceLimitError(f"{name} has {len(values)} entries, more than the limit MAX_ORDER={MAX_ORDER}")
    return [_exact(v, name, i) for i, v in enumerate(values)]


def _nc_limit(n: int, what: str) -> None:
    """Raise ResourceLimitError before a sum over NC(1), ..., NC(n) that would exceed the enumeration limit."""
    total = 0
    for j in range(1, n + 1):
        total += catalan(j)                          # |NC(j)|; stops long before Catalan(j) gets large
        if total > MAX_ENUMERATION:
            raise ResourceLimitError(f"{what} to order {n} sums over more than {MAX_ENUMERATION} non-crossing "
                                     f"partitions (the limit); use a shorter sequence or the fast method")


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
    ResourceLimitError
        If the sequence is longer than [`MAX_ORDER`][MAX_ORDER].

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
    [`moments_to_free_cumulants`][moments_to_free_cumulants].

    Raises
    ------
    InvalidInputError
        If the sequence is empty or holds something that is not an exact rational.
    ResourceLimitError
        If the sequence is longer than [`MAX_ORDER`][MAX_ORDER].

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

    Raises
    ------
    InvalidInputError
        For a bad sequence.
    ResourceLimitError
        If the sum would run over more than the enumeration limit of non-crossing partitions.

    Examples
    --------
    >>> free_cumulants_to_moments_by_partitions([0, 1, 0, 0, 0, 0])
    [0, 1, 0, 2, 0, 5]
    """
    k = [_out(v) for v in _sequence(cumulants, "cumulants")]
    _nc_limit(len(k), "the sum over non-crossing partitions")
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


def cauchy_transform(moments: Sequence[object]) -> list[int | Fraction]:
    """Coefficients ``[g_1, ..., g_{n+1}]`` of the Cauchy transform ``G(z) = sum_j g_j z^{-j}``, truncated.

    ``G(z) = tau((z - a)^{-1}) = sum_{k >= 0} m_k z^{-k-1}`` as a formal series
    in ``1/z``, so ``g_{k+1} = m_k`` with ``m_0 = 1``; known exactly up to
    ``z^{-(n+1)}`` from ``[m_1, ..., m_n]``.  For the semicircle law of variance
    ``t``, ``G(z) = (z - sqrt(z^2 - 4t)) / (2t)`` solves ``t G^2 - z G + 1 = 0``.

    Parameters
    ----------
    moments : sequence of exact rationals
        ``[m_1, ..., m_n]``.

    Returns
    -------
    list of int or Fraction
        ``result[j]`` is the coefficient of ``z^{-(j+1)}``.

    Raises
    ------
    InvalidInputError
        If the sequence is empty or holds something that is not an exact rational.
    ResourceLimitError
        If the sequence is longer than [`MAX_ORDER`][MAX_ORDER].

    Examples
    --------
    >>> cauchy_transform(semicircle_moments(6))      # 1/z + 1/z^3 + 2/z^5 + 5/z^7
    [1, 0, 1, 0, 2, 0, 5]

    References
    ----------
    - [1] A. Nica and R. Speicher, *Lectures on the Combinatorics of Free
       Probability*, Cambridge University Press, 2006, Lectures 2-3.
    """
    return [1] + [_out(x) for x in _sequence(moments, "moments")]


def r_transform(moments: Sequence[object]) -> list[int | Fraction]:
    """Coefficients ``[r_0, ..., r_{n-1}]`` of Voiculescu's R-transform ``R(z) = sum_j r_j z^j``, truncated.

    ``R`` is defined by ``G(R(z) + 1/z) = z``: with ``u = 1/z`` the Cauchy
    transform is the series ``g(u) = u M(u)``, its compositional inverse
    ``h = g^{-1}`` gives ``K(w) = 1 / h(w) = 1/w + R(w)``.  Computed by one
    exact series reversion (FLINT); the coefficients are the free cumulants,
    ``r_j = k_{j+1}``.  Semicircle of variance ``t``: ``R(z) = t z``; free
    Poisson of rate ``lambda``: ``R(z) = lambda / (1 - z)``.

    Parameters
    ----------
    moments : sequence of exact rationals
        ``[m_1, ..., m_n]``.

    Returns
    -------
    list of int or Fraction
        ``result[j]`` is the coefficient of ``z^j`` in ``R(z)``, known for ``j < n``.

    Raises
    ------
    InvalidInputError
        If the sequence is empty or holds something that is not an exact rational.
    ResourceLimitError
        If the sequence is longer than [`MAX_ORDER`][MAX_ORDER].

    Examples
    --------
    >>> r_transform(semicircle_moments(6, variance=3))
    [0, 3, 0, 0, 0, 0]
    >>> r_transform(free_poisson_moments(5, rate=2))
    [2, 2, 2, 2, 2]

    References
    ----------
    - [1] D. Voiculescu, Addition of certain non-commuting random variables,
       J. Funct. Anal. 66 (1986) 323-346.
    """
    m = _sequence(moments, "moments")
    return [_out(x) for x in _shifted_inverse(m)]    # w / h(w) = 1 + w R(w)


def free_additive_convolution(moments1: Sequence[object], moments2: Sequence[object]) -> list[int | Fraction]:
    """Return the moments of ``a + b`` for free ``a``, ``b`` with the given moments.

    Free cumulants add: ``k_n(a + b) = k_n(a) + k_n(b)``.  The result has the
    length of the shorter input.

    Raises
    ------
    InvalidInputError
        If either sequence is empty or holds something that is not an exact rational.

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
    if not isinstance(method, str) or method not in ("s_transform", "kreweras"):
        raise InvalidInputError(f"invalid method {short_repr(method)}: expected 's_transform' or 'kreweras'")
    if method == "s_transform":
        s1 = s_transform(moments1)
        s2 = s_transform(moments2)
        n = min(len(s1), len(s2))
        prod = [sum((s1[i] * s2[j - i] for i in range(j + 1)), 0) for j in range(n)]
        return moments_from_s_transform(prod)
    k1 = moments_to_free_cumulants(moments1)
    k2 = moments_to_free_cumulants(moments2)
    n = min(len(k1), len(k2))
    _nc_limit(n, "the Kreweras product formula")
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

    Raises
    ------
    InvalidInputError
        For a bad sequence or ``m_1 = 0``.

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
    """Inverse of [`s_transform`][s_transform]: moments ``[m_1..m_n]`` from ``[s_0..s_{n-1}]`` (``s_0 != 0``).

    Raises
    ------
    InvalidInputError
        For a bad sequence or ``s_0 = 0``.

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

    Raises
    ------
    InvalidInputError
        For a bad sequence.

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
    """Inverse of [`moments_to_boolean_cumulants`][moments_to_boolean_cumulants].

    Raises
    ------
    InvalidInputError
        For a bad sequence.

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

    Raises
    ------
    InvalidInputError
        For a bad sequence.

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
    """Inverse of [`moments_to_classical_cumulants`][moments_to_classical_cumulants].

    Raises
    ------
    InvalidInputError
        For a bad sequence.

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
    n = positive_int("order", order)
    if n > MAX_ORDER:
        raise ResourceLimitError(f"order {n} is more than the limit MAX_ORDER={MAX_ORDER}")
    return n


def _param(value: object, name: str) -> int | Fraction:
    return _out(_exact(value, name))


def semicircle_moments(order: int, variance: object = 1) -> list[int | Fraction]:
    """Return ``[m_1, ..., m_order]`` of the semicircle law of the given variance ``t``.

    ``m_{2k} = t^k Catalan(k)`` and odd moments vanish.

    Raises
    ------
    InvalidInputError
        If ``order`` is not a positive integer or ``variance`` not an exact rational.
    ResourceLimitError
        If ``order > MAX_ORDER``.

    Examples
    --------
    >>> semicircle_moments(6)
    [0, 1, 0, 2, 0, 5]
    >>> semicircle_moments(4, variance=2)
    [0, 2, 0, 8]
    """
    n = _order(order)
    t = _param(variance, "variance")
    out: list[int | Fraction] = []
    cat, power = 1, 1                      # Catalan(k) by C_k = C_{k-1} 2(2k-1) / (k+1), and t^k
    for d in range(1, n + 1):
        if d % 2:
            out.append(0)
        else:
            k = d // 2
            cat = cat * 2 * (2 * k - 1) // (k + 1)
            power = power * t
            x = cat * power
            out.append(int(x) if isinstance(x, Fraction) and x.denominator == 1 else x)
    return out


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

    Computed by the three-term recurrence of the Narayana polynomials
    ``(n+1) N_n(x) = (2n-1)(1+x) N_{n-1}(x) - (n-2)(1-x)^2 N_{n-2}(x)``,
    so long sequences are cheap.

    Raises
    ------
    InvalidInputError
        If ``order`` is not a positive integer or ``rate`` not an exact rational.
    ResourceLimitError
        If ``order > MAX_ORDER``.

    Examples
    --------
    >>> free_poisson_moments(5)
    [1, 2, 5, 14, 42]
    """
    n = _order(order)
    lam = Fraction(_param(rate, "rate"))
    # Narayana polynomials: (d+1) N_d = (2d-1)(1+x) N_{d-1} - (d-2)(1-x)^2 N_{d-2}, N_0 = 1, N_1 = x
    prev, cur = Fraction(1), lam
    out: list[int | Fraction] = [cur]
    for d in range(2, n + 1):
        prev, cur = cur, ((2 * d - 1) * (1 + lam) * cur - (d - 2) * (1 - lam) ** 2 * prev) / (d + 1)
        out.append(cur)
    return [int(x) if x.denominator == 1 else x for x in out]
