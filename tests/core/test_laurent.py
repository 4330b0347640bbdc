"""Tests of combalg.core.laurent.

Oracles: the lambda-determinant values and counts of the lambda_det spec
(sections 2 and 5), the Somos sequences and Laurentness verdicts of spec
section 6, and independent brute-force evaluation of term dictionaries with
Fractions.
"""

from __future__ import annotations

import itertools
import math
import pickle
from fractions import Fraction

import pytest
import sympy
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from combalg.core.errors import InvalidInputError, NotExactError, ResourceLimitError
from combalg.core.laurent import DivisionResult, LaurentRing, LaurentZeroDivisionError
from combalg.strategies.laurent import (
    laurent_monomials,
    laurent_polynomials,
    nonzero_laurent_polynomials,
    substitution_values,
)

R = LaurentRing(["x", "y", "z"], params=["lam"])
RQ = LaurentRing(["x", "y", "z"], params=["lam"], domain="QQ")
x, y, z, lam = R.gens()


# ---------------------------------------------------------------------------
# independent helpers
# ---------------------------------------------------------------------------

def brute_value(p, values):
    """Evaluate from the term dictionary with Fractions (not via subs)."""
    total = Fraction(0)
    for exps, c in p.terms().items():
        t = Fraction(c)
        for name, e in zip(p.ring.names, exps):
            t *= Fraction(values[name]) ** e
        total += t
    return total


def lambda_det(matrix_names, n, ring, lam_value=None):
    """The lambda-Dodgson recurrence with x[0] = 1 (spec section 1)."""
    L = ring.gen("lam") if lam_value is None else ring(lam_value)
    prev = [[ring.one()] * (n + 1) for _ in range(n + 1)]
    cur = [[ring.gen(matrix_names[i][j]) for j in range(n)] for i in range(n)]
    for k in range(1, n):
        m = n - k
        new = [[None] * m for _ in range(m)]
        for i in range(m):
            for j in range(m):
                num = cur[i][j] * cur[i + 1][j + 1] + L * cur[i][j + 1] * cur[i + 1][j]
                new[i][j] = num.exact_divide(prev[i + 1][j + 1])
        prev, cur = cur, new
    return cur[0][0]


def generic_ring(n, params=("lam",)):
    names = [[f"a[{i + 1},{j + 1}]" for j in range(n)] for i in range(n)]
    return names, LaurentRing([v for row in names for v in row], params=params)


# ---------------------------------------------------------------------------
# spec oracles
# ---------------------------------------------------------------------------

def test_lambda_det_n2_n3_explicit():
    names, ring = generic_ring(2)
    a11, a12, a21, a22, L = ring.gens()
    assert lambda_det(names, 2, ring) == a11 * a22 + L * a12 * a21
    names, ring = generic_ring(3)
    g = {n: ring.gen(n) for n in ring.names}
    a = lambda i, j: g[f"a[{i},{j}]"]  # noqa: E731
    L = g["lam"]
    expected = (
        a(1, 1) * a(2, 2) * a(3, 3) + L * a(1, 1) * a(2, 3) * a(3, 2) + L * a(1, 2) * a(2, 1) * a(3, 3)
        + L**2 * a(1, 2) * a(2, 3) * a(3, 1) + L**2 * a(1, 3) * a(2, 1) * a(3, 2)
        + L**3 * a(1, 3) * a(2, 2) * a(3, 1)
        + L * (1 + L) * a(1, 2) * a(2, 1) * a(2, 3) * a(3, 2) * a(2, 2) ** -1
    )
    result = lambda_det(names, 3, ring)
    assert result == expected
    assert result.is_polynomial_in(ring.params)
    assert result.shift[ring.index("a[2,2]")] == -1


