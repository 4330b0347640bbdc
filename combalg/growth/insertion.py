"""The Robinson-Schensted-Knuth correspondence by row insertion.

[`rsk`][rsk] maps a word (a permutation is a word), or a matrix of nonnegative
integers read as a two-line array, to a pair ``(P, Q)`` of tableaux of the same
shape: ``P`` is semistandard and holds the letters (for a matrix, the column
indices from 1), ``Q`` records when each box appeared (for a word, the
positions ``1..n``, so ``Q`` is standard; for a matrix, the row indices from 1,
so ``Q`` is semistandard).  [`rsk_inverse`][rsk_inverse] undoes it.

The fast path ([`insert_two_line`][insert_two_line]) works one row at a time instead of
one letter at a time: the first row evolves from the word alone, and the
letters it bumps, in the order they are bumped, are the input of the second
row, and so on.  The first row uses `bisect.bisect_right`; below it a
letter bumped from column ``j`` enters the next row in a column ``<= j``, so
a short walk left from ``j`` replaces the binary search, and rows are handled
in bands of eight per pass over the input.  Words whose letters are not
distinct small nonnegative integers are standardized first (or, with few
distinct letters, inserted row by row with binary search).  This is the same
correspondence as inserting letter by letter; the tests check it against a
plain letter-by-letter insertion and against the growth-diagram path
(``method="growth"``).

Tableaux are [`Tableau`][combalg.growth.tableau.Tableau] objects: tuples of rows,
each row a tuple of integers, with shape, content, standardness and display.
Words, permutations and matrices may be lists, tuples or numpy integer arrays.

Examples
--------
>>> from combalg.growth import rsk, rsk_inverse
>>> P, Q = rsk([3, 1, 2, 2, 1])
>>> P
Tableau([[1, 1, 2], [2], [3]])
>>> Q
Tableau([[1, 3, 4], [2], [5]])
>>> P == ((1, 1, 2), (2,), (3,)), P.shape, Q.is_standard()
(True, Partition([3, 1, 1]), True)
>>> rsk_inverse(P, Q)
[3, 1, 2, 2, 1]
>>> rsk([[1, 0], [0, 2]])
(Tableau([[1, 2, 2]]), Tableau([[1, 2, 2]]))
>>> rsk_inverse(((1, 2, 2),), ((1, 2, 2),), output="matrix")
[[1, 0], [0, 2]]

References
----------
D. E. Knuth, *Permutations, matrices, and generalized Young tableaux*,
Pacific J. Math. 34 (1970).  R. P. Stanley, *Enumerative Combinatorics 2*,
Section 7.11.
"""

from __future__ import annotations

import numbers
from bisect import bisect_left, bisect_right
from itertools import compress
from typing import Any, Sequence

from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.growth.tableau import Tableau

__all__ = [
    "rsk",
    "rsk_inverse",
    "two_line_array",
    "insert_two_line",
    "is_semistandard",
    "is_standard",
    "tableau_shape",
]

def _is_int(v: Any) -> bool:
    """An integer, including numpy and FLINT integers (not a bool)."""
    return isinstance(v, numbers.Integral) and not isinstance(v, bool) and type(v).__name__ != "bool_"


def _tableaux(P: Any, Q: Any, trusted: bool = False) -> tuple:
    """The pair as [`Tableau`][Tableau] objects (plain tuples if some letter is not an integer)."""
    if trusted:
        return Tableau._trusted(P), Tableau._trusted(Q)
    try:
        return Tableau(P), Tableau(Q)
    except InvalidInputError:
        return tuple(map(tuple, P)), tuple(map(tuple, Q))


#: largest total of the entries of a matrix given to [`two_line_array`][two_line_array] (the
#: length of its two-line array); larger matrices raise ResourceLimitError
MAX_TWO_LINE = 10_000_000


