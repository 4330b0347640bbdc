"""Regressions of issue 15 in the core layer: the public syntax tree classes check
their arguments, the functions that take a tree refuse other values and trees
nested past the limit ``parse_depth`` (without recursing), and the value types of
``combalg.core.checks`` and ``combalg.core.encoding`` check their constructors.
"""

from __future__ import annotations

import pickle
from fractions import Fraction

import pytest

from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.core.laurent import LaurentRing
from combalg.core.limits import limits
from combalg.core.parsing import (
    Add, Expr, Indexed, Mul, Name, Neg, Num, Pow, evaluate_integer, expr_to_laurent, expr_to_sympy,
    expression_size_bound, parse_expression,
)


def deep_list(depth: int) -> list:
    v: list = [1]
    for _ in range(depth):
        v = [v]
    return v


# ---------------------------------------------------------------------------
# syntax tree nodes
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("build", [
    lambda: Expr(),
    lambda: Num(None), lambda: Num(True), lambda: Num(1.5), lambda: Num(-1), lambda: Num("3"),
    lambda: Name(None), lambda: Name(""), lambda: Name(3),
    lambda: Indexed(None, (Num(1),)), lambda: Indexed("x", None), lambda: Indexed("x", ()),
    lambda: Indexed("x", (1,)),
    lambda: Neg(None), lambda: Neg("x"), lambda: Neg(Name("x"), pos=-1), lambda: Neg(Name("x"), pos=1.0),
    lambda: Add(None), lambda: Add(()), lambda: Add((Name("x"), 1)),
    lambda: Mul(None), lambda: Mul((Name("x"),), None), lambda: Mul((Name("x"),), ("y",)),
    lambda: Pow(None, 2), lambda: Pow(Name("x"), 1.5), lambda: Pow(Name("x"), True), lambda: Pow(Name("x"), None),
])
def test_nodes_refuse_wrong_arguments(build):
    with pytest.raises(InvalidInputError):
        build()


def test_nodes_built_by_hand_equal_parsed_ones():
    e = Add((Name("a"), Neg(Mul((Num(2), Pow(Name("b"), 3)), (Name("c"),)))))
    assert e == parse_expression("a - 2*b^3/c")
    assert hash(e) == hash(parse_expression("a - 2*b^3/c"))
    assert Indexed("x", [Num(1)]) == Indexed("x", (Num(1),))  # a list of indices is kept as a tuple
    assert Mul((Name("x"), Name("y"))) != Mul((Name("x"),), (Name("y"),))
    assert repr(Mul((Name("x"),))) == "Mul(factors=(Name(name='x'),), divisors=())"
    assert str(Num(Fraction(3, 4))) == "3/4"


def test_a_parsed_expression_at_the_depth_limit_formats_compares_and_pickles():
    text = "x"
    for _ in range(100):  # 100 = the default parse_depth; 4 tree levels per parenthesis
        text = f"1 - 2*({text})^2"
    e = parse_expression(text)
    assert str(e) == str(parse_expression(str(e)))
    assert e == parse_expression(text) and hash(e) == hash(parse_expression(text))
    assert repr(e).startswith("Add(terms=(Num(value=1), Neg(operand=Mul(factors=(Num(value=2), Pow(base=Add(")
    assert pickle.loads(pickle.dumps(e)) == e


def test_a_tree_deeper_than_the_limit_is_refused_when_built():
    node: Expr = Name("x")
    with pytest.raises(ResourceLimitError, match="parse_depth"):
        for _ in range(3000):
            node = Neg(node)
    with limits(parse_depth=10):
        with pytest.raises(ResourceLimitError, match="parse_depth"):
            evaluate_integer(node, {"x": 1})


