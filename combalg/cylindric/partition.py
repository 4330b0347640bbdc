"""Cylindric plane partitions as immutable value objects.

A cylindric partition of profile ``pi = (pi_1, ..., pi_T)`` is a sequence of
partitions ``Lambda = (mu^0, mu^1, ..., mu^T)`` with ``mu^T = mu^0`` such that, for
``k = 1, ..., T``,

* ``pi_k = 1`` (grow): ``mu^k / mu^{k-1}`` is a horizontal strip,
  ``mu^k_1 >= mu^{k-1}_1 >= mu^k_2 >= mu^{k-1}_2 >= ...``;
* ``pi_k = 0`` (shrink): ``mu^{k-1} / mu^k`` is a horizontal strip.

It is stored as the ``T``-tuple ``(mu^0, ..., mu^{T-1})``.  Its weight
``|Lambda| = |mu^1| + ... + |mu^T|`` counts ``mu^0 = mu^T`` once, so it is the sum of
the sizes of the stored entries (Langer, Definition 1.1; Borodin).

Examples
--------
>>> from combalg.cylindric import CylindricPartition
>>> cp = CylindricPartition("1010", [[1], [2, 1], [1], [2]])
>>> cp.weight, cp.trace, cp.max_part
(7, 1, 2)
>>> cp.mu(4) == cp.mu(0)
True
>>> CylindricPartition("10", [[2], [1]])
Traceback (most recent call last):
...
combalg.core.errors.InvalidInputError: invalid cylindric partition of profile 10: step 1 (letter 1, grow) needs mu^1/mu^0 to be a horizontal strip, but mu^0 = (2) and mu^1 = (1)

References
----------
- [1] R. Langer, "Enumeration of cylindric plane partitions - part I",
   arXiv:1204.4583, Definition 1.1.
- [2] A. Borodin, "Periodic Schur process and cylindric partitions",
   Duke Math. J. 140 (2007).
- [3] I. M. Gessel and C. Krattenthaler, "Cylindric partitions",
   Trans. AMS 349 (1997) (the c-profile form).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError
from combalg.core.validation import sequence_arg
from combalg.cylindric.profile import Profile, _composition, _shift, as_profile
from combalg.partitions import Partition
from combalg.partitions import compact_str as _fmt
from combalg.partitions.strips import _is_horizontal_strip_parts

__all__ = [
    "CylindricPartition",
    "interlaces",
    "c_profile_array_is_valid",
    "to_c_profile_array",
    "from_c_profile_array",
]


def interlaces(big: Sequence[int], small: Sequence[int]) -> bool:
    """Whether ``big / small`` is a horizontal strip (``big_1 >= small_1 >= big_2 >= ...``).

    Both arguments are weakly decreasing tuples of positive ints (not checked); this
    is [`combalg.partitions.is_horizontal_strip`][combalg.partitions.is_horizontal_strip] without its validation.

    Examples
    --------
    >>> interlaces((3, 1), (2,)), interlaces((2, 2), (1,)), interlaces((2,), (2, 1))
    (True, False, False)
    """
    return _is_horizontal_strip_parts(big, small)


def _as_partition(parts: object, what: str) -> Partition:
    try:
        return Partition(parts)  # type: ignore[arg-type]
    except InvalidInputError as exc:
        raise InvalidInputError(f"invalid {what}: {exc}") from None


class CylindricPartition:
    """A cylindric plane partition ``(mu^0, ..., mu^{T-1})`` of a given profile.

    Parameters
    ----------
    profile : Profile or str or sequence of int
        The profile ``pi`` (letter 1 = grow, 0 = shrink).
    parts : sequence of partitions
        ``(mu^0, ..., mu^{T-1})``.  A sequence of ``T + 1`` partitions
        ``(mu^0, ..., mu^T)`` is also accepted if ``mu^T == mu^0``.
    validate : bool, optional
        Check every interlacing step (default).  Pass ``False`` only for data that
        is known to be valid (the library's own generators do).

    Attributes
    ----------
    profile : Profile
        The profile.
    parts : tuple of Partition
        ``(mu^0, ..., mu^{T-1})``.

    Raises
    ------
    InvalidInputError
        If the number of parts is wrong, a part is not a partition, ``mu^T != mu^0``
        (when ``T + 1`` parts are given) or a step does not interlace; the message
        names the failing step.

    Examples
    --------
    >>> cp = CylindricPartition("110100", [[1], [2], [3, 1], [2], [2, 1], [1]])
    >>> cp.weight, cp.trace
    (13, 1)
    >>> CylindricPartition("10", [[1], [2], [2]])
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid cylindric partition of profile 10: mu^T = mu^2 = (2) differs from mu^0 = (1)
    """

    __slots__ = ("_profile", "_parts", "_hash")

    def __init__(
        self,
        profile: Profile | str | Iterable[int],
        parts: Sequence[Iterable[int]],
        *,
        validate: bool = True,
    ) -> None:
        pi = as_profile(profile)
        T = pi.T
        if not isinstance(validate, bool):
            raise InvalidInputError(f"invalid validate {short_repr(validate)}: expected True or False")
        try:
            items = sequence_arg("parts", parts)
        except InvalidInputError:
            raise InvalidInputError(
                f"invalid parts {short_repr(parts)}: expected a sequence of {T} partitions"
            ) from None
        if len(items) not in (T, T + 1):
            raise InvalidInputError(
                f"invalid parts {short_repr(items)}: profile {pi} has T = {T}, expected {T} "
                f"partitions (mu^0, ..., mu^{T - 1}) or {T + 1} with mu^{T} = mu^0"
            )
        ps = tuple(_as_partition(p, f"mu^{k}") for k, p in enumerate(items))
        if len(ps) == T + 1:
            if ps[T] != ps[0]:
                raise InvalidInputError(
                    f"invalid cylindric partition of profile {pi}: mu^T = mu^{T} = "
                    f"{_fmt(ps[T])} differs from mu^0 = {_fmt(ps[0])}"
                )
            ps = ps[:T]
        if validate:
            _check_steps(pi, ps)
        object.__setattr__(self, "_profile", pi)
        object.__setattr__(self, "_parts", ps)
        object.__setattr__(self, "_hash", hash((pi, ps)))

    @classmethod
    def _trusted(cls, profile: Profile, parts: Sequence[Sequence[int]]) -> CylindricPartition:
        """Build from valid data without any checks (for the library's generators)."""
        self = object.__new__(cls)
        ps = tuple(p if type(p) is Partition else Partition._trusted(p) for p in parts)
        object.__setattr__(self, "_profile", profile)
        object.__setattr__(self, "_parts", ps)
        object.__setattr__(self, "_hash", hash((profile, ps)))
        return self

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("CylindricPartition is immutable")

    # ---------------------------------------------------------------- data
    @property
    def profile(self) -> Profile:
        """The profile ``pi``."""
        return self._profile

    @property
    def parts(self) -> tuple[Partition, ...]:
        """``(mu^0, ..., mu^{T-1})`` as a tuple of [`Partition`][combalg.partitions.Partition]."""
        return self._parts

    @property
    def T(self) -> int:  # noqa: N802
        """The period ``T`` (length of the profile)."""
        return len(self._parts)

    def mu(self, k: int) -> Partition:
        """``mu^k`` for any integer ``k``, read periodically (``mu^{k+T} = mu^k``)."""
        return self._parts[_shift(k) % len(self._parts)]

    @property
    def weight(self) -> int:
        """``|Lambda| = |mu^1| + ... + |mu^T|`` (``mu^0 = mu^T`` counted once)."""
        return sum(sum(p) for p in self._parts)

    @property
    def trace(self) -> int:
        """``|mu^0|``, the statistic of the bivariate series (Borodin's ``u``-weight)."""
        return sum(self._parts[0])

    @property
    def max_part(self) -> int:
        """The largest entry ``max_k mu^k_1`` (0 for the empty object)."""
        return max((p[0] for p in self._parts if p), default=0)

    # ------------------------------------------------------------- symmetries
    def rotate(self, shift: int = 1) -> CylindricPartition:
        """The same object read from ``mu^shift``: profile ``pi.rotate(shift)``.

        Examples
        --------
        >>> cp = CylindricPartition("10", [[1], [2]])
        >>> cp.rotate(1)
        CylindricPartition('01', [[2], [1]])
        """
        s = _shift(shift) % self.T
        return CylindricPartition._trusted(self._profile.rotate(s), self._parts[s:] + self._parts[:s])

    #: alias of [`rotate`][rotate]
    rotation = rotate

    def reverse_complement(self) -> CylindricPartition:
        """The reversed sequence ``(mu^T, mu^{T-1}, ..., mu^1)``, of profile
        ``pi.reverse_complement()``.

        Examples
        --------
        >>> CylindricPartition("110", [[1], [2], [2, 1]]).reverse_complement()
        CylindricPartition('100', [[1], [2, 1], [2]])
        """
        ps = self._parts
        return CylindricPartition._trusted(
            self._profile.reverse_complement(), (ps[0],) + tuple(reversed(ps[1:]))
        )

    # ------------------------------------------------------------- c-profile arrays
    def to_c_profile_array(self) -> tuple[tuple[int, ...], tuple[Partition, ...]]:
        """The c-profile array ``(c, (lambda^(1), ..., lambda^(k)))`` of this object.

        This inverts [`from_c_profile_array`][from_c_profile_array] (the diagonal-slicing bijection);
        the profile must be ``Profile.from_composition(c)``, i.e. end with a 0.

        Returns
        -------
        (tuple of int, tuple of Partition)
            The c-profile and the rows.

        Raises
        ------
        InvalidInputError
            If the profile does not end with 0.

        Examples
        --------
        >>> cp = CylindricPartition("1010", [[1], [2, 1], [1], [2]])
        >>> c, rows = cp.to_c_profile_array()
        >>> c, rows
        ((1, 1), (Partition([2, 1]), Partition([2, 1, 1])))
        >>> CylindricPartition.from_c_profile_array(c, rows) == cp
        True
        """
        c = self._profile.to_composition()
        geo = _CGeometry(c)
        T = self.T
        maxlen = max((len(p) for p in self._parts), default=0)
        rows = []
        for r in range(1, geo.k + 1):
            vals = []
            m = 1
            while True:
                d = m - geo.s[r] - r
                i0 = geo.top_row(d)
                idx = r - i0  # 0-based index into nu^d
                if idx >= maxlen:
                    break
                nu = self._parts[(c[0] - d) % T]
                v = nu[idx] if idx < len(nu) else 0
                vals.append(v)
                m += 1
            while vals and vals[-1] == 0:
                vals.pop()
            rows.append(Partition(vals))
        return c, tuple(rows)

    @classmethod
    def from_c_profile_array(
        cls, c: Iterable[int], rows: Sequence[Iterable[int]]
    ) -> CylindricPartition:
        """The cylindric partition of profile ``Profile.from_composition(c)`` of a c-profile array.

        A c-profile array is ``(lambda^(1), ..., lambda^(k))`` with
        ``lambda^(i)_j >= lambda^(i+1)_{j + c_{i+1}}`` and the wrap-around
        ``lambda^(k)_j >= lambda^(1)_{j + c_1}``; its weight is the total of the entries.
        Row ``i`` is placed at column offset ``-(c_2 + ... + c_i)``, the array is
        extended periodically, and ``mu^t`` is the diagonal ``c_1 - t`` read top-down
        (Gessel-Krattenthaler's array read along diagonals).  The weight is preserved.

        Parameters
        ----------
        c : sequence of int
            The c-profile ``(c_1, ..., c_k)``.
        rows : sequence of partitions
            ``k`` partitions.

        Raises
        ------
        InvalidInputError
            If ``rows`` has the wrong length, a row is not a partition or an
            inequality fails (the message names it).

        Examples
        --------
        >>> cp = CylindricPartition.from_c_profile_array([2, 1, 0], [[2, 1], [1], [1]])
        >>> cp
        CylindricPartition('110100', [[], [1], [2], [], [1], [1]])
        >>> cp.weight
        5
        """
        cs = _composition(c)
        rows_p = c_profile_array_is_valid(cs, rows, raise_error=True)
        geo = _CGeometry(cs)
        pi = Profile.from_composition(cs)
        T = pi.T
        k = geo.k
        lvl = geo.level

        def value(i: int, col: int) -> int:
            p, r = divmod(i - 1, k)
            r += 1
            col2 = col + p * lvl
            m = col2 + geo.s[r]
            lam = rows_p[r - 1]
            if m < 1:
                raise AssertionError("cell outside the array")  # pragma: no cover
            return lam[m - 1] if m <= len(lam) else 0

        parts = []
        for t in range(T):
            d = cs[0] - t
            i = geo.top_row(d)
            nu = []
            while True:
                v = value(i, i + d)
                if v == 0:
                    break
                nu.append(v)
                i += 1
            parts.append(nu)
        return cls(pi, parts)

    # ------------------------------------------------------------- dunder
    def __eq__(self, other: object) -> bool:
        if isinstance(other, CylindricPartition):
            return self._profile == other._profile and self._parts == other._parts
        return NotImplemented

    def __hash__(self) -> int:
        return self._hash

    def __iter__(self):
        return iter(self._parts)

    def __len__(self) -> int:
        return len(self._parts)

    def __getitem__(self, k: int) -> Partition:
        return self._parts[k]

    def __repr__(self) -> str:
        inner = ", ".join("[" + ", ".join(str(x) for x in p) + "]" for p in self._parts)
        return f"CylindricPartition({str(self._profile)!r}, [{inner}])"

    def __reduce__(self):
        return (CylindricPartition, (str(self._profile), [tuple(p) for p in self._parts]))

    def latex(self) -> str:
        """LaTeX: the sequence ``(mu^0, ..., mu^{T-1})`` with the profile.

        Examples
        --------
        >>> CylindricPartition("10", [[1], [2]]).latex()
        '\\\\Lambda = (1 \\\\mid 2) \\\\in \\\\mathrm{Cyl}(10)'
        """
        def one(p: Sequence[int]) -> str:
            return ",".join(str(x) for x in p) if p else r"\varnothing"

        return r"\Lambda = (" + r" \mid ".join(one(p) for p in self._parts) + r") \in \mathrm{Cyl}(" + str(self._profile) + ")"

    def _jsonable_(self) -> dict:
        """``{"profile": "0/1 word", "parts": [[...], ...]}`` (see [`combalg.core.encoding`][combalg.core.encoding])."""
        return {"profile": str(self._profile), "parts": [list(p) for p in self._parts]}

    def _repr_latex_(self) -> str:
        return "$" + self.latex() + "$"

    def _latex(self, printer: object = None) -> str:
        """What ``sympy.latex(cp)`` prints: the same as the Jupyter display."""
        return self.latex()


def _check_steps(pi: Profile, ps: Sequence[Sequence[int]]) -> None:
    T = pi.T
    for k in range(1, T + 1):
        prev = ps[k - 1]
        cur = ps[k % T]
        cur_name = f"mu^{k}" if k < T else f"mu^{T} = mu^0"
        if pi.word[k - 1] == 1:
            if not interlaces(cur, prev):
                raise InvalidInputError(
                    f"invalid cylindric partition of profile {pi}: step {k} (letter 1, grow) "
                    f"needs mu^{k}/mu^{k - 1} to be a horizontal strip, but mu^{k - 1} = "
                    f"{_fmt(prev)} and {cur_name} = {_fmt(cur)}"
                )
        else:
            if not interlaces(prev, cur):
                raise InvalidInputError(
                    f"invalid cylindric partition of profile {pi}: step {k} (letter 0, shrink) "
                    f"needs mu^{k - 1}/mu^{k} to be a horizontal strip, but mu^{k - 1} = "
                    f"{_fmt(prev)} and {cur_name} = {_fmt(cur)}"
                )


class _CGeometry:
    """Row offsets of a c-profile array and the top row of each diagonal."""

    def __init__(self, c: tuple[int, ...]) -> None:
        self.c = c
        self.k = len(c)
        self.level = sum(c)
        # s[r] = c_2 + ... + c_r for r = 1..k (s[1] = 0); index 0 unused
        s = [0, 0]
        for r in range(2, self.k + 1):
            s.append(s[-1] + c[r - 1])
        self.s = s

    def g(self, i: int) -> int:
        """First column minus row index, f(i) - i, for any integer row i."""
        p, r = divmod(i - 1, self.k)
        r += 1
        f = 1 - self.s[r] - p * self.level
        return f - i

    def top_row(self, d: int) -> int:
        """The least row ``i`` with a cell on diagonal ``d`` (``g`` strictly decreases)."""
        i = 1
        if self.g(i) <= d:
            while self.g(i - 1) <= d:
                i -= 1
        else:
            while self.g(i) > d:
                i += 1
        return i


def c_profile_array_is_valid(
    c: Iterable[int], rows: Sequence[Iterable[int]], raise_error: bool = False
):
    """Check the c-profile inequalities of ``rows`` (the literature's definition).

    Returns ``True``/``False``; with ``raise_error=True`` returns the rows as a tuple
    of partitions or raises [`InvalidInputError`][InvalidInputError] naming the failing inequality.

    Examples
    --------
    >>> c_profile_array_is_valid([1, 1], [[2, 1], [2, 1]])
    True
    >>> c_profile_array_is_valid([1, 1], [[1], [2, 2]])
    False
    """
    cs = _composition(c)
    k = len(cs)
    try:
        items = sequence_arg("rows", rows)
    except InvalidInputError:
        raise InvalidInputError(f"invalid rows {short_repr(rows)}: expected {k} partitions") from None
    if len(items) != k:
        if not raise_error:
            return False
        raise InvalidInputError(
            f"invalid rows {short_repr(items)}: the c-profile {short_repr(cs)} has {k} entries, expected {k} rows"
        )
    try:
        ps = tuple(_as_partition(p, f"row {i + 1}") for i, p in enumerate(items))
    except InvalidInputError:
        if raise_error:
            raise
        return False

    def part(lam: Sequence[int], j: int) -> int:
        return lam[j - 1] if 1 <= j <= len(lam) else 0

    for i in range(1, k + 1):
        nxt = i % k + 1
        shift = cs[nxt - 1]
        a, b = ps[i - 1], ps[nxt - 1]
        for j in range(1, len(b) + 1):
            jj = j - shift
            if jj < 1:
                continue
            if part(a, jj) < b[j - 1]:
                if not raise_error:
                    return False
                raise InvalidInputError(
                    f"invalid c-profile array for c = {cs}: lambda^({i})_{jj} = {part(a, jj)} "
                    f"< lambda^({nxt})_{j} = {b[j - 1]}"
                    + (" (the cylindric wrap-around)" if i == k else "")
                )
    return ps if raise_error else True


def to_c_profile_array(cp: CylindricPartition) -> tuple[tuple[int, ...], tuple[Partition, ...]]:
    """Function form of [`CylindricPartition.to_c_profile_array`][CylindricPartition.to_c_profile_array]."""
    if not isinstance(cp, CylindricPartition):
        raise InvalidInputError(f"invalid cp {short_repr(cp)}: expected a CylindricPartition")
    return cp.to_c_profile_array()


def from_c_profile_array(c: Iterable[int], rows: Sequence[Iterable[int]]) -> CylindricPartition:
    """Function form of [`CylindricPartition.from_c_profile_array`][CylindricPartition.from_c_profile_array].

    Examples
    --------
    >>> from_c_profile_array([1], [[3, 1]])
    CylindricPartition('10', [[1], [3]])
    """
    return CylindricPartition.from_c_profile_array(c, rows)
