"""Profiles: the binary words that give cylindric partitions their shape.

A *profile* is a word ``pi = (pi_1, ..., pi_T)`` in the letters 0 and 1, with
``T >= 1``.  A letter 1 is a *grow* step and a letter 0 a *shrink* step of a
cylindric partition (Langer/Borodin convention, see [`combalg.cylindric`][combalg.cylindric]).
``k`` ([`Profile.ones`][Profile.ones]) is the number of 1s and ``l`` ([`Profile.zeros`][Profile.zeros])
the number of 0s.

Examples
--------
>>> from combalg.cylindric import Profile
>>> pi = Profile("110100")
>>> pi
Profile('110100')
>>> str(pi), pi.T, pi.ones, pi.zeros
('110100', 6, 3, 3)
>>> pi.word
(1, 1, 0, 1, 0, 0)
>>> pi.rotate(2), pi.reverse_complement()
(Profile('010011'), Profile('110100'))
>>> Profile.from_composition([2, 1, 0])
Profile('110100')

References
----------
- [1] R. Langer, "Cylindric plane partitions, Lambda determinants, Commutants in
   semicircular systems", PhD thesis, Universite Paris-Est, 2013, arXiv:2110.12629.
- [2] A. Borodin, "Periodic Schur process and cylindric partitions",
   Duke Math. J. 140 (2007).
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Mapping, Set

from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError
from combalg.core.parsing import parse_profile
from combalg.core.validation import integer_arg, sequence_view

__all__ = ["Profile", "as_profile"]


def _parse_word(word: object) -> tuple[int, ...]:
    """Turn a 0/1 string or sequence into a tuple of ints 0/1, or raise."""
    if isinstance(word, Profile):
        return word.word
    if isinstance(word, str):
        return tuple(int(x) for x in parse_profile(word.strip()))
    if isinstance(word, (bytes, bytearray, Mapping, Set)):
        raise InvalidInputError(
            f"invalid profile {short_repr(word)}: expected a 0/1 string or an ordered sequence of 0s and 1s"
        )
    try:
        items = sequence_view("profile", word)
    except InvalidInputError:
        raise InvalidInputError(
            f"invalid profile {short_repr(word)}: expected a 0/1 string or a sequence of 0s and 1s"
        ) from None
    letters = []
    for x in items:
        if isinstance(x, str) and x in ("0", "1"):
            letters.append(int(x))
            continue
        if isinstance(x, bool):
            raise InvalidInputError(
                f"invalid profile {short_repr(items)}: letter {x!r} is a bool, expected 0 or 1"
            )
        try:
            v = operator.index(x)
        except TypeError:
            raise InvalidInputError(
                f"invalid profile {short_repr(items)}: letter {short_repr(x)} is not 0 or 1"
            ) from None
        if v not in (0, 1):
            raise InvalidInputError(f"invalid profile {short_repr(items)}: letter {short_repr(x)} is not 0 or 1")
        letters.append(int(v))
    if not letters:
        raise InvalidInputError("invalid profile []: expected a nonempty word in the letters 0 and 1")
    return tuple(letters)


class Profile:
    """A binary word ``pi_1 ... pi_T`` giving the shape of cylindric partitions.

    Parameters
    ----------
    word : str or sequence of int
        A nonempty word in the letters 0 and 1, such as ``"110100"`` or
        ``[1, 1, 0, 1, 0, 0]``.

    Attributes
    ----------
    word : tuple of int
        The letters, each 0 or 1 (``word[k - 1]`` is ``pi_k``).
    T : int
        The length (the period of the cylinder).
    ones : int
        The number ``k`` of letters 1 (grow steps).
    zeros : int
        The number ``l`` of letters 0 (shrink steps).

    Raises
    ------
    InvalidInputError
        If the word is empty or has a letter other than 0 and 1.

    Notes
    -----
    Profiles are immutable and hashable; ``str(pi)`` is the word, e.g. ``"1010"``.

    Examples
    --------
    >>> Profile("1010") == Profile([1, 0, 1, 0])
    True
    >>> len({Profile("10"), Profile("10"), Profile("01")})
    2
    >>> from combalg.core.errors import InvalidInputError
    >>> try:
    ...     Profile("1a0")
    ... except InvalidInputError as exc:
    ...     print(str(exc).splitlines()[0])
    invalid profile at position 2: unexpected character 'a'; expected 0 or 1
    """

    __slots__ = ("_word", "_hash")

    def __init__(self, word: str | Iterable[int] | Profile) -> None:
        w = _parse_word(word)
        object.__setattr__(self, "_word", w)
        object.__setattr__(self, "_hash", hash(("Profile", w)))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Profile is immutable")

    # ---------------------------------------------------------------- data
    @property
    def word(self) -> tuple[int, ...]:
        """The letters ``(pi_1, ..., pi_T)`` as a tuple of ints 0/1."""
        return self._word

    @property
    def T(self) -> int:  # noqa: N802 - the period is called T in the literature
        """The length ``T`` of the word."""
        return len(self._word)

    @property
    def ones(self) -> int:
        """The number ``k`` of letters 1 (grow steps)."""
        return sum(self._word)

    @property
    def zeros(self) -> int:
        """The number ``l`` of letters 0 (shrink steps)."""
        return len(self._word) - sum(self._word)

    @property
    def one_positions(self) -> tuple[int, ...]:
        """The 1-indexed positions ``i`` with ``pi_i = 1``.

        Examples
        --------
        >>> Profile("10110").one_positions
        (1, 3, 4)
        """
        return tuple(i + 1 for i, x in enumerate(self._word) if x == 1)

    @property
    def zero_positions(self) -> tuple[int, ...]:
        """The 1-indexed positions ``j`` with ``pi_j = 0``."""
        return tuple(i + 1 for i, x in enumerate(self._word) if x == 0)

    def letter(self, k: int) -> int:
        """The letter ``pi_k`` for any integer ``k`` (1-indexed, read periodically).

        Examples
        --------
        >>> pi = Profile("100")
        >>> [pi.letter(k) for k in range(0, 5)]
        [0, 1, 0, 0, 1]
        """
        return self._word[(integer_arg("k", k) - 1) % len(self._word)]

    # ------------------------------------------------------------- symmetries
    def rotate(self, shift: int = 1) -> Profile:
        """The cyclic rotation ``pi_{1+shift} ... pi_T pi_1 ... pi_shift``.

        [`CylindricPartition.rotate`][CylindricPartition.rotate] is the matching bijection of objects.

        Examples
        --------
        >>> Profile("1100").rotate(1), Profile("1100").rotate(-1)
        (Profile('1001'), Profile('0110'))
        """
        s = _shift(shift) % len(self._word)
        return Profile(self._word[s:] + self._word[:s])

    #: alias of [`rotate`][rotate]
    rotation = rotate

    def reverse_complement(self) -> Profile:
        """The word ``(1 - pi_T, ..., 1 - pi_1)``.

        [`CylindricPartition.reverse_complement`][CylindricPartition.reverse_complement] is the matching bijection.

        Examples
        --------
        >>> Profile("10110").reverse_complement()
        Profile('10010')
        """
        return Profile(tuple(1 - x for x in reversed(self._word)))

    def reverse(self) -> Profile:
        """The reversed word ``pi_T ... pi_1``.

        The univariate series does not change, but no simple bijection of objects is
        known to the library; see the caution in [`combalg.cylindric`][combalg.cylindric].

        Examples
        --------
        >>> Profile("110").reverse()
        Profile('011')
        """
        return Profile(tuple(reversed(self._word)))

    def complement(self) -> Profile:
        """The complemented word ``1 - pi_1 ... 1 - pi_T`` (see [`reverse`][reverse]).

        Examples
        --------
        >>> Profile("110").complement()
        Profile('001')
        """
        return Profile(tuple(1 - x for x in self._word))

    def rotations(self) -> list[Profile]:
        """The ``T`` rotations ``rotate(0), ..., rotate(T - 1)`` (possibly repeated)."""
        return [self.rotate(s) for s in range(len(self._word))]

    # ------------------------------------------------------------- c-profiles
    @classmethod
    def from_composition(cls, c: Iterable[int]) -> Profile:
        """The profile ``1^{c_1} 0 1^{c_2} 0 ... 1^{c_k} 0`` of a c-profile.

        Parameters
        ----------
        c : sequence of int
            A c-profile ``(c_1, ..., c_k)`` of nonnegative integers, ``k >= 1``
            (rank ``k``, level ``c_1 + ... + c_k``).

        Returns
        -------
        Profile
            A word with ``T = k + level`` letters, ``level`` ones and ``k`` zeros.

        Raises
        ------
        InvalidInputError
            If ``c`` is empty or has a negative or non-integer entry.

        Examples
        --------
        >>> Profile.from_composition([1, 1]), Profile.from_composition([2, 0])
        (Profile('1010'), Profile('1100'))
        """
        from combalg.core import limits

        cs = _composition(c)
        limits.check("sequence_length", sum(cs) + len(cs),
                      f"the profile of the c-profile {short_repr(list(cs))} ({short_repr(sum(cs) + len(cs))} letters)")
        word: list[int] = []
        for ci in cs:
            word.extend([1] * ci)
            word.append(0)
        return cls(word)

    def to_composition(self) -> tuple[int, ...]:
        """The c-profile ``c`` with ``from_composition(c) == self``.

        Raises
        ------
        InvalidInputError
            If the word does not end with a 0 (rotate it first).

        Examples
        --------
        >>> Profile("110100").to_composition()
        (2, 1, 0)
        """
        if self._word[-1] != 0:
            raise InvalidInputError(
                f"invalid profile {str(self)!r}: a c-profile word must end with 0; "
                "rotate it first"
            )
        out = []
        run = 0
        for x in self._word:
            if x == 1:
                run += 1
            else:
                out.append(run)
                run = 0
        return tuple(out)

    # ------------------------------------------------------------- dunder
    def __len__(self) -> int:
        return len(self._word)

    def __iter__(self):
        return iter(self._word)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Profile):
            return self._word == other._word
        return NotImplemented

    def __hash__(self) -> int:
        return self._hash

    def __lt__(self, other: Profile) -> bool:
        if not isinstance(other, Profile):
            return NotImplemented
        return (len(self._word), self._word) < (len(other._word), other._word)

    def __str__(self) -> str:
        return "".join(str(x) for x in self._word)

    def __repr__(self) -> str:
        return f"Profile({str(self)!r})"

    def latex(self) -> str:
        """LaTeX for the word, e.g. ``\\pi = 110100``."""
        return r"\pi = " + str(self)

    def _jsonable_(self) -> str:
        """The 0/1 word (see [`combalg.core.encoding`][combalg.core.encoding])."""
        return str(self)

    def _repr_latex_(self) -> str:
        return "$" + self.latex() + "$"

    def _sympy_(self) -> object:
        """A profile has no sympy counterpart: ``sympy.sympify(profile)`` raises ``SympifyError``."""
        from sympy import SympifyError

        raise SympifyError(self, "a Profile has no sympy counterpart (use str(profile) or list(profile))")

    def _latex(self, printer: object = None) -> str:
        """What ``sympy.latex(profile)`` prints: the same as the Jupyter display."""
        return self.latex()

    def __reduce__(self):
        return (Profile, (str(self),))


def _shift(shift: object) -> int:
    """An integer rotation amount, or InvalidInputError."""
    return integer_arg("shift", shift)


def _composition(c: Iterable[int]) -> tuple[int, ...]:
    if isinstance(c, (str, bytes, Mapping, Set)):
        raise InvalidInputError(f"invalid c-profile {short_repr(c)}: expected a sequence of integers")
    try:
        items = sequence_view("c-profile", c)
    except InvalidInputError:
        raise InvalidInputError(
            f"invalid c-profile {short_repr(c)}: expected a sequence of nonnegative integers"
        ) from None
    out = []
    for x in items:
        if isinstance(x, bool):
            raise InvalidInputError(f"invalid c-profile {short_repr(items)}: {x!r} is a bool, expected an integer")
        try:
            v = operator.index(x)
        except TypeError:
            raise InvalidInputError(f"invalid c-profile {short_repr(items)}: {short_repr(x)} is not an integer") from None
        if v < 0:
            raise InvalidInputError(
                f"invalid c-profile {short_repr(items)}: entry {short_repr(v)} is negative, expected nonnegative integers"
            )
        out.append(v)
    if not out:
        raise InvalidInputError("invalid c-profile []: expected at least one entry")
    return tuple(out)


def as_profile(profile: str | Iterable[int] | Profile) -> Profile:
    """Return ``profile`` as a [`Profile`][Profile] (no copy if it already is one)."""
    if isinstance(profile, Profile):
        return profile
    return Profile(profile)