@pytest.mark.parametrize("n, asm", [(1, 1), (2, 2), (3, 7), (4, 42), (5, 429)])
def test_lambda_det_monomials_are_asms(n, asm):
    """Distinct a-monomials of det_lambda of a generic matrix = #ASM(n) (spec 5)."""
    names, ring = generic_ring(n)
    det = lambda_det(names, n, ring)
    a_monomials = {k[:-1] for k in det.terms()}
    assert len(a_monomials) == asm
    # every exponent is an ASM entry
    assert all(e in (-1, 0, 1) for k in a_monomials for e in k)
    assert all(c > 0 for c in det.terms().values())


@pytest.mark.parametrize("n", [2, 3, 4, 5])
def test_lambda_det_minus_one_is_determinant(n):
    names, ring = generic_ring(n, params=())
    det = lambda_det(names, n, ring, lam_value=-1)
    # Leibniz formula, independent of the recurrence
    leibniz = {}
    for perm in itertools.permutations(range(n)):
        inv = sum(1 for i in range(n) for j in range(i + 1, n) if perm[i] > perm[j])
        exps = [0] * (n * n)
        for i in range(n):
            exps[i * n + perm[i]] = 1
        leibniz[tuple(exps)] = (-1) ** inv
    assert det.terms() == leibniz


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5])
def test_lambda_det_of_all_ones_matrix(n):
    names, ring = generic_ring(n)
    det = lambda_det(names, n, ring)
    ones = det.subs({name: 1 for row in names for name in row})
    L = ring.gen("lam")
    assert ones == (1 + L) ** math.comb(n, 2)
    binom = {(0,) * (n * n) + (k,): math.comb(math.comb(n, 2), k) for k in range(math.comb(n, 2) + 1)}
    assert ones.terms() == binom


def _run_recurrence(order, rhs, steps):
    """x[m] = rhs(x[m-1], ..., x[m-order]) / x[m-order]; returns (values, failure)."""
    ring = LaurentRing([f"y{i}" for i in range(order)])
    xs = list(ring.gens())
    for m in range(order, steps + 1):
        res = rhs(xs, m).try_divide(xs[m - order])
        if not res.exact:
            return xs, (m, res)
        xs.append(res.quotient)
    return xs, None


def test_somos4_and_somos5_values():
    somos4 = lambda xs, m: xs[m - 1] * xs[m - 3] + xs[m - 2] ** 2  # noqa: E731
    xs, fail = _run_recurrence(4, somos4, 13)
    assert fail is None
    ones = {f"y{i}": 1 for i in range(4)}
    assert [v.evaluate(ones) for v in xs] == [1, 1, 1, 1, 2, 3, 7, 23, 59, 314, 1529, 8209, 83313, 620297]
    assert all(c > 0 for v in xs for c in v.terms().values())
    somos5 = lambda xs, m: xs[m - 1] * xs[m - 4] + xs[m - 2] * xs[m - 3]  # noqa: E731
    xs, fail = _run_recurrence(5, somos5, 13)
    assert fail is None
    ones = {f"y{i}": 1 for i in range(5)}
    assert [v.evaluate(ones) for v in xs] == [1, 1, 1, 1, 1, 2, 3, 5, 11, 37, 83, 274, 1217, 6161]


def test_somos8_is_not_laurent_at_16():
    def somos8(xs, m):
        return (xs[m - 1] * xs[m - 7] + xs[m - 2] * xs[m - 6] + xs[m - 3] * xs[m - 5] + xs[m - 4] ** 2)

    xs, fail = _run_recurrence(8, somos8, 17)
    assert fail is not None
    m, res = fail
    assert m == 16
    assert not res.exact and not res.remainder.is_zero()
    # the remainder identity holds
    num = somos8(xs, 16)
    assert res.quotient * xs[8] + res.remainder == num


