"""Counting cylindric partitions by a transfer-matrix dynamic programme.

This is the *independent* side of every identity check in
[`combalg.cylindric`][combalg.cylindric]: it never calls a product formula.  It walks the
interlacing chain ``mu^s -> mu^{s+1} -> ... -> mu^{s+T} = mu^s`` keeping, for each
current partition, a weight-truncated polynomial counting the partial chains.

Method
------
* **Decomposition by the first smallest entry.**  Every object has a unique first
  index ``s`` at which ``|mu^s|`` is minimal.  For fixed ``s`` and ``alpha = mu^s``
  the chain starts and ends at ``alpha``, entries before ``s`` must be strictly
  larger and entries after ``s`` at least as large as ``alpha``.  As
  ``|Lambda| >= T |alpha|``, only partitions ``alpha`` with ``T |alpha| < order``
  occur, which keeps the number of chains small.
* **Row-by-row strips.**  A horizontal strip step is split into one stage per row
  (bottom-up for a grow step, top-down for a shrink step), so the work of a step is
  the *sum* of the ranges of the rows rather than their product.  A potential
  (the size of the partially updated partition, or a lower bound for it) only grows
  during a step, so truncating at the order is safe at every stage.
* **Packed polynomials.**  A truncated polynomial with nonnegative coefficients is
  packed into one Python integer (Kronecker substitution, ``B`` bits per
  coefficient).  ``B`` is chosen from an a-priori bound: a partial chain of weight
  ``d`` is determined by at most ``T + 1`` partitions of total size ``d``, so no
  coefficient exceeds the number of such tuples, computed exactly in advance.

The bivariate count (by ``|Lambda|`` and ``|mu^0|``) comes from the same
programme by recording the size of ``mu^0`` when the chain passes index 0.

Examples
--------
>>> from combalg.cylindric.transfer import count_coefficients
>>> count_coefficients("1100", 12)
[1, 1, 3, 4, 8, 11, 20, 27, 44, 60, 92, 124]
>>> count_bivariate_rows("10", 4)
[[1], [1, 0], [1, 1, 0], [1, 2, 0, 0]]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from combalg.core.validation import nonnegative_int
from combalg.core.errors import ResourceLimitError
from combalg.cylindric.partition import interlaces
from combalg.cylindric.profile import Profile, as_profile
from combalg.partitions import partitions_up_to

__all__ = ["count_coefficients", "count_bivariate_rows", "count_rpp_coefficients", "estimated_work", "WORK_LIMIT"]

#: default bound on [`estimated_work`][estimated_work] for the transfer-matrix counts; one
#: unit costs roughly 1 to 5 microseconds, so the default stops requests that would
#: take more than a few minutes.  Pass ``limit=None`` to lift it.
WORK_LIMIT = 50_000_000

# partition numbers are computed only up to this index for the estimate: the
# number of partitions of size <= 900 already exceeds 10^30 work units
_WORK_P_CAP = 900


def estimated_work(
    profile: Profile | str | Iterable[int], order: int, *, mu0_empty: bool = False
) -> int:
    """A rough a-priori estimate of the work of the transfer-matrix count, in units.

    The count files every object under a start ``(s, alpha)`` with
    ``T |alpha| < order``; from a start of size ``m`` the states are partitions
    within ``b = order - 1 - T m`` boxes of ``alpha``.  The estimate is

        sum_m p(m) * T * (T * P(b // 2) + order),

    with ``p(m)`` the partition numbers and ``P(n) = p(0) + ... + p(n)``.  It is an
    empirical fit (cost per unit about 1 to 5 microseconds for ``T <= 12`` and orders
    up to 80), used only to refuse hopeless requests before any work starts.  It
    uses no product formula.

    Examples
    --------
    >>> estimated_work("10", 1)
    6
    >>> estimated_work("110100", 40) < estimated_work("110100", 80) < WORK_LIMIT
    True
    """
    pi = as_profile(profile)
    n = nonnegative_int("order", order)
    T = pi.T
    if n == 0:
        return 0
    top = (n - 1) // 2 if mu0_empty else max((n - 1) // 2, (n - 1) // T)
    cap = min(top, _WORK_P_CAP)
    p = [0] * (cap + 1)
    p[0] = 1
    for e in range(1, cap + 1):  # coin change: partition numbers p(0..cap)
        for m in range(e, cap + 1):
            p[m] += p[m - e]
    P = []
    acc = 0
    for x in p:
        acc += x
        P.append(acc)

    def big_p(i: int) -> int:
        return P[i] if i <= cap else P[cap]  # a lower bound beyond the cap

    if mu0_empty:
        return T * big_p((n - 1) // 2) + n
    total = 0
    for m in range(min((n - 1) // T, cap) + 1):
        b = n - 1 - T * m
        total += p[m] * T * (T * big_p(b // 2) + n)
    return total


def _guard(
    pi: Profile,
    n: int,
    limit: object,
    what: str,
    mu0_empty: bool = False,
    hint: str = "use borodin_series for high orders, or pass a larger limit= (or limit=None)",
) -> None:
    lim = nonnegative_int("limit", limit, allow_none=True)
    if lim is None:
        return
    est = estimated_work(pi, n, mu0_empty=mu0_empty)
    if est > lim:
        shown = str(est) if est < 10**12 else f"10^{len(str(est)) - 1}"
        raise ResourceLimitError(
            f"{what}({str(pi)!r}, {n}) would need about {shown} work units "
            f"(estimated_work), more than limit={lim}; {hint} to proceed"
        )


def _partitions_upto(n: int) -> list[tuple[int, ...]]:
    """All partitions of size <= n, as plain tuples, in depth-first order.

    Each partition comes before its extensions, larger next parts first
    (``(), (2,), (1,), (1, 1)`` for ``n = 2``): the order in which the transfer
    matrices take their starts.  That is decreasing order of ``p + (n + 1,)``.
    """
    top = (n + 1,)
    return sorted(map(tuple, partitions_up_to(n)), key=lambda p: p + top, reverse=True)


def _bits(T: int, order: int) -> int:
    """Bits per packed coefficient: exceeds the number of (T+1)-tuples of partitions
    of total size < order (a bound for every coefficient of every partial chain)."""
    c = [0] * order
    if order:
        c[0] = 1
    for _ in range(T + 1):  # multiply by 1/(q;q)_inf, T + 1 times (coin change)
        for e in range(1, order):
            for m in range(e, order):
                c[m] += c[m - e]
    return max(sum(c).bit_length() + 1, 2)


class _Packed:
    """Helpers for truncated polynomials packed into Python ints."""

    def __init__(self, bits: int, order: int) -> None:
        self.B = bits
        self.order = order
        self.masks = [(1 << (bits * (d + 1))) - 1 for d in range(order)]
        self.cmask = (1 << bits) - 1

    def mindeg(self, x: int) -> int:
        return ((x & -x).bit_length() - 1) // self.B

    def unpack(self, x: int) -> list[int]:
        B, m = self.B, self.cmask
        out = []
        for _ in range(self.order):
            out.append(x & m)
            x >>= B
        return out


def _step(
    states: dict,
    grow: bool,
    limit: int,
    P: _Packed,
) -> dict:
    """Apply one grow/shrink step to ``states`` ({(partition, w): packed poly}).

    Polynomials are shifted by the size of the new partition and truncated at
    degree ``limit``.
    """
    B = P.B
    mask = P.masks[limit] if limit >= 0 else 0
    out: dict = defaultdict(int)
    if limit < 0:
        return out
    if grow:
        # rows processed bottom-up: row i in [mu_i, mu_{i-1}] (mu_0 = infinity)
        buckets: dict[int, dict] = defaultdict(lambda: defaultdict(int))
        for (mu, w), x in states.items():
            x = (x << (B * sum(mu))) & mask
            if x:
                buckets[len(mu) + 1][(mu, w)] += x
        if not buckets:
            return out
        for i in range(max(buckets), 0, -1):
            cur = buckets.pop(i, None)
            if not cur:
                continue
            nxt = buckets[i - 1] if i > 1 else out
            for (mu, w), x in cur.items():
                lo = mu[i - 1] if i <= len(mu) else 0
                room = limit - P.mindeg(x)
                hi = lo + room
                if i >= 2:
                    hi = min(hi, mu[i - 2])
                base = mu[: i - 1]
                tail = mu[i:]
                for v in range(lo, hi + 1):
                    y = (x << (B * (v - lo))) & mask
                    if v == 0:
                        new = base  # only possible for the new row i = len(mu) + 1
                    else:
                        new = base + (v,) + tail
                    nxt[(new, w)] += y
        return out
    # shrink: rows processed top-down: row i in [mu_{i+1}, mu_i]; potential
    # |tuple| - tuple[i-1] grows by (v - mu_{i+1})
    buckets = defaultdict(lambda: defaultdict(int))
    for (mu, w), x in states.items():
        if not mu:
            out[(mu, w)] += x
            continue
        x = (x << (B * (sum(mu) - mu[0]))) & mask
        if x:
            buckets[1][(mu, w)] += x
    i = 1
    while buckets:
        cur = buckets.pop(i, None)
        i += 1
        if not cur:
            continue
        for (mu, w), x in cur.items():
            j = i - 1  # the row being processed (1-indexed)
            hi = mu[j - 1]
            lo = mu[j] if j < len(mu) else 0
            room = limit - P.mindeg(x)
            hi = min(hi, lo + room)
            base = mu[: j - 1]
            tail = mu[j:]
            last = j >= len(mu)
            for v in range(lo, hi + 1):
                y = (x << (B * (v - lo))) & mask
                if v == 0:
                    new = base
                else:
                    new = base + (v,) + tail
                if last:
                    out[(new, w)] += y
                else:
                    buckets[i][(new, w)] += y
    return out


def _chain_counts(
    word: tuple[int, ...],
    order: int,
    *,
    track_trace: bool,
    mu0_empty: bool = False,
) -> dict[int, list[int]]:
    """Counts by (trace) -> list of coefficients by weight < order.

    Without ``track_trace`` every count is filed under trace 0.
    """
    T = len(word)
    result: dict[int, list[int]] = defaultdict(lambda: [0] * order)
    if order == 0:
        return result
    P = _Packed(_bits(T, order), order)
    if mu0_empty:
        starts = [(0, ())]
    else:
        starts = [(s, a) for a in _partitions_upto((order - 1) // T) for s in range(T)]
    for s, alpha in starts:
        m = sum(alpha)
        # states: {(partition, w): packed}; w = |mu^0| once known (else -1)
        w0 = m if (s == 0 and track_trace) else (-1 if track_trace else 0)
        states: dict = {(alpha, w0): 1}
        for j in range(1, T + 1):
            letter = word[(s + j - 1) % T]
            limit = order - 1 - (T - j) * m
            if j == T:
                # close the cycle: only the step into alpha itself is needed
                mask = P.masks[limit]
                shift = P.B * m
                closed: dict = defaultdict(int)
                for (mu, w), x in states.items():
                    ok = interlaces(alpha, mu) if letter == 1 else interlaces(mu, alpha)
                    if ok:
                        y = (x << shift) & mask
                        if y:
                            closed[(alpha, w)] += y
                states = closed
                break
            states = _step(states, letter == 1, limit, P)
            idx = (s + j) % T
            if not mu0_empty:
                if idx < s:
                    states = {key: x for key, x in states.items() if sum(key[0]) > m}
                else:
                    states = {key: x for key, x in states.items() if sum(key[0]) >= m}
            if track_trace and idx == 0:
                relabel: dict = defaultdict(int)
                for (mu, _w), x in states.items():
                    relabel[(mu, sum(mu))] += x
                states = relabel
            if not states:
                break
        for (_mu, w), x in states.items():
            row = result[w]
            for d, cnt in enumerate(P.unpack(x)):
                row[d] += cnt
    return result


def count_coefficients(
    profile: Profile | str | Iterable[int], order: int, *, limit: int | None = WORK_LIMIT
) -> list[int]:
    """Coefficients ``a_0, ..., a_{order-1}`` of ``sum_Lambda q^{|Lambda|}`` by a transfer matrix, as a list.

    This never uses a product formula (nor the series core): it is the
    independent side of [`check_borodin`][combalg.cylindric.check_borodin].
    [`count_series`][combalg.cylindric.count_series] returns the same as a series.

    Parameters
    ----------
    profile : Profile or str or sequence of int
        The profile ``pi``.
    order : int
        Number of coefficients (the series is known modulo ``q^order``).
    limit : int or None, optional
        Refuse (before starting) a request whose [`estimated_work`][estimated_work] exceeds
        ``limit`` (default [`WORK_LIMIT`][WORK_LIMIT], a few minutes); ``None`` for no limit.

    Returns
    -------
    list of int

    Raises
    ------
    InvalidInputError
        For a bad profile, a negative order or a bad limit.
    ResourceLimitError
        If the estimated work exceeds ``limit``.

    Notes
    -----
    Order 40 takes a few seconds at most for every profile of length <= 6; the
    cost grows roughly exponentially in the square root of the order (order 80
    for ``110100`` takes about a minute).  For high orders of the series itself
    use [`borodin_series`][combalg.cylindric.borodin_series].

    Examples
    --------
    >>> count_coefficients("10", 10)
    [1, 1, 2, 3, 5, 7, 11, 15, 22, 30]
    >>> count_coefficients("110100", 8)
    [1, 2, 5, 9, 18, 31, 54, 88]
    >>> count_coefficients("10", 1000)
    Traceback (most recent call last):
    ...
    combalg.core.errors.ResourceLimitError: count_series('10', 1000) would need about ...

    References
    ----------
    - [1] R. P. Stanley, *Enumerative Combinatorics*, vol. 1, 2nd ed., section 4.7
       (the transfer-matrix method).
    """
    pi = as_profile(profile)
    n = nonnegative_int("order", order)
    _guard(pi, n, limit, "count_series")
    counts = _chain_counts(pi.word, n, track_trace=False)
    return list(counts[0]) if n else []


def count_bivariate_rows(
    profile: Profile | str | Iterable[int], order: int, *, limit: int | None = WORK_LIMIT
) -> list[list[int]]:
    """Coefficients of ``q^{|Lambda|} w^{|mu^0|}`` by the transfer matrix (no product), as rows.

    This never uses a product formula (nor the series core): it is the
    independent side of [`check_bivariate`][combalg.cylindric.check_bivariate].
    [`count_bivariate`][combalg.cylindric.count_bivariate] returns the same as a
    [`MultiSeries`][combalg.core.mseries.MultiSeries] in ``(q, w)``.

    Parameters
    ----------
    profile : Profile or str or sequence of int
    order : int
        Rows for ``q^0, ..., q^{order-1}``.
    limit : int or None, optional
        As in [`count_coefficients`][count_coefficients].

    Returns
    -------
    list of list of int
        ``rows[n][j]`` is the number of objects of weight ``n`` with ``|mu^0| = j``;
        row ``n`` has ``n + 1`` entries (``|mu^0| <= |Lambda|``).

    Examples
    --------
    >>> count_bivariate_rows("1100", 4)
    [[1], [1, 0], [3, 0, 0], [4, 0, 0, 0]]
    """
    pi = as_profile(profile)
    n = nonnegative_int("order", order)
    _guard(pi, n, limit, "count_bivariate")
    counts = _chain_counts(pi.word, n, track_trace=True)
    rows = [[0] * (d + 1) for d in range(n)]
    for w, coeffs in counts.items():
        for d, c in enumerate(coeffs):
            if c:
                rows[d][w] += c
    return rows


def count_rpp_coefficients(
    profile: Profile | str | Iterable[int], order: int, *, limit: int | None = WORK_LIMIT
) -> list[int]:
    """Coefficients of the objects with ``mu^0`` empty (reverse plane partitions), by transfer, as a list.

    Examples
    --------
    >>> count_rpp_coefficients("1100", 8)
    [1, 1, 3, 4, 7, 9, 14, 17]
    """
    pi = as_profile(profile)
    n = nonnegative_int("order", order)
    _guard(pi, n, limit, "count_rpp_series", mu0_empty=True)
    counts = _chain_counts(pi.word, n, track_trace=False, mu0_empty=True)
    return list(counts[0]) if n else []
