"""The two projection reconstructions: P_N (closed form vs linear algebra) and E in the monomial basis."""

from __future__ import annotations

import math
from fractions import Fraction
from itertools import permutations

import pytest
from hypothesis import given, settings

from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.free.fock import mixed_moment
from combalg.free.projection import (
    check_projection_methods,
    check_self_similarity,
    conditional_expectation_matrix,
    jacobi_commutant_projection,
    jacobi_projection_entry,
    projection_report,
)
from combalg.strategies.free import projection_sizes

P2 = [[3, 0, 0, 3], [0, 3, 3, 0], [0, 3, 3, 0], [3, 0, 0, 3]]
P3 = [[3, 0, -1, 0, 2, 0, -1, 0, 3],
      [0, 2, 0, 2, 0, 2, 0, 2, 0],
      [-1, 0, 3, 0, 2, 0, 3, 0, -1],
      [0, 2, 0, 2, 0, 2, 0, 2, 0],
      [2, 0, 2, 0, 4, 0, 2, 0, 2],
      [0, 2, 0, 2, 0, 2, 0, 2, 0],
      [-1, 0, 3, 0, 2, 0, 3, 0, -1],
      [0, 2, 0, 2, 0, 2, 0, 2, 0],
      [3, 0, -1, 0, 2, 0, -1, 0, 3]]


@pytest.mark.parametrize("method", ["closed_form", "powers", "nullspace"])
def test_spec_small_instances(method):
    assert jacobi_commutant_projection(1, method).tolist() == [[1]]
    assert (6 * jacobi_commutant_projection(2, method)).tolist() == P2
    assert (8 * jacobi_commutant_projection(3, method)).tolist() == P3


def test_spec_max_entries():
    expected = [Fraction(1), Fraction(1, 2), Fraction(1, 2), Fraction(3, 10), Fraction(1, 3), Fraction(3, 14),
                Fraction(1, 4), Fraction(1, 6)]
    for N in range(1, 9):
        r = projection_report(jacobi_commutant_projection(N))
        assert r.max_abs_entry == expected[N - 1]
        assert r.max_abs_entry * 2 * (N + 1) == (4 if N % 2 else 3)


@settings(max_examples=12, deadline=None)
@given(projection_sizes(8))
def test_projection_properties(N):
    P = jacobi_commutant_projection(N)
    r = projection_report(P)
    assert r.idempotent and r.symmetric and r.trace == N and r.rank == N
    # closed form agrees with exact linear algebra (kernel basis, assumes nothing)
    assert P == jacobi_commutant_projection(N, "nullspace")
    assert P == jacobi_commutant_projection(N, "powers")


@pytest.mark.parametrize("N", [2, 3, 4, 5])
def test_symmetry_checkerboard_entries(N):
    P = jacobi_commutant_projection(N)
    den = 2 * (N + 1)
    for a in range(N):
        for b in range(N):
            for c in range(N):
                for d in range(N):
                    x = P[a * N + b, c * N + d]
                    assert int(x * den) * 1 == x * den and int(x * den) in (-1, 0, 1, 2, 3, 4)
                    if (a + b + c + d) % 2:
                        assert x == 0
                    for p in permutations((a, b, c, d)):
                        assert P[p[0] * N + p[1], p[2] * N + p[3]] == x


@pytest.mark.parametrize("N", [3, 4, 6])
def test_against_sine_eigenvectors(N):
    # independent float check: P[(a,b),(c,d)] = sum_j v_j(a) v_j(b) v_j(c) v_j(d)
    M = N + 1

    def v(j, a):
        return math.sqrt(2 / M) * math.sin(math.pi * j * (a + 1) / M)

    P = jacobi_commutant_projection(N)
    for a in range(N):
        for b in range(N):
            for c in range(N):
                for d in range(N):
                    f = sum(v(j, a) * v(j, b) * v(j, c) * v(j, d) for j in range(1, N + 1))
                    x = P[a * N + b, c * N + d]
                    assert abs(f - float(x)) < 1e-9
                    assert jacobi_projection_entry(N, a, b, c, d) == x == Fraction(x)


def test_factored_closed_form_equals_entrywise():
    from combalg.free.projection import projection_numerators, projection_numerators_factored

    for N in range(1, 13):
        num = projection_numerators(N)
        assert projection_numerators_factored(N).tolist() == num
        if N <= 5:
            for i in range(N * N):
                for j in range(N * N):
                    a, b = divmod(i, N)
                    c, d = divmod(j, N)
                    assert num[i][j] == jacobi_projection_entry(N, a, b, c, d) * 2 * (N + 1)


def test_self_similarity():
    for N in range(1, 8):
        assert check_self_similarity(N).ok
    for N in range(1, 4):
        assert check_self_similarity(N, method="nullspace").ok


