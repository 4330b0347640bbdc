"""The checks a sweep can run by name: every engine's ``check_*`` and the tour's identities.

Each returns a [`combalg.core.checks.CheckResult`][combalg.core.checks.CheckResult] comparing two independent
methods.  Parameters arrive as plain values (the grid generators' profiles as strings,
partitions and words as tuples, rationals as ``"p/q"`` strings or Fractions).
"""

from __future__ import annotations

import time
from fractions import Fraction
from typing import Any

from combalg.core.checks import CheckResult, Mismatch, first_difference
from combalg.core.errors import InvalidInputError
from combalg.sweep.registry import register_check

__all__: list[str] = []


def _rational(name: str, value: Any) -> Fraction:
    """A rational from an int, a Fraction or a ``"p/q"`` string (parsed, never evaluated)."""
    if isinstance(value, bool):
        raise InvalidInputError(f"invalid {name} {value!r}: expected a rational number")
    if isinstance(value, (int, Fraction)):
        return Fraction(value)
    if isinstance(value, str):
        try:
            return Fraction(value.strip())
        except (ValueError, ZeroDivisionError):
            pass
    raise InvalidInputError(f"invalid {name} {value!r}: expected a rational number such as 2 or '1/3'")


def _compare(name: str, parameters: dict, methods: tuple[str, str], left_fn, right_fn, *,
             sequence: bool = False) -> CheckResult:
    t0 = time.perf_counter()
    left = left_fn()
    t1 = time.perf_counter()
    right = right_fn()
    t2 = time.perf_counter()
    if sequence:
        mismatch = first_difference(list(left), list(right))
    else:
        mismatch = None if left == right else Mismatch("value", left, right)
    return CheckResult(name, parameters, methods, mismatch, t2 - t0, (t1 - t0, t2 - t1), left, right)


# -- cylindric ---------------------------------------------------------------------------------

@register_check("cylindric.borodin", description="Borodin's product vs the transfer-matrix count")
def borodin(profile: str, order: int) -> CheckResult:
    from combalg.cylindric import check_borodin

    return check_borodin(profile, order)


@register_check("cylindric.bivariate", description="Borodin's bivariate product vs the transfer-matrix count")
def bivariate(profile: str, order: int) -> CheckResult:
    from combalg.cylindric import check_bivariate

    return check_bivariate(profile, order)


@register_check("cylindric.rpp", description="Stanley's hook formula for reverse plane partitions vs the transfer matrix")
def rpp(profile: str, order: int) -> CheckResult:
    from combalg.cylindric import check_rpp

    return check_rpp(profile, order)


@register_check("cylindric.qt",
                description="(q,t)-analogue of Borodin's product (reconstruction of Langer's) vs Macdonald-weighted count")
def qt(profile: str, order: int, q: Any = "1/3", t: Any = "2/7") -> CheckResult:
    from combalg.cylindric import check_qt

    return check_qt(profile, order, _rational("q", q), _rational("t", t))


# -- growth ------------------------------------------------------------------------------------

def longest_weakly_increasing(w) -> int:
    """The length of a longest weakly increasing subsequence of ``w``, by a quadratic dynamic
    programme (independent of insertion: the second method of Greene's theorem for row 1)."""
    best = [1] * len(w)
    for i in range(len(w)):
        for j in range(i):
            if w[j] <= w[i] and best[j] + 1 > best[i]:
                best[i] = best[j] + 1
    return max(best, default=0)


@register_check("growth.greene",
                description="RSK: first row of P vs the longest weakly increasing subsequence (dynamic programme)")
def greene(word: Any) -> CheckResult:
    from combalg.growth import rsk

    w = [int(x) for x in word]
    return _compare("Greene's theorem (first row)", {"word": w}, ("RSK insertion", "longest weakly increasing"),
                    lambda: len(rsk(w)[0][0]) if w else 0, lambda: longest_weakly_increasing(w))


@register_check("growth.rule_duality",
                description="a growth rule's forward and backward local rules invert each other (all small cases)")
