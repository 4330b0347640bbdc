"""Hypothesis strategies for truncated power series.

Use them to test identities between generating functions, for example that a
conjectured product equals a sum, on random small series:

>>> from hypothesis import given
>>> from combalg.strategies.series import power_series
>>> @given(power_series(max_order=6))
... def test_double_negation(a):
...     assert -(-a) == a
>>> test_double_negation()

All strategies draw small coefficients so that examples shrink to readable
counterexamples.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Sequence

from hypothesis import strategies as st

from combalg.core.mseries import MultiSeries
from combalg.core.series import PowerSeries

__all__ = [
    "coefficient_lists",
    "exact_numbers",
    "exp_series",
    "invertible_series",
    "log_series",
    "multi_series",
    "invertible_multi_series",
    "power_series",
]


def exact_numbers(rational: bool = False, bound: int = 20, max_denominator: int = 6) -> st.SearchStrategy:
    """Integers in ``[-bound, bound]``, or also Fractions with small denominators if ``rational``."""
    ints = st.integers(-bound, bound)
    if not rational:
        return ints
    fracs = st.fractions(-bound, bound, max_denominator=max_denominator)
    return st.one_of(ints, fracs)


def coefficient_lists(min_size: int = 0, max_size: int = 12, rational: bool = False,
                      bound: int = 20) -> st.SearchStrategy:
    """Lists of exact coefficients (ints, or ints and Fractions)."""
    return st.lists(exact_numbers(rational, bound), min_size=min_size, max_size=max_size)


@st.composite
def power_series(draw: st.DrawFn, min_order: int = 0, max_order: int = 12, rational: bool = False,
                 bound: int = 20, order: int | None = None) -> PowerSeries:
    """A [`PowerSeries`][PowerSeries] with random order (or the given ``order``) and coefficients."""
    n = order if order is not None else draw(st.integers(min_order, max_order))
    coeffs = draw(coefficient_lists(0, n, rational, bound))
    return PowerSeries(coeffs, order=n)


@st.composite
def invertible_series(draw: st.DrawFn, min_order: int = 1, max_order: int = 12,
                      rational: bool = False, bound: int = 20, unit: bool = False) -> PowerSeries:
    """A series with nonzero constant term (``+1``/``-1`` if ``unit``: then integral inverse)."""
    n = draw(st.integers(max(min_order, 1), max_order))
    if unit:
        c0 = draw(st.sampled_from([1, -1]))
    else:
        c0 = draw(exact_numbers(rational, bound).filter(lambda c: c != 0))
    rest = draw(coefficient_lists(0, n - 1, rational, bound))
    return PowerSeries([c0] + rest, order=n)


@st.composite
def log_series(draw: st.DrawFn, min_order: int = 1, max_order: int = 10, rational: bool = False,
               bound: int = 10) -> PowerSeries:
    """A series with constant term 1 (in the domain of ``log``)."""
    n = draw(st.integers(max(min_order, 1), max_order))
    rest = draw(coefficient_lists(0, n - 1, rational, bound))
    return PowerSeries([1] + rest, order=n)


@st.composite
def exp_series(draw: st.DrawFn, min_order: int = 1, max_order: int = 10, rational: bool = False,
               bound: int = 10) -> PowerSeries:
    """A series with constant term 0 (in the domain of ``exp``)."""
    n = draw(st.integers(max(min_order, 1), max_order))
    rest = draw(coefficient_lists(0, n - 1, rational, bound))
    return PowerSeries([0] + rest, order=n)


@st.composite
def multi_series(draw: st.DrawFn, variables: Sequence[str] = ("q", "w"), max_order: int = 6,
                 max_degree: int = 3, max_terms: int = 10, rational: bool = False,
                 bound: int = 10, order: int | None = None,
                 constant: int | Fraction | None = None) -> MultiSeries:
    """A [`MultiSeries`][MultiSeries] with few terms; ``constant`` fixes the coefficient of ``q^0`` to a number."""
    names = tuple(variables)
    n = order if order is not None else draw(st.integers(0, max_order))
    first = st.integers(0, max(n - 1, 0))
    others = st.tuples(*[st.integers(0, max_degree) for _ in names[1:]])
    keys = st.builds(lambda a, rest: (a,) + rest, first, others)
    terms = draw(st.dictionaries(keys, exact_numbers(rational, bound), max_size=max_terms))
    if constant is not None:
        terms = {k: v for k, v in terms.items() if k[0] != 0}
        terms[(0,) * len(names)] = constant
    return MultiSeries.from_dict(terms, names, n)


def invertible_multi_series(variables: Sequence[str] = ("q", "w"), max_order: int = 6,
                            max_degree: int = 3, rational: bool = False) -> st.SearchStrategy:
    """A MultiSeries whose ``q^0`` coefficient is the constant 1 or -1 (so its inverse is integral)."""
    return st.sampled_from([1, -1]).flatmap(
        lambda c: multi_series(variables, max_order=max_order, max_degree=max_degree,
                               rational=rational, constant=c)
    )
