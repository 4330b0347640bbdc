"""The bivariate identity (spec 2.2): weight q^{|Lambda|} w^{|mu^0|}.

Both sides are MultiSeries in (q, w) known modulo q^order; ``bivariate_rows`` reads
them as rows ``rows[n][j]`` (coefficient of q^n w^j, row n with n + 1 entries).
"""

from __future__ import annotations

import pytest

from combalg.core.errors import InvalidInputError
from combalg.core.mseries import MultiSeries
from combalg.cylindric import (
    Profile,
    bivariate_rows,
    borodin_bivariate,
    check_bivariate,
    count_bivariate,
    count_bivariate_rows,
    cylindric_partitions,
)

WORDS = ["10", "01", "1100", "1010", "110100", "10110", "01101", "0011", "111000", "1101000"]


@pytest.mark.parametrize("word", WORDS)
def test_bivariate_three_ways(word):
    order = 10
    brute = [[0] * (n + 1) for n in range(order)]
    for cp in cylindric_partitions(word, max_weight=order - 1):
        brute[cp.weight][cp.trace] += 1
    assert bivariate_rows(count_bivariate(word, order)) == brute
    assert bivariate_rows(borodin_bivariate(word, order)) == brute
    assert count_bivariate_rows(word, order) == brute


@pytest.mark.parametrize("word", ["1100", "10110", "110100", "1101000"])
def test_bivariate_higher_order(word):
    r = check_bivariate(word, 22)
    assert r.ok, r


@pytest.mark.parametrize("word", ["10110", "110100", "1100"])
def test_bivariate_sees_reverse_and_complement(word):
    # spec 2.1/2.2: unlike the univariate series, the bivariate one is not invariant
    pi = Profile(word)
    base = count_bivariate(pi, 12)
    assert count_bivariate(pi.reverse(), 12) != base or count_bivariate(pi.complement(), 12) != base
    assert borodin_bivariate(pi.rotate(1), 12) != base or borodin_bivariate(pi.rotate(2), 12) != base


def test_bivariate_rows_sum_to_univariate():
    from combalg.cylindric import count_series

    rows = bivariate_rows(count_bivariate("110100", 15))
    assert [sum(r) for r in rows] == count_series("110100", 15)


@pytest.mark.parametrize("word", ["10", "01", "1100", "0011", "10110", "110100"])
def test_bivariate_against_the_independent_brute_force(word, brute):
    # objects from the conftest brute force (every tuple of partitions, filtered by
    # its own interlacing test): a swapped grow/shrink convention would show here
    order = 7 if len(word) <= 5 else 6
    rows = [[0] * (n + 1) for n in range(order)]
    for n in range(order):
        for parts in brute.brute_objects(tuple(int(ch) for ch in word), n):
            rows[n][sum(parts[0])] += 1
    assert bivariate_rows(count_bivariate(word, order)) == rows
    assert bivariate_rows(borodin_bivariate(word, order)) == rows
    # the same as series: built from the brute-force rows, not from combalg's counts
    terms = {(n, j): c for n, row in enumerate(rows) for j, c in enumerate(row) if c}
    expected = MultiSeries(terms, ("q", "w"), order)
    assert count_bivariate(word, order) == expected == borodin_bivariate(word, order)


@pytest.mark.parametrize("word", ["10", "01", "1100", "1010", "110100", "10110", "111000", "1101000"])
@pytest.mark.parametrize("order", [0, 1, 2, 9, 14])
def test_count_and_product_agree_as_multiseries(word, order):
    c, b = count_bivariate(word, order), borodin_bivariate(word, order)
    assert isinstance(c, MultiSeries) and isinstance(b, MultiSeries)
    assert c.variables == b.variables == ("q", "w")
    assert c.order == b.order == order
    assert c == b
    assert c.to_dict() == b.to_dict()          # coefficient for coefficient
    assert all(j <= n for (n, j) in c.to_dict())  # |mu^0| <= |Lambda|