def two_line_array(matrix: Sequence[Sequence[int]]) -> tuple[list[int], list[int]]:
    """The two-line array of a nonnegative integer matrix.

    The pair ``(i, j)`` (1-indexed row and column) appears ``matrix[i-1][j-1]``
    times; pairs are sorted lexicographically.

    Examples
    --------
    >>> two_line_array([[0, 1], [2, 0]])
    ([1, 2, 2], [2, 1, 1])
    """
    from combalg.core.validation import sequence_arg

    top: list[int] = []
    bottom: list[int] = []
    width = None
    total = 0
    for i, row in enumerate(sequence_arg("matrix", matrix)):
        if isinstance(row, (str, bytes)):
            raise InvalidInputError(
                f"invalid matrix row {i} {short_repr(row)}: expected a sequence of nonnegative integers"
            )
        try:
            row = list(row)
        except TypeError:
            raise InvalidInputError(
                f"invalid matrix row {i} {short_repr(row)}: expected a sequence of nonnegative integers"
            ) from None
        if width is None:
            width = len(row)
        elif len(row) != width:
            raise InvalidInputError(
                f"invalid matrix row {i} of length {len(row)}: expected length {width}"
            )
        for j, v in enumerate(row):
            if not (_is_int(v) and v >= 0):
                raise InvalidInputError(
                    f"invalid matrix entry {short_repr(v)} at ({i}, {j}): expected a nonnegative integer"
                )
            v = int(v)
            total += v
            if total > MAX_TWO_LINE:
                raise ResourceLimitError(
                    f"the matrix entries sum to more than MAX_TWO_LINE = {MAX_TWO_LINE}: "
                    "its two-line array would be too long"
                )
            top.extend([i + 1] * v)
            bottom.extend([j + 1] * v)
    return top, bottom


def insert_two_line(top: Sequence[int], bottom: Sequence[int]) -> tuple[Tableau, Tableau]:
    """Row-insert ``bottom`` letter by letter, recording ``top``.

    The letters of ``bottom`` are inserted in order; the box created by the
    ``k``-th insertion receives ``top[k]`` in the recording tableau.  ``top``
    must be weakly increasing for ``Q`` to be semistandard (not checked here).
    Integer letters give [`Tableau`][Tableau] objects (other comparable letters
    plain tuples of rows).

    Distinct nonnegative integer letters (a permutation, say) are inserted as
    they are, one row and then bands of rows at a time (see the module
    notes).  A word with few distinct letters is inserted one row at a time
    with a binary search per letter.  Any other word is standardized (equal
    letters ranked from left to right, which is how row insertion treats
    them) and the inverse of its standardization is inserted instead, which
    exchanges the roles of ``P`` and ``Q``.

    Raises
    ------
    InvalidInputError
        If ``top`` and ``bottom`` have different lengths, a letter is unhashable
        or the letters of ``bottom`` cannot be compared with each other.

    Examples
    --------
    >>> insert_two_line([1, 2, 3], [2, 1, 3])
    (Tableau([[1, 3], [2]]), Tableau([[1, 3], [2]]))
    >>> insert_two_line([1, 1, 2, 2], [1, 2, 1, 1])
    (Tableau([[1, 1, 1], [2]]), Tableau([[1, 1, 2], [2]]))
    """
    from combalg.core.validation import sequence_arg

    top = sequence_arg("top", top)
    bottom = sequence_arg("bottom", bottom)
    trusted = set(map(type, bottom)) <= {int} and set(map(type, top)) <= {int}
    if not trusted:
        top = [int(v) if _is_int(v) else v for v in top]
        bottom = [int(v) if _is_int(v) else v for v in bottom]
        _check_letters(top, bottom)
    return _tableaux(*_insert_two_line(top, bottom), trusted=trusted)