def rule_duality(rule: str = "rsk", max_rank: int = 4, max_content: int = 2) -> CheckResult:
    from combalg.growth import RuleBurge, RuleRSK

    rules = {"rsk": RuleRSK, "burge": RuleBurge}
    if rule not in rules:
        raise InvalidInputError(f"invalid rule {rule!r}: expected one of {', '.join(rules)}")
    return rules[rule]().check_duality(max_rank, max_content)


@register_check("growth.rsk_methods", description="RSK by row insertion vs by Fomin's growth diagram")
def rsk_methods(word: Any) -> CheckResult:
    from combalg.growth import rsk

    w = [int(x) for x in word]
    return _compare("RSK two ways", {"word": w}, ("row insertion", "growth diagram"),
                    lambda: rsk(w), lambda: rsk(w, method="growth"))


@register_check("growth.round_trip", description="rsk_inverse(rsk(w)) == w")
def round_trip(word: Any) -> CheckResult:
    from combalg.growth import rsk, rsk_inverse

    w = [int(x) for x in word]
    return _compare("RSK round trip", {"word": w}, ("rsk_inverse(rsk(w))", "w"),
                    lambda: list(rsk_inverse(*rsk(w))), lambda: w)


# -- alternating sign matrices and lambda-determinants -------------------------------------------

@register_check("asm.count", description="number of ASMs: monotone-triangle enumeration vs the product formula")
def asm_count(n: int) -> CheckResult:
    from combalg.asm import alternating_sign_matrices
    from combalg.asm import asm_count as formula

    return _compare("ASM count", {"n": n}, ("enumeration", "product formula"),
                    lambda: sum(1 for _ in alternating_sign_matrices(n)), lambda: formula(n))


@register_check("asm.x_enumeration", description="x-enumeration A(n; x): row transfer vs visiting every ASM")
def x_enumeration(n: int, x: Any = 3) -> CheckResult:
    from combalg.asm import x_enumeration as xe

    xv = _rational("x", x)
    xv = int(xv) if xv.denominator == 1 else xv
    return _compare("x-enumeration of ASMs", {"n": n, "x": x}, ("row transfer", "enumeration"),
                    lambda: xe(n, xv), lambda: xe(n, xv, method="enumerate"))


@register_check("lambdadet.robbins_rumsey",
                description="generic lambda-determinant: Robbins-Rumsey sum over ASMs vs lambda-condensation")
def robbins_rumsey(n: int) -> CheckResult:
    from combalg.lambdadet import lambda_determinant

    return _compare("Robbins-Rumsey formula", {"n": n}, ("ASM sum", "lambda-condensation"),
                    lambda: lambda_determinant(n, method="asm"), lambda: lambda_determinant(n, method="condensation"))


@register_check("lambdadet.determinant",
                description="det_{-1} of an integer matrix (ASM sum) vs the ordinary determinant (FLINT)")
def determinant(matrix: Any) -> CheckResult:
    import flint

    from combalg.lambdadet import lambda_determinant

    M = [[int(x) for x in row] for row in matrix]
    return _compare("det_{-1} = det", {"matrix": M}, ("lambda-determinant at -1", "FLINT determinant"),
                    lambda: lambda_determinant(M, lam=-1), lambda: int(flint.fmpz_mat(M).det()))


@register_check("lambdadet.langer",
                description="Langer placement: compatible-pair expansion (derived) vs the octahedron recurrence")
def langer(n: int) -> CheckResult:
    from combalg.lambdadet import octahedron, two_layer_expansion

    return _compare("Langer's two-layer expansion", {"n": n}, ("compatible pairs", "octahedron recurrence"),
                    lambda: two_layer_expansion(n, "langer").apex,
                    lambda: octahedron("generic", n, coefficients="langer").apex)


@register_check("lambdadet.laurent",
                description="is x[0..steps] of a recurrence Laurent? exact division (one recurrence per point)")
