"""The lambda-determinant of Robbins and Rumsey.

``det_lam(M) = x[n]_11`` for the octahedron recurrence with ``x[1] = M``,
``x[0] = 1``, ``M = 1``, ``L = lam`` (see [`combalg.lambdadet.octahedron`][combalg.lambdadet.octahedron]);
equivalently (Robbins-Rumsey):

    det_lam(M) = sum_{A in ASM_n} lam^{inv(A)-N(A)} (1+lam)^{N(A)} prod_{i,j} m_ij^{a_ij}

``lam = -1`` gives the ordinary determinant, and ``det_lam`` of the all-ones
matrix is ``(1+lam)^{C(n,2)}``.

Examples
--------
>>> from combalg.lambdadet import lambda_determinant
>>> lambda_determinant(2).as_sympy()
a11*a22 + a12*a21*lam
>>> lambda_determinant([[1, 2], [3, 4]], lam=-1).as_sympy()
-2
>>> import sympy
>>> sympy.factor(lambda_determinant([[1] * 4] * 4).as_sympy())
(lam + 1)**6

References
----------
D. P. Robbins, H. Rumsey, *Determinants and alternating sign matrices*, Adv.
Math. 62 (1986) 169-184.
"""

from __future__ import annotations

from typing import Any

from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError
from combalg.core.validation import positive_int
from combalg.lambdadet._convert import export
from combalg.lambdadet.expansion import asm_expansion
from combalg.lambdadet.matrices import square_entries
from combalg.lambdadet.octahedron import DEFAULT_MAX_TERMS, _run_octahedron

__all__ = ["lambda_determinant"]


def lambda_determinant(M: Any, lam: Any = None, method: str = "asm", max_terms: int = DEFAULT_MAX_TERMS) -> Any:
    """The lambda-determinant ``det_lam(M)`` as an exact Laurent polynomial.

    Parameters
    ----------
    M : int or square matrix
        Entries are ints, Fractions, SymPy rationals or SymPy Symbols (the
        symbols are the Laurent variables).  An int ``n`` (at most
        ``MAX_GENERIC_SIZE = 12``) means the generic ``n x n`` matrix of
        symbols ``a11 .. ann``.
    lam : number, Symbol or name, optional
        The parameter; default the symbol ``lam``.
    method : {"asm", "condensation"}
        ``"asm"``: the Robbins-Rumsey sum over ASMs, accumulated row by row
        along monotone triangles.  ``"condensation"``: the lambda-Dodgson
        recurrence with every division certified exact.
    max_terms : int
        For ``"condensation"``: bound on the terms of one numerator; for
        ``"asm"``: bound on the terms of the result (see
        [`combalg.lambdadet.asm_expansion`][combalg.lambdadet.asm_expansion], which also refuses sizes
        above ``MAX_ASM_SIZE``).

    Returns
    -------
    Laurent polynomial
        With ``.as_sympy()``, ``.terms()`` and ``.length``.

    Raises
    ------
    InvalidInputError
        For an empty or non-square matrix or unsupported entries; when a zero
        entry would have to be inverted (``"asm"``: ``det_lam`` is undefined
        there) or the recurrence divides by zero (``"condensation"``; the
        ``"asm"`` method may still succeed).
    ResourceLimitError
        Before any work, if the result (``"asm"``) or a numerator of the
        recurrence (``"condensation"``) could exceed ``max_terms``, or the ASM
        sum is asked for a size above ``MAX_ASM_SIZE``.

    Examples
    --------
    >>> from fractions import Fraction
    >>> lambda_determinant([[Fraction(1, 2), 1], [1, 1]], lam=3).as_sympy()
    7/2
    >>> a = lambda_determinant(3, method="asm")
    >>> a == lambda_determinant(3, method="condensation"), a.length
    (True, 8)
    """
    max_terms = positive_int("max_terms", max_terms)
    if method == "asm":
        return _canonical_domain(asm_expansion(M, lam, max_terms=max_terms).apex, M, lam)
    if method == "condensation":
        rows = square_entries(M, "M")
        try:
            # the octahedron refuses up front a generic size whose numerators would exceed max_terms
            result = _run_octahedron(None, rows, lam, None, "homogeneous", max_terms,
                                     remedy="use method='asm' or raise max_terms")
        except InvalidInputError as exc:
            if "divides by zero" in str(exc):
                raise InvalidInputError(f"{exc}; the condensation cannot proceed, try method='asm'") from None
            raise
        return _canonical_domain(export(result.apex_form), M, lam)
    raise InvalidInputError(f"invalid method {short_repr(method)}: expected 'asm' or 'condensation'")


def _canonical_domain(value: Any, M: Any, lam: Any) -> Any:
    """The value over QQ when an input number or a coefficient is not an integer, else over ZZ.

    The two methods build their rings from what each one uses (the 1 x 1
    condensation never touches ``lam``); this puts both results in the same
    ring, so that they compare equal when they are equal.
    """
    from fractions import Fraction

    from combalg.lambdadet.matrices import parameter_value

    rational = any(isinstance(v, Fraction) for c in value.terms().values() for v in (c,))
    if not rational:
        rows = square_entries(M, "M")
        lam_c = parameter_value(lam, "lam", "lam")
        rational = lam_c[0] == "num" and isinstance(lam_c[1], Fraction) or any(
            kind == "num" and isinstance(v, Fraction) for r in rows for kind, v in r)
    want = "QQ" if rational else "ZZ"
    if value.ring.domain == want:
        return value
    return value.change_ring(value.ring.with_domain(want))
