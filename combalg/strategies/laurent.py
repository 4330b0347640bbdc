"""Hypothesis strategies for Laurent polynomials and their rings.

Use them in property tests of your own Laurent-phenomenon conjectures:

    from hypothesis import given
    from combalg.core.laurent import LaurentRing
    from combalg.strategies.laurent import laurent_polynomials

    R = LaurentRing(["x", "y"], params=["lam"])

    @given(laurent_polynomials(R), laurent_polynomials(R))
    def test_commutes(a, b):
        assert a * b == b * a

Elements are kept small (few terms, small exponents and coefficients) so
that products and divisions stay fast; everything shrinks towards zero and
towards few terms.  Importing this module needs hypothesis (the ``test``
extra).

Examples
--------
>>> from hypothesis import given, settings
>>> from combalg.core.laurent import LaurentRing
>>> R = LaurentRing(["x", "y"])
>>> @settings(max_examples=25, database=None)
... @given(laurent_polynomials(R), nonzero_laurent_polynomials(R))
... def check_division(a, b):
...     assert (a * b).exact_divide(b) == a
>>> check_division()
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import strategies as st

from combalg.core.errors import InvalidInputError
from combalg.core.laurent import LaurentPolynomial, LaurentRing

__all__ = [
    "coefficients",
    "laurent_polynomials",
    "nonzero_laurent_polynomials",
    "laurent_monomials",
    "laurent_rings",
    "substitution_values",
    "expressions",
]


def coefficients(domain: str = "ZZ", max_abs: int = 5) -> st.SearchStrategy:
    """Coefficients of a ring over ``domain``: ints in [-max_abs, max_abs],
    or over QQ also Fractions with denominators up to ``max_abs``."""
    if domain not in ("ZZ", "QQ"):
        raise InvalidInputError(f"invalid domain {domain!r}: expected 'ZZ' or 'QQ'")
    ints = st.integers(-max_abs, max_abs)
    if domain == "ZZ":
        return ints
    return st.one_of(
        ints,
        st.builds(Fraction, ints, st.integers(1, max(1, max_abs))),
    )


def laurent_polynomials(
    ring: LaurentRing,
    max_terms: int = 4,
    min_exponent: int = -2,
    max_exponent: int = 2,
    max_coeff: int = 5,
    param_min_exponent: int | None = 0,
) -> st.SearchStrategy[LaurentPolynomial]:
    """Random elements of ``ring`` (possibly zero).

    Parameters
    ----------
    ring : LaurentRing
    max_terms : int
        At most this many terms.
    min_exponent, max_exponent : int
        Range of each variable's exponent.
    max_coeff : int
        Bound on the absolute value of the coefficients (and denominators over QQ).
    param_min_exponent : int or None
        Smallest exponent of a parameter (default 0: polynomial in the
        parameters); ``None`` uses ``min_exponent``.
    """
    if max_terms < 0 or min_exponent > max_exponent:
        raise InvalidInputError(
            f"invalid bounds max_terms={max_terms}, exponents [{min_exponent}, {max_exponent}]: "
            "expected max_terms >= 0 and min_exponent <= max_exponent"
        )
    lo_param = min_exponent if param_min_exponent is None else min(param_min_exponent, max_exponent)
    nvar = len(ring.variables)
    exps = [st.integers(min_exponent, max_exponent)] * nvar + [st.integers(lo_param, max_exponent)] * len(ring.params)
    monomial = st.tuples(*exps)
    terms = st.dictionaries(monomial, coefficients(ring.domain, max_coeff), max_size=max_terms)
    return terms.map(ring.from_terms)


def nonzero_laurent_polynomials(ring: LaurentRing, **kwargs) -> st.SearchStrategy[LaurentPolynomial]:
    """Like [`laurent_polynomials`][laurent_polynomials], but never zero."""
    kwargs.setdefault("max_terms", 4)
    if kwargs["max_terms"] < 1:
        raise InvalidInputError(f"invalid max_terms={kwargs['max_terms']}: expected at least 1")
    return laurent_polynomials(ring, **kwargs).filter(lambda p: not p.is_zero())


def laurent_monomials(
    ring: LaurentRing, min_exponent: int = -3, max_exponent: int = 3, units: bool = False
) -> st.SearchStrategy[LaurentPolynomial]:
    """Nonzero monomials ``c * x^e``; with ``units=True`` only invertible ones
    (coefficient +-1 over ZZ)."""
    exps = st.tuples(*[st.integers(min_exponent, max_exponent)] * ring.nvars)
    if units and ring.domain == "ZZ":
        coeff = st.sampled_from([1, -1])
    else:
        coeff = coefficients(ring.domain, 5).filter(lambda c: c != 0)
    return st.builds(lambda e, c: ring.monomial(e, c), exps, coeff)


def laurent_rings(max_variables: int = 3, max_params: int = 1, domains: tuple[str, ...] = ("ZZ", "QQ")) -> st.SearchStrategy[LaurentRing]:
    """Small rings with variables ``x0, x1, ...`` and parameters ``t0, ...``."""
    return st.builds(
        lambda nv, np_, dom: LaurentRing([f"x{i}" for i in range(nv)], [f"t{i}" for i in range(np_)], dom),
        st.integers(1, max_variables),
        st.integers(0, max_params),
        st.sampled_from(domains),
    )


def substitution_values(ring: LaurentRing, nonzero: bool = True, max_abs: int = 4) -> st.SearchStrategy[dict]:
    """A {name: int or Fraction} value for every generator of ``ring``
    (nonzero by default, so Laurent polynomials can always be evaluated)."""
    vals = st.one_of(st.integers(-max_abs, max_abs), st.builds(Fraction, st.integers(-max_abs, max_abs), st.integers(1, max_abs)))
    if nonzero:
        vals = vals.filter(lambda v: v != 0)
    return st.fixed_dictionaries({name: vals for name in ring.names})


def expressions(names: tuple[str, ...] = ("x", "y", "lam"), max_leaves: int = 8) -> st.SearchStrategy:
    """Syntax trees of [`combalg.core.parsing`][combalg.core.parsing] as the parser builds them
    (sums and products flattened, divisors monomial-like, exponents small),
    for round-trip tests of ``parse_expression(str(e)) == e``."""
    from combalg.core.parsing import Add, Indexed, Mul, Name, Neg, Num, Pow

    leaves = st.one_of(
        st.integers(0, 20).map(Num),
        st.builds(lambda a, b: Num(Fraction(a, b)), st.integers(0, 9), st.integers(2, 9)).filter(
            lambda n: not isinstance(n.value, int) and n.value.denominator != 1),
        st.sampled_from(names).map(Name),
        st.builds(lambda b, k: Indexed(b, (Add((Name("m"), Neg(Num(k)))),)), st.sampled_from(names), st.integers(1, 5)),
    )
    monomial_like = st.one_of(
        st.sampled_from(names).map(Name),
        st.integers(1, 9).map(Num),
        st.builds(Pow, st.sampled_from(names).map(Name), st.integers(-3, 3)),
    )

    def extend(children: st.SearchStrategy) -> st.SearchStrategy:
        def not_add(e):
            return not isinstance(e, Add)

        def not_mul(e):
            return not isinstance(e, Mul)

        return st.one_of(
            st.builds(lambda ts: Add(tuple(ts)),
                      st.lists(children, min_size=2, max_size=3).filter(lambda ts: not_add(ts[0]))),
            st.builds(lambda fs, ds: Mul(tuple(fs), tuple(ds)),
                      st.lists(children, min_size=1, max_size=3).filter(
                          lambda fs: not_mul(fs[0]) and not (isinstance(fs[0], Num) and len(fs) == 1)),
                      st.lists(monomial_like, max_size=2)).filter(lambda m: len(m.factors) + len(m.divisors) >= 2),
            st.builds(Neg, children),
            st.builds(Pow, children, st.integers(-3, 3)),
        )

    return st.recursive(leaves, extend, max_leaves=max_leaves)