def _check_letters(top: list, bottom: list) -> None:
    """Refuse letters that are unhashable or that cannot be compared with each other."""
    for name, seq in (("top", top), ("bottom", bottom)):
        for k, v in enumerate(seq):
            try:
                hash(v)
            except TypeError:
                raise InvalidInputError(
                    f"invalid letter {short_repr(v)} at position {k} of {name}: expected a hashable letter"
                ) from None
    try:
        sorted(set(bottom))
    except (TypeError, ValueError, ArithmeticError):
        raise InvalidInputError(
            f"invalid bottom {short_repr(bottom)}: expected letters that can be compared with each other"
        ) from None


def _insert_two_line(top: list, bottom: list) -> tuple:
    """The work of [`insert_two_line`][insert_two_line] (rows as tuples)."""
    n = len(bottom)
    if len(top) != n:
        raise InvalidInputError(
            f"invalid two-line array with {len(top)} top and {n} bottom entries: "
            "expected rows of equal length"
        )
    if n == 0:
        return (), ()
    if set(map(type, bottom)) == {int}:
        low, high = min(bottom), max(bottom)
        if low >= 0 and high <= 2 * n and len(set(bottom)) == n:
            P, Q = _insert_distinct(bottom, top, high + 1, n)
            return tuple(map(tuple, P)), tuple(map(tuple, Q))
    try:
        distinct = len(set(bottom))
        max_rows = min(distinct, len(set(top)))
    except TypeError:  # unhashable letters
        distinct = max_rows = n
    if distinct <= 64 or 16 * distinct * distinct <= n:
        # few distinct letters: long runs of equal letters make the column
        # hints of the fast path poor, plain binary search is faster
        return _insert_rows(top, bottom)
    # standardize: order[r] is the position of the letter of rank r; inserting
    # ``order`` (the inverse of the standardization) with the sorted letters as
    # times gives (Q, P) of the standardization, i.e. P with the letters put
    # back.  Columns strictly increase in P and in Q, hence the bound max_rows.
    order = sorted(range(n), key=bottom.__getitem__)
    letters = list(map(bottom.__getitem__, order))
    Pinv, Qinv = _insert_distinct(order, letters, n, max_rows)
    at = top.__getitem__
    return tuple(map(tuple, Qinv)), tuple(tuple(map(at, row)) for row in Pinv)


def _insert_rows(top: list, bottom: list) -> tuple[Tableau, Tableau]:
    """Row insertion one row at a time, each row searched with ``bisect_right``."""
    vals, times = bottom, top
    P: list[list] = []
    Q: list[list] = []
    br = bisect_right
    while vals:
        row: list = []
        qrow: list = []
        nv: list = []
        nt: list = []
        app, qapp, nvapp, ntapp = row.append, qrow.append, nv.append, nt.append
        length = 0
        for c, t in zip(vals, times):
            j = br(row, c)
            if j < length:
                nvapp(row[j])
                row[j] = c
                ntapp(t)
            else:
                app(c)
                qapp(t)
                length += 1
        P.append(row)
        Q.append(qrow)
        vals, times = nv, nt
    return tuple(map(tuple, P)), tuple(map(tuple, Q))


# ---------------------------------------------------------------- fast path
#
# Row insertion of distinct letters 0 <= x < base, one row (then one band of
# rows) at a time.  Row 1 evolves from the input word alone; the letters it
# bumps, in time order, are the input of row 2, and so on.  Two facts make the
# rows below the first cheap:
#
# * a letter bumped from column j of a row enters the next row in a column
#   <= j (the row-bumping lemma), so ``hint[x]`` (the column of x in the row
#   above) bounds its column from above and a short walk to the left finds it
#   (a binary search below the hint takes over after two steps);
# * the rows of a band of ``_BAND`` rows are padded with the values
#   ``base + j`` in column j.  An append at column j bumps that pad, which then
#   falls through the rows below without changing them and leaves the band as
#   a marker of the column; the row that grew is the topmost row of the band
#   of that length, so Q is read off the markers afterwards.
#
# Every row ends in the sentinel -1 at index -1, which stops the walk at
# column 0.  The loops keep ``h = j - 1`` (the left neighbour's column) next
# to the column ``j``: a letter stays in column j exactly when ``R[h]`` does
# not exceed it, and most letters do stay.

