"""Private exact linear algebra helpers for :mod:`combalg.linking`.

Matrices are lists of rows of Python values: over QQ ``int`` or
:class:`fractions.Fraction`, over GF(p) ``int`` in ``range(p)``.  A field is
represented internally by its characteristic ``p`` (``0`` for QQ).  The heavy
work is done by python-flint (``fmpq_mat`` over QQ, ``nmod_mat`` over GF(p)).
"""

from __future__ import annotations

import math
from fractions import Fraction
from numbers import Integral, Rational
from typing import Any, Sequence

import flint

from combalg.core.errors import InvalidInputError

__all__ = [
    "field_char",
    "field_object",
    "field_name",
    "coerce_entry",
    "rref",
    "rank",
    "nullspace",
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
    :mod:`combalg.core.linalg` (``QQ``, ``GF(p)``), ``"GF(p)"``/``"GFp"``
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
            if body.isdigit():
                p = int(body)
                if not is_prime(p):
                    raise InvalidInputError(f"invalid field {field!r}: the modulus {p} is not prime")
                return p
        raise InvalidInputError(f"invalid field {field!r}: expected QQ or GF(p) with p prime")
    if isinstance(field, bool):
        raise InvalidInputError(f"invalid field {field!r}: expected QQ or GF(p)")
    if isinstance(field, int):
        if field == 0:
            return 0
        if not is_prime(field):
            raise InvalidInputError(f"invalid field modulus {field!r}: it is not prime; expected 0 (QQ) or a prime p (GF(p))")
        return field
    for attr in ("characteristic", "p", "modulus", "prime"):
        if hasattr(field, attr):
            val = getattr(field, attr)
            if callable(val):
                val = val()
            try:
                p = int(val)
            except (TypeError, ValueError):
                continue
            if p == 0:
                return 0
            if not is_prime(p):
                raise InvalidInputError(f"invalid field {field!r}: the modulus {p} is not prime")
            return p
    text = str(field).strip()
    if text.upper() in ("QQ", "Q", "RATIONALS", "RATIONAL FIELD"):
        return 0
    if text.upper().startswith("GF"):
        return field_char(text)
    raise InvalidInputError(f"invalid field {field!r}: expected QQ or GF(p) with p prime")


def field_name(p: int) -> str:
    """``"QQ"`` or ``"GF(p)"``."""
    return "QQ" if p == 0 else f"GF({p})"


def field_object(p: int) -> Any:
    """The core field object (``QQ`` or ``GF(p)``) for characteristic ``p``."""
    from combalg.core.linalg import GF, QQ

    return QQ if p == 0 else GF(p)


def coerce_entry(value: Any, p: int, where: str = "entry") -> int | Fraction:
    """Convert a user value to an exact field element (int or Fraction; int mod p)."""
    if isinstance(value, bool) or not isinstance(value, (Integral, Rational, flint.fmpz, flint.fmpq)):
        if isinstance(value, (flint.nmod,)):
            value = int(value)
        else:
            raise InvalidInputError(
                f"invalid {where} {value!r}: expected an exact integer or rational number (no floats or strings)"
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
            f"invalid {where} {value!r}: its denominator is divisible by {p}, so it is not an element of GF({p})"
        )
    return (num * pow(den, -1, p)) % p


def _to_py(x: Any, p: int) -> int | Fraction:
    if p:
        return int(x)
    q = int(x.q)
    return int(x.p) if q == 1 else Fraction(int(x.p), q)


def to_flint(rows: Sequence[Sequence[Any]], ncols: int, p: int):
    """Build an ``fmpq_mat`` (p = 0) or ``nmod_mat`` from already coerced rows."""
    m = len(rows)
    if p:
        return flint.nmod_mat(m, ncols, [int(x) for r in rows for x in r], p)
    flat: list = []
    for r in rows:
        flat += integral_row(r)
    return flint.fmpq_mat(m, ncols, flat)


def integral_row(r: Sequence[Any]) -> list:
    """A nonzero integer multiple of a rational row (same row space, and FLINT's
    fraction-free elimination is much faster on integer matrices).

    Entries may be ``int``, :class:`fractions.Fraction` or ``flint.fmpq``.

    >>> integral_row([Fraction(1, 2), 3, Fraction(-2, 3)])
    [3, 18, -4]
    """
    den = 1
    for x in r:
        if type(x) is not int:
            if type(x) is not Fraction:
                return _integral_row_general(r)
            den = math.lcm(den, x.denominator)
    if den == 1:
        return [x if type(x) is int else x.numerator for x in r]
    return [x * den if type(x) is int else x.numerator * (den // x.denominator) for x in r]


def _integral_row_general(r: Sequence[Any]) -> list:
    """:func:`integral_row` for rows that may hold ``fmpq``/``fmpz`` or other rationals."""
    den = 1
    for x in r:
        if not isinstance(x, int):
            q = x.denominator if isinstance(x, Fraction) else int(x.q)
            if q != 1:
                den = den * q // math.gcd(den, q)
    if den == 1:
        return [x if isinstance(x, int) else (x.numerator if isinstance(x, Fraction) else flint.fmpz(x.p)) for x in r]
    out = []
    for x in r:
        if isinstance(x, int):
            out.append(x * den)
        elif isinstance(x, Fraction):
            out.append(x.numerator * (den // x.denominator))
        else:
            out.append(flint.fmpz(x.p) * (den // int(x.q)))
    return out


def from_flint(M, p: int, nrows: int | None = None) -> list[list[int | Fraction]]:
    """Rows of a flint matrix as Python lists (only the first ``nrows`` rows)."""
    n = M.ncols()
    m = M.nrows() if nrows is None else nrows
    ent = M.entries()
    return [[_to_py(ent[i * n + j], p) for j in range(n)] for i in range(m)]


def rref(rows: Sequence[Sequence[Any]], ncols: int, p: int) -> tuple[list[list[int | Fraction]], list[int]]:
    """Reduced row echelon form: (nonzero rows, pivot columns)."""
    if not rows or ncols == 0:
        return [], []
    R, r = to_flint(rows, ncols, p).rref()
    out = from_flint(R, p, r)
    pivots = []
    for row in out:
        for j, x in enumerate(row):
            if x != 0:
                pivots.append(j)
                break
    return out, pivots


def rank(rows: Sequence[Sequence[Any]], ncols: int, p: int) -> int:
    """Rank of a matrix."""
    if not rows or ncols == 0:
        return 0
    return int(to_flint(rows, ncols, p).rank())


def nullspace_from_rref(R: Sequence[Sequence[Any]], pivots: Sequence[int], ncols: int, p: int) -> list[list]:
    """Basis of the right null space of a matrix given by its RREF."""
    piv = set(pivots)
    out = []
    for j in range(ncols):
        if j in piv:
            continue
        v: list = [0] * ncols
        v[j] = 1
        for i, pc in enumerate(pivots):
            x = R[i][j]
            if x != 0:
                v[pc] = (-x) % p if p else -x
        out.append(v)
    return out


def nullspace(rows: Sequence[Sequence[Any]], ncols: int, p: int) -> list[list]:
    """Basis of the right null space {x : M x = 0}."""
    R, piv = rref(rows, ncols, p)
    return nullspace_from_rref(R, piv, ncols, p)


def neg(x: Any, p: int) -> Any:
    """The additive inverse in the field."""
    return (-x) % p if p else -x
