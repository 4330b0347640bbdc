"""Exact multivariate Laurent polynomials over ZZ and QQ.

A [`LaurentRing`][LaurentRing] has *variables* (for example the entries ``a[i,j]`` of a
matrix) and *parameters* (for example ``lam``).  Arithmetically both are
invertible generators, so the ring is ``ZZ[x^{+-1}, lam^{+-1}]`` (or the same
over ``QQ``); the split tells a caller which names play which role, and
[`LaurentPolynomial.is_polynomial_in`][LaurentPolynomial.is_polynomial_in] answers "is this a Laurent
polynomial in the variables and a polynomial in the parameters?".

An element is stored as a pair ``(P, s)`` with ``P`` a python-flint
``fmpz_mpoly`` / ``fmpq_mpoly`` and ``s`` an integer exponent vector, meaning
``P * x^s``.  The pair is normalised so that ``P`` has no monomial factor.
Because every generator is a prime of the polynomial ring, a product of
normalised numerators is again normalised, and a quotient ``a / b`` is a
Laurent polynomial exactly when ``P_b`` divides ``P_a``; then the quotient of
the numerators is already normalised.  So multiplication and exact division
are single FLINT calls plus a vector addition.

Division never returns a rational function: [`LaurentPolynomial.try_divide`][LaurentPolynomial.try_divide]
reports whether the quotient exists and, if not, a quotient and remainder with
``a == q*b + r``; [`LaurentPolynomial.exact_divide`][LaurentPolynomial.exact_divide] (and ``/``) raises
[`NotExactError`][combalg.core.errors.NotExactError] carrying that remainder.

Examples
--------
>>> from fractions import Fraction
>>> R = LaurentRing(["x", "y"], params=["lam"])
>>> x, y, lam = R.gens()
>>> p = (x**2 * y + lam * x) / x
>>> p
x*y + lam
>>> (x**2 - y**2) / (x - y)
x + y
>>> r = (x**2 + 1).try_divide(x + y)
>>> r.exact
False
>>> r.quotient * (x + y) + r.remainder == x**2 + 1
True
>>> (x * y**-2).shift
(1, -2, 0)
>>> (x / y + lam).is_polynomial_in(R.params)
True
>>> (x / lam).is_polynomial_in(R.params)
False
>>> (x**2 / y).subs({"x": 3, "y": Fraction(1, 2)})
18
>>> R.from_sympy((x + 1/y).as_sympy()) == x + 1/y
True
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from fractions import Fraction
from numbers import Integral, Rational
from typing import Any, Iterable, Mapping, Sequence

import flint

try:  # python-flint >= 0.7
    from flint.utils.flint_exceptions import DomainError as _FlintDomainError
except ImportError:  # pragma: no cover
    _FlintDomainError = Exception

from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError, NotExactError, ResourceLimitError

__all__ = [
    "LaurentRing",
    "LaurentPolynomial",
    "DivisionResult",
    "coefficient_bits",
    "LaurentZeroDivisionError",
    "MAX_POWER_TERMS",
    "MAX_POWER_BITS",
    "MAX_DIVISION_DEGREE",
    "VARIABLE_NAME",
]

#: Largest estimated number of terms [`LaurentPolynomial.__pow__`][LaurentPolynomial.__pow__] starts on.
MAX_POWER_TERMS = 10**7  # the default of the limit laurent_power_terms (combalg.core.limits)

#: Largest estimated coefficient size (in bits, numerator plus denominator)
#: [`LaurentPolynomial.__pow__`][LaurentPolynomial.__pow__] starts on: ``(2^10000)^10000`` is refused
#: with a ResourceLimitError instead of exhausting memory.  The estimated
#: total size (terms times bits) may not exceed ``10 * MAX_POWER_BITS``.
MAX_POWER_BITS = 10**8

#: Largest degree in one variable (after deflation) of a numerator that
#: [`LaurentPolynomial.try_divide`][LaurentPolynomial.try_divide] divides; ``(x^(10^12) - 1) / (x - 1)``
#: would have a dense quotient and is refused with a ResourceLimitError.
MAX_DIVISION_DEGREE = 10**6

#: Accepted generator names: an identifier (starting with a letter), optionally
#: followed by integer indices in brackets, e.g. ``x``, ``lam_2``, ``a[1,2]``,
#: ``x[-3]`` (no ``__``).  These are exactly the names [`combalg.core.parsing`][combalg.core.parsing] reads back.
VARIABLE_NAME = re.compile(r"(?!.*__)[A-Za-z][A-Za-z0-9_]*(\[-?[0-9]+(,-?[0-9]+)*\])?\Z")

_DOMAINS = ("ZZ", "QQ")


class LaurentZeroDivisionError(InvalidInputError, ZeroDivisionError):
    """Division by zero, or a substitution that would divide by zero."""


def _to_python(c: Any) -> int | Fraction:
    """Convert a flint coefficient to a Python int (fmpz) or Fraction (fmpq)."""
    if isinstance(c, flint.fmpz):
        return int(c)
    return Fraction(int(c.p), int(c.q))


class _DirectConstructionError(InvalidInputError, TypeError):
    """``LaurentPolynomial(...)`` called directly (also a TypeError, as before)."""


def _is_number(value: Any) -> bool:
    return isinstance(value, (Integral, Rational, flint.fmpz, flint.fmpq)) and not isinstance(value, bool)


def _as_fraction(value: Any) -> Fraction:
    if isinstance(value, flint.fmpq):
        return Fraction(int(value.p), int(value.q))
    if isinstance(value, flint.fmpz):
        return Fraction(int(value))
    return Fraction(value)


@dataclass(frozen=True)
class DivisionResult:
    """Outcome of [`LaurentPolynomial.try_divide`][LaurentPolynomial.try_divide].

    Attributes
    ----------
    exact : bool
        Whether the divisor divides the dividend in the Laurent ring.
    quotient : LaurentPolynomial
        The Laurent quotient if ``exact``; otherwise a partial quotient.
    remainder : LaurentPolynomial
        Zero if ``exact``; otherwise a nonzero remainder with
        ``dividend == quotient * divisor + remainder``.
    """

    exact: bool
    quotient: "LaurentPolynomial"
    remainder: "LaurentPolynomial"

    def __post_init__(self) -> None:
        if not isinstance(self.exact, bool):
            raise InvalidInputError(f"invalid exact {short_repr(self.exact)}: expected True or False")
        for name in ("quotient", "remainder"):
            if not isinstance(getattr(self, name), LaurentPolynomial):
                raise InvalidInputError(
                    f"invalid {name} {short_repr(getattr(self, name))}: expected a LaurentPolynomial")


class LaurentRing:
    """The ring of Laurent polynomials in named variables and parameters.

    Parameters
    ----------
    variables : sequence of str
        Names of the variables (see [`VARIABLE_NAME`][VARIABLE_NAME] for the accepted form).
    params : sequence of str, optional
        Names of the parameters.  They are invertible like the variables; use
        [`LaurentPolynomial.is_polynomial_in`][LaurentPolynomial.is_polynomial_in] to test polynomiality in them.
    domain : {"ZZ", "QQ"}
        Coefficient ring.

    Raises
    ------
    InvalidInputError
        If a name is malformed or repeated, or the domain is unknown.

    Examples
    --------
    >>> R = LaurentRing(["a[1,1]", "a[1,2]"], params=["lam"], domain="QQ")
    >>> R
    LaurentRing(('a[1,1]', 'a[1,2]'), params=('lam',), domain='QQ')
    >>> R.gen("a[1,2]") ** -1 * R(3)
    3*a[1,2]^-1
    >>> R.names
    ('a[1,1]', 'a[1,2]', 'lam')
    """

    __slots__ = ("variables", "params", "names", "domain", "ctx", "_index", "_zero_shift", "_qq")

    def __init__(self, variables: Sequence[str], params: Sequence[str] = (), domain: str = "ZZ") -> None:
        if isinstance(variables, str) or isinstance(params, str):
            raise InvalidInputError(
                f"invalid variables/params {short_repr(variables)}, {short_repr(params)}: expected sequences of names, not a string"
            )
        from combalg.core.validation import sequence_arg

        variables = tuple(sequence_arg("variables", variables))
        params = tuple(sequence_arg("params", params))
        names = variables + params
        for name in names:
            if not isinstance(name, str) or not VARIABLE_NAME.match(name):
                raise InvalidInputError(
                    f"invalid variable name {short_repr(name)}: expected an identifier such as 'x', 'lam_1' or 'a[1,2]'"
                )
        if len(set(names)) != len(names):
            raise InvalidInputError(f"invalid variable names {names!r}: expected distinct names")
        if not isinstance(domain, str) or domain not in _DOMAINS:
            raise InvalidInputError(f"invalid domain {short_repr(domain)}: expected 'ZZ' or 'QQ'")
        self.variables: tuple[str, ...] = variables
        self.params: tuple[str, ...] = params
        self.names: tuple[str, ...] = names
        self.domain: str = domain
        ctx_type = flint.fmpz_mpoly_ctx if domain == "ZZ" else flint.fmpq_mpoly_ctx
        self.ctx = ctx_type.get(names, "degrevlex")
        self._index = {name: i for i, name in enumerate(names)}
        self._zero_shift = (0,) * len(names)
        self._qq: LaurentRing | None = None

    # -- identity -----------------------------------------------------------
    def _key(self) -> tuple:
        return (self.variables, self.params, self.domain)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LaurentRing) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(("LaurentRing",) + self._key())

    def __repr__(self) -> str:
        return f"LaurentRing({self.variables!r}, params={self.params!r}, domain={self.domain!r})"

    def _jsonable_(self) -> dict:
        """``{"variables": [...], "params": [...], "domain": "ZZ"}`` (see [`combalg.core.encoding`][combalg.core.encoding])."""
        return {"variables": list(self.variables), "params": list(self.params), "domain": self.domain}

    def __reduce__(self):
        return (LaurentRing, (self.variables, self.params, self.domain))

    @property
    def nvars(self) -> int:
        """Number of generators (variables and parameters)."""
        return len(self.names)

    def index(self, name: str) -> int:
        """Position of a generator name in `names`.

        Raises
        ------
        InvalidInputError
            If the name is not a generator of this ring.
        """
        try:
            return self._index[name]
        except (KeyError, TypeError):
            raise InvalidInputError(
                f"invalid variable {short_repr(name)}: expected one of {self.names!r}"
            ) from None

    def with_domain(self, domain: str) -> "LaurentRing":
        """The ring with the same names over another domain ('ZZ' or 'QQ')."""
        if not isinstance(domain, str) or domain not in _DOMAINS:
            raise InvalidInputError(f"invalid domain {short_repr(domain)}: expected 'ZZ' or 'QQ'")
        if domain == self.domain:
            return self
        if domain == "QQ":
            if self._qq is None:
                self._qq = LaurentRing(self.variables, self.params, "QQ")
            return self._qq
        return LaurentRing(self.variables, self.params, domain)

    # -- construction -------------------------------------------------------
    def _make(self, poly: Any, shift: tuple[int, ...]) -> "LaurentPolynomial":
        """Wrap an already normalised pair (no checks)."""
        obj = object.__new__(LaurentPolynomial)
        obj.ring = self
        obj.numerator = poly
        obj.shift = shift
        return obj

    def _normalised(self, poly: Any, shift: Sequence[int]) -> "LaurentPolynomial":
        """Wrap ``poly * x^shift`` after removing the monomial factor of ``poly``."""
        if poly.is_zero():
            return self._make(poly, self._zero_shift)
        if len(poly) == 1:
            exps = poly.monoms()[0]
            if any(exps):
                shift = tuple(s + int(e) for s, e in zip(shift, exps))
                poly = self.ctx.constant(poly.coeffs()[0])
            return self._make(poly, tuple(shift))
        # the monomial part of the gcd of the terms
        mono = poly.term_content().monoms()[0]
        if any(mono):
            poly = poly / self.ctx.term(exp_vec=mono)
            shift = tuple(s + int(e) for s, e in zip(shift, mono))
        return self._make(poly, tuple(shift))

    def _coerce_number(self, value: Any) -> Any:
        """A flint constant for an int/Fraction, checking the domain."""
        if not _is_number(value):
            from combalg.core.bignum import short_repr

            raise InvalidInputError(f"invalid coefficient {short_repr(value)}: expected an int or a Fraction")
        if self.domain == "ZZ":
            if isinstance(value, (Integral, flint.fmpz)):
                return flint.fmpz(int(value))
            f = _as_fraction(value)
            if f.denominator != 1:
                from combalg.core.bignum import short_repr

                raise InvalidInputError(
                    f"invalid coefficient {short_repr(value)}: expected an integer in a ring over ZZ"
                )
            return flint.fmpz(f.numerator)
        f = _as_fraction(value)
        return flint.fmpq(f.numerator, f.denominator)

    def __call__(self, value: Any = 0) -> "LaurentPolynomial":
        """Convert a number, a flint polynomial of this ring's context, a
        Laurent polynomial (of this or another ring, matched by names) or a
        sympy expression into this ring."""
        if isinstance(value, LaurentPolynomial):
            if value.ring == self:
                return value
            return value.change_ring(self)
        if isinstance(value, bool):
            raise InvalidInputError(f"invalid value {short_repr(value)}: expected a number or polynomial")
        if _is_number(value):
            return self._make(self.ctx.constant(self._coerce_number(value)), self._zero_shift)
        if isinstance(value, (flint.fmpz_mpoly, flint.fmpq_mpoly)):
            return self.from_flint(value)
        if type(value).__module__.startswith("sympy"):
            return self.from_sympy(value)
        raise InvalidInputError(
            f"invalid value {short_repr(value)}: expected an int, Fraction, LaurentPolynomial or sympy expression"
        )

    def zero(self) -> "LaurentPolynomial":
        """The zero element."""
        return self(0)

    def one(self) -> "LaurentPolynomial":
        """The unit element."""
        return self(1)

    def gen(self, name: str) -> "LaurentPolynomial":
        """The generator called ``name`` (variable or parameter)."""
        i = self.index(name)
        shift = list(self._zero_shift)
        shift[i] = 1
        return self._make(self.ctx.constant(1), tuple(shift))

    def gens(self) -> tuple["LaurentPolynomial", ...]:
        """All generators, variables first, then parameters."""
        return tuple(self.gen(name) for name in self.names)

    def monomial(self, exponents: Sequence[int] | Mapping[str, int], coeff: Any = 1) -> "LaurentPolynomial":
        """``coeff * prod x_i^e_i`` from an exponent vector or a {name: exponent} mapping.

        Examples
        --------
        >>> R = LaurentRing(["x", "y"])
        >>> R.monomial({"y": -2}, coeff=5)
        5*y^-2
        """
        shift = self._exponent_vector(exponents, "exponent vector", add=True)
        c = self._coerce_number(coeff)
        if c == 0:
            return self.zero()
        return self._make(self.ctx.constant(c), tuple(shift))

    def _exponent_vector(self, exponents: Any, what: str, add: bool = False) -> list[int]:
        """A list of ``nvars`` integers from a sequence, or from a {name: exponent} mapping."""
        from combalg.core.validation import sequence_arg

        def exponent(e: Any) -> int:
            if isinstance(e, bool):
                raise InvalidInputError(f"invalid exponent {e!r} in the {what}: expected an integer")
            try:
                return operator.index(e)
            except TypeError:
                raise InvalidInputError(
                    f"invalid exponent {short_repr(e)} in the {what}: expected an integer"
                ) from None

        if isinstance(exponents, Mapping):
            vec = [0] * self.nvars
            for name, e in exponents.items():
                i = self.index(name)
                vec[i] = vec[i] + exponent(e) if add else exponent(e)
            return vec
        vec = [exponent(e) for e in sequence_arg(what, exponents)]
        if len(vec) != self.nvars:
            raise InvalidInputError(
                f"invalid {what} {short_repr(tuple(vec))}: expected {self.nvars} integers"
            )
        return vec

    def from_terms(self, terms: Mapping[Sequence[int], Any]) -> "LaurentPolynomial":
        """Build from a mapping {exponent tuple (may be negative): coefficient}.

        Examples
        --------
        >>> R = LaurentRing(["x", "y"])
        >>> R.from_terms({(1, -1): 2, (0, 0): -1})
        2*x*y^-1 - 1
        """
        if not isinstance(terms, Mapping):
            raise InvalidInputError(
                f"invalid terms {short_repr(terms)}: expected a mapping {{exponent tuple: coefficient}}"
            )
        collected: dict[tuple[int, ...], Any] = {}
        for k, v in terms.items():
            if isinstance(k, Mapping):
                raise InvalidInputError(f"invalid exponent vector {short_repr(k)}: expected {self.nvars} integers")
            collected[tuple(self._exponent_vector(k, "exponent vector"))] = v
        terms = {k: self._coerce_number(v) for k, v in collected.items()}
        terms = {k: v for k, v in terms.items() if v != 0}
        if not terms:
            return self.zero()
        low = tuple(min(k[i] for k in terms) for i in range(self.nvars))
        poly = self.ctx.from_dict({tuple(e - m for e, m in zip(k, low)): v for k, v in terms.items()})
        return self._normalised(poly, low)

    def from_flint(self, poly: Any, shift: Sequence[int] | None = None) -> "LaurentPolynomial":
        """Wrap a flint polynomial ``poly * x^shift`` (``poly`` in this ring's
        context, or the ZZ context when this ring is over QQ)."""
        if not isinstance(poly, (flint.fmpz_mpoly, flint.fmpq_mpoly)):
            raise InvalidInputError(
                f"invalid polynomial {short_repr(poly)}: expected a flint fmpz_mpoly or fmpq_mpoly"
            )
        if shift is None:
            shift = self._zero_shift
        if isinstance(shift, Mapping):
            raise InvalidInputError(f"invalid shift {short_repr(shift)}: expected {self.nvars} integers")
        shift = tuple(self._exponent_vector(shift, "shift"))
        if poly.context() is not self.ctx:
            if tuple(poly.context().names()) != self.names:
                raise InvalidInputError(
                    f"invalid polynomial {short_repr(poly)}: expected generators {self.names!r}"
                )
            if self.domain == "QQ":
                poly = flint.fmpq_mpoly(poly, self.ctx)
            else:
                if not all(_as_fraction(c).denominator == 1 for c in poly.coeffs()):
                    raise InvalidInputError(f"invalid polynomial {short_repr(poly)}: expected integer coefficients")
                poly = _qq_to_zz(poly, self.ctx)
        return self._normalised(poly, shift)

    # -- sympy --------------------------------------------------------------
    def from_sympy(self, expr: Any) -> "LaurentPolynomial":
        """Convert a sympy expression that is a Laurent polynomial in this ring.

        The expression tree is walked (Integer, Rational, Symbol, Add, Mul,
        Pow with integer exponent); nothing is parsed or evaluated.  A
        quotient is accepted when it divides exactly, e.g. ``(x**2-1)/(x-1)``.

        Raises
        ------
        InvalidInputError
            For an unknown symbol, a float, a non-integer exponent, a
            non-integer coefficient over ZZ, or a quotient that is not a
            Laurent polynomial (such as ``1/(x+1)``).

        Examples
        --------
        >>> import sympy
        >>> x, y = sympy.symbols("x y")
        >>> R = LaurentRing(["x", "y"])
        >>> R.from_sympy(x**2 / y - 3)
        x^2*y^-1 - 3
        >>> R.from_sympy(1 / (x + 1))
        Traceback (most recent call last):
        ...
        combalg.core.errors.InvalidInputError: invalid expression 1/(x + 1): expected a Laurent polynomial in ('x', 'y') (the quotient is not exact)
        """
        import sympy

        def walk(e: Any) -> LaurentPolynomial:
            if isinstance(e, (int, Fraction)) and not isinstance(e, bool):
                return self(e)
            if not isinstance(e, sympy.Basic):
                raise InvalidInputError(f"invalid expression {short_repr(e)}: expected a sympy expression or number")
            if isinstance(e, sympy.Integer):
                return self(int(e))
            if isinstance(e, sympy.Rational):
                return self(Fraction(int(e.p), int(e.q)))
            if isinstance(e, sympy.Symbol):
                if e.name not in self._index:
                    raise InvalidInputError(f"invalid symbol {short_repr(e.name)}: expected one of {self.names!r}")
                return self.gen(e.name)
            if isinstance(e, sympy.Add):
                total = self.zero()
                for arg in e.args:
                    total = total + walk(arg)
                return total
            if isinstance(e, sympy.Mul):
                num = self.one()
                den = self.one()
                for arg in e.args:
                    if isinstance(arg, sympy.Pow) and arg.exp.is_Integer and int(arg.exp) < 0:
                        den = den * walk(arg.base) ** (-int(arg.exp))
                    else:
                        num = num * walk(arg)
                return _sympy_quotient(num, den, e)
            if isinstance(e, sympy.Pow):
                if not (isinstance(e.exp, sympy.Integer)):
                    raise InvalidInputError(f"invalid exponent in {e}: expected an integer exponent")
                n = int(e.exp)
                base = walk(e.base)
                if n >= 0:
                    return base**n
                return _sympy_quotient(self.one(), base ** (-n), e)
            raise InvalidInputError(
                f"invalid expression {e}: expected a Laurent polynomial built from numbers, "
                f"symbols {self.names!r}, +, * and integer powers"
            )

        def _sympy_quotient(num: LaurentPolynomial, den: LaurentPolynomial, e: Any) -> LaurentPolynomial:
            if den.is_zero():
                raise LaurentZeroDivisionError(f"invalid expression {e}: division by zero")
            res = num.try_divide(den)
            if not res.exact:
                raise InvalidInputError(
                    f"invalid expression {e}: expected a Laurent polynomial in {self.names!r} "
                    f"(the quotient is not exact)"
                )
            return res.quotient

        return walk(expr)

    def parse(self, text: str, env: Mapping[Any, Any] | None = None) -> "LaurentPolynomial":
        """Parse text such as ``"x^2*y^-1 + 3*lam"`` into this ring.

        Uses the safe parser of [`combalg.core.parsing`][combalg.core.parsing] (no evaluation of
        text); ``str()`` of an element is text this method reads back.

        Raises
        ------
        InvalidInputError
            For a syntax error (with its position) or an unknown name.
        NotExactError
            If a division in the text is not exact in this ring.

        Examples
        --------
        >>> R = LaurentRing(["x", "y"], params=["lam"])
        >>> p = R.parse("(x + lam*y)^2 / (x*y)")
        >>> p
        x^-1*y*lam^2 + 2*lam + x*y^-1
        >>> R.parse(str(p)) == p
        True
        """
        from combalg.core.parsing import expr_to_laurent, parse_expression

        return expr_to_laurent(parse_expression(text), self, env=env)

    def sympy_symbols(self) -> tuple:
        """The sympy Symbols used by [`LaurentPolynomial.as_sympy`][LaurentPolynomial.as_sympy], in `names` order."""
        import sympy

        return tuple(sympy.Symbol(name) for name in self.names)


def _qq_to_zz(poly: Any, ctx: Any) -> Any:
    """An fmpq_mpoly with integral coefficients as an fmpz_mpoly in ``ctx``."""
    if poly.is_zero():
        return ctx.constant(0)
    return ctx.from_dict({k: flint.fmpz(int(_as_fraction(c).numerator)) for k, c in poly.to_dict().items()})


class LaurentPolynomial:
    """An element of a [`LaurentRing`][LaurentRing], ``numerator * x^shift``.

    Do not construct directly; use the ring (``R(3)``, ``R.gen("x")``,
    ``R.from_terms(...)``, ``R.from_sympy(...)``) and arithmetic.

    Attributes
    ----------
    ring : LaurentRing
    numerator : flint.fmpz_mpoly or flint.fmpq_mpoly
        A polynomial with no monomial factor (zero for the zero element).
    shift : tuple of int
        Exponent vector of the monomial factor, one entry per ring name.

    Examples
    --------
    >>> R = LaurentRing(["x", "y"])
    >>> x, y = R.gens()
    >>> p = 2*x**-1 + y
    >>> p
    y + 2*x^-1
    >>> p.numerator, p.shift
    (x*y + 2, (-1, 0))
    >>> p.terms()
    {(0, 1): 1, (-1, 0): 2}
    >>> p.length
    2
    >>> p * x
    x*y + 2
    """

    __slots__ = ("ring", "numerator", "shift")

    ring: LaurentRing
    numerator: Any
    shift: tuple[int, ...]

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # pragma: no cover - guidance only
        raise _DirectConstructionError(
            "invalid LaurentPolynomial(...): create LaurentPolynomial objects through a LaurentRing, "
            "e.g. R(3) or R.gen('x')"
        )

    # -- basic queries --------------------------------------------------------
    @property
    def length(self) -> int:
        """Number of terms (a cheap size measure for budgets)."""
        return len(self.numerator)

    def __len__(self) -> int:
        return len(self.numerator)

    def is_zero(self) -> bool:
        """Whether this is the zero element."""
        return self.numerator.is_zero()

    def __bool__(self) -> bool:
        return not self.numerator.is_zero()

    def is_monomial(self) -> bool:
        """Whether this is a single nonzero term ``c * x^e``."""
        return len(self.numerator) == 1

    def is_unit(self) -> bool:
        """Whether this is invertible in the ring: a monomial with coefficient
        +-1 over ZZ, any nonzero coefficient over QQ."""
        if len(self.numerator) != 1:
            return False
        c = self.numerator.coeffs()[0]
        return self.ring.domain == "QQ" or c == 1 or c == -1

    def is_constant(self) -> bool:
        """Whether this is a constant (possibly zero)."""
        return self.numerator.is_zero() or (len(self.numerator) == 1 and not any(self.shift))

    def is_polynomial(self) -> bool:
        """Whether no generator has a negative exponent."""
        return all(s >= 0 for s in self.shift)

    def is_polynomial_in(self, names: Iterable[str]) -> bool:
        """Whether the named generators occur only with nonnegative exponents.

        ``p.is_polynomial_in(p.ring.params)`` tests "polynomial in the
        parameters"; a Laurent polynomial is always Laurent in the variables.

        Examples
        --------
        >>> R = LaurentRing(["x"], params=["lam"])
        >>> x, lam = R.gens()
        >>> (lam / x).is_polynomial_in(["lam"]), (x / lam).is_polynomial_in(["lam"])
        (True, False)
        """
        from combalg.core.validation import sequence_arg

        if isinstance(names, str):
            names = [names]
        return all(self.shift[self.ring.index(n)] >= 0 for n in sequence_arg("names", names))

    def constant_value(self) -> int | Fraction:
        """The value of a constant element as int (ZZ) or Fraction (QQ).

        Raises
        ------
        InvalidInputError
            If the element is not constant.
        """
        if self.numerator.is_zero():
            return 0 if self.ring.domain == "ZZ" else Fraction(0)
        if not self.is_constant():
            raise InvalidInputError(f"invalid element {_short(self)}: expected a constant")
        return _to_python(self.numerator.coeffs()[0])

    def terms(self) -> dict[tuple[int, ...], int | Fraction]:
        """{exponent tuple: coefficient} (int over ZZ, Fraction over QQ)."""
        s = self.shift
        add = operator.add
        if self.ring.domain == "ZZ":
            coeffs = [int(c) for c in self.numerator.coeffs()]
        else:
            coeffs = [_to_python(c) for c in self.numerator.coeffs()]
        if not any(s):
            return {tuple(map(int, k)): c for k, c in zip(self.numerator.monoms(), coeffs)}
        return {tuple(map(add, map(int, k), s)): c for k, c in zip(self.numerator.monoms(), coeffs)}

    def coefficient(self, exponents: Sequence[int] | Mapping[str, int]) -> int | Fraction:
        """The coefficient of one monomial (0 if absent)."""
        vec = self.ring._exponent_vector(exponents, "exponent vector")
        rel = tuple(e - s for e, s in zip(vec, self.shift))
        if self.numerator.is_zero() or min(rel) < 0:
            return 0 if self.ring.domain == "ZZ" else Fraction(0)
        return _to_python(self.numerator[rel])

    def total_degree(self) -> tuple[int, int]:
        """(lowest, highest) total degree of the terms; (0, 0) for zero."""
        if self.numerator.is_zero():
            return (0, 0)
        degs = [sum(int(e) for e in k) for k in self.numerator.monoms()]
        base = sum(self.shift)
        return (base + min(degs), base + max(degs))

    def degrees(self) -> tuple[tuple[int, int], ...]:
        """Per generator, the (lowest, highest) exponent occurring."""
        if self.numerator.is_zero():
            return tuple((0, 0) for _ in self.shift)
        return tuple((s, s + int(d)) for s, d in zip(self.shift, self.numerator.degrees()))

    def denominator_monomial(self) -> "LaurentPolynomial":
        """The monomial ``x^d`` (d >= 0) of least degree with ``self * x^d`` a polynomial."""
        return self.ring._make(self.ring.ctx.constant(1), tuple(max(0, -s) for s in self.shift))

    # -- coercion helpers ------------------------------------------------------------
    def _other(self, other: Any) -> "LaurentPolynomial | None":
        if isinstance(other, LaurentPolynomial):
            if other.ring is self.ring or other.ring == self.ring:
                return other
            raise InvalidInputError(
                f"invalid operand in ring {other.ring!r}: expected an element of {self.ring!r}"
            )
        if _is_number(other):
            return self.ring(other)
        if isinstance(other, (float, complex)):
            raise InvalidInputError(
                f"invalid operand {short_repr(other)}: floats are not exact; use an int or a Fraction"
            )
        return None

    # -- arithmetic -----------------------------------------------------------
    def __neg__(self) -> "LaurentPolynomial":
        return self.ring._make(-self.numerator, self.shift)

    def __pos__(self) -> "LaurentPolynomial":
        return self

    def __add__(self, other: Any) -> "LaurentPolynomial":
        o = self._other(other)
        if o is None:
            return NotImplemented
        return _add(self, o.numerator, o.shift)

    __radd__ = __add__

    def __sub__(self, other: Any) -> "LaurentPolynomial":
        o = self._other(other)
        if o is None:
            return NotImplemented
        return _add(self, -o.numerator, o.shift)

    def __rsub__(self, other: Any) -> "LaurentPolynomial":
        o = self._other(other)
        if o is None:
            return NotImplemented
        return _add(o, -self.numerator, self.shift)

    def __mul__(self, other: Any) -> "LaurentPolynomial":
        o = self._other(other)
        if o is None:
            return NotImplemented
        poly = self.numerator * o.numerator
        if poly.is_zero():
            return self.ring.zero()
        # a product of polynomials without monomial factors has none
        return self.ring._make(poly, tuple(a + b for a, b in zip(self.shift, o.shift)))

    __rmul__ = __mul__

    def __pow__(self, n: Any) -> "LaurentPolynomial":
        if not isinstance(n, (Integral, flint.fmpz)) or isinstance(n, bool):
            raise InvalidInputError(f"invalid exponent {short_repr(n)}: expected an integer")
        n = int(n)
        if n < 0:
            if self.numerator.is_zero():
                raise LaurentZeroDivisionError(f"invalid power: 0 raised to the negative exponent {n}")
            if not self.is_unit():
                raise NotExactError(
                    f"invalid power ({_short(self)})^{n}: only units (monomials with invertible coefficient) "
                    f"have negative powers in a Laurent ring"
                )
            c = self.numerator.coeffs()[0]
            if self.ring.domain == "ZZ":
                inv = c  # +-1
            else:
                _check_power_bits(self, -n)
                inv = 1 / c
            return self.ring._make(self.ring.ctx.constant(inv ** (-n)), tuple(n * s for s in self.shift))
        if n == 0:
            return self.ring.one()
        if self.numerator.is_zero():
            return self
        if n > 1:
            _check_power_bits(self, n)
        if len(self.numerator) > 1 and n > 1:
            est = _power_term_estimate(self.numerator, n)
            from combalg.core.limits import check

            check("laurent_power_terms", est, f"the power ({self.length} terms)^{n} with up to about {est} terms")
        return self.ring._make(self.numerator**n, tuple(n * s for s in self.shift))

    def try_divide(self, other: Any) -> DivisionResult:
        """Divide in the Laurent ring, reporting whether the division is exact.

        Parameters
        ----------
        other : LaurentPolynomial or number
            A nonzero divisor.

        Returns
        -------
        DivisionResult
            ``exact=True`` with the quotient and a zero remainder, or
            ``exact=False`` with ``q`` and ``r != 0`` such that
            ``self == q*other + r``.

        Notes
        -----
        Write ``self = P x^s`` and ``other = B x^t`` with ``P``, ``B``
        polynomials free of monomial factors.  The division is exact exactly
        when ``B`` divides ``P`` (in ``ZZ[x]`` resp. ``QQ[x]``), and then the
        quotient ``(P/B) x^(s-t)`` is the unique Laurent quotient.  Otherwise
        ``(Q, R) = divmod(P, B)`` is FLINT's multivariate division with
        remainder in degrevlex order (over ZZ the leading coefficients are
        divided as integers, so ``R`` may keep terms that a division over QQ
        would remove), and the result is
        ``q = Q x^(s-t)``, ``r = R x^s``.  Only the identity
        ``self == q*other + r`` with ``r != 0`` is promised: ``q`` and ``r``
        depend on the term order and are not invariants of the Laurent ring.

        Raises
        ------
        LaurentZeroDivisionError
            If ``other`` is zero.
        ResourceLimitError
            If the dividend has degree above [`MAX_DIVISION_DEGREE`][MAX_DIVISION_DEGREE] in
            a variable (after deflation), so that the quotient could be huge.

        Examples
        --------
        >>> R = LaurentRing(["x", "y"])
        >>> x, y = R.gens()
        >>> (x**3 + y**3).try_divide(x*(x + y))
        DivisionResult(exact=True, quotient=x - y + x^-1*y^2, remainder=0)
        """
        o = self._other(other)
        if o is None:
            raise InvalidInputError(f"invalid divisor {short_repr(other)}: expected a Laurent polynomial or number")
        if o.numerator.is_zero():
            raise LaurentZeroDivisionError(f"invalid divisor 0 for {_short(self)}: division by zero")
        ring = self.ring
        if self.numerator.is_zero():
            return DivisionResult(True, self, self)
        shift = tuple(a - b for a, b in zip(self.shift, o.shift))
        _check_division_size(self, o)
        try:
            q = self.numerator / o.numerator
        except _FlintDomainError:  # not exact
            pass
        else:
            return DivisionResult(True, ring._make(q, shift), ring.zero())
        q, r = divmod(self.numerator, o.numerator)
        if r.is_zero():  # pragma: no cover - flint's exact division already succeeded then
            return DivisionResult(True, ring._normalised(q, shift), ring.zero())
        return DivisionResult(False, ring._normalised(q, shift), ring._normalised(r, self.shift))

    def exact_divide(self, other: Any) -> "LaurentPolynomial":
        """The Laurent quotient ``self / other``.

        Raises
        ------
        NotExactError
            If ``other`` does not divide ``self``; the exception carries the
            ``quotient`` and ``remainder`` of [`try_divide`][try_divide].
        LaurentZeroDivisionError
            If ``other`` is zero.
        """
        res = self.try_divide(other)
        if not res.exact:
            raise NotExactError(
                f"not exact: ({_short(self)}) / ({_short(other)}) leaves a remainder with "
                f"{res.remainder.length} term{'s' if res.remainder.length != 1 else ''}",
                quotient=res.quotient,
                remainder=res.remainder,
            )
        return res.quotient

    def __truediv__(self, other: Any) -> "LaurentPolynomial":
        if self._other(other) is None:
            return NotImplemented
        return self.exact_divide(other)

    def __rtruediv__(self, other: Any) -> "LaurentPolynomial":
        o = self._other(other)
        if o is None:
            return NotImplemented
        return o.exact_divide(self)

    def divides(self, other: Any) -> bool:
        """Whether ``self`` divides ``other`` in the Laurent ring."""
        o = self._other(other)
        if o is None:
            raise InvalidInputError(f"invalid argument {short_repr(other)}: expected a Laurent polynomial or number")
        if self.numerator.is_zero():
            return o.numerator.is_zero()
        return o.try_divide(self).exact

    # -- comparison -----------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if isinstance(other, LaurentPolynomial):
            return self.ring == other.ring and self.shift == other.shift and self.numerator == other.numerator
        if _is_number(other):
            if not self.is_constant():
                return False
            return _as_fraction(self.constant_value()) == _as_fraction(other)
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        res = self.__eq__(other)
        return res if res is NotImplemented else not res

    def __hash__(self) -> int:
        if self.is_constant():
            return hash(self.constant_value())
        return hash((self.ring, self.shift, tuple(self.numerator.monoms()),
                     tuple(_to_python(c) for c in self.numerator.coeffs())))

    # -- substitution -----------------------------------------------------------
    def subs(self, values: Mapping[str, Any]) -> "LaurentPolynomial":
        """Substitute exact numbers (int or Fraction) for some generators.

        Parameters
        ----------
        values : mapping
            {name: int or Fraction}.

        Returns
        -------
        LaurentPolynomial
            In the same ring; over ZZ, if a Fraction makes a coefficient
            non-integral, in the QQ version of the ring
            (``ring.with_domain("QQ")``).

        Raises
        ------
        InvalidInputError
            For an unknown name or a non-number value.
        LaurentZeroDivisionError
            If 0 is substituted for a generator with a negative exponent.
        ResourceLimitError
            If the powers of the values could have more than
            [`MAX_POWER_BITS`][MAX_POWER_BITS] bits (e.g. ``2`` for ``x`` in ``x^(10^12)``).

        Examples
        --------
        >>> from fractions import Fraction
        >>> R = LaurentRing(["x", "y"], params=["lam"])
        >>> x, y, lam = R.gens()
        >>> (x * y + lam / x).subs({"lam": -1})
        x*y - x^-1
        >>> (x + y**-1).subs({"y": Fraction(2, 3)})
        x + 3/2
        >>> (x + y**-1).subs({"y": 0})
        Traceback (most recent call last):
        ...
        combalg.core.laurent.LaurentZeroDivisionError: invalid value 0 for 'y': it occurs with exponent -1, so the substitution divides by zero
        """
        ring = self.ring
        if not isinstance(values, Mapping):
            raise InvalidInputError(
                f"invalid values {short_repr(values)}: expected a mapping {{generator name: number}}"
            )
        items = []
        for name, value in values.items():
            i = ring.index(name)
            if not _is_number(value):
                raise InvalidInputError(
                    f"invalid value {short_repr(value)} for {name!r}: expected an int or Fraction")
            items.append((name, i, _as_fraction(value)))
        if not items or self.numerator.is_zero():
            return self
        for name, i, v in items:
            if v == 0 and self.shift[i] < 0:
                raise LaurentZeroDivisionError(
                    f"invalid value 0 for {name!r}: it occurs with exponent {self.shift[i]}, "
                    f"so the substitution divides by zero"
                )
        # refuse before work a substitution whose powers v^e would be enormous
        degs = self.degrees()
        est = 0
        for name, i, v in items:
            if v == 0 or abs(v.numerator) == abs(v.denominator) == 1:
                continue
            top = max(abs(degs[i][0]), abs(degs[i][1]))
            est += top * max(abs(v.numerator).bit_length() - 1, v.denominator.bit_length() - 1, 1)
        if est > MAX_POWER_BITS or est * len(self.numerator) > 10 * MAX_POWER_BITS:
            raise ResourceLimitError(
                f"substitution {dict((n, str(v)) for n, _, v in items)!r} into a polynomial with "
                f"{len(self.numerator)} terms and exponents up to {max(abs(e) for d in degs for e in d)} "
                f"could give coefficients of about {est} bits; the limit is MAX_POWER_BITS = {MAX_POWER_BITS}"
            )
        need_qq = ring.domain == "QQ" or any(
            v.denominator != 1 or (abs(v.numerator) != 1 and self.shift[i] < 0) for _, i, v in items
        )
        work = ring.with_domain("QQ") if need_qq else ring
        poly = self.numerator
        if need_qq and ring.domain == "ZZ":
            poly = flint.fmpq_mpoly(poly, work.ctx)
        scalar = Fraction(1)
        shift = list(self.shift)
        sub = {}
        for name, i, v in items:
            scalar *= v ** shift[i]  # v != 0 when shift[i] < 0 (checked above)
            shift[i] = 0
            sub[name] = flint.fmpq(v.numerator, v.denominator) if need_qq else flint.fmpz(v.numerator)
        poly = poly.subs(sub)
        if scalar != 1:
            poly = poly * (flint.fmpq(scalar.numerator, scalar.denominator) if need_qq else flint.fmpz(scalar.numerator))
        result = work._normalised(poly, shift)
        if need_qq and ring.domain == "ZZ" and all(c.q == 1 for c in result.numerator.coeffs()):
            return ring._make(_qq_to_zz(result.numerator, ring.ctx), result.shift)
        return result

    def evaluate(self, values: Mapping[str, Any]) -> int | Fraction:
        """The exact value at numbers given for every generator that occurs.

        Examples
        --------
        >>> R = LaurentRing(["x", "y"])
        >>> x, y = R.gens()
        >>> (x**2 + 1/y).evaluate({"x": 2, "y": -1})
        3
        """
        res = self.subs(values)
        if not res.is_constant():
            missing = [n for n, (lo, hi) in zip(res.ring.names, res.degrees()) if (lo, hi) != (0, 0)]
            raise InvalidInputError(f"invalid values {short_repr(dict(values))}: no value for {missing!r}")
        v = res.constant_value()
        if isinstance(v, Fraction) and v.denominator == 1:
            return int(v)
        return v

    def change_ring(self, ring: LaurentRing) -> "LaurentPolynomial":
        """The same element in another ring, matching generators by name.

        Raises
        ------
        InvalidInputError
            If a generator that occurs is missing in ``ring``, or a
            coefficient is not integral and ``ring`` is over ZZ.
        """
        if not isinstance(ring, LaurentRing):
            raise InvalidInputError(f"invalid ring {short_repr(ring)}: expected a LaurentRing")
        if ring == self.ring:
            return self
        if ring.names == self.ring.names:
            return ring.from_flint(self.numerator, self.shift)
        mapping = []
        for i, name in enumerate(self.ring.names):
            if name in ring._index:
                mapping.append(ring._index[name])
            else:
                mapping.append(None)
        terms = {}
        for k, c in self.terms().items():
            vec = [0] * ring.nvars
            for i, e in enumerate(k):
                if e:
                    j = mapping[i]
                    if j is None:
                        raise InvalidInputError(
                            f"invalid target ring {short_repr(ring)}: it lacks the generator {short_repr(self.ring.names[i])}"
                        )
                    vec[j] = e
            terms[tuple(vec)] = c
        return ring.from_terms(terms)

    # -- output -------------------------------------------------------------
    def as_sympy(self) -> Any:
        """The element as a sympy expression (Symbols named as the ring's generators).

        Examples
        --------
        >>> R = LaurentRing(["x", "y"])
        >>> x, y = R.gens()
        >>> (x**2 / y - 3).as_sympy()
        x**2/y - 3
        """
        import sympy

        syms = self.ring.sympy_symbols()
        out = []
        for k, c in self.terms().items():
            factors = [sympy.Rational(c.numerator, c.denominator) if isinstance(c, Fraction) else sympy.Integer(c)]
            factors += [sympy.Pow(s, e) for s, e in zip(syms, k) if e]
            out.append(sympy.Mul(*factors))
        return sympy.Add(*out)

    def latex(self) -> str:
        """LaTeX of the value (without ``$``): indexed names as subscripts,
        ``lam`` as ``\\lambda`` (the abbreviation the engines use for it).

        >>> R = LaurentRing(["x[1]"], params=["lam"])
        >>> print((R.gen("x[1]") * R.gen("lam") + 1).latex())
        \\lambda x_{1} + 1
        """
        import sympy

        names = {}
        for s in self.ring.sympy_symbols():
            m = re.match(r"([A-Za-z][A-Za-z0-9_]*)\[(.*)\]\Z", s.name)
            if m:
                base = r"\lambda" if m.group(1) == "lam" else m.group(1)
                names[s] = f"{base}_{{{m.group(2)}}}"
            elif s.name == "lam":
                names[s] = r"\lambda"
        from combalg.core.bignum import unlimited_int_digits

        with unlimited_int_digits():  # sympy prints ints with str()
            return sympy.latex(self.as_sympy(), symbol_names=names)

    def _jsonable_(self) -> dict[str, Any]:
        """``{"variables": [...], "terms": [[exponents, coefficient], ...]}`` (see [`combalg.core.encoding`][combalg.core.encoding])."""
        from combalg.core.encoding import rational_text

        return {"variables": list(self.ring.names),
                "terms": [[list(k), rational_text(c)] for k, c in sorted(self.terms().items())]}

    def _repr_latex_(self) -> str:
        return "$" + self.latex() + "$"

    def _latex(self, printer: Any = None) -> str:
        """What ``sympy.latex(p)`` prints: the same as the Jupyter display."""
        return self.latex()

    def _sympy_(self) -> Any:
        """``sympy.sympify(p)``: see [`as_sympy`][as_sympy]."""
        return self.as_sympy()

    def __str__(self) -> str:
        if self.numerator.is_zero():
            return "0"
        names = self.ring.names
        pieces = []
        for k, c in zip(self.numerator.monoms(), self.numerator.coeffs()):
            # format the flint number itself: no limit on the number of digits
            coeff = c
            mono = []
            for name, e, s in zip(names, k, self.shift):
                e = int(e) + s
                if e == 1:
                    mono.append(name)
                elif e:
                    mono.append(f"{name}^{e}")
            neg = coeff < 0
            a = -coeff if neg else coeff
            if not mono:
                body = str(a)
            elif a == 1:
                body = "*".join(mono)
            else:
                body = f"{a}*" + "*".join(mono)
            if not pieces:
                pieces.append(("-" if neg else "") + body)
            else:
                pieces.append((" - " if neg else " + ") + body)
        return "".join(pieces)

    __repr__ = __str__

    def __reduce__(self):
        return (_rebuild, (self.ring, self.terms()))


def _rebuild(ring: LaurentRing, terms: dict) -> LaurentPolynomial:
    return ring.from_terms(terms)


def _short(value: Any, limit: int = 60) -> str:
    s = str(value)
    return s if len(s) <= limit else s[: limit - 3] + "..."


def _add(a: LaurentPolynomial, poly: Any, shift: tuple[int, ...]) -> LaurentPolynomial:
    """``a + poly * x^shift`` (``poly`` without monomial factor, or zero)."""
    ring = a.ring
    if poly.is_zero():
        return a
    if a.numerator.is_zero():
        return ring._make(poly, shift)
    sa = a.shift
    if sa == shift:
        return ring._normalised(a.numerator + poly, sa)
    low = tuple(x if x < y else y for x, y in zip(sa, shift))
    pa = a.numerator
    if low != sa:
        pa = pa * ring.ctx.term(exp_vec=tuple(x - m for x, m in zip(sa, low)))
    if low != shift:
        poly = poly * ring.ctx.term(exp_vec=tuple(x - m for x, m in zip(shift, low)))
    return ring._normalised(pa + poly, low)


def coefficient_bits(p: LaurentPolynomial) -> int:
    """The largest coefficient size of ``p`` in bits (numerator plus denominator bits).

    A cheap size measure for budgets (see [`MAX_POWER_BITS`][MAX_POWER_BITS]).

    Examples
    --------
    >>> R = LaurentRing(["x"], domain="QQ")
    >>> coefficient_bits(R.parse("255*x - 1/4"))
    8
    """
    if not isinstance(p, LaurentPolynomial):
        raise InvalidInputError(f"invalid p {short_repr(p)}: expected a LaurentPolynomial")
    best = 0
    for c in p.numerator.coeffs():
        if isinstance(c, flint.fmpq):
            b = int(c.p).bit_length() + (int(c.q).bit_length() if c.q != 1 else 0)
        else:
            b = int(c).bit_length()
        if b > best:
            best = b
    return best


def _check_power_bits(p: LaurentPolynomial, n: int) -> None:
    """Refuse ``p**n`` when its coefficients could exceed [`MAX_POWER_BITS`][MAX_POWER_BITS] bits."""
    # log2 of the height, rounded down: 0 for coefficients +-1
    bits = 0
    for c in p.numerator.coeffs():
        if isinstance(c, flint.fmpq):
            b = max(int(c.p).bit_length() - 1, 0) + max(int(c.q).bit_length() - 1, 0)
        else:
            b = max(int(c).bit_length() - 1, 0)
        bits = max(bits, b)
    length = len(p.numerator)
    # |coefficients of p^n| <= (L * H)^n
    est = n * (bits + (length - 1).bit_length())
    if est > MAX_POWER_BITS:
        raise ResourceLimitError(
            f"power ({_short(p)})^{n} could have coefficients of about {est} bits; "
            f"the limit is MAX_POWER_BITS = {MAX_POWER_BITS}"
        )
    if length > 1:
        total = _power_term_estimate(p.numerator, n) * est
        if total > 10 * MAX_POWER_BITS:
            raise ResourceLimitError(
                f"power ({_short(p)})^{n} could need about {total} bits "
                f"(terms times coefficient size); the limit is 10 * MAX_POWER_BITS = {10 * MAX_POWER_BITS}"
            )


def _check_division_size(a: LaurentPolynomial, b: LaurentPolynomial) -> None:
    """Refuse before work a division whose quotient could be a dense polynomial of
    huge degree, such as ``(x^(10^12) - 1) / (x - 1)``.

    The degree that counts is that of the numerators after deflation
    (``x^(2n) - 1`` and ``x^n - 1`` are polynomials in ``x^n``, and so is their
    quotient), so sparse divisions of high degree stay cheap.
    """
    degs = [int(d) for d in a.numerator.degrees()]
    if max(degs, default=0) <= MAX_DIVISION_DEGREE:
        return
    import math

    _, na = a.numerator.deflation()
    _, nb = b.numerator.deflation()
    for d, ga, gb in zip(degs, na, nb):
        g = math.gcd(int(ga), int(gb))
        if d and g and d // g > MAX_DIVISION_DEGREE:
            raise ResourceLimitError(
                f"division ({_short(a)}) / ({_short(b)}): the quotient could be dense of degree "
                f"{d // g} in one variable; the limit is MAX_DIVISION_DEGREE = {MAX_DIVISION_DEGREE}"
            )


def _power_term_estimate(poly: Any, n: int) -> int:
    """An upper bound (capped) for the number of terms of ``poly**n``."""
    cap = MAX_POWER_TERMS + 1
    bound = 1
    for d in poly.degrees():
        bound *= n * int(d) + 1
        if bound > cap:
            break
    length = len(poly)
    # C(n + L - 1, L - 1), computed with a cap
    comb = 1
    k = min(length - 1, n)
    top = n + length - 1
    for i in range(1, k + 1):
        comb = comb * (top - k + i) // i
        if comb > cap:
            break
    return min(bound, comb)
