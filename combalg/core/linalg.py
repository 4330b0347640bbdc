"""Exact linear algebra over the rationals and over prime fields.

Matrices are given as lists of rows (entries ``int``, `fractions.Fraction`, or
anything rational such as sympy ``Rational``; over ``GF(p)`` also fractions whose
denominator is prime to ``p``) or as python-flint matrices (``fmpq_mat``, ``fmpz_mat``,
``nmod_mat``). The work is done by FLINT (``fmpq_mat``, ``nmod_mat``); results come
back as plain Python lists whose entries are ``int`` when integral and ``Fraction``
otherwise (over ``GF(p)``: ints in ``range(p)``).

A matrix with no rows has no row to tell its width: pass ``ncols=`` to describe a
``0 x n`` matrix (otherwise it is ``0 x 0``).

Examples
--------
>>> from fractions import Fraction
>>> from combalg.core.linalg import QQ, GF, rref, rank, nullspace
>>> rows, pivots = rref([[1, 2, 3], [2, 4, 7]])
>>> rows, pivots
([[1, 2, 0], [0, 0, 1]], (0, 2))
>>> nullspace([[1, 2, 3], [2, 4, 7]])
[[-2, 1, 0]]
>>> rank([[1, 1], [1, -1]], GF(2))
1
>>> rref([[2, 1]], QQ)[0]
[[1, Fraction(1, 2)]]

References
----------
- [1] The FLINT team, *FLINT: Fast Library for Number Theory*, https://flintlib.org
   (``fmpq_mat_rref``, ``nmod_mat_rref``).
"""

from __future__ import annotations

import math
import numbers
import operator
from collections.abc import Sequence
from fractions import Fraction
from typing import Any, Union

from flint import fmpq, fmpq_mat, fmpz, fmpz_mat, nmod, nmod_mat

from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError
from combalg.core.validation import nonnegative_int

__all__ = [
    "Field",
    "RationalField",
    "FiniteField",
    "QQ",
    "GF",
    "as_flint",
    "from_flint",
    "rref",
    "rref_flint",
    "rank",
    "det",
    "nullspace",
    "left_nullspace",
    "nullspace_from_rref",
    "integral_row",
    "row_basis",
    "rowspace_equal",
    "in_rowspace",
    "solve",
]

Scalar = Union[int, Fraction]
FlintMatrix = Union[fmpq_mat, nmod_mat]
MatrixLike = Union[Sequence[Sequence[Any]], fmpq_mat, fmpz_mat, nmod_mat]

_WORD = 2**64


def _coprime_fraction_maker() -> Any:
    """A constructor of Fraction(n, d) for coprime n, d > 0 that skips the gcd."""
    maker = getattr(Fraction, "_from_coprime_ints", None)
    if maker is not None:
        return maker
    try:
        if Fraction(2, 4, _normalize=False).numerator == 2:  # type: ignore[call-arg]
            return lambda n, d: Fraction(n, d, _normalize=False)  # type: ignore[call-arg]
    except TypeError:
        pass
    return Fraction


_coprime_fraction = _coprime_fraction_maker()


class Field:
    """A field for exact linear algebra: [`QQ`][QQ] or ``GF(p)``.

    Fields are immutable and hashable; two fields are equal when they are the same
    field. Use [`QQ`][QQ] and [`GF`][GF] rather than the classes.
    """

    __slots__ = ()

    @property
    def characteristic(self) -> int:
        """The characteristic (``0`` for QQ, ``p`` for GF(p))."""
        raise NotImplementedError

    def convert(self, value: Any) -> Scalar:
        """``value`` as a Python element of the field (see the subclasses)."""
        raise NotImplementedError

    def _flint_entry(self, value: Any) -> Any:
        raise NotImplementedError

    def _jsonable_(self) -> str:
        """The field's name, ``"QQ"`` or ``"GF(p)"`` (see [`combalg.core.encoding`][combalg.core.encoding])."""
        return repr(self)

    def _from_flint_entry(self, value: Any) -> Scalar:
        raise NotImplementedError

    def _empty(self, nrows: int, ncols: int) -> FlintMatrix:
        raise NotImplementedError

    def _matrix(self, nrows: int, ncols: int, entries: list[Any]) -> FlintMatrix:
        raise NotImplementedError


