"""The growth diagram engine (Fomin), generic in the local rule.

A growth diagram is a filling of the cells of a Ferrers or skew shape with
nonnegative integers, together with partitions on the corners of the cells.
The labels on the *inner* boundary (north-west side, empty for a Ferrers
shape) and the filling determine all labels through the forward rule; the
labels on the *outer* boundary (south-east side) determine the filling and
the inner labels through the backward rule.

Conventions
-----------
Matrix (English) coordinates: cell ``(i, j)`` is in row ``i`` (counted from
the top, from 0) and column ``j`` (from the left, from 0).  SageMath's
``GrowthDiagram`` uses ``(column, row)`` instead: its ``filling()`` keys are the
transposes of these, and it places the ``k``-th letter of a word in column ``k``
where this module places it in row ``k`` (see the page "Coming from SageMath"
of the documentation for the conversions, including ``P_symbol``/``Q_symbol``).  A
shape is a partition ``lam`` (row ``i`` has the cells ``0 <= j < lam[i]``) or a
skew shape ``(lam, mu)`` (cells ``mu[i] <= j < lam[i]``).  The corner
``(i, j)`` is the top-left corner of cell ``(i, j)``; labels grow to the right
and downwards.  For a cell:

    (i,j)=t ---- x=(i,j+1)
      |    m       |
    (i+1,j)=y -- z=(i+1,j+1)

Both boundaries are read as lattice paths from the bottom-left corner to the
top-right corner of the shape ([`GrowthDiagram.out_labels`][GrowthDiagram.out_labels],
[`GrowthDiagram.in_labels`][GrowthDiagram.in_labels]).

For a rectangular filling (a matrix ``A``) with empty inner labels, the label
at corner ``(i, j)`` is the shape of the RSK insertion of the two-line array
of the sub-matrix ``A[:i][:j]``; the labels along the bottom edge form the
insertion tableau [`GrowthDiagram.P_symbol`][GrowthDiagram.P_symbol] (entries are column indices,
from 1) and those along the right edge form the recording tableau
[`GrowthDiagram.Q_symbol`][GrowthDiagram.Q_symbol] (entries are row indices, from 1).

Examples
--------
>>> from combalg.growth import GrowthDiagram, RuleRSK
>>> G = GrowthDiagram(RuleRSK(), [2, 3, 1])
>>> G
GrowthDiagram(RuleRSK(), shape=(3, 3, 3))
  0  1  0
  0  0  1
  1  0  0
>>> G.P_symbol(), G.Q_symbol()
(Tableau([[1, 3], [2]]), Tableau([[1, 2], [3]]))
>>> G.out_labels()
[(), (1,), (1, 1), (2, 1), (2,), (1,), ()]
>>> GrowthDiagram(RuleRSK(), labels=G.out_labels()).to_word()
[2, 3, 1]
"""

from __future__ import annotations

import numbers
from typing import Any, Iterable, Mapping, Sequence

from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.growth.rules import Rule, as_partition
from combalg.growth.tableau import Tableau

__all__ = ["GrowthDiagram", "tableau_from_chain", "chain_from_tableau"]



def _is_int(v: Any) -> bool:
    """An integer, including numpy and FLINT integers (not a bool)."""
    return isinstance(v, numbers.Integral) and not isinstance(v, bool) and type(v).__name__ != "bool_"


#: largest number of cells of a growth diagram; larger diagrams raise
#: ResourceLimitError before any label is computed (one cell costs a few microseconds)
MAX_CELLS = 4_000_000


def _check_size(n_cells: int) -> None:
    if n_cells > MAX_CELLS:
        raise ResourceLimitError(
            f"a growth diagram with {n_cells} cells is larger than MAX_CELLS = {MAX_CELLS}"
        )


