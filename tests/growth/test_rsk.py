"""RSK: examples, property tests, Greene's theorem, insertion versus growth diagrams."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings

from combalg.core.errors import InvalidInputError
from combalg.growth import (
    GrowthDiagram,
    RuleRSK,
    is_semistandard,
    is_standard,
    rsk,
    rsk_inverse,
    tableau_shape,
    two_line_array,
)
from combalg.strategies.growth import nonnegative_matrices, permutations, words


# ----------------------------------------------------------------- oracles
def naive_rsk(top, bottom):
    """Letter-by-letter row insertion, written plainly (no bisect)."""
    P, Q = [], []
    for t, x in zip(top, bottom):
        r = 0
        while True:
            if r == len(P):
                P.append([x])
                Q.append([t])
                break
            row = P[r]
            k = next((k for k, v in enumerate(row) if v > x), None)
            if k is None:
                row.append(x)
                Q[r].append(t)
                break
            row[k], x = x, row[k]
            r += 1
    return tuple(map(tuple, P)), tuple(map(tuple, Q))


def longest_weakly_increasing(w):
    best = [1] * len(w)
    for i in range(len(w)):
        for j in range(i):
            if w[j] <= w[i]:
                best[i] = max(best[i], best[j] + 1)
    return max(best, default=0)


def longest_strictly_decreasing(w):
    best = [1] * len(w)
    for i in range(len(w)):
        for j in range(i):
            if w[j] > w[i]:
                best[i] = max(best[i], best[j] + 1)
    return max(best, default=0)


# ----------------------------------------------------------------- examples
def test_sage_permutation_example():
    # SageMath growth.py: RSK([2,3,6,1,4,5])
    P, Q = rsk([2, 3, 6, 1, 4, 5])
    assert P == ((1, 3, 4, 5), (2, 6))
    assert Q == ((1, 2, 3, 6), (4, 5))


def test_sage_out_labels_example():
    # SageMath's out_labels for [2,3,6,1,4,5], read backwards (its diagram is our transpose)
    sage = [[], [1], [2], [3], [3, 1], [3, 2], [4, 2], [4, 1], [3, 1], [2, 1], [1, 1], [1], []]
    G = GrowthDiagram(RuleRSK(), [2, 3, 6, 1, 4, 5])
    assert G.out_labels() == [tuple(p) for p in reversed(sage)]


def test_sage_matrix_example():
    # SageMath: RuleRSK(m) has P=[[1,2,2,2,3],[2,3],[3]], Q=[[1,2,2,2,2],[4,4],[5]] with rows of m
    # in P; ours puts columns in P, so the two swap
    m = [[0, 0, 0, 0, 1], [1, 1, 0, 2, 0], [0, 3, 0, 0, 0]]
    P, Q = rsk(m)
    assert P == ((1, 2, 2, 2, 2), (4, 4), (5,))
    assert Q == ((1, 2, 2, 2, 3), (2, 3), (3,))
    assert rsk(m, method="growth") == (P, Q)
    assert rsk_inverse(P, Q, output="matrix") == m


def test_empty():
    assert rsk([]) == ((), ())
    assert rsk_inverse((), ()) == []


def test_two_line_array():
    assert two_line_array([[0, 2], [1, 0]]) == ([1, 1, 2], [2, 2, 1])


# ----------------------------------------------------------------- properties
@settings(max_examples=150, deadline=None)
@given(words(max_length=14, max_letter=5))
def test_word_round_trip_and_tableaux(w):
    P, Q = rsk(w)
    assert rsk_inverse(P, Q) == w
    assert is_semistandard(P) and is_standard(Q)
    assert tableau_shape(P) == tableau_shape(Q)
    assert sum(tableau_shape(P)) == len(w)
    assert sorted(v for r in P for v in r) == sorted(w)
    assert (P, Q) == naive_rsk(range(1, len(w) + 1), w)


@settings(max_examples=150, deadline=None)
@given(words(max_length=14, max_letter=5))
def test_greene_first_row_and_column(w):
    P, _ = rsk(w)
    shape = tableau_shape(P)
    assert (shape[0] if shape else 0) == longest_weakly_increasing(w)
    assert len(shape) == longest_strictly_decreasing(w)


@settings(max_examples=100, deadline=None)
@given(permutations(max_size=9))
def test_permutation_symmetry_and_growth(p):
    P, Q = rsk(p)
    assert is_standard(P) and is_standard(Q)
    inv = [0] * len(p)
    for i, v in enumerate(p):
        inv[v - 1] = i + 1
    assert rsk(inv) == (Q, P)
    if p:
        assert rsk(p, method="growth") == (P, Q)
        G = GrowthDiagram(RuleRSK(), labels=GrowthDiagram(RuleRSK(), p).out_labels())
        assert G.to_word() == p


@settings(max_examples=100, deadline=None)
@given(nonnegative_matrices(max_rows=4, max_cols=4, max_entry=2))
def test_matrix_round_trip(A):
    P, Q = rsk(A)
    assert is_semistandard(P) and is_semistandard(Q)
    assert tableau_shape(P) == tableau_shape(Q)
    assert sum(tableau_shape(P)) == sum(map(sum, A))
    assert (P, Q) == naive_rsk(*two_line_array(A))
    assert (P, Q) == rsk(A, method="growth")
    if (P, Q) != ((), ()):
        M = rsk_inverse(P, Q, output="matrix")
        # trailing zero rows/columns are not recorded by (P, Q)
        padded = [row + [0] * (len(A[0]) - len(row)) for row in M] + [
            [0] * len(A[0]) for _ in range(len(A) - len(M))
        ]
        assert padded == A
        # RSK symmetry: the transpose swaps P and Q
        At = [list(c) for c in zip(*A)]
        assert rsk(At) == (Q, P)


def test_random_large_permutation_against_naive():
    rng = random.Random(11)
    p = list(range(1, 401))
    rng.shuffle(p)
    assert rsk(p) == naive_rsk(range(1, 401), p)
    assert rsk_inverse(*rsk(p)) == p


# ----------------------------------------------------------------- errors
def test_bad_inputs():
    with pytest.raises(InvalidInputError, match="semistandard"):
        rsk_inverse(((2, 1),), ((1, 2),))
    with pytest.raises(InvalidInputError, match="equal shapes"):
        rsk_inverse(((1, 2),), ((1,), (2,)))
    with pytest.raises(InvalidInputError, match="standard"):
        rsk_inverse(((1, 2),), ((1, 1),), output="word")
    with pytest.raises(InvalidInputError, match=r"\(1, 0\)"):
        rsk([[1, 0], [-1, 2]])
    with pytest.raises(InvalidInputError, match="method"):
        rsk([1, 2], method="magic")


def test_growth_path_with_sparse_and_negative_letters():
    w = [10**6, -3, 0, 10**6, 7, -3]
    assert rsk(w, method="growth") == rsk(w) == naive_rsk(range(1, 7), w)
    assert rsk_inverse(*rsk(w)) == w


# ---------------------------------------------------------------- review additions
@pytest.mark.parametrize("bad", [None, 5, "312", b"12"])
def test_rsk_rejects_non_sequences_and_text(bad):
    with pytest.raises(InvalidInputError):
        rsk(bad)


def test_rsk_refuses_a_huge_two_line_array():
    from combalg.core.errors import ResourceLimitError

    with pytest.raises(ResourceLimitError, match="MAX_TWO_LINE"):
        rsk([[10**9]])


def test_duality_check_validates_and_limits_its_arguments():
    from combalg.core.errors import ResourceLimitError
    from combalg.growth import RuleBurge, RuleRSK

    with pytest.raises(ResourceLimitError):
        RuleRSK().check_duality(max_rank=100)
    for bad in [-1, 2.5, "3", True]:
        with pytest.raises(InvalidInputError):
            RuleRSK().check_duality(max_rank=bad)
    with pytest.raises(ResourceLimitError):
        RuleBurge().forward_rule((), (), (), 10**9)