def _rational_parts(value: Any) -> tuple[int, int] | None:
    """(numerator, denominator) of an exact rational value, or None."""
    if isinstance(value, bool):
        return None  # a truth value is not a number: refused like a float
    if isinstance(value, int):
        return value, 1
    if isinstance(value, (fmpz, nmod)):
        return int(value), 1
    if isinstance(value, fmpq):
        return int(value.p), int(value.q)
    if isinstance(value, numbers.Rational):
        return int(value.numerator), int(value.denominator)
    try:
        return operator.index(value), 1
    except TypeError:
        return None


def _exact_parts(value: Any) -> tuple[int, int]:
    """[`_rational_parts`][_rational_parts], raising InvalidInputError for a value that is not an exact rational."""
    nd = _rational_parts(value)
    if nd is None:
        raise InvalidInputError(
            f"invalid entry {short_repr(value)}: expected an exact rational (int or Fraction), "
            f"not {type(value).__name__}"
        )
    return nd


class RationalField(Field):
    """The field QQ of rational numbers; use the instance [`QQ`][QQ].

    Examples
    --------
    >>> QQ.convert(3), QQ.convert(Fraction(6, 4))
    (3, Fraction(3, 2))
    >>> QQ.characteristic
    0
    >>> QQ.convert(0.5)
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid entry 0.5: expected an exact rational (int or Fraction), not float
    """

    __slots__ = ()

    @property
    def characteristic(self) -> int:
        return 0

    def convert(self, value: Any) -> Scalar:
        """``value`` as an ``int`` if it is integral, else as a ``Fraction``.

        Raises
        ------
        InvalidInputError
            If ``value`` is not an exact rational (floats are refused).
        """
        n, d = _exact_parts(value)
        return n if d == 1 else Fraction(n, d)

    def _flint_entry(self, value: Any) -> Any:
        if type(value) is int or isinstance(value, (fmpq, fmpz)):
            return value
        n, d = _exact_parts(value)
        return n if d == 1 else fmpq(n, d)

    def _from_flint_entry(self, value: Any) -> Scalar:
        q = value.q
        if q == 1:
            return int(value.p)
        return _coprime_fraction(int(value.p), int(q))

    def _empty(self, nrows: int, ncols: int) -> fmpq_mat:
        return fmpq_mat(nrows, ncols)

    def _matrix(self, nrows: int, ncols: int, entries: list[Any]) -> fmpq_mat:
        return fmpq_mat(nrows, ncols, entries)

    def __repr__(self) -> str:
        return "QQ"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RationalField)

    def __hash__(self) -> int:
        return hash("QQ")

    def __reduce__(self) -> str:
        return "QQ"


class FiniteField(Field):
    """The prime field GF(p) = Z/pZ; build it with [`GF`][GF].

    Elements are represented by the ints ``0, ..., p - 1``.

    Examples
    --------
    >>> F = GF(7)
    >>> F, F.characteristic
    (GF(7), 7)
    >>> F.convert(-1), F.convert(Fraction(1, 2))
    (6, 4)
    >>> F.convert(Fraction(1, 7))
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid entry Fraction(1, 7): its denominator is divisible by 7, so it is not an element of GF(7)
    """

    __slots__ = ("_p",)

    def __init__(self, p: int) -> None:
        if type(p) is not int or p < 2 or p >= _WORD or not fmpz(p).is_prime():
            p = GF(p).characteristic  # the checks of GF, with its message
        self._p = p

    @property
    def characteristic(self) -> int:
        return self._p

    @property
    def p(self) -> int:
        """The prime ``p``."""
        return self._p

    def convert(self, value: Any) -> int:
        """``value`` reduced modulo ``p``, as an int in ``range(p)``.

        Raises
        ------
        InvalidInputError
            If ``value`` is not an exact rational, its denominator is divisible by
            ``p``, or it is an ``nmod`` with another modulus.
        """
        p = self._p
        if isinstance(value, nmod) and value.modulus() != p:
            raise InvalidInputError(
                f"invalid entry {value!r}: it lies in Z/{value.modulus()}Z, not in GF({p})"
            )
        n, d = _exact_parts(value)
        if d == 1:
            return n % p
        if d % p == 0:
            raise InvalidInputError(
                f"invalid entry {value!r}: its denominator is divisible by {p}, "
                f"so it is not an element of GF({p})"
            )
        return n * pow(d, -1, p) % p

    def _flint_entry(self, value: Any) -> int:
        if type(value) is int:
            return value % self._p
        return self.convert(value)

    def _from_flint_entry(self, value: Any) -> int:
        return int(value)

    def _empty(self, nrows: int, ncols: int) -> nmod_mat:
        return nmod_mat(nrows, ncols, self._p)

    def _matrix(self, nrows: int, ncols: int, entries: list[Any]) -> nmod_mat:
        return nmod_mat(nrows, ncols, entries, self._p)

    def __repr__(self) -> str:
        return f"GF({self._p})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FiniteField) and other._p == self._p

    def __hash__(self) -> int:
        return hash(("GF", self._p))

    def __reduce__(self) -> tuple[Any, tuple[int]]:
        return (GF, (self._p,))


