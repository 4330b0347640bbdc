"""Tour entries for the growth engine: RSK and the growth bijection on the cylinder."""

from __future__ import annotations

import random

from combalg.sweep.library import longest_weakly_increasing as _longest_weakly_increasing
from combalg.tour import TourRow, timed

ENGINE = "growth"


def _rsk_round_trip() -> TourRow:
    from combalg.growth import rsk, rsk_inverse

    rng = random.Random(2024)
    w = [rng.randint(1, 9) for _ in range(300)]

    def both():
        P, Q = rsk(w)
        return P, rsk_inverse(P, Q), _longest_weakly_increasing(w)

    (P, back, lis), s = timed(both)
    ok = back == w and len(P[0]) == lis
    return TourRow(ENGINE, "RSK round trip and Greene: first row of P vs longest weakly increasing subsequence (DP)",
                   "random word, n = 300, 9 letters", f"shape starts {tuple(len(r) for r in P[:4])}, LIS = {lis}",
                   ok, s)


def _insertion_vs_growth() -> TourRow:
    from combalg.growth import rsk

    rng = random.Random(7)
    p = list(range(1, 41))
    rng.shuffle(p)
    (fast, slow), s = timed(lambda: (rsk(p), rsk(p, method="growth")))
    return TourRow(ENGINE, "RSK: bisect row insertion vs Fomin growth diagram (local rules)",
                   "random permutation, n = 40", f"shape {tuple(len(r) for r in fast[0])}", fast == slow, s)


def _cylinder_bijection() -> TourRow:
    from combalg.core.series import euler_product
    from combalg.growth import cylinder_cells, cylinder_forward, cylinder_inverse

    profile, N = "110100", 10
    T = len(profile)
    try:
        from combalg.cylindric.enumeration import cylindric_partitions

        objects = list(cylindric_partitions(profile, max_weight=N))
    except ImportError:  # the enumerator is part of the cylindric engine
        return TourRow(ENGINE, "growth bijection (reconstruction of Langer's) vs Borodin's product",
                       f"pi = {profile}, |Lambda| <= {N}", "cylindric enumerator not available", None, 0.0)

    def both():
        counts = [0] * (N + 1)
        images = set()
        ok = True
        for cp in objects:
            nu, m = cylinder_forward(cp)
            ok &= T * sum(nu) + sum(d * v for (_, d), v in m.items()) == cp.weight
            ok &= cylinder_inverse(profile, nu, m) == cp
            images.add((nu, tuple(m.items())))
            counts[cp.weight] += 1
        ok &= len(images) == len(objects)
        factors: dict[int, int] = {}
        for _, d in cylinder_cells(profile, N):
            factors[d] = factors.get(d, 0) + 1
        for n in range(1, N // T + 1):
            factors[n * T] = factors.get(n * T, 0) + 1
        product = euler_product(factors, N + 1).coefficients()
        return ok, counts, [int(c) for c in product]

    euler_product({1: 1}, 2)  # warm the series core's lazy imports before timing
    (ok, counts, product), s = timed(both)
    return TourRow(ENGINE, "growth bijection (reconstruction of Langer's): per-weight counts of (nu, m) "
                   "vs Borodin's product; inverse, weight identity, injectivity",
                   f"pi = {profile}, |Lambda| <= {N}, {len(objects)} objects",
                   f"counts {counts[:6]}...", ok and counts == product, s)


def run() -> list[TourRow]:
    """The growth engine's tour rows."""
    return [_rsk_round_trip(), _insertion_vs_growth(), _cylinder_bijection()]