# ---------------------------------------------------------------------------
# functions that take a tree
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("call", [
    lambda bad: evaluate_integer(bad, [1]),
    lambda bad: evaluate_integer(bad),
    lambda bad: expression_size_bound(bad, "latex"),
    lambda bad: expr_to_laurent(bad, LaurentRing(["x"])),
    lambda bad: expr_to_sympy(bad, ["c", "d"]),
])
@pytest.mark.parametrize("bad", [deep_list(3000), None, "x + 1", 3])
def test_functions_taking_a_tree_refuse_other_values(call, bad):
    with pytest.raises(InvalidInputError, match="expected an expression syntax tree"):
        call(bad)


def test_functions_taking_a_tree_check_their_other_arguments():
    e = parse_expression("x[m-1] + 2")
    with pytest.raises(InvalidInputError):
        evaluate_integer(e.terms[0].indices[0], [1])
    with pytest.raises(InvalidInputError):
        e.terms[0].resolve(float("inf"))
    with pytest.raises(InvalidInputError):
        expression_size_bound(e, "latex")
    with pytest.raises(InvalidInputError):
        expr_to_laurent(e, None)
    with pytest.raises(InvalidInputError):
        expr_to_laurent(e, LaurentRing(["x[0]"]), env=1.5, indices={"m": 1})
    with pytest.raises(InvalidInputError):
        expr_to_sympy(e, float("inf"))
    assert evaluate_integer(parse_expression("2*i - (j + 1)"), {"i": 5, "j": 3}) == 6


def test_expression_parsers_check_variables_and_matrix_parsers_their_options():
    from combalg.core.parsing import parse_equation, parse_labelled_matrix, parse_matrix

    with pytest.raises(InvalidInputError):
        parse_expression("x + 1", float("inf"))
    with pytest.raises(InvalidInputError):
        parse_equation("x[m] = x[m-1] + 2", [1, 2])
    assert parse_expression("x + 1", ["x"]) == parse_expression("x + 1")
    with pytest.raises(InvalidInputError):
        parse_matrix("[[1, 2], [3, 4]]", [0.5, 1.5])
    with pytest.raises(InvalidInputError):
        parse_labelled_matrix("a,b\n1,2", "csv", None)


# ---------------------------------------------------------------------------
# value types of combalg.core.checks and combalg.core.encoding
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("kwargs", [
    dict(name=3), dict(parameters=[1]), dict(methods=5), dict(methods=("a",)), dict(methods=("a", 2)),
    dict(first_mismatch=(1, 2, 3)), dict(seconds=10**400), dict(seconds="1"), dict(seconds=None),
    dict(seconds=float("nan")), dict(seconds=-1.0), dict(side_seconds=8), dict(side_seconds=(1, "2")),
    dict(side_seconds=(1, 2, 3)),
])
def test_check_result_refuses_wrong_constructor_arguments(kwargs):
    from combalg.core.checks import CheckResult

    args = dict(name="c", parameters={"n": 1}, methods=("a", "b"))
    args.update(kwargs)
    with pytest.raises(InvalidInputError):
        CheckResult(**args)


def test_check_result_values_still_round_trip():
    from combalg.core.checks import CheckResult, Mismatch

    r = CheckResult("c", {"n": 1}, ["a", "b"], Mismatch(2, Fraction(1, 2), 3), 1, [0.5, 0.25])
    assert r.methods == ("a", "b") and r.seconds == 1.0 and r.side_seconds == (0.5, 0.25)
    assert CheckResult.from_dict(r.to_dict()) == r
    assert pickle.loads(pickle.dumps(r)) == r
    with pytest.raises(InvalidInputError):
        r.to_dict([0.5, 1.5])


def test_mismatch_formats_values_that_str_cannot_show():
    from combalg.core.checks import Mismatch

    assert "first mismatch" in str(Mismatch(deep_list(3000), 1, 2))