#: The field of rational numbers.
QQ = RationalField()

_GF_CACHE: dict[int, FiniteField] = {}


def GF(p: int) -> FiniteField:
    """The prime field with ``p`` elements.

    Parameters
    ----------
    p : int
        A prime, ``2 <= p < 2**64`` (FLINT's word-size ``nmod_mat``).

    Raises
    ------
    InvalidInputError
        If ``p`` is not an integer, not prime, or too large.

    Examples
    --------
    >>> GF(5) == GF(5), GF(5) == GF(7), GF(2) == QQ
    (True, False, False)
    >>> GF(6)
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid characteristic 6: expected a prime p with 2 <= p < 2**64
    """
    if isinstance(p, bool):
        raise InvalidInputError(f"invalid characteristic {short_repr(p)}: expected a prime integer")
    try:
        p = operator.index(p)
    except TypeError:
        raise InvalidInputError(
            f"invalid characteristic {short_repr(p)}: expected a prime integer"
        ) from None
    field = _GF_CACHE.get(p)
    if field is not None:
        return field
    if p < 2 or p >= _WORD or not fmpz(p).is_prime():
        raise InvalidInputError(
            f"invalid characteristic {p}: expected a prime p with 2 <= p < 2**64"
        )
    field = FiniteField(p)
    if len(_GF_CACHE) < 1024:
        _GF_CACHE[p] = field
    return field


# ----------------------------------------------------------------------------- conversion


def _check_ncols(ncols: int | None) -> int | None:
    return nonnegative_int("ncols", ncols, allow_none=True)


def _infer_field(M: Any, field: Field | None) -> Field:
    if field is None:
        if isinstance(M, nmod_mat):
            return GF(M.modulus())
        return QQ
    if not isinstance(field, Field):
        raise InvalidInputError(f"invalid field {short_repr(field)}: expected QQ or GF(p)")
    return field


