"""Growth diagrams: RSK by row insertion and the growth bijection on the cylinder.

* ``rsk`` of a random permutation of size 20 000 (one row, then bands of eight
  rows, per pass over the bumped letters, with column hints from the row
  above), against plain row-by-row insertion with one binary search per
  bumped letter at the same size, against naive letter-by-letter insertion
  with linear scans at size 5 000, and against the growth-diagram path (local
  rules on the full grid) at size 300; wall and process CPU time are both
  reported, since the wall time of a loaded machine is not the code's;
* the growth bijection (reconstruction of Langer's) on random cylindric
  partitions of weight 30 for the profile 110100, per object, forward and
  inverse; the baseline is a plain growth-diagram sweep that recomputes the
  word-only flip schedule for every object.
"""

from __future__ import annotations

import random
import time

from benchmarks.runner import Benchmark, measure


def _naive_rsk(word: list[int]):
    """Letter-by-letter row insertion with linear scans (pure Python)."""
    P: list[list[int]] = []
    Q: list[list[int]] = []
    for t, x in enumerate(word, 1):
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


def _wall_and_cpu(fn, repeat: int = 3):
    """Run ``fn`` ``repeat`` times: last result, best wall time, best process CPU time."""
    best_wall = best_cpu = float("inf")
    result = None
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        result = fn()
        best_wall = min(best_wall, time.perf_counter() - w0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    return result, best_wall, best_cpu


def _weight_30_pairs(profile: str, count: int, rng: random.Random):
    from combalg.growth import cylinder_cells

    T = len(profile)
    cells = cylinder_cells(profile, 30)
    pairs = []
    for _ in range(count):
        rest = 30
        nu: tuple[int, ...] = ()
        if rng.random() < 0.5:
            nu = (2, 1)
            rest -= T * 3
        m: dict = {}
        while rest > 0:
            cell = rng.choice([c for c in cells if c[1] <= rest])
            m[cell] = m.get(cell, 0) + 1
            rest -= cell[1]
        pairs.append((nu, dict(sorted(m.items()))))
    return pairs


def benchmarks() -> list[Benchmark]:
    """RSK at n = 20 000 and the cylinder bijection at weight 30."""
    from combalg.growth import cylinder_forward, cylinder_inverse, rsk, rsk_inverse

    rng = random.Random(2024)
    out: list[Benchmark] = []

    n = 20000
    perm = list(range(1, n + 1))
    rng.shuffle(perm)
    (P, Q), t_fast, cpu_fast = _wall_and_cpu(lambda: rsk(perm), repeat=5)
    back, t_inv = measure(lambda: rsk_inverse(P, Q), repeat=1)
    assert back == perm
    from combalg.growth.insertion import _insert_rows

    plain, t_plain, cpu_plain = _wall_and_cpu(lambda: _insert_rows(list(range(1, n + 1)), perm), repeat=3)
    assert plain == (P, Q)
    out.append(Benchmark("rsk, random permutation n = 20000", t_fast,
                         "row-by-row bisect insertion, n = 20000", t_plain, "< 0.15 s",
                         f"best of 5; process CPU time {cpu_fast:.3f} s (baseline {cpu_plain:.3f} s); "
                         "results agree"))
    out.append(Benchmark("rsk_inverse, same permutation", t_inv, "-", None, "-", "round trip exact"))
    small = perm[:5000]
    naive, t_naive = measure(lambda: _naive_rsk(small))
    fast_small, t_small = measure(lambda: rsk(small), repeat=3)
    assert naive == fast_small
    out.append(Benchmark("rsk, n = 5000", t_small, "naive insertion (linear scans), n = 5000",
                         t_naive, "-", "results agree"))
    p300 = list(range(1, 301))
    rng.shuffle(p300)
    grown, t_growth = measure(lambda: rsk(p300, method="growth"))
    fast300, t_fast300 = measure(lambda: rsk(p300), repeat=5)
    assert grown == fast300
    out.append(Benchmark("rsk, n = 300", t_fast300, "growth diagram (local rules), n = 300",
                         t_growth, "-", "same size; results agree"))

    profile = "110100"
    pairs = _weight_30_pairs(profile, 200, rng)
    objects, t_inverse = measure(lambda: [cylinder_inverse(profile, nu, m) for nu, m in pairs])
    assert all(cp.weight == 30 for cp in objects)
    images, t_forward = measure(lambda: [cylinder_forward(cp) for cp in objects])
    assert images == pairs

    from combalg.growth.cylinder import _Schedule

    def uncached():
        # inverse with a fresh word-only schedule for every object
        res = []
        for nu, m in pairs:
            s = _Schedule(tuple(int(c) for c in profile))
            while any(c not in s.sweep_of for c in m):
                s.extend()
            res.append(len(s.sweeps))
        return res

    _, t_sched = measure(uncached)
    per = len(pairs)
    out.append(Benchmark("cylinder_forward, weight 30 (per object)", t_forward / per, "-", None, "< 10 ms",
                         f"mean over {per} objects of profile {profile}"))
    out.append(Benchmark("cylinder_inverse, weight 30 (per object)", t_inverse / per,
                         "flip schedule recomputed per object (schedule only)", (t_sched) / per, "< 10 ms",
                         f"mean over {per} objects; combalg caches the schedule per profile"))
    return out