def _parse_shape(shape: Any) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Return ``(lam, mu)`` from a partition or a pair of partitions."""
    try:
        items = list(shape)
    except TypeError:
        raise InvalidInputError(
            f"invalid shape {short_repr(shape)}: expected a partition or a pair (lam, mu) of partitions"
        ) from None
    if items and all(not _is_int(p) for p in items):
        if len(items) != 2:
            raise InvalidInputError(
                f"invalid shape {short_repr(shape)}: expected a partition or a pair (lam, mu)"
            )
        lam = as_partition(items[0], "shape (outer partition)")
        mu = as_partition(items[1], "shape (inner partition)")
    else:
        lam = as_partition(items, "shape")
        mu = ()
    if len(mu) > len(lam) or any(mu[i] > lam[i] for i in range(len(mu))):
        raise InvalidInputError(
            f"invalid shape {short_repr(shape)}: the inner partition {mu} is not contained in {lam}"
        )
    return lam, mu


def _parse_filling(filling: Any) -> tuple[dict[tuple[int, int], int], tuple[int, int], str]:
    """Return ``(cells, (rows, cols), kind)`` from a dict, a matrix or a word."""
    cells: dict[tuple[int, int], int] = {}
    if isinstance(filling, Mapping):
        for key, v in filling.items():
            if not (isinstance(key, tuple) and len(key) == 2 and all(_is_int(k) and k >= 0 for k in key)):
                raise InvalidInputError(
                    f"invalid filling key {short_repr(key)}: expected a cell (row, column) of nonnegative integers"
                )
            if not (_is_int(v) and v >= 0):
                raise InvalidInputError(
                    f"invalid filling entry {short_repr(v)} at cell {key}: expected a nonnegative integer"
                )
            if v:
                cells[key] = v
        rows = 1 + max((i for i, _ in cells), default=-1)
        cols = 1 + max((j for _, j in cells), default=-1)
        return cells, (rows, cols), "dict"
    if type(filling).__module__.startswith(("sympy", "numpy", "combalg")) and getattr(filling, "ndim", 2) == 2 \
            and not isinstance(filling, (list, tuple)):
        from combalg.core.matrix import as_rows

        filling = as_rows(filling, "filling")   # a sympy Matrix iterates over entries, not rows
    try:
        items = [int(v) if _is_int(v) else v for v in filling]
    except TypeError:
        raise InvalidInputError(
            f"invalid filling {short_repr(filling)}: expected a dict, a matrix or a word"
        ) from None
    if not items:
        return cells, (0, 0), "matrix"
    if all(_is_int(v) for v in items):
        for i, v in enumerate(items):
            if v <= 0:
                raise InvalidInputError(
                    f"invalid letter {short_repr(v)} at position {i} of the word: expected a positive integer"
                )
            cells[(i, v - 1)] = 1
        return cells, (len(items), max(items)), "word"
    rows = [list(r) for r in items]
    cols = len(rows[0]) if rows else 0
    for i, r in enumerate(rows):
        if len(r) != cols:
            raise InvalidInputError(
                f"invalid matrix row {i} of length {len(r)}: expected length {cols}"
            )
        for j, v in enumerate(r):
            if not (_is_int(v) and v >= 0):
                raise InvalidInputError(
                    f"invalid matrix entry {short_repr(v)} at ({i}, {j}): expected a nonnegative integer"
                )
            if v:
                cells[(i, j)] = int(v)
    return cells, (len(rows), cols), "matrix"


def _out_path(lam: Sequence[int], mu: Sequence[int]) -> list[tuple[int, int]]:
    """Corners of the south-east boundary, bottom-left to top-right."""
    r = len(lam)
    if r == 0:
        return [(0, 0)]
    cur = mu[r - 1] if r - 1 < len(mu) else 0
    path = [(r, cur)]
    for i in range(r - 1, -1, -1):
        for c in range(cur + 1, lam[i] + 1):
            path.append((i + 1, c))
        cur = max(cur, lam[i])
        path.append((i, cur))
    return path


def _in_path(lam: Sequence[int], mu: Sequence[int]) -> list[tuple[int, int]]:
    """Corners of the north-west boundary, bottom-left to top-right."""
    r = len(lam)
    if r == 0:
        return [(0, 0)]
    m = [mu[i] if i < len(mu) else 0 for i in range(r)]
    path = [(r, m[r - 1])]
    for i in range(r - 1, -1, -1):
        path.append((i, m[i]))
        end = m[i - 1] if i > 0 else lam[0]
        for c in range(m[i] + 1, end + 1):
            path.append((i, c))
    return path


def tableau_from_chain(chain: Sequence[Sequence[int]]) -> Tableau:
    """The (skew) tableau whose entries ``k`` fill ``chain[k] / chain[k-1]``.

    Cells of ``chain[0]`` hold ``None``.

    Examples
    --------
    >>> tableau_from_chain([(), (1,), (2,), (2, 1)])
    Tableau([[1, 2], [3]])
    >>> tableau_from_chain([(1,), (2,), (2, 1)])
    Tableau([[None, 1], [2]])
    """
    from combalg.core.validation import rows_arg

    chain = [as_partition(c, f"chain[{k}]") for k, c in enumerate(rows_arg("chain", chain))]
    final = chain[-1] if chain else ()
    rows: list[list[Any]] = [[None] * p for p in final]
    for k in range(1, len(chain)):
        prev, cur = chain[k - 1], chain[k]
        for i, p in enumerate(cur):
            start = prev[i] if i < len(prev) else 0
            for j in range(start, p):
                rows[i][j] = k
    return Tableau(rows)


def chain_from_tableau(tableau: Sequence[Sequence[int]], length: int | None = None) -> list[tuple[int, ...]]:
    """The chain of shapes of the entries ``<= k`` of a tableau, ``k = 0..length``.

    Examples
    --------
    >>> chain_from_tableau([[1, 2], [3]])
    [(), (1,), (2,), (2, 1)]
    """
    from combalg.core.validation import nonnegative_int, rows_arg

    tableau = rows_arg("tableau", tableau)
    for i, r in enumerate(tableau):
        for v in r:
            if not _is_int(v):
                raise InvalidInputError(f"invalid tableau entry {short_repr(v)} in row {i}: expected an integer")
    n = nonnegative_int("length", length) if length is not None else max((v for r in tableau for v in r), default=0)
    chain = []
    for k in range(n + 1):
        shape = [sum(1 for v in r if v <= k) for r in tableau]
        chain.append(as_partition([s for s in shape if s > 0]))
    return chain


class GrowthDiagram:
    """A growth diagram for a local rule on a Ferrers or skew shape.

    Parameters
    ----------
    rule : Rule
        The local rule (an instance, e.g. ``RuleRSK()``, or the class).
    filling : dict, matrix or word, optional
        The entries: a dict ``{(row, column): entry}`` (zeros may be
        omitted), a matrix (list of rows) of nonnegative integers, or a word
        of positive integers ``w`` (then row ``i`` has a single 1 in column
        ``w[i] - 1``; a permutation is a word).
    shape : partition or (partition, partition), optional
        The Ferrers shape ``lam`` or skew shape ``(lam, mu)`` of the filling.
        Default: the smallest rectangle holding the filling, or the Ferrers
        shape read off ``labels``.
    labels : sequence of partitions, optional
        With a filling: the labels along the inner boundary (bottom-left to
        top-right; default all empty).  Without a filling: the labels along the
        outer boundary, from which the filling is computed by the backward
        rule.

    Raises
    ------
    InvalidInputError
        For a filling cell outside the shape, labels that are not a chain of
        the rule's strips, labels of the wrong length, or labels no filling
        produces.

    Examples
    --------
    >>> from combalg.growth import GrowthDiagram, RuleRSK
    >>> G = GrowthDiagram(RuleRSK(), [[0, 1, 0], [1, 0, 2]])
    >>> G.P_symbol(), G.Q_symbol()
    (Tableau([[1, 3, 3], [2]]), Tableau([[1, 2, 2], [2]]))
    >>> GrowthDiagram(RuleRSK(), {(1, 2): 1}, shape=[3, 2])
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid filling cell (1, 2): it lies outside the shape (3, 2) (row 1 has columns 0..1)
    """

    def __init__(self, rule: Rule | type, filling: Any = None, shape: Any = None,
                 labels: Sequence[Iterable[int]] | None = None) -> None:
        if isinstance(rule, type) and issubclass(rule, Rule):
            rule = rule()
        if not isinstance(rule, Rule):
            raise InvalidInputError(f"invalid rule {short_repr(rule)}: expected a Rule such as RuleRSK()")
        self.rule = rule
        if filling is None and labels is None:
            raise InvalidInputError("invalid growth diagram: give a filling or labels")
        if filling is not None:
            cells, (rows, cols), self._kind = _parse_filling(filling)
            if shape is None:
                _check_size(rows * cols if cols else 0)
                lam, mu = (cols,) * rows if cols else (), ()
            else:
                lam, mu = _parse_shape(shape)
            self._set_shape(lam, mu)
            for (i, j) in cells:
                if (i, j) not in self._cell_set:
                    row_desc = (
                        f"row {i} has columns {mu[i] if i < len(mu) else 0}..{lam[i] - 1}"
                        if i < len(lam) else f"the shape has {len(lam)} rows"
                    )
                    raise InvalidInputError(
                        f"invalid filling cell {(i, j)}: it lies outside the shape {self._shape_repr()} ({row_desc})"
                    )
            self._filling = {c: cells.get(c, 0) for c in self._cells}
            self._grow(labels)
        else:
            self._kind = "labels"
            labs = [rule.normalize_vertex(v, f"labels[{k}]") for k, v in enumerate(labels)]
            if shape is None:
                lam, mu = self._shape_from_labels(labs), ()
            else:
                lam, mu = _parse_shape(shape)
            self._set_shape(lam, mu)
            self._shrink(labs)

    # ------------------------------------------------------------ set-up
    def _set_shape(self, lam: tuple[int, ...], mu: tuple[int, ...]) -> None:
        _check_size(sum(lam) - sum(mu))
        self.shape = (lam, mu) if mu else lam
        self._lam, self._mu = lam, mu
        self._cells = [
            (i, j) for i in range(len(lam))
            for j in range(mu[i] if i < len(mu) else 0, lam[i])
        ]
        self._cell_set = set(self._cells)
        self._out = _out_path(lam, mu)
        self._in = _in_path(lam, mu)

    def _shape_repr(self) -> str:
        return f"{self._lam}/{self._mu}" if self._mu else f"{self._lam}"

    def _shape_from_labels(self, labs: list[tuple[int, ...]]) -> tuple[int, ...]:
        steps = []
        for k in range(len(labs) - 1):
            a, b = self.rule.rank(labs[k]), self.rule.rank(labs[k + 1])
            if a == b:
                raise InvalidInputError(
                    f"invalid labels: labels[{k}] and labels[{k + 1}] have the same size, "
                    "so the shape cannot be read off them; pass shape="
                )
            steps.append("E" if b > a else "N")
        # bottom-left to top-right: east steps along the bottom of the rows
        rows: list[int] = []
        width = 0
        for s in steps:
            if s == "E":
                width += 1
            else:
                rows.append(width)
        return tuple(reversed(rows)) if rows else ()

    def _check_chain(self, path: list[tuple[int, int]], labs: list[tuple[int, ...]], which: str) -> None:
        if len(labs) != len(path):
            raise InvalidInputError(
                f"invalid {which} labels: expected {len(path)} labels for the shape "
                f"{self._shape_repr()}, got {len(labs)}"
            )
        for k in range(len(path) - 1):
            (i0, _), (i1, _) = path[k], path[k + 1]
            a, b = labs[k], labs[k + 1]
            east = i1 == i0  # an east step: the label grows
            ok = self.rule._is_edge(a, b) if east else self.rule._is_edge(b, a)
            if not ok:
                lo, hi = (a, b) if east else (b, a)
                raise InvalidInputError(
                    f"invalid {which} labels: labels[{k}] = {a} and labels[{k + 1}] = {b} "
                    f"are not a chain: {hi}/{lo} is not a {self.rule.strip} strip"
                )

    def _grow(self, in_labels: Sequence[Iterable[int]] | None) -> None:
        rule = self.rule
        if in_labels is None:
            labs = [rule.zero] * len(self._in)
        else:
            labs = [rule.normalize_vertex(v, f"labels[{k}]") for k, v in enumerate(in_labels)]
        self._check_chain(self._in, labs, "inner boundary")
        lab: dict[tuple[int, int], tuple[int, ...]] = dict(zip(self._in, labs))
        for (i, j) in self._cells:
            lab[(i + 1, j + 1)] = rule.forward_rule(
                lab[(i + 1, j)], lab[(i, j)], lab[(i, j + 1)], self._filling[(i, j)]
            )
        self._labels = lab

    def _shrink(self, out_labels: list[tuple[int, ...]]) -> None:
        rule = self.rule
        self._check_chain(self._out, out_labels, "outer boundary")
        lab: dict[tuple[int, int], tuple[int, ...]] = dict(zip(self._out, out_labels))
        filling: dict[tuple[int, int], int] = {}
        for (i, j) in reversed(self._cells):
            y, z, x = lab[(i + 1, j)], lab[(i + 1, j + 1)], lab[(i, j + 1)]
            t, m = rule.backward_rule(y, z, x)
            if m < 0 or any(p < 0 for p in t) or any(t[k] < t[k + 1] for k in range(len(t) - 1)) \
                    or not (rule._is_edge(t, x) and rule._is_edge(t, y)):
                raise InvalidInputError(
                    f"invalid labels: no filling gives the labels around cell {(i, j)} "
                    f"(x={x}, y={y}, z={z})"
                )
            lab[(i, j)] = t
            filling[(i, j)] = m
        self._labels = lab
        self._filling = {c: filling[c] for c in self._cells}

    # ------------------------------------------------------------ access
    @property
    def cells(self) -> list[tuple[int, int]]:
        """The cells of the shape, row by row."""
        return list(self._cells)

    def filling(self) -> dict[tuple[int, int], int]:
        """The nonzero entries as a dict ``{(row, column): entry}``."""
        return {c: v for c, v in self._filling.items() if v}

    def label(self, i: int, j: int) -> tuple[int, ...]:
        """The partition on corner ``(i, j)``."""
        if not (_is_int(i) and _is_int(j)):
            raise InvalidInputError(
                f"invalid corner ({short_repr(i)}, {short_repr(j)}): expected a pair of integers")
        try:
            return self._labels[(int(i), int(j))]
        except KeyError:
            raise InvalidInputError(
                f"invalid corner ({short_repr(i)}, {short_repr(j)}): not a corner of the shape") from None

    def labels(self) -> dict[tuple[int, int], tuple[int, ...]]:
        """All corner labels as a dict ``{(i, j): partition}``."""
        return dict(self._labels)

    def out_labels(self) -> list[tuple[int, ...]]:
        """Labels along the outer (south-east) boundary, bottom-left to top-right."""
        return [self._labels[v] for v in self._out]

    def in_labels(self) -> list[tuple[int, ...]]:
        """Labels along the inner (north-west) boundary, bottom-left to top-right."""
        return [self._labels[v] for v in self._in]

    def is_rectangular(self) -> bool:
        """Whether the shape is a rectangle (Ferrers shape with equal rows)."""
        return not self._mu and len(set(self._lam)) <= 1

    def _need_rectangle(self, what: str) -> None:
        if not self.is_rectangular():
            raise InvalidInputError(
                f"invalid shape {self._shape_repr()} for {what}: expected a rectangle"
            )

    def P_chain(self) -> list[tuple[int, ...]]:
        """Labels along the bottom edge, left to right (rectangles only)."""
        self._need_rectangle("P_chain")
        r = len(self._lam)
        c = self._lam[0] if r else 0
        return [self._labels[(r, j)] for j in range(c + 1)]

    def Q_chain(self) -> list[tuple[int, ...]]:
        """Labels along the right edge, top to bottom (rectangles only)."""
        self._need_rectangle("Q_chain")
        r = len(self._lam)
        c = self._lam[0] if r else 0
        return [self._labels[(i, c)] for i in range(r + 1)]

    def P_symbol(self) -> Tableau:
        """The insertion tableau (a [`Tableau`][combalg.growth.tableau.Tableau]): entry ``j+1`` fills the boxes added by column ``j``."""
        return tableau_from_chain(self.P_chain())

    def Q_symbol(self) -> Tableau:
        """The recording tableau (a [`Tableau`][combalg.growth.tableau.Tableau]): entry ``i+1`` fills the boxes added by row ``i``."""
        return tableau_from_chain(self.Q_chain())

    def to_matrix(self) -> list[list[int]]:
        """The filling as a matrix (rectangles only)."""
        self._need_rectangle("to_matrix")
        r = len(self._lam)
        c = self._lam[0] if r else 0
        return [[self._filling[(i, j)] for j in range(c)] for i in range(r)]

    def to_word(self) -> list[int]:
        """The word ``w`` with ``w[i] - 1`` the column of the single 1 in row ``i``.

        Raises InvalidInputError unless every row holds exactly one entry 1.
        """
        word = []
        for i in range(len(self._lam)):
            entries = [(j, v) for (a, j), v in self._filling.items() if a == i and v]
            if len(entries) != 1 or entries[0][1] != 1:
                raise InvalidInputError(
                    f"invalid growth diagram for to_word: row {i} holds {entries}, expected one entry 1"
                )
            word.append(entries[0][0] + 1)
        return word

    # ------------------------------------------------------------ display
    def __repr__(self) -> str:
        head = f"GrowthDiagram({self.rule!r}, shape={self._shape_repr()})"
        lines = [head]
        width = max((len(str(v)) for v in self._filling.values()), default=1)
        for i, p in enumerate(self._lam):
            start = self._mu[i] if i < len(self._mu) else 0
            row = ["." .rjust(width)] * start + [str(self._filling[(i, j)]).rjust(width) for j in range(start, p)]
            lines.append("  " + "  ".join(row))
        return "\n".join(lines)

    def _grid(self) -> list[list[str | None]]:
        """The filling row by row: entry text, ``""`` for 0, ``None`` outside a skew shape."""
        out = []
        for i, p in enumerate(self._lam):
            start = self._mu[i] if i < len(self._mu) else 0
            out.append([None] * start + [str(self._filling[(i, j)] or "") for j in range(start, p)])
        return out

    def latex(self) -> str:
        """The filling as a LaTeX array (empty cells for 0, nothing outside a skew shape)."""
        from combalg.core.latex import escape_text

        grid = self._grid()
        if not grid:
            return r"\text{empty growth diagram (" + escape_text(self.rule.name) + " rule)}"
        cols = max(len(r) for r in grid)
        rows = [" & ".join("" if v is None else (v or r"\cdot") for v in r) for r in grid]
        return r"\begin{array}{" + "c" * cols + "}" + r" \\ ".join(rows) + r"\end{array}"

    def _repr_latex_(self) -> str:
        return "$" + self.latex() + "$"

    def _latex(self, printer: Any = None) -> str:
        """What ``sympy.latex(G)`` prints: the same as the LaTeX display."""
        return self.latex()

    def _repr_html_(self) -> str:
        """The grid of the filling, with the corner labels along the outer boundary."""
        import html

        cell = "border:1px solid;min-width:1.8em;height:1.8em;text-align:center;padding:2px"
        rows = []
        for r in self._grid():
            tds = "".join('<td style="border:none"></td>' if v is None else f'<td style="{cell}">{html.escape(v)}</td>'
                          for v in r)
            rows.append(f"<tr>{tds}</tr>")
        out = ", ".join("(" + ",".join(map(str, lab)) + ")" for lab in self.out_labels())
        return (f'<div><b>{html.escape(type(self.rule).__name__)}</b> growth diagram, shape '
                f'{html.escape(self._shape_repr())}<table style="border-collapse:collapse">{"".join(rows)}</table>'
                f'<small>outer labels: {html.escape(out)}</small></div>')

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, GrowthDiagram)
            and self.rule == other.rule
            and self.shape == other.shape
            and self._labels == other._labels
            and self._filling == other._filling
        )

    def __hash__(self) -> int:
        return hash((self.rule, self.shape, tuple(sorted(self.filling().items()))))

    def _jsonable_(self) -> dict:
        """``{"rule", "shape", "filling": [[row, column, entry], ...], "labels": [[i, j, partition], ...]}``."""
        return {"rule": type(self.rule).__name__, "shape": self.shape,
                "filling": [[i, j, v] for (i, j), v in sorted(self.filling().items())],
                "labels": [[i, j, list(p)] for (i, j), p in sorted(self._labels.items())]}