def test_checks_reuse_a_given_projection():
    # the table builder passes the P_N it already has; the answers are those of recomputing it
    for N in range(1, 7):
        P = jacobi_commutant_projection(N)
        assert check_projection_methods(N, P=P).ok and check_self_similarity(N, P=P).ok
    P = jacobi_commutant_projection(3)
    P[0, 0] = P[0, 0] + 1
    r = check_projection_methods(3, P=P)
    assert not r and r.first_mismatch.where == ((0, 0), (0, 0))
    assert r.first_mismatch.left == r.first_mismatch.right + 1
    assert not check_self_similarity(3, P=P)
    for bad in (jacobi_commutant_projection(2), [[1]], "P"):
        with pytest.raises(InvalidInputError):
            check_projection_methods(3, P=bad)
        with pytest.raises(InvalidInputError):
            check_self_similarity(3, P=bad)


def test_methods_agree_12():
    assert check_projection_methods(12, ("closed_form", "powers", "nullspace")).ok


def test_projection_bad_input():
    for bad in (0, -1, 2.5, "3", True):
        with pytest.raises(InvalidInputError):
            jacobi_commutant_projection(bad)
    with pytest.raises(InvalidInputError):
        jacobi_commutant_projection(3, method="langer")
    with pytest.raises(ResourceLimitError):
        jacobi_commutant_projection(65)


# ------------------------------------------------------------- conditional expectation (candidate 2)
def test_E_spec_examples():
    E = conditional_expectation_matrix(2, 3)
    assert E.apply({(2, 2): 1}) == {(): 1}
    assert E.apply({(1, 2, 2): 1}) == {(1,): 1}
    assert E.apply({(2, 2, 1): 1}) == {(1,): 1}
    for w in [(2, 1, 2), (2, 1, 1), (1, 2, 1)]:
        assert E.apply({w: 1}) == {}


@pytest.mark.parametrize("d", [0, 1, 2, 3, 4])
def test_E_checks(d):
    assert all(conditional_expectation_matrix(2, d).check().values())


def test_E_freeness():
    # E[s_2 a s_2] = tau(a) for a = s_1^k, and E fixes polynomials in s_1
    E = conditional_expectation_matrix(2, 6)
    for k in range(5):
        tau = mixed_moment((1,) * k)
        assert E.apply({(2,) + (1,) * k + (2,): 1}) == ({(): tau} if tau else {})
        assert E.apply({(1,) * k: 1}) == {(1,) * k: 1}
    E2 = conditional_expectation_matrix(3, 3, generator=2)
    assert E2.apply({(1, 1): 1}) == {(): 1}
    assert all(E2.check().values())


@pytest.mark.parametrize("n, d, g", [(1, 4, 1), (2, 5, 1), (2, 5, 2), (3, 3, 2), (3, 4, 3)])
def test_E_equals_a_rational_solve_of_K_E_equals_Pi_K(n, d, g):
    # independent of the Neumann series used by conditional_expectation_matrix
    from flint import fmpq_mat

    E = conditional_expectation_matrix(n, d, generator=g)
    K = fmpq_mat(E.K.as_flint())
    assert E.E == K.solve(fmpq_mat(E.projection.as_flint()) * K)
    assert E.gram == E.K.transpose() * E.K


def test_E_bad_input():
    for args in [(0, 2), (2, -1), (2, 2, 3), ("2", 2)]:
        with pytest.raises(InvalidInputError):
            conditional_expectation_matrix(*args)
    with pytest.raises(ResourceLimitError):
        conditional_expectation_matrix(2, 20)
    with pytest.raises(InvalidInputError):
        conditional_expectation_matrix(2, 2).apply({(1, 3): 1})


# ------------------------------------------------------------- exhaustive sweeps (run with -m slow)
@pytest.mark.slow
def test_slow_methods_agree_to_16():
    for N in range(1, 17):
        assert check_projection_methods(N, ("closed_form", "powers", "nullspace")).ok


@pytest.mark.slow
def test_slow_entry_set_and_max_to_32():
    from combalg.free.projection import projection_numerators

    for N in range(1, 33):
        num = projection_numerators(N)
        values = {x for row in num for x in row}
        assert values <= {-1, 0, 1, 2, 3, 4}
        assert max(abs(x) for x in values) == (4 if N % 2 else 3)
        assert sum(num[i][i] for i in range(N * N)) == N * 2 * (N + 1)


@pytest.mark.slow
def test_slow_self_similarity_to_15():
    for N in range(1, 16):
        assert check_self_similarity(N).ok
    for N in range(4, 6):
        assert check_self_similarity(N, method="powers").ok


@pytest.mark.slow
def test_slow_E_degree_6():
    assert all(conditional_expectation_matrix(2, 6).check().values())
    assert all(conditional_expectation_matrix(3, 4).check().values())