def test_negative_and_positive_controls():
    # x_m x_{m-2} = x_{m-1} + 1 (Lyness, period 5) is Laurent; with + 2 it fails at x_4
    xs, fail = _run_recurrence(2, lambda xs, m: xs[m - 1] + 1, 10)
    assert fail is None and xs[5] == xs[0] and xs[6] == xs[1]
    xs, fail = _run_recurrence(2, lambda xs, m: xs[m - 1] + 2, 10)
    assert fail is not None and fail[0] == 4
    xs, fail = _run_recurrence(3, lambda xs, m: xs[m - 1] ** 2 + xs[m - 2], 10)
    assert fail is not None and fail[0] == 6


# ---------------------------------------------------------------------------
# representation and arithmetic
# ---------------------------------------------------------------------------

def test_normal_form_has_no_monomial_factor():
    p = (x**3 * y + x**2 * lam) * z**-4
    assert p.numerator == R.ctx.from_dict({(1, 1, 0, 0): 1, (0, 0, 0, 1): 1})
    assert p.shift == (2, 0, -4, 0)
    mono = p.numerator.term_content().monoms()[0]
    assert not any(mono)
    assert p.length == len(p) == 2


def test_zero_and_constants():
    assert R(0).is_zero() and not R(0)
    assert R(0) == 0 and R(5) == 5 and RQ(Fraction(1, 2)) == Fraction(1, 2)
    assert (x - x).is_zero() and (x - x).shift == (0, 0, 0, 0)
    assert str(R(0)) == "0"
    assert R(3).constant_value() == 3
    assert RQ(3).constant_value() == Fraction(3)
    with pytest.raises(InvalidInputError):
        R(Fraction(1, 2))
    with pytest.raises(InvalidInputError):
        R(True)
    with pytest.raises(InvalidInputError):
        x.constant_value()
    with pytest.raises(InvalidInputError, match="floats"):
        x + 0.5
    with pytest.raises(InvalidInputError):
        R(0.5)
    assert R(sympy.Integer(3)) == 3
    assert R(R.ctx.from_dict({(1, 0, 0, 0): 2})) == 2 * x
    assert RQ(R.ctx.from_dict({(1, 0, 0, 0): 2})) == 2 * RQ.gen("x")
    assert x + Fraction(4, 2) == x + 2


def test_ring_validation():
    with pytest.raises(InvalidInputError):
        LaurentRing(["x", "x"])
    with pytest.raises(InvalidInputError):
        LaurentRing(["x"], params=["x"])
    with pytest.raises(InvalidInputError):
        LaurentRing(["__x"])
    with pytest.raises(InvalidInputError):
        LaurentRing(["x y"])
    with pytest.raises(InvalidInputError):
        LaurentRing("xy")
    with pytest.raises(InvalidInputError):
        LaurentRing(["x"], domain="RR")
    with pytest.raises(InvalidInputError):
        R.gen("w")
    assert R.params == ("lam",) and R.variables == ("x", "y", "z")
    assert R == LaurentRing(["x", "y", "z"], params=["lam"]) and R != RQ
    assert hash(R) == hash(LaurentRing(["x", "y", "z"], params=["lam"]))


def test_mixing_rings_is_an_error():
    with pytest.raises(InvalidInputError):
        x + RQ.gen("x")
    assert x.change_ring(RQ) == RQ.gen("x")
    S = LaurentRing(["x", "y"])
    with pytest.raises(InvalidInputError):
        (x * lam).change_ring(S)
    assert (x * y**-1).change_ring(S) == S.gen("x") / S.gen("y")


def test_division_examples():
    assert (x**2 - y**2) / (x - y) == x + y
    assert (x**2 * y + lam * x) / x == x * y + lam
    assert (x + y) / (x * y) == y**-1 + x**-1
    res = (x**2 + 1).try_divide(x + y)
    assert isinstance(res, DivisionResult) and not res.exact
    assert res.quotient * (x + y) + res.remainder == x**2 + 1
    with pytest.raises(NotExactError) as info:
        (x**2 + 1) / (x + y)
    assert info.value.remainder == res.remainder
    # over ZZ, 2 is not a unit
    assert not (x + 1).try_divide(2).exact
    assert (2 * x + 2) / 2 == x + 1
    assert RQ.gen("x") / 2 == RQ.monomial({"x": 1}, Fraction(1, 2))
    with pytest.raises(LaurentZeroDivisionError):
        x / 0
    with pytest.raises(ZeroDivisionError):
        x.try_divide(R.zero())
    assert (1 / x) == x**-1
    assert (x * y).divides(x**2 * y * (x + lam))
    assert not (x + y).divides(x)


