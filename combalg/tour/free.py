"""Tour entries for the free-probability engine: each identity computed by two independent methods."""

from __future__ import annotations

from fractions import Fraction
from itertools import product

from combalg.tour import TourRow, timed

ENGINE = "free"


def _catalan_moments() -> TourRow:
    from combalg.free.cumulants import semicircle_moments
    from combalg.free.fock import mixed_moment

    def both():
        op = [mixed_moment((1,) * k, method="operator") for k in range(1, 21)]
        return op, semicircle_moments(20)

    (op, cat), s = timed(both)
    return TourRow(ENGINE, "tau(s^k): Fock-space operator model vs Catalan numbers", "k <= 20",
                   f"tau(s^20) = {op[-1]}", op == cat, s)


def _mixed_moments() -> TourRow:
    from combalg.free.fock import count_colour_pairings, mixed_moment

    def both():
        bad = 0
        total = 0
        for k in range(9):
            for w in product((1, 2), repeat=k):
                total += 1
                if mixed_moment(w, method="operator") != count_colour_pairings(w):
                    bad += 1
        return bad, total

    (bad, total), s = timed(both)
    return TourRow(ENGINE, "mixed moments tau(s_w): operators vs colour-respecting NC pairings",
                   "2 letters, |w| <= 8", f"{total} words", bad == 0, s)


def _moment_cumulant() -> TourRow:
    from combalg.free.cumulants import (
        free_cumulants_to_moments,
        free_cumulants_to_moments_by_partitions,
    )

    k = [Fraction(1, d) for d in range(1, 11)]
    (fast, slow), s = timed(lambda: (free_cumulants_to_moments(k), free_cumulants_to_moments_by_partitions(k)))
    return TourRow(ENGINE, "moments from free cumulants: series reversion vs sum over NC(n)", "k_n = 1/n, n <= 10",
                   f"m_10 = {fast[-1]}", fast == slow, s)


def _free_convolution() -> TourRow:
    from combalg.free.cumulants import free_additive_convolution, semicircle_moments
    from combalg.free.fock import apply_semicircular, vacuum

    def both():
        conv = free_additive_convolution(semicircle_moments(10), semicircle_moments(10))
        v = vacuum()
        ops = []
        for _ in range(10):
            a, b = apply_semicircular(1, v), apply_semicircular(2, v)
            v = {w: a.get(w, 0) + b.get(w, 0) for w in set(a) | set(b)}
            v = {w: c for w, c in v.items() if c}
            ops.append(v.get((), 0))
        return conv, ops

    (conv, ops), s = timed(both)
    return TourRow(ENGINE, "s_1 + s_2: free additive convolution vs operator model on the Fock space",
                   "moments to order 10", f"m_2k = 2^k C_k: {[conv[i] for i in range(1, 10, 2)]}", conv == ops, s)


def _commutant() -> TourRow:
    from combalg.free.commutant import (
        commutant_dimension,
        commutant_dimension_by_sectors,
    )

    def both():
        rank = [commutant_dimension([1], d) for d in range(7)]
        sectors = [commutant_dimension_by_sectors(1, d) for d in range(7)]
        two = [commutant_dimension([1, 2], d) for d in range(7)]
        return rank, sectors, two

    (rank, sectors, two), s = timed(both)
    ok = rank == sectors and two == [1] * 7
    return TourRow(ENGINE, "commutant of s_1: exact rank of ad(s_1) vs sector decomposition; of s_1, s_2: scalars",
                   "n = 2, degree <= 6", f"dims {rank[-1]} (= d+1) and {two[-1]} (factor)", ok, s)


def _projection() -> TourRow:
    from combalg.free.projection import (
        check_projection_methods,
        jacobi_commutant_projection,
        projection_report,
    )

    def both():
        return check_projection_methods(8), projection_report(jacobi_commutant_projection(8))

    (mm, r), s = timed(both)
    return TourRow(ENGINE, "commutant projection P_N (reconstruction): closed form vs exact kernel",
                   "N = 8 (64 x 64)", f"trace {r.trace}, max entry {r.max_abs_entry}",
                   mm.ok and r.is_orthogonal_projection, s)


def _self_similarity() -> TourRow:
    from combalg.free.projection import check_self_similarity

    (res, s) = timed(lambda: [check_self_similarity(N) for N in range(1, 8)])
    return TourRow(ENGINE, "self-similarity P_{2N+1}|odd = P_N / 2 (reconstruction)", "N <= 7",
                   "exact" if all(res) else "fails", all(res), s)


def _expectation() -> TourRow:
    from combalg.free.fock import mixed_moment
    from combalg.free.projection import conditional_expectation_matrix

    def both():
        E = conditional_expectation_matrix(2, 6)
        lhs = [E.apply({(2,) + (1,) * k + (2,): 1}).get((), 0) for k in range(5)]
        rhs = [mixed_moment((1,) * k) for k in range(5)]
        return lhs, rhs, all(E.check().values())

    (lhs, rhs, ok), s = timed(both)
    return TourRow(ENGINE, "E[s_2 s_1^k s_2] = tau(s_1^k): conditional expectation (monomial basis) vs moments",
                   "n = 2, degree 6", f"{lhs}", lhs == rhs and ok, s)


def run() -> list[TourRow]:
    """Run the free-probability tour entries (about a second in all)."""
    return [_catalan_moments(), _mixed_moments(), _moment_cumulant(), _free_convolution(), _commutant(),
            _projection(), _self_similarity(), _expectation()]