def test_first_difference_refuses_what_is_not_a_pair_of_sequences():
    import numpy as np

    from combalg.core.checks import Mismatch, first_difference

    for left, right in [(None, None), (3, [1]), ([1], range(0, 10**15))]:
        with pytest.raises((InvalidInputError, ResourceLimitError)):
            first_difference(left, right)
    with pytest.raises(InvalidInputError):
        first_difference([np.array([1, 2])], [np.array([1, 3])])
    assert first_difference([1, 2, 3], (1, 2, 4)) == Mismatch(2, 3, 4)
    assert first_difference("abc", "abd") == Mismatch(2, "c", "d")
    assert first_difference(iter([1, 2]), [1, 2]) is None


@pytest.mark.parametrize("kwargs", [
    dict(separators=[1]), dict(separators=(",", 1)), dict(skipkeys="10"), dict(ensure_ascii=["a", 1]),
    dict(check_circular=3), dict(allow_nan=[[1]]), dict(indent=1.5), dict(indent=-1), dict(default=3),
    dict(sort_keys=None),
])
def test_exact_json_encoder_refuses_wrong_options(kwargs):
    from combalg.core.encoding import ExactJSONEncoder

    with pytest.raises(InvalidInputError):
        ExactJSONEncoder(**kwargs)


def test_exact_json_encoder_options_still_work():
    import json

    from combalg.core.encoding import ExactJSONEncoder

    text = json.dumps({"b": Fraction(1, 2), "a": [1]}, cls=ExactJSONEncoder, indent=1, sort_keys=True,
                      separators=(",", ": "))
    assert text == '{\n "a": [\n  1\n ],\n "b": "1/2"\n}'


# ---------------------------------------------------------------------------
# series
# ---------------------------------------------------------------------------

def test_power_series_reads_only_the_coefficients_it_keeps():
    from combalg.core.series import PowerSeries

    assert PowerSeries(range(0, 10**15), order=3).coefficients() == [0, 1, 2]
    assert PowerSeries(iter([1, 2, 3, 4]), order=2).coefficients() == [1, 2]
    assert PowerSeries((1, 2, 3)).order == 3
    with pytest.raises(ResourceLimitError):
        PowerSeries(range(0, 10**15))


@pytest.mark.parametrize("coeffs, order", [([1, Fraction(1, 2), 0, Fraction(-3, 4)], 6), ([], 3), ([0, 0, 1], 3),
                                           ([1, 2], 0), ([Fraction(5, 3)], 1)])
@pytest.mark.parametrize("k", [1, 2, 5])
def test_inflate_spreads_the_coefficients(coeffs, order, k):
    from combalg.core.series import PowerSeries

    s = PowerSeries(coeffs, order)
    expected = [0] * (order * k)
    for i, c in enumerate(s.coefficients()):  # q -> q^k moves the coefficient of q^i to q^(i k)
        expected[i * k] = c
    r = s.inflate(k)
    assert r.order == order * k and r.coefficients() == expected


def test_series_display_and_product_options_are_checked_before_work():
    from combalg.core.series import PowerSeries, partition_series, qpochhammer

    s = PowerSeries([1, 1, 2], 3)
    for call in (lambda: s.to_string(range(0, 10**15)), lambda: s.latex([]), lambda: s.as_sympy(range(3)),
                 lambda: s.as_sympy("x", [0.5, 1.5]), lambda: partition_series(10**6, iter([1, 2])),
                 lambda: qpochhammer(2, 3, 10**6, [[1, 2]]), lambda: PowerSeries.from_flint(None, 3)):
        with pytest.raises(InvalidInputError):
            call()


def test_a_q_pochhammer_with_enormous_coefficients_is_refused_before_work():
    from combalg.core.series import qpochhammer

    with pytest.raises(ResourceLimitError, match="MAX_POWER_BITS"):
        qpochhammer(10**6, 10**6, 10**6)
    # (2; q)_3 = (1 - 2)(1 - 2q)(1 - 2q^2), expanded by hand
    assert qpochhammer(2, 3, 5).coefficients() == [-1, 2, 2, -4, 0]
