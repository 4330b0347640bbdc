"""The (q,t)-analogue of Borodin's formula (reconstruction of Langer's), spec section 4."""

from __future__ import annotations

from fractions import Fraction as F

import pytest
import sympy

from combalg.cylindric import (
    CylindricPartition,
    check_qt,
    count_series,
    cylindric_partitions,
    qt_product_series,
    qt_series,
    qt_weight,
)

WORDS = ["10", "1100", "1010", "110100", "10110"]
POINTS = [(F(1, 3), F(2, 7)), (0, F(3, 5)), (F(2, 5), F(2, 5)), (F(-3, 4), F(5, 2)), (F(5, 3), F(1, 9))]


@pytest.mark.parametrize("word", WORDS)
@pytest.mark.parametrize("q,t", POINTS)
def test_qt_identity_at_rational_points(word, q, t):
    r = check_qt(word, 9, q, t)
    assert r.ok, r


@pytest.mark.parametrize("word", WORDS)
def test_negative_control_deformed_period_factor_fails(word):
    r = check_qt(word, 9, F(1, 3), F(2, 7), deform_period=True)
    assert not r.ok
    # the first disagreement is at the first period exponent T
    assert r.first_mismatch.degree == len(word)


@pytest.mark.parametrize("word", WORDS)
def test_negative_control_phi_on_every_step_fails(word):
    r = check_qt(word, 9, F(1, 3), F(2, 7), convention="phi-only")
    assert not r.ok


@pytest.mark.parametrize("word", WORDS)
def test_swapped_convention_gives_the_same_weights(word):
    q, t = F(1, 3), F(2, 7)
    for cp in cylindric_partitions(word, max_weight=6):
        assert qt_weight(cp, q, t) == qt_weight(cp, q, t, convention="swapped")


@pytest.mark.parametrize("word", WORDS)
def test_q_equal_t_gives_borodin(word):
    s = qt_series(word, 9, F(3, 7), F(3, 7))
    assert s == count_series(word, 9)


def test_hall_littlewood_specialisation_by_hand():
    # q = 0: every cell contributes (1 - t z^d)/(1 - z^d); profile 10, t = 1/2,
    # (1 + z/2 + z^2/2 + z^3/2)(1 + z^3/2)(1 + z^2) mod z^4, expanded by hand
    assert qt_product_series("10", 4, 0, F(1, 2)) == [1, F(1, 2), F(3, 2), F(3, 2)]
    assert qt_series("10", 4, 0, F(1, 2)) == [1, F(1, 2), F(3, 2), F(3, 2)]


def test_single_weight_by_hand():
    # Lambda = ((1), (2)) of profile 10: phi_{(2)/(1)} = (1-t)/(1-q) and
    # psi_{(2)/(1)} = (1-t)(1+q)/(1-qt), computed from the definitions by hand
    q, t = F(1, 3), F(2, 7)
    cp = CylindricPartition("10", [[1], [2]])
    expected = (1 - t) / (1 - q) * (1 - t) * (1 + q) / (1 - q * t)
    assert qt_weight(cp, q, t) == expected


def test_symbolic_weight_specialises():
    qs, ts = sympy.symbols("q t")
    q, t = F(2, 5), F(3, 11)
    for cp in cylindric_partitions("1010", max_weight=5):
        sym = qt_weight(cp, qs, ts)
        val = sym.subs({qs: sympy.Rational(2, 5), ts: sympy.Rational(3, 11)})
        assert F(int(val.p), int(val.q)) == qt_weight(cp, q, t)


def test_symbolic_identity_low_order():
    qs, ts = sympy.symbols("q t")
    left = qt_series("10", 4, qs, ts)
    right = qt_product_series("10", 4, qs, ts)
    assert all(sympy.cancel(a - b) == 0 for a, b in zip(left, right))


from hypothesis import assume, given, settings
from hypothesis import strategies as st

from combalg.core.errors import InvalidInputError
from combalg.strategies.cylindric import profiles


@settings(max_examples=25, deadline=None)
@given(
    profiles(max_length=5),
    st.fractions(min_value=-3, max_value=3, max_denominator=9),
    st.fractions(min_value=-3, max_value=3, max_denominator=9),
)
def test_qt_identity_at_random_rational_points(pi, q, t):
    assume(q not in (1, -1))
    try:
        r = check_qt(pi, 6, q, t)
    except InvalidInputError:
        assume(False)  # a singular point of some Macdonald factor
    assert r.ok, r


@pytest.mark.parametrize("word", ["1", "11", "10", "1100", "1010", "110100", "10110", "1101000"])
@pytest.mark.parametrize("convention", ["langer", "phi-only"])
def test_transfer_and_enumeration_sums_agree(word, convention):
    q, t = F(1, 3), F(2, 7)
    a = qt_series(word, 10, q, t, convention=convention)
    b = qt_series(word, 10, q, t, convention=convention, method="transfer")
    assert a == b


def test_qt_identity_higher_order_by_transfer():
    r = check_qt("110100", 16, F(1, 3), F(2, 7), method="transfer")
    assert r.ok, r
    r = check_qt("10110", 16, F(-2, 5), F(7, 3), method="transfer")
    assert r.ok, r


def test_symbolic_transfer_agrees_with_enumeration():
    qs, ts = sympy.symbols("q t")
    a = qt_series("1010", 4, qs, ts)
    b = qt_series("1010", 4, qs, ts, method="transfer")
    assert all(sympy.cancel(x - y) == 0 for x, y in zip(a, b))
