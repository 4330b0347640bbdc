"""Property tests for composition, duality, overlap minimisation and decomposition."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from combalg.core.linalg import QQ
from combalg.linking import LabelledSpace, compose, decompose, min_overlap, minimize_overlap
from combalg.strategies.linking import composable_pairs, fields, labelled_spaces, split_spaces

from combalg.strategies.linking import enumerate_subspaces as all_subspaces


def brute_compose(A, B, sign):
    """Enumerate all vectors of A and B over GF(p) and match them on the shared labels."""
    p = A.p
    P = [x for x in A.labels if x in set(B.labels)]
    S = [x for x in A.labels if x not in set(P)]
    Q = [x for x in B.labels if x not in set(P)]
    ia = {x: j for j, x in enumerate(A.labels)}
    ib = {x: j for j, x in enumerate(B.labels)}
    right: dict = {}
    for w in B.vectors():
        h = tuple(w[ib[x]] for x in P)
        right.setdefault(h, set()).add(tuple(w[ib[x]] for x in Q))
    out = set()
    for v in A.vectors():
        h = tuple(v[ia[x]] for x in P)
        if sign == -1:
            h = tuple((-x) % p for x in h)
        for fq in right.get(h, ()):
            out.add(tuple(v[ia[x]] for x in S) + fq)
    return S + Q, out


def vectors_by_labels(V, order):
    idx = {x: j for j, x in enumerate(V.labels)}
    return {tuple(v[idx[x]] for x in order) for v in V.vectors()}


@settings(max_examples=150, deadline=None)
@given(composable_pairs(finite_only=True, max_s=2, max_p=2, max_q=2), st.sampled_from([1, -1]))
def test_compose_equals_brute_force(pair, sign):
    A, B = pair
    order, expected = brute_compose(A, B, sign)
    C = compose(A, B, sign=sign)
    assert set(C.labels) == set(order)
    assert vectors_by_labels(C, order) == expected


@settings(max_examples=150, deadline=None)
@given(composable_pairs())
def test_implicit_duality(pair):
    A, B = pair
    assert compose(A, B).perp() == compose(A.perp(), B.perp(), sign=-1)
    assert compose(A, B, sign=-1).perp() == compose(A.perp(), B.perp(), sign=1)


@settings(max_examples=100, deadline=None)
@given(composable_pairs())
def test_skew_is_matched_with_Q_negated(pair):
    A, B = pair
    Q = [x for x in B.labels if x not in set(A.labels)]
    assert compose(A, B, sign=-1) == compose(A, B).negate(Q)


@settings(max_examples=150, deadline=None)
@given(composable_pairs(max_p=4), st.sampled_from([1, -1]))
def test_minimize_overlap(pair, sign):
    V_SP, V_PQ = pair
    P = [x for x in V_SP.labels if x in set(V_PQ.labels)]
    S = [x for x in V_SP.labels if x not in set(P)]
    target = compose(V_SP, V_PQ, sign=sign)
    A, B = minimize_overlap(V_SP, V_PQ, sign=sign)
    P2 = set(A.labels) & set(B.labels)
    assert P2 <= set(P)
    assert compose(A, B, sign=sign) == target
    # |P'| = dim A - dim K with A = V_SP·P ∩ V_PQ·P, K = A ∩ (V_SP×P + V_PQ×P)
    if P:
        Aspace = V_SP.restrict(P).intersection(V_PQ.restrict(P))
        K = Aspace.intersection(V_SP.contract(P).sum(V_PQ.contract(P)))
        assert len(P2) == Aspace.dim - K.dim
    assert len(P2) == target.connectivity(S)


@settings(max_examples=150, deadline=None)
@given(split_spaces(max_s=4, max_q=4), st.sampled_from([1, -1]))
def test_decompose_reproduces_with_lambda(data, sign):
    V, S, Q = data
    A, B = decompose(V, S, Q, sign=sign)
    P = set(A.labels) & set(B.labels)
    assert compose(A, B, sign=sign) == V
    lam = V.connectivity(S)
    assert len(P) == lam == min_overlap(V, S) == V.connectivity(Q)
    # standard rank identities
    assert V.dim == V.restrict(S).dim + V.contract(Q).dim
    assert V.restrict(S).dim + V.perp().contract(S).dim == len(S)
    assert V.perp().connectivity(S) == lam


@settings(max_examples=60, deadline=None)
@given(split_spaces(field=None, max_s=2, max_q=2, finite_only=True).filter(lambda d: d[0].p == 2))
def test_decompose_minimal_over_GF2_exhaustive(data):
    V, S, Q = data
    lam = V.connectivity(S)
    if lam == 0:
        return
    k = lam - 1
    P = [f"p{i}" for i in range(k)]
    for X in all_subspaces(S + P, 2):
        for Y in all_subspaces(P + Q, 2):
            assert compose(X, Y) != V


@settings(max_examples=100, deadline=None)
@given(fields(), st.data())
def test_restriction_contraction_duality(field, data):
    labels = ["a", "b", "c", "d"]
    V = data.draw(labelled_spaces(labels, field))
    T = data.draw(st.sets(st.sampled_from(labels)))
    assert V.restrict(T).perp() == V.perp().contract(T)
    assert V.perp().perp() == V


@settings(max_examples=50, deadline=None)
@given(fields(finite_only=True), st.data())
def test_sum_and_intersection_by_enumeration(field, data):
    labels = ["a", "b", "c"]
    V = data.draw(labelled_spaces(labels, field))
    W = data.draw(labelled_spaces(labels, field))
    sv, sw = set(V.vectors()), set(W.vectors())
    assert set(V.intersection(W).vectors()) == sv & sw
    p = V.p
    assert set(V.sum(W).vectors()) == {tuple((a + b) % p for a, b in zip(x, y)) for x in sv for y in sw}


@settings(max_examples=80, deadline=None)
@given(fields(), st.data())
def test_composition_is_associative(field, data):
    # V1 on S ⊎ P, V2 on P ⊎ R ⊎ T... chain s-p-r-q: (V1 ↔ V2) ↔ V3 = V1 ↔ (V2 ↔ V3)
    V1 = data.draw(labelled_spaces(["s0", "s1", "p0", "p1"], field))
    V2 = data.draw(labelled_spaces(["p0", "p1", "r0", "r1"], field))
    V3 = data.draw(labelled_spaces(["r0", "r1", "q0"], field))
    sign = data.draw(st.sampled_from([1, -1]))
    left = compose(compose(V1, V2, sign=sign), V3, sign=sign)
    right = compose(V1, compose(V2, V3, sign=sign), sign=sign)
    assert left == right


def sympy_compose(A, B, sign):
    """Independent QQ oracle in sympy: null space of [B1_P^T | -sign B2_P^T], then (x B1_S, y B2_Q)."""
    import sympy

    P = [x for x in A.labels if x in set(B.labels)]
    S = [x for x in A.labels if x not in set(P)]
    Q = [x for x in B.labels if x not in set(P)]
    M1 = sympy.Matrix(A.rows_in(P + S)) if A.dim else sympy.zeros(0, len(P) + len(S))
    M2 = sympy.Matrix(B.rows_in(P + Q)) if B.dim else sympy.zeros(0, len(P) + len(Q))
    k = len(P)
    blocks = sympy.Matrix.hstack(M1[:, :k].T, -sign * M2[:, :k].T) if k else sympy.zeros(0, M1.rows + M2.rows)
    Z = blocks.nullspace() if M1.rows + M2.rows else []
    rows = []
    for z in Z:
        x, y = z[:M1.rows, :].T, z[M1.rows:, :].T
        rows.append(list(x * M1[:, k:]) + list(y * M2[:, k:]))
    conv = [[Fraction(int(sympy.Rational(v).p), int(sympy.Rational(v).q)) for v in r] for r in rows]
    return LabelledSpace(conv, S + Q)


@settings(max_examples=60, deadline=None)
@given(composable_pairs(field=QQ), st.sampled_from([1, -1]))
def test_compose_over_QQ_equals_sympy_nullspace_recipe(pair, sign):
    A, B = pair
    assert compose(A, B, sign=sign) == sympy_compose(A, B, sign)