def laurent(recurrence: str, steps: int = 10) -> dict:
    """Exact Laurent check of one recurrence; a counterexample is a non-Laurent term.

    The outcome records the status, the failing index and the certified range, and
    the GF(p) precheck's verdict as a second opinion.
    """
    from combalg.lambdadet import laurent_precheck, laurent_run

    r = laurent_run(recurrence, steps=steps)
    p = laurent_precheck(recurrence, steps=steps)
    exact = r.is_laurent
    first = r.failing_step if exact is False else None
    agree = first == p.first_failure if exact is not None else None
    if exact is None:
        mismatch = None
    elif agree:
        mismatch = None if exact else Mismatch(first, "not Laurent", "not Laurent")
    else:
        mismatch = Mismatch("first failure", first, p.first_failure)
    return CheckResult("Laurent phenomenon", {"recurrence": recurrence, "steps": steps},
                       ("exact division", "GF(p) precheck"), mismatch, r.seconds)


# -- free ----------------------------------------------------------------------------------------

@register_check("free.self_similarity", description="self-similarity P_{2N+1}|odd = P_N / 2 (reconstruction)")
def self_similarity(N: int, method: str = "closed_form") -> Any:
    from combalg.free.projection import check_self_similarity

    return check_self_similarity(N, method)


@register_check("free.projection_methods",
                description="commutant projection P_N (reconstruction): closed form vs exact kernel")
def projection_methods(N: int) -> Any:
    from combalg.free.projection import check_projection_methods

    return check_projection_methods(N)


@register_check("free.catalan_moments", description="tau(s^k): Fock-space operator model vs Catalan numbers")
def catalan_moments(k: int) -> CheckResult:
    from combalg.free.cumulants import semicircle_moments
    from combalg.free.fock import mixed_moment

    return _compare("semicircle moments", {"k": k}, ("Fock-space operators", "Catalan numbers"),
                    lambda: mixed_moment((1,) * k, method="operator"), lambda: semicircle_moments(k)[k - 1])


@register_check("free.mixed_moment", description="mixed moment tau(s_w): Fock-space operators vs NC pairings")
def mixed_moment(word: Any) -> CheckResult:
    from combalg.free.fock import count_colour_pairings
    from combalg.free.fock import mixed_moment as mm

    w = tuple(int(x) for x in word)
    return _compare("mixed moment", {"word": list(w)}, ("Fock-space operators", "colour-respecting NC pairings"),
                    lambda: mm(w, method="operator"), lambda: count_colour_pairings(w))


@register_check("free.moment_cumulant", description="moments from free cumulants k_j = 1/j: series reversion vs NC(n)")
def moment_cumulant(n: int) -> CheckResult:
    from combalg.free.cumulants import free_cumulants_to_moments, free_cumulants_to_moments_by_partitions

    k = [Fraction(1, d) for d in range(1, n + 1)]
    return _compare("moment-cumulant formula", {"n": n}, ("series reversion", "sum over NC(n)"),
                    lambda: free_cumulants_to_moments(k), lambda: free_cumulants_to_moments_by_partitions(k),
                    sequence=True)


# -- linking -------------------------------------------------------------------------------------

@register_check("linking.union_rank",
                description="rank of a union of two random GF(p) matroids: partition algorithm vs Nash-Williams")
def union_rank(seed: int, elements: int = 9, p: int = 3) -> CheckResult:
    import random

    from combalg.linking import GF, LinearMatroid, nash_williams_rank, union

    rng = random.Random(seed)
    E = list(range(elements))
    M1 = LinearMatroid([[rng.randrange(p) for _ in E] for _ in range(3)], E, GF(p))
    M2 = LinearMatroid([[rng.randrange(p) for _ in E] for _ in range(2)], E, GF(p))
    return _compare("matroid union rank", {"seed": seed, "elements": elements, "p": p},
                    ("matroid partition", "Nash-Williams formula"),
                    lambda: union(M1, M2).rank(), lambda: nash_williams_rank([M1, M2], E))