def test_powers():
    assert (x * y**-1) ** -2 == x**-2 * y**2
    assert (-x) ** -3 == -(x**-3)
    assert (x + y) ** 0 == 1
    with pytest.raises(NotExactError):
        (x + y) ** -1
    with pytest.raises(NotExactError):
        (2 * x) ** -1
    assert RQ.monomial({"x": 1}, 2) ** -1 == RQ.monomial({"x": -1}, Fraction(1, 2))
    with pytest.raises(LaurentZeroDivisionError):
        R(0) ** -1
    with pytest.raises(InvalidInputError):
        x ** Fraction(1, 2)
    with pytest.raises(ResourceLimitError):
        (x + y + z + lam + 1) ** 10_000
    assert (x + y) ** 3 == x**3 + 3 * x**2 * y + 3 * x * y**2 + y**3


def test_subs_and_evaluate():
    p = x**2 * y**-1 + lam * z - 3
    assert p.subs({"lam": 2}) == x**2 * y**-1 + 2 * z - 3
    v = {"x": Fraction(2, 3), "y": -2, "z": 5, "lam": Fraction(-1, 7)}
    assert p.evaluate(v) == brute_value(p, v)
    half = p.subs({"y": Fraction(1, 2)})
    assert half.ring == R  # coefficients stay integral
    assert half == 2 * x**2 + lam * z - 3
    third = p.subs({"x": Fraction(1, 3)})
    assert third.ring.domain == "QQ"
    with pytest.raises(LaurentZeroDivisionError):
        p.subs({"y": 0})
    assert p.subs({"x": 0}) == lam * z - 3
    with pytest.raises(InvalidInputError):
        p.subs({"w": 1})
    with pytest.raises(InvalidInputError):
        p.subs({"x": 0.5})
    with pytest.raises(InvalidInputError):
        p.evaluate({"x": 1})
    assert isinstance(p.evaluate({"x": 2, "y": 1, "z": 1, "lam": 1}), int)


def test_terms_coefficient_degrees():
    p = 3 * x**2 * y**-1 - lam
    assert p.terms() == {(2, -1, 0, 0): 3, (0, 0, 0, 1): -1}
    assert p.coefficient((2, -1, 0, 0)) == 3
    assert p.coefficient({"lam": 1}) == -1
    assert p.coefficient((5, 5, 5, 5)) == 0
    assert p.degrees() == ((0, 2), (-1, 0), (0, 0), (0, 1))
    assert p.total_degree() == (1, 1)
    assert p.denominator_monomial() == y
    assert (p * p.denominator_monomial()).is_polynomial()
    assert x.is_monomial() and (3 * x).is_monomial() and not (x + 1).is_monomial()
    assert (-x).is_unit() and not (3 * x).is_unit() and RQ(3).is_unit()


def test_str_repr_latex():
    p = 3 * x**2 * y**-1 - lam + 1
    assert repr(p) == str(p)
    assert "x^2*y^-1" in str(p)
    S = LaurentRing(["a[1,2]"], domain="QQ")
    q = S.gen("a[1,2]") ** -1 / 2
    assert str(q) == "1/2*a[1,2]^-1"
    assert q._repr_latex_() == "$" + r"\frac{1}{2 a_{1,2}}" + "$"


