"""The error hierarchy is part of the public contract."""

from __future__ import annotations

import pytest

from combalg.core.errors import CombalgError, InvalidInputError, NotExactError, ResourceLimitError, expect


def test_hierarchy():
    assert issubclass(InvalidInputError, CombalgError) and issubclass(InvalidInputError, ValueError)
    assert issubclass(ResourceLimitError, CombalgError)
    assert not issubclass(ResourceLimitError, ValueError)
    assert issubclass(NotExactError, ArithmeticError)


def test_expect_names_value_and_expectation():
    with pytest.raises(InvalidInputError) as exc:
        expect(False, "order", -1, "a nonnegative integer")
    assert "order" in str(exc.value) and "-1" in str(exc.value) and "nonnegative" in str(exc.value)
    expect(True, "order", 3, "anything")


def test_not_exact_keeps_remainder():
    err = NotExactError("x does not divide y", quotient=0, remainder=5)
    assert err.remainder == 5 and err.quotient == 0
