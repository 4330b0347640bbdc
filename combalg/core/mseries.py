"""Exact truncated multivariate power series.

A [`MultiSeries`][MultiSeries] is a power series in variables such as ``(q, w)`` or
``(q, t)`` with rational coefficients, truncated in the degree of the FIRST
variable: it is known modulo ``q**order``, and each coefficient of ``q^n`` is a
polynomial in the other variables.  This is the shape of the bivariate and
``(q, t)`` generating functions of the engines, e.g.
``prod_{i>=1} 1/(1 - w q^i)`` counts partitions by size (``q``) and number of
parts (``w``).

The arithmetic runs on FLINT's ``fmpq_mpoly`` (lex order, first variable
largest); every product is truncated in ``q`` right away (a remainder modulo
the monomial ``q**order``, computed in C).  Inverse, logarithm and exponential
use Newton iteration, doubling the known ``q``-order at each step.

Examples
--------
>>> from combalg.core.mseries import MultiSeries, multi_euler_product
>>> P = multi_euler_product([((i, 1), 1) for i in range(1, 6)], ("q", "w"), 6)
>>> P.to_rows()        # row n: partitions of n by number of parts
[[1, 0, 0, 0, 0, 0], [0, 1, 0, 0, 0, 0], [0, 1, 1, 0, 0, 0], [0, 1, 1, 1, 0, 0], [0, 1, 2, 1, 1, 0], [0, 1, 2, 2, 1, 1]]
>>> q, w = MultiSeries.gens(("q", "w"), 4)
>>> 1 / (1 - q * w)
1 + q*w + q^2*w^2 + q^3*w^3 + O(q^4)
"""

from __future__ import annotations

import numbers
from fractions import Fraction
from typing import Any, Iterable, Mapping, Sequence

from flint import fmpq, fmpq_mpoly, fmpq_mpoly_ctx

from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.core.series import (
    Mismatch,
    Number,
    PowerSeries,
    _big_o,
    _check_order,
    _format_coefficient_term,
    _number_out,
    _refuse_inexact,
    _to_fmpq,
    as_number,
)
from combalg.core.validation import flag_arg, nonnegative_int, sequence_arg

__all__ = ["MultiSeries", "compare_multiseries", "multi_euler_product"]

_REPR_TERMS = 30


def _check_variables(variables: Any) -> tuple[str, ...]:
    if isinstance(variables, str) or not isinstance(variables, Iterable):
        raise InvalidInputError(
            f"invalid variables {short_repr(variables)}: expected a tuple of names such as ('q', 'w')"
        )
    names = tuple(sequence_arg("variables", variables))
    if not names:
        raise InvalidInputError("invalid variables (): expected at least one name")
    for name in names:
        if not isinstance(name, str) or not name.isidentifier():
            raise InvalidInputError(f"invalid variable name {short_repr(name)}: expected an identifier")
    if len(set(names)) != len(names):
        raise InvalidInputError(f"invalid variables {short_repr(names)}: expected distinct names")
    return names


def _context(variables: tuple[str, ...]) -> fmpq_mpoly_ctx:
    return fmpq_mpoly_ctx.get(variables, "lex")


class _hybridmethod:
    """A method usable on the class (with explicit ring data) or on an instance."""

    def __init__(self, func: Any) -> None:
        self.func = func
        self.__doc__ = func.__doc__

    def __get__(self, obj: Any, cls: type) -> Any:
        def bound(*args: Any, **kwargs: Any) -> Any:
            return self.func(cls, obj, *args, **kwargs)

        bound.__doc__ = self.func.__doc__
        return bound


