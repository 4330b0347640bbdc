"""Decimal text of integers and fractions of any size.

Python refuses to convert an int of more than 4300 digits to text (and back)
unless ``sys.set_int_max_str_digits`` is raised, and its conversion takes
quadratic time.  combalg's exact results can be far larger, so its formatters
go through [`int_text`][int_text] and [`fraction_text`][fraction_text], which convert large
values with FLINT (``fmpz.str``: subquadratic and without a digit limit), and
through [`short_repr`][short_repr] where a display would be unreadable (error messages),
which abbreviates a long number to its first and last digits and its digit
count.  Third-party printers (SymPy's LaTeX) that call ``str`` on ints run
inside [`unlimited_int_digits`][unlimited_int_digits].

Examples
--------
>>> len(int_text(10**5000))
5001
>>> fraction_text(__import__("fractions").Fraction(-1, 2**20))
'-1/1048576'
>>> short_repr(3**10000)
'16313501...52200001 (4772 digits)'
>>> short_repr([1, 2, 3])
'[1, 2, 3]'
"""

from __future__ import annotations

import sys
import threading
from contextlib import contextmanager
from fractions import Fraction
from typing import Any, Iterator

__all__ = ["int_text", "fraction_text", "number_text", "digit_count", "short_repr", "unlimited_int_digits"]

# ints below 2**_FAST_BITS (about 3900 digits) convert with str() under the default limit
_FAST_BITS = 13_000


def int_text(n: int) -> str:
    """The exact decimal text of the integer ``n``, of any size.

    >>> int_text(-12)
    '-12'
    >>> int_text(7**6000)[:10]
    '3874717868'
    """
    n = int(n)
    if n.bit_length() < _FAST_BITS:
        return int.__str__(n)
    from flint import fmpz

    return str(fmpz(n))


def fraction_text(q: Fraction) -> str:
    """``"p/q"`` (or ``"p"`` for an integer) for a Fraction of any size."""
    if q.denominator == 1:
        return int_text(q.numerator)
    return f"{int_text(q.numerator)}/{int_text(q.denominator)}"


def number_text(x: Any) -> str:
    """Exact text of an int or Fraction; ``str(x)`` for anything else."""
    if isinstance(x, bool):
        return str(x)
    if isinstance(x, int):
        return int_text(x)
    if isinstance(x, Fraction):
        return fraction_text(x)
    return str(x)


def digit_count(n: int) -> int:
    """The number of decimal digits of ``|n|`` (1 for 0).

    >>> digit_count(0), digit_count(-999), digit_count(10**5000)
    (1, 3, 5001)
    """
    n = abs(int(n))
    if n.bit_length() < _FAST_BITS:
        return len(int.__str__(n))
    # estimate from the bit length, then correct with one comparison
    d = int(n.bit_length() * 0.30102999566398120) + 1
    if n < 10 ** (d - 1):
        d -= 1
    elif n >= 10**d:
        d += 1
    return d


def _short_int(n: int, max_digits: int) -> str:
    d = digit_count(n)
    if d <= max_digits:
        return int_text(n)
    text = int_text(n)
    sign = "-" if text.startswith("-") else ""
    digits = text.lstrip("-")
    return f"{sign}{digits[:8]}...{digits[-8:]} ({d} digits)"


def short_repr(value: Any, max_digits: int = 60, max_chars: int = 200) -> str:
    """A repr for messages: long integers abbreviated, long texts cut.

    Never raises for an int of any size (unlike ``repr`` beyond 4300 digits).

    >>> short_repr(2**300, max_digits=20)
    '20370359...83397376 (91 digits)'
    >>> short_repr("x" * 500, max_chars=12)
    "'xxxxxxxx...' (500 characters)"
    """
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int):
        return _short_int(value, max_digits)
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return _short_int(value.numerator, max_digits)
        return f"{_short_int(value.numerator, max_digits)}/{_short_int(value.denominator, max_digits)}"
    with unlimited_int_digits():
        if isinstance(value, str) and len(value) > max_chars:
            r = repr(value[: max_chars - 4])
            return f"{r[:-1]}...{r[-1]} ({len(value)} characters)"
        if isinstance(value, (list, tuple)) and len(value) > max_chars:
            value = type(value)(value[:max_chars]) if isinstance(value, list) else tuple(value[:max_chars])
        try:
            text = repr(value)
        except Exception:  # a broken __repr__ must not hide the real error
            text = f"<{type(value).__name__} object>"
    if len(text) > max_chars:
        text = f"{text[:max_chars - 4]}... ({len(text)} characters)"
    return text


_lock = threading.RLock()
_depth = 0
_saved = 0


@contextmanager
def unlimited_int_digits() -> Iterator[None]:
    """Lift Python's int/str digit limit for the ``with`` block, then restore it.

    For third-party printers that call ``str`` on ints (SymPy's LaTeX).  The
    limit is process-wide; nested and concurrent uses share one lifted state
    and the previous value is restored when the last one ends.

    >>> with unlimited_int_digits():
    ...     len(str(10**5000))
    5001
    """
    global _depth, _saved
    getter = getattr(sys, "get_int_max_str_digits", None)
    if getter is None:  # Python without the limit
        yield
        return
    with _lock:
        if _depth == 0:
            _saved = getter()
            sys.set_int_max_str_digits(0)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                sys.set_int_max_str_digits(_saved)
