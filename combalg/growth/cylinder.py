"""Growth bijection on the cylinder (reconstruction of Langer's).

This module implements a bijective proof of Borodin's product formula for
cylindric partitions by Fomin growth diagrams on a cylinder.  **It is a
reconstruction**: the construction below follows the description of a
"growth diagram on the cylinder" proof, but Langer's own chapter was not
available for comparison, so whether his choices (RSK versus Burge, corner
order, how the output is recorded) agree with these is open.  Every property
claimed here is checked by computation in the test suite (inverse undoes
forward, the weight identity, injectivity, and per-weight counts equal to the
coefficients of Borodin's product).

Objects
-------
A cylindric partition ``Lambda = (mu^0, ..., mu^{T-1})`` of profile
``pi = pi_1 ... pi_T`` (see [`combalg.cylindric`][combalg.cylindric]) is mapped to a pair
``(nu, m)``:

* ``nu`` is a partition (it accounts for the factor ``1/(q^T; q^T)_oo``);
* ``m`` is a finitely supported filling of the cells
  ``C(pi) = {(i, d) : pi_i = 1, d >= 1, pi_{i+d mod T} = 0}`` by nonnegative
  integers (each cell accounts for one factor ``1/(1 - q^d)``).

**Cells are written ``(i, d)`` with ``i`` the 0-indexed position of the 1 in
the word** (add 1 to ``i`` for the 1-indexed form of the spec), and ``d`` the
distance, along the cyclically repeated word, to a later 0.  The weight
identity is ``|Lambda| = T |nu| + sum_{(i,d)} d m(i, d)``.

The sweep
---------
The profile is a periodic lattice path (1 = east step, 0 = south step); the
vertex after step ``k`` carries ``mu^k``.  Every letter carries an absolute
label (position ``p`` starts with label ``p``).  One *sweep* flips every cyclic
factor ``10`` (an outer corner, at positions ``p, p+1``) simultaneously: with
``x = mu^p``, ``z = mu^{p+1}``, ``y = mu^{p+2}`` (indices mod ``T``) the
backward RSK rule gives ``(t, c) = B(x, y, z)``; the corner vertex gets ``t``,
the letters become ``01`` (with their labels; at the wrap-around the 1 gets
label ``a - T`` and the 0 label ``b + T``), and ``c`` is added to the cell
``(a mod T, b - a)`` where ``a, b`` are the labels of the 1 and the 0.  Sweeps
are repeated until all ``mu^k`` are equal; the common value is ``nu``.

The inverse replays the schedule of flips on the word alone, starts with every
vertex equal to ``nu`` after the sweep in which the last support cell of ``m``
is flipped, and undoes the sweeps with the forward RSK rule.

Examples
--------
The three worked examples of the spec:

>>> from combalg.cylindric import CylindricPartition
>>> from combalg.growth import cylinder_forward, cylinder_inverse
>>> cp = CylindricPartition("10", [[2], [3, 1]])
>>> nu, m = cylinder_forward(cp)
>>> nu, m
((1,), {(0, 1): 1, (0, 3): 1})
>>> cylinder_inverse("10", nu, m) == cp
True
>>> cylinder_forward(CylindricPartition("1010", [[1], [2, 1], [1], [2]]))
((), {(0, 1): 1, (0, 5): 1, (2, 1): 1})
>>> cylinder_forward(CylindricPartition("110100", [[1], [2], [3, 1], [2], [2, 1], [1]]))
((), {(0, 2): 1, (1, 1): 1, (1, 3): 1, (3, 7): 1})

References
----------
- [Bor07] A. Borodin, *Periodic Schur process and cylindric partitions*,
   Duke Math. J. 140 (2007).
- [Lan21] R. Langer, PhD thesis, arXiv:2110.12629 (growth diagram proof; the
   construction here is a reconstruction, not checked against it).
- [Fom95] S. Fomin, *Schensted algorithms for dual graded graphs* (1995).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Mapping

from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.core.validation import nonnegative_int
from combalg.growth.rules import RuleRSK, as_partition

__all__ = [
    "cylinder_forward",
    "cylinder_inverse",
    "cylinder_cells",
    "cylinder_weight",
    "cylinder_sweeps",
    "SweepStep",
    "LABEL",
]

#: how the library names this construction
LABEL = "growth bijection (reconstruction of Langer's)"

#: largest estimated work that [`cylinder_inverse`][cylinder_inverse] accepts: the number of corner
#: flips (``T`` times the number of sweeps, at most the largest distance ``d`` of the
#: filling plus ``2T + 2``) times a bound on the length of the partitions
#: (``len(nu)`` plus the number of sweeps); one unit costs about 10 ns, so the
#: default is about 20 s.  Larger requests raise ResourceLimitError.
MAX_WORK = 2_000_000_000

_RULE = RuleRSK()
# the sweep only meets valid corners: use the rule without argument checks
_backward = _RULE._backward_raw
_forward = _RULE._forward_raw


def _word(profile: Any) -> tuple[int, ...]:
    """The 0/1 word of a profile given as Profile, str or sequence."""
    from combalg.cylindric import Profile

    if isinstance(profile, Profile):
        return profile.word
    return Profile(profile).word


def _is_cell(word: tuple[int, ...], i: int, d: int) -> bool:
    T = len(word)
    return 0 <= i < T and d >= 1 and word[i] == 1 and word[(i + d) % T] == 0


def cylinder_cells(profile: Any, max_d: int) -> list[tuple[int, int]]:
    """The cells ``(i, d)`` of ``C(pi)`` with ``d <= max_d`` (``i`` 0-indexed), sorted.

    These are the cells of [`combalg.cylindric.borodin_cells`][combalg.cylindric.borodin_cells] (which lists
    ``d < max_d`` with ``i`` 1-indexed), re-indexed.

    Parameters
    ----------
    profile : Profile, str or sequence of 0/1
        The profile ``pi``.
    max_d : int
        Largest distance to list.

    Examples
    --------
    >>> cylinder_cells("1010", 3)
    [(0, 1), (0, 3), (2, 1), (2, 3)]
    >>> cylinder_cells("110", 4)
    [(0, 2), (1, 1), (1, 4)]
    """
    from combalg.cylindric.borodin import _cells

    w = _word(profile)
    max_d = nonnegative_int("max_d", max_d)
    if max_d * len(w) > MAX_WORK // 100:
        raise ResourceLimitError(
            f"cylinder_cells with max_d = {max_d} on a profile of length {len(w)} would list "
            f"up to {max_d * len(w)} cells; the limit is {MAX_WORK // 100}"
        )
    # the checks above differ from borodin_cells' (no MAX_ORDER bound on max_d)
    return [(i - 1, d) for i, d in _cells(w, max_d + 1)]


def cylinder_weight(profile: Any, nu: Iterable[int], filling: Mapping[tuple[int, int], int]) -> int:
    """The weight ``T |nu| + sum d m(i, d)`` of a pair ``(nu, m)``.

    Raises [`InvalidInputError`][combalg.core.errors.InvalidInputError] if ``nu`` is not a
    partition or a filling cell is not in ``C(pi)`` (as [`cylinder_inverse`][cylinder_inverse]).

    Examples
    --------
    >>> cylinder_weight("10", (1,), {(0, 1): 1, (0, 3): 1})
    6
    """
    w = _word(profile)
    nu_t = as_partition(nu, "nu")
    m = _check_filling(w, filling)
    return len(w) * sum(nu_t) + sum(d * v for (_, d), v in m.items())


# ---------------------------------------------------------------- schedule
class _Schedule:
    """The flips of the word-only sweeps for one profile, extended lazily."""

    def __init__(self, word: tuple[int, ...]) -> None:
        self.word = word
        self._w = list(word)
        self._lab = list(range(len(word)))
        self.sweeps: list[tuple[tuple[int, tuple[int, int]], ...]] = []
        self.sweep_of: dict[tuple[int, int], int] = {}

    def extend(self) -> None:
        w, lab = self._w, self._lab
        T = len(w)
        flips = []
        corners = [p for p in range(T) if w[p] == 1 and w[(p + 1) % T] == 0]
        for p in corners:
            q = (p + 1) % T
            a, b = lab[p], lab[q]
            if q == 0:
                b += T
            cell = (a % T, b - a)
            flips.append((p, cell))
            w[p], w[q] = 0, 1
            if q == 0:
                lab[p], lab[q] = b, a - T
            else:
                lab[p], lab[q] = b, a
            self.sweep_of[cell] = len(self.sweeps)
        self.sweeps.append(tuple(flips))


@lru_cache(maxsize=64)
def _schedule(word: tuple[int, ...]) -> _Schedule:
    return _Schedule(word)


# ---------------------------------------------------------------- forward
@dataclass(frozen=True)
class SweepStep:
    """The state after one sweep of [`cylinder_sweeps`][cylinder_sweeps].

    Attributes
    ----------
    sweep : int
        How many sweeps were done (0 for the initial state).
    word : tuple of int
        The 0/1 word (the current lattice path).
    labels : tuple of int
        The absolute label of each letter.
    parts : tuple of partitions
        The current vertex labels ``(mu^0, ..., mu^{T-1})``.
    flips : tuple
        The flips done in this sweep: ``(position, cell, content)``.
    """

    sweep: int
    word: tuple[int, ...]
    labels: tuple[int, ...]
    parts: tuple[tuple[int, ...], ...]
    flips: tuple[tuple[int, tuple[int, int], int], ...]


def _forward_parts(word: tuple[int, ...], parts: list[tuple[int, ...]],
                   record: list | None = None) -> tuple[tuple[int, ...], dict[tuple[int, int], int]]:
    T = len(word)
    w = list(word)
    lab = list(range(T))
    mu = [tuple(p) for p in parts]
    weight = sum(sum(p) for p in mu)
    filling: dict[tuple[int, int], int] = {}
    limit = weight + 2 * T + 2
    sweeps = 0
    if record is not None:
        record.append(SweepStep(0, tuple(w), tuple(lab), tuple(mu), ()))
    first = mu[0]
    while any(p != first for p in mu):
        if sweeps > limit:  # pragma: no cover - would be a bug
            raise RuntimeError(
                f"growth sweep did not settle after {sweeps} sweeps on profile {word}"
            )
        flips = []
        corners = [p for p in range(T) if w[p] == 1 and w[p + 1 if p + 1 < T else 0] == 0]
        for p in corners:
            q = p + 1 if p + 1 < T else 0
            r = q + 1 if q + 1 < T else 0
            t, c = _backward(mu[r], mu[q], mu[p])
            mu[q] = t
            a, b = lab[p], lab[q]
            if q == 0:
                b += T
            cell = (a % T, b - a)
            if c:
                filling[cell] = filling.get(cell, 0) + c
            w[p], w[q] = 0, 1
            if q == 0:
                lab[p], lab[q] = b, a - T
            else:
                lab[p], lab[q] = b, a
            if record is not None:
                flips.append((p, cell, c))
        sweeps += 1
        first = mu[0]
        if record is not None:
            record.append(SweepStep(sweeps, tuple(w), tuple(lab), tuple(mu), tuple(flips)))
    return first, dict(sorted(filling.items()))


def _as_cp(cp: Any, parts: Any = None):
    from combalg.cylindric import CylindricPartition

    if parts is not None:
        return CylindricPartition(cp, parts)
    if isinstance(cp, CylindricPartition):
        return cp
    raise InvalidInputError(
        f"invalid cylindric partition {short_repr(cp)}: expected a CylindricPartition, "
        "or a profile together with parts="
    )


def cylinder_forward(cp: Any, parts: Any = None) -> tuple[tuple[int, ...], dict[tuple[int, int], int]]:
    """Map a cylindric partition to ``(nu, m)`` by sweeping the cylinder.

    Growth bijection (reconstruction of Langer's); see the module docstring.

    Parameters
    ----------
    cp : CylindricPartition, or a profile when ``parts`` is given
        The cylindric partition ``Lambda``.
    parts : sequence of partitions, optional
        ``(mu^0, ..., mu^{T-1})``; then ``cp`` is the profile.  The parts are
        validated (interlacing at every step).

    Returns
    -------
    nu : tuple of int
        A partition.
    m : dict
        ``{(i, d): m(i, d)}`` with ``i`` the 0-indexed position of a 1 of the
        profile and ``d >= 1`` a distance to a 0; only nonzero entries,
        sorted.  ``|Lambda| = T |nu| + sum d m(i, d)``.

    Raises
    ------
    InvalidInputError
        If ``parts`` do not form a cylindric partition of the profile (the
        message names the step that does not interlace).

    Examples
    --------
    >>> cylinder_forward("10", parts=[[2], [3, 1]])
    ((1,), {(0, 1): 1, (0, 3): 1})
    >>> cylinder_forward("1100", parts=[[1], [1], [1], [1]])
    ((1,), {})
    >>> cylinder_forward("10", parts=[[1], [2, 2]])
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid cylindric partition of profile 10: step 1 (letter 1, grow) needs mu^1/mu^0 to be a horizontal strip, but mu^0 = (1) and mu^1 = (2,2)
    """
    c = _as_cp(cp, parts)
    return _forward_parts(c.profile.word, [tuple(p) for p in c.parts])


def cylinder_sweeps(cp: Any, parts: Any = None) -> list[SweepStep]:
    """The states of the forward sweep, one [`SweepStep`][SweepStep] per sweep.

    Useful to follow (or draw) the bijection.  The last step has all parts
    equal to ``nu``.

    Examples
    --------
    >>> steps = cylinder_sweeps("10", parts=[[2], [3, 1]])
    >>> [(s.word, s.parts) for s in steps]
    [((1, 0), ((2,), (3, 1))), ((0, 1), ((2,), (1,))), ((1, 0), ((1,), (1,)))]
    >>> [s.flips for s in steps[1:]]
    [((0, (0, 1), 1),), ((1, (0, 3), 1),)]
    """
    c = _as_cp(cp, parts)
    record: list[SweepStep] = []
    _forward_parts(c.profile.word, [tuple(p) for p in c.parts], record)
    return record


# ---------------------------------------------------------------- inverse
def _check_filling(word: tuple[int, ...], filling: Any) -> dict[tuple[int, int], int]:
    if not isinstance(filling, Mapping):
        raise InvalidInputError(
            f"invalid filling {short_repr(filling)}: expected a dict {{(i, d): m}} of cells of C(pi)"
        )
    out: dict[tuple[int, int], int] = {}
    prof = "".join(map(str, word))
    for key, v in filling.items():
        ok_key = (
            isinstance(key, tuple) and len(key) == 2
            and all(isinstance(k, int) and not isinstance(k, bool) for k in key)
        )
        if not ok_key or not _is_cell(word, key[0], key[1]):
            raise InvalidInputError(
                f"invalid filling cell {short_repr(key)}: not a cell (i, d) of C(pi) for profile {prof} "
                "(expected 0 <= i < T with pi_i = 1, d >= 1 and a 0 at position (i + d) mod T, "
                "positions counted from 0)"
            )
        if not (isinstance(v, int) and not isinstance(v, bool) and v >= 0):
            raise InvalidInputError(
                f"invalid filling entry {short_repr(v)} at cell {key}: expected a nonnegative integer"
            )
        if v:
            out[key] = v
    return out


def cylinder_inverse(profile: Any, nu: Iterable[int], filling: Mapping[tuple[int, int], int],
                     max_weight: int | None = None):
    """Map ``(nu, m)`` back to a cylindric partition (inverse of [`cylinder_forward`][cylinder_forward]).

    Growth bijection (reconstruction of Langer's); see the module docstring.

    Parameters
    ----------
    profile : Profile, str or sequence of 0/1
        The profile ``pi``.
    nu : partition
        Any partition.
    filling : dict
        ``{(i, d): m}`` with every key a cell of ``C(pi)`` (``i`` 0-indexed)
        and nonnegative integer values.
    max_weight : int, optional
        Refuse (with ResourceLimitError, before any work) if the weight
        ``T |nu| + sum d m`` exceeds this.

    Returns
    -------
    CylindricPartition
        ``Lambda`` with ``cylinder_forward(Lambda) == (nu, m)``.

    Raises
    ------
    InvalidInputError
        If ``nu`` is not a partition or a filling cell is not in ``C(pi)``
        (the message names the cell).
    ResourceLimitError
        If the weight exceeds ``max_weight``, or the largest distance ``d`` of the
        filling would need more than [`MAX_WORK`][MAX_WORK] units of work.

    Examples
    --------
    >>> [tuple(p) for p in cylinder_inverse("1010", (), {(0, 1): 1, (0, 5): 1, (2, 1): 1}).parts]
    [(1,), (2, 1), (1,), (2,)]
    >>> cylinder_inverse("1010", (), {(1, 1): 1})
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid filling cell (1, 1): not a cell (i, d) of C(pi) for profile 1010 (expected 0 <= i < T with pi_i = 1, d >= 1 and a 0 at position (i + d) mod T, positions counted from 0)
    """
    from combalg.cylindric import CylindricPartition, Profile

    pi = profile if isinstance(profile, Profile) else Profile(profile)
    word = pi.word
    T = len(word)
    nu_t = as_partition(nu, "nu")
    m = _check_filling(word, filling)
    max_weight = nonnegative_int("max_weight", max_weight, allow_none=True)
    if m:
        sweeps = max(d for (_, d) in m) + 2 * T + 2
        work = sweeps * T * (len(nu_t) + sweeps)
        if work > MAX_WORK:
            raise ResourceLimitError(
                f"filling cell distance {max(d for (_, d) in m)} on a profile of length {T} "
                f"would need about {work} units of work, more than MAX_WORK = {MAX_WORK}"
            )
    if max_weight is not None:
        wt = cylinder_weight(word, nu_t, m)
        if wt > max_weight:
            raise ResourceLimitError(
                f"weight {wt} of (nu, filling) exceeds max_weight={max_weight}"
            )
    mu = [nu_t] * T
    if m:
        sched = _schedule(word)
        limit = max(d for (_, d) in m) + 2 * T + 2
        while any(cell not in sched.sweep_of for cell in m):
            if len(sched.sweeps) > limit:  # pragma: no cover - would be a bug
                raise RuntimeError(f"cells {sorted(m)} not reached after {limit} sweeps")
            sched.extend()
        last = max(sched.sweep_of[cell] for cell in m)
        for s in range(last, -1, -1):
            for p, cell in sched.sweeps[s]:
                q = p + 1 if p + 1 < T else 0
                r = q + 1 if q + 1 < T else 0
                mu[q] = _forward(mu[r], mu[q], mu[p], m.get(cell, 0))
    return CylindricPartition(pi, mu, validate=False)
