"""Hypothesis strategies for partitions, profiles and small exact matrices.

Use them in your own property tests and conjecture checks:

    from hypothesis import given
    from combalg.strategies.basic import partitions

    @given(partitions(max_size=8))
    def test_my_conjecture(lam):
        ...

All strategies produce exact values (``int``, `fractions.Fraction`,
[`combalg.partitions.Partition`][combalg.partitions.Partition]) and shrink towards small, simple examples.
Importing this module needs hypothesis (the ``test`` extra).

Examples
--------
>>> from hypothesis import given, settings
>>> from combalg.strategies.basic import partitions
>>> @settings(max_examples=25, database=None)
... @given(partitions(max_size=8))
... def check_involution(lam):
...     assert lam.conjugate().conjugate() == lam
>>> check_involution()
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import strategies as st

from combalg.core.errors import InvalidInputError
from combalg.partitions import Partition

__all__ = [
    "partitions",
    "profiles",
    "profile_tuples",
    "profile_words",
    "small_int_matrices",
    "square_int_matrices",
    "rationals",
    "rational_matrices",
]


def _check_ints(_allow_none: bool = True, **values: object) -> None:
    """Refuse bounds that are not integers (None allowed if it means "no bound")."""
    for name, value in values.items():
        if value is None and _allow_none:
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidInputError(f"invalid {name} {value!r}: expected an integer")


def _check_range(name_lo: str, lo: int, name_hi: str, hi: int) -> None:
    _check_ints(False, **{name_lo: lo, name_hi: hi})
    if lo < 0 or hi < lo:
        raise InvalidInputError(
            f"invalid {name_lo}={lo!r}, {name_hi}={hi!r}: expected 0 <= {name_lo} <= {name_hi}"
        )


def partitions(
    max_size: int = 12,
    max_length: int | None = None,
    max_part: int | None = None,
    min_size: int = 0,
) -> st.SearchStrategy[Partition]:
    """Partitions of size between ``min_size`` and ``max_size``.

    Parameters
    ----------
    max_size : int, default 12
        Largest size ``|lam|``.
    max_length : int, optional
        Largest number of parts.
    max_part : int, optional
        Largest part.
    min_size : int, default 0
        Smallest size.

    Returns
    -------
    SearchStrategy of Partition
        Shrinks towards small sizes and flat shapes.

    Raises
    ------
    InvalidInputError
        If the bounds are negative, or no partition of size ``>= min_size`` fits in
        ``max_length`` rows of parts ``<= max_part``.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25, database=None)
    ... @given(partitions(max_size=6, max_length=2))
    ... def check(lam):
    ...     assert lam.size <= 6 and lam.length <= 2
    >>> check()
    """
    _check_ints(max_length=max_length, max_part=max_part)
    _check_range("min_size", min_size, "max_size", max_size)
    cap_len = max_size if max_length is None else max_length
    cap_part = max_size if max_part is None else max_part
    if cap_len < 0 or cap_part < 0:
        raise InvalidInputError(
            f"invalid max_length={max_length!r} or max_part={max_part!r}: expected nonnegative"
        )
    top = min(max_size, cap_len * cap_part)
    if top < min_size:
        raise InvalidInputError(
            f"invalid bounds: no partition of size >= {min_size} has at most "
            f"{cap_len} parts of size at most {cap_part}"
        )

    @st.composite
    def build(draw: st.DrawFn) -> Partition:
        n = draw(st.integers(min_size, top))
        parts: list[int] = []
        remaining = n
        cap = cap_part
        while remaining > 0:
            rows_left = cap_len - len(parts)
            lower = -(-remaining // rows_left)
            upper = min(remaining, cap)
            x = draw(st.integers(lower, upper))
            parts.append(x)
            remaining -= x
            cap = x
        return Partition._trusted(parts)

    return build()


def profile_tuples(
    min_length: int = 1, max_length: int = 8, min_ones: int = 0, min_zeros: int = 0, *,
    min_size: int | None = None, max_size: int | None = None,
) -> st.SearchStrategy[tuple[int, ...]]:
    """Binary profiles as plain tuples of 0s and 1s ([`profiles`][profiles] draws ``Profile`` objects).

    Parameters
    ----------
    min_length, max_length : int
        Bounds on the length (``1`` and ``8`` by default); ``min_size`` and
        ``max_size`` are the same bounds under the names every collection
        strategy of combalg takes.
    min_ones, min_zeros : int
        Require at least this many 1s, respectively 0s (for instance ``1`` and ``1``
        for profiles with both kinds of steps).

    Returns
    -------
    SearchStrategy of tuple of int

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25, database=None)
    ... @given(profile_tuples(min_size=2, max_size=5, min_ones=1, min_zeros=1))
    ... def check(pi):
    ...     assert 2 <= len(pi) <= 5 and 0 in pi and 1 in pi
    >>> check()
    """
    min_length = min_length if min_size is None else min_size
    max_length = max_length if max_size is None else max_size
    _check_ints(False, min_ones=min_ones, min_zeros=min_zeros)
    _check_range("min_length", min_length, "max_length", max_length)
    if min_ones < 0 or min_zeros < 0 or min_ones + min_zeros > max_length:
        raise InvalidInputError(
            f"invalid min_ones={min_ones!r}, min_zeros={min_zeros!r}: expected nonnegative "
            f"counts with min_ones + min_zeros <= max_length={max_length}"
        )
    lo = max(min_length, min_ones + min_zeros)

    @st.composite
    def build(draw: st.DrawFn) -> tuple[int, ...]:
        n = draw(st.integers(lo, max_length))
        ones = draw(st.integers(min_ones, n - min_zeros))
        positions = draw(st.permutations(range(n)))
        chosen = set(positions[:ones])
        return tuple(1 if i in chosen else 0 for i in range(n))

    return build()


def profiles(
    min_length: int = 1, max_length: int = 8, min_ones: int = 0, min_zeros: int = 0, *,
    min_size: int | None = None, max_size: int | None = None,
) -> st.SearchStrategy:
    """Profiles as [`Profile`][combalg.cylindric.Profile] objects (the same strategy as
    ``combalg.strategies.cylindric.profiles``); parameters as [`profile_tuples`][profile_tuples].

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20, database=None)
    ... @given(profiles(min_size=2, max_size=4, min_ones=1))
    ... def check(pi):
    ...     assert 2 <= pi.T <= 4 and 1 in pi
    >>> check()
    """
    from combalg.cylindric.profile import Profile

    return profile_tuples(min_length, max_length, min_ones, min_zeros,
                          min_size=min_size, max_size=max_size).map(Profile)


def profile_words(
    min_length: int = 1, max_length: int = 8, min_ones: int = 0, min_zeros: int = 0
) -> st.SearchStrategy[str]:
    """Profiles written as words in ``0`` and ``1`` (the text form the CLI parses).

    Same parameters as [`profile_tuples`][profile_tuples].

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25, database=None)
    ... @given(profile_words(max_length=4))
    ... def check(word):
    ...     assert set(word) <= {"0", "1"} and 1 <= len(word) <= 4
    >>> check()
    """
    return profile_tuples(min_length, max_length, min_ones, min_zeros).map(
        lambda p: "".join(map(str, p))
    )


def _dimension(value: int | None, lo: int, hi: int, name: str) -> st.SearchStrategy[int]:
    if value is not None:
        if value < 0:
            raise InvalidInputError(f"invalid {name} {value!r}: expected a nonnegative integer")
        return st.just(value)
    return st.integers(lo, hi)


def small_int_matrices(
    rows: int | None = None,
    cols: int | None = None,
    min_value: int = -3,
    max_value: int = 3,
    max_rows: int = 4,
    max_cols: int = 4,
) -> st.SearchStrategy[list[list[int]]]:
    """Integer matrices as lists of rows.

    Parameters
    ----------
    rows, cols : int, optional
        Fixed shape; when ``None`` the number of rows (columns) is drawn from
        ``1..max_rows`` (``1..max_cols``).
    min_value, max_value : int
        Range of the entries (``-3..3`` by default).
    max_rows, max_cols : int
        Largest drawn shape.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25, database=None)
    ... @given(small_int_matrices(rows=2, cols=3, min_value=0, max_value=1))
    ... def check(m):
    ...     assert len(m) == 2 and all(len(r) == 3 and set(r) <= {0, 1} for r in m)
    >>> check()
    """
    _check_ints(rows=rows, cols=cols)
    _check_ints(False, min_value=min_value, max_value=max_value)
    if max_value < min_value:
        raise InvalidInputError(
            f"invalid max_value {max_value!r}: expected at least min_value={min_value!r}"
        )
    _check_range("1", 1, "max_rows", max_rows)
    _check_range("1", 1, "max_cols", max_cols)
    r_st = _dimension(rows, 1, max_rows, "rows")
    c_st = _dimension(cols, 1, max_cols, "cols")
    entry = st.integers(min_value, max_value)

    @st.composite
    def build(draw: st.DrawFn) -> list[list[int]]:
        r = draw(r_st)
        c = draw(c_st)
        return [[draw(entry) for _ in range(c)] for _ in range(r)]

    return build()


def square_int_matrices(
    max_n: int = 4, min_value: int = -3, max_value: int = 3, min_n: int = 1
) -> st.SearchStrategy[list[list[int]]]:
    """Square integer matrices of size ``min_n..max_n``.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25, database=None)
    ... @given(square_int_matrices(max_n=3))
    ... def check(m):
    ...     assert all(len(r) == len(m) for r in m) and 1 <= len(m) <= 3
    >>> check()
    """
    _check_range("min_n", min_n, "max_n", max_n)
    _check_ints(False, min_value=min_value, max_value=max_value)
    if max_value < min_value:
        raise InvalidInputError(
            f"invalid max_value {max_value!r}: expected at least min_value={min_value!r}"
        )
    entry = st.integers(min_value, max_value)

    @st.composite
    def build(draw: st.DrawFn) -> list[list[int]]:
        n = draw(st.integers(min_n, max_n))
        return [[draw(entry) for _ in range(n)] for _ in range(n)]

    return build()


def rationals(max_numerator: int = 5, max_denominator: int = 4) -> st.SearchStrategy[Fraction]:
    """Fractions ``p/q`` with ``|p| <= max_numerator`` and ``1 <= q <= max_denominator``.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25, database=None)
    ... @given(rationals(max_numerator=2, max_denominator=3))
    ... def check(x):
    ...     assert abs(x) <= 2 and (x * 6).denominator == 1
    >>> check()
    """
    _check_ints(False, max_numerator=max_numerator, max_denominator=max_denominator)
    if max_numerator < 0 or max_denominator < 1:
        raise InvalidInputError(
            f"invalid max_numerator={max_numerator!r}, max_denominator={max_denominator!r}: "
            "expected max_numerator >= 0 and max_denominator >= 1"
        )
    return st.builds(
        Fraction,
        st.integers(-max_numerator, max_numerator),
        st.integers(1, max_denominator),
    )


def rational_matrices(
    rows: int | None = None,
    cols: int | None = None,
    max_rows: int = 4,
    max_cols: int = 4,
    max_numerator: int = 5,
    max_denominator: int = 4,
) -> st.SearchStrategy[list[list[Fraction]]]:
    """Rational matrices (entries `fractions.Fraction`) as lists of rows.

    Parameters
    ----------
    rows, cols : int, optional
        Fixed shape, or drawn from ``1..max_rows`` / ``1..max_cols`` when ``None``.
    max_numerator, max_denominator : int
        Entries are ``p/q`` with ``|p| <= max_numerator``, ``1 <= q <= max_denominator``.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25, database=None)
    ... @given(rational_matrices(rows=2, max_cols=3))
    ... def check(m):
    ...     assert len(m) == 2 and len(m[0]) == len(m[1]) <= 3
    >>> check()
    """
    _check_ints(rows=rows, cols=cols)
    _check_range("1", 1, "max_rows", max_rows)
    _check_range("1", 1, "max_cols", max_cols)
    r_st = _dimension(rows, 1, max_rows, "rows")
    c_st = _dimension(cols, 1, max_cols, "cols")
    entry = rationals(max_numerator, max_denominator)

    @st.composite
    def build(draw: st.DrawFn) -> list[list[Fraction]]:
        r = draw(r_st)
        c = draw(c_st)
        return [[draw(entry) for _ in range(c)] for _ in range(r)]

    return build()
