"""Tests of combalg.core.mseries against naive dictionary arithmetic written here."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from combalg.core.errors import InvalidInputError
from combalg.core.mseries import MultiSeries, multi_euler_product
from combalg.core.series import PowerSeries, partition_series
from combalg.strategies.series import invertible_multi_series, multi_series

VARS = ("q", "w")

# ---------------------------------------------------------------------------
# naive dict arithmetic (the oracle)
# ---------------------------------------------------------------------------


def naive_mul(a: dict, b: dict, order: int) -> dict:
    out: dict = {}
    for ka, va in a.items():
        for kb, vb in b.items():
            k = tuple(x + y for x, y in zip(ka, kb))
            if k[0] < order:
                out[k] = out.get(k, 0) + va * vb
    return {k: v for k, v in out.items() if v}


def naive_inverse(f: dict, nvars: int, order: int) -> dict:
    """g with f g = 1 mod q^order, degree by degree in q: g_n = -(1/f_0) sum_{k>=1} f_k g_{n-k}."""
    zero = (0,) * nvars
    if order == 0:
        return {}
    f0 = Fraction(f[zero])
    g: dict = {zero: 1 / f0} if order else {}
    for n in range(1, order):
        acc: dict = {}
        for kf, vf in f.items():
            if kf[0] == 0:
                continue
            for kg, vg in g.items():
                if kf[0] + kg[0] == n:
                    k = tuple(x + y for x, y in zip(kf, kg))
                    acc[k] = acc.get(k, 0) + vf * vg
        for k, v in acc.items():
            if v:
                g[k] = -v / f0
    return {k: v for k, v in g.items() if v}


def naive_factor(exps: tuple, m: int, c, order: int) -> dict:
    """(1 - c x^exps)^(-m) truncated, as a dict, by repeated multiplication."""
    zero = (0,) * len(exps)
    if m >= 0:
        geo = {}
        r = 0
        while r * exps[0] < order:
            geo[tuple(r * e for e in exps)] = Fraction(c) ** r
            r += 1
        base = geo
        times = m
    else:
        base = {zero: 1, exps: -c} if exps[0] < order else {zero: 1}
        times = -m
    out = {zero: 1} if order else {}
    for _ in range(times):
        out = naive_mul(out, base, order)
    return out


def partitions_by_parts(n: int, k: int, largest: int | None = None) -> int:
    """Number of partitions of n into exactly k parts, each <= largest (brute recursion)."""
    if largest is None:
        largest = n
    if n == 0:
        return 1 if k == 0 else 0
    if k == 0:
        return 0
    return sum(partitions_by_parts(n - p, k - 1, p) for p in range(1, min(n, largest) + 1))


# ---------------------------------------------------------------------------
# arithmetic against the oracle
# ---------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 6).flatmap(lambda n: st.tuples(multi_series(VARS, order=n, rational=True),
                                                     multi_series(VARS, order=n, rational=True))))
def test_product_matches_naive(pair):
    a, b = pair
    assert (a * b).to_dict() == naive_mul(a.to_dict(), b.to_dict(), a.order)


@settings(max_examples=40, deadline=None)
@given(multi_series(("q", "t", "w"), max_order=5, max_degree=2),
       multi_series(("q", "t", "w"), max_order=5, max_degree=2))
def test_product_three_variables(a, b):
    n = min(a.order, b.order)
    assert (a * b).order == n
    assert (a * b).to_dict() == naive_mul(a.to_dict(), b.to_dict(), n)


@settings(max_examples=60, deadline=None)
@given(invertible_multi_series(VARS, max_order=7))
def test_inverse_matches_naive(a):
    inv = a.inverse()
    assert inv.to_dict() == naive_inverse(a.to_dict(), 2, a.order)
    assert a * inv == 1


@settings(max_examples=40, deadline=None)
@given(multi_series(VARS, max_order=6, rational=True, constant=Fraction(2, 3)))
def test_inverse_rational_constant(a):
    assert a * a.inverse() == 1


@settings(max_examples=40, deadline=None)
@given(multi_series(VARS, max_order=6), multi_series(VARS, max_order=6), multi_series(VARS, max_order=6))
def test_ring_laws(a, b, c):
    assert (a * b) * c == a * (b * c)
    assert a * b == b * a
    assert a * (b + c) == a * b + a * c
    assert a - a == 0


@settings(max_examples=30, deadline=None)
@given(multi_series(VARS, max_order=6, constant=1, rational=True))
def test_exp_log_roundtrip(a):
    assert a.log().exp() == a


@settings(max_examples=30, deadline=None)
@given(multi_series(VARS, max_order=6, constant=1), st.integers(0, 4))
def test_powers(a, k):
    expected = MultiSeries(1, VARS, a.order)
    for _ in range(k):
        expected = expected * a
    assert a**k == expected
    assert a ** -k * a**k == 1


# ---------------------------------------------------------------------------
# multi_euler_product
# ---------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.tuples(st.integers(1, 4), st.integers(0, 3)), st.integers(-2, 2),
                  st.one_of(st.integers(-2, 2), st.fractions(-2, 2, max_denominator=3))),
        max_size=4,
    ),
    st.integers(0, 7),
)
def test_multi_euler_product_matches_naive(factors, order):
    expected = {(0, 0): 1} if order else {}
    for exps, m, c in factors:
        expected = naive_mul(expected, naive_factor(exps, m, c, order), order)
    got = multi_euler_product(factors, VARS, order)
    assert got.to_dict() == {k: v for k, v in expected.items() if v}


def test_partitions_by_number_of_parts():
    n = 14
    P = multi_euler_product([((i, 1), 1) for i in range(1, n)], VARS, n)
    rows = P.to_rows()
    for size in range(n):
        for k in range(size + 1):
            assert rows[size][k] == partitions_by_parts(size, k)
    # w = 1 recovers p(n)
    assert P.subs({"w": 1}) == partition_series(n)


def test_two_and_three_part_factors_with_default_coefficient():
    s = multi_euler_product([((1, 0, 1), 1), ((1, 1, 0), -1)], ("q", "t", "w"), 4)
    # (1 - q t) / (1 - q w)
    expected = naive_mul(naive_factor((1, 0, 1), 1, 1, 4), naive_factor((1, 1, 0), -1, 1, 4), 4)
    assert s.to_dict() == expected


# ---------------------------------------------------------------------------
# access, display, conversions
# ---------------------------------------------------------------------------


def test_gen_gens_coefficient_rows():
    q, w = MultiSeries.gens(VARS, 4)
    s = (1 + q * w) ** 2
    assert s.coefficient((1, 1)) == 2
    assert s.coefficient((2, 2)) == 1
    assert s.coefficient((3, 0)) == 0
    assert s.to_rows() == [[1, 0, 0], [0, 2, 0], [0, 0, 1], [0, 0, 0]]
    assert s.gen("w") == w
    assert MultiSeries.gen("w", VARS, 4) == w
    assert s.q_coefficient(1) == {(1,): 2}


def test_mismatched_orders_give_minimum():
    a = MultiSeries.from_dict({(0, 0): 1, (2, 1): 1}, VARS, 5)
    b = MultiSeries.from_dict({(1, 0): 1}, VARS, 3)
    assert (a * b).order == 3
    assert (a + b).order == 3


def test_mixing_with_power_series():
    q, w = MultiSeries.gens(VARS, 5)
    p = PowerSeries([1, 1], 5)
    assert (w * p).to_dict() == {(0, 1): 1, (1, 1): 1}
    with pytest.raises(InvalidInputError):
        w * PowerSeries([1, 1], 5, var="x")


def test_repr_latex_sympy():
    import sympy

    s = MultiSeries.from_dict({(0, 0): 1, (1, 2): Fraction(-1, 2), (2, 0): 3}, VARS, 4)
    assert repr(s) == "1 - 1/2*q*w^2 + 3*q^2 + O(q^4)"
    assert s._repr_latex_() == "$1 - \\frac{1}{2} q w^{2} + 3 q^{2} + O(q^{4})$"
    q, w = sympy.symbols("q w")
    assert sympy.expand(s.as_sympy(with_order=False) - (1 - q * w**2 / 2 + 3 * q**2)) == 0
    assert repr(MultiSeries({}, VARS, 0)) == "O(1)"


def test_equality_and_hash():
    a = MultiSeries.from_dict({(0, 0): 1, (1, 1): 2}, VARS, 3)
    b = MultiSeries.from_dict({(1, 1): 2, (0, 0): 1, (3, 0): 5}, VARS, 3)
    assert a == b and hash(a) == hash(b)
    assert a != MultiSeries.from_dict({(0, 0): 1, (1, 1): 2}, VARS, 4)


# ---------------------------------------------------------------------------
# errors
# ---------------------------------------------------------------------------


def test_bad_input():
    with pytest.raises(InvalidInputError):
        MultiSeries.from_dict({(0, 0): 1}, VARS, -1)
    with pytest.raises(InvalidInputError):
        MultiSeries.from_dict({(0, 0): 0.5}, VARS, 3)
    with pytest.raises(InvalidInputError):
        MultiSeries.from_dict({(0,): 1}, VARS, 3)
    with pytest.raises(InvalidInputError):
        MultiSeries.from_dict({(0, -1): 1}, VARS, 3)
    with pytest.raises(InvalidInputError):
        MultiSeries.from_dict({(0, 0): 1}, ("q", "q"), 3)
    with pytest.raises(InvalidInputError):
        MultiSeries.from_dict({(0, 0): 1}, "qw", 3)
    with pytest.raises(InvalidInputError):
        MultiSeries.gen("x", VARS, 3)
    s = MultiSeries.from_dict({(0, 0): 1}, VARS, 3)
    with pytest.raises(InvalidInputError):
        s.coefficient((3, 0))
    with pytest.raises(InvalidInputError):
        s + MultiSeries.from_dict({(0, 0): 1}, ("q", "t"), 3)
    with pytest.raises(InvalidInputError):
        MultiSeries.from_dict({(0, 0): 1, (0, 1): 1}, VARS, 3).inverse()  # 1 + w is no unit
    with pytest.raises(InvalidInputError):
        MultiSeries.from_dict({(1, 0): 1}, VARS, 3).inverse()
    with pytest.raises(InvalidInputError):
        MultiSeries.from_dict({(0, 0): 2}, VARS, 3).log()
    with pytest.raises(InvalidInputError):
        MultiSeries.from_dict({(0, 1): 1}, VARS, 3).exp()
    with pytest.raises(InvalidInputError):
        multi_euler_product([((0, 1), 1)], VARS, 3)  # 1/(1-w) is not truncated by q
    with pytest.raises(InvalidInputError):
        multi_euler_product([((1,), 1)], VARS, 3)
    with pytest.raises(InvalidInputError):
        multi_euler_product([((1, 1), "m")], VARS, 3)
    with pytest.raises(InvalidInputError):
        MultiSeries.from_dict({(0, 0): 1}, ("q", "t", "w"), 3).to_rows()


def test_compare_multiseries():
    from combalg.core.mseries import compare_multiseries
    from combalg.core.series import Mismatch

    q, w = MultiSeries.gens(VARS, 4)
    s = 1 / (1 - q - q * w)
    rows = [[1, 0, 0, 0], [1, 1, 0, 0], [1, 2, 1, 0], [1, 3, 3, 1]]  # binomial coefficients
    assert compare_multiseries(s, rows) is None
    bad = [r[:] for r in rows]
    bad[3][1] = 4
    assert compare_multiseries(s, bad) == Mismatch((3, 1), 3, 4)
    assert compare_multiseries(s, bad, up_to=3) is None
    assert compare_multiseries(s, {(0, 0): 1}, up_to=1) is None
    with pytest.raises(InvalidInputError):
        compare_multiseries(s, "rows")


def test_getitem_and_truncate():
    q, w = MultiSeries.gens(VARS, 5)
    s = (1 + q * w) ** 3
    assert s[1, 1] == 3 and s[3, 3] == 1 and s[2, 0] == 0
    t = s.truncate(2)
    assert t.order == 2 and t.to_dict() == {(0, 0): 1, (1, 1): 3}
    with pytest.raises(InvalidInputError):
        s.truncate(6)


def test_huge_powers_are_refused_or_cheap():
    import math

    from combalg.core.errors import ResourceLimitError

    q, w = MultiSeries.gens(("q", "w"), 6)
    # only q is truncated: (2 + w)^(10^9) would be a huge polynomial in w
    with pytest.raises(ResourceLimitError):
        (2 + w) ** (10**9)
    # monomials and powers that vanish mod q^6 are cheap at any exponent
    assert (w ** (10**9)).coefficient((0, 10**9)) == 1
    assert (q * w) ** (10**9) == MultiSeries(0, ("q", "w"), 6)
    # (1 + q w)^e has coefficients C(e, k) at q^k w^k
    e = 10**30
    s = (1 + q * w) ** e
    assert [s.coefficient((k, k)) for k in range(6)] == [math.comb(e, k) for k in range(6)]


def test_multi_euler_product_with_huge_coefficient_is_refused():
    from combalg.core.errors import ResourceLimitError

    with pytest.raises(ResourceLimitError):
        multi_euler_product([((1, 1), 1, 10**1000)], ("q", "w"), 10**4)
    # small cases agree with the geometric series 1/(1 - 5 q w)
    s = multi_euler_product([((1, 1), 1, 5)], ("q", "w"), 6)
    assert [s.coefficient((k, k)) for k in range(6)] == [5**k for k in range(6)]
