"""Argument checks shared by the engines.

Each check returns the normalised value or raises
[`InvalidInputError`][combalg.core.errors.InvalidInputError] naming the argument, the value
and what was expected.  Booleans are refused where an integer is expected
(``True`` is an ``int`` in Python, but never a meaningful order or size).

Examples
--------
>>> from combalg.core.validation import nonnegative_int
>>> nonnegative_int("order", 12)
12
>>> nonnegative_int("limit", None, allow_none=True) is None
True
>>> nonnegative_int("order", -1)
Traceback (most recent call last):
...
combalg.core.errors.InvalidInputError: invalid order -1: expected a nonnegative integer
>>> nonnegative_int("order", True)
Traceback (most recent call last):
...
combalg.core.errors.InvalidInputError: invalid order True: expected a nonnegative integer
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterable, Sized

from combalg.core import limits
from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError

__all__ = ["integer_arg", "nonnegative_int", "positive_int", "sequence_arg", "sequence_view", "rows_arg", "flag_arg", "seconds_arg"]


def _name(name: object) -> str:
    if not isinstance(name, str):
        raise InvalidInputError(f"invalid name {short_repr(name)}: expected the argument's name as a string")
    return name


def _integer(name: str, value: object, minimum: int | None, expected: str, allow_none: bool) -> int | None:
    _name(name)
    if type(allow_none) is not bool:
        allow_none = flag_arg("allow_none", allow_none)
    if value is None and allow_none:
        return None
    if allow_none:
        expected += " or None"
    if isinstance(value, bool):
        raise InvalidInputError(f"invalid {name} {value!r}: expected {expected}")
    try:
        v = operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        raise InvalidInputError(f"invalid {name} {short_repr(value)}: expected {expected}") from None
    if minimum is not None and v < minimum:
        raise InvalidInputError(f"invalid {name} {short_repr(v)}: expected {expected}")
    return v


def integer_arg(name: str, value: object) -> int:
    """Return ``value`` as an ``int`` of any sign (not a bool), else raise InvalidInputError.

    >>> integer_arg("shift", -3)
    -3
    >>> integer_arg("shift", 1.5)
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid shift 1.5: expected an integer
    """
    return _integer(name, value, None, "an integer", False)  # type: ignore[return-value]


def nonnegative_int(name: str, value: object, *, allow_none: bool = False) -> int | None:
    """Return ``value`` as an ``int >= 0`` (or ``None`` if allowed), else raise InvalidInputError."""
    return _integer(name, value, 0, "a nonnegative integer", allow_none)


def positive_int(name: str, value: object, *, allow_none: bool = False) -> int | None:
    """Return ``value`` as an ``int >= 1`` (or ``None`` if allowed), else raise InvalidInputError."""
    return _integer(name, value, 1, "a positive integer", allow_none)


def sequence_arg(name: str, value: object) -> list:
    """``value`` as a list if it is a (non-text) iterable, else [`InvalidInputError`][InvalidInputError] naming ``name``.

    A sequence past the limit ``sequence_length`` is refused with
    [`ResourceLimitError`][combalg.core.errors.ResourceLimitError] before it is copied.

    >>> sequence_arg("word", (1, 2))
    [1, 2]
    >>> sequence_arg("word", 5)
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid word 5: expected a sequence
    """
    _name(name)
    t = type(value)
    if t is list or t is tuple:  # the common case, kept cheap: these run in inner loops
        _check_length(name, len(value))  # type: ignore[arg-type]
        return list(value)  # type: ignore[call-overload]
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidInputError(f"invalid {name} {short_repr(value)}: expected a sequence")
    bound = limits.get("sequence_length")
    if bound is None:
        return list(value)
    if isinstance(value, Sized):
        try:
            size = len(value)
        except (OverflowError, TypeError):  # range(10**30) has no len
            raise limits.exceeded("sequence_length", f"{name} of more than {bound} items") from None
        _check_length(name, size)
        return list(value)
    out = list(itertools.islice(value, bound + 1))
    if len(out) > bound:
        raise limits.exceeded("sequence_length", f"{name} of more than {bound} items")
    return out


def sequence_view(name: str, value: object) -> list | tuple:
    """[`sequence_arg`][sequence_arg] without the copy: a list or tuple is returned itself
    (after the same checks), anything else as a new list.  For constructors in inner loops
    that only read their argument.

    >>> t = (3, 1)
    >>> sequence_view("parts", t) is t, sequence_view("parts", range(2))
    (True, [0, 1])
    """
    _name(name)
    t = type(value)
    if t is list or t is tuple:
        _check_length(name, len(value))  # type: ignore[arg-type]
        return value  # type: ignore[return-value]
    return sequence_arg(name, value)


def _check_length(name: str, size: int) -> None:
    bound = limits.get("sequence_length")
    if bound is not None and size > bound:
        raise limits.exceeded("sequence_length", f"{name} of {size} items")


def rows_arg(name: str, value: object) -> list[list]:
    """``value`` as a list of row lists (each row a non-text iterable), else [`InvalidInputError`][InvalidInputError].

    >>> rows_arg("matrix", [(1, 2), [3]])
    [[1, 2], [3]]
    """
    from combalg.core.errors import InvalidInputError

    rows = sequence_arg(name, value)
    out = []
    for i, r in enumerate(rows):
        try:
            out.append(sequence_arg(f"{name} row {i}", r))
        except InvalidInputError:
            raise InvalidInputError(f"invalid {name} {short_repr(value)}: row {i} ({short_repr(r)}) is not a sequence") from None
    return out


def flag_arg(name: str, value: object, *, allow_int: bool = True) -> bool:
    """``value`` as a ``bool`` (``True``/``False``, also numpy booleans, and the integers 0
    and 1 unless ``allow_int`` is false).

    >>> flag_arg("with_order", False)
    False
    >>> flag_arg("with_order", "yes")
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid with_order 'yes': expected True or False
    >>> flag_arg("rename", 1, allow_int=False)
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid rename 1: expected True or False
    """
    _name(name)
    if isinstance(value, bool):
        return value
    if type(value).__name__ in ("bool_", "bool") and type(value).__module__ == "numpy":
        return bool(value)
    if allow_int is True and isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise InvalidInputError(f"invalid {name} {short_repr(value)}: expected True or False")


def seconds_arg(name: str, value: object) -> float:
    """A time in seconds: a finite nonnegative real number (not a bool), returned as a float.

    >>> seconds_arg("seconds", 2)
    2.0
    >>> seconds_arg("seconds", float("nan"))
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid seconds nan: expected a finite nonnegative number of seconds
    """
    import math
    import numbers

    name = _name(name)
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InvalidInputError(f"invalid {name} {short_repr(value)}: expected a time in seconds (a real number)")
    try:
        out = float(value)
    except OverflowError:
        out = math.inf
    if not math.isfinite(out) or out < 0:
        raise InvalidInputError(f"invalid {name} {short_repr(value)}: expected a finite nonnegative number of seconds")
    return out