class MultiSeries:
    """A power series in several variables, known modulo ``first_variable**order``.

    Parameters
    ----------
    terms : mapping {exponent tuple: coefficient}, number, or MultiSeries
        The known terms; those with first exponent ``>= order`` are dropped.
    variables : sequence of str
        Variable names; the series is truncated in the first one.
    order : int
        Truncation order in the first variable.

    Raises
    ------
    InvalidInputError
        For bad names, exponent tuples of the wrong length or with negative
        entries, non-rational coefficients or a negative order.

    Examples
    --------
    >>> s = MultiSeries.from_dict({(0, 0): 1, (1, 2): 3}, ("q", "w"), 3)
    >>> s
    1 + 3*q*w^2 + O(q^3)
    >>> s.coefficient((1, 2)), s.order, s.variables
    (3, 3, ('q', 'w'))
    >>> (s * s).to_rows()
    [[1, 0, 0, 0, 0], [0, 0, 6, 0, 0], [0, 0, 0, 0, 9]]
    """

    __slots__ = ("_poly", "_variables", "_order")

    def __init__(self, terms: Any, variables: Sequence[str], order: int) -> None:
        names = _check_variables(variables)
        order = _check_order(order)
        ctx = _context(names)
        if isinstance(terms, MultiSeries):
            if terms._variables != names:
                raise InvalidInputError(
                    f"invalid series in variables {terms._variables!r}: expected variables {names!r}"
                )
            poly = terms._poly
        elif isinstance(terms, Mapping):
            data = {}
            for exps, c in terms.items():
                if not isinstance(exps, tuple) or len(exps) != len(names) or any(
                    isinstance(e, bool) or not isinstance(e, numbers.Integral) or int(e) < 0 for e in exps
                ):
                    raise InvalidInputError(
                        f"invalid exponent {short_repr(exps)}: expected a tuple of {len(names)} nonnegative integers"
                    )
                value = as_number(c, f"coefficient of {short_repr(exps)}")
                if value and exps[0] < order:
                    key = tuple(int(e) for e in exps)
                    data[key] = data.get(key, 0) + value
            poly = ctx.from_dict({k: _to_fmpq(v) for k, v in data.items() if v})
        else:
            value = as_number(terms, "constant")
            poly = ctx.from_dict({(0,) * len(names): _to_fmpq(value)} if value else {})
        self._variables = names
        self._order = order
        self._poly = self._truncated(poly, names, order)

    @staticmethod
    def _truncated(poly: fmpq_mpoly, names: tuple[str, ...], order: int) -> fmpq_mpoly:
        ctx = _context(names)
        if order == 0:
            return ctx.from_dict({})
        if poly.is_zero() or poly.degrees()[0] < order:
            return poly
        return poly % (ctx.gens()[0] ** order)

    @classmethod
    def _make(cls, poly: fmpq_mpoly, names: tuple[str, ...], order: int) -> MultiSeries:
        obj = object.__new__(cls)
        obj._variables = names
        obj._order = order
        obj._poly = cls._truncated(poly, names, order)
        return obj

    # -- construction ----------------------------------------------------------

    @classmethod
    def from_dict(cls, terms: Mapping[tuple[int, ...], Number], variables: Sequence[str],
                  order: int) -> MultiSeries:
        """Build from ``{exponent tuple: coefficient}``.

        Examples
        --------
        >>> MultiSeries.from_dict({(1, 1): 2, (0, 3): -1}, ("q", "t"), 4)
        -t^3 + 2*q*t + O(q^4)
        """
        return cls(terms, variables, order)

    @classmethod
    def from_power_series(cls, series: PowerSeries, variables: Sequence[str]) -> MultiSeries:
        """A one-variable series as a MultiSeries in its first variable."""
        if not isinstance(series, PowerSeries):
            raise InvalidInputError(f"invalid series {short_repr(series)}: expected a PowerSeries")
        names = _check_variables(variables)
        n = len(names)
        terms = {(k,) + (0,) * (n - 1): c for k, c in enumerate(series.coefficients()) if c}
        return cls(terms, names, series.order)

    @_hybridmethod
    def gen(cls, self: MultiSeries | None, name: str | None = None, variables: Sequence[str] | None = None,
            order: int | None = None) -> MultiSeries:
        """The variable ``name`` as a series.

        Call it on a series (``s.gen("w")``: same variables and order) or on
        the class with the ring data (``MultiSeries.gen("w", ("q", "w"), 5)``).

        Examples
        --------
        >>> w = MultiSeries.gen("w", ("q", "w"), 5)
        >>> w.gen("q") * w
        q*w + O(q^5)
        """
        if self is not None:
            variables = self._variables if variables is None else variables
            order = self._order if order is None else order
        if variables is None or order is None:
            raise InvalidInputError("invalid call MultiSeries.gen(name): expected variables and order")
        names = _check_variables(variables)
        if not isinstance(name, str) or name not in names:
            raise InvalidInputError(f"invalid variable {short_repr(name)}: expected one of {names!r}")
        exps = tuple(1 if v == name else 0 for v in names)
        return cls({exps: 1}, names, order)

    @classmethod
    def gens(cls, variables: Sequence[str], order: int) -> tuple[MultiSeries, ...]:
        """All variables as series known modulo ``variables[0]**order``."""
        names = _check_variables(variables)
        return tuple(cls.gen(v, names, order) for v in names)

    # -- access ----------------------------------------------------------------

    @property
    def order(self) -> int:
        """Truncation order in the first variable."""
        return self._order

    @property
    def variables(self) -> tuple[str, ...]:
        """The variable names; the first one is the truncated one."""
        return self._variables

    def to_flint(self) -> fmpq_mpoly:
        """The known part as an ``fmpq_mpoly`` (lex order in `variables`)."""
        return self._poly

    def to_dict(self) -> dict[tuple[int, ...], Number]:
        """``{exponent tuple: coefficient}`` of the nonzero known terms."""
        return {tuple(int(e) for e in k): _number_out(v) for k, v in self._poly.to_dict().items()}

    def coefficient(self, exps: Sequence[int]) -> Number:
        """The coefficient of the monomial with exponents ``exps``.

        Raises
        ------
        InvalidInputError
            If ``exps`` has the wrong length or its first entry is not below
            the order (that coefficient is unknown).
        """
        if not isinstance(exps, (tuple, list)) or len(exps) != len(self._variables) or any(
            isinstance(e, bool) or not isinstance(e, numbers.Integral) or int(e) < 0 for e in exps
        ):
            raise InvalidInputError(
                f"invalid exponent {short_repr(exps)}: expected {len(self._variables)} nonnegative integers"
            )
        if exps[0] >= self._order:
            raise InvalidInputError(
                f"invalid exponent {short_repr(tuple(exps))}: the series is known only for "
                f"{self._variables[0]}-degree < {self._order}"
            )
        return _number_out(self._poly[tuple(int(e) for e in exps)])

    def __getitem__(self, exps: Sequence[int]) -> Number:
        """``s[i, j]`` is ``s.coefficient((i, j))``."""
        return self.coefficient(exps)

    def to_rows(self) -> list[list[Number]]:
        """Coefficients as rows ``rows[i][j]`` = coefficient of ``q^i w^j`` (two variables).

        There are ``order`` rows, all padded with zeros to the same width
        (one more than the largest ``w``-degree present).

        Raises
        ------
        InvalidInputError
            Unless the series has exactly two variables.
        """
        if len(self._variables) != 2:
            raise InvalidInputError(
                f"invalid call to_rows() on variables {self._variables!r}: expected two variables "
                "(use to_dict() or q_coefficient())"
            )
        d = self.to_dict()
        width = 1 + max((j for (_, j) in d), default=0)
        rows: list[list[Number]] = [[0] * width for _ in range(self._order)]
        for (i, j), c in d.items():
            rows[i][j] = c
        return rows

    def q_coefficient(self, n: int) -> dict[tuple[int, ...], Number]:
        """The coefficient of ``q^n`` (first variable) as ``{exponents of the others: c}``."""
        n = _check_order(n, "degree")
        if n >= self._order:
            raise InvalidInputError(f"invalid degree {n}: expected a degree below the order {self._order}")
        return {k[1:]: c for k, c in self.to_dict().items() if k[0] == n}

    def truncate(self, order: int) -> MultiSeries:
        """The same series known only modulo ``q**order`` (at most the current order)."""
        order = _check_order(order)
        if order > self._order:
            raise InvalidInputError(
                f"invalid order {order}: expected at most the known order {self._order}"
            )
        return MultiSeries._make(self._poly, self._variables, order)

    # -- comparison ------------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if isinstance(other, MultiSeries):
            return (self._variables == other._variables and self._order == other._order
                    and self._poly == other._poly)
        try:
            co = self._coerce(other)
        except InvalidInputError:
            return False
        if co is None:
            return NotImplemented
        if co[1] != self._order:
            return False
        return self._poly == self._truncated(co[0], self._variables, self._order)

    def __hash__(self) -> int:
        return hash((self._variables, self._order, tuple(sorted(self.to_dict().items()))))

    def __bool__(self) -> bool:
        return not self._poly.is_zero()

    # -- arithmetic ------------------------------------------------------------

    def _coerce(self, other: Any) -> tuple[fmpq_mpoly, int] | None:
        if isinstance(other, MultiSeries):
            if other._variables != self._variables:
                raise InvalidInputError(
                    f"invalid operand in variables {other._variables!r}: expected variables {self._variables!r}"
                )
            return other._poly, other._order
        if isinstance(other, PowerSeries):
            if other.var != self._variables[0]:
                raise InvalidInputError(
                    f"invalid operand: a series in {other.var!r}, expected one in {self._variables[0]!r}"
                )
            m = MultiSeries.from_power_series(other, self._variables)
            return m._poly, m._order
        if isinstance(other, bool) or not isinstance(other, (numbers.Rational, fmpq)):
            _refuse_inexact(other)
            return None
        c = as_number(other)
        ctx = _context(self._variables)
        return ctx.from_dict({(0,) * len(self._variables): _to_fmpq(c)} if c else {}), self._order

    def __neg__(self) -> MultiSeries:
        return MultiSeries._make(-self._poly, self._variables, self._order)

    def __pos__(self) -> MultiSeries:
        return self

    def __add__(self, other: Any) -> MultiSeries:
        co = self._coerce(other)
        if co is None:
            return NotImplemented
        return MultiSeries._make(self._poly + co[0], self._variables, min(self._order, co[1]))

    __radd__ = __add__

    def __sub__(self, other: Any) -> MultiSeries:
        co = self._coerce(other)
        if co is None:
            return NotImplemented
        return MultiSeries._make(self._poly - co[0], self._variables, min(self._order, co[1]))

    def __rsub__(self, other: Any) -> MultiSeries:
        co = self._coerce(other)
        if co is None:
            return NotImplemented
        return MultiSeries._make(co[0] - self._poly, self._variables, min(self._order, co[1]))

    def __mul__(self, other: Any) -> MultiSeries:
        co = self._coerce(other)
        if co is None:
            return NotImplemented
        order = min(self._order, co[1])
        a = self._truncated(self._poly, self._variables, order)
        b = self._truncated(co[0], self._variables, order)
        return MultiSeries._make(a * b, self._variables, order)

    __rmul__ = __mul__

    def __truediv__(self, other: Any) -> MultiSeries:
        if isinstance(other, (MultiSeries, PowerSeries)):
            co = self._coerce(other)
            assert co is not None
            return self * MultiSeries._make(co[0], self._variables, co[1]).inverse()
        if isinstance(other, bool) or not isinstance(other, (numbers.Rational, fmpq)):
            _refuse_inexact(other, "divisor")
            return NotImplemented
        c = as_number(other, "divisor")
        if c == 0:
            raise InvalidInputError(f"invalid divisor {short_repr(other)}: expected a nonzero number")
        return MultiSeries._make(self._poly / _to_fmpq(c), self._variables, self._order)

    def __rtruediv__(self, other: Any) -> MultiSeries:
        co = self._coerce(other)
        if co is None:
            return NotImplemented
        return MultiSeries._make(co[0], self._variables, co[1]) * self.inverse()

    def __pow__(self, exponent: Any) -> MultiSeries:
        if isinstance(exponent, bool) or not isinstance(exponent, numbers.Integral):
            _refuse_inexact(exponent, "exponent")
            return NotImplemented
        e = int(exponent)
        if e < 0:
            return self.inverse() ** (-e)
        if e > 1:
            self._check_power_size(e)
        result = MultiSeries(1, self._variables, self._order)
        base = self
        while e:
            if e & 1:
                result = result * base
            e >>= 1
            if e:
                base = base * base
        return result

    def _check_power_size(self, e: int) -> None:
        """Refuse ``self**e`` whose size (terms times coefficient bits) could exceed
        the limits of [`combalg.core.series.MAX_POWER_BITS`][combalg.core.series.MAX_POWER_BITS].

        Only the first variable is truncated, so ``(2 + w)**(10**9)`` would be
        a polynomial of degree ``10**9`` in ``w`` with huge coefficients.
        """
        from combalg.core.series import MAX_POWER_BITS

        poly, order = self._poly, self._order
        if poly.is_zero() or order == 0:
            return
        c0 = self._constant_part()
        if c0.is_zero():
            q_val = min(int(k[0]) for k in poly.monoms())
            if q_val * e >= order:
                return  # zero modulo q^order
        # factors other than a constant q^0 part raise the q-degree, so at most
        # order - 1 of the e factors are not that constant
        picks = min(e, order - 1) if (c0.is_constant() and not c0.is_zero()) else e
        degrees = [int(d) for d in poly.degrees()[1:]]
        terms = order
        for d in degrees:
            terms *= picks * d + 1
        coeffs = poly.coeffs()
        height = max(max(int(c.p).bit_length() - 1, 0) + max(int(c.q).bit_length() - 1, 0)
                     for c in coeffs)
        if c0.is_constant() and not c0.is_zero():
            lead = c0.coefficient(0)
            b0 = max(int(lead.p).bit_length() - 1, 0) + max(int(lead.q).bit_length() - 1, 0)
        else:
            b0 = height
        if len(coeffs) == 1:  # a monomial: one term with coefficient c^e
            terms, bits = 1, e * height
        else:
            bits = e * b0 + picks * (e.bit_length() + height + b0 + len(coeffs).bit_length() + 1)
        if bits > MAX_POWER_BITS or terms * bits > 10 * MAX_POWER_BITS:
            raise ResourceLimitError(
                f"power (series with {len(coeffs)} terms)^{e} could have about {terms} terms of "
                f"{bits} bits; the limits are MAX_POWER_BITS = {MAX_POWER_BITS} bits per "
                f"coefficient and ten times that in all"
            )

    def _constant_part(self) -> fmpq_mpoly:
        """The coefficient of q^0 (a polynomial in the other variables)."""
        q = _context(self._variables).gens()[0]
        return self._poly % q

    def inverse(self) -> MultiSeries:
        """The multiplicative inverse, by Newton iteration ``g <- g (2 - f g)``.

        Raises
        ------
        InvalidInputError
            Unless the coefficient of ``q^0`` is a nonzero constant (a
            polynomial in the other variables has no polynomial inverse).

        Examples
        --------
        >>> q, w = MultiSeries.gens(("q", "w"), 4)
        >>> (1 - q - q * w).inverse().to_rows()
        [[1, 0, 0, 0], [1, 1, 0, 0], [1, 2, 1, 0], [1, 3, 3, 1]]
        """
        names, order = self._variables, self._order
        if order == 0:
            return self
        c0 = self._constant_part()
        if not c0.is_constant() or c0.is_zero():
            raise InvalidInputError(
                f"invalid series {self!r} to invert: expected a nonzero constant coefficient of "
                f"{names[0]}^0"
            )
        ctx = _context(names)
        g = ctx.from_dict({(0,) * len(names): 1 / c0.coefficient(0)})
        prec = 1
        while prec < order:
            prec = min(2 * prec, order)
            f = self._truncated(self._poly, names, prec)
            g = self._truncated(g * (2 - self._truncated(f * g, names, prec)), names, prec)
        return MultiSeries._make(g, names, order)

    def _euler_derivative(self) -> fmpq_mpoly:
        """q d/dq of the known part."""
        q = _context(self._variables).gens()[0]
        return self._poly.derivative(0) * q

    @staticmethod
    def _euler_integral(poly: fmpq_mpoly, names: tuple[str, ...]) -> fmpq_mpoly:
        """Inverse of q d/dq on series without q^0 part: divide the q^n part by n."""
        q = _context(names).gens()[0]
        quotient, remainder = divmod(poly, q)
        assert remainder.is_zero()
        return quotient.integral(0)

    def log(self) -> MultiSeries:
        """The logarithm; needs the coefficient of ``q^0`` to be 1.

        Examples
        --------
        >>> q, w = MultiSeries.gens(("q", "w"), 3)
        >>> (1 + q * w).log()
        q*w - 1/2*q^2*w^2 + O(q^3)
        """
        names, order = self._variables, self._order
        if order == 0:
            return self
        if not (self._constant_part() - 1).is_zero():
            raise InvalidInputError(
                f"invalid series {self!r} for log: expected coefficient 1 at {names[0]}^0"
            )
        ratio = (MultiSeries._make(self._euler_derivative(), names, order) * self.inverse())._poly
        return MultiSeries._make(self._euler_integral(ratio, names), names, order)

    def exp(self) -> MultiSeries:
        """The exponential, by Newton iteration; needs no ``q^0`` part.

        Examples
        --------
        >>> q, t = MultiSeries.gens(("q", "t"), 4)
        >>> (q * t).exp()
        1 + q*t + 1/2*q^2*t^2 + 1/6*q^3*t^3 + O(q^4)
        """
        names, order = self._variables, self._order
        if order == 0:
            return self
        if not self._constant_part().is_zero():
            raise InvalidInputError(
                f"invalid series {self!r} for exp: expected no {names[0]}^0 part"
            )
        ctx = _context(names)
        one = ctx.from_dict({(0,) * len(names): 1})
        e = MultiSeries._make(one, names, 1)
        prec = 1
        while prec < order:
            prec = min(2 * prec, order)
            e = MultiSeries._make(e._poly, names, prec)
            correction = MultiSeries._make(self._poly, names, prec) - e.log()
            e = e * (1 + correction)
        return MultiSeries._make(e._poly, names, order)

    def subs(self, values: Mapping[str, Number]) -> MultiSeries | PowerSeries:
        """Substitute numbers for variables other than the first.

        Returns a [`PowerSeries`][PowerSeries] when every other variable is given,
        otherwise a MultiSeries in the same variables.

        Examples
        --------
        >>> q, w = MultiSeries.gens(("q", "w"), 4)
        >>> (1 / (1 - q * w)).subs({"w": 2})
        1 + 2*q + 4*q^2 + 8*q^3 + O(q^4)
        """
        names = self._variables
        if not isinstance(values, Mapping):
            raise InvalidInputError(f"invalid values {short_repr(values)}: expected a mapping name -> number")
        conv = {}
        for name, value in values.items():
            if name not in names[1:]:
                raise InvalidInputError(
                    f"invalid variable {short_repr(name)} to substitute: expected one of {names[1:]!r}"
                )
            conv[name] = _to_fmpq(as_number(value, f"value of {name}"))
        poly = self._poly.subs(conv) if conv else self._poly
        if set(conv) == set(names[1:]):
            coeffs: list[Number] = [0] * self._order
            for k, c in poly.to_dict().items():
                coeffs[int(k[0])] = _number_out(c)
            return PowerSeries(coeffs, self._order, var=names[0])
        return MultiSeries._make(poly, names, self._order)

    # -- display ---------------------------------------------------------------

    def _sorted_terms(self) -> list[tuple[tuple[int, ...], Number]]:
        return sorted(self.to_dict().items())

    def _format(self, latex: bool, max_terms: int | None = _REPR_TERMS) -> str:
        pieces: list[tuple[str, str]] = []
        terms = self._sorted_terms()
        more = max_terms is not None and len(terms) > max_terms
        if more:
            terms = terms[:max_terms]
        for exps, c in terms:
            factors = []
            for name, e in zip(self._variables, exps):
                if e == 1:
                    factors.append(name)
                elif e > 1:
                    factors.append(f"{name}^{{{e}}}" if latex else f"{name}^{e}")
            mono = (" " if latex else "*").join(factors)
            sign, body = _format_coefficient_term(c, 0, "", latex)
            if mono:
                if body == "1":
                    body = mono
                else:
                    body = f"{body} {mono}" if latex else f"{body}*{mono}"
            pieces.append((sign, body))
        if more:
            pieces.append(("+", "\\cdots" if latex else "..."))
        pieces.append(("+", _big_o(self._variables[0], self._order, latex)))
        sign, body = pieces[0]
        out = ("-" if sign == "-" else "") + body
        for sign, body in pieces[1:]:
            out += f" {sign} {body}"
        return out

    def to_string(self, max_terms: int | None = None) -> str:
        """Text such as ``1 + q*w + O(q^3)`` (all terms unless ``max_terms``)."""
        return self._format(False, nonnegative_int("max_terms", max_terms, allow_none=True))

    def latex(self, max_terms: int | None = None) -> str:
        """LaTeX source without dollar signs."""
        return self._format(True, nonnegative_int("max_terms", max_terms, allow_none=True))

    def __repr__(self) -> str:
        return self._format(False)

    __str__ = __repr__

    def __reduce__(self) -> tuple:
        # FLINT polynomials do not pickle; a series pickles as its terms
        return (MultiSeries, (self.to_dict(), self._variables, self._order))

    def __copy__(self) -> MultiSeries:
        return self

    def __deepcopy__(self, memo: dict) -> MultiSeries:
        return self

    def _jsonable_(self) -> dict[str, Any]:
        """``{"variables": [...], "order": n, "terms": [[exponents, coefficient], ...]}``."""
        from combalg.core.encoding import rational_text

        return {"variables": list(self._variables), "order": self._order,
                "terms": [[list(k), rational_text(c)] for k, c in sorted(self.to_dict().items())]}

    def _repr_latex_(self) -> str:
        return "$" + self._format(True) + "$"

    def _latex(self, printer: Any = None) -> str:
        """What ``sympy.latex(series)`` prints: the same as the Jupyter display."""
        return self._format(True)

    def _sympy_(self) -> Any:
        """``sympy.sympify(series)``: see [`as_sympy`][as_sympy]."""
        return self.as_sympy()

    def as_sympy(self, with_order: bool = True) -> Any:
        """The series as a sympy expression (with ``O(q**order)`` unless ``with_order=False``).

        Examples
        --------
        >>> MultiSeries.from_dict({(0, 0): 1, (1, 2): 3}, ("q", "w"), 3).as_sympy(with_order=False)
        3*q*w**2 + 1
        """
        import sympy

        with_order = flag_arg("with_order", with_order)
        symbols = [sympy.Symbol(v) for v in self._variables]
        terms = []
        for exps, c in self._sorted_terms():
            mono = sympy.Integer(1)
            for s, e in zip(symbols, exps):
                mono *= s**e
            terms.append(sympy.Rational(c.numerator, c.denominator) * mono)
        expr = sympy.Add(*terms)
        if with_order:
            expr = expr + sympy.O(symbols[0] ** self._order, symbols[0])
        return expr


