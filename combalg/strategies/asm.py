"""Hypothesis strategies for alternating sign matrices and lambda-determinants.

Examples
--------
>>> from hypothesis import given
>>> from combalg.strategies.asm import asms
>>> from combalg.asm import is_asm
>>> @given(asms(max_size=4))
... def check(A):
...     assert is_asm(A)
>>> check()
"""

from __future__ import annotations

from functools import lru_cache

from hypothesis import strategies as st

from combalg.asm import alternating_sign_matrices, compatible_smaller
from combalg.core.errors import InvalidInputError

__all__ = ["asms", "compatible_pairs", "monotone_triangles", "integer_matrices", "nonzero_rational_matrices",
           "compatible_pairs_strategy", "monotone_triangles_strategy"]


@lru_cache(maxsize=8)
def _all(n: int) -> tuple:
    return tuple(alternating_sign_matrices(n))


def asms(min_size: int = 1, max_size: int = 5) -> st.SearchStrategy:
    """ASMs (tuples of row tuples) of size ``min_size..max_size`` (``max_size <= 7``),
    drawn uniformly for each size from the full list."""
    if not (isinstance(min_size, int) and isinstance(max_size, int) and 0 <= min_size <= max_size <= 7):
        raise InvalidInputError(f"invalid sizes min_size={min_size!r}, max_size={max_size!r}: "
                                "expected integers with 0 <= min_size <= max_size <= 7")
    return st.integers(min_size, max_size).flatmap(lambda n: st.sampled_from(_all(n)))


def compatible_pairs(min_size: int = 1, max_size: int = 5) -> st.SearchStrategy:
    """Compatible pairs ``(A, B)`` with ``A`` of size ``min_size..max_size``."""
    return asms(max(1, min_size), max_size).flatmap(
        lambda A: st.sampled_from(compatible_smaller(A)).map(lambda B: (A, B)))


def monotone_triangles(min_size: int = 1, max_size: int = 5) -> st.SearchStrategy:
    """Monotone triangles (rows top first) of order ``min_size..max_size``."""
    from combalg.asm import to_monotone_triangle

    return asms(min_size, max_size).map(to_monotone_triangle)


def integer_matrices(min_size: int = 1, max_size: int = 5, min_value: int = -5, max_value: int = 5
                     ) -> st.SearchStrategy:
    """Square integer matrices as lists of lists."""
    return st.integers(min_size, max_size).flatmap(
        lambda n: st.lists(st.lists(st.integers(min_value, max_value), min_size=n, max_size=n),
                           min_size=n, max_size=n))


def nonzero_rational_matrices(min_size: int = 1, max_size: int = 4, max_numerator: int = 5,
                              max_denominator: int = 4) -> st.SearchStrategy:
    """Square matrices of size ``min_size..max_size`` with nonzero `fractions.Fraction` entries
    (lists of lists).

    Nonzero entries keep every term of the lambda-determinant defined.  For rational
    matrices of any shape, possibly with zero entries, use
    [`combalg.strategies.basic.rational_matrices`][combalg.strategies.basic.rational_matrices].

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20, database=None)
    ... @given(nonzero_rational_matrices(max_size=3))
    ... def check(m):
    ...     assert all(len(r) == len(m) and 0 not in r for r in m) and 1 <= len(m) <= 3
    >>> check()
    """
    from fractions import Fraction

    entry = st.builds(Fraction, st.integers(1, max_numerator) | st.integers(-max_numerator, -1),
                      st.integers(1, max_denominator))
    return st.integers(min_size, max_size).flatmap(
        lambda n: st.lists(st.lists(entry, min_size=n, max_size=n), min_size=n, max_size=n))


#: former names of [`compatible_pairs`][compatible_pairs] and [`monotone_triangles`][monotone_triangles]
compatible_pairs_strategy = compatible_pairs
monotone_triangles_strategy = monotone_triangles
