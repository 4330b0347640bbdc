"""Laurent normal forms on top of FLINT multivariate polynomials (inner loop).

A value is ``P * X^s`` where ``P`` is a FLINT polynomial in the Laurent
variables ``X`` and the (polynomial, never inverted) parameters, ``s`` is an
integer shift vector on ``X``, and ``P`` is normalised to have no monomial
factor in ``X``.  With that normalisation, a division by ``Q * X^t`` is exact
in ``Z[params][X^{+-1}]`` if and only if ``Q`` divides ``P`` in the polynomial
ring (the ``X_i`` are primes not dividing ``Q``), so every division is a single
FLINT exact division.  This module is private: public functions convert the
results to [`combalg.core.laurent`][combalg.core.laurent] values.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Iterable, Sequence

import flint

from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError

__all__ = ["FormRing", "Form", "DivisionFailure"]


class DivisionFailure(Exception):
    """Internal: a division that is not exact (carries the polynomial remainder)."""

    def __init__(self, remainder: "Form", quotient: "Form") -> None:
        super().__init__("division is not exact")
        self.remainder = remainder
        self.quotient = quotient


class FormRing:
    """``Z[params][X^{+-1}]`` (or over ``Q``) with FLINT underneath."""

    def __init__(self, variables: Sequence[str], params: Sequence[str] = (), domain: str = "ZZ") -> None:
        self.variables = tuple(variables)
        self.params = tuple(params)
        names = self.variables + self.params
        if len(set(names)) != len(names):
            raise InvalidInputError(f"invalid variable names {short_repr(names)}: expected distinct names")
        if domain not in ("ZZ", "QQ"):
            raise InvalidInputError(f"invalid domain {short_repr(domain)}: expected 'ZZ' or 'QQ'")
        self.domain = domain
        self.nvars = len(self.variables)
        self.names = names
        cls = flint.fmpz_mpoly_ctx if domain == "ZZ" else flint.fmpq_mpoly_ctx
        self.ctx = cls.get(names, "degrevlex")
        self.zero_shift = (0,) * self.nvars
        self._index = {nm: i for i, nm in enumerate(names)}

    def __repr__(self) -> str:
        return f"FormRing({self.variables!r}, {self.params!r}, {self.domain!r})"

    def __reduce__(self) -> tuple:
        # FLINT contexts do not pickle; the context is rebuilt (and shared) from the names
        return (FormRing, (self.variables, self.params, self.domain))

    def const(self, c) -> "Form":
        if isinstance(c, Fraction):
            if c.denominator != 1 and self.domain == "ZZ":
                raise InvalidInputError(f"invalid coefficient {c}: the ring is over ZZ")
            c = flint.fmpq(c.numerator, c.denominator) if self.domain == "QQ" else int(c)
        return Form(self, self.ctx.constant(c), self.zero_shift)

    def gen(self, name: str) -> "Form":
        i = self._index[name]
        return Form(self, self.ctx.gens()[i], self.zero_shift).normalized()

    def from_terms(self, terms: dict) -> "Form":
        """From ``{exponent tuple over names: coefficient}``; exponents on X may be negative."""
        if not terms:
            return Form(self, self.ctx.constant(0), self.zero_shift)
        nv = self.nvars
        low = [min(e[i] for e in terms) for i in range(nv)]
        shifted = {}
        for e, c in terms.items():
            if c:
                k = tuple(e[i] - low[i] for i in range(nv)) + tuple(e[nv:])
                shifted[k] = c if self.domain == "ZZ" or not isinstance(c, Fraction) else flint.fmpq(c.numerator, c.denominator)
        p = self.ctx.from_dict(shifted) if shifted else self.ctx.constant(0)
        return Form(self, p, tuple(low)).normalized()


def _form_from_terms(ring: FormRing, terms: dict, s: tuple[int, ...]) -> "Form":
    """Rebuild a pickled [`Form`][Form]."""
    if ring.domain == "ZZ":
        coeffs = {k: int(c) for k, c in terms.items()}
    else:
        coeffs = {k: flint.fmpq(Fraction(c).numerator, Fraction(c).denominator) for k, c in terms.items()}
    return Form(ring, ring.ctx.from_dict(coeffs), s)


class Form:
    """``P * X^s`` with ``P`` free of monomial factors in ``X``."""

    __slots__ = ("ring", "p", "s")

    def __init__(self, ring: FormRing, p, s: tuple[int, ...]) -> None:
        self.ring = ring
        self.p = p
        self.s = s

    # -- normal form --------------------------------------------------------
    def normalized(self) -> "Form":
        p = self.p
        if p.is_zero():
            return Form(self.ring, p, self.ring.zero_shift)
        nv = self.ring.nvars
        c = p.term_content().degrees()
        if any(c[:nv]):
            exps = tuple(c[:nv]) + (0,) * (len(c) - nv)
            p = p / self.ring.ctx.term(exp_vec=exps)
            s = tuple(a + b for a, b in zip(self.s, c[:nv]))
            return Form(self.ring, p, s)
        return self

    def _mono(self, shift: Iterable[int]):
        exps = tuple(shift) + (0,) * len(self.ring.params)
        return self.ring.ctx.term(exp_vec=exps)

    # -- arithmetic -----------------------------------------------------------
    def __mul__(self, other: "Form") -> "Form":
        if not isinstance(other, Form):
            other = self.ring.const(other)
        return Form(self.ring, self.p * other.p, tuple(a + b for a, b in zip(self.s, other.s)))

    __rmul__ = __mul__

    def __add__(self, other: "Form") -> "Form":
        if not isinstance(other, Form):
            other = self.ring.const(other)
        if self.p.is_zero():
            return other
        if other.p.is_zero():
            return self
        if self.s == other.s:
            return Form(self.ring, self.p + other.p, self.s).normalized()
        low = tuple(min(a, b) for a, b in zip(self.s, other.s))
        p1 = self.p * self._mono(a - m for a, m in zip(self.s, low))
        p2 = other.p * self._mono(b - m for b, m in zip(other.s, low))
        return Form(self.ring, p1 + p2, low).normalized()

    __radd__ = __add__

    def __neg__(self) -> "Form":
        return Form(self.ring, -self.p, self.s)

    def __sub__(self, other: "Form") -> "Form":
        if not isinstance(other, Form):
            other = self.ring.const(other)
        return self + (-other)

    def __pow__(self, e: int) -> "Form":
        if e < 0:
            raise InvalidInputError(f"invalid exponent {e}: expected a nonnegative integer")
        return Form(self.ring, self.p ** e, tuple(e * a for a in self.s))

    def is_monomial(self) -> bool:
        p = self.p
        return len(p) == 1 and not any(p.degrees()[self.ring.nvars:])

    def is_zero(self) -> bool:
        return self.p.is_zero()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Form):
            return NotImplemented
        if self.ring is not other.ring and (self.ring.names != other.ring.names or self.ring.domain != other.ring.domain):
            return False
        return self.s == other.s and self.p == other.p

    def __hash__(self) -> int:
        return hash((self.s, str(self.p)))

    def __reduce__(self) -> tuple:
        # FLINT polynomials do not pickle: store the terms with Python coefficients
        terms = {tuple(int(e) for e in k): (int(c) if self.ring.domain == "ZZ" else Fraction(int(c.p), int(c.q)))
                 for k, c in self.p.to_dict().items()}
        return (_form_from_terms, (self.ring, terms, self.s))

    def _jsonable_(self) -> dict:
        """``{"names", "shift", "terms": [[exponents, coefficient], ...]}`` (value ``P * X^shift``)."""
        from combalg.core.encoding import rational_text

        return {"names": list(self.ring.names), "shift": list(self.s),
                "terms": [[[int(e) for e in k], rational_text(c)] for k, c in sorted(self.p.to_dict().items())]}

    def __len__(self) -> int:
        return len(self.p)

    @property
    def length(self) -> int:
        """Number of terms."""
        return len(self.p)

    def divide(self, other: "Form") -> "Form":
        """Exact division; raises [`DivisionFailure`][DivisionFailure] with the remainder."""
        if other.p.is_zero():
            raise ZeroDivisionError("division by zero")
        s = tuple(a - b for a, b in zip(self.s, other.s))
        q = other.p
        if len(q) == 1 and not any(q.degrees()[self.ring.nvars:]):
            c = q.leading_coefficient()
            if c == 1:
                return Form(self.ring, self.p, s)
            if c == -1:
                return Form(self.ring, -self.p, s)
        try:
            quo = self.p / q
        except Exception:  # flint DomainError: not exact
            quo, rem = divmod(self.p, q)
            raise DivisionFailure(Form(self.ring, rem, self.s), Form(self.ring, quo, s)) from None
        return Form(self.ring, quo, s)

    # -- output -------------------------------------------------------------
    def terms(self) -> dict[tuple[int, ...], object]:
        """``{exponents over (variables + params): coefficient}`` (X-exponents may be negative)."""
        nv = self.ring.nvars
        out = {}
        for e, c in self.p.to_dict().items():
            k = tuple(e[i] + self.s[i] for i in range(nv)) + tuple(e[nv:])
            out[k] = int(c) if self.ring.domain == "ZZ" else _frac(c)
        return out

    def as_sympy(self):
        import sympy

        syms = [sympy.Symbol(nm) for nm in self.ring.names]
        expr = sympy.Integer(0)
        parts = []
        for e, c in self.terms().items():
            t = sympy.Rational(c.numerator, c.denominator) if isinstance(c, Fraction) else sympy.Integer(c)
            for sym, k in zip(syms, e):
                if k:
                    t = t * sym ** k
            parts.append(t)
        return sympy.Add(*parts) if parts else expr

    def __repr__(self) -> str:
        return f"Form({self.p!s} * X^{self.s})"


def _frac(c) -> Fraction:
    c = flint.fmpq(c)
    return Fraction(int(c.p), int(c.q))


def from_shifted_terms(ring: FormRing, terms: dict, shift: tuple[int, ...]) -> Form:
    """``sum c * X^e`` with ``e`` given already shifted by ``-shift`` (all exponents >= 0)."""
    if ring.domain == "QQ":
        terms = {e: (flint.fmpq(c.numerator, c.denominator) if isinstance(c, Fraction) else c)
                 for e, c in terms.items() if c}
    else:
        terms = {e: c for e, c in terms.items() if c}
    p = ring.ctx.from_dict(terms) if terms else ring.ctx.constant(0)
    return Form(ring, p, tuple(-a for a in shift)).normalized()