_BAND = 8  # rows per band; the band loop below is written out for 8 rows


def _insert_distinct(
    word: list[int], times: list, base: int, max_rows: int
) -> tuple[list[list[int]], list[list]]:
    """Row insertion of distinct letters in ``range(base)``; ``times[k]`` records step ``k``.

    ``max_rows`` bounds the number of rows of the result; rows that may be
    among the last ``_BAND`` are inserted one at a time rather than in a band.
    """
    hint = [0] * base  # hint[x]: the column of letter x in the row above
    # the first row: binary search, bumped letters collected in time order
    row: list[int] = []
    bumped: list[int] = []
    push = bumped.append
    grew: list[int] = []
    length = 0
    br = bisect_right
    for c in word:
        j = br(row, c)
        if j < length:
            push(row[j])
            row[j] = c
        else:
            row.append(c)
            grew.append(len(bumped) + len(grew))
            length += 1
        hint[c] = j
    P = [row]
    Q = [[times[k] for k in grew]]
    vals = bumped
    width = length
    if vals:
        times = _drop(times, grew)
    while vals:
        # a band when at least _BAND more rows are sure to come: the letters
        # left fill boxes below, at most ``width`` per row
        if len(vals) >= _BAND * width and max_rows - len(P) >= _BAND:
            rows, events, vals = _band(vals, hint, width, base)
        else:
            rows, events, vals = _row(vals, hint, width, base)
        count = len(rows)
        lengths = [0] * count
        records: list[list] = [[] for _ in range(count)]
        find = lengths.index
        for k, j in events:  # the row that grew is the topmost one of length j
            b = find(j)
            lengths[b] = j + 1
            records[b].append(times[k])
        for b in range(count):
            if not lengths[b]:
                return P, Q
            P.append(rows[b][: lengths[b]])
            Q.append(records[b])
        width = lengths[-1]
        if vals:
            times = _drop(times, [k for k, _ in events])
    return P, Q


def _drop(seq: list, positions: list[int]) -> list:
    """``seq`` without the entries at ``positions``."""
    keep = bytearray(b"\x01") * len(seq)
    for k in positions:
        keep[k] = 0
    return list(compress(seq, keep))


def _row(vals: list[int], hint: list[int], width: int, base: int):
    """Insert ``vals`` (in time order) into one empty row of at most ``width`` boxes.

    Returns what [`_band`][_band] returns, for a band of one row.
    """
    R = list(range(base, base + width))
    R.append(-1)
    out: list[int] = []
    push = out.append
    events: list[tuple[int, int]] = []
    note = events.append
    br = bisect_right
    for c in vals:
        j = hint[c]
        h = j - 1
        if R[h] > c:
            j = h; h -= 1
            if R[h] > c:
                j = h; h -= 1
                if R[h] > c:
                    j = br(R, c, 0, h)
        y = R[j]; R[j] = c
        if y < base:
            hint[y] = j
            push(y)
        else:
            note((len(out) + len(events), j))
    return (R,), events, out


