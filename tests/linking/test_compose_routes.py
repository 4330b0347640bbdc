"""Differential test: the fast QQ routes of ``compose`` agree with the plain exact RREF route.

``compose`` over QQ first tries a smaller fraction-free solve (generic pivots) and a
solve whose pivot columns are located modulo a prime; both certify their result and
fall back otherwise.  Here the fast routes are switched off to obtain the reference.
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

import pytest

import combalg.linking.composition as composition
from combalg.core.linalg import QQ
from combalg.linking import LabelledSpace, compose


def reference_compose(A, B, sign):
    with pytest.MonkeyPatch.context() as m:
        m.setattr(composition, "_compose_generic_qq", lambda *args, **kw: None)
        m.setattr(composition, "_contract_qq", lambda *args, **kw: None)
        return compose(A, B, sign=sign)


entries = st.one_of(st.integers(-3, 3), st.fractions(min_value=-2, max_value=2, max_denominator=4), st.just(0))


@st.composite
def structured_pairs(draw):
    """Spaces with repeated, zero and proportional rows and columns, to force non-generic pivots."""
    s, p, q = draw(st.integers(0, 3)), draw(st.integers(1, 4)), draw(st.integers(0, 3))
    S = [f"s{i}" for i in range(s)]
    P = [f"p{i}" for i in range(p)]
    Q = [f"q{i}" for i in range(q)]

    def rows(ncols):
        base = draw(st.lists(st.lists(entries, min_size=ncols, max_size=ncols), min_size=1, max_size=4))
        extra = []
        for r in base:
            if draw(st.booleans()):
                c = draw(st.sampled_from([Fraction(1), Fraction(-2), Fraction(1, 3)]))
                extra.append([c * x for x in r])
        return base + extra

    A = LabelledSpace(rows(s + p), S + P, field=QQ)
    B = LabelledSpace(rows(p + q), P + Q, field=QQ)
    return A, B


@settings(max_examples=150, deadline=None)
@given(structured_pairs(), st.sampled_from([1, -1]))
def test_fast_routes_equal_full_rref(pair, sign):
    A, B = pair
    assert compose(A, B, sign=sign) == reference_compose(A, B, sign)


def test_wide_generic_case_agrees():
    import random

    rng = random.Random(7)
    labels_sp = [f"s{i}" for i in range(20)] + [f"p{i}" for i in range(20)]
    labels_pq = [f"p{i}" for i in range(20)] + [f"q{i}" for i in range(20)]
    A = LabelledSpace([[rng.randint(-5, 5) for _ in labels_sp] for _ in range(15)], labels_sp, field=QQ)
    B = LabelledSpace([[Fraction(rng.randint(-5, 5), rng.randint(1, 3)) for _ in labels_pq] for _ in range(15)],
                      labels_pq, field=QQ)
    for sign in (1, -1):
        assert compose(A, B, sign=sign) == reference_compose(A, B, sign)


def test_cached_plans_serve_other_spaces_on_the_same_labels():
    # the generic route caches its placement matrices per (labels, row counts, sign);
    # different spaces of the same shape must still get their own compositions
    import random

    rng = random.Random(11)
    S, P, Q = [f"s{i}" for i in range(6)], [f"p{i}" for i in range(5)], [f"q{i}" for i in range(6)]
    hits = composition._generic_plan.cache_info().hits
    for _ in range(40):
        d1, d2 = rng.randint(3, 5), rng.randint(3, 5)
        A = LabelledSpace([[rng.randint(-3, 3) for _ in range(11)] for _ in range(d1)], S + P, field=QQ)
        B = LabelledSpace([[rng.randint(-3, 3) for _ in range(11)] for _ in range(d2)], P + Q, field=QQ)
        for sign in (1, -1):
            assert compose(A, B, sign=sign) == reference_compose(A, B, sign)
    assert composition._generic_plan.cache_info().hits > hits


class _Tied:
    """A label that ties with every other instance in the label order (same type and repr)."""

    def __repr__(self) -> str:
        return "tied"


_LABEL_POOL = st.one_of(st.integers(-50, 50), st.text("abc", max_size=2),
                        st.tuples(st.integers(0, 3), st.text("ab", max_size=1)))


@settings(max_examples=150, deadline=None)
@given(st.lists(_LABEL_POOL, unique=True, max_size=80), st.data())
def test_label_splits_by_position_agree_with_sorting(labels, data):
    """merge_labels of two sorted runs equals sorting their union, and the shared positions
    found by bisection (or by an index, for ties in the order) are the true positions."""
    from combalg.linking.composition import _positions, _without
    from combalg.linking.spaces import merge_labels, sort_labels

    ties = [_Tied() for _ in range(data.draw(st.integers(0, 3)))]
    pool = labels + ties
    flags = [data.draw(st.sampled_from("ab")) for _ in pool]
    A = sort_labels([x for x, f in zip(pool, flags) if f == "a"])
    B = sort_labels([x for x, f in zip(pool, flags) if f == "b"])
    merged = merge_labels(A, B)
    assert set(merged) == set(pool) and len(merged) == len(pool)
    assert [x for x in merged if not isinstance(x, _Tied)] == \
        [x for x in sort_labels(pool) if not isinstance(x, _Tied)]
    if data.draw(st.booleans()):  # a few shared labels: found by bisection
        picks = set(data.draw(st.lists(st.integers(0, max(len(A) - 1, 0)), max_size=2))) if A else set()
        wanted = tuple(x for j, x in enumerate(A) if j in picks)
    else:
        wanted = tuple(x for x in A if data.draw(st.booleans()))
    pos = _positions(A, wanted)
    assert [A[j] for j in pos] == list(wanted)
    assert list(_without(A, sorted(pos))) == [x for x in A if x not in set(wanted)]
