"""A Laurent-phenomenon checker for one-dimensional recurrences.

A recurrence is an equation such as ``x[m]*x[m-4] = x[m-1]*x[m-3] + x[m-2]^2``
(Somos-4): the left side is ``x[m]`` times a *divisor* ``D``, a product of
powers of earlier terms and a nonzero constant (a divisor that can never be
zero); the right side is an expression in earlier terms and parameters (plain
names such as ``a``), which may itself divide, as in
``x[m] = (x[m-1]^2 + 1)/x[m-2]``.  Starting from symbolic initial values
``x[0], ..., x[k-1]``, [`laurent_run`][laurent_run] writes each ``x[m]`` as one
fraction and divides exactly once in
``Z[params][x[0]^{+-1}, ..., x[k-1]^{+-1}]`` (over ``Q`` when constants are
divided by), so a sum such as ``x[m-1]^2/x[m-2] + 1/x[m-2]`` is judged as a
whole; every division is certified.  A run ends with one of three outcomes:

* ``"Laurent"`` -- every value through the requested step is a Laurent
  polynomial (a certificate, by exact division);
* ``"not Laurent"`` -- the first step whose division is not exact, with its
  remainder (or the parameter that ends up in a denominator);
* ``"budget exceeded"`` -- the term-count, memory or time budget (see
  [`Budget`][Budget]), checked before every multiplication and division, ran out
  first; nothing is claimed.

A single product or division whose estimated work passes the limit
``laurent_product_work`` of ``combalg.core.limits`` is refused with
[`ResourceLimitError`][combalg.core.errors.ResourceLimitError] before FLINT, which
cannot be interrupted, starts it.

[`laurent_precheck`][laurent_precheck] is a fast probabilistic test over ``GF(p)`` on random
lines, and [`is_laurent`][is_laurent] tests one given rational function.

Examples
--------
>>> from combalg.lambdadet import laurent_run, somos
>>> r = laurent_run(somos(4), steps=9)
>>> r.status, r.certified_through
('Laurent', 9)
>>> r.values[5]
x[0]^-1*x[1]^-1*x[2]^3 + x[0]^-1*x[2]*x[3] + x[1]^-1*x[3]^2
>>> laurent_run("x[m]*x[m-2] = x[m-1] + 2", steps=6).failing_step
4

References
----------
S. Fomin, A. Zelevinsky, *The Laurent phenomenon*, Adv. in Appl. Math. 28
(2002) 119-144.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Callable, Mapping, Sequence

from combalg.core import limits
from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.core.laurent import LaurentPolynomial, LaurentRing
from combalg.core.parsing import Add, Expr, Indexed, Mul, Name, Neg, Num, Pow, expression_size_bound, parse_equation
from combalg.core.validation import nonnegative_int, positive_int, sequence_arg

__all__ = [
    "Recurrence",
    "parse_recurrence",
    "somos",
    "Budget",
    "LaurentRunResult",
    "laurent_run",
    "PrecheckResult",
    "laurent_precheck",
    "is_laurent",
    "LAURENT",
    "NOT_LAURENT",
    "BUDGET_EXCEEDED",
]

#: Largest order ``k`` (the recurrence uses ``x[m-1] .. x[m-k]``) that is accepted.
MAX_ORDER = 1000

#: Work (see the limit ``laurent_product_work``) spent at most on one product while
#: [`parse_recurrence`][parse_recurrence] checks the right side for a divisor that is zero.
_PARSE_WORK = 10**7

LAURENT = "Laurent"
NOT_LAURENT = "not Laurent"
BUDGET_EXCEEDED = "budget exceeded"


def somos(k: int) -> str:
    """The Somos-``k`` recurrence as text.

    Examples
    --------
    >>> somos(4)
    'x[m]*x[m-4] = x[m-1]*x[m-3] + x[m-2]^2'
    >>> somos(5)
    'x[m]*x[m-5] = x[m-1]*x[m-4] + x[m-2]*x[m-3]'
    """
    if isinstance(k, bool) or not isinstance(k, int) or k < 2:
        raise InvalidInputError(f"invalid k={short_repr(k)}: expected an integer >= 2")
    if k > MAX_ORDER:
        raise ResourceLimitError(f"somos({short_repr(k)}) has an order above the limit MAX_ORDER = {MAX_ORDER}")
    terms = []
    for j in range(1, k // 2 + 1):
        if 2 * j == k:
            terms.append(f"x[m-{j}]^2")
        else:
            terms.append(f"x[m-{j}]*x[m-{k - j}]")
    return f"x[m]*x[m-{k}] = " + " + ".join(terms)


# ---------------------------------------------------------------------------
# the recurrence
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Recurrence:
    """A parsed recurrence ``x[m] * D = RHS``.

    Attributes
    ----------
    text : str
        The equation as given.
    base, index : str
        The sequence name (``x``) and the index name (``m``).
    order : int
        ``k``: the recurrence uses ``x[m-1], ..., x[m-k]``.
    divisor : tuple of (int, int)
        ``D`` as pairs ``(j, e)``: ``x[m-j]^e``; a negative ``e`` (as in
        ``x[m]/x[m-2] = ...``) means that the factor multiplies the right side.
    divisor_coefficient : int or Fraction
        The constant factor of ``D``.
    rhs : Expr
        The right-hand side (syntax tree).
    params : tuple of str
        Parameter names (plain names on either side).
    """

    text: str
    base: str
    index: str
    order: int
    divisor: tuple[tuple[int, int], ...]
    divisor_coefficient: Any
    rhs: Expr
    params: tuple[str, ...]


def _offset(node: Indexed, index: str, text: str) -> int:
    shown = short_repr(text)
    if len(node.indices) != 1:
        raise InvalidInputError(f"invalid recurrence {shown}: {node} should have one index like {node.base}[m-1]")
    try:
        at0 = node.resolve({index: 0})[0]
        at1 = node.resolve({index: 1})[0]
    except InvalidInputError:
        raise InvalidInputError(
            f"invalid recurrence {shown}: the index of {node} should be {index} minus a constant") from None
    if at1 - at0 != 1:
        raise InvalidInputError(f"invalid recurrence {shown}: the index of {node} should be {index} minus a constant")
    return -at0


def parse_recurrence(text: str) -> Recurrence:
    """Parse ``x[m]*D = RHS`` with the safe expression parser.

    Raises
    ------
    InvalidInputError
        If the text does not parse, mixes sequences or index names, lacks
        ``x[m]``, uses later terms on the right, or has a divisor ``D`` that
        can be zero (a sum, a zero constant, or a parameter).

    Examples
    --------
    >>> r = parse_recurrence("x[m]*x[m-2] = x[m-1]^3 + 1")
    >>> r.order, r.divisor
    (2, ((2, 1),))
    >>> parse_recurrence("x[m]*(x[m-1] - x[m-2]) = 1")
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid recurrence 'x[m]*(x[m-1] - x[m-2]) = 1': the left side must be x[m] times a product of earlier terms (a divisor that can never be zero), got x[m]*(x[m - 1] - x[m - 2])
    """
    if isinstance(text, Recurrence):
        return text
    if not isinstance(text, str):
        raise InvalidInputError(f"invalid recurrence {short_repr(text)}: expected text such as 'x[m]*x[m-2] = x[m-1]^2 + 1'")
    shown = short_repr(text)
    lhs, rhs = parse_equation(text)
    # refuse constants such as ((2^10000)^10000)^10000 before any arithmetic
    expression_size_bound(lhs)
    expression_size_bound(rhs)
    nodes = lhs.indexed() + rhs.indexed()
    if not nodes:
        raise InvalidInputError(f"invalid recurrence {shown}: expected a sequence such as x[m]")
    bases = {n.base for n in nodes}
    if len(bases) != 1:
        raise InvalidInputError(f"invalid recurrence {shown}: expected one sequence, found {sorted(bases)}")
    base = bases.pop()
    index_names: set[str] = set()
    for n in nodes:
        for i in n.indices:
            index_names |= {x.name for x in i.walk() if isinstance(x, Name)}
    if len(index_names) != 1:
        raise InvalidInputError(
            f"invalid recurrence {shown}: expected one index name (like m), found {sorted(index_names) or 'none'}")
    index = index_names.pop()
    params = tuple(sorted(lhs.names() | rhs.names()))
    if base in params or index in params:
        raise InvalidInputError(f"invalid recurrence {shown}: {short_repr(base)}/{short_repr(index)} also used as a plain name")
    lo = {_offset(n, index, text) for n in lhs.indexed()}
    ro = {_offset(n, index, text) for n in rhs.indexed()}
    if any(o < 0 for o in lo | ro):
        raise InvalidInputError(f"invalid recurrence {shown}: terms after {base}[{index}] are not allowed")
    if 0 in ro:
        raise InvalidInputError(f"invalid recurrence {shown}: {base}[{index}] may appear only on the left side")
    if 0 not in lo:
        raise InvalidInputError(f"invalid recurrence {shown}: the left side must contain {base}[{index}]")
    order = max(lo | ro)
    if order < 1:
        raise InvalidInputError(f"invalid recurrence {shown}: expected earlier terms such as {base}[{index}-1]")
    if order > MAX_ORDER:
        raise InvalidInputError(
            f"invalid recurrence {shown}: order {order} (it reaches back to {base}[{index}-{order}]) is above "
            f"the limit {MAX_ORDER}")
    # evaluate both sides in a helper ring with u0 = x[m], u_j = x[m-j]
    names = [f"u{j}" for j in range(order + 1)]
    ring = LaurentRing(names, params, "QQ")
    env = {(base, (-j,)): (ring.gen(f"u{j}"), 1) for j in range(order + 1)}
    bad = (f"invalid recurrence {shown}: the left side must be {base}[{index}] times a product of earlier terms "
           f"(a divisor that can never be zero), got {lhs}")
    try:
        lhs_num, lhs_den, _ = _evaluate(lhs, ring, env, {index: 0}, None)
        cap = limits.get("laurent_product_work")
        try:  # a check only (the runs check every divisor step by step): kept cheap
            with limits.limits(laurent_product_work=_PARSE_WORK if cap is None else min(cap, _PARSE_WORK)):
                _evaluate(rhs, ring, env, {index: 0}, None)
        except ResourceLimitError:
            pass  # too costly to evaluate symbolically here; a zero divisor is found by the run
    except _RhsZeroDivision as exc:
        raise InvalidInputError(f"invalid recurrence {shown}: it divides by {exc}, which is zero") from None
    res = lhs_num.try_divide(lhs_den)
    lhs_val = res.quotient
    if not res.exact or lhs_val.is_zero() or not lhs_val.is_monomial():
        raise InvalidInputError(bad)
    shift = lhs_val.shift
    if shift[0] != 1:
        raise InvalidInputError(f"invalid recurrence {shown}: {base}[{index}] must appear to the first power on the left")
    if any(shift[order + 1:]):
        raise InvalidInputError(
            f"invalid recurrence {shown}: the left side contains a parameter "
            f"({', '.join(p for p, e in zip(params, shift[order + 1:]) if e)}), which can be zero; "
            "keep parameters on the right side")
    divisor = tuple((j, shift[j]) for j in range(1, order + 1) if shift[j])
    c = lhs_val.numerator.coeffs()[0]
    coeff = Fraction(int(c.p), int(c.q))
    coeff = coeff.numerator if coeff.denominator == 1 else coeff
    return Recurrence(text, base, index, order, divisor, coeff, rhs, params)


# ---------------------------------------------------------------------------
# budgeted evaluation
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Budget:
    """Limits for [`laurent_run`][laurent_run], checked before every multiplication and division.

    Attributes
    ----------
    max_terms : int
        Largest (estimated) number of terms of a product, power or numerator.
        Products are bounded by the smaller of ``len(a)*len(b)`` and the box of
        exponents of the two factors.
    max_words : int
        Largest estimated memory of one product in machine words (terms times
        coefficient size, with coefficient bit sizes tracked as upper bounds);
        ``25_000_000`` words is about 200 MB.
    max_seconds : float
        Wall-clock limit for the whole run (checked between operations).

    Raises
    ------
    InvalidInputError
        For a limit that is not a positive integer (terms, words) or a
        positive finite number (seconds).

    Examples
    --------
    >>> r = laurent_run("x[m]*x[m-2] = x[m-1]^3 + 1", steps=13, budget=Budget(max_terms=1000))
    >>> r.status, r.is_laurent, r.certified_through
    ('budget exceeded', None, 4)
    """

    max_terms: int = 2_000_000
    max_words: int = 25_000_000
    max_seconds: float = 120.0

    def __post_init__(self) -> None:
        for name in ("max_terms", "max_words"):
            object.__setattr__(self, name, positive_int(name, getattr(self, name)))
        v = self.max_seconds
        if isinstance(v, bool) or not isinstance(v, (int, float, Fraction)) or not v > 0 or v == float("inf"):
            raise InvalidInputError(f"invalid max_seconds={short_repr(v)}: expected a positive finite number of seconds")


class _BudgetExceeded(Exception):
    pass


class _Meter:
    def __init__(self, budget: Budget | None) -> None:
        self.budget = budget
        self.t0 = time.perf_counter()

    def check(self, terms: int, what: str, bits: int = 64) -> None:
        b = self.budget
        if b is None:
            return
        if terms > b.max_terms:
            raise _BudgetExceeded(f"{what} could have up to {terms} terms (max_terms={b.max_terms})")
        words = terms * (2 + (bits + 63) // 64)
        if words > b.max_words:
            raise _BudgetExceeded(
                f"{what} could need up to {words} machine words ({terms} terms of up to {bits} bits; "
                f"max_words={b.max_words})")
        if time.perf_counter() - self.t0 > b.max_seconds:
            raise _BudgetExceeded(f"time limit of {b.max_seconds} s reached")


def _coefficient_bits(v: LaurentPolynomial) -> int:
    """Exact largest bit size of the numerators/denominators of the coefficients."""
    best = 1
    for c in v.numerator.coeffs():
        if hasattr(c, "q"):
            best = max(best, int(c.p).bit_length(), int(c.q).bit_length())
        else:
            best = max(best, int(c).bit_length())
    return best


def _product_bound(a: LaurentPolynomial, b: LaurentPolynomial) -> int:
    """Upper bound for the number of terms of ``a*b``: the smaller of
    ``len(a)*len(b)`` and the size of the box of exponents (normalised
    numerators have minimal exponent 0 in every generator)."""
    la, lb = a.length, b.length
    if la <= 1 or lb <= 1:
        return max(la, lb)
    box = 1
    for da, db in zip(a.numerator.degrees(), b.numerator.degrees()):
        box *= int(da) + int(db) + 1
        if box >= la * lb:
            return la * lb
    return box


def _work(la: int, lb: int, ba: int, bb: int) -> int:
    """Estimated work of a product (or an exact division) in FLINT: the term products
    ``la * lb`` times the machine words of the two coefficients (bit sizes ``ba``, ``bb``)."""
    return la * lb * (2 + ba // 64 + bb // 64)


def _check_work(work: int, what: str) -> None:
    """Refuse, before FLINT starts (it cannot be interrupted), one operation past the limit
    ``laurent_product_work`` of ``combalg.core.limits``."""
    limits.check("laurent_product_work", work,
                 f"{what} in the Laurent run, an estimated {short_repr(work)} word operations in one FLINT call,")


def _mul(a, b, meter: _Meter | None, what: str):
    """Multiply (value, bits) pairs after checking the budget and the work of the product."""
    (va, ba), (vb, bb) = a, b
    if va.is_unit() and va.numerator.coeffs()[0] in (1, -1):
        return va * vb, bb
    if vb.is_unit() and vb.numerator.coeffs()[0] in (1, -1):
        return va * vb, ba
    bits = ba + bb + max(1, min(va.length, vb.length)).bit_length()
    if meter is not None:
        meter.check(_product_bound(va, vb), what, bits)
    _check_work(_work(va.length, vb.length, ba, bb), what)
    return va * vb, bits


def _power(v, e: int, ring: LaurentRing, meter: _Meter | None):
    """``v**e`` (``e >= 0``) for a (value, bits) pair by binary powering, checking each product."""
    if e < 0:  # pragma: no cover - callers pass nonnegative exponents
        raise ValueError("negative exponent")
    result = (ring.one(), 1)
    base = v
    while e:
        if e & 1:
            result = _mul(result, base, meter, "a power")
        e >>= 1
        if e:
            base = _mul(base, base, meter, "a power")
    return result


class _RhsZeroDivision(Exception):
    """Internal: the right side divides by something that evaluates to zero."""


def _evaluate(expr: Expr, ring: LaurentRing, env: Mapping, indices: Mapping[str, int], meter: _Meter | None):
    """Evaluate a syntax tree to a fraction ``(numerator, denominator, bits)``.

    Nothing is divided here: a division in the expression multiplies the
    denominator, so that the single exact division done by the caller decides
    whether the whole value is a Laurent polynomial (an intermediate quotient
    such as ``x[m-1]^2/x[m-2]`` need not be one while the sum is).  ``env``
    holds (value, bits) pairs; ``bits`` bounds the coefficient sizes of both
    parts.  Raises [`_RhsZeroDivision`][_RhsZeroDivision] when a divisor evaluates to zero.
    """
    one = ring.one()

    def const(c) -> tuple:
        f = Fraction(c)
        return ring(c), one, max(abs(f.numerator).bit_length(), f.denominator.bit_length(), 1)

    def mul(a, b, what):
        (na, da, ba), (nb, db, bb) = a, b
        n, bn = _mul((na, ba), (nb, bb), meter, what)
        d, bd = _mul((da, ba), (db, bb), meter, what)
        return n, d, max(bn, bd)

    def ev(e: Expr) -> tuple:
        if isinstance(e, Num):
            return const(e.value)
        if isinstance(e, Name):
            return ring.gen(e.name), one, 1
        if isinstance(e, Indexed):
            v, b = env[(e.base, e.resolve(indices))]
            return v, one, b
        if isinstance(e, Neg):
            n, d, b = ev(e.operand)
            return -n, d, b
        if isinstance(e, Add):
            n, d, bits = ring.zero(), one, 1
            for t in e.terms:
                tn, td, tb = ev(t)
                if td == d:
                    n, bits = n + tn, max(bits, tb) + 1
                else:
                    left, bl = _mul((n, bits), (td, tb), meter, "a sum of fractions")
                    right, br = _mul((tn, tb), (d, bits), meter, "a sum of fractions")
                    d, bd = _mul((d, bits), (td, tb), meter, "a sum of fractions")
                    n, bits = left + right, max(bl, br, bd) + 1
            return n, d, bits
        if isinstance(e, Mul):
            acc = (one, one, 1)
            for f in e.factors:
                acc = mul(acc, ev(f), "a product")
            for dv in e.divisors:
                n, d, b = ev(dv)
                if n.is_zero():
                    raise _RhsZeroDivision(str(dv))
                acc = mul(acc, (d, n, b), "a quotient")
            return acc
        if isinstance(e, Pow):
            n, d, b = ev(e.base)
            k = e.exponent
            if k < 0:
                if n.is_zero():
                    raise _RhsZeroDivision(str(e))
                n, d, k = d, n, -k
            pn, bn = _power((n, b), k, ring, meter)
            pd, bd = _power((d, b), k, ring, meter)
            return pn, pd, max(bn, bd)
        raise InvalidInputError(f"invalid expression node {short_repr(e)}")  # pragma: no cover

    return ev(expr)


# ---------------------------------------------------------------------------
# the run
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class LaurentRunResult:
    """Outcome of [`laurent_run`][laurent_run].

    Attributes
    ----------
    status : {"Laurent", "not Laurent", "budget exceeded"}
    steps : int
        The requested last index.
    certified_through : int
        The last index ``m`` whose value was certified to be a Laurent
        polynomial (``order - 1`` if none was computed).
    failing_step : int or None
        For "not Laurent": the index of the first value that is not Laurent;
        for "budget exceeded": the index being computed when the budget ran out.
    remainder : LaurentPolynomial or None
        For "not Laurent": the division remainder (FLINT ``divmod``, degrevlex).
    remainder_terms : int or None
    reason : str
        One line explaining the outcome.
    values : tuple of LaurentPolynomial
        ``x[0], ..., x[certified_through]``.
    positive : bool
        Whether every computed value has only positive coefficients.
    seconds : float

    Examples
    --------
    >>> r = laurent_run("x[m]*x[m-2] = x[m-1] + 2", steps=6)
    >>> r.status, r.is_laurent, r.failing_step, r.certified_through
    ('not Laurent', False, 4, 3)
    >>> r.summary()
    'NOT Laurent: x[4] fails: the division by the divisor leaves a remainder with 1 terms'
    """

    status: str
    steps: int
    certified_through: int
    failing_step: int | None
    remainder: LaurentPolynomial | None
    remainder_terms: int | None
    reason: str
    values: tuple = field(repr=False)
    positive: bool
    seconds: float

    @property
    def is_laurent(self) -> bool | None:
        """True (certified), False (a division failed) or None (budget exceeded)."""
        return {LAURENT: True, NOT_LAURENT: False}.get(self.status)

    def summary(self) -> str:
        """One line for humans."""
        if self.status == LAURENT:
            sizes = [v.length for v in self.values]
            return (f"Laurent through x[{self.certified_through}] (certified by exact division; "
                    f"largest value {max(sizes)} terms; positive coefficients: {'yes' if self.positive else 'no'})")
        if self.status == NOT_LAURENT:
            return f"NOT Laurent: x[{self.failing_step}] fails: {self.reason}"
        return (f"budget exceeded while computing x[{self.failing_step}] ({self.reason}); "
                f"certified Laurent through x[{self.certified_through}]; nothing is claimed beyond")


def _initial_ring(rec: Recurrence, initial: Any) -> tuple[LaurentRing, list[Any]]:
    k = rec.order
    if initial is None:
        initial = [f"{rec.base}[{i}]" for i in range(k)]
    if isinstance(initial, (str, bytes)) or not isinstance(initial, Sequence):
        raise InvalidInputError(f"invalid initial values {short_repr(initial)}: expected a list of {k} names or numbers")
    if len(initial) != k:
        raise InvalidInputError(f"invalid initial values {short_repr(initial)}: expected {k} values for a recurrence of order {k}")
    names: list[str] = []
    items: list[Any] = []
    rational = not (rec.divisor_coefficient in (1, -1))
    from combalg.lambdadet.matrices import _number

    for v in initial:
        if isinstance(v, bool):
            raise InvalidInputError(f"invalid initial value {short_repr(v)}: expected a name or a number")
        num = _number(v)
        if num is not None:
            if isinstance(num, Fraction):
                rational = True
            items.append(("num", num))
            continue
        nm = getattr(v, "name", v) if type(v).__module__.startswith("sympy") else v
        if isinstance(nm, str):
            names.append(nm)
            items.append(("sym", nm))
            continue
        raise InvalidInputError(f"invalid initial value {short_repr(v)}: expected a name or a number")
    for e in _numbers(rec.rhs):
        if isinstance(e, Fraction) and e.denominator != 1:
            rational = True
    if any(c not in (0, 1, -1) for c in _divided_numbers(rec.rhs)):
        rational = True
    ring = LaurentRing(names, rec.params, "QQ" if rational else "ZZ")
    return ring, [ring.gen(v) if kind == "sym" else ring(v) for kind, v in items]


def _numbers(expr: Expr):
    for node in expr.walk():
        if isinstance(node, Num):
            yield node.value


def _divided_numbers(expr: Expr, divided: bool = False):
    """The constants that occur inside a divisor or a negative power."""
    if isinstance(expr, Num):
        if divided:
            yield expr.value
    elif isinstance(expr, Neg):
        yield from _divided_numbers(expr.operand, divided)
    elif isinstance(expr, Add):
        for t in expr.terms:
            yield from _divided_numbers(t, divided)
    elif isinstance(expr, Mul):
        for f in expr.factors:
            yield from _divided_numbers(f, divided)
        for d in expr.divisors:
            yield from _divided_numbers(d, True)
    elif isinstance(expr, Pow):
        yield from _divided_numbers(expr.base, divided or expr.exponent < 0)


def _positive(v: LaurentPolynomial) -> bool:
    return all(c > 0 for c in v.numerator.coeffs())


def laurent_run(recurrence: Any, initial: Any = None, steps: int = 10, params: Sequence[str] = (),
                budget: Budget | None = Budget(), progress: Callable[[int], None] | None = None
                ) -> LaurentRunResult:
    """Compute a recurrence symbolically and certify the Laurent property step by step.

    Parameters
    ----------
    recurrence : str or Recurrence
        For example ``"x[m]*x[m-4] = x[m-1]*x[m-3] + x[m-2]^2"``, or [`somos`][somos].
    initial : list, optional
        The initial values ``x[0], ..., x[k-1]``: names (symbols) or numbers.
        Default: the symbols ``x[0], ..., x[k-1]``.
    steps : int
        The last index ``m`` to compute (values are ``x[0] .. x[steps]``).
    params : sequence of str
        Expected parameter names; the plain names of the recurrence must be
        among them when given (a guard against typos).
    budget : Budget or None
        Term-count, memory and time limits, checked before every
        multiplication and division (``None``: no limit -- may exhaust memory).
    progress : callable, optional
        Called with ``m`` before each step (the command line uses it for a
        progress bar).

    Returns
    -------
    LaurentRunResult

    Raises
    ------
    InvalidInputError
        If the recurrence does not parse or has a divisor that can be zero, the
        initial values are malformed, or a divisor evaluates to zero.
    ResourceLimitError
        If one product or exact division would pass the limit
        ``laurent_product_work`` of ``combalg.core.limits``
        (estimated before FLINT starts it: a FLINT call cannot be interrupted), or
        ``steps + 1`` values would pass the limit ``sequence_length``.  The limits
        hold with ``budget=None`` too.

    Examples
    --------
    >>> r = laurent_run("x[m]*x[m-2] = x[m-1]^2 + 1", steps=8)
    >>> r.status, r.positive
    ('Laurent', True)
    >>> r = laurent_run(somos(8), steps=16)
    >>> r.status, r.failing_step, r.remainder_terms
    ('not Laurent', 16, 404)
    >>> laurent_run("x[m]*x[m-2] = x[m-1]^3 + 1", steps=13, budget=Budget(max_terms=10_000)).status
    'budget exceeded'
    """
    rec = parse_recurrence(recurrence)
    steps = nonnegative_int("steps", steps)
    if progress is False:
        progress = None
    if progress is not None and not callable(progress):
        raise InvalidInputError(f"invalid progress={short_repr(progress)}: expected a callable f(m) or None")
    if budget is not None and not isinstance(budget, Budget):
        raise InvalidInputError(f"invalid budget={short_repr(budget)}: expected a Budget or None")
    limits.check("sequence_length", steps + 1, f"a run keeping {short_repr(steps + 1)} values")
    if params is None:
        params = ()
    if isinstance(params, str):
        params = (params,)
    params = sequence_arg("params", params)
    for nm in params:
        if not isinstance(nm, str):
            raise InvalidInputError(f"invalid params {short_repr(params)}: expected parameter names (text)")
    if params:
        unknown = set(rec.params) - set(params)
        if unknown:
            raise InvalidInputError(f"invalid recurrence {short_repr(rec.text)}: unknown names {sorted(unknown)} (params={list(params)})")
    ring, values = _initial_ring(rec, initial)
    k = rec.order
    values = values[: steps + 1] if steps < k else values
    meter = _Meter(budget)
    positive = all(_positive(v) for v in values)
    t0 = time.perf_counter()

    def result(status, failing, rem, reason):
        return LaurentRunResult(status, steps, len(values) - 1, failing, rem,
                                None if rem is None else rem.length, reason, tuple(values),
                                positive, time.perf_counter() - t0)

    bits = [_coefficient_bits(v) for v in values]
    for m in range(k, steps + 1):
        if progress is not None:
            progress(m)
        env = {(rec.base, (m - j,)): (values[m - j], bits[m - j]) for j in range(1, k + 1)}
        try:
            meter.check(0, "")
            try:
                num, rhs_den, num_bits = _evaluate(rec.rhs, ring, env, {rec.index: m}, meter)
            except _RhsZeroDivision as exc:
                raise InvalidInputError(
                    f"the right side of {short_repr(rec.text)} divides by {exc}, which is zero at step {m}") from None
            den = (ring(rec.divisor_coefficient), 1)
            for j, e in rec.divisor:
                pw = _power((values[m - j], bits[m - j]), abs(e), ring, meter)
                if e > 0:
                    den = _mul(den, pw, meter, "the divisor")
                else:  # a factor x[m-j]^|e| moved to the right side
                    num, num_bits = _mul((num, num_bits), pw, meter, "the numerator")
            den = _mul(den, (rhs_den, num_bits), meter, "the divisor")[0]
            if den.is_zero():
                raise InvalidInputError(f"the divisor of {short_repr(rec.text)} is zero at step {m}")
            meter.check(num.length, "the numerator", num_bits)
            if den.length > 1:  # dividing by a monomial costs one pass over the numerator
                _check_work(_work(num.length, den.length, num_bits, _coefficient_bits(den)), "the division")
            res = num.try_divide(den)
        except _BudgetExceeded as exc:
            return result(BUDGET_EXCEEDED, m, None, str(exc))
        if not res.exact:
            return result(NOT_LAURENT, m, res.remainder,
                          f"the division by the divisor leaves a remainder with {res.remainder.length} terms")
        q = res.quotient
        if rec.params and not q.is_polynomial_in(rec.params):
            return result(NOT_LAURENT, m, None, "a parameter appears in a denominator")
        positive = positive and _positive(q)
        values.append(q)
        bits.append(_coefficient_bits(q))
    return result(LAURENT, None, None, f"every division through x[{steps}] is exact")


# ---------------------------------------------------------------------------
# modular pre-check on random lines
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class PrecheckResult:
    """Outcome of [`laurent_precheck`][laurent_precheck].

    ``probably_laurent`` is False only with a proof-quality witness over
    ``GF(p)`` restricted to a line (a denominator factor that is not an
    initial value); True means "no failure seen" (probabilistic).
    """

    probably_laurent: bool
    first_failure: int | None
    prime: int
    trials: int
    checked_through: int


def _is_prime(p: int) -> bool:
    import flint
    return bool(flint.fmpz(p).is_prime())


def _nmod_poly(coeffs, p):
    import flint
    return flint.nmod_poly(coeffs, p)


class _DegreeExceeded(Exception):
    """Internal: a power in the precheck would pass ``max_degree`` (found before FLINT computes it)."""


def _checked_pow(x: "_RF", e: int, max_degree: int) -> "_RF":
    """``x ** e`` after checking that its degree stays within ``max_degree``:
    FLINT's powering cannot be interrupted, so a huge power is refused up front."""
    if abs(e) * max(x.n.degree(), x.d.degree(), 0) > max_degree:
        raise _DegreeExceeded
    return x ** e