def as_flint(M: MatrixLike, field: Field | None = None, ncols: int | None = None) -> FlintMatrix:
    """The matrix ``M`` as a python-flint matrix over ``field``.

    Parameters
    ----------
    M : list of rows, sympy or numpy matrix, combalg Matrix, or fmpq_mat / fmpz_mat / nmod_mat
        The matrix.
    field : Field, optional
        [`QQ`][QQ] (giving an ``fmpq_mat``) or ``GF(p)`` (giving an ``nmod_mat``).
        By default QQ, or ``GF(modulus)`` for an ``nmod_mat``.
    ncols : int, optional
        The number of columns; needed only for a matrix with no rows.

    Raises
    ------
    InvalidInputError
        If the rows have different lengths (the message names the first bad row),
        ``ncols`` disagrees with the rows, an entry is not exact, or an ``nmod_mat``
        is given with another field.

    Examples
    --------
    >>> as_flint([[1, Fraction(1, 2)]])
    [1, 1/2]
    >>> as_flint([[3, 4]], GF(5))
    [3, 4]
    >>> as_flint([], ncols=3).ncols()
    3
    >>> as_flint([[1, 2], [3]])
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid matrix: row 1 has 1 entries, expected 2 like row 0
    """
    field = _infer_field(M, field)
    ncols = _check_ncols(ncols)
    if isinstance(M, (fmpq_mat, fmpz_mat, nmod_mat)):
        if ncols is not None and M.ncols() != ncols:
            raise InvalidInputError(
                f"invalid ncols {ncols}: the given matrix has {M.ncols()} columns"
            )
        if isinstance(M, nmod_mat):
            if not (isinstance(field, FiniteField) and M.modulus() == field.p):
                raise InvalidInputError(
                    f"invalid field {short_repr(field)}: the given nmod_mat has modulus {M.modulus()}"
                )
            return M
        if isinstance(field, RationalField):
            return M if isinstance(M, fmpq_mat) else fmpq_mat(M)
        entries = [field.convert(x) for row in M.tolist() for x in row]
        return field._matrix(M.nrows(), M.ncols(), entries)
    if isinstance(M, (str, bytes)):
        raise InvalidInputError(
            f"invalid matrix {short_repr(M)}: expected a list of rows (parse text with "
            "combalg.core.parsing.parse_matrix)"
        )
    if not isinstance(M, (list, tuple)) and type(M).__module__.startswith(("sympy", "numpy", "combalg")):
        from combalg.core.matrix import as_rows

        rows = as_rows(M)   # sympy and numpy matrices, combalg's Matrix
    else:
        try:
            rows = [list(r) for r in M]
        except TypeError:
            raise InvalidInputError(
                f"invalid matrix {short_repr(M)}: expected a list of rows of exact numbers"
            ) from None
    nrows = len(rows)
    if nrows == 0:
        return field._empty(0, ncols or 0)
    width = len(rows[0])
    if ncols is not None and width != ncols:
        raise InvalidInputError(
            f"invalid matrix: row 0 has {width} entries, but ncols={ncols} was given"
        )
    for i, row in enumerate(rows):
        if len(row) != width:
            raise InvalidInputError(
                f"invalid matrix: row {i} has {len(row)} entries, expected {width} like row 0"
            )
    if width == 0:
        return field._empty(nrows, 0)
    if all(type(x) is int for row in rows for x in row):
        # fast path: plain Python ints go straight into FLINT
        if isinstance(field, RationalField):
            return fmpq_mat(fmpz_mat(rows))
        p = field.characteristic
        return field._matrix(nrows, width, [x % p for row in rows for x in row])
    conv = field._flint_entry
    entries = [conv(x) for row in rows for x in row]
    return field._matrix(nrows, width, entries)


def _field_of_flint(mat: Any) -> Field:
    if isinstance(mat, nmod_mat):
        return GF(mat.modulus())
    return QQ


def from_flint(mat: FlintMatrix | fmpz_mat) -> list[list[Scalar]]:
    """A python-flint matrix as a list of rows of Python numbers.

    ``fmpq_mat`` and ``fmpz_mat`` entries become ``int`` (when integral) or
    ``Fraction``; ``nmod_mat`` entries become ints in ``range(p)``.

    Examples
    --------
    >>> from flint import fmpq_mat, fmpq
    >>> from_flint(fmpq_mat([[1, fmpq(2, 3)]]))
    [[1, Fraction(2, 3)]]
    """
    if isinstance(mat, fmpz_mat):
        return [[int(x) for x in row] for row in mat.tolist()]
    if not isinstance(mat, (fmpq_mat, nmod_mat)):
        raise InvalidInputError(
            f"invalid matrix of type {type(mat).__name__}: expected fmpq_mat, fmpz_mat or nmod_mat"
        )
    return _rows_of(mat, _field_of_flint(mat))


def _rows_of(mat: FlintMatrix, field: Field, nrows: int | None = None) -> list[list[Scalar]]:
    """The first ``nrows`` rows (all by default) of a flint matrix as Python lists."""
    if mat.ncols() == 0:
        return [[] for _ in range(mat.nrows() if nrows is None else nrows)]
    if isinstance(mat, fmpq_mat):
        num, den = mat.numer_denom()
        if den == 1:
            table = num.tolist()
            if nrows is not None:
                table = table[:nrows]
            return [[int(x) for x in row] for row in table]
    table = mat.tolist()
    if nrows is not None:
        table = table[:nrows]
    conv = field._from_flint_entry
    return [[conv(x) for x in row] for row in table]


