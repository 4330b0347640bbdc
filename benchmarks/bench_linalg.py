"""Exact linear algebra: combalg (FLINT) against sympy ``Matrix.rref``.

Each case builds one seeded random matrix, computes its reduced row echelon form with
``combalg.core.linalg.rref`` (Python lists in, Python lists out, conversions included)
and with sympy, checks that both give the same pivots and entries, and reports both
times.
"""

from __future__ import annotations

import random
from fractions import Fraction

from benchmarks.runner import Benchmark, measure


def _rational_matrix(rows: int, cols: int, seed: int) -> list[list[Fraction]]:
    rng = random.Random(seed)
    return [
        [Fraction(rng.randint(-9, 9), rng.randint(1, 9)) for _ in range(cols)]
        for _ in range(rows)
    ]


def _int_matrix(rows: int, cols: int, seed: int, rank_cap: int) -> list[list[int]]:
    """A product of random 0/1 matrices: integer entries and rank at most ``rank_cap``."""
    rng = random.Random(seed)
    left = [[rng.randint(0, 1) for _ in range(rank_cap)] for _ in range(rows)]
    right = [[rng.randint(0, 1) for _ in range(cols)] for _ in range(rank_cap)]
    return [[sum(a * b for a, b in zip(row, col)) for col in zip(*right)] for row in left]


def _compare(name: str, M: list[list], note: str = "") -> Benchmark:
    import sympy

    from combalg.core.linalg import rref

    (rows, pivots), t_combalg = measure(lambda: rref(M))
    S = sympy.Matrix([[sympy.Rational(Fraction(x).numerator, Fraction(x).denominator) for x in r] for r in M])
    (S_rref, s_pivots), t_sympy = measure(lambda: S.rref())
    same = tuple(s_pivots) == pivots and all(
        Fraction(int(S_rref[i, j].p), int(S_rref[i, j].q)) == rows[i][j]
        for i in range(len(rows))
        for j in range(len(rows[0]))
    )
    if not same:
        raise AssertionError(f"{name}: combalg and sympy disagree")
    return Benchmark(
        name=name,
        combalg_seconds=t_combalg,
        baseline="sympy Matrix.rref",
        baseline_seconds=t_sympy,
        target="faster than sympy",
        note=note or "same pivots and entries",
    )


def benchmarks() -> list[Benchmark]:
    """rref over QQ: random rational 40x60 and 80x120, and a 60x90 integer rank-20 matrix."""
    return [
        _compare("rref QQ 40x60 random p/q", _rational_matrix(40, 60, seed=40)),
        _compare("rref QQ 80x120 random p/q", _rational_matrix(80, 120, seed=80)),
        _compare("rref QQ 60x90 integer rank 20", _int_matrix(60, 90, seed=60, rank_cap=20)),
    ]