class _RF:
    """A reduced fraction of nmod_polys (internal)."""

    __slots__ = ("n", "d")

    def __init__(self, n, d, reduce: bool = True) -> None:
        if reduce:
            g = n.gcd(d)
            if g.degree() > 0:
                n, d = n // g, d // g
            lc = d.coeffs()[-1]
            if int(lc) != 1:
                inv = lc ** -1
                n, d = n * inv, d * inv
        self.n, self.d = n, d

    def __add__(self, o):
        return _RF(self.n * o.d + o.n * self.d, self.d * o.d)

    def __neg__(self):
        return _RF(-self.n, self.d, False)

    def __mul__(self, o):
        return _RF(self.n * o.n, self.d * o.d)

    def inv(self):
        if self.n.is_zero():
            raise ZeroDivisionError
        return _RF(self.d, self.n)

    def __pow__(self, e):
        if e < 0:
            return self.inv() ** (-e)
        return _RF(self.n ** e, self.d ** e, False)


def laurent_precheck(recurrence: Any, steps: int = 10, initial: Any = None, prime: int | None = None,
                     trials: int = 2, seed: int = 0, max_degree: int | None = None,
                     max_seconds: float = 120.0) -> PrecheckResult:
    """Fast probabilistic Laurent test over ``GF(p)`` on random lines.

    The initial values are restricted to a random line ``x[i] = a_i + b_i t``
    (parameters to random constants) and the sequence is computed as reduced
    fractions in ``GF(p)(t)``.  A Laurent value has a denominator that is a
    product of the ``a_i + b_i t``; any other factor proves (over ``GF(p)``,
    on that line) that the value is not Laurent.  "No failure seen" is only
    evidence; certify with [`laurent_run`][laurent_run].  Degrees above ``max_degree``
    or a total time above ``max_seconds`` stop a trial early;
    ``checked_through`` reports how far every trial got.

    Examples
    --------
    >>> laurent_precheck(somos(8), steps=17).first_failure
    16
    >>> laurent_precheck(somos(5), steps=15).probably_laurent
    True
    """
    rec = parse_recurrence(recurrence)
    k = rec.order
    steps = nonnegative_int("steps", steps)
    trials = positive_int("trials", trials)
    if max_degree is None:  # the limit laurent_degree of combalg.core.limits (default 20000)
        from combalg.core.limits import get

        lim = get("laurent_degree")
        max_degree = 10**18 if lim is None else lim
    max_degree = positive_int("max_degree", max_degree)
    Budget(max_seconds=max_seconds)  # validates the time limit
    t_start = time.perf_counter()
    p = 2305843009213693951 if prime is None else prime  # 2^61 - 1
    if isinstance(p, bool) or not isinstance(p, int) or p < 2 ** 16 or p >= 2 ** 64 or not _is_prime(p):
        raise InvalidInputError(f"invalid prime={short_repr(prime)}: expected a prime between 2^16 and 2^64")
    if initial is not None:
        from combalg.lambdadet.matrices import _number

        if isinstance(initial, (str, bytes)) or not isinstance(initial, Sequence) or len(initial) != k:
            raise InvalidInputError(
                f"invalid initial values {short_repr(initial)}: expected {k} values for a recurrence of order {k}")
        normalised = []
        for v in initial:
            num = None if isinstance(v, bool) else _number(v)
            if num is not None:
                normalised.append(num)
            elif isinstance(v, str) or (not isinstance(v, (bool, float)) and isinstance(getattr(v, "name", None), str)):
                normalised.append(None)  # a symbol: a random line
            else:
                raise InvalidInputError(f"invalid initial value {short_repr(v)}: expected a name or a number")
        initial = normalised

    def frac(f: Fraction) -> _RF:
        if f.denominator % p == 0:
            raise InvalidInputError(f"invalid prime={p}: it divides the denominator of the constant {f}")
        return _RF(_nmod_poly([f.numerator % p], p), _nmod_poly([f.denominator % p], p))

    rng = random.Random(seed)
    first = None
    checked = steps
    for _ in range(trials):
        one = _nmod_poly([1], p)
        lines = []
        vals: list[_RF] = []
        for i in range(k):
            v = None if initial is None else initial[i]
            if isinstance(v, (int, Fraction)) and not isinstance(v, bool):
                vals.append(frac(Fraction(v)))
            else:
                line = _nmod_poly([rng.randrange(1, p), rng.randrange(1, p)], p)
                lines.append(line)
                vals.append(_RF(line, one, False))
        pvals = {nm: _RF(_nmod_poly([rng.randrange(1, p)], p), one, False) for nm in rec.params}
        deterministic = not lines and not pvals

        def ev(e: Expr, m: int) -> _RF:
            if isinstance(e, Num):
                return frac(Fraction(e.value))
            if isinstance(e, Name):
                return pvals[e.name]
            if isinstance(e, Indexed):
                return vals[e.resolve({rec.index: m})[0]]
            if isinstance(e, Neg):
                return -ev(e.operand, m)
            if isinstance(e, Add):
                out = ev(e.terms[0], m)
                for t in e.terms[1:]:
                    out = out + ev(t, m)
                return out
            if isinstance(e, Mul):
                out = ev(e.factors[0], m)
                for f in e.factors[1:]:
                    out = out * ev(f, m)
                for d in e.divisors:
                    out = out * ev(d, m).inv()
                return out
            if isinstance(e, Pow):
                return _checked_pow(ev(e.base, m), e.exponent, max_degree)
            raise InvalidInputError(f"invalid expression node {short_repr(e)}")  # pragma: no cover

        c = Fraction(rec.divisor_coefficient)
        for m in range(k, steps + 1):
            try:
                num = ev(rec.rhs, m)
                den = frac(c)
                for j, e in rec.divisor:
                    den = den * _checked_pow(vals[m - j], e, max_degree)
                v = num * den.inv()
            except _DegreeExceeded:  # a power would pass max_degree: stop this trial here
                checked = min(checked, m - 1)
                break
            except ZeroDivisionError:
                if deterministic:
                    raise InvalidInputError(
                        f"the recurrence {short_repr(rec.text)} divides by zero at step {m} (modulo {p})") from None
                checked = min(checked, m - 1)
                break
            if max(v.n.degree(), v.d.degree()) > max_degree or time.perf_counter() - t_start > max_seconds:
                checked = min(checked, m - 1)
                break
            d = v.d
            for line in lines:
                while d.degree() > 0:
                    q, r = divmod(d, line)
                    if not r.is_zero():
                        break
                    d = q
            if d.degree() > 0:
                first = m if first is None else min(first, m)
                break
            vals.append(v)
    if first is not None:
        checked = min(checked, first - 1)
    return PrecheckResult(first is None, first, p, trials, checked)


