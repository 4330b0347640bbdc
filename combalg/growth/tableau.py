"""Young tableaux as immutable tuples of rows: what [`rsk`][combalg.growth.rsk] returns.

A [`Tableau`][Tableau] is a `tuple` subclass whose items are the rows (tuples),
in English notation (the longest row on top), so code that indexes rows keeps
working, and a tableau compares equal to (and hashes like) the plain tuple of its
rows.  A skew tableau (as read off a growth diagram on a skew shape) has ``None``
in the cells of the inner shape.

Conventions (those of SageMath's ``Tableau``, except where noted):

* ``T.shape`` is the outer shape, a [`Partition`][combalg.partitions.Partition];
* ``T.content`` is the tuple ``(m_1, ..., m_k)`` of the multiplicities of the
  entries ``1..max`` (Fulton's *content*, SageMath's ``weight()``; SageMath's
  ``content(k)`` is instead the diagonal index ``j - i`` of the cell holding ``k``);
* ``T.reading_word()`` reads the rows from the bottom row to the top row, each
  left to right (SageMath's ``reading_word()``);
* the entries of ``rsk`` tableaux count from 1, as in SageMath's ``RSK``.

Examples
--------
>>> from combalg.growth import rsk
>>> P, Q = rsk([3, 1, 2, 2, 1])
>>> P
Tableau([[1, 1, 2], [2], [3]])
>>> print(P)
1 1 2
2
3
>>> P.shape, P.content, P.is_semistandard(), P.is_standard(), Q.is_standard()
(Partition([3, 1, 1]), (2, 2, 1), True, False, True)
>>> P.reading_word()
[3, 2, 1, 1, 2]
>>> P[0], P == ((1, 1, 2), (2,), (3,))
((1, 1, 2), True)
"""

from __future__ import annotations

import html
import numbers
from collections.abc import Iterable
from typing import Any

from combalg.core.bignum import int_text, short_repr
from combalg.core.errors import InvalidInputError
from combalg.core.validation import rows_arg
from combalg.partitions import Partition

__all__ = ["Tableau"]


def _entry(v: Any, where: tuple[int, int]) -> int | None:
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, numbers.Integral):
        raise InvalidInputError(f"invalid tableau entry {short_repr(v)} at {where}: expected an integer (or None in a skew cell)")
    return int(v)