def test_sympy_conversion():
    sx, sy, sl = sympy.symbols("x y lam")
    p = R.from_sympy(sx**2 / sy - 3 * sl)
    assert p == x**2 * y**-1 - 3 * lam
    assert sympy.expand(p.as_sympy() - (sx**2 / sy - 3 * sl)) == 0
    assert R.from_sympy((sx**2 - 1) / (sx - 1)) == x + 1
    assert R.from_sympy(sympy.Integer(4)) == 4
    assert RQ.from_sympy(sympy.Rational(1, 3) * sx) == RQ.monomial({"x": 1}, Fraction(1, 3))
    for bad in [1 / (sx + 1), sympy.sqrt(sx), sx ** sympy.Rational(1, 2), sympy.sin(sx),
                sympy.Float(0.5) * sx, sympy.Symbol("w"), sympy.Rational(1, 2) * sx, sympy.I * sx,
                sympy.pi, sympy.Eq(sx, 1)]:
        with pytest.raises(InvalidInputError):
            R.from_sympy(bad)


def test_pickle_and_hash():
    p = x**2 * y**-1 - lam
    q = pickle.loads(pickle.dumps(p))
    assert q == p and hash(q) == hash(p)
    assert len({p, q, x}) == 2
    assert hash(R(3)) == hash(3)


def test_generic_6x6_lambda_det_is_fast_enough():
    """The recurrence on a generic 6x6 matrix (7436 ASMs) runs in well under a second."""
    names, ring = generic_ring(6)
    det = lambda_det(names, 6, ring)
    assert len({k[:-1] for k in det.terms()}) == 7436


# ---------------------------------------------------------------------------
# property tests
# ---------------------------------------------------------------------------

RINGS = [R, RQ]
ring_st = st.sampled_from(RINGS)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_ring_laws(data):
    ring = data.draw(ring_st)
    a, b, c = (data.draw(laurent_polynomials(ring)) for _ in range(3))
    assert a + b == b + a
    assert a * b == b * a
    assert (a + b) + c == a + (b + c)
    assert (a * b) * c == a * (b * c)
    assert a * (b + c) == a * b + a * c
    assert a - a == ring.zero()
    assert a + ring.zero() == a and a * ring.one() == a
    assert -(-a) == a
    assert (a * a) == a**2


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_exact_division_recovers_factor(data):
    ring = data.draw(ring_st)
    a = data.draw(laurent_polynomials(ring))
    b = data.draw(nonzero_laurent_polynomials(ring))
    assert (a * b).exact_divide(b) == a
    res = (a * b).try_divide(b)
    assert res.exact and res.remainder.is_zero() and res.quotient == a


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_inexact_division_reports_remainder(data):
    ring = data.draw(ring_st)
    b = data.draw(nonzero_laurent_polynomials(ring))
    assume(not b.is_unit())
    c = data.draw(laurent_polynomials(ring))
    a = c * b + 1  # b divides a iff b divides 1 iff b is a unit
    res = a.try_divide(b)
    assert not res.exact
    assert not res.remainder.is_zero()
    assert res.quotient * b + res.remainder == a
    with pytest.raises(NotExactError) as info:
        a.exact_divide(b)
    assert info.value.quotient * b + info.value.remainder == a


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_try_divide_identity_always_holds(data):
    ring = data.draw(ring_st)
    a = data.draw(laurent_polynomials(ring))
    b = data.draw(nonzero_laurent_polynomials(ring))
    res = a.try_divide(b)
    assert res.quotient * b + res.remainder == a
    assert res.exact == res.remainder.is_zero()


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_units_invert(data):
    ring = data.draw(ring_st)
    m = data.draw(laurent_monomials(ring, units=True))
    assert m * m**-1 == 1
    assert m ** -2 * m ** 2 == 1


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_evaluation_is_a_homomorphism(data):
    ring = data.draw(ring_st)
    a = data.draw(laurent_polynomials(ring, param_min_exponent=None))
    b = data.draw(laurent_polynomials(ring, param_min_exponent=None))
    v = data.draw(substitution_values(ring))
    assert a.evaluate(v) == brute_value(a, v)
    assert (a * b).evaluate(v) == brute_value(a, v) * brute_value(b, v)
    assert (a + b).evaluate(v) == brute_value(a, v) + brute_value(b, v)
    # partial substitution then the rest
    first = {k: v[k] for k in list(v)[:2]}
    rest = {k: v[k] for k in list(v)[2:]}
    assert a.subs(first).evaluate(rest) == brute_value(a, v)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_sympy_round_trip(data):
    ring = data.draw(ring_st)
    a = data.draw(laurent_polynomials(ring, param_min_exponent=None))
    expr = a.as_sympy()
    assert ring.from_sympy(expr) == a
    # independent: sympy's own expansion of the term dictionary
    syms = ring.sympy_symbols()
    manual = sum((sympy.Rational(c) * sympy.Mul(*[s**e for s, e in zip(syms, k)]) for k, c in a.terms().items()),
                 sympy.Integer(0))
    assert sympy.expand(expr - manual) == 0


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_is_polynomial_in_matches_terms(data):
    ring = data.draw(ring_st)
    a = data.draw(laurent_polynomials(ring, param_min_exponent=None))
    lam_index = ring.index("lam")
    brute = all(k[lam_index] >= 0 for k in a.terms())
    assert a.is_polynomial_in(ring.params) == brute
    assert a.is_polynomial() == all(min(k) >= 0 for k in a.terms()) if a.terms() else a.is_polynomial()