def multi_euler_product(factors: Iterable[Sequence[Any]], variables: Sequence[str],
                        order: int) -> MultiSeries:
    """``prod 1/(1 - c * x^a)^m`` over factors ``(a, m)`` or ``(a, m, c)``, modulo ``q**order``.

    Parameters
    ----------
    factors : iterable of (exponent tuple, multiplicity) or (exponent tuple, multiplicity, coeff)
        ``a`` is an exponent tuple with one entry per variable, whose first
        entry (the power of ``q``) must be positive; ``m`` and ``c`` are int
        or Fraction (``m`` may be negative, ``c`` defaults to 1).
    variables : sequence of str
        Variable names, the first is truncated.
    order : int
        Truncation order in the first variable.

    Returns
    -------
    MultiSeries

    Raises
    ------
    InvalidInputError
        If an exponent tuple has the wrong length, a negative entry, or no
        positive power of the first variable (the product would not be a
        polynomial in the other variables at each ``q``-degree).
    ResourceLimitError
        If the powers ``c^r`` of a coefficient would need more than ten times
        [`combalg.core.series.MAX_POWER_BITS`][combalg.core.series.MAX_POWER_BITS] bits in all.

    Notes
    -----
    The logarithm ``sum m sum_r c^r x^(r a) / r`` is assembled term by term and
    exponentiated once (Newton iteration), so many factors cost little more
    than one.

    Examples
    --------
    >>> s = multi_euler_product([((1, 1), 1), ((2, 0), -1, 3)], ("q", "w"), 4)
    >>> s        # (1 - 3 q^2) / (1 - q w)
    1 + q*w - 3*q^2 + q^2*w^2 - 3*q^3*w + q^3*w^3 + O(q^4)
    """
    names = _check_variables(variables)
    order = _check_order(order)
    n = len(names)
    log_terms: dict[tuple[int, ...], Number] = {}
    for factor in sequence_arg("factors", factors):
        if not isinstance(factor, (tuple, list)) or len(factor) not in (2, 3):
            raise InvalidInputError(
                f"invalid factor {short_repr(factor)}: expected (exponent tuple, multiplicity[, coefficient])"
            )
        exps, m = factor[0], factor[1]
        c = factor[2] if len(factor) == 3 else 1
        if not isinstance(exps, (tuple, list)) or len(exps) != n or any(
            isinstance(e, bool) or not isinstance(e, numbers.Integral) or int(e) < 0 for e in exps
        ):
            raise InvalidInputError(
                f"invalid exponent {short_repr(exps)}: expected a tuple of {n} nonnegative integers"
            )
        exps = tuple(int(e) for e in exps)
        if exps[0] < 1:
            raise InvalidInputError(
                f"invalid exponent {short_repr(exps)}: expected a positive power of {names[0]} in every factor"
            )
        m = as_number(m, "multiplicity")
        c = as_number(c, "coefficient")
        if m == 0 or c == 0:
            continue
        if c != 1 and c != -1:
            from combalg.core.series import MAX_POWER_BITS

            f = Fraction(c)
            count = (order - 1) // exps[0]
            cost = max(abs(f.numerator).bit_length(), f.denominator.bit_length()) * count * (count + 1) // 2
            if cost > 10 * MAX_POWER_BITS:
                raise ResourceLimitError(
                    f"invalid factor {short_repr(factor)} to order {order}: its logarithm needs powers c^r "
                    f"with about {cost} bits in all; the limit is 10 * MAX_POWER_BITS = {10 * MAX_POWER_BITS}"
                )
        power: Number = 1
        r = 1
        while r * exps[0] < order:
            power = power * c
            key = tuple(r * e for e in exps)
            log_terms[key] = log_terms.get(key, 0) + Fraction(m) * power / r
            r += 1
    log_series = MultiSeries(log_terms, names, order)
    return log_series.exp()