# ---------------------------------------------------------------------------
# one rational function
# ---------------------------------------------------------------------------

def is_laurent(expr: Any, variables: Sequence[Any]) -> bool:
    """Whether a rational function is a Laurent polynomial in ``variables``.

    The expression must be a rational function of its symbols: after
    cancelling, its numerator must be a polynomial in all of its symbols
    (``sqrt(x)``, ``x**y`` or ``sin(x)`` make the answer False) and its
    denominator a monomial in ``variables`` times a nonzero constant.  Any
    other symbol (a parameter) may appear in the numerator but not in the
    denominator.  Variables given by name match the symbols of that name,
    whatever their assumptions.

    Parameters
    ----------
    expr : SymPy expression, LaurentPolynomial or number
        Text is refused: it is never sympified.
    variables : sequence of SymPy symbols or names

    Returns
    -------
    bool

    Raises
    ------
    InvalidInputError
        If ``expr`` is text, not an expression, or undefined (``zoo``,
        ``nan``, infinities); or a variable is neither a Symbol nor a name.

    Examples
    --------
    >>> import sympy
    >>> x, y, a = sympy.symbols("x y a")
    >>> is_laurent((x**2 + y**2) / (x * y) + 1 / x**3, [x, y])
    True
    >>> is_laurent((x**2 - y**2) / (x - y), [x, y]), is_laurent(1 / (x + y), [x, y])
    (True, False)
    >>> is_laurent(x / a, [x]), is_laurent(a**2 / x, [x])
    (False, True)
    >>> is_laurent(sympy.sqrt(x), [x]), is_laurent(sympy.sin(x) / x, [x])
    (False, False)

    References
    ----------
    S. Fomin, A. Zelevinsky, *The Laurent phenomenon*, Adv. in Appl. Math. 28
    (2002) 119-144.
    """
    import sympy

    if isinstance(variables, (str, bytes)) or not isinstance(variables, (Sequence, set, frozenset, tuple)):
        raise InvalidInputError(f"invalid variables {short_repr(variables)}: expected a sequence of Symbols or names")
    names = set()
    for v in variables:
        if isinstance(v, sympy.Symbol):
            names.add(v.name)
        elif isinstance(v, str) and v:
            names.add(v)
        else:
            raise InvalidInputError(f"invalid variable {short_repr(v)}: expected a SymPy Symbol or a name")
    if isinstance(expr, LaurentPolynomial):
        return expr.is_polynomial_in([nm for nm in expr.ring.names if nm not in names])
    if isinstance(expr, (str, bytes)):
        raise InvalidInputError("invalid expr: expected a SymPy expression (text is never sympified)")
    if not isinstance(expr, sympy.Basic):
        if isinstance(expr, bool) or not isinstance(expr, (int, Fraction)):
            raise InvalidInputError(f"invalid expr {short_repr(expr)}: expected a SymPy expression or an exact number")
        return True
    if not isinstance(expr, sympy.Expr):
        raise InvalidInputError(f"invalid expr {short_repr(expr)}: expected a SymPy expression, not a {type(expr).__name__}")
    if expr.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
        raise InvalidInputError(f"invalid expr {short_repr(expr)}: it is undefined (division by zero or infinity)")
    free = expr.free_symbols
    var_syms = [x for x in free if x.name in names]
    num, den = sympy.fraction(sympy.cancel(sympy.together(expr)))
    if den == 0:  # pragma: no cover - caught by the zoo test above
        raise InvalidInputError(f"invalid expr {short_repr(expr)}: division by zero")
    symbols = sorted(free, key=lambda x: x.name)
    if not num.is_polynomial(*symbols) or not den.is_polynomial(*symbols):
        return False
    if den.free_symbols - set(var_syms):
        return False
    if not den.free_symbols:
        return True
    return len(sympy.Poly(den, *var_syms).terms()) == 1