class Tableau(tuple):
    """A Young tableau: a tuple of rows, each a tuple of integers (``None`` in skew cells).

    Parameters
    ----------
    rows : iterable of iterables of int
        The rows from top to bottom (English notation); rows must weakly shorten.

    Raises
    ------
    InvalidInputError
        If an entry is not an integer or ``None``, or a row is longer than the
        row above.  (Standardness is not required: ask [`is_semistandard`][is_semistandard].)

    Examples
    --------
    >>> T = Tableau([[1, 2, 4], [3]])
    >>> T.shape, T.size, T.is_standard()
    (Partition([3, 1]), 4, True)
    >>> T.conjugate()
    Tableau([[1, 3], [2], [4]])
    >>> T.latex()
    '\\\\begin{ytableau} 1 & 2 & 4 \\\\\\\\ 3 \\\\end{ytableau}'
    """

    __slots__ = ()

    def __new__(cls, rows: Iterable[Iterable[Any]] = ()) -> Tableau:
        if isinstance(rows, (str, bytes)):
            raise InvalidInputError(f"invalid tableau {short_repr(rows)}: expected a sequence of rows, not text")
        try:
            rs = rows_arg("tableau", rows)
        except InvalidInputError:
            raise InvalidInputError(f"invalid tableau {short_repr(rows)}: expected a sequence of rows") from None
        out = []
        for i, r in enumerate(rs):
            if isinstance(r, (str, bytes)):
                raise InvalidInputError(f"invalid tableau row {short_repr(r)}: expected a sequence of integers")
            if not r:
                raise InvalidInputError(f"invalid tableau {short_repr(rows)}: row {i} is empty")
            if i and len(r) > len(rs[i - 1]):
                raise InvalidInputError(f"invalid tableau {short_repr(rows)}: row {i} is longer than the row above")
            out.append(tuple(_entry(v, (i, j)) for j, v in enumerate(r)))
        return super().__new__(cls, out)

    @classmethod
    def _trusted(cls, rows: Iterable[Iterable[int]]) -> Tableau:
        """A tableau from rows known to be valid (integers, weakly shortening): no checks."""
        return tuple.__new__(cls, map(tuple, rows))

    def __reduce__(self) -> tuple:
        return (Tableau, ([list(r) for r in self],))

    # -- shape ----------------------------------------------------------------
    @property
    def shape(self) -> Partition:
        """The (outer) shape: the row lengths."""
        return Partition(len(r) for r in self)

    @property
    def inner_shape(self) -> Partition:
        """The shape of the ``None`` cells (empty unless the tableau is skew)."""
        return Partition(sum(1 for v in r if v is None) for r in self)

    @property
    def size(self) -> int:
        """The number of (non-skew) cells."""
        return sum(1 for r in self for v in r if v is not None)

    def entries(self) -> list[int]:
        """The entries row by row, top to bottom, left to right (skew cells left out)."""
        return [v for r in self for v in r if v is not None]

    @property
    def content(self) -> tuple[int, ...]:
        """``(m_1, ..., m_k)``: how often each of ``1..max`` occurs (SageMath's ``weight()``).

        >>> Tableau([[1, 1, 3], [3]]).content
        (2, 0, 2)
        """
        es = self.entries()
        if not es:
            return ()
        top = max(es)
        counts = [0] * max(top, 0)
        for v in es:
            if v >= 1:
                counts[v - 1] += 1
        return tuple(counts)

    def weight(self) -> tuple[int, ...]:
        """SageMath's name for `content`."""
        return self.content

    # -- properties -----------------------------------------------------------
    def is_semistandard(self) -> bool:
        """Entries positive, rows weakly increasing, columns strictly increasing.

        >>> Tableau([[1, 1], [2]]).is_semistandard(), Tableau([[1, 2], [1]]).is_semistandard()
        (True, False)
        """
        for i, r in enumerate(self):
            vals = [v for v in r if v is not None]
            if any(v < 1 for v in vals) or any(a > b for a, b in zip(vals, vals[1:])):
                return False
            if i:
                above = self[i - 1]
                for j, v in enumerate(r):
                    if v is not None and above[j] is not None and above[j] >= v:
                        return False
        return True

    def is_standard(self) -> bool:
        """Semistandard with the entries ``1..n``, each once.

        >>> Tableau([[1, 3], [2]]).is_standard(), Tableau([[1, 1]]).is_standard()
        (True, False)
        """
        return self.is_semistandard() and sorted(self.entries()) == list(range(1, self.size + 1))

    def reading_word(self) -> list[int]:
        """Rows from the bottom to the top, each left to right (SageMath's convention).

        >>> Tableau([[1, 2, 4], [3]]).reading_word()
        [3, 1, 2, 4]
        """
        return [v for r in reversed(self) for v in r if v is not None]

    def conjugate(self) -> Tableau:
        """The transpose (rows become columns)."""
        if not self:
            return Tableau()
        return Tableau([[r[j] for r in self if j < len(r)] for j in range(len(self[0]))])

    transpose = conjugate

    def to_list(self) -> list[list[int | None]]:
        """The rows as lists."""
        return [list(r) for r in self]

    # -- display --------------------------------------------------------------
    def __repr__(self) -> str:
        rows = ("[" + ", ".join("None" if v is None else int_text(v) for v in r) + "]" for r in self)
        return "Tableau([" + ", ".join(rows) + "])"

    def __str__(self) -> str:
        """The rows on separate lines, entries aligned (``.`` in skew cells)."""
        if not self:
            return "(empty tableau)"
        texts = [["." if v is None else int_text(v) for v in r] for r in self]
        width = max(len(t) for row in texts for t in row)
        return "\n".join(" ".join(t.rjust(width) for t in row) for row in texts)

    def latex(self, style: str = "ytableau") -> str:
        """LaTeX: ``"ytableau"`` (the ``ytableau`` package, for papers) or ``"array"`` (MathJax).

        Raises
        ------
        InvalidInputError
            For an unknown style.
        """
        if not isinstance(style, str):
            raise InvalidInputError(f"invalid style {short_repr(style)}: expected 'ytableau' or 'array'")
        if style == "ytableau":
            rows = [" & ".join("\\none" if v is None else int_text(v) for v in r) for r in self]
            return "\\begin{ytableau} " + " \\\\ ".join(rows) + " \\end{ytableau}"
        if style == "array":
            if not self:
                return "\\emptyset"
            cols = len(self[0])
            rows = [" & ".join("" if v is None else f"\\boxed{{{int_text(v)}}}" for v in r) for r in self]
            return "\\begin{array}{" + "l" * cols + "}" + " \\\\ ".join(rows) + "\\end{array}"
        raise InvalidInputError(f"invalid style {short_repr(style)}: expected 'ytableau' or 'array'")

    def _repr_latex_(self) -> str:
        # MathJax has no ytableau package: boxed entries in an array render everywhere
        return "$" + self.latex("array") + "$"

    def _latex(self, printer: Any = None) -> str:
        """What ``sympy.latex(T)`` prints: the same as the Jupyter display."""
        return self.latex("array")

    def _repr_html_(self) -> str:
        cell = "border:1px solid;width:1.6em;height:1.6em;text-align:center;padding:0"
        rows = []
        for r in self:
            tds = "".join(f'<td style="{cell}"></td>' if v is None else
                          f'<td style="{cell}">{html.escape(int_text(v))}</td>' for v in r)
            rows.append(f"<tr>{tds}</tr>")
        return '<table style="border-collapse:collapse">' + "".join(rows) + "</table>"

    def _jsonable_(self) -> list:
        return self.to_list()
