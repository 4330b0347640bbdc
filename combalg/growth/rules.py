"""Local rules for growth diagrams on Young's lattice.

A *local rule* acts on one cell of a growth diagram whose four corners carry
partitions, drawn in matrix coordinates (the origin is the top-left corner and
labels grow to the right and downwards):

    t --- x
    |  m  |
    y --- z

``m`` is the content of the cell (a nonnegative integer).  The *forward rule*
computes ``z`` from ``(y, t, x, m)``; the *backward rule* recovers ``(t, m)``
from ``(y, z, x)``.  The argument order ``(y, t, x, content)`` and
``(y, z, x)`` is the one of SageMath's ``sage.combinat.growth``, so that rules
can be compared side by side.

Two rules are provided:

* [`RuleRSK`][RuleRSK] -- the Robinson-Schensted-Knuth rule (Krattenthaler's
  rules F^1/B^1): consecutive labels differ by *horizontal* strips and the
  growth diagram of a nonnegative integer matrix gives the RSK pair of
  semistandard tableaux.
* [`RuleBurge`][RuleBurge] -- Burge's variant: consecutive labels differ by
  *vertical* strips; its labels are the conjugates of the Greene-Kleitman
  invariants for chains of cells going weakly up and to the right.  The
  closed form used here was derived by composing Schensted's rule over the
  standardisation of a cell (see the class docstring) and is checked against
  that composition in the test suite.

Each rule can check itself: [`Rule.check_duality`][Rule.check_duality] verifies, for all
labels of small rank, the dual graded graph identity ``DU - UD = I`` on
Young's lattice and that the forward and backward rules are mutually inverse.

References
----------
- [Fom95] S. Fomin, *Schensted algorithms for dual graded graphs*,
   J. Algebraic Combin. 4 (1995).
- [Kra06] C. Krattenthaler, *Growth diagrams, and increasing and decreasing
   chains in fillings of Ferrers shapes*, Adv. in Appl. Math. 37 (2006).
"""

from __future__ import annotations

import time
from itertools import product
from typing import Iterable, Sequence

from combalg.core.bignum import short_repr
from combalg.core.checks import CheckResult, Mismatch
from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.core.validation import nonnegative_int, sequence_arg
from combalg.partitions import partitions_of
from combalg.partitions.strips import _is_horizontal_strip_parts, _is_vertical_strip_parts

__all__ = [
    "Rule",
    "RuleRSK",
    "RuleBurge",
    "RuleMismatch",
    "as_partition",
    "is_horizontal_strip",
    "is_vertical_strip",
]



#: largest cell content accepted by [`RuleBurge.forward_rule`][RuleBurge.forward_rule] (the content
#: becomes a column of that many rows)
MAX_BURGE_CONTENT = 1_000_000

#: largest ``3^max_rank * (max_content + 1)`` accepted by [`Rule.check_duality`][Rule.check_duality]
_DUALITY_BUDGET = 3**9 * 3


