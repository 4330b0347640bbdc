"""Identity checks: two independent computations and the first disagreement.

Each ``check_*`` function computes both sides of an identity by independent
methods, times each side, and returns the core
[`CheckResult`][combalg.core.checks.CheckResult] reporting the first degree where they
differ (``first_mismatch.where``, with both values) rather than a bare boolean;
the two coefficient lists are kept as ``result.left`` and ``result.right``.

* [`check_borodin`][check_borodin]: transfer-matrix count versus Borodin's product.
* [`check_bivariate`][check_bivariate]: the same, refined by ``w^{|mu^0|}``.
* [`check_qt`][check_qt]: the Macdonald-weighted sum over enumerated objects versus the
  (q,t) product, the (q,t)-analogue of Borodin's formula (reconstruction of
  Langer's).

Examples
--------
>>> from combalg.cylindric import check_borodin
>>> r = check_borodin("110100", 15)
>>> r.ok, r.first_mismatch
(True, None)
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from combalg.core.checks import CheckResult, first_difference
from combalg.cylindric.profile import Profile, as_profile
from combalg.core.validation import nonnegative_int

__all__ = ["CheckResult", "check_borodin", "check_bivariate", "check_qt", "check_rpp"]


def _warm_imports() -> None:
    """Import every module the two sides use lazily, so that the timings of a first
    call measure the computation and not the imports."""
    import combalg.core.mseries  # noqa: F401
    import combalg.core.series  # noqa: F401
    import combalg.cylindric.borodin  # noqa: F401
    import combalg.cylindric.enumeration  # noqa: F401
    import combalg.cylindric.macdonald  # noqa: F401
    import combalg.cylindric.rpp  # noqa: F401
    import combalg.cylindric.transfer  # noqa: F401

    try:  # the series core imports numpy lazily on its fast path
        import numpy  # noqa: F401
    except ImportError:  # pragma: no cover
        pass


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    _warm_imports()
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def _result(name: str, params: dict, methods: tuple[str, str], left: Any, right: Any,
            tl: float, tr: float) -> CheckResult:
    """The core [`CheckResult`][combalg.core.checks.CheckResult] of a series identity (degree = where)."""
    return CheckResult(name, params, methods, first_difference(list(left), list(right)), tl + tr,
                       (tl, tr), left, right)


def check_borodin(profile: Profile | str | Iterable[int], order: int) -> CheckResult:
    """Compare [`count_series`][count_series] (transfer matrix) with [`borodin_series`][borodin_series] (product).

    Parameters
    ----------
    profile : Profile or str or sequence of int
    order : int

    Returns
    -------
    CheckResult

    Examples
    --------
    >>> check_borodin("1010", 20).ok
    True
    """
    from combalg.cylindric.borodin import borodin_series
    from combalg.cylindric.transfer import count_coefficients as count_series

    pi = as_profile(profile)
    n = nonnegative_int("order", order)
    left, tl = _timed(lambda: count_series(pi, n))
    right, tr = _timed(lambda: borodin_series(pi, n))
    return _result("Borodin's product", {"profile": str(pi), "order": n},
                   ("transfer-matrix count", "product"), left, right, tl, tr)


def check_bivariate(profile: Profile | str | Iterable[int], order: int) -> CheckResult:
    """Compare [`count_bivariate`][count_bivariate] with [`borodin_bivariate`][borodin_bivariate] (``q^{|Lambda|} w^{|mu^0|}``).

    The transfer-matrix side is computed as plain rows
    ([`count_bivariate_rows`][combalg.cylindric.transfer.count_bivariate_rows], which never
    touches the series core), the product side as a
    [`MultiSeries`][combalg.core.mseries.MultiSeries] read as rows by
    [`bivariate_rows`][combalg.cylindric.bivariate_rows].  A mismatch reports the
    ``q``-degree and both rows (indexed by the ``w``-degree); ``result.left`` and
    ``result.right`` are the two lists of rows.

    Examples
    --------
    >>> check_bivariate("10110", 12).ok
    True
    """
    from combalg.cylindric.borodin import borodin_bivariate
    from combalg.cylindric.counting import bivariate_rows
    from combalg.cylindric.transfer import count_bivariate_rows

    pi = as_profile(profile)
    n = nonnegative_int("order", order)
    left, tl = _timed(lambda: count_bivariate_rows(pi, n))
    right, tr = _timed(lambda: bivariate_rows(borodin_bivariate(pi, n)))
    return _result("Borodin's bivariate product", {"profile": str(pi), "order": n},
                   ("transfer-matrix count", "product"), left, right, tl, tr)


def check_rpp(profile: Profile | str | Iterable[int], order: int) -> CheckResult:
    """Compare [`rpp_series`][rpp_series] (transfer matrix, ``mu^0`` empty) with the hook product.

    Examples
    --------
    >>> check_rpp("110100", 15).ok
    True
    """
    from combalg.cylindric.rpp import rpp_hook_series, rpp_series

    pi = as_profile(profile)
    n = nonnegative_int("order", order)
    left, tl = _timed(lambda: rpp_series(pi, n))
    right, tr = _timed(lambda: rpp_hook_series(pi, n))
    return _result("Stanley's hook formula", {"profile": str(pi), "order": n},
                   ("transfer-matrix count", "hook product"), left, right, tl, tr)


def check_qt(profile: Profile | str | Iterable[int], order: int, q: Any, t: Any, *,
             convention: str = "langer", deform_period: bool = False,
             method: str = "transfer") -> CheckResult:
    """Compare [`qt_series`][qt_series] (sum over objects) with [`qt_product_series`][qt_product_series] at ``(q, t)``.

    This checks the (q,t)-analogue of Borodin's formula (reconstruction of Langer's).
    ``convention="phi-only"`` and ``deform_period=True`` are the negative controls
    of the identity: with either, the check must fail (for ``q != t``).  ``method`` is
    passed to [`qt_series`][qt_series]: ``"transfer"`` (default, weighted transfer matrices
    along the interlacing chain) or ``"enumerate"`` (object by object); neither
    uses the product.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> check_qt("1100", 8, F(1, 3), F(2, 7)).ok
    True
    >>> r = check_qt("1100", 8, F(1, 3), F(2, 7), deform_period=True)
    >>> r.ok, r.first_mismatch.degree
    (False, 4)
    """
    from combalg.cylindric.macdonald import qt_product_series, qt_series

    pi = as_profile(profile)
    n = nonnegative_int("order", order)
    left, tl = _timed(lambda: qt_series(pi, n, q, t, convention=convention, method=method))
    right, tr = _timed(lambda: qt_product_series(pi, n, q, t, deform_period=deform_period))
    params: dict = {"profile": str(pi), "order": n, "q": q, "t": t}
    if convention != "langer":
        params["convention"] = convention
    if deform_period:
        params["deform_period"] = True
    if method != "transfer":
        params["method"] = method
    return _result("(q,t)-analogue of Borodin's formula (reconstruction of Langer's)", params,
                   (f"Macdonald-weighted sum ({method})", "(q,t) product"), left, right, tl, tr)
