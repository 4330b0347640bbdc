"""Lambda-determinants, the octahedron recurrence and a Laurent-phenomenon checker.

* [`lambda_determinant`][lambda_determinant] -- Robbins-Rumsey's ``det_lam`` (ASM sum or
  certified lambda-condensation), an exact Laurent polynomial;
* [`octahedron`][octahedron] -- the recurrence with two initial layers and the
  placements "homogeneous", "di_francesco", "langer" or a callable, every
  division certified;
* [`two_layer_expansion`][two_layer_expansion], [`pair_exponent`][pair_exponent], [`langer_exponents`][langer_exponents]
  -- the compatible-pair expansion with the exponent e(A,B) (derived) and the
  multi-parameter lambda-determinant expansion (derived; not compared with
  Langer's cumulant formula);
* [`laurent_run`][laurent_run], [`laurent_precheck`][laurent_precheck], [`is_laurent`][is_laurent] -- the
  Laurent-phenomenon checker for one-dimensional recurrences.

Values are [`combalg.core.laurent.LaurentPolynomial`][combalg.core.laurent.LaurentPolynomial] objects.

Examples
--------
>>> from combalg.lambdadet import lambda_determinant, laurent_run, somos
>>> lambda_determinant([[1, 2], [3, 4]]).as_sympy()
6*lam + 4
>>> laurent_run(somos(5), steps=12).status
'Laurent'
"""

from __future__ import annotations

from combalg.lambdadet.matrices import generic_matrix
from combalg.lambdadet.octahedron import (
    PLACEMENTS,
    OctahedronDivisionError,
    OctahedronResult,
    octahedron,
    placement_coefficients,
)

__all__ = [
    "generic_matrix",
    "octahedron",
    "OctahedronResult",
    "OctahedronDivisionError",
    "PLACEMENTS",
    "placement_coefficients",
]

from combalg.lambdadet.determinant import lambda_determinant  # noqa: E402
from combalg.lambdadet.expansion import (  # noqa: E402
    Expansion,
    asm_expansion,
    langer_exponents,
    pair_exponent,
    two_layer_expansion,
)

__all__ += [
    "lambda_determinant",
    "asm_expansion",
    "two_layer_expansion",
    "pair_exponent",
    "langer_exponents",
    "Expansion",
]

from combalg.lambdadet.laurent import (  # noqa: E402
    BUDGET_EXCEEDED,
    LAURENT,
    NOT_LAURENT,
    Budget,
    LaurentRunResult,
    PrecheckResult,
    Recurrence,
    is_laurent,
    laurent_precheck,
    laurent_run,
    parse_recurrence,
    somos,
)

__all__ += [
    "laurent_run",
    "laurent_precheck",
    "is_laurent",
    "parse_recurrence",
    "somos",
    "Budget",
    "Recurrence",
    "LaurentRunResult",
    "PrecheckResult",
    "LAURENT",
    "NOT_LAURENT",
    "BUDGET_EXCEEDED",
]
