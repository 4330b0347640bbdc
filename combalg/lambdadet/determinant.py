"""The lambda-determinant of Robbins and Rumsey.

``det_lam(M) = x[n]_11`` for the octahedron recurrence with ``x[1] = M``,
``x[0] = 1``, ``M = 1``, ``L = lam`` (see :mod:`combalg.lambdadet.octahedron`);
equivalently (Robbins-Rumsey)::

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

from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.lambdadet._convert import export
from combalg.lambdadet.expansion import asm_expansion
from combalg.lambdadet.octahedron import DEFAULT_MAX_TERMS, octahedron

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
        :func:`combalg.lambdadet.asm_expansion`, which also refuses sizes
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
    if isinstance(max_terms, bool) or not isinstance(max_terms, int) or max_terms < 1:
        raise InvalidInputError(f"invalid max_terms={max_terms!r}: expected a positive integer")
    if method == "asm":
        return asm_expansion(M, lam, max_terms=max_terms).apex
    if method == "condensation":
        _check_condensation_size(M, lam, max_terms)
        try:
            result = octahedron(None, M, lam=lam, coefficients="homogeneous", max_terms=max_terms)
        except InvalidInputError as exc:
            if "divides by zero" in str(exc):
                raise InvalidInputError(f"{exc}; the condensation cannot proceed, try method='asm'") from None
            raise
        return export(result.apex_form)
    raise InvalidInputError(f"invalid method {method!r}: expected 'asm' or 'condensation'")


def _check_condensation_size(M: Any, lam: Any, max_terms: int) -> None:
    """Refuse, before any work, a condensation that certainly exceeds ``max_terms``.

    Only the generic case is decided up front: pairwise distinct symbols as
    entries and a symbolic ``lam``.  Then no term cancels, the
    lambda-determinants of size ``n-1`` have exactly
    ``T(n-1) = sum_A (N(A)+1)`` terms (at least ``A_{n-1}``), and the last step
    multiplies two of them, so the recurrence's own bound ``2 T(n-1)^2`` is
    known in advance.  Other matrices (numbers, repeated symbols, numeric
    ``lam``, where terms may cancel) are checked step by step by the recurrence.
    """
    from combalg.asm.enumeration import asm_count, negative_ones_distribution
    from combalg.lambdadet.matrices import parameter_value, square_entries

    rows = square_entries(M, "M")
    n = len(rows)
    flat = [e for r in rows for e in r]
    if n < 3 or any(kind != "sym" for kind, _ in flat) or len({v for _, v in flat}) != len(flat):
        return
    if parameter_value(lam, "lam", "lam")[0] != "sym":
        return
    if n - 1 <= 9:
        t = sum(c * (k + 1) for k, c in negative_ones_distribution(n - 1).items())
    else:
        t = asm_count(n - 1)  # a lower bound
    estimate = 2 * t * t
    if estimate > max_terms:
        raise ResourceLimitError(
            f"lambda-condensation of this generic {n} x {n} matrix would multiply lambda-determinants of size "
            f"{n - 1} with at least {t} terms each (up to {estimate} terms, max_terms={max_terms}); "
            "use method='asm' or raise max_terms")
