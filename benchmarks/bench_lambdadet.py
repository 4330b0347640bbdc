"""Alternating sign matrices and lambda-determinants.

* iterating all 218 348 ASMs of size 7 (monotone triangles with cached row
  transitions) against a naive generator that rebuilds every interlacing row
  and matrix from scratch;
* the lambda-determinant of a generic symbolic 6 x 6 and 7 x 7 matrix by the
  ASM sum (row transfer in FLINT), against lambda-condensation in combalg
  (6 x 6) -- condensation at 7 x 7 would need far more memory;
* lambda-condensation at n = 5 with FLINT exact division, against the same
  recurrence in SymPy with ``cancel`` after every step (target: >= 50x);
* the Langer two-layer expansion at n = 5 against the certified octahedron run;
* ``laurent_run`` on ``x[m]*x[m-2] = (x[m-1]+1)^10000``, refused by the limit
  ``laurent_product_work`` before FLINT starts a product it cannot interrupt, against
  the same run with that limit lifted (it then spends seconds in single FLINT products
  before its budget stops it).
"""

from __future__ import annotations

from itertools import product

from benchmarks.runner import Benchmark, measure


def _naive_asms(n: int):
    """Monotone triangles by brute force over each interlacing row (no caching)."""
    def above(b):
        k = len(b) - 1
        if k == 0:
            return [()]
        out = []
        for a in product(*[range(b[i], b[i + 1] + 1) for i in range(k)]):
            if all(a[i] < a[i + 1] for i in range(k - 1)):
                out.append(a)
        return out

    def rec(rows):
        b = rows[0]
        if len(b) == 1:
            yield rows
            return
        for a in above(b):
            yield from rec([a] + rows)

    for rows in rec([tuple(range(1, n + 1))]):
        A = []
        prev: tuple = ()
        for r in rows:
            A.append(tuple((1 if j in r else 0) - (1 if j in prev else 0) for j in range(1, n + 1)))
            prev = r
        yield tuple(A)


def _sympy_condensation(n: int):
    import sympy

    lam = sympy.Symbol("lam")
    x1 = [[sympy.Symbol(f"a{i}{j}") for j in range(1, n + 1)] for i in range(1, n + 1)]
    x0 = [[sympy.Integer(1)] * (n + 1) for _ in range(n + 1)]
    layers = [x0, x1]
    for k in range(1, n):
        cur, low = layers[k], layers[k - 1]
        size = n - k
        layers.append([[sympy.cancel((cur[i][j] * cur[i + 1][j + 1] + lam * cur[i][j + 1] * cur[i + 1][j])
                                     / low[i + 1][j + 1]) for j in range(size)] for i in range(size)])
    return layers[n][0][0]


def benchmarks() -> list[Benchmark]:
    from combalg.asm import alternating_sign_matrices
    from combalg.lambdadet import lambda_determinant, octahedron, two_layer_expansion

    out = []
    count, t = measure(lambda: sum(1 for _ in alternating_sign_matrices(7)))
    naive, tb = measure(lambda: sum(1 for _ in _naive_asms(7)))
    assert count == naive == 218348
    out.append(Benchmark("iterate all 218348 ASMs, n = 7", t, "naive monotone-triangle generator", tb, "< 1.5 s"))

    d6, t6 = measure(lambda: lambda_determinant(6))
    c6, tc6 = measure(lambda: lambda_determinant(6, method="condensation"))
    assert d6 == c6
    out.append(Benchmark("lambda_determinant generic 6x6 (ASM sum)", t6, "lambda-condensation (combalg, FLINT)",
                         tc6, "< 2 s", f"{d6.length} terms"))

    d7, t7 = measure(lambda: lambda_determinant(7))
    out.append(Benchmark("lambda_determinant generic 7x7 (ASM sum)", t7, "-", None, "< 30 s",
                         f"{d7.length} terms; condensation refuses (memory)"))

    c5, tc5 = measure(lambda: octahedron(None, 5).apex, repeat=3)
    s5, ts5 = measure(lambda: _sympy_condensation(5))
    import sympy

    assert sympy.expand(s5 - c5.as_sympy()) == 0
    out.append(Benchmark("lambda-condensation n = 5", tc5, "same recurrence, sympy cancel", ts5, ">= 50x faster",
                         f"{c5.length} terms"))

    l5, tl5 = measure(lambda: two_layer_expansion(5, "langer").apex)
    o5, to5 = measure(lambda: octahedron("generic", 5, coefficients="langer").apex)
    assert l5 == o5
    out.append(Benchmark("Langer two-layer expansion n = 5", tl5, "certified octahedron run (combalg)", to5, "-",
                         "1024 terms"))

    from combalg.core.errors import ResourceLimitError
    from combalg.core.limits import limits
    from combalg.lambdadet import laurent_run

    huge = "x[m]*x[m-2] = (x[m-1]+1)^10000"

    def refused() -> str:
        try:
            laurent_run(huge, steps=6)
        except ResourceLimitError:
            return "refused"
        return "returned"

    def unguarded() -> str:
        with limits(laurent_product_work=None):
            return laurent_run(huge, steps=6).status

    laurent_run("x[m]*x[m-2] = x[m-1] + 1", steps=3)  # warm up the rings
    r, tr = measure(refused, repeat=3)
    u, tu = measure(unguarded)
    assert r == "refused" and u == "budget exceeded"
    out.append(Benchmark("laurent_run (x[m-1]+1)^10000 refused up front", tr,
                         "same run, limit laurent_product_work lifted", tu, "< 0.2 s",
                         "ResourceLimitError vs 'budget exceeded' after the FLINT products"))
    return out
