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

from combalg.core.errors import InvalidInputError

__all__ = ["positive_int", "nonnegative_int", "read_text_file"]


def _integer(text: str, minimum: int, expected: str) -> int:
    from combalg.core.limits import get

    digits = get("parse_digits")
    if digits is not None and len(text) > digits + 1:
        raise argparse.ArgumentTypeError(
            f"invalid value {text[:20]!r}... ({len(text)} characters): expected {expected} "
            f"of at most {digits} digits")
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


def read_text_file(path: str, what: str = "file") -> str:
    """Read a UTF-8 text file for the command line, bounded before decoding.

    At most the limit ``input_file_bytes`` of [`combalg.core.limits`][combalg.core.limits] is
    read (a larger file, or an endless one such as ``/dev/zero``, is refused
    without reading further), and a file that is not text (a NUL byte or
    invalid UTF-8) is refused with a one-line error.

    Raises
    ------
    InvalidInputError
        If the file cannot be opened or read, or is not UTF-8 text.
    ResourceLimitError
        If the file is larger than the limit.
    """
    from combalg.core.limits import exceeded, get

    limit = get("input_file_bytes")
    try:
        with open(path, "rb") as fh:
            head = fh.read(65536)
            if b"\0" in head:
                raise InvalidInputError(f"invalid {what} {path!r}: a binary file (it contains NUL bytes); "
                                        "expected UTF-8 text")
            rest = fh.read(-1 if limit is None else max(0, limit + 1 - len(head)))
    except OSError as exc:
        raise InvalidInputError(f"invalid {what} {path!r}: {exc.strerror or exc}") from None
    data = head + rest
    if limit is not None and len(data) > limit:
        raise exceeded("input_file_bytes", f"the {what} {path!r} (more than {limit} bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInputError(
            f"invalid {what} {path!r}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