def _band(vals: list[int], hint: list[int], width: int, base: int):
    """Insert ``vals`` (in time order) into ``_BAND`` empty rows of at most ``width`` boxes.

    Returns the padded rows, the append events ``(input position, column)`` in
    time order, and the letters bumped out of the last row in time order (their
    columns there are left in ``hint``).
    """
    pads = list(range(base, base + width))
    pads.append(-1)
    R0, R1, R2, R3, R4, R5, R6, R7 = (pads[:] for _ in range(_BAND))
    out: list[int] = []
    push = out.append
    events: list[tuple[int, int]] = []
    note = events.append
    br = bisect_right
    for c in vals:
        j = hint[c]
        h = j - 1
        # row 0: insert c, bump y  (each row: walk left from the hint, then swap)
        if R0[h] > c:
            j = h; h -= 1
            if R0[h] > c:
                j = h; h -= 1
                if R0[h] > c:
                    j = br(R0, c, 0, h); h = j - 1
        y = R0[j]; R0[j] = c
        # row 1: insert y, bump c
        if R1[h] > y:
            j = h; h -= 1
            if R1[h] > y:
                j = h; h -= 1
                if R1[h] > y:
                    j = br(R1, y, 0, h); h = j - 1
        c = R1[j]; R1[j] = y
        # row 2
        if R2[h] > c:
            j = h; h -= 1
            if R2[h] > c:
                j = h; h -= 1
                if R2[h] > c:
                    j = br(R2, c, 0, h); h = j - 1
        y = R2[j]; R2[j] = c
        # row 3
        if R3[h] > y:
            j = h; h -= 1
            if R3[h] > y:
                j = h; h -= 1
                if R3[h] > y:
                    j = br(R3, y, 0, h); h = j - 1
        c = R3[j]; R3[j] = y
        # row 4
        if R4[h] > c:
            j = h; h -= 1
            if R4[h] > c:
                j = h; h -= 1
                if R4[h] > c:
                    j = br(R4, c, 0, h); h = j - 1
        y = R4[j]; R4[j] = c
        # row 5
        if R5[h] > y:
            j = h; h -= 1
            if R5[h] > y:
                j = h; h -= 1
                if R5[h] > y:
                    j = br(R5, y, 0, h); h = j - 1
        c = R5[j]; R5[j] = y
        # row 6
        if R6[h] > c:
            j = h; h -= 1
            if R6[h] > c:
                j = h; h -= 1
                if R6[h] > c:
                    j = br(R6, c, 0, h); h = j - 1
        y = R6[j]; R6[j] = c
        # row 7
        if R7[h] > y:
            j = h; h -= 1
            if R7[h] > y:
                j = h; h -= 1
                if R7[h] > y:
                    j = br(R7, y, 0, h); h = j - 1
        c = R7[j]; R7[j] = y
        if c < base:
            hint[c] = j
            push(c)
        else:
            note((len(out) + len(events), j))
    return (R0, R1, R2, R3, R4, R5, R6, R7), events, out


