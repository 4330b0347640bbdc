"""Argument types shared by the command-line modules (for argparse ``type=``).

Each raises `argparse.ArgumentTypeError` with the offending text, which
the top-level parser turns into a one-line error and exit status 2.

>>> positive_int("3"), nonnegative_int("0")
(3, 0)
>>> positive_int("0")
Traceback (most recent call last):
...
argparse.ArgumentTypeError: invalid value '0': expected a positive integer
"""

from __future__ import annotations

import argparse

__all__ = ["positive_int", "nonnegative_int"]


def _integer(text: str, minimum: int, expected: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid value {text!r}: expected {expected}") from None
    if value < minimum:
        raise argparse.ArgumentTypeError(f"invalid value {text!r}: expected {expected}")
    return value


def positive_int(text: str) -> int:
    """Parse an integer >= 1."""
    return _integer(text, 1, "a positive integer")


def nonnegative_int(text: str) -> int:
    """Parse an integer >= 0."""
    return _integer(text, 0, "a nonnegative integer")
