"""Matroid equality, hashing, single elements and the structural methods, against brute force."""

from __future__ import annotations

import copy
import itertools
import math
import pickle

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from combalg.core.errors import InvalidInputError
from combalg.linking import BasesMatroid, GraphicMatroid, LinearMatroid, Matroid, UniformMatroid
from combalg.strategies.linking import linear_matroids

LABELS = st.integers(0, 8).map(lambda n: list(range(n)))


@st.composite
def matroid_pairs(draw, max_size: int = 6):
    """Two linear matroids on one ground set over one small field (often equal over GF(2))."""
    labels = list(range(draw(st.integers(0, max_size))))
    field = draw(st.sampled_from(["GF(2)", "GF(3)", "QQ"]))
    return (draw(linear_matroids(labels, field, max_rank=3)),
            draw(linear_matroids(labels, field, max_rank=3)))


@st.composite
def small_matroids(draw, max_size: int = 7):
    labels = list(range(draw(st.integers(0, max_size))))
    kind = draw(st.sampled_from(["linear", "uniform", "graphic", "bases"]))
    if kind == "uniform":
        return UniformMatroid(draw(st.integers(0, len(labels))), labels)
    if kind == "graphic":
        n = draw(st.integers(1, 5))
        edges = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=max_size))
        G = nx.MultiGraph()
        G.add_nodes_from(range(n))
        G.add_edges_from(edges)
        return GraphicMatroid(G)
    M = draw(linear_matroids(labels, draw(st.sampled_from(["GF(2)", "GF(3)", "QQ"])), max_rank=4))
    return BasesMatroid(M.bases(), M.groundset) if kind == "bases" else M


def independent_sets(M):
    """Brute force: every subset whose rank is its size."""
    E = M.sorted_groundset()
    return {frozenset(X) for k in range(len(E) + 1) for X in itertools.combinations(E, k)
            if M.rank(frozenset(X)) == k}


def brute_rank(indep, X):
    return max(len(I) for I in indep if I <= X)


def brute_circuits(M, indep):
    E = M.sorted_groundset()
    dep = [frozenset(X) for k in range(1, len(E) + 1) for X in itertools.combinations(E, k)
           if frozenset(X) not in indep]
    return {C for C in dep if all(C - {x} in indep for x in C)}


# ------------------------------------------------------------------- equality
@settings(max_examples=150, deadline=None)
@given(matroid_pairs(max_size=8))
def test_equal_iff_same_independent_sets(pair):
    M1, M2 = pair
    same = independent_sets(M1) == independent_sets(M2)
    assert (M1 == M2) is same
    assert (M1 != M2) is not same
    if same:
        assert hash(M1) == hash(M2)


@settings(max_examples=60, deadline=None)
@given(small_matroids())
def test_equal_across_representations(M):
    assert M == BasesMatroid(M.bases(), M.groundset)
    assert M == M.dual().dual() and M.dual() == BasesMatroid(M.dual().bases(), M.groundset)
    assert hash(M) == hash(BasesMatroid(M.bases(), M.groundset))
    assert len({M, BasesMatroid(M.bases(), M.groundset)}) == 1
    back = pickle.loads(pickle.dumps(M))
    assert back == M and type(back) is type(M) and hash(back) == hash(M)
    assert copy.deepcopy(M) == M


def test_equality_is_not_isomorphism():
    assert UniformMatroid(2, 4) == UniformMatroid(2, 4)
    assert UniformMatroid(2, "abcd") != UniformMatroid(2, 4)
    assert UniformMatroid(2, "abcd").is_isomorphic(UniformMatroid(2, 4))
    assert UniformMatroid(2, 4) != UniformMatroid(3, 4)
    assert (UniformMatroid(1, 2) == "U12") is False


# ------------------------------------------------------------ single elements
def test_single_elements():
    U = UniformMatroid(2, 4)
    assert U.contract(1) == UniformMatroid(1, [0, 2, 3])
    assert U.delete(1) == UniformMatroid(2, [0, 2, 3])
    assert U.restrict(1) == UniformMatroid(1, [1])
    assert U.rank(1) == 1 and U.is_independent(1) and U.closure(1) == {1}
    M = LinearMatroid([[1, 0, 1], [0, 1, 1]], ["a", "b", ("c", 1)])
    assert M.rank(("c", 1)) == 1 and M.delete(("c", 1)).groundset == {"a", "b"}
    for bad in (7, [0, 7], 2.5):
        with pytest.raises(InvalidInputError, match="ground set"):
            U.contract(bad)
        with pytest.raises(InvalidInputError):
            U.rank(bad)
    with pytest.raises(InvalidInputError):
        U.delete([[0]])


