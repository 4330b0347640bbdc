"""One place for the adjustable resource limits of combalg.

Every request that could take unreasonable time or memory is checked against a
named limit *before* the work starts; past it, combalg raises
[`ResourceLimitError`][combalg.core.errors.ResourceLimitError] with a message that names the
limit, its current value and how to raise it.  The limits are listed in
[`LIMITS`][LIMITS] (and on the documentation page "Limits"); read the value in force
with [`get`][get] and change it for a block of code with [`limits`][limits]:

>>> from combalg.core.limits import get, limits
>>> get("parse_digits")
1000
>>> with limits(parse_digits=5000):
...     get("parse_digits")
5000
>>> get("parse_digits")
1000

The overrides are held in a `contextvars.ContextVar`, so they apply to
the current thread (or asyncio task) and everything it calls, and end with the
``with`` block even when it raises.  ``None`` lifts a limit altogether:

>>> with limits(partition_count_n=None):
...     get("partition_count_n") is None
True

Unknown names and values that are not nonnegative integers are refused:

>>> with limits(no_such_limit=1):
...     pass
Traceback (most recent call last):
...
combalg.core.errors.InvalidInputError: invalid limit name 'no_such_limit': expected one of ...

A module that enforces a limit calls [`check`][check] (or builds the error with
[`exceeded`][exceeded]):

>>> from combalg.core.limits import check
>>> check("parse_digits", 20, "a number of 20 digits")   # within the limit: nothing happens
>>> check("parse_digits", 2000, "a number of 2000 digits")
Traceback (most recent call last):
...
combalg.core.errors.ResourceLimitError: a number of 2000 digits is beyond the limit parse_digits = 1000 (digits of one number written in a text ...); raise it with combalg.core.limits.limits(parse_digits=...) around the call
"""

from __future__ import annotations

import contextvars
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator, Mapping

from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError, ResourceLimitError

__all__ = ["Limit", "LIMITS", "default", "get", "limits", "check", "exceeded", "table"]


@dataclass(frozen=True)
class Limit:
    """A named resource limit.

    Attributes
    ----------
    name : str
        The key used by [`get`][get] and [`limits`][limits].
    default : int
        The value in force when no override is active.
    unit : str
        What the number counts (digits, characters, terms ...).
    description : str
        One line: what is bounded.
    where : str
        The functions that check it.
    """

    name: str
    default: int
    unit: str
    description: str
    where: str


_ENTRIES = (
    # text and numbers
    Limit("text_length", 100_000, "characters",
          "length of a profile, expression, equation or polynomial text",
          "combalg.core.parsing.parse_profile, parse_expression, parse_equation; LaurentRing.parse"),
    Limit("matrix_text_length", 20_000_000, "characters",
          "length of a matrix text (whitespace, CSV or JSON)",
          "combalg.core.parsing.parse_matrix, parse_labelled_matrix"),
    Limit("input_file_bytes", 64 * 2**20, "bytes",
          "size of an input file read by the command line (read with this bound before decoding)",
          "combalg.cli (combalg linking ... FILE)"),
    Limit("parse_digits", 1_000, "digits",
          "digits of one number written in a text (entry, label, coefficient, exponent)",
          "combalg.core.parsing; combalg.core.laurent LaurentRing.parse"),
    Limit("range_values", 100_000, "values",
          "values of an integer range such as 1..8 written in a text",
          "combalg.core.parsing.parse_int_range"),
    Limit("parse_depth", 100, "levels",
          "nesting depth of parentheses, brackets and signs in an expression",
          "combalg.core.parsing"),
    Limit("parse_exponent", 10_000, "",
          "an exponent written in an expression",
          "combalg.core.parsing.parse_expression"),
    Limit("coefficient_bits", 10**7, "bits",
          "estimated size of the coefficients an expression can produce",
          "combalg.core.parsing.expression_size_bound"),
    Limit("sequence_length", 10**7, "items",
          "length of a sequence argument (word, partition, matrix rows, labels), checked before it is copied",
          "combalg.core.validation.sequence_arg, rows_arg and the engines that use them"),
    # objects
    Limit("partition_cells", 10**6, "cells",
          "cells (or conjugate parts) that a Partition method builds",
          "combalg.partitions.conjugate, hook_lengths, num_standard_tableaux; Partition.diagram"),
    Limit("partition_count_n", 10**11, "",
          "n for count_partitions (computed by FLINT's Hardy-Ramanujan-Rademacher code above 5000)",
          "combalg.partitions.count_partitions"),
    Limit("asm_list_size", 300, "",
          "size n of the ASM, monotone triangle and compatible pair generators",
          "combalg.asm.alternating_sign_matrices, monotone_triangles, compatible_pairs"),
    # engines
    Limit("laurent_power_terms", 10**7, "terms",
          "estimated number of terms of a power of a Laurent polynomial",
          "combalg.core.laurent.LaurentPolynomial.__pow__"),
    Limit("laurent_product_work", 10**9, "word operations",
          "estimated work of one product or exact division of laurent_run (terms of one factor times "
          "terms of the other times coefficient words), checked before FLINT, which cannot be "
          "interrupted, starts it",
          "combalg.lambdadet.laurent_run"),
    Limit("laurent_degree", 20_000, "",
          "degree on the random line of a value in laurent_precheck (default of max_degree); "
          "a power past it is not computed",
          "combalg.lambdadet.laurent_precheck"),
    Limit("count_bits", 10**6, "bits",
          "estimated size of an exact count (or of a whole row of counts) returned as Python integers",
          "combalg.free.catalan, narayana, narayana_numbers"),
    Limit("fock_word_length", 1_000, "letters",
          "length of a word of creation and annihilation operators applied to a Fock vector",
          "combalg.free.fock.apply_word"),
)

