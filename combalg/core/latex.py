"""Small LaTeX helpers shared by the displays and tables: escaping text, exact fractions.

Examples
--------
>>> from fractions import Fraction
>>> from combalg.core.latex import escape_text, fraction
>>> escape_text("max |x_1| <= 2")
'max \\\\textbar{}x\\\\_1\\\\textbar{} \\\\textless{}= 2'
>>> fraction(Fraction(-1, 2)), fraction(Fraction(3, 4), tfrac=True), fraction(5)
('-\\\\frac{1}{2}', '\\\\tfrac{3}{4}', '5')
"""

from __future__ import annotations

from fractions import Fraction
from numbers import Rational

from combalg.core.bignum import int_text, short_repr
from combalg.core.errors import InvalidInputError
from combalg.core.validation import flag_arg

__all__ = ["escape_text", "fraction"]

_SPECIAL = {
    "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
    "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    # in text mode with the default OT1 encoding these print as other glyphs (|, <, > as —, ¡, ¿)
    "|": r"\textbar{}", "<": r"\textless{}", ">": r"\textgreater{}",
}


def escape_text(text: str) -> str:
    """``text`` with LaTeX's special characters escaped, for text mode (also inside ``\\text{}``)."""
    if not isinstance(text, str):
        raise InvalidInputError(f"invalid text {short_repr(text)}: expected a string")
    return "".join(_SPECIAL.get(ch, ch) for ch in text)


def fraction(x: Rational | int, tfrac: bool = False) -> str:
    """An exact rational in LaTeX math: ``5``, ``-\\frac{1}{2}`` (``\\tfrac`` if asked)."""
    tfrac = flag_arg("tfrac", tfrac)
    if isinstance(x, (bool, float, complex, str, bytes)):
        raise InvalidInputError(f"invalid number {short_repr(x)}: expected an exact rational (int or Fraction)")
    try:
        x = Fraction(x)
    except TypeError:  # not a rational number
        raise InvalidInputError(
            f"invalid number {short_repr(x)}: expected an exact rational (int or Fraction)") from None
    if x.denominator == 1:
        return int_text(x.numerator)
    sign = "-" if x < 0 else ""
    cmd = r"\tfrac" if tfrac else r"\frac"
    return f"{sign}{cmd}{{{int_text(abs(x.numerator))}}}{{{int_text(x.denominator)}}}"