def test_ring_parse_and_domain_change():
    p = R.parse("x^2*y^-1 - 3*lam + 1")
    assert p == x**2 / y - 3 * lam + 1
    assert R.parse(str(p)) == p
    q = p.change_ring(RQ)
    assert q.ring == RQ and q.terms() == {k: Fraction(v) for k, v in p.terms().items()}
    assert q.change_ring(R) == p
    with pytest.raises(InvalidInputError):
        RQ.parse("x/2").change_ring(R)
    with pytest.raises(InvalidInputError):
        R.parse("x + w")


@pytest.mark.parametrize("n", [2, 3, 4, 5])
def test_two_layer_recurrence_counts(n):
    """Generic x[0] and x[1]: 2^C(n,2) terms, all coefficients 1 (spec 2b and 5)."""
    a = [f"a[{i},{j}]" for i in range(1, n + 1) for j in range(1, n + 1)]
    t = [f"t[{r},{c}]" for r in range(2, n + 1) for c in range(2, n + 1)]
    ring = LaurentRing(a + t, params=["lam"])
    L = ring.gen("lam")
    prev = [[ring.one()] * (n + 1) for _ in range(n + 1)]
    for r in range(2, n + 1):
        for c in range(2, n + 1):
            prev[r - 1][c - 1] = ring.gen(f"t[{r},{c}]")
    cur = [[ring.gen(f"a[{i + 1},{j + 1}]") for j in range(n)] for i in range(n)]
    for k in range(1, n):
        m = n - k
        new = [[None] * m for _ in range(m)]
        for i in range(m):
            for j in range(m):
                num = cur[i][j] * cur[i + 1][j + 1] + L * cur[i][j + 1] * cur[i + 1][j]
                new[i][j] = num.exact_divide(prev[i + 1][j + 1])
        prev, cur = cur, new
    top = cur[0][0]
    assert top.length == 2 ** math.comb(n, 2)
    assert set(top.terms().values()) == {1}
    assert top.is_polynomial_in(["lam"])
    # homogeneous of lambda-degree at most C(n,2) (here mu = 1)
    assert max(k[-1] for k in top.terms()) <= math.comb(n, 2)


