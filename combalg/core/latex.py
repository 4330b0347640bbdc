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

__all__ = ["escape_text", "fraction"]

_SPECIAL = {
    "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
    "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    # in text mode with the default OT1 encoding these print as other glyphs (|, <, > as —, ¡, ¿)
    "|": r"\textbar{}", "<": r"\textless{}", ">": r"\textgreater{}",
}


def escape_text(text: str) -> str:
    """``text`` with LaTeX's special characters escaped, for text mode (also inside ``\\text{}``)."""
    return "".join(_SPECIAL.get(ch, ch) for ch in text)


def fraction(x: Rational | int, tfrac: bool = False) -> str:
    """An exact rational in LaTeX math: ``5``, ``-\\frac{1}{2}`` (``\\tfrac`` if asked)."""
    x = Fraction(x)
    if x.denominator == 1:
        return str(x.numerator)
    sign = "-" if x < 0 else ""
    cmd = r"\tfrac" if tfrac else r"\frac"
    return f"{sign}{cmd}{{{abs(x.numerator)}}}{{{x.denominator}}}"