def _as_term_dict(x: Any, name: str) -> tuple[dict[tuple[int, ...], Number], int | None]:
    if isinstance(x, MultiSeries):
        return x.to_dict(), x.order
    if isinstance(x, Mapping):
        out = {}
        for k, v in x.items():
            if not isinstance(k, tuple):
                raise InvalidInputError(f"invalid {name} key {short_repr(k)}: expected an exponent tuple")
            value = as_number(v, f"{name} coefficient of {short_repr(k)}")
            if value:
                out[tuple(int(e) for e in k)] = value
        return out, None
    if isinstance(x, (list, tuple)):  # rows[i][j]
        out = {}
        for i, row in enumerate(x):
            if not isinstance(row, (list, tuple)):
                raise InvalidInputError(f"invalid {name} row {short_repr(row)}: expected a list of coefficients")
            for j, v in enumerate(row):
                value = as_number(v, f"{name} coefficient ({i}, {j})")
                if value:
                    out[(i, j)] = value
        return out, len(x)
    raise InvalidInputError(
        f"invalid {name} {short_repr(x)}: expected a MultiSeries, a dict {{exponents: c}} or rows"
    )


def compare_multiseries(left: Any, right: Any, up_to: int | None = None) -> Mismatch | None:
    """The first monomial (in increasing exponent order) where two series differ, or ``None``.

    Compared are the monomials whose first exponent is below the smaller known
    order (a MultiSeries counts its order, rows their number; a dict is taken
    as known everywhere), or below ``up_to``.

    Parameters
    ----------
    left, right : MultiSeries, dict {exponent tuple: coefficient}, or rows ``rows[i][j]``
    up_to : int, optional

    Returns
    -------
    Mismatch or None
        ``Mismatch(where=exponent tuple, left=..., right=...)``.

    Examples
    --------
    >>> q, w = MultiSeries.gens(("q", "w"), 3)
    >>> compare_multiseries(1 / (1 - q * w), [[1], [0, 1], [0, 0, 1]]) is None
    True
    >>> compare_multiseries(1 / (1 - q * w), {(0, 0): 1, (1, 1): 2})
    Mismatch(where=(1, 1), left=1, right=2)
    """
    a, na = _as_term_dict(left, "left")
    b, nb = _as_term_dict(right, "right")
    bounds = [n for n in (na, nb) if n is not None]
    if up_to is not None:
        bounds.append(_check_order(up_to, "up_to"))
    limit = min(bounds) if bounds else None
    for key in sorted(set(a) | set(b)):
        if limit is not None and key[0] >= limit:
            continue
        x, y = a.get(key, 0), b.get(key, 0)
        if x != y:
            return Mismatch(key, x, y)
    return None
