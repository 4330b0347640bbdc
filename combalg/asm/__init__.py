"""Alternating sign matrices: generation, statistics, compatibility, enumeration.

An ASM is handled as a tuple of row tuples of ints (compact, immutable,
hashable); every function also accepts lists of lists and validates them.

Examples
--------
>>> from combalg.asm import alternating_sign_matrices, asm_count, x_enumeration
>>> sum(1 for _ in alternating_sign_matrices(6)) == asm_count(6) == 7436
True
>>> x_enumeration(4, 3)
90
"""

from __future__ import annotations

from combalg.asm.compatible import compatible_pairs, compatible_smaller, is_compatible
from combalg.asm.enumeration import asm_count, negative_ones_distribution, x_enumeration
from combalg.asm.monotone import (
    ASM,
    alternating_sign_matrices,
    as_asm,
    from_monotone_triangle,
    is_asm,
    monotone_triangles,
    to_monotone_triangle,
)
from combalg.asm.statistics import (
    column_reversal,
    corner_sum_matrix,
    inversions,
    negative_ones,
    noninversions,
)

__all__ = [
    "plot_asm",
    "ASM",
    "alternating_sign_matrices",
    "monotone_triangles",
    "to_monotone_triangle",
    "from_monotone_triangle",
    "as_asm",
    "is_asm",
    "asm_count",
    "x_enumeration",
    "negative_ones_distribution",
    "inversions",
    "noninversions",
    "negative_ones",
    "corner_sum_matrix",
    "column_reversal",
    "is_compatible",
    "compatible_smaller",
    "compatible_pairs",
]


def plot_asm(A, ax=None, **kwargs):
    """Draw an ASM as a matrix, a six-vertex configuration or osculating paths (needs matplotlib).

    See [`combalg.asm.plot.plot_asm`][combalg.asm.plot.plot_asm].
    """
    from combalg.asm.plot import plot_asm as _plot_asm

    return _plot_asm(A, ax=ax, **kwargs)
