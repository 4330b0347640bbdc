"""Free probability: moment-cumulant maps and the commutant projection P_N.

* moments <-> free cumulants to order 200 (series reversion in FLINT), against
  the naive quadratic-in-powers recursion on Python Fractions at order 40 and the
  sum over non-crossing partitions at order 10;
* P_N by the closed form (N = 12 and N = 32, a 1024 x 1024 exact matrix),
  against exact linear algebra (exact kernel basis of X (x) 1 - 1 (x) X, and the
  span of the powers of X) at the same N;
* the conditional expectation matrix E = K^-1 Pi K in the monomial basis (by a
  finite Neumann series for the unitriangular K) against a rational solve.
"""

from __future__ import annotations

import random
from fractions import Fraction

from benchmarks.runner import Benchmark, measure


def _naive_moments(k: list[Fraction]) -> list[Fraction]:
    """m_n = sum_s k_s [z^(n-s)] M(z)^s, keeping every power of M (pure Python, O(n^3) operations)."""
    n = len(k)
    m = [Fraction(1)] + [Fraction(0)] * n
    for d in range(1, n + 1):
        # powers of M truncated at degree d - 1 (all moments below d are known)
        total = Fraction(0)
        power = [Fraction(1)] + [Fraction(0)] * (d - 1)  # M^0
        for s in range(1, d + 1):
            power = [sum((power[i] * m[j - i] for i in range(j + 1)), Fraction(0)) for j in range(d)]
            total += k[s - 1] * power[d - s]
        m[d] = total
    return m[1:]


def _nc_sum(k: list[Fraction]) -> list[Fraction]:
    from combalg.free.cumulants import free_cumulants_to_moments_by_partitions

    return free_cumulants_to_moments_by_partitions(k)


def benchmarks() -> list[Benchmark]:
    """Moment-cumulant maps to order 200; P_N closed form at N = 12 and 32; conditional expectation."""
    from combalg.free.cumulants import free_cumulants_to_moments, moments_to_free_cumulants
    from combalg.free.projection import jacobi_commutant_projection

    rng = random.Random(7)
    out: list[Benchmark] = []

    k200 = [Fraction(rng.randint(-9, 9), rng.randint(1, 9)) for _ in range(200)]
    m200, t_fwd = measure(lambda: free_cumulants_to_moments(k200), repeat=3)
    back, t_back = measure(lambda: moments_to_free_cumulants(m200), repeat=3)
    assert back == k200
    naive40, t_naive = measure(lambda: _naive_moments(k200[:40]))
    assert naive40 == m200[:40]
    out.append(Benchmark("free cumulants -> moments, order 200", t_fwd, "naive power recursion (Fractions), order 40",
                         t_naive, "< 1 s", "baseline at order 40 only; results agree there"))
    out.append(Benchmark("moments -> free cumulants, order 200", t_back, "naive power recursion (Fractions), order 40",
                         t_naive, "< 1 s", "round trip exact"))

    k10 = k200[:10]
    fast10, t_fast10 = measure(lambda: free_cumulants_to_moments(k10), repeat=5)
    slow10, t_slow10 = measure(lambda: _nc_sum(k10))
    assert fast10 == slow10
    out.append(Benchmark("free cumulants -> moments, order 10", t_fast10, "sum over NC(n)", t_slow10,
                         "faster than the NC sum", "same 10 moments"))

    jacobi_commutant_projection(2)  # warm up numpy
    P12, t_cf12 = measure(lambda: jacobi_commutant_projection(12), repeat=3)
    Q12, t_ns12 = measure(lambda: jacobi_commutant_projection(12, "nullspace"), repeat=3)
    R12, t_pw12 = measure(lambda: jacobi_commutant_projection(12, "powers"), repeat=3)
    assert P12 == Q12 == R12
    out.append(Benchmark("P_12 closed form (144 x 144)", t_cf12, "exact kernel + B(B^T B)^-1 B^T", t_ns12,
                         "ratio printed", "same matrix"))
    out.append(Benchmark("P_12 closed form (144 x 144)", t_cf12, "powers of X + B(B^T B)^-1 B^T", t_pw12,
                         "ratio printed", "same matrix; the powers route only multiplies N^2 x N matrices, "
                                          "the closed form builds all N^4 entries"))
    P32, t_cf32 = measure(lambda: jacobi_commutant_projection(32))
    R32, t_pw32 = measure(lambda: jacobi_commutant_projection(32, "powers"))
    assert P32 == R32
    out.append(Benchmark("P_32 closed form (1024 x 1024 exact)", t_cf32, "powers of X + B(B^T B)^-1 B^T", t_pw32,
                         "< 2 s", "same matrix"))


    from combalg.free.projection import conditional_expectation_matrix

    def solve(C):  # the direct route: an n x n rational solve of K E = Pi K
        K = C.K.as_flint()
        return K.solve(C.projection.as_flint() * K)

    C8, t_ce8 = measure(lambda: conditional_expectation_matrix(2, 8), repeat=3)
    E8, t_solve8 = measure(lambda: solve(C8))
    assert C8.E == E8
    _, t_ce10 = measure(lambda: conditional_expectation_matrix(2, 10))
    out.append(Benchmark("conditional expectation onto W*(s_1), 2 generators, degree 8 (511 words)", t_ce8,
                         "fmpq solve of K E = Pi K", t_solve8, "ratio printed",
                         f"same matrix; degree 10 (2047 words) takes {t_ce10:.2f} s"))
    return out
