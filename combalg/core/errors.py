"""Exceptions raised by combalg.

Every error raised on purpose by combalg derives from [`CombalgError`][CombalgError].
Invalid input raises [`InvalidInputError`][InvalidInputError], which is also a
`ValueError`, so ordinary ``except ValueError`` clauses keep working.

Examples
--------
>>> from combalg.core.errors import InvalidInputError, expect
>>> try:
...     expect(False, "order", -3, "a nonnegative integer")
... except InvalidInputError as exc:
...     print(exc)
invalid order -3: expected a nonnegative integer
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "CombalgError",
    "InvalidInputError",
    "ResourceLimitError",
    "NotExactError",
    "expect",
]


class CombalgError(Exception):
    """Base class of every error raised on purpose by combalg."""


class InvalidInputError(CombalgError, ValueError):
    """An argument has the wrong value; the message names it and what was expected."""


class ResourceLimitError(CombalgError):
    """Work that would exceed a stated limit; raised before the work starts."""


class NotExactError(CombalgError, ArithmeticError):
    """An exact division that does not divide.

    The remainder is kept in `remainder` (and the quotient computed so far
    in `quotient`) so that a caller can report it.
    """

    def __init__(self, message: str, quotient: Any = None, remainder: Any = None) -> None:
        super().__init__(message)
        self.quotient = quotient
        self.remainder = remainder


def expect(condition: bool, name: str, value: Any, expected: str) -> None:
    """Raise [`InvalidInputError`][InvalidInputError] unless ``condition`` holds.

    Parameters
    ----------
    condition : bool
        What must be true.
    name : str
        The name of the argument, as the user wrote it.
    value : object
        The offending value (shown with ``repr``).
    expected : str
        What was expected instead.
    """
    if not isinstance(name, str):
        raise InvalidInputError("invalid name for expect: expected the argument's name as a string")
    if not isinstance(condition, bool):
        try:
            condition = bool(condition)
        except (ValueError, TypeError):  # e.g. a numpy array of several booleans
            raise InvalidInputError(
                f"invalid condition for {name}: expected True or False, got a {type(condition).__name__}"
            ) from None
    if not condition:
        from combalg.core.bignum import short_repr

        raise InvalidInputError(f"invalid {name} {short_repr(value)}: expected {expected}")