# ---------------------------------------------------------------- helpers
def as_partition(value: Iterable[int], name: str = "partition") -> tuple[int, ...]:
    """Return ``value`` as a tuple of positive integers, weakly decreasing.

    Trailing zeros are dropped.  Anything else raises
    [`InvalidInputError`][combalg.core.errors.InvalidInputError] naming ``name``.

    Examples
    --------
    >>> as_partition([3, 1, 0])
    (3, 1)
    >>> as_partition([1, 2], name="x")
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid x [1, 2]: expected a weakly decreasing sequence of nonnegative integers
    """
    try:
        parts = sequence_arg(name, value)
    except InvalidInputError:
        raise InvalidInputError(
            f"invalid {name} {short_repr(value)}: expected a weakly decreasing sequence of "
            "nonnegative integers"
        ) from None
    ok = all(isinstance(p, int) and not isinstance(p, bool) and p >= 0 for p in parts)
    ok = ok and all(parts[i] >= parts[i + 1] for i in range(len(parts) - 1))
    if not ok:
        raise InvalidInputError(
            f"invalid {name} {short_repr(value)}: expected a weakly decreasing sequence of "
            "nonnegative integers"
        )
    while parts and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def _flag(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise InvalidInputError(f"invalid {name} {short_repr(value)}: expected True or False")
    return value


def _at(p: Sequence[int], i: int) -> int:
    return p[i] if i < len(p) else 0


def _strip_zeros(z: list[int]) -> tuple[int, ...]:
    while z and z[-1] == 0:
        z.pop()
    return tuple(z)


def _trimmed(p: Sequence[int]) -> Sequence[int]:
    """``p`` without its trailing zeros."""
    n = len(p)
    while n and p[n - 1] == 0:
        n -= 1
    return p if n == len(p) else p[:n]


def is_horizontal_strip(big: Sequence[int], small: Sequence[int]) -> bool:
    """Whether ``big / small`` is a horizontal strip (interlacing).

    That is ``big_1 >= small_1 >= big_2 >= small_2 >= ...``.  The arguments are
    sequences of nonnegative integers, trailing zeros allowed (not checked); this is
    [`combalg.partitions.is_horizontal_strip`][combalg.partitions.is_horizontal_strip] without its validation.

    Examples
    --------
    >>> is_horizontal_strip((3, 1), (1,))
    True
    >>> is_horizontal_strip((2, 2), (1,))
    False
    """
    return _is_horizontal_strip_parts(_trimmed(big), _trimmed(small))


def is_vertical_strip(big: Sequence[int], small: Sequence[int]) -> bool:
    """Whether ``big / small`` is a vertical strip (at most one box per row).

    Arguments as in [`is_horizontal_strip`][is_horizontal_strip] (not checked); this is
    [`combalg.partitions.is_vertical_strip`][combalg.partitions.is_vertical_strip] without its validation.

    Examples
    --------
    >>> is_vertical_strip((2, 2, 1), (1, 1))
    True
    >>> is_vertical_strip((3,), (1,))
    False
    """
    return _is_vertical_strip_parts(_trimmed(big), _trimmed(small))


def _add_box(p: tuple[int, ...], row: int) -> tuple[int, ...]:
    q = list(p) + [0]
    q[row] += 1
    return _strip_zeros(q)


def _up(p: tuple[int, ...]) -> list[tuple[int, ...]]:
    """Partitions covering ``p`` in Young's lattice (one box more)."""
    return [
        _add_box(p, r)
        for r in range(len(p) + 1)
        if r == 0 or _at(p, r) < p[r - 1]
    ]


def _down(p: tuple[int, ...]) -> list[tuple[int, ...]]:
    """Partitions covered by ``p`` (one box less)."""
    out = []
    for r in range(len(p)):
        if _at(p, r + 1) < p[r]:
            q = list(p)
            q[r] -= 1
            out.append(_strip_zeros(q))
    return out


#: Former name of the failure [`Rule.check_duality`][Rule.check_duality] reports; it now returns the
#: core [`CheckResult`][combalg.core.checks.CheckResult], whose ``first_mismatch`` is a
#: [`Mismatch`][combalg.core.checks.Mismatch] with ``where = (kind, labels)`` and
#: ``left``/``right`` = what should have come out / what did.
RuleMismatch = Mismatch


# ---------------------------------------------------------------- rules
class Rule:
    """Base class of a local rule on Young's lattice.

    Subclasses define [`forward_rule`][forward_rule], [`backward_rule`][backward_rule] and
    [`is_edge`][is_edge] (which strips are allowed between consecutive labels).

    Attributes
    ----------
    zero : tuple
        The bottom element of the lattice (the empty partition).
    strip : str
        ``"horizontal"`` or ``"vertical"``: the kind of strip between the two
        ends of an edge of a growth diagram.
    """

    zero: tuple[int, ...] = ()
    strip: str = "horizontal"
    name: str = "rule"

    def rank(self, v: Sequence[int]) -> int:
        """The rank of a label: the size of the partition (checked as by [`as_partition`][as_partition]).

        Examples
        --------
        >>> RuleRSK().rank((3, 1))
        4
        """
        return sum(as_partition(v, "label"))

    def normalize_vertex(self, v: Iterable[int], name: str = "label") -> tuple[int, ...]:
        """Return ``v`` as a partition tuple (raises InvalidInputError otherwise)."""
        return as_partition(v, name)

    def is_edge(self, v: Sequence[int], w: Sequence[int]) -> bool:
        """Whether ``w / v`` is a strip of the rule's kind (``v`` below ``w``).

        Both labels are checked as by [`as_partition`][as_partition] (trailing zeros
        allowed); anything else raises
        [`InvalidInputError`][combalg.core.errors.InvalidInputError].

        Examples
        --------
        >>> RuleRSK().is_edge((1,), (3,))
        True
        >>> RuleBurge().is_edge((1,), (3,))
        False
        """
        return self._is_edge(as_partition(v, "v"), as_partition(w, "w"))

    def _is_edge(self, v: Sequence[int], w: Sequence[int]) -> bool:
        """[`is_edge`][is_edge] for valid labels (no validation, for inner loops)."""
        if self.strip == "horizontal":
            return is_horizontal_strip(w, v)
        return is_vertical_strip(w, v)

    def forward_rule(self, y, t, x, content):  # pragma: no cover - abstract
        raise NotImplementedError

    def _check_forward(self, y, t, x, content):
        """Validate the arguments of a forward rule; return them as tuples."""
        yy = as_partition(y, "y")
        tt = as_partition(t, "t")
        xx = as_partition(x, "x")
        content = nonnegative_int("content", content)
        for name, v in (("x", xx), ("y", yy)):
            if not self._is_edge(tt, v):
                raise InvalidInputError(
                    f"invalid corner labels for the {self.name} rule: {name}/t = {short_repr(v)}/{short_repr(tt)} is "
                    f"not a {self.strip} strip"
                )
        return yy, tt, xx, content

    def _check_backward(self, y, z, x):
        """Validate the arguments of a backward rule; return them as tuples."""
        yy = as_partition(y, "y")
        zz = as_partition(z, "z")
        xx = as_partition(x, "x")
        for name, v in (("x", xx), ("y", yy)):
            if not self._is_edge(v, zz):
                raise InvalidInputError(
                    f"invalid corner labels for the {self.name} rule: z/{name} = {short_repr(zz)}/{short_repr(v)} is "
                    f"not a {self.strip} strip"
                )
        return yy, zz, xx

    def backward_rule(self, y, z, x):  # pragma: no cover - abstract
        raise NotImplementedError

    def __call__(self, filling=None, shape=None, labels=None):
        """Build a [`GrowthDiagram`][combalg.growth.engine.GrowthDiagram] with this rule."""
        from combalg.growth.engine import GrowthDiagram

        return GrowthDiagram(self, filling=filling, shape=shape, labels=labels)

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __hash__(self) -> int:
        return hash(type(self).__name__)

    def _jsonable_(self) -> str:
        """The class name, e.g. ``"RuleRSK"`` (see [`combalg.core.encoding`][combalg.core.encoding])."""
        return type(self).__name__

    # ---------------------------------------------------------- self-check
    def _strips_over(self, t: tuple[int, ...], max_boxes: int) -> list[tuple[int, ...]]:
        """All labels ``x`` with ``x / t`` an allowed strip of at most max_boxes boxes."""
        seen = {t}
        frontier = [t]
        for _ in range(max_boxes):
            nxt = []
            for p in frontier:
                for q in _up(p):
                    if q not in seen and self._is_edge(t, q):
                        seen.add(q)
                        nxt.append(q)
            frontier = nxt
        return sorted(seen)

    def check_duality(self, max_rank: int = 4, max_content: int = 2) -> CheckResult:
        """Check the rule against itself for all labels of small rank.

        Three things are checked:

        1. ``D U - U D = I`` on Young's lattice for every partition of size at
           most ``max_rank`` (the dual graded graph identity with ``r = 1``);
        2. ``backward_rule(y, forward_rule(y, t, x, m), x) == (t, m)`` for all
           ``|t| <= max_rank``, strips ``x / t``, ``y / t`` of at most
           ``max_rank`` boxes and ``0 <= m <= max_content``, and that the output
           ``z`` is above ``x`` and ``y`` by allowed strips;
        3. ``forward_rule(y, t, x, m) == z`` where ``(t, m)`` is the output of
           the backward rule, for all ``z`` with ``|z| <= max_rank + 1`` and
           allowed strips ``z / x``, ``z / y``.

        Parameters
        ----------
        max_rank : int
            Largest partition size to try.
        max_content : int
            Largest cell content to try.

        Returns
        -------
        CheckResult
            ``ok`` when every check passes; otherwise ``first_mismatch.where``
            is ``(kind, labels)`` with ``kind`` one of ``"DU-UD"``,
            ``"forward strips"``, ``"backward(forward)"``, ``"backward strips"``,
            ``"forward(backward)"``, and ``left``/``right`` are what should have
            come out and what did.

        Raises
        ------
        InvalidInputError
            If ``max_rank`` or ``max_content`` is not a nonnegative integer.
        ResourceLimitError
            If ``3^max_rank * (max_content + 1)`` exceeds ``3^9 * 3`` (the work
            grows about threefold per rank).

        Examples
        --------
        >>> RuleRSK().check_duality(3).ok
        True
        >>> print(RuleBurge().check_duality(3))  # doctest: +ELLIPSIS
        duality of the Burge rule (rule=RuleBurge, max_rank=3, max_content=2): OK, forward rule = backward rule [... s]
        """
        max_rank = nonnegative_int("max_rank", max_rank)
        max_content = nonnegative_int("max_content", max_content)
        # the work grows about threefold per rank and linearly in the content
        if 3**max_rank * (max_content + 1) > _DUALITY_BUDGET:
            raise ResourceLimitError(
                f"check_duality(max_rank={max_rank}, max_content={max_content}) would take "
                "too long; keep 3^max_rank * (max_content + 1) <= 3^9 * 3 (max_rank = 9 with "
                "max_content = 2 takes about a minute)"
            )
        t0 = time.perf_counter()
        mismatch = self._duality_mismatch(max_rank, max_content)
        return CheckResult(f"duality of the {self.name} rule",
                           {"rule": type(self).__name__, "max_rank": max_rank, "max_content": max_content},
                           ("forward rule", "backward rule"), mismatch, time.perf_counter() - t0)

    def _duality_mismatch(self, max_rank: int, max_content: int) -> Mismatch | None:
        """The first failure of [`check_duality`][check_duality], or None."""
        # 1. dual graded graph identity on Young's lattice
        for n in range(max_rank + 1):
            for v in map(tuple, partitions_of(n)):
                du: dict = {}
                for w in _up(v):
                    for u in _down(w):
                        du[u] = du.get(u, 0) + 1
                ud: dict = {v: 1}
                for w in _down(v):
                    for u in _up(w):
                        ud[u] = ud.get(u, 0) + 1
                if du != ud:
                    return Mismatch(("DU-UD", (v,)), ud, du)
        # 2. backward(forward) = identity
        for n in range(max_rank + 1):
            for t in map(tuple, partitions_of(n)):
                ups = self._strips_over(t, max_rank)
                for x, y in product(ups, ups):
                    for m in range(max_content + 1):
                        z = self.forward_rule(y, t, x, m)
                        if not (self._is_edge(x, z) and self._is_edge(y, z)):
                            return Mismatch(("forward strips", (y, t, x, m)), "strips", z)
                        back = self.backward_rule(y, z, x)
                        if back != (t, m):
                            return Mismatch(("backward(forward)", (y, t, x, m)), (t, m), back)
        # 3. forward(backward) = identity
        for n in range(max_rank + 2):
            for z in map(tuple, partitions_of(n)):
                downs = [p for p in self._strips_under(z, max_rank)]
                for x, y in product(downs, downs):
                    t, m = self.backward_rule(y, z, x)
                    if m < 0 or not (self._is_edge(t, x) and self._is_edge(t, y)):
                        return Mismatch(("backward strips", (y, z, x)), "strips", (t, m))
                    again = self.forward_rule(y, t, x, m)
                    if again != z:
                        return Mismatch(("forward(backward)", (y, z, x)), z, again)
        return None

    def _strips_under(self, z: tuple[int, ...], max_boxes: int) -> list[tuple[int, ...]]:
        seen = {z}
        frontier = [z]
        for _ in range(max_boxes):
            nxt = []
            for p in frontier:
                for q in _down(p):
                    if q not in seen and self._is_edge(q, z):
                        seen.add(q)
                        nxt.append(q)
            frontier = nxt
        return sorted(seen)


class RuleRSK(Rule):
    """The Robinson-Schensted-Knuth local rule (Krattenthaler F^1 / B^1).

    Labels differ by horizontal strips.  For a cell with corners
    ``t, x, y, z`` and content ``m`` (see the module docstring):

    * forward: ``z_1 = max(x_1, y_1) + m`` and, for ``i >= 1``,
      ``z_{i+1} = max(x_{i+1}, y_{i+1}) + min(x_i, y_i) - t_i``;
    * backward: ``m = z_1 - max(x_1, y_1)`` and
      ``t_i = min(x_i, y_i) - (z_{i+1} - max(x_{i+1}, y_{i+1}))``.

    In particular ``|z| + |t| = |x| + |y| + m``.

    Examples
    --------
    The two examples of the SageMath documentation:

    >>> R = RuleRSK()
    >>> R.forward_rule([2, 1], [2, 1], [2, 1], 1)
    (3, 1)
    >>> R.forward_rule(y=[1], t=[], x=[2], content=2)
    (4, 1)
    >>> R.backward_rule((2, 1), (3, 1), (2, 1))
    ((2, 1), 1)

    References
    ----------
    Krattenthaler, Adv. in Appl. Math. 37 (2006), rules (F^1 0)-(F^1 2).
    """

    strip = "horizontal"
    name = "RSK"

    def forward_rule(self, y, t, x, content, *, check: bool = True) -> tuple[int, ...]:
        """Return ``z`` from ``y, t, x`` and the content (see the class docstring).

        With ``check`` (the default) the labels must be partitions with ``x/t``
        and ``y/t`` horizontal strips and the content a nonnegative integer;
        otherwise [`InvalidInputError`][combalg.core.errors.InvalidInputError] is raised.
        ``check=False`` skips this (for inner loops on known-valid data).

        Examples
        --------
        >>> RuleRSK().forward_rule([1], [2], [1], 0)
        Traceback (most recent call last):
        ...
        combalg.core.errors.InvalidInputError: invalid corner labels for the RSK rule: x/t = (1,)/(2,) is not a horizontal strip
        """
        if _flag("check", check):
            y, t, x, content = self._check_forward(y, t, x, content)
        return self._forward_raw(y, t, x, content)

    def _forward_raw(self, y, t, x, content) -> tuple[int, ...]:
        n = max(len(x), len(y))
        X = list(x) + [0] * (n + 1 - len(x))
        Y = list(y) + [0] * (n + 1 - len(y))
        Tt = list(t) + [0] * (n + 1 - len(t))
        z = [(X[0] if X[0] > Y[0] else Y[0]) + content]
        for i in range(n):
            a, b = X[i + 1], Y[i + 1]
            c, d = X[i], Y[i]
            z.append((a if a > b else b) + (c if c < d else d) - Tt[i])
        while z and z[-1] == 0:
            z.pop()
        return tuple(z)

    def backward_rule(self, y, z, x, *, check: bool = True) -> tuple[tuple[int, ...], int]:
        """Return ``(t, content)`` from ``y, z, x`` (see the class docstring).

        With ``check`` (the default) ``z/x`` and ``z/y`` must be horizontal strips
        of partitions, else [`InvalidInputError`][combalg.core.errors.InvalidInputError].
        """
        if _flag("check", check):
            y, z, x = self._check_backward(y, z, x)
        return self._backward_raw(y, z, x)

    def _backward_raw(self, y, z, x) -> tuple[tuple[int, ...], int]:
        n = max(len(x), len(y))
        X = list(x) + [0] * (n + 1 - len(x))
        Y = list(y) + [0] * (n + 1 - len(y))
        Z = list(z) + [0] * (n + 1 - len(z))
        m = Z[0] - (X[0] if X[0] > Y[0] else Y[0])
        t = []
        for i in range(n):
            a, b = X[i + 1], Y[i + 1]
            c, d = X[i], Y[i]
            t.append((c if c < d else d) - (Z[i + 1] - (a if a > b else b)))
        while t and t[-1] == 0:
            t.pop()
        return tuple(t), m


class RuleBurge(Rule):
    """Burge's local rule: labels differ by vertical strips.

    The labels of the growth diagram of a nonnegative integer matrix are the
    conjugates of the Greene-Kleitman invariants for chains of cells going
    weakly up and weakly to the right (Krattenthaler's rules F^4/B^4).

    Forward rule, row by row from the top with a carry starting at ``m``:
    ``z_i = max(x_i, y_i) + a_i`` where ``a_i = 1`` if ``x_i = y_i = t_i`` and
    the carry is positive (``a_i = 0`` otherwise); then the carry becomes
    ``carry - a_i + (min(x_i, y_i) - t_i)``.  So the content adds one box to
    each of the topmost rows untouched by both strips, and a row in which both
    strips have a box pushes one box further down.  The backward rule undoes
    this from the bottom row up.

    This closed form was derived by standardising a cell of content ``m`` into
    an anti-diagonal ``m x m`` block (entries of one row or column of the
    matrix become decreasing) and composing Schensted's rule over the block;
    the tests compare it with that composition and with the Greene-Kleitman
    description.

    Examples
    --------
    >>> B = RuleBurge()
    >>> B.forward_rule([2, 1], [2, 1], [2, 1], 1)
    (3, 1)
    >>> B.backward_rule([1, 1, 1], [2, 1, 1, 1], [2, 1, 1])
    ((1, 1), 0)

    References
    ----------
    Krattenthaler, Adv. in Appl. Math. 37 (2006), rules (F^4)/(B^4);
    W. H. Burge, *Four correspondences between graphs and generalized Young
    tableaux*, J. Combin. Theory A 17 (1974).
    """

    strip = "vertical"
    name = "Burge"

    def forward_rule(self, y, t, x, content, *, check: bool = True) -> tuple[int, ...]:
        """Return ``z`` from ``y, t, x`` and the content (see the class docstring).

        With ``check`` (the default) the labels must be partitions with ``x/t``
        and ``y/t`` vertical strips and the content a nonnegative integer, else
        [`InvalidInputError`][combalg.core.errors.InvalidInputError]; ``check=False`` skips this.
        """
        if _flag("check", check):
            y, t, x, content = self._check_forward(y, t, x, content)
        if content > MAX_BURGE_CONTENT:
            raise ResourceLimitError(
                f"content {short_repr(content)} would give a column of {short_repr(content)} rows; the limit is "
                f"MAX_BURGE_CONTENT = {MAX_BURGE_CONTENT}"
            )
        return self._forward_raw(y, t, x, content)

    def _forward_raw(self, y, t, x, content) -> tuple[int, ...]:
        n = len(x) + len(y) + content + 1
        carry = content
        z = []
        for i in range(n):
            xi, yi, ti = _at(x, i), _at(y, i), _at(t, i)
            add = 1 if (xi == yi == ti and carry > 0) else 0
            z.append(max(xi, yi) + add)
            carry += min(xi, yi) - ti - add
            if carry == 0 and i >= len(x) and i >= len(y):
                break
        return _strip_zeros(z)

    def backward_rule(self, y, z, x, *, check: bool = True) -> tuple[tuple[int, ...], int]:
        """Return ``(t, content)`` from ``y, z, x`` (see the class docstring).

        With ``check`` (the default) ``z/x`` and ``z/y`` must be vertical strips of
        partitions, else [`InvalidInputError`][combalg.core.errors.InvalidInputError].
        """
        if _flag("check", check):
            y, z, x = self._check_backward(y, z, x)
        return self._backward_raw(y, z, x)

    def _backward_raw(self, y, z, x) -> tuple[tuple[int, ...], int]:
        n = max(len(x), len(y), len(z))
        t = [0] * n
        carry = 0  # the carry entering the row below the current one
        for i in range(n - 1, -1, -1):
            xi, yi, zi = _at(x, i), _at(y, i), _at(z, i)
            if xi != yi:
                t[i] = min(xi, yi)
            elif zi == xi + 1:
                t[i] = xi
                carry += 1
            elif carry > 0:
                t[i] = xi - 1
                carry -= 1
            else:
                t[i] = xi
        return _strip_zeros(t), carry