def test_union_and_intersection_refuse_different_ground_sets():
    A, B = UniformMatroid(1, "ab"), UniformMatroid(1, "bc")
    with pytest.raises(InvalidInputError, match="ground sets differ"):
        A.intersection(B)
    with pytest.raises(InvalidInputError, match="ground sets differ"):
        A.union(B)
    assert A.intersection(B, allow_different_groundsets=True) == {"b"}
    assert A.union(B, allow_different_groundsets=True).rank() == 2


# ---------------------------------------------------------- the new methods
@settings(max_examples=80, deadline=None)
@given(small_matroids(), st.data())
def test_closure_flats_circuits_components(M, data):
    indep = independent_sets(M)
    E = frozenset(M.groundset)
    X = frozenset(data.draw(st.sets(st.sampled_from(sorted(E))) if E else st.just(set())))
    rX = brute_rank(indep, X)
    assert M.closure(X) == {e for e in E if brute_rank(indep, X | {e}) == rX}
    subsets = [frozenset(S) for k in range(len(E) + 1) for S in itertools.combinations(sorted(E), k)]
    for r in range(M.rank() + 2):
        flats = {F for F in subsets if brute_rank(indep, F) == r
                 and all(brute_rank(indep, F | {e}) > r for e in E - F)}
        assert set(M.flats(r)) == flats and len(M.flats(r)) == len(flats)
    circuits = brute_circuits(M, indep)
    assert set(M.circuits()) == circuits
    parent = {e: e for e in E}

    def find(v):
        while parent[v] != v:
            v = parent[v]
        return v

    for C in circuits:
        c0 = next(iter(C))
        for c in C:
            parent[find(c)] = find(c0)
    comps = {}
    for e in E:
        comps.setdefault(find(e), set()).add(e)
    assert set(M.components()) == {frozenset(c) for c in comps.values()}
    assert M.is_connected() == (len(comps) <= 1)


@settings(max_examples=60, deadline=None)
@given(small_matroids())
def test_tutte_and_characteristic_polynomials_by_subset_expansion(M):
    E = M.sorted_groundset()
    r = M.rank()
    tutte: dict = {}
    chi: dict = {}
    for k in range(len(E) + 1):
        for A in itertools.combinations(E, k):
            rA = M.rank(frozenset(A))
            # (x-1)^(r-rA) (y-1)^(k-rA), expanded
            a, b = r - rA, k - rA
            for i in range(a + 1):
                for j in range(b + 1):
                    c = math.comb(a, i) * math.comb(b, j) * (-1) ** (a - i + b - j)
                    tutte[(i, j)] = tutte.get((i, j), 0) + c
            chi[(r - rA,)] = chi.get((r - rA,), 0) + (-1) ** k
    assert M.tutte_polynomial().terms() == {k: v for k, v in tutte.items() if v}
    assert M.characteristic_polynomial().terms() == {k: v for k, v in chi.items() if v}


def test_known_polynomials():
    # T(U_{1,2}) = x + y; chi(K_4) = (t-1)(t-2)(t-3); Tutte of K_4 at (1,1) = 16 spanning trees
    assert str(UniformMatroid(1, 2).tutte_polynomial()) == "x + y"
    K4 = GraphicMatroid(nx.complete_graph(4))
    assert K4.tutte_polynomial().evaluate({"x": 1, "y": 1}) == 16
    assert str(K4.characteristic_polynomial()) == "t^3 - 6*t^2 + 11*t - 6"
    loop = GraphicMatroid(nx.MultiGraph([(0, 0), (0, 1)]))
    assert loop.characteristic_polynomial().is_zero()
    assert UniformMatroid(0, 0).tutte_polynomial() == 1


def test_display():
    M = UniformMatroid(2, 4)
    assert "rank 2" in M._repr_latex_() and "4 elements" in M._repr_html_()
    assert isinstance(M, Matroid)
