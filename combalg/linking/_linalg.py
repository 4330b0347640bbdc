"""Private field helpers for [`combalg.linking`][combalg.linking].

Inside the engine a field is represented by its characteristic ``p`` (``0`` for
QQ); matrices are lists of rows of Python values: over QQ ``int`` or
`fractions.Fraction`, over GF(p) ``int`` in ``range(p)``.  The linear
algebra itself is [`combalg.core.linalg`][combalg.core.linalg]; the functions here adapt ``p`` to
its field objects and coerce user entries.
"""

from __future__ import annotations

from fractions import Fraction
from numbers import Integral, Rational
from typing import Any, Sequence

import flint

from combalg.core import linalg
from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError

__all__ = [
    "field_char",
    "field_object",
    "field_name",
    "coerce_entry",
    "rref",
    "rank",
    "nullspace_from_rref",
    "is_prime",
]


def is_prime(n: int) -> bool:
    """Deterministic primality test for the moduli used here."""
    if n < 2:
        return False
    return bool(flint.fmpz(n).is_prime())


def field_char(field: Any) -> int:
    """Return the characteristic (0 for QQ) of a field given in any accepted form.

    Accepted: ``None`` or ``"QQ"`` (the rationals), the field objects of
    [`combalg.core.linalg`][combalg.core.linalg] (``QQ``, ``GF(p)``), ``"GF(p)"``/``"GFp"``
    strings, and objects with a ``characteristic`` attribute.
    """
    if field is None:
        return 0
    if isinstance(field, str):
        text = field.strip().upper().replace(" ", "")
        if text in ("QQ", "Q"):
            return 0
        if text.startswith("GF"):
            body = text[2:].strip("()")
            if body.isdigit() and len(body) <= 40:
                return _prime(int(body), field)
        raise InvalidInputError(f"invalid field {short_repr(field)}: expected QQ or GF(p) with p prime")
    if isinstance(field, bool):
        raise InvalidInputError(f"invalid field {short_repr(field)}: expected QQ or GF(p)")
    if isinstance(field, int):
        if field == 0:
            return 0
        return _prime(field, field)
    for attr in ("characteristic", "p", "modulus", "prime"):
        if hasattr(field, attr):
            val = getattr(field, attr)
            if callable(val):
                val = val()
            try:
                p = int(val)
            except (TypeError, ValueError, OverflowError):
                continue
            if p == 0:
                return 0
            return _prime(p, field)
    if isinstance(field, (list, tuple, set, frozenset, dict, bytes, float, complex, range)):
        raise InvalidInputError(f"invalid field {short_repr(field)}: expected QQ or GF(p) with p prime")
    try:
        text = str(field).strip()
    except (RecursionError, ValueError, TypeError):  # an object whose str fails is no field
        raise InvalidInputError(f"invalid field {short_repr(field)}: expected QQ or GF(p) with p prime") from None
    if text.upper() in ("QQ", "Q", "RATIONALS", "RATIONAL FIELD"):
        return 0
    if text.upper().startswith("GF"):
        return field_char(text)
    raise InvalidInputError(f"invalid field {short_repr(field)}: expected QQ or GF(p) with p prime")


def _prime(p: int, field: Any) -> int:
    """``p`` if it is a prime below ``2**64`` (FLINT's word-size fields), else InvalidInputError."""
    if p >= 2**64:
        raise InvalidInputError(
            f"invalid field {short_repr(field)}: the modulus {short_repr(p)} is too large; expected a prime p < 2**64"
        )
    if not is_prime(p):
        raise InvalidInputError(f"invalid field {short_repr(field)}: the modulus {short_repr(p)} is not prime")
    return p


def field_name(p: int) -> str:
    """``"QQ"`` or ``"GF(p)"``."""
    return "QQ" if p == 0 else f"GF({p})"


def field_object(p: int) -> Any:
    """The core field object (``QQ`` or ``GF(p)``) for characteristic ``p``."""
    return linalg.QQ if p == 0 else linalg.GF(p)


def coerce_entry(value: Any, p: int, where: str = "entry") -> int | Fraction:
    """Convert a user value to an exact field element (int or Fraction; int mod p)."""
    if isinstance(value, bool) or not isinstance(value, (Integral, Rational, flint.fmpz, flint.fmpq)):
        if isinstance(value, (flint.nmod,)):
            value = int(value)
        else:
            raise InvalidInputError(
                f"invalid {where} {short_repr(value)}: expected an exact integer or rational number (no floats or strings)"
            )
    if isinstance(value, flint.fmpq):
        value = Fraction(int(value.p), int(value.q))
    elif isinstance(value, flint.fmpz):
        value = int(value)
    if p == 0:
        if isinstance(value, Integral):
            return int(value)
        fr = Fraction(value.numerator, value.denominator)
        return fr.numerator if fr.denominator == 1 else fr
    if isinstance(value, Integral):
        return int(value) % p
    num, den = int(value.numerator), int(value.denominator)
    if den % p == 0:
        raise InvalidInputError(
            f"invalid {where} {short_repr(value)}: its denominator is divisible by {p}, so it is not an element of GF({p})"
        )
    return (num * pow(den, -1, p)) % p


def rref(rows: Sequence[Sequence[Any]], ncols: int, p: int) -> tuple[list[list[int | Fraction]], list[int]]:
    """Reduced row echelon form over the field of characteristic ``p``: (nonzero rows, pivot columns)."""
    if not rows or ncols == 0:
        return [], []
    R, piv = linalg.rref([list(r) for r in rows], field_object(p), ncols)
    return R[:len(piv)], list(piv)


def rank(rows: Sequence[Sequence[Any]], ncols: int, p: int) -> int:
    """Rank of a matrix over the field of characteristic ``p``."""
    if not rows or ncols == 0:
        return 0
    return linalg.rank([list(r) for r in rows], field_object(p), ncols)


def nullspace_from_rref(R: Sequence[Sequence[Any]], pivots: Sequence[int], ncols: int, p: int) -> list[list]:
    """Basis of the right null space of a matrix given by its RREF (see
    [`combalg.core.linalg.nullspace_from_rref`][combalg.core.linalg.nullspace_from_rref])."""
    return linalg.nullspace_from_rref(R, pivots, ncols, field_object(p))


def neg(x: Any, p: int) -> Any:
    """The additive inverse in the field."""
    return (-x) % p if p else -x
