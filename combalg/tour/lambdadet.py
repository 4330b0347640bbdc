"""Tour entries for the lambda-determinant engine: each identity computed by two independent methods."""

from __future__ import annotations

from combalg.tour import TourRow, timed

ENGINE = "lambda determinants"


def _asm_count() -> TourRow:
    from combalg.asm import alternating_sign_matrices, asm_count

    (a, b), s = timed(lambda: (sum(1 for _ in alternating_sign_matrices(7)), asm_count(7)))
    return TourRow(ENGINE, "#ASMs: monotone-triangle enumeration vs product formula", "n = 7",
                   f"A_7 = {b}", a == b, s)


def _three_enumeration() -> TourRow:
    from combalg.asm import x_enumeration

    (a, b), s = timed(lambda: (x_enumeration(6, 3), x_enumeration(6, 3, method="enumerate")))
    return TourRow(ENGINE, "3-enumeration A(n;3): row transfer vs visiting every ASM", "n = 6",
                   f"A(6;3) = {a}", a == b, s)


def _robbins_rumsey() -> TourRow:
    from combalg.lambdadet import lambda_determinant

    (a, b), s = timed(lambda: (lambda_determinant(5, method="asm"), lambda_determinant(5, method="condensation")))
    return TourRow(ENGINE, "det_lam of a generic matrix: Robbins-Rumsey ASM sum vs lambda-condensation",
                   "5 x 5", f"{a.length} terms", a == b, s)


def _ordinary_det() -> TourRow:
    import flint

    from combalg.lambdadet import lambda_determinant

    M = [[3, 1, 4, 1, 5], [9, 2, 6, 5, 3], [5, 8, 9, 7, 9], [3, 2, 3, 8, 4], [6, 2, 6, 4, 3]]
    (a, b), s = timed(lambda: (lambda_determinant(M, lam=-1), int(flint.fmpz_mat(M).det())))
    return TourRow(ENGINE, "det_{-1} = ordinary determinant (ASM sum vs FLINT)", "5 x 5 integers",
                   f"det = {b}", a == b, s)


def _langer() -> TourRow:
    from combalg.lambdadet import octahedron, two_layer_expansion

    (a, b), s = timed(lambda: (two_layer_expansion(5, "langer").apex,
                                octahedron("generic", 5, coefficients="langer").apex))
    return TourRow(ENGINE, "Langer placement: compatible-pair expansion (derived) vs certified octahedron run",
                   "n = 5, two generic layers", f"{a.length} terms", a == b, s)


def _somos() -> TourRow:
    from combalg.lambdadet import laurent_precheck, laurent_run, somos

    def both():
        r = laurent_run(somos(8), steps=20)
        p = laurent_precheck(somos(8), steps=20)
        return r, p

    (r, p), s = timed(both)
    return TourRow(ENGINE, "Somos-8 first non-Laurent term: exact division vs GF(p) random lines",
                   "x[0..20]", f"fails at x[{r.failing_step}] ({r.remainder_terms} remainder terms)",
                   r.failing_step == p.first_failure, s)


def run() -> list[TourRow]:
    """The lambda-determinant tour entries (about 3 s in all)."""
    return [_asm_count(), _three_enumeration(), _robbins_rumsey(), _ordinary_det(), _langer(), _somos()]