# spec 2.4: the univariate oracle table (brute force = product); w = 1 must give it
ORACLE = {
    "10": [1, 1, 2, 3, 5, 7, 11, 15, 22, 30, 42, 56, 77, 101, 135, 176, 231],
    "1100": [1, 1, 3, 4, 8, 11, 20, 27, 44, 60, 92, 124, 183, 244, 348, 461, 640],
    "1010": [1, 2, 3, 6, 10, 16, 25, 38, 57, 84, 121, 172, 243, 338, 465, 636, 862],
    "110100": [1, 2, 5, 9, 18, 31, 54, 88, 144, 225, 351, 531, 800, 1179, 1728, 2492, 3573],
    "10110": [1, 2, 4, 7, 13, 21, 35, 54, 84, 126, 188, 273, 396, 562, 794, 1106, 1533],
}


@pytest.mark.parametrize("word", sorted(ORACLE))
def test_bivariate_at_w_equal_1_is_the_spec_oracle(word):
    for series in (count_bivariate(word, 17), borodin_bivariate(word, 17)):
        assert series.subs({"w": 1}) == ORACLE[word]
        assert [sum(r) for r in bivariate_rows(series)] == ORACLE[word]


def test_bivariate_coefficients_by_hand():
    # profile 10: (mu^0, mu^1) with mu^1/mu^0 a horizontal strip, weight |mu^0| + |mu^1|.
    # q^4: |mu^0| = 0: mu^1 = (4); |mu^0| = 1: mu^1 in {(3), (2, 1)}; |mu^0| = 2: mu^1 = mu^0 in
    # {(2), (1, 1)}; so 1 + 2 w + 2 w^2.  The w^0 part counts mu^0 empty: one object per weight.
    for series in (count_bivariate("10", 8), borodin_bivariate("10", 8)):
        assert [series.coefficient((4, j)) for j in range(5)] == [1, 2, 2, 0, 0]
        assert [series[n, 0] for n in range(8)] == [1] * 8
    # profile 1100 (T = 4): |Lambda| >= 4 |mu^0|, so the first w appears at q^4, once:
    # mu^0 = mu^1 = mu^2 = mu^3 = (1)
    s = count_bivariate("1100", 6)
    assert s.q_coefficient(3) == {(0,): 4}
    assert s.q_coefficient(4) == {(0,): 7, (1,): 1} == borodin_bivariate("1100", 6).q_coefficient(4)


def test_bivariate_rows_refuses_what_it_cannot_hold():
    q, w = MultiSeries.gens(("q", "w"), 3)
    assert bivariate_rows(1 + q * w) == [[1], [0, 1], [0, 0, 0]]
    with pytest.raises(InvalidInputError, match="beyond row 0"):
        bivariate_rows(w)
    with pytest.raises(InvalidInputError, match="two variables"):
        bivariate_rows([[1], [1, 0]])
    with pytest.raises(InvalidInputError, match="two variables"):
        bivariate_rows(MultiSeries({(0,): 1}, ("q",), 2))


def test_check_bivariate_still_compares_the_two_methods(monkeypatch):
    import combalg.cylindric.borodin as borodin

    good = check_bivariate("10110", 9)
    assert good.ok and good.methods == ("transfer-matrix count", "product")
    assert good.left == bivariate_rows(count_bivariate("10110", 9)) == good.right
    # a product side that is wrong at q^5 w^1 must be reported there, with both rows
    real = borodin.borodin_bivariate

    def broken(pi, n):
        s = real(pi, n)
        return s + MultiSeries({(5, 1): 1}, ("q", "w"), n)

    monkeypatch.setattr(borodin, "borodin_bivariate", broken)
    bad = check_bivariate("10110", 9)
    assert not bad.ok
    m = bad.first_mismatch
    assert m.where == 5 and m.right[1] == m.left[1] + 1