def rsk(obj: Sequence[Any], method: str = "insertion") -> tuple[Tableau, Tableau]:
    """The RSK pair ``(P, Q)`` of a word, a permutation or a matrix.

    Parameters
    ----------
    obj : sequence of int, or matrix
        A word (sequence of integers; a permutation is a word), or a matrix
        (sequence of rows) of nonnegative integers, read as its two-line array
        ([`two_line_array`][two_line_array]).
    method : {"insertion", "growth"}
        ``"insertion"`` (default): fast row insertion.  ``"growth"``: read the
        pair off a growth diagram with [`RuleRSK`][combalg.growth.RuleRSK] (slow;
        a word gets one column per distinct letter).

    Returns
    -------
    (P, Q) : pair of [`Tableau`][combalg.growth.tableau.Tableau]
        ``P`` semistandard with the letters; ``Q`` with the positions (word,
        standard) or row indices (matrix, semistandard).  Tableaux are tuples
        of rows, so ``P[0]`` is the first row.

    Raises
    ------
    InvalidInputError
        For entries that are not integers, a ragged or negative matrix, or an
        unknown method.

    Examples
    --------
    >>> rsk([2, 3, 1])
    (Tableau([[1, 3], [2]]), Tableau([[1, 2], [3]]))
    >>> rsk([2, 3, 1], method="growth") == rsk([2, 3, 1])
    True
    >>> P, Q = rsk([[0, 1], [1, 1]])
    >>> print(P)
    1 2
    2
    >>> import numpy
    >>> rsk(numpy.array([2, 3, 1]))[0]
    Tableau([[1, 3], [2]])
    """
    if not isinstance(method, str) or method not in ("insertion", "growth"):
        raise InvalidInputError(
            f"invalid method {short_repr(method)}: expected 'insertion' or 'growth'"
        )
    if isinstance(obj, (str, bytes)):
        raise InvalidInputError(
            f"invalid input {short_repr(obj)}: expected a word of integers or a matrix, not text"
        )
    if type(obj).__module__.startswith(("sympy", "combalg")) and getattr(obj, "is_Matrix", True) \
            and hasattr(obj, "tolist"):
        from combalg.core.matrix import as_rows

        obj = as_rows(obj, "matrix")   # a sympy Matrix iterates over entries, not rows
    from combalg.core.validation import rows_arg, sequence_arg

    try:
        items = sequence_arg("input", obj)
    except InvalidInputError:
        raise InvalidInputError(
            f"invalid input {short_repr(obj)}: expected a word of integers or a matrix"
        ) from None
    is_word = set(map(type, items)) <= {int} or all(_is_int(v) for v in items)
    if is_word:
        items = [int(v) for v in items]   # numpy or FLINT integers become Python ints
    if not is_word:
        try:
            rows = rows_arg("matrix", items)
        except InvalidInputError:
            raise InvalidInputError(
                f"invalid input {short_repr(obj)}: expected a word of integers or a matrix"
            ) from None
        top, bottom = two_line_array(rows)
        if method == "insertion":
            return insert_two_line(top, bottom)
        from combalg.growth.engine import GrowthDiagram
        from combalg.growth.rules import RuleRSK

        G = GrowthDiagram(RuleRSK(), [[int(v) for v in r] for r in rows])
        return G.P_symbol(), G.Q_symbol()
    if method == "insertion":
        return insert_two_line(range(1, len(items) + 1), items)
    if not items:
        return Tableau(), Tableau()
    from combalg.growth.engine import GrowthDiagram
    from combalg.growth.rules import RuleRSK

    # one column per distinct letter, then the letters are put back into P
    letters = sorted(set(items))
    rank = {v: k + 1 for k, v in enumerate(letters)}
    G = GrowthDiagram(RuleRSK(), [rank[v] for v in items])
    P = Tableau([[letters[k - 1] for k in row] for row in G.P_symbol()])
    return P, G.Q_symbol()


def tableau_shape(T: Sequence[Sequence[Any]]) -> tuple[int, ...]:
    """The shape (row lengths) of a tableau.

    Examples
    --------
    >>> tableau_shape(((1, 2), (3,)))
    (2, 1)
    """
    from combalg.core.validation import rows_arg

    return tuple(len(r) for r in rows_arg("tableau", T))


def is_semistandard(T: Sequence[Sequence[Any]]) -> bool:
    """Rows weakly increase, columns strictly increase, rows weakly shorten.

    Examples
    --------
    >>> is_semistandard(((1, 1, 2), (2, 3)))
    True
    >>> is_semistandard(((1, 2), (1,)))
    False
    """
    from combalg.core.validation import rows_arg

    try:
        rows = rows_arg("tableau", T)
    except InvalidInputError:   # not a sequence of rows: not a tableau
        return False
    for i, r in enumerate(rows):
        if not r or not all(_is_int(v) for v in r):
            return False
        if any(r[k] > r[k + 1] for k in range(len(r) - 1)):
            return False
        if i > 0:
            above = rows[i - 1]
            if len(r) > len(above) or any(above[k] >= r[k] for k in range(len(r))):
                return False
    return True


def is_standard(T: Sequence[Sequence[Any]]) -> bool:
    """Semistandard with entries exactly ``1..n``, each once.

    Examples
    --------
    >>> is_standard(((1, 3), (2,)))
    True
    >>> is_standard(((1, 1),))
    False
    """
    if not is_semistandard(T):
        return False
    entries = sorted(v for r in T for v in r)
    return entries == list(range(1, len(entries) + 1))


