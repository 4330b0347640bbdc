"""Bad input gets a clear InvalidInputError; oversized requests a ResourceLimitError."""

from __future__ import annotations

from fractions import Fraction

import pytest

from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.cylindric import (
    CylindricPartition,
    Profile,
    borodin_bivariate,
    borodin_series,
    check_borodin,
    count_bivariate,
    count_series,
    cylindric_partitions,
    qt_product_series,
    qt_series,
    qt_weight,
    rpp_series,
)


@pytest.mark.parametrize("bad", ["", "   ", "1a0", "102", "abc", [], [0, 2], [1, -1], "1.0", 5, None])
def test_bad_profiles(bad):
    with pytest.raises(InvalidInputError):
        Profile(bad)


def test_bad_profile_message_names_the_character():
    with pytest.raises(InvalidInputError, match="'2'"):
        Profile("1102")


@pytest.mark.parametrize(
    "fn", [count_series, borodin_series, count_bivariate, borodin_bivariate, rpp_series, check_borodin]
)
@pytest.mark.parametrize("order", [-1, "5", 2.0, True])
def test_bad_order(fn, order):
    with pytest.raises(InvalidInputError):
        fn("1010", order)


def test_zero_order_is_empty():
    assert count_series("10", 0) == [] == borodin_series("10", 0)
    assert count_bivariate("10", 0) == [] == borodin_bivariate("10", 0)


def test_not_interlacing_names_the_step():
    with pytest.raises(InvalidInputError, match=r"step 2 \(letter 1, grow\)"):
        CylindricPartition("110", [[1], [1], [2, 2]])
    with pytest.raises(InvalidInputError, match=r"step 3 \(letter 0, shrink\)"):
        CylindricPartition("110", [[1], [2], [2, 2]])


def test_wrap_around_step_is_checked():
    # every step but the last (mu^2 -> mu^3 = mu^0) is fine
    with pytest.raises(InvalidInputError, match=r"step 3 .*mu\^3 = mu\^0"):
        CylindricPartition("110", [[], [1], [1, 1]])


def test_mu_T_differs_from_mu_0():
    with pytest.raises(InvalidInputError, match="differs from mu\\^0"):
        CylindricPartition("10", [[1], [2], [2]])
    # T + 1 parts with mu^T = mu^0 are accepted
    assert CylindricPartition("10", [[1], [2], [1]]) == CylindricPartition("10", [[1], [2]])


@pytest.mark.parametrize("parts", [[[1]], [[1], [2], [1], [1]], "12", [[1, 2], [2]], [[-1], []], 7])
def test_bad_parts(parts):
    with pytest.raises(InvalidInputError):
        CylindricPartition("10", parts)


def test_bad_c_profile_arrays():
    with pytest.raises(InvalidInputError):
        Profile.from_composition([])
    with pytest.raises(InvalidInputError):
        Profile.from_composition([1, -1])
    with pytest.raises(InvalidInputError, match="wrap-around"):
        CylindricPartition.from_c_profile_array([1, 1], [[2, 2, 2], [1]])
    with pytest.raises(InvalidInputError):
        CylindricPartition.from_c_profile_array([1, 1], [[1]])
    with pytest.raises(InvalidInputError, match="end with 0"):
        CylindricPartition("01", [[1], []]).to_c_profile_array()


def test_enumeration_bad_bounds():
    with pytest.raises(InvalidInputError):
        cylindric_partitions("10", weight=-1)
    with pytest.raises(InvalidInputError):
        cylindric_partitions("10", weight=2, max_weight=3)
    with pytest.raises(InvalidInputError):
        cylindric_partitions("1x", weight=2)


def test_resource_limit_is_raised_before_starting():
    # raised at the call, before any object is produced
    with pytest.raises(ResourceLimitError, match="limit=1000"):
        cylindric_partitions("110100", max_weight=12, limit=1000)
    with pytest.raises(ResourceLimitError):
        cylindric_partitions("10101010", weight=60)
    # the same request with a large enough limit is fine
    assert sum(1 for _ in cylindric_partitions("110100", weight=5, limit=31)) == 31


def test_qt_rejects_floats_and_singular_points():
    cp = CylindricPartition("10", [[1], [2]])
    with pytest.raises(InvalidInputError, match="float"):
        qt_weight(cp, 0.5, Fraction(1, 3))
    with pytest.raises(InvalidInputError):
        qt_series("10", 4, Fraction(1, 2), "t")
    with pytest.raises(InvalidInputError):
        qt_product_series("10", 4, 1, Fraction(1, 2))
    with pytest.raises(InvalidInputError, match="singular"):
        qt_weight(cp, Fraction(1, 2), 2)   # q^1 t^1 = 1 in a denominator
    with pytest.raises(InvalidInputError):
        qt_weight(cp, Fraction(1, 2), Fraction(1, 3), convention="other")
    with pytest.raises(InvalidInputError):
        qt_weight("not an object", 1, 2)
