"""Private argument checks for [`combalg.linking`][combalg.linking].

Each check returns the normalised value or raises
[`InvalidInputError`][combalg.core.errors.InvalidInputError] naming the argument, the
value (abbreviated with [`short_repr`][combalg.core.bignum.short_repr]) and what was
expected.  Sequences go through [`sequence_arg`][combalg.core.validation.sequence_arg], so
one past the limit ``sequence_length`` (``range(0, 10**15)``) is refused before it is
copied.

>>> labels_arg("labels", "abc")
['a', 'b', 'c']
>>> labels_arg("labels", [[1], 2])
Traceback (most recent call last):
...
combalg.core.errors.InvalidInputError: invalid labels [[1], 2]: the label [1] is not hashable
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError
from combalg.core.validation import nonnegative_int, sequence_arg

__all__ = ["labels_arg", "hashable_arg", "limit_arg", "names"]


def hashable_arg(name: str, value: Any) -> Any:
    """``value`` if it is hashable, else InvalidInputError."""
    try:
        hash(value)
    except TypeError:
        raise InvalidInputError(f"invalid {name} {short_repr(value)}: expected a hashable label") from None
    return value


def labels_arg(name: str, value: Any) -> list:
    """A list of hashable labels from a sequence (a string stands for its characters)."""
    items = list(value) if isinstance(value, str) else sequence_arg(name, value)
    for x in items:
        try:
            hash(x)
        except TypeError:
            raise InvalidInputError(
                f"invalid {name} {short_repr(value)}: the label {short_repr(x)} is not hashable"
            ) from None
    return items


def limit_arg(name: str, value: Any) -> int:
    """A nonnegative integer bound on the work of one call (a ``limit=`` argument)."""
    return nonnegative_int(name, value)


def names(values: Any) -> str:
    """``'a', 'b', ...`` for a message: the labels sorted by their text, abbreviated."""
    shown = sorted(short_repr(x, max_chars=40) for x in values)
    if len(shown) > 8:
        shown = shown[:8] + [f"... ({len(shown)} in all)"]
    return ", ".join(shown)


def is_hashable(value: Any) -> bool:
    """Whether ``hash(value)`` works."""
    if not isinstance(value, Hashable):
        return False
    try:
        hash(value)
    except TypeError:
        return False
    return True
