"""Hypothesis strategies for [`combalg.free`][combalg.free].

Use them in your own property tests, e.g.

>>> from hypothesis import given
>>> from combalg.strategies.free import moment_sequences
>>> from combalg.free import moments_to_free_cumulants, free_cumulants_to_moments
>>> @given(moment_sequences())
... def roundtrip(m):
...     assert free_cumulants_to_moments(moments_to_free_cumulants(m)) == m
>>> roundtrip()
"""

from __future__ import annotations

from fractions import Fraction
from itertools import islice

from hypothesis import strategies as st

from combalg.free.noncrossing import catalan
from combalg.free.noncrossing import noncrossing_partitions as _enumerate_nc

__all__ = [
    "exact_rationals",
    "moment_sequences",
    "cumulant_sequences",
    "noncrossing_partitions_of",
    "noncrossing_partitions",
    "noncrossing_partition",
    "generator_words",
    "projection_sizes",
]


def exact_rationals(max_numerator: int = 20, max_denominator: int = 6) -> st.SearchStrategy[int | Fraction]:
    """Small exact rationals: ints or Fractions with bounded numerator and denominator."""
    return st.builds(
        lambda p, q: p if q == 1 else Fraction(p, q),
        st.integers(-max_numerator, max_numerator),
        st.integers(1, max_denominator),
    )


def moment_sequences(min_size: int = 1, max_size: int = 12) -> st.SearchStrategy[list[int | Fraction]]:
    """Sequences ``[m_1, ..., m_n]`` of exact rationals (any sequence is the moment sequence of some functional)."""
    return st.lists(exact_rationals(), min_size=min_size, max_size=max_size).map(
        lambda xs: [x.numerator if isinstance(x, Fraction) and x.denominator == 1 else x for x in xs])


def cumulant_sequences(min_size: int = 1, max_size: int = 12) -> st.SearchStrategy[list[int | Fraction]]:
    """Sequences ``[k_1, ..., k_n]`` of exact rationals."""
    return moment_sequences(min_size, max_size)


def noncrossing_partitions_of(n: int) -> st.SearchStrategy[tuple[tuple[int, ...], ...]]:
    """A uniformly chosen non-crossing partition of ``{1..n}`` (``n <= 10``)."""
    return st.integers(0, catalan(n) - 1).map(lambda i: next(islice(_enumerate_nc(n), i, None)))


def noncrossing_partitions(min_size: int = 1, max_size: int = 8) -> st.SearchStrategy[tuple[tuple[int, ...], ...]]:
    """A non-crossing partition of ``{1..n}`` for some ``min_size <= n <= max_size``."""
    return st.integers(min_size, max_size).flatmap(noncrossing_partitions_of)


def noncrossing_partition(min_n: int = 1, max_n: int = 8) -> st.SearchStrategy[tuple[tuple[int, ...], ...]]:
    """The former name of [`noncrossing_partitions`][noncrossing_partitions] (``min_n``, ``max_n`` are its sizes)."""
    return noncrossing_partitions(min_n, max_n)


def generator_words(n_generators: int = 2, max_length: int = 8, *, min_size: int = 0,
                    max_size: int | None = None) -> st.SearchStrategy[tuple[int, ...]]:
    """Words (tuples) over the generators ``1..n_generators`` of length ``min_size..max_size``
    (``max_length`` is the older name of ``max_size``), as
    [`combalg.free.FockSpace`][combalg.free.FockSpace] indexes its basis.

    Words as lists of letters for RSK are
    [`combalg.strategies.growth.words`][combalg.strategies.growth.words].

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20, database=None)
    ... @given(generator_words(3, min_size=1, max_size=4))
    ... def check(w):
    ...     assert isinstance(w, tuple) and 1 <= len(w) <= 4 and set(w) <= {1, 2, 3}
    >>> check()
    """
    return st.lists(st.integers(1, n_generators), min_size=min_size,
                    max_size=max_length if max_size is None else max_size).map(tuple)


def projection_sizes(max_n: int = 8) -> st.SearchStrategy[int]:
    """Sizes ``1 <= N <= max_n`` for [`combalg.free.jacobi_commutant_projection`][combalg.free.jacobi_commutant_projection]."""
    return st.integers(1, max_n)
