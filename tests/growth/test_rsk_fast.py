"""The fast insertion path of RSK against plain letter-by-letter insertion.

The fast path (``insert_two_line``) has three branches: distinct small
nonnegative letters are inserted directly (one row, then bands of rows, at a
time); words with few distinct letters go through plain row-by-row binary
search; other words are standardized and their inverse standardization is
inserted.  Every branch, and the one-row and band loops inside the direct
branch, is compared here with an insertion written from the definition.
"""

from __future__ import annotations

import importlib
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from combalg.core.errors import InvalidInputError
from combalg.growth import insert_two_line, rsk, two_line_array
from combalg.strategies.growth import nonnegative_matrices, permutations, words

# the module (the package attribute ``rsk`` is the function)
_fast = importlib.import_module("combalg.growth.insertion")


# ----------------------------------------------------------------- oracle
def naive_insertion(top, bottom):
    """Insert the letters of ``bottom`` one at a time; scan each row from the left."""
    P, Q = [], []
    for t, x in zip(top, bottom):
        r = 0
        while True:
            if r == len(P):
                P.append([x])
                Q.append([t])
                break
            row = P[r]
            k = 0
            while k < len(row) and row[k] <= x:
                k += 1
            if k == len(row):
                row.append(x)
                Q[r].append(t)
                break
            row[k], x = x, row[k]
            r += 1
    return tuple(map(tuple, P)), tuple(map(tuple, Q))


def naive_word(w):
    return naive_insertion(range(1, len(w) + 1), w)


def as_tuples(PQ):
    P, Q = PQ
    return tuple(map(tuple, P)), tuple(map(tuple, Q))


# ----------------------------------------------------------------- strategies
distinct_small = st.integers(min_value=0, max_value=60).flatmap(
    lambda n: st.permutations(range(n))
)

# distinct nonnegative letters with gaps (direct branch when max <= 2n)
partial_permutations = st.lists(
    st.integers(min_value=0, max_value=80), unique=True, max_size=40
)

# many distinct letters with repeats (standardized branch needs > 64 distinct)
wide_words = st.lists(st.integers(min_value=-500, max_value=500), min_size=0, max_size=260)


# ----------------------------------------------------------------- properties
@settings(max_examples=150, deadline=None)
@given(words(max_length=30, max_letter=8))
def test_words_agree_with_naive(w):
    assert rsk(w) == naive_word(w)


@settings(max_examples=150, deadline=None)
@given(permutations(max_size=40))
def test_permutations_agree_with_naive(p):
    assert rsk(p) == naive_word(p)


@settings(max_examples=100, deadline=None)
@given(distinct_small)
def test_zero_based_permutations_agree_with_naive(p):
    assert rsk(list(p)) == naive_word(list(p))


@settings(max_examples=100, deadline=None)
@given(partial_permutations)
def test_distinct_letters_with_gaps_agree_with_naive(w):
    assert rsk(w) == naive_word(w)


@settings(max_examples=60, deadline=None)
@given(wide_words)
def test_words_over_wide_alphabets_agree_with_naive(w):
    assert rsk(w) == naive_word(w)


@settings(max_examples=100, deadline=None)
@given(nonnegative_matrices(max_rows=5, max_cols=5, max_entry=3))
def test_matrices_agree_with_naive(A):
    top, bottom = two_line_array(A)
    assert rsk(A) == naive_insertion(top, bottom)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 200)), max_size=150))
def test_two_line_arrays_agree_with_naive(pairs):
    # lexicographically sorted pairs: top weakly increasing, many distinct bottoms
    pairs.sort()
    top = [a for a, _ in pairs]
    bottom = [b for _, b in pairs]
    assert insert_two_line(top, bottom) == naive_insertion(top, bottom)


@st.composite
def deep_permutations(draw, max_size=90):
    """A random merge of at most 4 decreasing sequences: at most 4 columns, many rows."""
    n = draw(st.integers(min_value=1, max_value=max_size))
    k = draw(st.integers(min_value=1, max_value=4))
    rnd = draw(st.randoms(use_true_random=False))
    seqs = [[] for _ in range(k)]
    for v in range(n - 1, -1, -1):
        seqs[rnd.randrange(k)].append(v)
    word = []
    while any(seqs):
        seq = rnd.choice([s for s in seqs if s])
        word.append(seq.pop(0))
    return word


@settings(max_examples=80, deadline=None)
@given(deep_permutations())
def test_deep_tableaux_agree_with_naive(p):
    """Narrow, deep shapes: the letters are inserted in bands of eight rows."""
    assert rsk(p) == naive_word(p)


@settings(max_examples=80, deadline=None)
@given(st.one_of(distinct_small, deep_permutations()), st.integers(min_value=0, max_value=100))
def test_band_and_row_loops_agree_with_naive(p, max_rows):
    """The internal loop directly, with every choice between bands and single rows."""
    p = list(p)
    if not p:
        return
    times = [10 * k for k in range(len(p))]
    got = as_tuples(_fast._insert_distinct(p, times, len(p), max_rows))
    assert got == naive_insertion(times, p)


# ----------------------------------------------------------------- deep and wide examples
@pytest.mark.parametrize("n", [1, 2, 9, 17, 40, 100])
def test_decreasing_permutations(n):
    """One column of n boxes: every band of rows is used, each row of length 1."""
    w = list(range(n, 0, -1))
    assert rsk(w) == naive_word(w)
    P, Q = rsk(w)
    assert P == tuple((k,) for k in range(1, n + 1))


@pytest.mark.parametrize("seed", range(4))
def test_large_random_permutation(seed):
    rng = random.Random(seed)
    p = list(range(1, 1501))
    rng.shuffle(p)
    assert rsk(p) == naive_word(p)


@pytest.mark.parametrize("seed", range(3))
def test_large_random_words(seed):
    rng = random.Random(100 + seed)
    for alphabet in (3, 64, 65, 300, 5000):
        w = [rng.randint(-alphabet, alphabet) for _ in range(800)]
        assert rsk(w) == naive_word(w)


def test_walks_far_to_the_left():
    """Letters bumped from the right end of a row land at the left end of the next."""
    m = 200
    w = list(range(10 * m + 1, 11 * m + 1)) + list(range(10, 10 * m + 1, 10))
    w += list(range(10 * m - 5, 0, -10))
    assert rsk(w) == naive_word(w)


def test_branches_agree_with_each_other():
    rng = random.Random(7)
    p = list(range(300))
    rng.shuffle(p)
    top = list(range(1, 301))
    direct = insert_two_line(top, p)
    plain = _fast._insert_rows(top, p)
    shifted = insert_two_line(top, [10**9 + v for v in p])  # standardized branch
    assert direct == plain
    assert shifted[1] == direct[1]
    assert shifted[0] == tuple(tuple(10**9 + v for v in row) for row in direct[0])


def test_growth_path_agrees():
    rng = random.Random(11)
    p = list(range(1, 61))
    rng.shuffle(p)
    assert rsk(p) == rsk(p, method="growth")


def test_empty_and_single():
    assert insert_two_line([], []) == ((), ())
    assert insert_two_line([5], [0]) == (((0,),), ((5,),))


def test_lengths_must_match():
    with pytest.raises(InvalidInputError, match="equal length"):
        insert_two_line([1, 2], [1])
