"""Explicit expansions over alternating sign matrices and compatible pairs.

* [`asm_expansion`][asm_expansion] -- the Robbins-Rumsey formula (one layer, ``x[0] = 1``):

      det_lam(M) = sum_{A in ASM_n} lam^{inv(A)-N(A)} (1+lam)^{N(A)} prod m_ij^{a_ij}

* [`two_layer_expansion`][two_layer_expansion] -- the sum over compatible pairs ``(A, B)``
  (``A`` of size ``n``, ``B`` of size ``n-1``) of one monomial each:

      x[n]_11 = sum_{(A,B)} (parameter monomial) prod a_ij^{A_ij} prod t_{i+1,j+1}^{-B_ij}

  where the parameter monomial is ``lam^{e(A,B)} mu^{C(n,2)-e(A,B)}`` for the
  homogeneous placement, with the *exponent e(A,B) (derived)*
  ``e(A,B) = (sum A_ij (i-j)^2 - sum B_ij (i-j)^2) / 2`` (see
  [`pair_exponent`][pair_exponent]), and for Langer's placement the
  *multi-parameter lambda-determinant expansion (derived; not compared with
  Langer's cumulant formula)* of [`langer_exponents`][langer_exponents]; Di Francesco's
  placement is its specialisation ``lam_{p,q} -> lam_{p-q}``,
  ``mu_{p,q} -> mu_{p-q}``.

The exponent formulas were derived by a grading argument and checked against
the recurrence by computation (the test suite re-checks them for ``n <= 5``);
they are not quoted from the papers, whose exact statements were not compared.

Examples
--------
>>> from combalg.lambdadet import two_layer_expansion, octahedron
>>> two_layer_expansion(3).apex_form == octahedron("generic", 3).apex_form
True
>>> pair_exponent(((0, 0, 1), (0, 1, 0), (1, 0, 0)), ((0, 1), (1, 0)))
3
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import comb
from typing import Any, Sequence

from combalg.core.bignum import short_repr
from combalg.asm.compatible import _smaller_from_corner
from combalg.asm.monotone import alternating_sign_matrices, as_asm
from combalg.asm.statistics import _corner_sums, _inversions
from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.core.validation import positive_int
from combalg.lambdadet._convert import export
from combalg.lambdadet._forms import Form, from_shifted_terms
from combalg.lambdadet.matrices import entry_name, parameter_value, square_entries
from combalg.lambdadet.octahedron import DEFAULT_MAX_TERMS, _base, build_ring, index_name, placement_coefficients

__all__ = ["asm_expansion", "two_layer_expansion", "pair_exponent", "langer_exponents", "Expansion", "MAX_ASM_SIZE"]


@dataclass(frozen=True)
class Expansion:
    """The value of an expansion, with the number of summands it came from."""

    apex_form: Form
    summands: int

    @property
    def apex(self) -> Any:
        """The value as a Laurent polynomial (the public type)."""
        return export(self.apex_form)


def pair_exponent(A: Sequence[Sequence[int]], B: Sequence[Sequence[int]]) -> int:
    """The exponent e(A,B) (derived) of ``lam`` for a compatible pair.

    ``e(A,B) = (sum_ij A_ij (i-j)^2 - sum_ij B_ij (i-j)^2) / 2``, with ``B``
    indexed in its own frame.  Derived by a grading argument and checked
    against the recurrence by computation (not quoted from Robbins-Rumsey).

    Examples
    --------
    >>> pair_exponent(((0, 1, 0), (1, -1, 1), (0, 1, 0)), ((1, 0), (0, 1)))
    2
    """
    A = as_asm(A, "A")
    B = as_asm(B, "B")
    if len(B) != len(A) - 1:
        raise InvalidInputError(f"invalid B of size {len(B)}: expected size {len(A) - 1}")
    return _pair_exponent(A, B)


def _pair_exponent(A, B) -> int:
    s = 0
    for i, r in enumerate(A):
        for j, v in enumerate(r):
            if v:
                s += v * (i - j) ** 2
    for i, r in enumerate(B):
        for j, v in enumerate(r):
            if v:
                s -= v * (i - j) ** 2
    assert s % 2 == 0
    return s // 2


def langer_exponents(A: Sequence[Sequence[int]], B: Sequence[Sequence[int]]
                     ) -> tuple[dict[tuple[int, int], int], dict[tuple[int, int], int]]:
    """Exponents of Langer's parameters in the term of a compatible pair (derived).

    Part of the multi-parameter lambda-determinant expansion (derived; not
    compared with Langer's cumulant formula):

        lam_{p,q}: 1 + C_B(p-1, q-1) - C_A(p, q)        1 <= p, q <= n-1
        mu_{p,q}:  1 + TR_B(p-1, q) - TR_A(p, q+1)      1 <= p <= n-1, 0 <= q <= n-2

    with corner sums ``C`` and top-right block sums ``TR_X(p,q) = sum_{i<=p,
    j>size-q} X_ij``.  Only exponents equal to 1 are listed.

    Examples
    --------
    >>> langer_exponents(((0, 1), (1, 0)), ((1,),))
    ({(1, 1): 1}, {})
    >>> langer_exponents(((1, 0), (0, 1)), ((1,),))
    ({}, {(1, 0): 1})
    """
    A = as_asm(A, "A")
    B = as_asm(B, "B")
    if len(B) != len(A) - 1:
        raise InvalidInputError(f"invalid B of size {len(B)}: expected size {len(A) - 1}")
    return _langer_exponents(_corner_sums(A), _corner_sums(B), len(A))


def _langer_exponents(CA, CB, n: int):
    m = n - 1
    lam = {}
    mu = {}
    for p in range(1, n):
        for q in range(1, n):
            e = 1 + CB[p - 1][q - 1] - CA[p][q]
            if e:
                lam[(p, q)] = e
        for q in range(0, n - 1):
            tr_b = CB[p - 1][m] - CB[p - 1][m - q]
            tr_a = CA[p][n] - CA[p][n - (q + 1)]
            e = 1 + tr_b - tr_a
            if e:
                mu[(p, q)] = e
    return lam, mu


def two_layer_expansion(n: int, placement: str = "homogeneous", x0: str = "generic",
                        lam: Any = None, mu: Any = None, max_terms: int = DEFAULT_MAX_TERMS) -> Expansion:
    """The compatible-pair sum for ``x[n]_11`` -- an independent method for the octahedron apex.

    Parameters
    ----------
    n : int
        The size of ``x[1]`` (generic entries ``a_ij``).
    placement : {"homogeneous", "di_francesco", "langer"}
        The coefficient placement, as in [`octahedron`][octahedron].
    x0 : {"generic", "ones"}
        Generic inner bottom layer ``t_rc`` or all ones.
    lam, mu
        As in [`octahedron`][octahedron] (homogeneous: values; indexed: base names).
    max_terms : int
        Bound on the number ``2^{C(n,2)}`` of compatible pairs summed.

    Returns
    -------
    Expansion
        ``.apex`` is the Laurent polynomial, ``.summands`` the number of pairs.

    Raises
    ------
    InvalidInputError
        For a bad size, placement or bottom layer.
    ResourceLimitError
        Before any work, if there are more than ``max_terms`` compatible pairs.

    Examples
    --------
    >>> e = two_layer_expansion(2, "langer")
    >>> e.apex.as_sympy()
    a11*a22*mu_1_0/t22 + a12*a21*lam_1_1/t22
    >>> e.summands
    2
    """
    n = positive_int("n", n)
    if x0 not in ("generic", "ones"):
        raise InvalidInputError(f"invalid x0 {short_repr(x0)}: expected 'generic' or 'ones'")
    if callable(placement) or placement not in ("homogeneous", "di_francesco", "langer"):
        raise InvalidInputError(
            f"invalid placement {short_repr(placement)}: expected 'homogeneous', 'di_francesco' or 'langer'")
    max_terms = positive_int("max_terms", max_terms)
    if 2 ** comb(n, 2) > max_terms:
        raise ResourceLimitError(
            f"the two-layer expansion of size {n} sums over 2^{comb(n, 2)} compatible pairs, "
            f"above max_terms={max_terms}")
    params, coef = placement_coefficients(n, placement, lam, mu)
    a_names = [entry_name("a", i, j, n) for i in range(1, n + 1) for j in range(1, n + 1)]
    t_names = ([entry_name("t", r, c, n + 1) for r in range(2, n + 1) for c in range(2, n + 1)]
               if x0 == "generic" else [])
    extra = []
    if placement == "homogeneous":
        extra = [c for pair in coef.values() for c in pair][:2] if coef else []
    ring = build_ring([[("sym", v) for v in a_names + t_names]], params, extra)
    nv = ring.nvars
    pidx = {p: nv + i for i, p in enumerate(params)}
    width = nv + len(params)
    shift = tuple([1] * len(a_names) + [1] * len(t_names))
    c2 = comb(n, 2)
    if placement == "homogeneous":
        kind_l, val_l = parameter_value(lam, "lam", "lam")
        kind_m, val_m = parameter_value(mu, "mu", "mu") if mu is not None else ("num", 1)
    else:
        lb, mb = _base(lam, "lam", "lam"), _base(mu, "mu", "mu")
    terms: dict[tuple[int, ...], Any] = {}
    count = 0
    for A in alternating_sign_matrices(n):
        CA = _corner_sums(A)
        flatA = [v + 1 for r in A for v in r]
        for B in _smaller_from_corner(CA, n):
            count += 1
            e = [0] * width
            e[:len(flatA)] = flatA
            if t_names:
                k = len(flatA)
                for r in B:
                    for v in r:
                        e[k] = 1 - v
                        k += 1
            coeff: Any = 1
            if placement == "homogeneous":
                ex = _pair_exponent(A, B)
                if kind_l == "sym":
                    e[pidx[val_l]] += ex
                else:
                    coeff *= val_l ** ex
                if kind_m == "sym":
                    e[pidx[val_m]] += c2 - ex
                else:
                    coeff *= val_m ** (c2 - ex)
            else:
                lam_e, mu_e = _langer_exponents(CA, _corner_sums(B), n)
                for (p, q), x in lam_e.items():
                    nm = index_name(lb, p, q) if placement == "langer" else index_name(lb, p - q)
                    e[pidx[nm]] += x
                for (p, q), x in mu_e.items():
                    nm = index_name(mb, p, q) if placement == "langer" else index_name(mb, p - q)
                    e[pidx[nm]] += x
            key = tuple(e)
            terms[key] = terms.get(key, 0) + coeff
    return Expansion(from_shifted_terms(ring, terms, shift), count)


#: Largest size the ASM sum accepts (the row transfer over monotone triangles
#: takes about 1.5 s at size 10 and about three times longer per further size).
MAX_ASM_SIZE = 12


def _check_asm_size(rows, lam_c, method: str, max_terms: int) -> None:
    """Refuse, before any work, an ASM sum that is too long or too large."""
    from combalg.asm.enumeration import asm_count

    max_terms = positive_int("max_terms", max_terms)
    n = len(rows)
    if n > MAX_ASM_SIZE:
        raise ResourceLimitError(
            f"the ASM sum for a {n} x {n} matrix is above the size limit MAX_ASM_SIZE={MAX_ASM_SIZE} "
            f"({MAX_ASM_SIZE} x {MAX_ASM_SIZE} already has {asm_count(MAX_ASM_SIZE)} ASMs); "
            "for numeric entries use method='condensation'")
    count = asm_count(n)
    if method == "enumerate" and count > max_terms:
        raise ResourceLimitError(
            f"method='enumerate' would visit {count} ASMs of size {n}, above max_terms={max_terms}; "
            "use method='transfer'")
    symbols = sum(1 for r in rows for kind, _ in r if kind == "sym")
    bound = min(count, 3 ** symbols) * (comb(n, 2) + 1 if lam_c[0] == "sym" else 1)
    if bound > max_terms:
        raise ResourceLimitError(
            f"the lambda-determinant of this {n} x {n} matrix may have up to {bound} terms "
            f"(max_terms={max_terms})")


def asm_expansion(M: Any, lam: Any = None, method: str = "transfer", max_terms: int = DEFAULT_MAX_TERMS
                  ) -> Expansion:
    """The Robbins-Rumsey sum over ASMs for ``det_lam(M)`` (one layer, ``x[0] = 1``).

    ``det_lam(M) = sum_A lam^{inv(A)-N(A)} (1+lam)^{N(A)} prod m_ij^{a_ij}``.

    Parameters
    ----------
    M : int or square matrix
        Entries: ints, Fractions, SymPy rationals or Symbols; an int ``n`` means
        the generic ``n x n`` matrix.
    lam : number, Symbol or name, optional
        Default: the symbol ``lam``.
    method : {"transfer", "enumerate"}
        ``"transfer"`` (default) sums over the ASMs row by row along their
        monotone triangles: the partial sums over the first ``k`` rows are
        kept per row ``T_k`` of the triangle (``inv`` and ``N`` split into
        contributions of single rows), all arithmetic in FLINT.
        ``"enumerate"`` visits every ASM and adds its term.
    max_terms : int
        Bound on the number of terms of the result (estimated from the number
        of ASMs, of symbolic entries and the degree in ``lam``); for
        ``"enumerate"`` also on the number of ASMs visited.

    Raises
    ------
    InvalidInputError
        For a malformed matrix, or when a zero entry would have to be inverted
        (the lambda-determinant is then undefined).
    ResourceLimitError
        Before any work, for a size above [`MAX_ASM_SIZE`][MAX_ASM_SIZE] or when the
        estimates exceed ``max_terms``.

    Examples
    --------
    >>> asm_expansion([[1, 1], [1, 1]]).apex.as_sympy()
    lam + 1
    """
    if method not in ("transfer", "enumerate"):
        raise InvalidInputError(f"invalid method {short_repr(method)}: expected 'transfer' or 'enumerate'")
    rows = square_entries(M, "M")
    n = len(rows)
    lam_c = parameter_value(lam, "lam", "lam")
    _check_asm_size(rows, lam_c, method, max_terms)
    if method == "transfer":
        return _asm_transfer(rows, lam_c)
    params = [lam_c[1]] if lam_c[0] == "sym" else []
    flat = [e for r in rows for e in r]
    ring = build_ring([flat], params, [lam_c], rational=_inverts_numbers(rows))
    nv = ring.nvars
    var_index = {v: i for i, v in enumerate(ring.variables)}
    idx = [var_index[v] if kind == "sym" else -1 for kind, v in flat]
    nums = [v if kind == "num" else None for kind, v in flat]
    shift = [0] * nv
    for i in range(1, n - 1):
        for j in range(1, n - 1):
            k = idx[i * n + j]
            if k >= 0:
                shift[k] += 1
    shift_t = tuple(shift)
    generic = lam_c[0] == "sym" and all(k >= 0 for k in idx) and len(set(idx)) == len(idx)
    terms: dict[tuple[int, ...], Any] = {}
    count = 0
    binoms = [[comb(N, k) for k in range(N + 1)] for N in range(n * n + 1)]
    if generic:
        # exponent vector = ASM entries in the order of the variables (+ shift)
        order = sorted(range(n * n), key=lambda p: idx[p])
        shift_flat = [shift[idx[p]] for p in order]
        for A in alternating_sign_matrices(n):
            count += 1
            flatA = [v for r in A for v in r]
            N = flatA.count(-1)
            inv = _inversions(A)
            base = tuple([flatA[p] + s for p, s in zip(order, shift_flat)])
            b = binoms[N]
            e0 = inv - N
            for k in range(N + 1):
                terms[base + (e0 + k,)] = b[k]
        return Expansion(from_shifted_terms(ring, terms, shift_t), count)
    lam_num = lam_c[1] if lam_c[0] == "num" else None
    for A in alternating_sign_matrices(n):
        count += 1
        flatA = [v for r in A for v in r]
        N = flatA.count(-1)
        inv = _inversions(A)
        if lam_num is not None:
            lam_coeff = lam_num ** (inv - N) * (1 + lam_num) ** N
            if lam_coeff == 0:
                continue
        coeff: Any = 1
        zero_den = None
        e = list(shift) + [0] * len(params)
        for p, a in enumerate(flatA):
            if not a:
                continue
            if idx[p] >= 0:
                e[idx[p]] += a
            else:
                v = nums[p]
                if a == 1:
                    coeff *= v
                elif v == 0:
                    zero_den = p
                else:
                    coeff = Fraction(coeff) / v
        if zero_den is not None:
            i, j = divmod(zero_den, n)
            raise InvalidInputError(
                f"invalid matrix M: entry ({i + 1},{j + 1}) is 0 but the ASM term of {short_repr(A)} divides by it, "
                "so the lambda-determinant is undefined there")
        if coeff == 0:
            continue
        if isinstance(coeff, Fraction) and coeff.denominator == 1:
            coeff = coeff.numerator
        if lam_num is not None:
            key = tuple(e)
            terms[key] = terms.get(key, 0) + coeff * lam_coeff
        else:
            b = binoms[N]
            for k in range(N + 1):
                e[-1] = inv - N + k
                key = tuple(e)
                terms[key] = terms.get(key, 0) + coeff * b[k]
    return Expansion(from_shifted_terms(ring, terms, shift_t), count)


def _asm_transfer(rows, lam_c) -> Expansion:
    """Row-by-row summation over monotone triangles (see [`asm_expansion`][asm_expansion])."""
    from combalg.asm.enumeration import asm_count
    from combalg.asm.monotone import _children

    n = len(rows)
    params = [lam_c[1]] if lam_c[0] == "sym" else []
    flat = [e for r in rows for e in r]
    ring = build_ring([flat], params, [lam_c], rational=_inverts_numbers(rows))
    one = ring.const(1)
    if lam_c[0] == "sym":
        lam_f = ring.gen(lam_c[1])
        onep = lam_f + one
    else:
        lam_f = ring.const(lam_c[1])
        onep = ring.const(1 + lam_c[1])
    lam_pows = [one]
    onep_pows = [one]
    num_val = lam_c[1] if lam_c[0] == "num" else None

    def pw(cache, base, e):
        while len(cache) <= e:
            cache.append(cache[-1] * base)
        return cache[e]

    var_index = {v: i for i, v in enumerate(ring.variables)}
    # per entry: (index of its variable, None) if symbolic, (None, value) if numeric
    entry_forms = [[(var_index[v], None) if kind == "sym" else (None, v if kind == "num" else None)
                    for kind, v in r] for r in rows]
    children = _children(n)
    full = tuple(range(1, n + 1))
    # level by level from the bottom row T_n upwards; row k of the ASM sits between T_{k-1} and T_k
    states = {full: one}
    for k in range(n, 0, -1):
        new: dict = {}
        for b, val in states.items():
            for a, row in children[b]:
                inv_c = 0
                for l, v in enumerate(row):
                    if v:
                        inv_c += v * sum(1 for j in a if j > l + 1)
                n_c = sum(1 for v in row if v < 0)
                if inv_c < n_c:  # pragma: no cover - each row contributes inv >= N (checked for n <= 9)
                    raise AssertionError("row contribution with inv < N")
                if num_val is not None and n_c and num_val == -1:
                    continue  # the factor (1 + lam)^N vanishes
                # the monomial prod m_kl^{a_kl} of this row
                exps = [0] * ring.nvars
                coeff: Any = 1
                for l, v in enumerate(row):
                    if not v:
                        continue
                    f, x = entry_forms[k - 1][l]
                    if f is not None:
                        exps[f] += v
                    elif v == 1:
                        coeff *= x
                    elif x == 0:
                        raise InvalidInputError(
                            f"invalid matrix M: entry ({k},{l + 1}) is 0 but an ASM term divides by it, "
                            "so the lambda-determinant is undefined there")
                    else:
                        coeff = Fraction(coeff) / x
                if coeff == 0:
                    continue
                if isinstance(coeff, Fraction) and coeff.denominator == 1:
                    coeff = coeff.numerator
                mono = Form(ring, ring.ctx.constant(1), tuple(exps))
                factor = mono * ring.const(coeff) * pw(lam_pows, lam_f, inv_c - n_c) * pw(onep_pows, onep, n_c)
                term = val * factor
                new[a] = new[a] + term if a in new else term
        states = new
    value = states.get((), ring.const(0)) if n else one
    return Expansion(value, asm_count(n))


def _inverts_numbers(rows) -> bool:
    """Whether an ASM term may divide by an interior numeric entry other than +-1."""
    n = len(rows)
    return any(rows[i][j][0] == "num" and rows[i][j][1] not in (0, 1, -1)
               for i in range(1, n - 1) for j in range(1, n - 1))