def _check_tableau(T: Any, name: str) -> list[list[int]]:
    from combalg.core.validation import rows_arg

    try:
        rows = rows_arg(name, T)
    except InvalidInputError:
        raise InvalidInputError(f"invalid {name} {short_repr(T)}: expected a tableau (sequence of rows)") from None
    if not is_semistandard(rows):
        raise InvalidInputError(
            f"invalid {name} {short_repr(T)}: expected a semistandard tableau (rows weakly "
            "increasing, columns strictly increasing, integer entries)"
        )
    return rows


def rsk_inverse(P: Sequence[Sequence[int]], Q: Sequence[Sequence[int]], output: str = "auto") -> Any:
    """Undo [`rsk`][rsk]: recover the word or matrix from ``(P, Q)``.

    Parameters
    ----------
    P, Q : tableaux
        Semistandard tableaux of the same shape.
    output : {"auto", "word", "matrix", "two_line"}
        ``"word"`` needs ``Q`` standard and returns the list of letters;
        ``"matrix"`` needs positive entries and returns the matrix with
        ``max(Q)`` rows and ``max(P)`` columns; ``"two_line"`` returns the
        two-line array ``(top, bottom)``.  ``"auto"`` gives a word when ``Q`` is
        standard and a matrix otherwise.

    Raises
    ------
    InvalidInputError
        If ``P`` or ``Q`` is not semistandard, the shapes differ, or the
        requested output does not fit.

    Examples
    --------
    >>> rsk_inverse(((1, 3), (2,)), ((1, 2), (3,)))
    [2, 3, 1]
    >>> rsk_inverse(((1, 2), (2,)), ((1, 2), (2,)))
    [[0, 1], [1, 1]]
    >>> rsk_inverse(((1, 2),), ((1,),))
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid shapes (2,) and (1,) of P and Q: expected equal shapes
    """
    if not isinstance(output, str) or output not in ("auto", "word", "matrix", "two_line"):
        raise InvalidInputError(
            f"invalid output {short_repr(output)}: expected 'auto', 'word', 'matrix' or 'two_line'"
        )
    prow = _check_tableau(P, "P")
    qrow = _check_tableau(Q, "Q")
    sp, sq = tableau_shape(prow), tableau_shape(qrow)
    if sp != sq:
        raise InvalidInputError(f"invalid shapes {sp} and {sq} of P and Q: expected equal shapes")
    standard = is_standard(qrow)
    if output == "auto":
        output = "word" if standard else "matrix"
    if output == "word" and not standard:
        raise InvalidInputError(f"invalid Q {short_repr(Q)} for output='word': expected a standard tableau")
    # order in which boxes are removed: largest Q entry first, rightmost first among ties
    order = sorted(((v, j, i) for i, r in enumerate(qrow) for j, v in enumerate(r)), reverse=True)
    rows = [list(r) for r in prow]
    n = len(order)
    top = [0] * n
    bottom = [0] * n
    bl = bisect_left
    for k, (v, j, i) in enumerate(order):
        x = rows[i].pop()
        for s in range(i - 1, -1, -1):
            r = rows[s]
            pos = bl(r, x) - 1
            r[pos], x = x, r[pos]
        top[n - 1 - k] = v
        bottom[n - 1 - k] = x
    if output == "word":
        return bottom
    if output == "two_line":
        return top, bottom
    if n and (min(top) < 1 or min(bottom) < 1):
        raise InvalidInputError(
            "invalid tableaux for output='matrix': expected positive entries"
        )
    nrows = max(top, default=0)
    ncols = max(bottom, default=0)
    from combalg.core import limits

    limits.check("sequence_length", nrows * ncols,
                 f"a matrix of {short_repr(nrows)} rows and {short_repr(ncols)} columns")
    M = [[0] * ncols for _ in range(nrows)]
    for a, b in zip(top, bottom):
        M[a - 1][b - 1] += 1
    return M