# ----------------------------------------------------------------------------- algorithms


def integral_row(r: Sequence[Any]) -> list:
    """A nonzero integer multiple of a rational row (or the zero row): the same line,
    and FLINT's fraction-free elimination is much faster on integer matrices.

    Entries may be ``int``, `fractions.Fraction`, ``fmpz`` or ``fmpq``.

    Examples
    --------
    >>> integral_row([Fraction(1, 2), 3, Fraction(-2, 3)])
    [3, 18, -4]
    """
    if not isinstance(r, list):
        from combalg.core.validation import sequence_arg

        r = sequence_arg("row", r)
    den = 1
    for x in r:
        if type(x) is not int:
            if type(x) is not Fraction:
                from combalg.core.validation import sequence_arg

                r = sequence_arg("row", r)
                for y in r:
                    if isinstance(y, bool) or not isinstance(y, (int, Fraction, fmpz, fmpq)):
                        raise InvalidInputError(f"invalid row entry {short_repr(y)}: expected int, Fraction, fmpz or fmpq")
                return _integral_row_flint(r)
            den = math.lcm(den, x.denominator)
    if den == 1:
        return [x if type(x) is int else x.numerator for x in r]
    return [x * den if type(x) is int else x.numerator * (den // x.denominator) for x in r]


def _integral_row_flint(r: Sequence[Any]) -> list:
    """[`integral_row`][integral_row] for rows that hold ``fmpz``/``fmpq`` entries too."""
    den = 1
    for x in r:
        if isinstance(x, Fraction):
            den = math.lcm(den, x.denominator)
        elif isinstance(x, fmpq):
            den = math.lcm(den, int(x.q))
    out = []
    for x in r:
        if isinstance(x, Fraction):
            out.append(x.numerator * (den // x.denominator))
        elif isinstance(x, fmpq):
            out.append(fmpz(x.p) * (den // int(x.q)))
        else:
            out.append(x * den)
    return out


_ROW_ENTRY_TYPES = (int, Fraction, fmpz, fmpq)


def _row_space_flint(M: MatrixLike, field: Field, ncols: int | None) -> FlintMatrix:
    """A flint matrix with the row space of ``M`` (for rref, rank and right null spaces).

    Over QQ, rows of ``int``/``Fraction``/``fmpz``/``fmpq`` entries are scaled to
    integers first, which FLINT reduces much faster; anything else goes through
    [`as_flint`][as_flint], which also does all the checking.
    """
    if (isinstance(field, RationalField) and isinstance(M, list) and M and type(M[0]) is list and M[0]
            and (ncols is None or (type(ncols) is int and ncols == len(M[0])))
            and all(type(row) is list and len(row) == len(M[0]) for row in M)
            and all(isinstance(x, _ROW_ENTRY_TYPES) and type(x) is not bool for row in M for x in row)):
        flat: list = []
        for row in M:
            flat += integral_row(row)
        return fmpq_mat(fmpz_mat(len(M), len(M[0]), flat))
    return as_flint(M, field, ncols)


def rref_flint(
    M: MatrixLike, field: Field | None = None, ncols: int | None = None
) -> tuple[FlintMatrix, tuple[int, ...]]:
    """Reduced row echelon form as a flint matrix, with the pivot columns.

    The fast variant of [`rref`][rref] for callers that keep working with flint.

    Examples
    --------
    >>> R, piv = rref_flint([[0, 2, 4], [1, 1, 1]])
    >>> R, piv
    ([1, 0, -1]
    [0, 1,  2], (0, 1))
    """
    field = _infer_field(M, field)
    A = _row_space_flint(M, field, ncols)
    if A.nrows() == 0 or A.ncols() == 0:
        return A, ()
    R, r = A.rref()
    return R, _pivots(R.tolist(), r)


def _pivots(rows: list[list[Any]], r: int) -> tuple[int, ...]:
    piv = []
    j = 0
    for i in range(r):
        row = rows[i]
        while row[j] == 0:
            j += 1
        piv.append(j)
        j += 1
    return tuple(piv)


def rref(
    M: MatrixLike, field: Field | None = None, ncols: int | None = None
) -> tuple[list[list[Scalar]], tuple[int, ...]]:
    """Reduced row echelon form and pivot columns.

    Parameters
    ----------
    M : list of rows, or flint matrix
        The matrix (see the module docstring for accepted entries).
    field : Field, optional
        [`QQ`][QQ] (default) or ``GF(p)``; an ``nmod_mat`` defaults to its own field.
    ncols : int, optional
        The number of columns, needed only when ``M`` has no rows.

    Returns
    -------
    rows : list of list
        The reduced row echelon form, of the same shape as ``M`` (zero rows last).
    pivots : tuple of int
        The pivot columns, increasing; their number is the rank.

    Raises
    ------
    InvalidInputError
        For ragged rows, inexact entries or a bad field.

    Examples
    --------
    >>> rref([[0, 3, 6], [1, 1, 1], [1, 2, 3]])
    ([[1, 0, -1], [0, 1, 2], [0, 0, 0]], (0, 1))
    >>> rref([[1, 1], [1, 0]], GF(2))
    ([[1, 0], [0, 1]], (0, 1))
    >>> rref([], ncols=2)
    ([], ())
    """
    field = _infer_field(M, field)
    A = _row_space_flint(M, field, ncols)
    if A.nrows() == 0 or A.ncols() == 0:
        return from_flint(A), ()
    R, r = A.rref()
    rows = _rows_of(R, field)
    return rows, _pivots(rows, r)


def rank(M: MatrixLike, field: Field | None = None, ncols: int | None = None) -> int:
    """The rank of ``M`` over ``field``.

    Examples
    --------
    >>> rank([[1, 2], [2, 4]]), rank([[1, 2], [3, 4]]), rank([[1, 2], [3, 4]], GF(2))
    (1, 2, 1)
    >>> rank([])
    0
    """
    field = _infer_field(M, field)
    A = _row_space_flint(M, field, ncols)
    if A.nrows() == 0 or A.ncols() == 0:
        return 0
    return A.rank()


def det(M: MatrixLike, field: Field | None = None) -> Scalar:
    """The determinant of a square matrix (``1`` for the empty matrix).

    Raises
    ------
    InvalidInputError
        If ``M`` is not square.

    Examples
    --------
    >>> det([[1, 2], [3, 4]]), det([[1, 2], [3, 4]], GF(3))
    (-2, 1)
    """
    field = _infer_field(M, field)
    A = as_flint(M, field)
    if A.nrows() != A.ncols():
        raise InvalidInputError(
            f"invalid matrix of shape {A.nrows()}x{A.ncols()}: expected a square matrix"
        )
    if A.nrows() == 0:
        return 1
    return field._from_flint_entry(A.det())


def _nullspace_of_flint(A: FlintMatrix, field: Field) -> list[list[Scalar]]:
    n = A.ncols()
    if A.nrows() == 0 or n == 0:
        return nullspace_from_rref([], (), n, field)
    R, r = A.rref()
    R_rows = _rows_of(R, field, r)
    return _nullspace_basis(R_rows, _pivots(R_rows, r), n, field.characteristic)


def nullspace_from_rref(R: Sequence[Sequence[Scalar]], pivots: Sequence[int], ncols: int,
                        field: Field | None = None) -> list[list[Scalar]]:
    """The standard basis of the right null space of a matrix, read off its RREF.

    ``R`` holds (at least) the nonzero rows of the reduced row echelon form and
    ``pivots`` their pivot columns.  There is one vector per non-pivot column ``f``
    (in increasing order), with entry ``1`` at ``f`` and ``0`` at the other
    non-pivot columns; this is the basis [`nullspace`][nullspace] returns.

    Examples
    --------
    >>> nullspace_from_rref([[1, 2, 0], [0, 0, 1]], (0, 2), 3)
    [[-2, 1, 0]]
    >>> nullspace_from_rref([[1, 2, 0], [0, 0, 1]], (0, 2), 3, GF(5))
    [[3, 1, 0]]
    """
    from combalg.core import limits
    from combalg.core.validation import rows_arg, sequence_arg

    field = _infer_field(None, field)
    ncols = nonnegative_int("ncols", ncols)
    R = rows_arg("R", R)
    pivots = [nonnegative_int("pivot", c) for c in sequence_arg("pivots", pivots)]
    if any(c >= ncols for c in pivots) or len(set(pivots)) != len(pivots):
        raise InvalidInputError(
            f"invalid pivots {short_repr(pivots)}: expected distinct columns below ncols = {ncols}"
        )
    if len(pivots) > len(R):
        raise InvalidInputError(
            f"invalid R with {len(R)} rows: expected at least one row per pivot ({len(pivots)})"
        )
    for i in range(len(pivots)):
        if len(R[i]) < ncols:
            raise InvalidInputError(f"invalid R row {i} of length {len(R[i])}: expected {ncols} entries")
        for x in R[i][:ncols]:
            if isinstance(x, bool) or not isinstance(x, (int, Fraction, fmpz, fmpq)):
                raise InvalidInputError(
                    f"invalid R entry {short_repr(x)}: expected an int or a Fraction (fmpz, fmpq)"
                )
    limits.check("sequence_length", (ncols - len(pivots)) * ncols,
                 f"a null space basis of {ncols - len(pivots)} vectors of length {ncols}")
    return _nullspace_basis(R, pivots, ncols, field.characteristic)


def _nullspace_basis(R: Sequence[Sequence[Scalar]], pivots: Sequence[int], ncols: int, p: int) -> list[list[Scalar]]:
    """[`nullspace_from_rref`][nullspace_from_rref] without the checks (for an rref computed here)."""
    pivset = set(pivots)
    basis = []
    for f in range(ncols):
        if f in pivset:
            continue
        v: list[Scalar] = [0] * ncols
        v[f] = 1
        for i, c in enumerate(pivots):
            x = R[i][f]
            if x:
                v[c] = (-x) % p if p else -x
        basis.append(v)
    return basis


def nullspace(
    M: MatrixLike, field: Field | None = None, ncols: int | None = None
) -> list[list[Scalar]]:
    """A basis of the right null space ``{x : M x = 0}``.

    The basis is the standard one read off the reduced row echelon form: one vector
    per non-pivot column ``f`` (in increasing order), with entry ``1`` at ``f`` and
    ``0`` at the other non-pivot columns.

    Parameters
    ----------
    M, field, ncols
        As in [`rref`][rref].

    Returns
    -------
    list of list
        ``ncols - rank`` vectors of length ``ncols``.

    Examples
    --------
    >>> nullspace([[1, 1, 1]])
    [[-1, 1, 0], [-1, 0, 1]]
    >>> nullspace([[1, 1, 1]], GF(3))
    [[2, 1, 0], [2, 0, 1]]
    >>> nullspace([], ncols=2)
    [[1, 0], [0, 1]]
    """
    field = _infer_field(M, field)
    return _nullspace_of_flint(_row_space_flint(M, field, ncols), field)


def left_nullspace(
    M: MatrixLike, field: Field | None = None, ncols: int | None = None
) -> list[list[Scalar]]:
    """A basis of the left null space ``{y : y M = 0}`` (the null space of ``M^T``).

    Examples
    --------
    >>> left_nullspace([[1, 2], [2, 4], [0, 1]])
    [[-2, 1, 0]]
    >>> left_nullspace([[], []])
    [[1, 0], [0, 1]]
    """
    field = _infer_field(M, field)
    A = as_flint(M, field, ncols)
    return _nullspace_of_flint(A.transpose(), field)


def row_basis(
    M: MatrixLike, field: Field | None = None, ncols: int | None = None
) -> list[list[Scalar]]:
    """The canonical basis of the row space: the nonzero rows of the rref.

    Two matrices have the same row space exactly when their row bases are equal.

    Examples
    --------
    >>> row_basis([[1, 2], [2, 4], [0, 0]])
    [[1, 2]]
    """
    rows, piv = rref(M, field, ncols)
    return rows[: len(piv)]


def _width(M: Any) -> int | None:
    """Number of columns if determined by M itself."""
    if isinstance(M, (fmpq_mat, fmpz_mat, nmod_mat)):
        return M.ncols()
    try:
        first = next(iter(M))
    except (StopIteration, TypeError):
        return None
    try:
        return len(first)
    except TypeError:
        return None


def rowspace_equal(
    A: MatrixLike, B: MatrixLike, field: Field | None = None, ncols: int | None = None
) -> bool:
    """Whether ``A`` and ``B`` have the same row space over ``field``.

    A matrix without rows takes its width from the other matrix (or ``ncols``).

    Raises
    ------
    InvalidInputError
        If the matrices have different numbers of columns.

    Examples
    --------
    >>> rowspace_equal([[1, 1, 0], [0, 1, 1]], [[1, 0, -1], [1, 2, 1]])
    True
    >>> rowspace_equal([[1, 1]], [[1, -1]], GF(2)), rowspace_equal([[1, 1]], [[1, -1]])
    (True, False)
    >>> rowspace_equal([], [[0, 0]])
    True
    """
    if field is None:
        field = _infer_field(A, None) if isinstance(A, nmod_mat) else _infer_field(B, None)
    width = _check_ncols(ncols)
    wa = _width(A) if width is None else width
    wb = _width(B) if width is None else width
    if wa is None:
        wa = wb
    if wb is None:
        wb = wa
    FA = as_flint(A, field, wa)
    FB = as_flint(B, field, wb)
    if FA.ncols() != FB.ncols():
        raise InvalidInputError(
            f"invalid matrices: {FA.ncols()} columns against {FB.ncols()} columns; "
            "row spaces of different ambient spaces cannot be compared"
        )
    return row_basis(FA, field) == row_basis(FB, field)


def in_rowspace(
    v: Sequence[Any], M: MatrixLike, field: Field | None = None
) -> bool:
    """Whether the vector ``v`` lies in the row space of ``M``.

    Examples
    --------
    >>> in_rowspace([1, 3], [[1, 1], [0, 1]]), in_rowspace([1, 3], [[1, 1]])
    (True, False)
    >>> in_rowspace([0, 0], [])
    True
    """
    from combalg.core.validation import sequence_arg

    field = _infer_field(M, field)
    vec = sequence_arg("v", v)
    A = as_flint(M, field, len(vec))
    r = 0 if A.nrows() == 0 or A.ncols() == 0 else A.rank()
    rows = from_flint(A) + [vec]
    return rank(rows, field, len(vec)) == r


def solve(
    A: MatrixLike, b: Sequence[Any], field: Field | None = None
) -> list[Scalar] | None:
    """One solution ``x`` of ``A x = b``, or ``None`` if there is none.

    The solution returned sets every free (non-pivot) variable to ``0``.

    Parameters
    ----------
    A : list of rows or flint matrix
        An ``m x n`` matrix.
    b : sequence
        A vector of length ``m``.
    field : Field, optional
        As in [`rref`][rref].

    Raises
    ------
    InvalidInputError
        If ``b`` does not have one entry per row of ``A``.

    Examples
    --------
    >>> solve([[1, 2], [3, 4]], [5, 6])
    [-4, Fraction(9, 2)]
    >>> solve([[1, 1], [1, 1]], [0, 1]) is None
    True
    >>> solve([[1, 1, 1]], [1], GF(2))
    [1, 0, 0]
    """
    field = _infer_field(A, field)
    FA = as_flint(A, field)
    from combalg.core.validation import sequence_arg

    rows = from_flint(FA)
    bb = sequence_arg("b", b)
    if len(bb) != len(rows):
        raise InvalidInputError(
            f"invalid right-hand side of length {len(bb)}: expected {len(rows)} entries, "
            "one per row"
        )
    n = FA.ncols()
    aug = [row + [x] for row, x in zip(rows, bb)]
    R, piv = rref(aug, field, n + 1)
    if n in piv:
        return None
    x: list[Scalar] = [0] * n
    for i, c in enumerate(piv):
        x[c] = R[i][n]
    return x
