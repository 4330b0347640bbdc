"""The (q,t)-analogue of Borodin's formula (reconstruction of Langer's).

**Status.** This is a *reconstruction*: the formula below was rebuilt from the
abstract of Langer's paper (which extends Okada's (q,t) hook formula) and is
checked here in exact arithmetic; Langer's own statement was not available for
comparison.  Library label: "(q,t)-analogue of Borodin's formula
(reconstruction of Langer's)".

Weights (Macdonald, *Symmetric Functions*, VI (6.24)).  For a cell ``s`` of
``lambda`` with arm ``a`` and leg ``l``,
``b_lambda(s) = (1 - q^a t^{l+1}) / (1 - q^{a+1} t^l)``, and ``b_lambda(s) = 1``
when ``s`` is not in ``lambda``.  For a horizontal strip ``lambda/mu`` let ``C``
(``R``) be the cells of ``lambda`` in the columns (rows) meeting ``lambda/mu``:

* ``phi_{lambda/mu} = prod_{s in C} b_lambda(s) / b_mu(s)``,
* ``psi_{lambda/mu} = prod_{s in R - C} b_mu(s) / b_lambda(s)``.

The weight of a cylindric partition is
``A_Lambda(q,t) = prod_{grow k} phi_{mu^k/mu^{k-1}} * prod_{shrink k} psi_{mu^{k-1}/mu^k}``
and the identity is

    sum_Lambda A_Lambda(q,t) z^{|Lambda|}
        = prod_{n>=1} 1/(1 - z^{nT}) * prod_{(i,d) in C(pi)} (t z^d; q)_inf / (z^d; q)_inf,

with the period factor *not* deformed.  ``q = t`` gives Borodin's formula.

Examples
--------
>>> from fractions import Fraction as F
>>> from combalg.cylindric import qt_series, qt_product_series
>>> q, t = F(1, 3), F(2, 7)
>>> qt_series("1010", 5, q, t) == qt_product_series("1010", 5, q, t)
True

References
----------
- [1] R. Langer, "Enumeration of cylindric plane partitions - part I",
   arXiv:1204.4583 (the (q,t) formula; its statement is reconstructed here).
- [2] S. Okada, "(q,t)-deformations of multivariate hook product formulae",
   J. Algebraic Combin. 32 (2010).
- [3] I. G. Macdonald, *Symmetric Functions and Hall Polynomials*, 2nd ed.,
   VI (6.24).
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import Any

from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.cylindric.partition import CylindricPartition
from combalg.cylindric.profile import Profile, as_profile
from combalg.core.validation import nonnegative_int

__all__ = [
    "qt_weight",
    "qt_series",
    "qt_product_series",
    "macdonald_b",
    "phi",
    "psi",
    "CONVENTIONS",
    "SYMBOLIC_ORDER_LIMIT",
    "PRODUCT_ORDER_LIMIT",
    "QT_WORK_LIMIT",
]

#: the step-weight conventions accepted by [`qt_weight`][qt_weight]
CONVENTIONS = ("langer", "swapped", "phi-only")

#: largest order accepted for symbolic (sympy) q, t in the series functions
SYMBOLIC_ORDER_LIMIT = 8

#: largest order accepted by [`qt_product_series`][qt_product_series] at rational points (the
#: coefficients of ``(t;q)_r/(q;q)_r`` grow quickly: order 300 takes a few seconds)
PRODUCT_ORDER_LIMIT = 400

#: default bound on [`estimated_work`][combalg.cylindric.transfer.estimated_work] for
#: ``qt_series(..., method="transfer")``; a unit of the weighted count costs up to
#: about 150 microseconds (exact Fractions), so this is about a minute
QT_WORK_LIMIT = 500_000


def _is_symbolic(x: Any) -> bool:
    if isinstance(x, (int, Fraction)) or not type(x).__module__.startswith("sympy"):
        return False
    try:
        import sympy
    except ImportError:  # pragma: no cover
        return False
    return isinstance(x, sympy.Basic) and not x.is_Rational


def _coerce_qt(q: Any, t: Any) -> tuple[Any, Any, bool]:
    """Return (q, t, symbolic): Fractions, or sympy objects if either is symbolic."""
    from combalg.core.series import as_number

    if _is_symbolic(q) or _is_symbolic(t):
        import sympy

        def one(x: Any, name: str) -> Any:
            if isinstance(x, sympy.Basic):
                return x
            return sympy.Rational(as_number(x, name))  # never parses text

        return one(q, "q"), one(t, "t"), True
    return Fraction(as_number(q, "q")), Fraction(as_number(t, "t")), False


def _conj(lam: tuple[int, ...]) -> tuple[int, ...]:
    if not lam:
        return ()
    return tuple(sum(1 for x in lam if x > j) for j in range(lam[0]))


def macdonald_b(lam: Iterable[int], cell: tuple[int, int], q: Any, t: Any) -> Any:
    """``b_lambda(s) = (1 - q^a t^{l+1}) / (1 - q^{a+1} t^l)`` for a cell ``s = (i, j)``
    (0-indexed row and column), and ``1`` if ``s`` is not in ``lambda``.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> macdonald_b([2, 1], (0, 0), F(1, 2), F(1, 3))   # a = 1, l = 1
    Fraction(34, 33)
    >>> macdonald_b([2, 1], (1, 1), 2, 3)
    1
    """
    lam_t = tuple(lam)
    i, j = cell
    if i >= len(lam_t) or j >= lam_t[i]:
        return 1
    conj = _conj(lam_t)
    qq, tt, _ = _coerce_qt(q, t)
    return _b(lam_t, conj, i, j, qq, tt)


def _b(lam, conj, i, j, q, t):
    if i >= len(lam) or j >= lam[i]:
        return 1
    a = lam[i] - j - 1
    l = conj[j] - i - 1
    return (1 - q**a * t ** (l + 1)) / (1 - q ** (a + 1) * t**l)


def _phi(lam, mu, q, t):
    conj_l, conj_m = _conj(lam), _conj(mu)
    cols = [j for j in range(len(conj_l)) if conj_l[j] > (conj_m[j] if j < len(conj_m) else 0)]
    out = 1
    for j in cols:
        for i in range(conj_l[j]):
            out = out * _b(lam, conj_l, i, j, q, t) / _b(mu, conj_m, i, j, q, t)
    return out


def _psi(lam, mu, q, t):
    conj_l, conj_m = _conj(lam), _conj(mu)
    colset = {j for j in range(len(conj_l)) if conj_l[j] > (conj_m[j] if j < len(conj_m) else 0)}
    rows = [i for i in range(len(lam)) if lam[i] > (mu[i] if i < len(mu) else 0)]
    out = 1
    for i in rows:
        for j in range(lam[i]):
            if j in colset:
                continue
            out = out * _b(mu, conj_m, i, j, q, t) / _b(lam, conj_l, i, j, q, t)
    return out


def _singular(q: Any, t: Any) -> InvalidInputError:
    return InvalidInputError(
        f"invalid point (q, t) = ({q}, {t}): a factor of the Macdonald weights is singular there "
        "(a denominator 1 - q^(a+1) t^l or a factor b vanishes)"
    )


def phi(lam: Iterable[int], mu: Iterable[int], q: Any, t: Any) -> Any:
    """Macdonald's ``phi_{lambda/mu}(q,t)`` for a horizontal strip ``lambda/mu``.

    Examples
    --------
    >>> phi([1], [], 2, 3)      # b_(1)(s) = (1-t)/(1-q)
    Fraction(2, 1)
    """
    qq, tt, sym = _coerce_qt(q, t)
    try:
        return _simplify(_phi(tuple(lam), tuple(mu), qq, tt), sym)
    except ZeroDivisionError:
        raise _singular(q, t) from None


def psi(lam: Iterable[int], mu: Iterable[int], q: Any, t: Any) -> Any:
    """Macdonald's ``psi_{lambda/mu}(q,t)`` for a horizontal strip ``lambda/mu``.

    Examples
    --------
    >>> psi([1], [], 2, 3)
    Fraction(1, 1)
    """
    qq, tt, sym = _coerce_qt(q, t)
    try:
        return _simplify(_psi(tuple(lam), tuple(mu), qq, tt), sym)
    except ZeroDivisionError:
        raise _singular(q, t) from None


def _simplify(x: Any, symbolic: bool) -> Any:
    if symbolic:
        import sympy

        return sympy.factor(sympy.cancel(x))
    return Fraction(x)


def _step_factor(grow: bool, prev: tuple, cur: tuple, q, t, convention: str, cache: dict | None):
    """The Macdonald factor of one step ``prev -> cur`` (phi/psi by the convention)."""
    if grow:
        lam, mu = cur, prev
        kind = "phi" if convention in ("langer", "phi-only") else "psi"
    else:
        lam, mu = prev, cur
        kind = "psi" if convention == "langer" else "phi"
    key = (kind, lam, mu)
    if cache is not None:
        f = cache.get(key)
        if f is not None:
            return f
    f = _phi(lam, mu, q, t) if kind == "phi" else _psi(lam, mu, q, t)
    if cache is not None:
        cache[key] = f
    return f


def _weight_raw(cp: CylindricPartition, q, t, convention: str, cache: dict | None = None):
    word = cp.profile.word
    T = len(word)
    out = 1
    for k in range(1, T + 1):
        prev = tuple(cp.parts[k - 1])
        cur = tuple(cp.parts[k % T])
        out = out * _step_factor(word[k - 1] == 1, prev, cur, q, t, convention, cache)
    return out


def _qt_transfer(word: tuple[int, ...], order: int, q, t, convention: str) -> list:
    """Sum of the weights by a transfer matrix over the interlacing chain.

    Like [`count_series`][combalg.cylindric.count_series], every object is filed under the
    first index ``s`` where ``|mu^s|`` is smallest, and the chain from ``mu^s``
    back to itself is followed with weight-truncated polynomials whose
    coefficients are the accumulated Macdonald weights.
    """
    from combalg.cylindric.partition import interlaces
    from combalg.cylindric.transfer import _partitions_upto
    from combalg.partitions import horizontal_strips_over, horizontal_strips_under

    T = len(word)
    out: list = [0] * order
    cache: dict = {}
    for alpha in _partitions_upto((order - 1) // T):
        m = sum(alpha)
        for s in range(T):
            states: dict = {alpha: {0: 1}}
            for j in range(1, T + 1):
                grow = word[(s + j - 1) % T] == 1
                limit = order - 1 - (T - j) * m
                idx = (s + j) % T
                new: dict = {}
                for mu, poly in states.items():
                    low = min(poly)
                    if j == T:
                        ok = interlaces(alpha, mu) if grow else interlaces(mu, alpha)
                        cands = [alpha] if ok else []
                    elif grow:
                        room = limit - low - sum(mu)
                        if room < 0:
                            continue
                        cands = [tuple(c) for c in horizontal_strips_over(mu, max_boxes=room)]
                    else:
                        cands = [tuple(c) for c in horizontal_strips_under(mu)]
                    for lam in cands:
                        size = sum(lam)
                        if j < T and (size < m or (idx < s and size == m)):
                            continue
                        if low + size > limit:
                            continue
                        f = _step_factor(grow, mu, lam, q, t, convention, cache)
                        target = new.setdefault(lam, {})
                        for d, c in poly.items():
                            e = d + size
                            if e <= limit:
                                target[e] = target.get(e, 0) + f * c
                states = {k: v for k, v in new.items() if v}
                if not states:
                    break
            for poly in states.values():
                for d, c in poly.items():
                    out[d] += c
    return out


def qt_weight(cp: CylindricPartition, q: Any, t: Any, *, convention: str = "langer") -> Any:
    """The Macdonald weight ``A_Lambda(q,t)`` of one cylindric partition.

    Parameters
    ----------
    cp : CylindricPartition
    q, t : int, Fraction or sympy expression
        Exact rational values give an exact ``Fraction``; sympy symbols give a
        factored rational function.
    convention : {"langer", "swapped", "phi-only"}, optional
        ``"langer"``: ``phi`` on grow steps, ``psi`` on shrink steps (the default).
        ``"swapped"``: ``psi`` on grow and ``phi`` on shrink steps; the product is the
        same because ``phi/psi = b_lambda/b_mu`` telescopes around the cycle.
        ``"phi-only"``: ``phi`` on every step; a *negative control* for which the
        identity fails.

    Returns
    -------
    Fraction or sympy expression

    Raises
    ------
    InvalidInputError
        For floats, an unknown convention, or a point where a factor is singular.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> cp = CylindricPartition("10", [[1], [2]])
    >>> qt_weight(cp, F(1, 2), F(1, 2))           # q = t gives 1
    Fraction(1, 1)
    >>> qt_weight(cp, F(1, 3), F(2, 7))
    Fraction(150, 133)
    >>> import sympy
    >>> qs, ts = sympy.symbols("q t")
    >>> qt_weight(cp, qs, ts)
    (q + 1)*(t - 1)**2/((q - 1)*(q*t - 1))
    """
    if not isinstance(cp, CylindricPartition):
        raise InvalidInputError(f"invalid cp {short_repr(cp)}: expected a CylindricPartition")
    if convention not in CONVENTIONS:
        raise InvalidInputError(f"invalid convention {short_repr(convention)}: expected one of {CONVENTIONS}")
    qq, tt, sym = _coerce_qt(q, t)
    try:
        w = _weight_raw(cp, qq, tt, convention)
    except ZeroDivisionError:
        raise _singular(q, t) from None
    return _simplify(w, sym)


def _check_symbolic_order(order: int, sym: bool) -> None:
    if sym and order > SYMBOLIC_ORDER_LIMIT:
        raise ResourceLimitError(
            f"symbolic (q, t) series up to order {order} would be too large; the limit is "
            f"order {SYMBOLIC_ORDER_LIMIT} (evaluate at rational points instead)"
        )


def qt_series(
    profile: Profile | str | Iterable[int],
    order: int,
    q: Any,
    t: Any,
    *,
    convention: str = "langer",
    limit: int | None = None,
    method: str = "enumerate",
) -> list:
    """``sum_Lambda A_Lambda(q,t) z^{|Lambda|}`` below ``z^order``, summed over enumerated objects.

    This is the combinatorial side of [`check_qt`][combalg.cylindric.check_qt].

    Parameters
    ----------
    profile : Profile or str or sequence of int
    order : int
    q, t : int, Fraction or sympy expression
    convention : str, optional
        See [`qt_weight`][qt_weight].
    limit : int, optional
        With ``method="enumerate"``: the bound on the number of objects, passed to
        [`cylindric_partitions`][combalg.cylindric.cylindric_partitions] (default
        [`DEFAULT_LIMIT`][combalg.cylindric.DEFAULT_LIMIT]).  With ``method="transfer"``: the
        bound on [`estimated_work`][combalg.cylindric.transfer.estimated_work] (default
        [`QT_WORK_LIMIT`][QT_WORK_LIMIT]).  Requests above it raise ``ResourceLimitError``
        before any work starts.
    method : {"enumerate", "transfer"}, optional
        ``"enumerate"`` (default) sums the weights of the enumerated objects;
        ``"transfer"`` follows the interlacing chain with weighted transfer
        matrices (the weight is a product of local step factors), which is much
        faster for higher orders.

    Returns
    -------
    PowerSeries or list
        For rational ``q, t``: the series in ``z`` modulo ``z^order`` (it
        compares equal to the list of its coefficients); for symbolic ``q, t``:
        the list of coefficients as sympy expressions.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> qt_series("10", 4, F(1, 2), F(1, 2))          # q = t: Borodin's series
    1 + z + 2*z^2 + 3*z^3 + O(z^4)
    >>> qt_series("1010", 8, F(1, 3), F(2, 7)) == qt_series("1010", 8, F(1, 3), F(2, 7), method="transfer")
    True
    """
    from combalg.cylindric.enumeration import DEFAULT_LIMIT, cylindric_partitions

    pi = as_profile(profile)
    n = nonnegative_int("order", order)
    if convention not in CONVENTIONS:
        raise InvalidInputError(f"invalid convention {short_repr(convention)}: expected one of {CONVENTIONS}")
    qq, tt, sym = _coerce_qt(q, t)
    _check_symbolic_order(n, sym)
    out: list = [0] * n
    if n == 0:
        return out if sym else _z_series([], 0)
    if method not in ("enumerate", "transfer"):
        raise InvalidInputError(f"invalid method {short_repr(method)}: expected 'enumerate' or 'transfer'")
    cache: dict = {}
    try:
        if method == "transfer":
            from combalg.cylindric.transfer import _guard

            _guard(pi, n, QT_WORK_LIMIT if limit is None else limit, "qt_series",
                   hint="lower the order or pass a larger limit=")
            out = _qt_transfer(pi.word, n, qq, tt, convention)
        else:
            lim = DEFAULT_LIMIT if limit is None else limit
            for cp in cylindric_partitions(pi, max_weight=n - 1, limit=lim):
                out[cp.weight] += _weight_raw(cp, qq, tt, convention, cache)
    except ZeroDivisionError:
        raise _singular(q, t) from None
    if sym:
        import sympy

        return [sympy.factor(sympy.cancel(c)) for c in out]
    return _z_series(out, n)


def _pair_coefficients(q, t, count: int) -> list:
    """``(t;q)_r / (q;q)_r`` for ``r < count`` (the q-binomial theorem)."""
    out = [1]
    num = 1
    den = 1
    for r in range(1, count):
        num = num * (1 - t * q ** (r - 1))
        den = den * (1 - q**r)
        out.append(num / den)
    return out


def qt_product_series(
    profile: Profile | str | Iterable[int],
    order: int,
    q: Any,
    t: Any,
    *,
    deform_period: bool = False,
) -> list:
    """The product side ``prod_n 1/(1-z^{nT}) prod_{C(pi)} (t z^d;q)_inf/(z^d;q)_inf`` below ``z^order``.

    Each pair factor is expanded by the q-binomial theorem,
    ``(t x;q)_inf/(x;q)_inf = sum_r (t;q)_r/(q;q)_r x^r``; numerically the logarithms
    are summed and one exponential is taken with [`combalg.core.series`][combalg.core.series].

    Parameters
    ----------
    profile : Profile or str or sequence of int
    order : int
    q, t : int, Fraction or sympy expression
        ``q`` must not be ``1`` or ``-1`` (then ``(q;q)_r`` vanishes).
    deform_period : bool, optional
        Also deform the period factor to ``(t z^{nT};q)_inf/(z^{nT};q)_inf``.  This
        is a *negative control*: the identity then fails.

    Returns
    -------
    PowerSeries or list
        For rational ``q, t``: the series in ``z`` modulo ``z^order`` (it
        compares equal to the list of its coefficients); for symbolic ``q, t``:
        the list of coefficients as sympy expressions.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> qt_product_series("10", 4, F(1, 3), F(1, 3))
    1 + z + 2*z^2 + 3*z^3 + O(z^4)
    >>> qt_product_series("10", 3, 0, F(1, 2))     # Hall-Littlewood: (1 - t z)/(1 - z) per cell
    1 + 1/2*z + 3/2*z^2 + O(z^3)
    """
    from combalg.cylindric.borodin import borodin_exponents

    pi = as_profile(profile)
    n = nonnegative_int("order", order)
    qq, tt, sym = _coerce_qt(q, t)
    _check_symbolic_order(n, sym)
    if not sym and qq in (1, -1):
        raise InvalidInputError(
            f"invalid q {q}: expected q different from 1 and -1 ((q;q)_r vanishes there)"
        )
    if n == 0:
        return [] if sym else _z_series([], 0)
    if n > PRODUCT_ORDER_LIMIT:
        raise ResourceLimitError(
            f"qt_product_series up to order {n} would be too slow (exact rational "
            f"coefficients); the limit is order {PRODUCT_ORDER_LIMIT}"
        )
    T = pi.T
    all_exp = borodin_exponents(pi, n)
    cells = {}
    period = {}
    for e, m in all_exp.items():
        per = 1 if e % T == 0 else 0
        if m - per:
            cells[e] = m - per
        if per:
            period[e] = per
    if deform_period:
        for e, m in period.items():
            cells[e] = cells.get(e, 0) + m
        period = {}
    G = _pair_coefficients(qq, tt, n)
    if sym:
        return _symbolic_product(G, cells, period, n)
    from combalg.core.series import PowerSeries, euler_product

    try:
        lg = PowerSeries([Fraction(c) for c in G], n).log().coefficients()
    except ZeroDivisionError:  # pragma: no cover - excluded by the q check
        raise _singular(q, t) from None
    L: list = [0] * n
    for e, m in cells.items():
        for r in range(1, (n - 1) // e + 1):
            L[e * r] += m * lg[r]
    total = PowerSeries(L, n).exp()
    if period:
        total = total * euler_product(period, n)
    return _z_series(total.coefficients(), n)


def _z_series(coeffs: list, order: int) -> Any:
    """Rational coefficients as the core PowerSeries in ``z`` modulo ``z^order``."""
    from combalg.core.series import PowerSeries

    return PowerSeries([Fraction(c) for c in coeffs], order=order, var="z")


def _symbolic_product(G: list, cells: dict, period: dict, n: int) -> list:
    import sympy

    def mul(a, b):
        out = [sympy.Integer(0)] * n
        for i, x in enumerate(a):
            if x == 0:
                continue
            for j in range(n - i):
                if b[j] != 0:
                    out[i + j] += x * b[j]
        return [sympy.cancel(c) for c in out]

    total = [sympy.Integer(1)] + [sympy.Integer(0)] * (n - 1)
    for e, m in sorted(cells.items()):
        fe = [sympy.Integer(0)] * n
        for r in range(0, (n - 1) // e + 1):
            g = G[r]  # a sympy expression built here, or the int 1: never user text
            fe[e * r] = sympy.Integer(g) if isinstance(g, int) else g
        for _ in range(m):
            total = mul(total, fe)
    for e, m in sorted(period.items()):
        fe = [sympy.Integer(1) if k % e == 0 else sympy.Integer(0) for k in range(n)]
        for _ in range(m):
            total = mul(total, fe)
    return [sympy.factor(c) for c in total]
