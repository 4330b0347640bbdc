"""Exact truncated power series in one variable.

A [`PowerSeries`][PowerSeries] is a power series with integer or rational coefficients
known modulo ``q**order``: ``1 + q + 2*q^2 + O(q^5)``.  The arithmetic runs on
python-flint (FLINT's ``fmpq_poly`` with truncated multiplication, and FLINT's
Newton-iteration inverse, exponential and logarithm of ``fmpq_series``), so a
series of order ten thousand is a fast object.  Coefficients come back as
Python ``int`` (or `fractions.Fraction` where they are not integers).

Besides the ring operations the module builds the products that generating
functions are made of:

* [`euler_product`][euler_product] -- ``prod_e 1/(1-q^e)^(m_e)`` for many ``e`` at once
  (one exponential of a divisor sum, ``O(N log N)`` work before FLINT's ``exp``);
* [`qpochhammer`][qpochhammer] -- ``(a;q)_n`` and ``(a;q)_oo`` for ``a = c*q^k``;
* [`partition_series`][partition_series] -- ``sum p(n) q^n``;
* [`compare_series`][compare_series] -- the first degree where two series (or coefficient
  lists) disagree, with both values, as a [`Mismatch`][Mismatch].

Truncation rules: a series known modulo ``q**m`` combined with one known modulo
``q**n`` is known modulo ``q**min(m, n)``; Python numbers (``int``,
``Fraction``) are exact constants and do not lower the order.

Examples
--------
>>> from combalg.core.series import PowerSeries, partition_series
>>> a = PowerSeries([1, -1], order=6)        # 1 - q, known mod q^6
>>> a.inverse()
1 + q + q^2 + q^3 + q^4 + q^5 + O(q^6)
>>> partition_series(8).coefficients()
[1, 1, 2, 3, 5, 7, 11, 15]
>>> q = PowerSeries.gen(5)
>>> (1 + q) ** -2
1 - 2*q + 3*q^2 - 4*q^3 + 5*q^4 + O(q^5)
>>> (q / 2).exp()
1 + 1/2*q + 1/8*q^2 + 1/48*q^3 + 1/384*q^4 + O(q^5)

References
----------
- [1] G. E. Andrews, *The Theory of Partitions*, Cambridge University Press,
   1976 (Euler's pentagonal number theorem, q-Pochhammer symbols).
- [2] The FLINT team, *FLINT: Fast Library for Number Theory*, ``fmpq_poly``
   power series functions, https://flintlib.org.
"""

from __future__ import annotations

import itertools
import math
import numbers
from contextlib import contextmanager
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Iterable, Iterator, Mapping, Sequence, Union

import flint
from flint import fmpq, fmpq_poly, fmpq_series, fmpz, fmpz_poly

from combalg.core.checks import Mismatch
from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.core.bignum import short_repr
from combalg.core.validation import flag_arg, nonnegative_int, sequence_arg

__all__ = [
    "InexactOperandError",
    "MAX_ORDER",
    "MAX_POWER_BITS",
    "binomial_product",
    "Mismatch",
    "PowerSeries",
    "as_number",
    "compare_series",
    "euler_product",
    "partition_series",
    "qbinomial",
    "qpochhammer",
]

Number = Union[int, Fraction]

#: Largest truncation order accepted; larger orders raise ResourceLimitError.
MAX_ORDER = 5_000_000

#: Largest estimated coefficient size (bits) a power ``a**e`` starts on;
#: ``(2 + q)**(10**9)`` raises ResourceLimitError instead of exhausting memory.
#: The estimated total size (coefficients times bits) may not exceed ten times this.
MAX_POWER_BITS = 10**8

_REPR_TERMS = 20


# ---------------------------------------------------------------------------
# conversions
# ---------------------------------------------------------------------------


def as_number(value: Any, name: str = "coefficient") -> Number:
    """Return ``value`` as an exact ``int`` or ``Fraction``.

    Accepts Python ``int`` and ``Fraction``, FLINT ``fmpz``/``fmpq`` and any
    `numbers.Rational` (numpy integers, sympy ``Integer``/``Rational``).
    Integral values come back as ``int``.

    Parameters
    ----------
    value : object
        The value to convert.
    name : str
        How to call the value in an error message.

    Returns
    -------
    int or Fraction

    Raises
    ------
    InvalidInputError
        If ``value`` is not an exact rational number (``bool``, ``float``,
        ``str`` and everything else are refused; floats are not exact).

    Examples
    --------
    >>> from fractions import Fraction
    >>> as_number(Fraction(6, 3)), as_number(Fraction(1, 2))
    (2, Fraction(1, 2))
    >>> as_number(0.5)
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid coefficient 0.5: expected an int or a Fraction (floats are not exact)
    """
    if not isinstance(name, str):
        raise InvalidInputError(f"invalid name {short_repr(name)}: expected a string")
    if isinstance(value, bool):
        raise InvalidInputError(f"invalid {name} {value!r}: expected an int or a Fraction, not a bool")
    if isinstance(value, int):
        return int(value)
    if isinstance(value, Fraction):
        return value.numerator if value.denominator == 1 else value
    if isinstance(value, fmpz):
        return int(value)
    if isinstance(value, fmpq):
        num, den = int(value.p), int(value.q)
        return num if den == 1 else Fraction(num, den)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Rational):
        num, den = int(value.numerator), int(value.denominator)
        return num if den == 1 else Fraction(num, den)
    if isinstance(value, float):
        raise InvalidInputError(
            f"invalid {name} {value!r}: expected an int or a Fraction (floats are not exact)"
        )
    raise InvalidInputError(f"invalid {name} {short_repr(value)}: expected an int or a Fraction")


class InexactOperandError(InvalidInputError, TypeError):
    """A float (or complex) operand in exact series arithmetic.

    Both an [`InvalidInputError`][combalg.core.errors.InvalidInputError] and a
    `TypeError` (what Python raises for other unsupported operands).
    """


def _refuse_inexact(value: Any, name: str = "operand") -> None:
    """Raise [`InexactOperandError`][InexactOperandError] for a float or complex ``value``."""
    if isinstance(value, numbers.Complex) and not isinstance(value, numbers.Rational):
        raise InexactOperandError(
            f"invalid {name} {value!r}: floats are not exact; use an int or a Fraction"
        )


