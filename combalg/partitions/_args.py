"""Fast argument reading shared by the objects and the engines built on them.

[`sequence_arg`][combalg.core.validation.sequence_arg] reads any iterable with the
limit ``sequence_length``; the constructors of partitions, profiles and growth labels
run in inner loops, where most arguments are short lists or tuples, so those are
checked against the same limit without the general machinery.
"""

from __future__ import annotations

from combalg.core import limits
from combalg.core.validation import sequence_arg


def sequence(name: str, value: object) -> list | tuple:
    """``value`` as a list or tuple to iterate over (not a copy when it already is one).

    The same checks as [`sequence_arg`][combalg.core.validation.sequence_arg]: text and
    non-iterables are refused with InvalidInputError, a sequence past the limit
    ``sequence_length`` with ResourceLimitError before it is copied.

    >>> sequence("parts", (3, 1))
    (3, 1)
    >>> sequence("parts", range(3))
    [0, 1, 2]
    """
    t = type(value)
    if t is list or t is tuple:
        bound = limits.get("sequence_length")
        if bound is not None and len(value) > bound:  # type: ignore[arg-type]
            limits.check("sequence_length", len(value), f"{name} of {len(value)} items")  # type: ignore[arg-type]
        return value  # type: ignore[return-value]
    return sequence_arg(name, value)
