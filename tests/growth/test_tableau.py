"""Tableau objects from rsk and growth diagrams: invariants against independent oracles."""

from __future__ import annotations

import copy
import json
import pickle
from bisect import bisect_left, bisect_right
from collections import Counter

import numpy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from combalg.core.encoding import ExactJSONEncoder
from combalg.core.errors import InvalidInputError
from combalg.growth import GrowthDiagram, RuleRSK, Tableau, rsk, rsk_inverse
from combalg.partitions import Partition
from combalg.strategies.growth import permutations, words


def longest_weakly_increasing(w):
    """Patience sorting (an oracle independent of row insertion's tableau code)."""
    tails: list = []
    for x in w:
        k = bisect_right(tails, x)
        tails[k:k + 1] = [x]
    return len(tails)


def longest_strictly_decreasing(w):
    tails: list = []
    for x in (-v for v in w):
        k = bisect_left(tails, x)
        tails[k:k + 1] = [x]
    return len(tails)


@settings(max_examples=200, deadline=None)
@given(words(max_length=12, max_letter=5))
def test_rsk_of_a_word(w):
    P, Q = rsk(w)
    assert isinstance(P, Tableau) and isinstance(Q, Tableau)
    assert P.shape == Q.shape and P.size == Q.size == len(w)
    assert isinstance(P.shape, Partition)
    counts = Counter(w)
    assert P.content == tuple(counts.get(i, 0) for i in range(1, max(w) + 1)) if w else P.content == ()
    assert P.is_semistandard() and Q.is_standard()
    # Schensted: first row = longest weakly increasing, number of rows = longest strictly decreasing
    assert (P.shape[0] if w else 0) == longest_weakly_increasing(w)
    assert len(P.shape) == longest_strictly_decreasing(w)
    # the reading word of P inserts to P itself (it is Knuth equivalent to w)
    assert rsk(P.reading_word())[0] == P
    assert rsk_inverse(P, Q) == list(w)


@settings(max_examples=100, deadline=None)
@given(permutations(max_size=8))
def test_rsk_of_a_permutation_both_standard_and_inverse_swaps(w):
    P, Q = rsk(w)
    assert P.is_standard() and Q.is_standard()
    inv = [0] * len(w)
    for i, v in enumerate(w):
        inv[v - 1] = i + 1
    assert rsk(inv) == (Q, P)
    G = GrowthDiagram(RuleRSK(), w)
    assert (G.P_symbol(), G.Q_symbol()) == (P, Q)
    assert isinstance(G.P_symbol(), Tableau)
    assert rsk(numpy.array(w, dtype=numpy.int64)) == (P, Q)


def test_sagemath_examples():
    # SageMath's conventions (entries from 1, P the insertion tableau, Q the recording
    # tableau); the word example is worked by hand: 3; 33; 2 bumps 3; 4; 1 bumps 2 bumps 3
    assert rsk([3, 3, 2, 4, 1]) == (Tableau([[1, 3, 4], [2], [3]]), Tableau([[1, 2, 4], [3], [5]]))
    assert rsk([[1, 0, 2], [0, 2, 0], [1, 1, 0]]) == (Tableau([[1, 1, 2, 2], [2, 3], [3]]),
                                                       Tableau([[1, 1, 1, 3], [2, 2], [3]]))
    assert Tableau([[1, 2, 4], [3]]).reading_word() == [3, 1, 2, 4]


def test_tableau_is_tuple_like_and_displays():
    P, Q = rsk([3, 1, 2, 2, 1])
    assert P == ((1, 1, 2), (2,), (3,)) and hash(P) == hash(((1, 1, 2), (2,), (3,)))
    assert P[0] == (1, 1, 2) and len(P) == 3 and list(P[1]) == [2]
    assert str(P) == "1 1 2\n2\n3"
    assert P.latex() == r"\begin{ytableau} 1 & 1 & 2 \\ 2 \\ 3 \end{ytableau}"
    assert r"\boxed{2}" in P._repr_latex_() and "<table" in P._repr_html_()
    assert pickle.loads(pickle.dumps(P)) == P and type(copy.deepcopy(P)) is Tableau
    assert json.loads(json.dumps(P, cls=ExactJSONEncoder)) == [[1, 1, 2], [2], [3]]
    assert rsk([]) == (Tableau(), Tableau()) and Tableau().shape == Partition([])
    assert P.conjugate() == Tableau([[1, 2, 3], [1], [2]]) and P.conjugate().conjugate() == P


def test_skew_tableaux_from_growth_diagrams():
    from combalg.growth import tableau_from_chain

    T = tableau_from_chain([(1,), (2,), (2, 1)])
    assert T == Tableau([[None, 1], [2]]) and T.inner_shape == (1,) and T.size == 2
    assert T.is_standard() and str(T) == ". 1\n2"


@pytest.mark.parametrize("bad", ["12", [[1, 2], [1, 2, 3]], [[1.5]], [[]], 5, [[True]]])
def test_bad_tableaux(bad):
    with pytest.raises(InvalidInputError):
        Tableau(bad)


def test_rsk_refuses_bad_numpy_input():
    with pytest.raises(InvalidInputError):
        rsk(numpy.array([1.5, 2.0]))
    with pytest.raises(InvalidInputError):
        rsk(numpy.array([[1, -1], [0, 1]]))
    assert rsk(numpy.array([[1, 0], [0, 2]])) == rsk([[1, 0], [0, 2]])