def _check_order(order: Any, name: str = "order") -> int:
    order = nonnegative_int(name, order)
    if order > MAX_ORDER:
        raise ResourceLimitError(
            f"{name} {order} exceeds the limit MAX_ORDER = {MAX_ORDER} of combalg.core.series"
        )
    return order


def _check_var(var: Any) -> str:
    if not isinstance(var, str) or not var.isidentifier():
        raise InvalidInputError(f"invalid variable name {short_repr(var)}: expected an identifier such as 'q'")
    return var


def _poly_from_numbers(values: Sequence[Number]) -> fmpq_poly:
    """An ``fmpq_poly`` from exact numbers, using one common denominator."""
    den = 1
    for v in values:
        if isinstance(v, Fraction):
            den = math.lcm(den, v.denominator)
    if den == 1:
        return fmpq_poly([int(v) for v in values])
    nums = [v * den if isinstance(v, int) else v.numerator * (den // v.denominator) for v in values]
    return fmpq_poly(fmpz_poly(nums), den)


def _number_out(c: fmpq) -> Number:
    num, den = int(c.p), int(c.q)
    return num if den == 1 else Fraction(num, den)


def _poly_coefficients(poly: fmpq_poly, order: int) -> list[Number]:
    den = int(poly.denom())
    nums = [int(c) for c in poly.numer().coeffs()]
    nums.extend([0] * (order - len(nums)))
    if den == 1:
        return nums
    return [
        (n // den if n % den == 0 else Fraction(n, den)) for n in nums
    ]


def _truncate(poly: fmpq_poly, order: int) -> fmpq_poly:
    if poly.length() > order:
        return poly.truncate(order)
    return poly


@contextmanager
def _flint_cap(order: int) -> Iterator[None]:
    """Let FLINT's series functions work to ``order`` terms (ctx.cap is global)."""
    old = flint.ctx.cap
    flint.ctx.cap = max(order, 1)
    try:
        yield
    finally:
        flint.ctx.cap = old


def _series_call(poly: fmpq_poly, order: int, method: str) -> fmpq_poly:
    """Apply an ``fmpq_series`` method (inv, exp, log, ...) to ``poly`` mod q^order."""
    if order == 0:
        return fmpq_poly()
    with _flint_cap(order):
        result = getattr(fmpq_series(poly, prec=order), method)()
    return fmpq_poly(fmpz_poly(result.numer().coeffs()), result.denom())


def _format_coefficient_term(c: Number, k: int, var: str, latex: bool) -> tuple[str, str]:
    """Return (sign, body) for the term c*var^k with c != 0."""
    sign = "-" if c < 0 else "+"
    a = -c if c < 0 else c
    if k == 0:
        mono = ""
    elif k == 1:
        mono = var
    else:
        mono = f"{var}^{{{k}}}" if latex else f"{var}^{k}"
    if isinstance(a, Fraction):
        num, den = _int_text(a.numerator), _int_text(a.denominator)
        coeff = f"\\frac{{{num}}}{{{den}}}" if latex else f"{num}/{den}"
    else:
        coeff = _int_text(a)
    if not mono:
        return sign, coeff
    if a == 1:
        return sign, mono
    return sign, (f"{coeff} {mono}" if latex else f"{coeff}*{mono}")


def _int_text(n: int) -> str:
    """Decimal digits of ``n`` (via FLINT: no limit on the number of digits)."""
    return str(n) if -10**100 < n < 10**100 else str(fmpz(n))


def _big_o(var: str, order: int, latex: bool) -> str:
    """``O(q^n)``, ``O(q)`` or ``O(1)`` (LaTeX: ``O(q^{n})``)."""
    if order == 0:
        return "O(1)"
    if order == 1:
        return f"O({var})"
    return f"O({var}^{{{order}}})" if latex else f"O({var}^{order})"


def _format_series(coeffs: Sequence[Number], order: int, var: str, latex: bool,
                   max_terms: int | None) -> str:
    pieces: list[tuple[str, str]] = []
    shown = 0
    truncated = False
    for k, c in enumerate(coeffs):
        if c == 0:
            continue
        if max_terms is not None and shown >= max_terms:
            truncated = True
            break
        pieces.append(_format_coefficient_term(c, k, var, latex))
        shown += 1
    if truncated:
        pieces.append(("+", "\\cdots" if latex else "..."))
    pieces.append(("+", _big_o(var, order, latex)))
    first_sign, first_body = pieces[0]
    out = ("-" if first_sign == "-" else "") + first_body
    for sign, body in pieces[1:]:
        out += f" {sign} {body}"
    return out


# ---------------------------------------------------------------------------
# the series type
# ---------------------------------------------------------------------------


class PowerSeries:
    """A power series with exact rational coefficients, known modulo ``q**order``.

    Parameters
    ----------
    coeffs : sequence of int or Fraction, or PowerSeries, or flint polynomial
        Coefficients of ``q^0, q^1, ...``.  Entries beyond ``order`` are
        dropped.
    order : int, optional
        The truncation order: the series is known modulo ``q**order``.  By
        default ``len(coeffs)``.
    var : str, optional
        The name of the variable, used only for display (default ``"q"``, or
        the name of ``coeffs`` if that is a series).  Arithmetic does not look
        at names: the result of a binary operation carries the left name.

    Raises
    ------
    InvalidInputError
        If a coefficient is not an exact rational number, or ``order`` is not
        a nonnegative integer.
    ResourceLimitError
        If ``order`` exceeds [`MAX_ORDER`][MAX_ORDER].

    Notes
    -----
    Instances are immutable and hashable.  ``a == b`` for two series means
    equal orders and equal coefficients; ``a == c`` for a number ``c`` means
    ``a`` agrees with the constant ``c`` modulo ``q**a.order``.

    Examples
    --------
    >>> from fractions import Fraction
    >>> s = PowerSeries([1, 1, 2], order=5)
    >>> s
    1 + q + 2*q^2 + O(q^5)
    >>> s.order, s[2], s[4]
    (5, 2, 0)
    >>> s * s
    1 + 2*q + 5*q^2 + 4*q^3 + 4*q^4 + O(q^5)
    >>> PowerSeries([Fraction(1, 2), 0, -3], var="t")
    1/2 - 3*t^2 + O(t^3)
    >>> PowerSeries([1, "x"])
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid coefficient 'x': expected an int or a Fraction (at degree 1)
    """

    __slots__ = ("_poly", "_order", "_var")

    def __init__(self, coeffs: Any = (), order: int | None = None, var: str | None = None) -> None:
        if var is None:
            var = coeffs._var if isinstance(coeffs, PowerSeries) else "q"
        if not isinstance(var, str) or not var.isidentifier():
            raise InvalidInputError(f"invalid variable name {short_repr(var)}: expected an identifier such as 'q'")
        if isinstance(coeffs, PowerSeries):
            poly = coeffs._poly
            default_order = coeffs._order
            if order is not None and _check_order(order) > default_order:
                raise InvalidInputError(
                    f"invalid order {order}: the series is known only modulo {coeffs._var}^{default_order}"
                )
        elif isinstance(coeffs, (fmpq_poly, fmpz_poly)):
            poly = fmpq_poly(coeffs)
            default_order = poly.length()
        else:
            if isinstance(coeffs, (str, bytes)) or not isinstance(coeffs, Iterable):
                raise InvalidInputError(
                    f"invalid coefficients {short_repr(coeffs)}: expected a list of ints or Fractions"
                )
            if order is not None:  # entries beyond the order are dropped (and not looked at)
                order = _check_order(order)
                items = list(itertools.islice(coeffs, order))
            else:
                items = sequence_arg("coefficients", coeffs)
                _check_order(len(items), "order (the number of coefficients)")
            values = []
            for k, c in enumerate(items):
                try:
                    values.append(as_number(c))
                except InvalidInputError as exc:
                    raise InvalidInputError(f"{exc} (at degree {k})") from None
            default_order = len(values)
            poly = _poly_from_numbers(values)
        if order is None:
            order = default_order
        self._order = _check_order(order)
        self._poly = _truncate(poly, self._order)
        self._var = var

    # -- construction ------------------------------------------------------

    @classmethod
    def _make(cls, poly: fmpq_poly, order: int, var: str = "q") -> PowerSeries:
        obj = object.__new__(cls)
        obj._order = order
        obj._poly = _truncate(poly, order)
        obj._var = var
        return obj

    @classmethod
    def gen(cls, order: int, var: str = "q") -> PowerSeries:
        """The variable ``q`` known modulo ``q**order``.

        Examples
        --------
        >>> q = PowerSeries.gen(4)
        >>> 1 / (1 - q)
        1 + q + q^2 + q^3 + O(q^4)
        """
        return cls([0, 1], order=order, var=var)

    @classmethod
    def one(cls, order: int, var: str = "q") -> PowerSeries:
        """The constant 1 known modulo ``q**order``."""
        return cls([1], order=order, var=var)

    @classmethod
    def zero(cls, order: int, var: str = "q") -> PowerSeries:
        """The zero series known modulo ``q**order``."""
        return cls([], order=order, var=var)

    @classmethod
    def from_flint(cls, poly: fmpq_poly | fmpz_poly, order: int, var: str = "q") -> PowerSeries:
        """Wrap a FLINT polynomial, truncated modulo ``q**order``."""
        if not isinstance(poly, (fmpq_poly, fmpz_poly)):
            raise InvalidInputError(f"invalid poly {short_repr(poly)}: expected a FLINT fmpq_poly or fmpz_poly")
        return cls._make(fmpq_poly(poly), _check_order(order), _check_var(var))

    # -- access --------------------------------------------------------------

    @property
    def order(self) -> int:
        """The truncation order ``n``: the series is known modulo ``q**n``."""
        return self._order

    @property
    def var(self) -> str:
        """The display name of the variable."""
        return self._var

    def to_flint(self) -> fmpq_poly:
        """The known part as a FLINT ``fmpq_poly`` (a copy)."""
        return fmpq_poly(self._poly)

    def coefficients(self) -> list[Number]:
        """All ``order`` known coefficients, as ``int`` or ``Fraction``.

        Examples
        --------
        >>> from fractions import Fraction
        >>> PowerSeries([1, Fraction(1, 2)], order=3).coefficients()
        [1, Fraction(1, 2), 0]
        """
        return _poly_coefficients(self._poly, self._order)

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return self.coefficients()[index]
        if isinstance(index, bool) or not isinstance(index, numbers.Integral):
            raise InvalidInputError(f"invalid degree {short_repr(index)}: expected an integer")
        n = int(index)
        if -self._order <= n < 0:   # from the end, as for a list of the known coefficients
            n += self._order
        if n < 0 or n >= self._order:
            raise InvalidInputError(
                f"invalid degree {n}: expected 0 <= degree < {self._order} (the series is known mod {self._var}^{self._order})"
            )
        return _number_out(self._poly[n])

    def __len__(self) -> int:
        return self._order

    def __iter__(self) -> Iterator[Number]:
        return iter(self.coefficients())

    def valuation(self) -> int | None:
        """Degree of the first nonzero known coefficient (``None`` if all are zero)."""
        if self._poly.is_zero():
            return None
        nums = self._poly.numer().coeffs()
        for k, c in enumerate(nums):
            if c != 0:
                return k
        return None  # pragma: no cover

    def is_integral(self) -> bool:
        """Whether every known coefficient is an integer."""
        return int(self._poly.denom()) == 1

    def truncate(self, order: int) -> PowerSeries:
        """The same series known only modulo ``q**order`` (``order`` may not exceed the current one)."""
        order = _check_order(order)
        if order > self._order:
            raise InvalidInputError(
                f"invalid order {order}: expected at most the known order {self._order}"
            )
        return PowerSeries._make(self._poly, order, self._var)

    # -- comparison ----------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PowerSeries):
            return self._order == other._order and self._poly == other._poly
        if isinstance(other, list):   # a list of all ``order`` known coefficients
            return len(other) == self._order and self.coefficients() == other
        try:
            c = as_number(other)
        except InvalidInputError:
            return NotImplemented
        return self._poly == _truncate(fmpq_poly([_to_fmpq(c)]) if c else fmpq_poly(), self._order)

    def __hash__(self) -> int:
        if self._poly.length() <= 1:
            return hash(_number_out(self._poly[0]))
        return hash((self._order, tuple(self.coefficients())))

    def __bool__(self) -> bool:
        return not self._poly.is_zero()

    # -- arithmetic ----------------------------------------------------------

    def _coerce(self, other: Any) -> tuple[fmpq_poly, int] | None:
        if isinstance(other, PowerSeries):
            return other._poly, other._order
        if isinstance(other, (int, Fraction, fmpz, fmpq, numbers.Rational)) and not isinstance(other, bool):
            c = as_number(other)
            return fmpq_poly([_to_fmpq(c)]) if c else fmpq_poly(), self._order
        _refuse_inexact(other)
        return None

    def __neg__(self) -> PowerSeries:
        return PowerSeries._make(-self._poly, self._order, self._var)

    def __pos__(self) -> PowerSeries:
        return self

    def __add__(self, other: Any) -> PowerSeries:
        co = self._coerce(other)
        if co is None:
            return NotImplemented
        order = min(self._order, co[1])
        return PowerSeries._make(self._poly + co[0], order, self._var)

    __radd__ = __add__

    def __sub__(self, other: Any) -> PowerSeries:
        co = self._coerce(other)
        if co is None:
            return NotImplemented
        order = min(self._order, co[1])
        return PowerSeries._make(self._poly - co[0], order, self._var)

    def __rsub__(self, other: Any) -> PowerSeries:
        co = self._coerce(other)
        if co is None:
            return NotImplemented
        order = min(self._order, co[1])
        return PowerSeries._make(co[0] - self._poly, order, self._var)

    def __mul__(self, other: Any) -> PowerSeries:
        co = self._coerce(other)
        if co is None:
            return NotImplemented
        order = min(self._order, co[1])
        if order == 0:
            return PowerSeries._make(fmpq_poly(), 0, self._var)
        return PowerSeries._make(self._poly.mul_low(co[0], order), order, self._var)

    __rmul__ = __mul__

    def __truediv__(self, other: Any) -> PowerSeries:
        if isinstance(other, PowerSeries):
            return _divide(self, other)
        co = self._coerce(other)
        if co is None:
            return NotImplemented
        c = as_number(other)
        if c == 0:
            raise InvalidInputError(f"invalid divisor {short_repr(other)}: expected a nonzero number")
        return PowerSeries._make(self._poly / _to_fmpq(c), self._order, self._var)

    def __rtruediv__(self, other: Any) -> PowerSeries:
        co = self._coerce(other)
        if co is None:
            return NotImplemented
        return PowerSeries._make(co[0], co[1], self._var) / self

    def __pow__(self, exponent: Any) -> PowerSeries:
        if isinstance(exponent, bool) or not isinstance(exponent, (numbers.Rational, fmpz, fmpq)):
            _refuse_inexact(exponent, "exponent")
            return NotImplemented
        e = as_number(exponent, "exponent")
        order = self._order
        if isinstance(e, Fraction):
            if self._order and self._poly[0] != 1:
                raise InvalidInputError(
                    f"invalid base for the power {e}: a fractional power needs constant term 1, got {_number_out(self._poly[0])}"
                )
            return (self.log() * e).exp()
        if e < 0:
            return self.inverse() ** (-e)
        if order == 0:
            return self
        if e == 0:
            return PowerSeries.one(order, self._var)
        _check_power_size(self, e)
        return PowerSeries._make(self._poly.pow_trunc(e, order), order, self._var)

    def inverse(self) -> PowerSeries:
        """The multiplicative inverse ``1/self``.

        Over the integers an inverse has integer coefficients exactly when the
        constant term is ``+1`` or ``-1``; any other nonzero constant term gives
        rational coefficients.

        Raises
        ------
        InvalidInputError
            If the constant term is zero (the inverse is not a power series).

        Examples
        --------
        >>> PowerSeries([2, 1], order=4).inverse()
        1/2 - 1/4*q + 1/8*q^2 - 1/16*q^3 + O(q^4)
        >>> PowerSeries([0, 1], order=4).inverse()
        Traceback (most recent call last):
        ...
        combalg.core.errors.InvalidInputError: invalid series q + O(q^4) to invert: expected a nonzero constant term
        """
        if self._order == 0:
            return self
        if self._poly[0] == 0:
            raise InvalidInputError(f"invalid series {self!r} to invert: expected a nonzero constant term")
        return PowerSeries._make(_series_call(self._poly, self._order, "inv"), self._order, self._var)

    def exp(self) -> PowerSeries:
        """The exponential; defined for constant term 0.

        Raises
        ------
        InvalidInputError
            If the constant term is not zero (``exp`` of it is not rational).

        Examples
        --------
        >>> PowerSeries([0, 1], order=5).exp()
        1 + q + 1/2*q^2 + 1/6*q^3 + 1/24*q^4 + O(q^5)
        """
        if self._order and self._poly[0] != 0:
            raise InvalidInputError(
                f"invalid series {self!r} for exp: expected constant term 0"
            )
        return PowerSeries._make(_series_call(self._poly, self._order, "exp"), self._order, self._var)

    def log(self) -> PowerSeries:
        """The logarithm; defined for constant term 1.

        Raises
        ------
        InvalidInputError
            If the constant term is not 1.

        Examples
        --------
        >>> PowerSeries([1, -1], order=5).log()
        -q - 1/2*q^2 - 1/3*q^3 - 1/4*q^4 + O(q^5)
        """
        if self._order and self._poly[0] != 1:
            raise InvalidInputError(f"invalid series {self!r} for log: expected constant term 1")
        return PowerSeries._make(_series_call(self._poly, self._order, "log"), self._order, self._var)

    def derivative(self) -> PowerSeries:
        """d/dq, known modulo ``q**(order-1)``."""
        return PowerSeries._make(self._poly.derivative(), max(self._order - 1, 0), self._var)

    def integral(self) -> PowerSeries:
        """The antiderivative with constant term 0, known modulo ``q**(order+1)``."""
        return PowerSeries._make(self._poly.integral(), _check_order(self._order + 1), self._var)

    def shift(self, k: int) -> PowerSeries:
        """Multiply by ``q**k`` (``k >= 0``); the order grows by ``k``.

        Examples
        --------
        >>> PowerSeries([1, 2], order=3).shift(2)
        q^2 + 2*q^3 + O(q^5)
        """
        k = _check_order(k, "shift")
        return PowerSeries._make(self._poly.left_shift(k) if k else self._poly,
                                 _check_order(self._order + k), self._var)

    def inflate(self, k: int) -> PowerSeries:
        """Substitute ``q -> q**k`` (``k >= 1``); the order is multiplied by ``k``.

        Examples
        --------
        >>> PowerSeries([1, 1], order=2).inflate(3)
        1 + q^3 + O(q^6)
        """
        k = _check_order(k, "inflation factor")
        if k == 0:
            raise InvalidInputError("invalid inflation factor 0: expected a positive integer")
        order = _check_order(self._order * k)
        coeffs = self._poly.numer().coeffs()  # integers over one common denominator
        if not coeffs:
            return PowerSeries._make(fmpq_poly(), order, self._var)
        out: list = [0] * ((len(coeffs) - 1) * k + 1)
        out[::k] = coeffs
        return PowerSeries._make(fmpq_poly(fmpz_poly(out), self._poly.denom()), order, self._var)

    def compose(self, inner: PowerSeries) -> PowerSeries:
        """The composition ``self(inner)``; ``inner`` needs constant term 0.

        If ``inner`` has valuation ``v`` and is known modulo ``q**m``, and
        ``self`` is known modulo ``q**n``, the result is known modulo
        ``q**min(m, v n)``.  Evaluated by Horner's rule with truncated products.

        Raises
        ------
        InvalidInputError
            If ``inner`` has a nonzero constant term.

        Examples
        --------
        >>> q = PowerSeries.gen(6)
        >>> (1 / (1 - q)).compose(q + q**2)       # 1/(1 - q - q^2)
        1 + q + 2*q^2 + 3*q^3 + 5*q^4 + 8*q^5 + O(q^6)
        >>> PowerSeries([1, 1], order=3).compose(q**2)
        1 + q^2 + O(q^6)
        """
        if not isinstance(inner, PowerSeries):
            raise InvalidInputError(f"invalid inner series {short_repr(inner)}: expected a PowerSeries")
        if inner._order and inner._poly[0] != 0:
            raise InvalidInputError(
                f"invalid inner series {short_repr(inner)}: expected constant term 0"
            )
        v = inner.valuation()
        order = inner._order if v is None else min(inner._order, _check_order(v * self._order))
        if order == 0:
            return PowerSeries._make(fmpq_poly(), 0, self._var)
        g = _truncate(inner._poly, order)
        coeffs = self._poly.coeffs()
        result = fmpq_poly()
        for c in reversed(coeffs):
            result = result.mul_low(g, order) + c if not result.is_zero() else fmpq_poly([c])
        return PowerSeries._make(result, order, self._var)

    # -- display -------------------------------------------------------------

    def to_string(self, max_terms: int | None = None) -> str:
        """Text such as ``1 + q + 2*q^2 + O(q^5)`` (all terms unless ``max_terms``)."""
        max_terms = nonnegative_int("max_terms", max_terms, allow_none=True)
        return _format_series(self.coefficients(), self._order, self._var, False, max_terms)

    def __repr__(self) -> str:
        return _format_series(self.coefficients(), self._order, self._var, False, _REPR_TERMS)

    __str__ = __repr__

    def __reduce__(self) -> tuple:
        # FLINT polynomials do not pickle; a series pickles as its coefficients
        return (PowerSeries, (self.coefficients(), self._order, self._var))

    def __copy__(self) -> PowerSeries:
        return self

    def __deepcopy__(self, memo: dict) -> PowerSeries:
        return self

    def _jsonable_(self) -> dict[str, Any]:
        """``{"coefficients": [...], "order": n, "var": name}`` (see [`combalg.core.encoding`][combalg.core.encoding])."""
        from combalg.core.encoding import rational_text

        return {"coefficients": [rational_text(c) for c in self.coefficients()], "order": self._order,
                "var": self._var}

    def _repr_latex_(self) -> str:
        return "$" + self._latex() + "$"

    def _latex(self, printer: Any = None) -> str:
        """What ``sympy.latex(series)`` prints: the same as the Jupyter display."""
        return _format_series(self.coefficients(), self._order, self._var, True, _REPR_TERMS)

    def _sympy_(self) -> Any:
        """``sympy.sympify(series)``: the known polynomial plus ``O(q**order)`` (see [`as_sympy`][as_sympy])."""
        return self.as_sympy()

    def latex(self, max_terms: int | None = None) -> str:
        """LaTeX source without dollar signs, e.g. ``1 + q + 2 q^{2} + O(q^{5})``.

        Examples
        --------
        >>> from fractions import Fraction
        >>> PowerSeries([1, Fraction(-1, 2), 3], order=4).latex()
        '1 - \\\\frac{1}{2} q + 3 q^{2} + O(q^{4})'
        """
        max_terms = nonnegative_int("max_terms", max_terms, allow_none=True)
        return _format_series(self.coefficients(), self._order, self._var, True, max_terms)

    def as_sympy(self, var: str | None = None, with_order: bool = True) -> Any:
        """The series as a sympy expression, with a big-O term unless ``with_order=False``.

        Examples
        --------
        >>> PowerSeries([1, 1, 2], order=4).as_sympy()
        1 + q + 2*q**2 + O(q**4)
        >>> PowerSeries([1, 1, 2], order=4).as_sympy("x", with_order=False)
        2*x**2 + x + 1
        """
        import sympy

        x = sympy.Symbol(self._var if var is None or (isinstance(var, str) and not var) else _check_var(var))
        with_order = flag_arg("with_order", with_order)
        terms = []
        for k, c in enumerate(self.coefficients()):
            if c:
                terms.append(sympy.Rational(c.numerator, c.denominator) * x**k)
        expr = sympy.Add(*terms)
        if with_order:
            expr = expr + sympy.O(x**self._order)
        return expr


def _check_power_size(a: PowerSeries, e: int) -> None:
    """Refuse ``a**e`` (``e >= 1``) whose coefficients could exceed [`MAX_POWER_BITS`][MAX_POWER_BITS] bits.

    With ``c`` the first nonzero coefficient, ``a = c q^v (1 + h)``, and the
    coefficient of ``q^k`` in ``(1 + h)^e`` is ``sum_j C(e, j) [h^j]_k`` with
    ``j <= min(e, k)``; this gives the estimate below (in bits).
    """
    v = a.valuation()
    if v is None or v * e >= a._order:
        return  # the power is zero modulo q^order
    lead = a._poly[v]
    b0 = max(int(lead.p).bit_length() - 1, 0) + max(int(lead.q).bit_length() - 1, 0)
    height = max((int(c).bit_length() for c in a._poly.numer().coeffs()), default=0)
    height += int(a._poly.denom()).bit_length()
    length = a._poly.length()
    est = e * b0 + min(e, a._order - 1) * (e.bit_length() + height + b0 + length.bit_length() + 1)
    if est > MAX_POWER_BITS or est * (a._order - v * e) > 10 * MAX_POWER_BITS:
        raise ResourceLimitError(
            f"power (series with leading coefficient {_number_out(lead)})^{e} could have "
            f"{a._order - v * e} coefficients of about {est} bits each; the limits are "
            f"MAX_POWER_BITS = {MAX_POWER_BITS} bits per coefficient and ten times that in all"
        )


def _to_fmpq(c: Number) -> fmpq:
    if isinstance(c, Fraction):
        return fmpq(c.numerator, c.denominator)
    return fmpq(c)


def _divide(a: PowerSeries, b: PowerSeries) -> PowerSeries:
    """a / b, cancelling a common power of q when b has positive valuation."""
    order = min(a._order, b._order)
    if order == 0:
        return PowerSeries._make(fmpq_poly(), 0, a._var)
    if b._poly[0] != 0:
        return a.truncate(order) * b.truncate(order).inverse()
    v = b.valuation()
    if v is None:
        raise InvalidInputError(f"invalid divisor {b!r}: its known coefficients are all zero")
    va = a.valuation()
    if va is not None and va < v:
        raise InvalidInputError(
            f"invalid division of {a!r} by {b!r}: the quotient has a pole (valuation {va} < {v})"
        )
    new_order = order - v
    num = PowerSeries._make(_truncate(a._poly, order).right_shift(v), new_order, a._var)
    den = PowerSeries._make(_truncate(b._poly, order).right_shift(v), new_order, a._var)
    return num * den.inverse()


# ---------------------------------------------------------------------------
# products
# ---------------------------------------------------------------------------


def _power_table(c: Number, count: int) -> list[Number]:
    """[c^1, c^2, ..., c^count] (index r-1 holds c^r)."""
    out: list[Number] = []
    p: Number = 1
    for _ in range(count):
        p = p * c
        out.append(p)
    return out


def _times_binomial(acc: fmpq_poly, c: Number, j: int, k: int, order: int) -> fmpq_poly:
    """``acc * (1 - c q^j)^k`` modulo ``q^order`` (``k >= 1``), by the binomial theorem.

    A factor with few terms is applied as a sum of shifted copies of ``acc``
    (linear work per term), a long one by one truncated multiplication.
    """
    top = min(k, (order - 1) // j)
    terms: list[tuple[int, Number]] = []
    coeff: Number = 1
    for i in range(top + 1):
        terms.append((i * j, coeff))
        coeff = Fraction(coeff) * (k - i) * (-Fraction(c)) / (i + 1)
    if len(terms) > 8:
        return acc.mul_low(_poly_from_numbers(_dense(terms)), order)
    out = fmpq_poly()
    for shift, a in terms:
        if shift >= order or acc.is_zero():
            break
        part = _truncate(acc, order - shift)
        out += (part.left_shift(shift) if shift else part) * _to_fmpq(as_number(a))
    return out


def _dense(terms: list[tuple[int, Number]]) -> list[Number]:
    out: list[Number] = [0] * (terms[-1][0] + 1)
    for e, a in terms:
        out[e] = as_number(a)
    return out


def _product_by_log(terms: Iterable[tuple[Number, int, Number]], order: int,
                    var: str = "q") -> PowerSeries:
    """prod (1 - c q^j)^(-m) over (c, j, m) with j >= 1, modulo q^order.

    log prod = sum m sum_r c^r q^(j r) / r, so the coefficient of q^t in
    q d/dq log is D_t = sum_{j | t} j m c^(t/j); the product is exp of the
    integral of D_t q^(t-1).
    """
    if order <= 1:
        return PowerSeries._make(fmpq_poly([1]) if order else fmpq_poly(), order, var)
    grouped: dict[tuple[Number, int], Number] = {}
    for c, j, m in terms:
        if j >= order or c == 0 or m == 0:
            continue
        grouped[(c, j)] = grouped.get((c, j), 0) + m
    # Polynomial factors (1 - c q^j)^k (k = -m a positive integer) whose logarithm
    # would need too many large powers c^r (r < order/j) are multiplied out directly.
    def log_cost(c: Number, j: int) -> int:
        if c == 1 or c == -1:
            return 0
        f = Fraction(c)
        count = (order - 1) // j
        return max(abs(f.numerator).bit_length(), f.denominator.bit_length()) * count * (count + 1) // 2

    def use_direct(c: Number, j: int, m: Number) -> bool:
        return m < 0 and Fraction(m).denominator == 1 and log_cost(c, j) > MAX_POWER_BITS // 10

    direct = [(c, j, int(-m)) for (c, j), m in grouped.items() if use_direct(c, j, m)]
    if direct:
        # each factor (1 - c q^j)^k scales the coefficients by at most C(k, i) |c|^i with
        # i <= min(k, (order-1)/j): refuse before work a product whose coefficients could be enormous
        est = 0
        for c, j, k in direct:
            f = Fraction(c)
            bits = abs(f.numerator).bit_length() + f.denominator.bit_length() + k.bit_length()
            est += min(k, (order - 1) // j) * bits
        if est > MAX_POWER_BITS or est * order > 10 * MAX_POWER_BITS:
            raise ResourceLimitError(
                f"the product to order {order} could have coefficients of about {est} bits; the limits are "
                f"MAX_POWER_BITS = {MAX_POWER_BITS} bits per coefficient and ten times that in all"
            )
        grouped = {(c, j): m for (c, j), m in grouped.items() if not use_direct(c, j, m)}
        acc = _product_by_log(((c, j, m) for (c, j), m in grouped.items()), order, var)._poly
        for c, j, k in direct:
            acc = _times_binomial(acc, c, j, k, order)
        return PowerSeries._make(acc, order, var)
    # Fast path: c = +-1 and integer m with small total, in machine integers.
    if all(type(m) is int and (c == 1 or c == -1) for (c, j), m in grouped.items()):
        bound = sum(abs(j * m) for (c, j), m in grouped.items())
        if bound < 2**62:
            import numpy as np

            acc = np.zeros(order, dtype=np.int64)
            for (c, j), m in grouped.items():
                if c == 1:
                    acc[j::j] += j * m
                else:  # c = -1: the sign of c^r alternates in r
                    acc[j::2 * j] -= j * m
                    acc[2 * j::2 * j] += j * m
            log_poly = fmpq_poly(acc[1:].tolist()).integral()
            return PowerSeries._make(_series_call(log_poly, order, "exp"), order, var)
    # The logarithm needs c^r for r <= (order-1)/j: about bits(c) * count^2 / 2 bits
    # for each factor with |c| != 1.  Refuse before work when that is enormous.
    cost = sum(log_cost(c, j) for (c, j) in grouped)
    if cost > 10 * MAX_POWER_BITS:
        raise ResourceLimitError(
            f"the product to order {order} needs powers c^r of its coefficients with about "
            f"{cost} bits in all; the limit is 10 * MAX_POWER_BITS = {10 * MAX_POWER_BITS}"
        )
    D: list[Number] = [0] * order  # D[t] for t = 0..order-1
    for (c, j), m in grouped.items():
        if m == 0:
            continue
        count = (order - 1) // j
        if c == 1:
            jm = j * m
            for t in range(j, order, j):
                D[t] += jm
        elif c == -1:
            jm = j * m
            sign = -1
            for t in range(j, order, j):
                D[t] += sign * jm
                sign = -sign
        else:
            powers = _power_table(c, count)
            jm = j * m
            for r in range(1, count + 1):
                D[j * r] += jm * powers[r - 1]
    log_poly = _poly_from_numbers(D[1:]).integral()  # sum D_t q^t / t
    return PowerSeries._make(_series_call(log_poly, order, "exp"), order, var)


def _normalize_factors(factors: Any) -> list[tuple[int, Number]]:
    if isinstance(factors, Mapping):
        items = list(factors.items())
    elif isinstance(factors, (str, bytes)) or not isinstance(factors, Iterable):
        raise InvalidInputError(
            f"invalid factors {short_repr(factors)}: expected a mapping {{e: m}} or pairs (e, m)"
        )
    else:
        items = []
        for item in factors:
            if not isinstance(item, (tuple, list)) or len(item) != 2:
                raise InvalidInputError(f"invalid factor {short_repr(item)}: expected a pair (e, m)")
            items.append((item[0], item[1]))
    out = []
    for e, m in items:
        if type(e) is int and type(m) is int and e >= 1:
            out.append((e, m))
            continue
        if isinstance(e, bool) or not isinstance(e, numbers.Integral) or int(e) < 1:
            raise InvalidInputError(f"invalid exponent {short_repr(e)} in 1/(1-q^e)^m: expected a positive integer")
        out.append((int(e), as_number(m, f"multiplicity of q^{e}")))
    return out


def euler_product(factors: Mapping[int, Number] | Iterable[tuple[int, Number]], order: int,
                  var: str = "q") -> PowerSeries:
    """``prod_e 1/(1 - q^e)^(m_e)`` modulo ``q**order``.

    Parameters
    ----------
    factors : mapping {e: m} or iterable of pairs (e, m)
        Exponents ``e >= 1`` and multiplicities ``m`` (int or Fraction, may be
        negative: ``m = -1`` multiplies by ``1 - q^e``).  Repeated ``e`` add up.
    order : int
        Truncation order.
    var : str, optional
        Display name of the variable.

    Returns
    -------
    PowerSeries

    Raises
    ------
    InvalidInputError
        For an exponent that is not a positive integer or a non-rational
        multiplicity.

    Notes
    -----
    The logarithm of the product is ``sum_e m_e sum_k q^(e k)/k``; its
    ``q d/dq`` has coefficients ``sum_{e | n} e m_e``, a divisor sum that is
    filled in ``O(N log N)`` steps, followed by one FLINT exponential.  The
    product for ``e = 1..10000`` to order 10000 takes a small fraction of a
    second.

    Examples
    --------
    >>> euler_product({1: 1, 2: 1}, 7).coefficients()   # partitions into 1s and 2s
    [1, 1, 2, 2, 3, 3, 4]
    >>> euler_product([(1, -2)], 5)                      # (1-q)^2
    1 - 2*q + q^2 + O(q^5)
    """
    var = _check_var(var)
    order = _check_order(order)
    pairs = _normalize_factors(factors)
    return _product_by_log(((1, e, m) for e, m in pairs), order, var)


def binomial_product(factors: Iterable[tuple[Any, int, Any]], order: int,
                     var: str = "q") -> PowerSeries:
    """``prod (1 - c q^e)^m`` over triples ``(c, e, m)``, modulo ``q**order``.

    The general form behind [`euler_product`][euler_product] (``c = 1``, ``m -> -m``) and
    [`qpochhammer`][qpochhammer] (``m = 1``).

    Parameters
    ----------
    factors : iterable of (c, e, m)
        ``c`` int or Fraction, ``e >= 1`` an integer, ``m`` int or Fraction.
    order : int
        Truncation order.

    Examples
    --------
    >>> binomial_product([(2, 1, -1), (1, 2, 1)], 5)      # (1 - q^2) / (1 - 2 q)
    1 + 2*q + 3*q^2 + 6*q^3 + 12*q^4 + O(q^5)
    """
    var = _check_var(var)
    order = _check_order(order)
    if isinstance(factors, (str, bytes)) or not isinstance(factors, Iterable):
        raise InvalidInputError(f"invalid factors {short_repr(factors)}: expected triples (c, e, m)")
    terms = []
    for item in factors:
        if not isinstance(item, (tuple, list)) or len(item) != 3:
            raise InvalidInputError(f"invalid factor {short_repr(item)}: expected a triple (c, e, m)")
        c, e, m = item
        if isinstance(e, bool) or not isinstance(e, numbers.Integral) or int(e) < 1:
            raise InvalidInputError(f"invalid exponent {short_repr(e)} in (1 - c q^e)^m: expected a positive integer")
        c = as_number(c, "coefficient c")
        m = as_number(m, "exponent m")
        terms.append((c, int(e), -m))
    return _product_by_log(terms, order, var)


def partition_series(order: int, var: str = "q") -> PowerSeries:
    """The partition generating function ``sum_n p(n) q^n = prod_{e>=1} 1/(1-q^e)`` mod ``q**order``.

    Examples
    --------
    >>> partition_series(10)
    1 + q + 2*q^2 + 3*q^3 + 5*q^4 + 7*q^5 + 11*q^6 + 15*q^7 + 22*q^8 + 30*q^9 + O(q^10)
    >>> partition_series(1001)[1000]
    24061467864032622473692149727991
    """
    var = _check_var(var)
    order = _check_order(order)
    return euler_product({e: 1 for e in range(1, max(order, 1))}, order, var)


def _parse_a(a: Any) -> tuple[Number, int]:
    if isinstance(a, (tuple, list)):
        if len(a) != 2:
            raise InvalidInputError(f"invalid a {short_repr(a)}: expected a pair (c, k) meaning c*q^k")
        c, k = a
    else:
        c, k = a, 0
    c = as_number(c, "coefficient c of a = c*q^k")
    if isinstance(k, bool) or not isinstance(k, numbers.Integral) or int(k) < 0:
        raise InvalidInputError(f"invalid exponent k {short_repr(k)} of a = c*q^k: expected a nonnegative integer")
    return c, int(k)


def qpochhammer(a: Any, n: int | None, order: int, var: str = "q") -> PowerSeries:
    """The q-Pochhammer symbol ``(a; q)_n = prod_{i=0}^{n-1} (1 - a q^i)`` modulo ``q**order``.

    Parameters
    ----------
    a : pair (c, k) or number
        ``a = c*q^k`` with ``c`` an int or Fraction and ``k >= 0``; a bare
        number ``c`` means ``(c, 0)``.
    n : int or None
        Number of factors; ``None`` for the infinite product ``(a; q)_oo``
        (which needs ``k >= 1`` or ``c`` with the factor ``1 - c`` handled as a
        constant: ``(c; q)_oo = (1 - c) (c q; q)_oo``).
    order : int
        Truncation order.

    Returns
    -------
    PowerSeries

    Raises
    ------
    InvalidInputError
        For ``n < 0``, ``k < 0`` or non-rational ``c``.

    Examples
    --------
    >>> qpochhammer((1, 1), None, 8)            # Euler: (q;q)_oo
    1 - q - q^2 + q^5 + q^7 + O(q^8)
    >>> qpochhammer((1, 1), 2, 6)               # (1-q)(1-q^2)
    1 - q - q^2 + q^3 + O(q^6)
    >>> qpochhammer(2, 2, 4)                    # (1-2)(1-2q)
    -1 + 2*q + O(q^4)
    """
    var = _check_var(var)
    order = _check_order(order)
    c, k = _parse_a(a)
    n = nonnegative_int("n", n, allow_none=True)
    constant: Number = 1
    first = k
    if n == 0:
        return PowerSeries.one(order, var)
    if k == 0:
        constant = 1 - c
        first = 1
        count = None if n is None else n - 1
    else:
        count = n
    last = order - 1 if count is None else min(order - 1, first + count - 1)
    terms = ((c, j, -1) for j in range(first, last + 1))
    series = _product_by_log(terms, order, var)
    return series * constant if constant != 1 else series


def qbinomial(n: int, k: int, order: int | None = None, var: str = "q") -> PowerSeries:
    """The Gaussian binomial coefficient ``[n choose k]_q = (q;q)_n / ((q;q)_k (q;q)_(n-k))``.

    A polynomial of degree ``k (n - k)``; by default it is returned in full
    (``order = k (n - k) + 1``).  It is zero for ``k < 0`` or ``k > n``.

    Parameters
    ----------
    n, k : int
        ``n >= 0``.
    order : int, optional
        Truncation order (default: the whole polynomial).

    Examples
    --------
    >>> qbinomial(4, 2)
    1 + q + 2*q^2 + q^3 + q^4 + O(q^5)
    >>> sum(qbinomial(4, 2))           # q = 1 gives the binomial coefficient
    6
    """
    var = _check_var(var)
    for name, value in (("n", n), ("k", k)):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise InvalidInputError(f"invalid {name} {short_repr(value)}: expected an integer")
    n, k = int(n), int(k)
    if n < 0:
        raise InvalidInputError(f"invalid n {n}: expected a nonnegative integer")
    if k < 0 or k > n:
        return PowerSeries.zero(1 if order is None else _check_order(order), var)
    order = _check_order(k * (n - k) + 1 if order is None else order)
    num = qpochhammer((1, 1), n, order, var)
    den = qpochhammer((1, 1), k, order, var) * qpochhammer((1, 1), n - k, order, var)
    return num / den


# ---------------------------------------------------------------------------
# comparison
# ---------------------------------------------------------------------------


def _as_coefficient_list(x: Any, name: str) -> list[Number]:
    if isinstance(x, PowerSeries):
        return x.coefficients()
    if isinstance(x, (fmpq_poly, fmpz_poly)):
        return PowerSeries(x).coefficients()
    if isinstance(x, (str, bytes)) or not isinstance(x, Iterable):
        raise InvalidInputError(f"invalid {name} {short_repr(x)}: expected a PowerSeries or a list of coefficients")
    return [as_number(c, f"{name} coefficient {i}") for i, c in enumerate(sequence_arg(name, x))]


def compare_series(left: Any, right: Any, up_to: int | None = None) -> Mismatch | None:
    """The first degree where two series disagree, or ``None`` if they agree.

    Coefficients are compared up to the shorter of the two (a series counts
    its known order; a list its length), or up to ``up_to`` if smaller.

    Parameters
    ----------
    left, right : PowerSeries or list of int/Fraction
    up_to : int, optional
        Compare only degrees ``< up_to``.

    Returns
    -------
    Mismatch or None

    Examples
    --------
    >>> compare_series(partition_series(6), [1, 1, 2, 3, 5, 7]) is None
    True
    >>> compare_series([1, 1, 2, 3, 5, 7], [1, 1, 2, 3, 4, 7])
    Mismatch(where=4, left=5, right=4)
    """
    a = _as_coefficient_list(left, "left")
    b = _as_coefficient_list(right, "right")
    n = min(len(a), len(b))
    if up_to is not None:
        n = min(n, _check_order(up_to, "up_to"))
    for d in range(n):
        if a[d] != b[d]:
            return Mismatch(d, a[d], b[d])
    return None
