"""Cylindric partitions: Borodin's product, the transfer-matrix count, the (q,t) sum.

* ``borodin_series`` to order 10 000 for profiles with T = 4, 8, 12 (target < 1 s
  each); baselines: naive Python "coin change" product (c[n] += c[n-e] per factor)
  at order 2 000, and sympy polynomial expansion of the product at order 300;
* ``count_series`` to order 40 for every profile of length <= 6 (one per rotation
  class; the count sums over all rotations of the starting point, so a rotation
  costs the same); target < 60 s each; baseline: brute-force enumeration of the
  objects at order 14, against ``count_series`` at the same order;
* ``qt_series`` at a rational point to order 10 for T <= 6 (target < 10 s);
  baseline: the same sum with the Macdonald weights in sympy rationals, order 8.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

from benchmarks.runner import Benchmark, measure

_PROFILES_T = {4: "1100", 8: "11010100", 12: "111000111000"}


def _coin_change(profile: str, order: int) -> list[int]:
    """Borodin's product by naive in-place accumulation, one factor at a time."""
    from combalg.cylindric import borodin_exponents

    c = [0] * order
    c[0] = 1
    for e, m in borodin_exponents(profile, order).items():
        for _ in range(m):
            for n in range(e, order):
                c[n] += c[n - e]
    return c


def _sympy_product(profile: str, order: int) -> list[int]:
    """Borodin's product with sympy polynomials: multiply truncated geometric series."""
    import sympy

    from combalg.cylindric import borodin_exponents

    q = sympy.symbols("q")
    acc = sympy.Poly(1, q)
    for e, m in borodin_exponents(profile, order).items():
        geometric = sympy.Poly.from_dict({(e * j,): 1 for j in range((order - 1) // e + 1)}, q)
        for _ in range(m):
            prod = acc * geometric
            acc = sympy.Poly.from_dict({k: c for k, c in prod.as_dict().items() if k[0] < order}, q)
    d = acc.as_dict()
    return [int(d.get((n,), 0)) for n in range(order)]


def _rotation_classes(max_length: int) -> list[str]:
    out = []
    for T in range(1, max_length + 1):
        for w in itertools.product("01", repeat=T):
            word = "".join(w)
            if word == min(word[i:] + word[:i] for i in range(T)):
                out.append(word)
    return out


def _brute_counts(profile: str, order: int) -> list[int]:
    from combalg.cylindric import cylindric_partitions

    counts = [0] * order
    for cp in cylindric_partitions(profile, max_weight=order - 1, limit=None):
        counts[cp.weight] += 1
    return counts


def _sympy_qt(profile: str, order: int, q, t) -> list:
    """The (q,t) sum with every factor in sympy rationals, no caching."""
    import sympy

    from combalg.cylindric import cylindric_partitions
    from combalg.cylindric.macdonald import _weight_raw

    qs, ts = sympy.Rational(q.numerator, q.denominator), sympy.Rational(t.numerator, t.denominator)
    out = [sympy.Integer(0)] * order
    for cp in cylindric_partitions(profile, max_weight=order - 1, limit=None):
        out[cp.weight] += _weight_raw(cp, qs, ts, "langer")
    return out


def benchmarks() -> list[Benchmark]:
    from combalg.cylindric import borodin_series, count_series, qt_series

    results = []
    for T, word in _PROFILES_T.items():
        fast, secs = measure(lambda: borodin_series(word, 10_000), repeat=2)
        naive, nsecs = measure(lambda: _coin_change(word, 2_000))
        assert naive == fast[:2_000]
        results.append(Benchmark(f"borodin_series {word} (T={T}) to order 10000", secs,
                                 "naive coin-change product", nsecs, "< 1 s",
                                 "baseline at order 2000 only"))
    word = _PROFILES_T[12]
    fast, secs = measure(lambda: borodin_series(word, 2_000), repeat=3)
    naive, nsecs = measure(lambda: _coin_change(word, 2_000))
    assert naive == fast
    results.append(Benchmark(f"borodin_series {word} to order 2000", secs,
                             "naive coin-change product", nsecs, "-", "same order"))
    fast, secs = measure(lambda: borodin_series(word, 300), repeat=3)
    sym, ssecs = measure(lambda: _sympy_product(word, 300))
    assert sym == fast
    results.append(Benchmark(f"borodin_series {word} to order 300", secs, "sympy polynomial expansion",
                             ssecs, "-", "same order"))

    worst = (0.0, "")
    total = 0.0
    for word in _rotation_classes(6):
        _, secs = measure(lambda: count_series(word, 40))
        total += secs
        worst = max(worst, (secs, word))
    results.append(Benchmark(f"count_series to order 40, worst of {len(_rotation_classes(6))} "
                             f"profiles of length <= 6 ({worst[1]})", worst[0],
                             "-", None, "< 60 s each", f"all profiles together {total:.1f} s"))
    for word in ["110100", "101010"]:
        fast, secs = measure(lambda: count_series(word, 14))
        brute, bsecs = measure(lambda: _brute_counts(word, 14))
        assert brute == fast
        results.append(Benchmark(f"count_series {word} to order 14", secs,
                                 "brute-force enumeration", bsecs, "-", "same order"))

    q, t = Fraction(1, 3), Fraction(2, 7)
    for word in ["110100", "101010", "111000"]:
        fast, secs = measure(lambda: qt_series(word, 10, q, t))
        slow, ssecs = measure(lambda: _sympy_qt(word, 8, q, t))
        assert [Fraction(int(c.p), int(c.q)) for c in slow] == fast[:8]
        results.append(Benchmark(f"qt_series {word} at (1/3, 2/7) to order 10", secs,
                                 "sympy-rational weights, no cache", ssecs, "< 10 s",
                                 "baseline at order 8 only"))
    fast, secs = measure(lambda: qt_series("110100", 18, q, t, method="transfer"))
    slow, esecs = measure(lambda: qt_series("110100", 18, q, t))
    assert fast == slow
    results.append(Benchmark("qt_series 110100 to order 18, weighted transfer matrix", secs,
                             "enumeration of the objects", esecs, "-", "same order"))
    return results