#: every limit by name, in the order of the documentation page
LIMITS: Mapping[str, Limit] = {lim.name: lim for lim in _ENTRIES}

_OVERRIDES: contextvars.ContextVar[Mapping[str, int | None]] = contextvars.ContextVar(
    "combalg_limits", default={}
)


def _known(name: str) -> Limit:
    try:
        return LIMITS[name]
    except KeyError:
        raise InvalidInputError(
            f"invalid limit name {short_repr(name)}: expected one of {', '.join(LIMITS)}"
        ) from None


def default(name: str) -> int:
    """The default value of the limit ``name`` (ignoring any override).

    >>> default("partition_cells")
    1000000
    """
    return _known(name).default


def get(name: str) -> int | None:
    """The value of the limit ``name`` in force now (``None`` means no limit).

    >>> get("matrix_text_length")
    20000000
    """
    over = _OVERRIDES.get()
    if name in over:
        return over[name]
    return _known(name).default


@contextmanager
def limits(**overrides: int | None) -> Iterator[None]:
    """Change limits for the duration of a ``with`` block.

    Parameters
    ----------
    **overrides : int or None
        New values by limit name (see [`LIMITS`][LIMITS]); ``None`` lifts a limit.

    Raises
    ------
    InvalidInputError
        For an unknown name or a value that is not a nonnegative integer or None.

    Examples
    --------
    >>> from combalg.partitions import count_partitions
    >>> with limits(partition_count_n=10):
    ...     count_partitions(11)
    Traceback (most recent call last):
    ...
    combalg.core.errors.ResourceLimitError: count_partitions(11) is beyond the limit partition_count_n = 10 ...
    """
    for name, value in overrides.items():
        _known(name)
        if value is not None and (type(value) is not int or value < 0):
            raise InvalidInputError(
                f"invalid value {short_repr(value)} for the limit {name}: expected a nonnegative integer or None"
            )
    merged = dict(_OVERRIDES.get())
    merged.update(overrides)
    token = _OVERRIDES.set(merged)
    try:
        yield
    finally:
        _OVERRIDES.reset(token)


def exceeded(name: str, what: str) -> ResourceLimitError:
    """The error for ``what`` going past the limit ``name`` (returned, not raised).

    >>> print(exceeded("text_length", "a text of 200000 characters"))
    a text of 200000 characters is beyond the limit text_length = 100000 (length of a profile, expression, equation or polynomial text); raise it with combalg.core.limits.limits(text_length=...) around the call
    """
    lim = _known(name)
    return ResourceLimitError(
        f"{what} is beyond the limit {name} = {get(name)} ({lim.description}); "
        f"raise it with combalg.core.limits.limits({name}=...) around the call"
    )


def check(name: str, amount: int, what: str) -> None:
    """Raise [`ResourceLimitError`][ResourceLimitError] if ``amount`` is above the limit ``name``.

    ``what`` describes the request in the message (e.g. ``"a word of length 100000"``).
    """
    value = get(name)
    if value is not None and amount > value:
        raise exceeded(name, what)


def table() -> list[tuple[str, int | None, int, str, str]]:
    """Rows ``(name, value in force, default, unit, description)`` of every limit.

    >>> first = table()[0]
    >>> first[:3]
    ('text_length', 100000, 100000)
    """
    return [(lim.name, get(lim.name), lim.default, lim.unit, lim.description) for lim in _ENTRIES]