@pytest.mark.parametrize("order, steps", [(6, 15), (7, 17)])
def test_somos6_somos7_laurent(order, steps):
    """Spec section 6: Somos-6 through x15 and Somos-7 through x17 are Laurent."""
    xs, fail = _run_recurrence(order, lambda xs, m: _somos_rhs(xs, m, order), steps)
    assert fail is None
    ones = {f"y{i}": 1 for i in range(order)}
    values = [v.evaluate(ones) for v in xs]
    expected = {6: [3, 5, 9, 23, 75, 421, 1103, 5047], 7: [3, 5, 9, 17, 41, 137, 769]}[order]
    assert values[:order] == [1] * order
    assert values[order:order + len(expected)] == expected
    assert all(c > 0 for v in xs for c in v.terms().values())


def _somos_rhs(xs, m, order):
    total = None
    for j in range(1, order // 2 + 1):
        term = xs[m - j] * xs[m - order + j]
        total = term if total is None else total + term
    return total


def test_huge_powers_are_refused_not_crashing():
    # R(2)**(10**12) used to reach FLINT and abort the interpreter
    R = LaurentRing(["x", "y"], domain="QQ")
    x, y = R.gens()
    for base, n in [(R(2), 10**12), (x + 1, 10**6), (x / 2, 10**12), (R(3), -(10**12))]:
        with pytest.raises(ResourceLimitError):
            base**n
    # monomials with unit coefficient, 0 and +-1 are cheap at any exponent
    assert (x * y**-1) ** (10**12) == R.monomial((10**12, -(10**12)))
    assert R(0) ** (10**12) == 0 and R(-1) ** (10**12 + 1) == -1
    assert (x + 1) ** 3 == x**3 + 3 * x**2 + 3 * x + 1


def test_printing_coefficients_beyond_python_digit_limit():
    # Python refuses str() of ints over 4300 digits; printing must not fail
    import flint

    R = LaurentRing(["x"])
    p = R(2) ** 20000 * R.gen("x") - 1
    text = str(p)
    head = text.split("*")[0]
    assert head == str(flint.fmpz(2) ** 20000)
    assert text.endswith("*x - 1")


def test_substitution_into_huge_exponents_is_refused_not_crashing():
    # x^(10^12)*y + 1 at x = 2 used to reach FLINT and abort the interpreter
    R = LaurentRing(["x", "y"])
    x, y = R.gens()
    for p, values in [(x ** (10**12), {"x": 2}), (x ** (10**12) * y + 1, {"x": 2}),
                      (x ** -(10**12) + y, {"x": Fraction(1, 3)})]:
        with pytest.raises(ResourceLimitError):
            p.subs(values)
    # values +-1 cost nothing at any exponent
    assert (x ** (10**12) * y + 1).subs({"x": -1}) == y + 1
    assert (x ** 1000 * y + x ** -5).evaluate({"x": 3, "y": Fraction(2, 3)}) == 2 * 3**999 + Fraction(1, 3**5)


def test_division_with_a_huge_dense_quotient_is_refused():
    # (x^(10^12) - 1)/(x - 1) used to run until memory ran out
    R = LaurentRing(["x", "y"])
    x, y = R.gens()
    n = 10**12
    with pytest.raises(ResourceLimitError):
        (x**n - 1).try_divide(x - 1)
    with pytest.raises(ResourceLimitError):
        (x**n + y) / (x + y)
    # sparse divisions of high degree are fine: everything is a polynomial in x^n
    assert (x ** (2 * n) - 1) / (x**n - 1) == x**n + 1
    res = (x ** (2 * n) * y + 1).try_divide(x**n - 1)
    assert not res.exact and res.quotient * (x**n - 1) + res.remainder == x ** (2 * n) * y + 1


def test_ring_names_are_exactly_what_the_parser_reads_back():
    for bad in ["x__y", "__x", "x.y", "x y", "1x", "x[1.5]"]:
        with pytest.raises(InvalidInputError):
            LaurentRing([bad])
    for good in ["x", "lam_2", "a[1,2]", "x[-3]"]:
        R = LaurentRing([good])
        p = 3 * R.gen(good) ** 2 - R.gen(good) ** -1
        assert R.parse(str(p)) == p
