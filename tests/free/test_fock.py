"""Fock space, semicircular generators, mixed moments, Chebyshev/Wick bases."""

from __future__ import annotations

from itertools import product

import pytest
from hypothesis import given, settings

from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.free.fock import (
    FockSpace,
    SparseMatrix,
    apply_polynomial,
    apply_right_semicircular,
    apply_semicircular,
    apply_word,
    chebyshev_u,
    count_colour_pairings,
    mixed_moment,
    monomial_to_tensor_matrix,
    wick_polynomial,
    words_up_to,
)
from combalg.strategies.free import generator_words


def brute_pairings(word):
    """All perfect matchings, checked non-crossing and colour-respecting (independent of the module)."""
    def matchings(pts):
        if not pts:
            yield []
            return
        a = pts[0]
        for i in range(1, len(pts)):
            for rest in matchings(pts[1:i] + pts[i + 1:]):
                yield [(a, pts[i])] + rest

    count = 0
    for m in matchings(list(range(len(word)))):
        if all(word[a] == word[b] for a, b in m) and not any(
                a < c < b < d for (a, b) in m for (c, d) in m):
            count += 1
    return count


def test_spec_oracles():
    assert [mixed_moment((1,) * (2 * k)) for k in range(9)] == [1, 1, 2, 5, 14, 42, 132, 429, 1430]
    assert [mixed_moment(w) for w in [(1, 1, 2, 2), (1, 2, 1, 2), (1, 2, 2, 1), (1, 1, 1, 1)]] == [1, 0, 1, 2]
    assert mixed_moment((1, 2, 3, 3, 2, 1)) == 1 and mixed_moment((1, 2, 1, 2, 1, 2)) == 0


def test_one_variable_catalan_to_20_by_operator():
    cat = [1, 1, 2, 5, 14, 42, 132, 429, 1430, 4862, 16796]
    for k in range(21):
        assert mixed_moment((1,) * k, method="operator") == (0 if k % 2 else cat[k // 2])


def test_two_letter_words_to_length_10():
    for k in range(11):
        for w in product((1, 2), repeat=k):
            op = mixed_moment(w, method="operator")
            assert op == count_colour_pairings(w) == mixed_moment(w, method="dp")
            if k <= 8:
                assert op == brute_pairings(w)


@settings(max_examples=50, deadline=None)
@given(generator_words(3, 12))
def test_three_methods_agree(w):
    assert mixed_moment(w, "dp") == mixed_moment(w, "operator") == mixed_moment(w, "pairings")


def test_fock_space_matrices():
    F = FockSpace(2, 4)
    assert F.dimension == 31
    I_below = F.length_projection(3)
    for i in (1, 2):
        for j in (1, 2):
            prod = F.left_annihilation(i) @ F.left_creation(j)
            assert prod == (I_below if i == j else SparseMatrix((31, 31)))
            prod = F.right_annihilation(i) @ F.right_creation(j)
            assert prod == (I_below if i == j else SparseMatrix((31, 31)))
        s = F.semicircular(i)
        assert s == s.transpose()
    # [s_a, d_b] = 0 away from the truncation (on words of length <= max_length - 2)
    low = F.length_projection(2)
    for a in (1, 2):
        for b in (1, 2):
            s, d = F.semicircular(a), F.right_semicircular(b)
            assert (s @ d - d @ s) @ low == SparseMatrix((31, 31))


def test_fock_space_moments_match():
    F = FockSpace(2, 5)
    for k in range(11):
        for w in product((1, 2), repeat=k):
            if k <= 6 or w.count(1) % 2 == 0:
                assert F.mixed_moment(w) == mixed_moment(w)


def test_right_multiplication_is_d():
    # x s_a Omega = d_a x Omega for every monomial x
    for w in words_up_to(2, 5):
        for a in (1, 2):
            assert apply_word(w + (a,)) == apply_right_semicircular(a, apply_word(w))
            # s_a and d_b commute on Fock vectors
            for b in (1, 2):
                v = {w: 1}
                assert apply_semicircular(a, apply_right_semicircular(b, v)) == \
                    apply_right_semicircular(b, apply_semicircular(a, v))


def test_chebyshev_gives_tensor_powers():
    for k in range(15):
        poly = {(1,) * j: c for j, c in enumerate(chebyshev_u(k)) if c}
        assert apply_polynomial(poly) == {(1,) * k: 1}


def test_wick_basis():
    for t in words_up_to(3, 5):
        assert apply_polynomial(wick_polynomial(t)) == {t: 1}


def test_monomial_to_tensor_unitriangular():
    ws, K = monomial_to_tensor_matrix(2, 4)
    n = len(ws)
    for i in range(n):
        assert K[i, i] == 1
        for j in range(n):
            if len(ws[i]) > len(ws[j]):
                assert K[i, j] == 0
            assert K[i, j] >= 0
    # first row = moments
    assert [int(K[0, j]) for j in range(n)] == [mixed_moment(w) for w in ws]


def test_bad_input():
    with pytest.raises(InvalidInputError):
        FockSpace(0, 3)
    with pytest.raises(InvalidInputError):
        FockSpace(2, -1)
    with pytest.raises(InvalidInputError):
        FockSpace(2, 3).mixed_moment((1, 3))
    with pytest.raises(InvalidInputError):
        FockSpace(2, 3).semicircular(3)
    with pytest.raises(InvalidInputError):
        FockSpace(2, 2).mixed_moment((1,) * 6)  # truncation too small
    with pytest.raises(InvalidInputError):
        mixed_moment((1, 2, 3), n_generators=2)
    with pytest.raises(InvalidInputError):
        mixed_moment((0, 1))
    with pytest.raises(InvalidInputError):
        mixed_moment("12")
    with pytest.raises(InvalidInputError):
        mixed_moment((1, 1), n_generators=0)
    with pytest.raises(InvalidInputError):
        mixed_moment((1, 1), method="magic")


def test_resource_limit_before_allocating():

    with pytest.raises(ResourceLimitError):
        FockSpace(2, 60)  # 2^61 - 1 words
    with pytest.raises(ResourceLimitError):
        FockSpace(3, 6, max_words=1000)
    assert FockSpace(3, 6, max_words=1093).dimension == 1093


@pytest.mark.slow
def test_slow_three_letter_words_to_length_10():
    for k in range(11):
        for w in product((1, 2, 3), repeat=k):
            assert mixed_moment(w, "dp") == count_colour_pairings(w)


def test_sum_of_two_semicirculars_operator_model():
    # tau((s_1 + s_2)^k) on the Fock space: 1, 2, 8, 40, 224 for k = 0, 2, 4, 6, 8 (spec oracle)
    F = FockSpace(2, 4)
    S = F.semicircular(1) + F.semicircular(2)
    v = F.vacuum_vector()
    moments = [1]
    for _ in range(8):
        v = S @ v
        moments.append(v[0])
    assert moments[0::2] == [1, 2, 8, 40, 224]
    assert moments[1::2] == [0, 0, 0, 0]
