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
    assert count_bivariate("10", 0) == borodin_bivariate("10", 0)
    assert count_bivariate("10", 0).order == 0 and not count_bivariate("10", 0)


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


# ---------------------------------------------------------------- review additions
@pytest.mark.parametrize("bad", [[True, False], (1, False), {1: 0}, {0, 1}, frozenset({1})])
def test_bools_sets_and_mappings_are_not_profiles(bad):
    with pytest.raises(InvalidInputError):
        Profile(bad)


@pytest.mark.parametrize("shift", [1.5, "1", None, True])
def test_bad_rotation_amount(shift):
    with pytest.raises(InvalidInputError, match="shift"):
        Profile("110").rotate(shift)
    with pytest.raises(InvalidInputError, match="shift"):
        CylindricPartition("10", [[1], [2]]).rotate(shift)


def test_bools_are_not_c_profile_entries():
    with pytest.raises(InvalidInputError, match="bool"):
        Profile.from_composition([True, False])


def test_count_series_refuses_hopeless_orders_before_starting():
    # order 1000 by transfer matrix would take far longer than any sane budget
    with pytest.raises(ResourceLimitError, match="estimated_work"):
        count_series("10", 1000)
    with pytest.raises(ResourceLimitError):
        count_bivariate("1100", 10**6)
    with pytest.raises(ResourceLimitError):
        rpp_series("1100", 10**6)
    with pytest.raises(ResourceLimitError, match="limit=5"):
        count_series("1010", 12, limit=5)
    # the limit can be lifted, and a small order is far below the default
    assert count_series("1010", 6, limit=None) == [1, 2, 3, 6, 10, 16]
    with pytest.raises(InvalidInputError, match="limit"):
        count_series("1010", 6, limit="big")
    with pytest.raises(InvalidInputError, match="limit"):
        count_series("1010", 6, limit=-1)


def test_estimated_work_grows_with_the_order():
    from combalg.cylindric.transfer import WORK_LIMIT, estimated_work

    values = [estimated_work("110100", n) for n in (0, 1, 10, 40, 80)]
    assert values == sorted(values) and values[0] == 0
    # the documented reach: order 40 for every profile of length <= 6 and order 80
    # for 110100 are below the default limit
    assert values[-1] <= WORK_LIMIT
    assert estimated_work("10", 10**9) > WORK_LIMIT


def test_product_sides_refuse_huge_orders_before_starting():
    with pytest.raises(ResourceLimitError, match="MAX_ORDER"):
        borodin_series("10", 10**9)
    with pytest.raises(ResourceLimitError):
        borodin_bivariate("10", 10**5)
    with pytest.raises(ResourceLimitError):
        qt_product_series("10", 10**4, Fraction(1, 2), Fraction(1, 3))
    with pytest.raises(ResourceLimitError):
        qt_series("10", 10**4, Fraction(1, 2), Fraction(1, 3), method="transfer")
    with pytest.raises(ResourceLimitError):
        cylindric_partitions("10", weight=10**9)


def test_check_timings_do_not_include_lazy_imports():
    # in a fresh interpreter the first clock reading of a check must happen after
    # every module the two sides import lazily is loaded
    import subprocess
    import sys

    code = (
        "import sys, time\n"
        "import combalg.cylindric.checks as c\n"
        "seen = []\n"
        "real = time.perf_counter\n"
        "def clock():\n"
        "    seen.append({'numpy', 'combalg.core.series', 'combalg.core.mseries'} <= set(sys.modules))\n"
        "    return real()\n"
        "c.time.perf_counter = clock\n"
        "c.check_borodin('1100', 4); c.check_bivariate('1100', 4); c.check_rpp('1100', 4)\n"
        "print(all(seen) and len(seen) == 12)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


@pytest.mark.parametrize("bad", ["no", 1, None])
def test_mu0_empty_must_be_a_bool(bad):
    with pytest.raises(InvalidInputError, match="mu0_empty"):
        cylindric_partitions("10", weight=3, mu0_empty=bad)
