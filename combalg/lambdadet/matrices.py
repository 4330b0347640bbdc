"""Input handling for lambda-determinants: matrices of numbers and symbols.

A matrix entry may be an ``int``, a `fractions.Fraction`, a SymPy
rational number or a SymPy ``Symbol``.  Symbols become Laurent variables (they
may be inverted); a parameter such as ``lam`` is a polynomial variable (never
inverted).

Examples
--------
>>> from combalg.lambdadet import generic_matrix
>>> generic_matrix(2)
[[a11, a12], [a21, a22]]
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Sequence

from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError
from combalg.core.validation import positive_int, sequence_arg

__all__ = ["generic_matrix", "entry_name", "parameter_value"]


#: Largest size ``n`` accepted where an int means the generic ``n x n`` matrix.
MAX_GENERIC_SIZE = 12

#: Largest size ``n`` of [`generic_matrix`][generic_matrix] (``n^2`` SymPy symbols) and of
#: a matrix given to the octahedron recurrence (which lists its ``n^3/3`` steps).
MAX_MATRIX_SIZE = 100


def entry_name(prefix: str, i: int, j: int, n: int) -> str:
    """Name of the generic entry ``(i, j)`` (1-based): ``a12`` or, for ``n >= 10``, ``a1_12``."""
    return f"{prefix}{i}{j}" if n < 10 else f"{prefix}{i}_{j}"


def generic_matrix(n: int, prefix: str = "a") -> list[list[Any]]:
    """The ``n x n`` matrix of SymPy symbols ``a11, a12, ...``.

    Raises
    ------
    InvalidInputError
        If ``n`` is not a positive integer or ``prefix`` does not start a symbol name.
    ResourceLimitError
        If ``n > MAX_MATRIX_SIZE`` (100).

    Examples
    --------
    >>> generic_matrix(1, prefix="m")
    [[m11]]
    """
    import sympy

    n = positive_int("n", n)
    _check_size(n, "generic_matrix")
    if not isinstance(prefix, str):
        raise InvalidInputError(f"invalid prefix {short_repr(prefix)}: expected the start of a symbol name, such as 'a'")
    _checked_name(entry_name(prefix, 1, 1, n), "prefix")
    return [[sympy.Symbol(entry_name(prefix, i, j, n)) for j in range(1, n + 1)] for i in range(1, n + 1)]


def _check_size(n: int, what: str) -> None:
    if n > MAX_MATRIX_SIZE:
        from combalg.core.errors import ResourceLimitError

        raise ResourceLimitError(f"{what} of size n = {short_repr(n)} is above the limit MAX_MATRIX_SIZE = {MAX_MATRIX_SIZE}")


def _number(x: Any):
    """int / Fraction for a number (int, Fraction, SymPy rational), else None."""
    if isinstance(x, bool):
        return None
    if isinstance(x, int):
        return x
    if isinstance(x, Fraction):
        return x.numerator if x.denominator == 1 else x
    try:
        import sympy
    except ImportError:  # pragma: no cover
        return None
    if isinstance(x, sympy.Basic) and x.is_Rational:
        p, q = int(x.p), int(x.q)
        return p if q == 1 else Fraction(p, q)
    return None


def _symbol_name(x: Any):
    try:
        import sympy
    except ImportError:  # pragma: no cover
        return None
    if isinstance(x, sympy.Symbol):
        return x.name
    return None


def _checked_name(name: str, what: str) -> str:
    """A symbol name usable as a generator (ASCII letter first, as in ``a12``, ``lam_1``, ``x[3]``)."""
    from combalg.core.laurent import VARIABLE_NAME

    if not VARIABLE_NAME.match(name):
        raise InvalidInputError(
            f"invalid {what} {short_repr(name)}: a symbol name should be an ASCII letter followed by letters, digits "
            "or underscores (optionally with integer indices, as in x[3])")
    return name


def classify_entry(x: Any, what: str) -> tuple[str, Any]:
    """``("num", value)`` or ``("sym", name)``; anything else is invalid input."""
    v = _number(x)
    if v is not None:
        return ("num", v)
    nm = _symbol_name(x)
    if nm is not None:
        return ("sym", _checked_name(nm, what))
    raise InvalidInputError(
        f"invalid {what} {short_repr(x)}: expected an integer, a Fraction, a SymPy rational or a SymPy Symbol")


def parameter_value(lam: Any, default: str, what: str = "lam") -> tuple[str, Any]:
    """Classify a parameter; ``None`` means the symbol ``default``."""
    if lam is None:
        return ("sym", default)
    if isinstance(lam, str):
        return ("sym", _checked_name(lam, what))
    return classify_entry(lam, what)


def square_entries(M: Any, what: str = "M") -> list[list[tuple[str, Any]]]:
    """Validate a square, nonempty matrix; an int ``n`` means the generic ``n x n`` matrix."""
    if isinstance(M, int) and not isinstance(M, bool):
        if M > MAX_GENERIC_SIZE:
            from combalg.core.errors import ResourceLimitError

            raise ResourceLimitError(
                f"invalid size {what}={short_repr(M)}: a generic matrix given by its size is limited to n <= {MAX_GENERIC_SIZE} "
                "(its lambda-determinant has more than A_n terms); pass generic_matrix(n) to go beyond")
        M = generic_matrix(M)
    if hasattr(M, "tolist") and not isinstance(M, (list, tuple)):
        try:
            M = M.tolist()
        except (TypeError, ValueError):
            raise InvalidInputError(f"invalid matrix {what}={short_repr(M)}: expected a square matrix") from None
    if isinstance(M, (str, bytes)) or not isinstance(M, Sequence):
        raise InvalidInputError(f"invalid matrix {what}={short_repr(M)}: expected a square matrix (a list of rows)")
    rows = sequence_arg(what, M)
    n = len(rows)
    if n == 0:
        raise InvalidInputError(f"invalid matrix {what}={short_repr(M)}: expected a nonempty square matrix")
    _check_size(n, f"the matrix {what}")
    out = []
    for i, r in enumerate(rows):
        if isinstance(r, (str, bytes)) or not isinstance(r, Sequence):
            raise InvalidInputError(f"invalid matrix {what}: row {i + 1} is {short_repr(r)}, expected a list of entries")
        if len(r) != n:
            raise InvalidInputError(
                f"invalid matrix {what}: expected a square matrix, row {i + 1} has {len(r)} entries instead of {n}")
        out.append([classify_entry(x, f"entry ({i + 1},{j + 1}) of {what}") for j, x in enumerate(r)])
    return out


def needs_rationals(values) -> bool:
    return any(kind == "num" and isinstance(v, Fraction) for kind, v in values)
