"""An exact rational matrix that mixes with Python, SymPy and numpy; FLINT stays inside.

[`Matrix`][Matrix] is what the public API returns where the answer is a matrix
over ``QQ`` (e.g. [`combalg.free.jacobi_commutant_projection`][combalg.free.jacobi_commutant_projection]).  Its
entries come out as Python ``int`` (when integral) or `fractions.Fraction`,
so they add and compare with ``int`` and ``Fraction``; ``tolist()`` gives plain
Python numbers; ``as_sympy()`` and ``as_numpy()`` convert; ``sympy.sympify(M)``
gives a sympy ``ImmutableMatrix``.  The arithmetic runs on FLINT's ``fmpq_mat``
(``as_flint()`` returns a copy for code that wants FLINT itself).

Examples
--------
>>> from fractions import Fraction
>>> from combalg.core.matrix import Matrix
>>> A = Matrix([[1, Fraction(1, 2)], [0, 3]])
>>> A
Matrix([[1, 1/2], [0, 3]])
>>> A[0, 1] + Fraction(1, 8), A[1, 1] == 3, int(A[1, 1]), Fraction(A[0, 1])
(Fraction(5, 8), True, 3, Fraction(1, 2))
>>> (A * A).tolist()
[[1, 2], [0, 9]]
>>> A.det(), A.rank(), A.inv() * A == Matrix.identity(2)
(3, 2, True)
>>> import json
>>> from combalg.core.encoding import ExactJSONEncoder
>>> json.dumps(A, cls=ExactJSONEncoder)
'[[1, "1/2"], [0, 3]]'
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Iterator
from fractions import Fraction
from typing import Any

from flint import fmpq, fmpq_mat, fmpz, fmpz_mat

from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError

__all__ = ["Matrix", "as_rows", "SUMMARY_ENTRIES"]

#: matrices with more entries than this display summarised (``repr``, ``str``, Jupyter), as numpy does
SUMMARY_ENTRIES = 1000
_EDGE = 3


def _number(x: Any, where: str) -> fmpq:
    """One exact rational entry as an fmpq (ints, Fractions, FLINT, numpy and sympy rationals)."""
    if isinstance(x, bool) or type(x).__name__ == "bool_":
        raise InvalidInputError(f"invalid matrix entry {x!r} at {where}: expected an exact rational, not a bool")
    if isinstance(x, fmpq):
        return x
    if isinstance(x, (int, fmpz)):
        return fmpq(x)
    if isinstance(x, numbers.Integral):
        return fmpq(int(x))
    if isinstance(x, numbers.Rational):
        return fmpq(int(x.numerator), int(x.denominator))
    if getattr(x, "is_Rational", False):  # sympy Integer / Rational
        return fmpq(int(x.p), int(x.q))
    raise InvalidInputError(
        f"invalid matrix entry {short_repr(x)} at {where}: expected an exact rational (int, Fraction, sympy Rational)"
    )


def _out(x: fmpq) -> int | Fraction:
    return int(x.p) if x.q == 1 else Fraction(int(x.p), int(x.q))


def as_rows(M: Any, name: str = "matrix") -> list[list[Any]]:
    """Any matrix-like input as a list of rows (entries left as they are, numpy ints made ``int``).

    Accepts nested sequences, sympy matrices, numpy arrays (integer or object
    dtype), FLINT matrices and [`Matrix`][Matrix].  Entries are not checked.

    Raises
    ------
    InvalidInputError
        If ``M`` is text, not iterable, or has a row that is not a sequence.

    Examples
    --------
    >>> import numpy, sympy
    >>> as_rows(numpy.array([[1, 2], [3, 4]])), as_rows(sympy.Matrix([[1, 0, 1]]))
    ([[1, 2], [3, 4]], [[1, 0, 1]])
    """
    if isinstance(M, Matrix):
        return M.tolist()
    mod = type(M).__module__
    if mod.startswith("flint") and hasattr(M, "nrows"):
        return [[M[i, j] for j in range(M.ncols())] for i in range(M.nrows())]
    if mod.startswith("sympy") and getattr(M, "is_Matrix", False):
        return [list(r) for r in M.tolist()]
    if mod.startswith("numpy") and hasattr(M, "ndim"):
        if M.ndim != 2:
            raise InvalidInputError(f"invalid {name}: a numpy array of dimension {M.ndim}, expected 2")
        if M.dtype.kind == "f":
            raise InvalidInputError(f"invalid {name}: a float array, expected exact (integer or object) entries")
        return [[int(x) if isinstance(x, numbers.Integral) and not isinstance(x, bool) else x for x in r]
                for r in M.tolist()]
    if isinstance(M, (str, bytes)) or not isinstance(M, Iterable):
        raise InvalidInputError(f"invalid {name} {short_repr(M)}: expected a matrix (a list of rows, sympy or numpy matrix)")
    rows = []
    for i, r in enumerate(M):
        if isinstance(r, (str, bytes)) or not isinstance(r, Iterable):
            raise InvalidInputError(f"invalid {name} row {i} {short_repr(r)}: expected a sequence of entries")
        rows.append([int(x) if type(x).__module__.startswith("numpy") and isinstance(x, numbers.Integral)
                     else x for x in r])
    return rows


class Matrix:
    """An exact rational matrix (FLINT ``fmpq_mat`` inside) with Python-number entries.

    Parameters
    ----------
    rows : matrix-like
        Nested lists of exact rationals, a sympy matrix, a numpy integer or
        object array, a FLINT matrix or a Matrix.
    ncols : int, optional
        The width of a matrix with no rows.

    Raises
    ------
    InvalidInputError
        For ragged rows or entries that are not exact rationals.

    Notes
    -----
    Matrices are mutable (``M[i, j] = x``), like FLINT's and sympy's mutable
    matrices, and therefore unhashable; equality is entrywise (a Matrix also
    equals a FLINT matrix or a list of rows with the same entries).
    """

    __slots__ = ("_m",)

    def __init__(self, rows: Any = (), ncols: int | None = None) -> None:
        if isinstance(rows, Matrix):
            self._m = fmpq_mat(rows._m)
            return
        if isinstance(rows, (fmpq_mat, fmpz_mat)):
            self._m = fmpq_mat(rows)
            return
        rs = as_rows(rows)
        width = len(rs[0]) if rs else (ncols or 0)
        if ncols is not None and rs and ncols != width:
            raise InvalidInputError(f"invalid ncols {short_repr(ncols)}: the rows have length {width}")
        flat = []
        for i, r in enumerate(rs):
            if len(r) != width:
                raise InvalidInputError(f"invalid matrix: row {i} has length {len(r)}, expected {width}")
            flat.extend(_number(x, f"({i}, {j})") for j, x in enumerate(r))
        self._m = fmpq_mat(len(rs), width, flat) if rs else fmpq_mat(0, width)

    @classmethod
    def _from_flint(cls, m: Any) -> Matrix:
        """Wrap a FLINT matrix without copying (an fmpz_mat is converted)."""
        out = object.__new__(cls)
        out._m = m if isinstance(m, fmpq_mat) else fmpq_mat(m)
        return out

    @classmethod
    def identity(cls, n: int) -> Matrix:
        """The ``n x n`` identity matrix."""
        m = fmpq_mat(n, n)
        for i in range(n):
            m[i, i] = 1
        return cls._from_flint(m)

    @classmethod
    def zero(cls, nrows: int, ncols: int) -> Matrix:
        """The zero matrix."""
        return cls._from_flint(fmpq_mat(nrows, ncols))

    # -- shape and entries ----------------------------------------------------
    def nrows(self) -> int:
        """Number of rows."""
        return int(self._m.nrows())

    def ncols(self) -> int:
        """Number of columns."""
        return int(self._m.ncols())

    @property
    def shape(self) -> tuple[int, int]:
        """``(nrows, ncols)``."""
        return (self.nrows(), self.ncols())

    def __len__(self) -> int:
        return self.nrows()

    def _index(self, key: Any) -> tuple[int, int]:
        if not (isinstance(key, tuple) and len(key) == 2):
            raise InvalidInputError(f"invalid index {short_repr(key)}: expected a pair (row, column)")
        r, c = self.shape
        out = []
        for k, n, what in ((key[0], r, "row"), (key[1], c, "column")):
            if isinstance(k, bool) or not isinstance(k, numbers.Integral):
                raise InvalidInputError(f"invalid {what} index {short_repr(k)}: expected an integer")
            k = int(k)
            if k < 0:
                k += n
            if not 0 <= k < n:
                raise InvalidInputError(f"invalid {what} index {short_repr(key)}: expected 0 <= index < {n}")
            out.append(k)
        return out[0], out[1]

    def __getitem__(self, key: Any) -> Any:
        """``M[i, j]`` is an int or a Fraction; ``M[i]`` is row ``i`` as a list."""
        if isinstance(key, numbers.Integral) and not isinstance(key, bool):
            n, i = self.nrows(), int(key)
            if i < 0:
                i += n
            if not 0 <= i < n:
                raise InvalidInputError(f"invalid row index {short_repr(key)}: expected 0 <= index < {n}")
            return [_out(self._m[i, j]) for j in range(self.ncols())]
        i, j = self._index(key)
        return _out(self._m[i, j])

    def __setitem__(self, key: Any, value: Any) -> None:
        i, j = self._index(key)
        self._m[i, j] = _number(value, f"({i}, {j})")

    def __iter__(self) -> Iterator[list]:
        """The rows, as lists of Python numbers (like nested lists and numpy arrays)."""
        return iter(self.tolist())

    def tolist(self) -> list[list[int | Fraction]]:
        """The rows as lists of ``int`` and ``Fraction`` (``json.dumps`` it with [`ExactJSONEncoder`][ExactJSONEncoder])."""
        m, c = self._m, self.ncols()
        return [[_out(m[i, j]) for j in range(c)] for i in range(self.nrows())]

    def entries(self) -> list[int | Fraction]:
        """All entries row by row, as ``int`` and ``Fraction``."""
        return [_out(x) for x in self._m.entries()]

    # -- conversions ----------------------------------------------------------
    def as_flint(self) -> fmpq_mat:
        """A copy as FLINT's ``fmpq_mat``."""
        return fmpq_mat(self._m)

    def as_sympy(self) -> Any:
        """The matrix as a (mutable) sympy ``Matrix`` of ``Rational`` entries."""
        import sympy

        return sympy.Matrix(self.nrows(), self.ncols(),
                            [sympy.Rational(int(x.p), int(x.q)) for x in self._m.entries()])

    def as_numpy(self) -> Any:
        """The matrix as a numpy array of ``dtype=object`` holding ints and Fractions (exact)."""
        import numpy

        out = numpy.empty(self.shape, dtype=object)
        for i, row in enumerate(self.tolist()):
            for j, x in enumerate(row):
                out[i, j] = x
        return out

    def _sympy_(self) -> Any:
        """``sympy.sympify(M)``: a sympy ``ImmutableMatrix``."""
        import sympy

        return sympy.ImmutableMatrix(self.as_sympy())

    def _jsonable_(self) -> list:
        return self.tolist()

    def __reduce__(self) -> tuple:
        return (_rebuild, (self.tolist(), self.ncols()))

    def __copy__(self) -> Matrix:
        return Matrix(self)

    def __deepcopy__(self, memo: dict) -> Matrix:
        return Matrix(self)

    # -- algebra --------------------------------------------------------------
    def _other(self, other: Any) -> fmpq_mat | None:
        if isinstance(other, Matrix):
            return other._m
        if isinstance(other, (fmpq_mat, fmpz_mat)):
            return fmpq_mat(other)
        return None

    def _scalar(self, other: Any) -> fmpq | None:
        if isinstance(other, bool):
            return None
        if isinstance(other, (numbers.Rational, fmpq, fmpz)) or getattr(other, "is_Rational", False):
            return _number(other, "scalar")
        return None

    def __eq__(self, other: object) -> bool:
        m = self._other(other)
        if m is None:
            if isinstance(other, list):
                try:
                    return self.tolist() == [list(r) for r in other]
                except TypeError:
                    return False
            return NotImplemented
        return bool(self._m.nrows() == m.nrows() and self._m.ncols() == m.ncols() and self._m == m)

    __hash__ = None  # type: ignore[assignment]

    def _check_same_shape(self, m: fmpq_mat, op: str) -> None:
        if (m.nrows(), m.ncols()) != (self._m.nrows(), self._m.ncols()):
            raise InvalidInputError(f"invalid operand of shape {(m.nrows(), m.ncols())} for {op}: "
                                    f"expected shape {self.shape}")

    def __add__(self, other: Any) -> Matrix:
        m = self._other(other)
        if m is None:
            return NotImplemented
        self._check_same_shape(m, "+")
        return Matrix._from_flint(self._m + m)

    __radd__ = __add__

    def __sub__(self, other: Any) -> Matrix:
        m = self._other(other)
        if m is None:
            return NotImplemented
        self._check_same_shape(m, "-")
        return Matrix._from_flint(self._m - m)

    def __rsub__(self, other: Any) -> Matrix:
        m = self._other(other)
        if m is None:
            return NotImplemented
        self._check_same_shape(m, "-")
        return Matrix._from_flint(m - self._m)

    def __neg__(self) -> Matrix:
        return Matrix._from_flint(-self._m)

    def __mul__(self, other: Any) -> Matrix:
        """Matrix product (as FLINT and sympy), or multiplication by an exact scalar."""
        s = self._scalar(other)
        if s is not None:
            return Matrix._from_flint(self._m * s)
        m = self._other(other)
        if m is None:
            return NotImplemented
        if self._m.ncols() != m.nrows():
            raise InvalidInputError(f"invalid product: {self.shape} times {(m.nrows(), m.ncols())}")
        return Matrix._from_flint(self._m * m)

    def __rmul__(self, other: Any) -> Matrix:
        s = self._scalar(other)
        if s is not None:
            return Matrix._from_flint(self._m * s)
        m = self._other(other)
        if m is None:
            return NotImplemented
        return Matrix._from_flint(m) * self

    __matmul__ = __mul__

    def __rmatmul__(self, other: Any) -> Matrix:
        m = self._other(other)
        if m is None:
            return NotImplemented
        return Matrix._from_flint(m) * self

    def __truediv__(self, other: Any) -> Matrix:
        s = self._scalar(other)
        if s is None:
            return NotImplemented
        if s == 0:
            raise InvalidInputError("invalid divisor 0: division by zero")
        return Matrix._from_flint(self._m / s)

    def __pow__(self, e: int) -> Matrix:
        if isinstance(e, bool) or not isinstance(e, numbers.Integral):
            return NotImplemented
        if self.nrows() != self.ncols():
            raise InvalidInputError(f"invalid power of a {self.shape} matrix: expected a square matrix")
        e = int(e)
        base = self.inv() if e < 0 else self
        return Matrix._from_flint(base._m ** abs(e))

    def transpose(self) -> Matrix:
        """The transpose."""
        return Matrix._from_flint(self._m.transpose())

    @property
    def T(self) -> Matrix:  # noqa: N802 - the usual name
        """The transpose."""
        return self.transpose()

    def rank(self) -> int:
        """The rank over ``QQ``."""
        return int(self._m.rank())

    def trace(self) -> int | Fraction:
        """The sum of the diagonal entries (square matrices)."""
        self._square("trace")
        return _out(sum((self._m[i, i] for i in range(self.nrows())), fmpq(0)))

    def _square(self, what: str) -> None:
        if self.nrows() != self.ncols():
            raise InvalidInputError(f"invalid {what} of a {self.shape} matrix: expected a square matrix")

    def det(self) -> int | Fraction:
        """The determinant (square matrices)."""
        self._square("determinant")
        return _out(self._m.det())

    def inv(self) -> Matrix:
        """The inverse (square, invertible matrices)."""
        self._square("inverse")
        if self._m.rank() < self.nrows():
            raise InvalidInputError(f"invalid inverse: the {self.shape} matrix is singular")
        return Matrix._from_flint(self._m.inv())

    def rref(self) -> tuple[Matrix, int]:
        """The reduced row echelon form and the rank."""
        R, r = self._m.rref()
        return Matrix._from_flint(R), int(r)

    def is_square(self) -> bool:
        """Whether ``nrows == ncols``."""
        return self.nrows() == self.ncols()

    # -- display --------------------------------------------------------------
    def _texts(self) -> list[list[str]] | None:
        """The entries as text, summarised like numpy's display past
        [`SUMMARY_ENTRIES`][combalg.core.matrix.SUMMARY_ENTRIES] entries: the first and last
        three rows and columns, with ``"..."`` (a row ``None``) for the rest.  FLINT prints
        each entry, exactly and at any size, so nothing is converted to Python numbers."""
        r, c = self.shape
        m = self._m
        if r * c <= SUMMARY_ENTRIES:
            return [[str(m[i, j]) for j in range(c)] for i in range(r)]

        def pick(n: int) -> list:
            return list(range(n)) if n <= 2 * _EDGE else [*range(_EDGE), None, *range(n - _EDGE, n)]

        cols = pick(c)
        return [None if i is None else ["..." if j is None else str(m[i, j]) for j in cols] for i in pick(r)]

    def __repr__(self) -> str:
        rows = ", ".join("..." if t is None else "[" + ", ".join(t) + "]" for t in self._texts())
        if self.nrows() * self.ncols() > SUMMARY_ENTRIES:
            return f"Matrix([{rows}])  # {self.nrows()} x {self.ncols()}, summarised"
        return f"Matrix([{rows}])"

    def __str__(self) -> str:
        if not self.nrows():
            return f"[] ({self.nrows()} x {self.ncols()})"
        texts = self._texts()
        w = max((len(t) for r in texts if r is not None for t in r), default=1)
        lines = ["..." if r is None else "[" + ", ".join(t.rjust(w) for t in r) + "]" for r in texts]
        if self.nrows() * self.ncols() > SUMMARY_ENTRIES:
            lines.append(f"({self.nrows()} x {self.ncols()}, summarised)")
        return "\n".join(lines)

    def latex(self) -> str:
        """LaTeX ``\\left[\\begin{matrix} ... \\end{matrix}\\right]`` (fractions as ``\\frac``)."""
        from combalg.core.latex import fraction

        if not self.nrows() or not self.ncols():
            return r"\left[\right]"
        body = r" \\ ".join(" & ".join(fraction(x) for x in r) for r in self.tolist())
        return r"\left[\begin{matrix}" + body + r"\end{matrix}\right]"

    def _latex(self, printer: Any = None) -> str:
        """What ``sympy.latex(M)`` prints: the same as the Jupyter display."""
        return self.latex()

    def _repr_latex_(self) -> str:
        r, c = self.shape
        if r * c <= SUMMARY_ENTRIES:
            return "$" + self.latex() + "$"
        from combalg.core.latex import fraction

        def pick(n: int) -> list:
            return list(range(n)) if n <= 2 * _EDGE else [*range(_EDGE), None, *range(n - _EDGE, n)]

        cols = pick(c)
        lines = []
        for i in pick(r):  # summarised: dots where rows and columns are left out
            if i is None:
                lines.append(" & ".join(r"\ddots" if j is None else r"\vdots" for j in cols))
            else:
                lines.append(" & ".join(r"\cdots" if j is None else fraction(_out(self._m[i, j])) for j in cols))
        body = r" \\ ".join(lines)
        return rf"$\left[\begin{{matrix}}{body}\end{{matrix}}\right]_{{{r} \times {c}}}$"


def _rebuild(rows: list, ncols: int) -> Matrix:
    return Matrix(rows, ncols=ncols)
