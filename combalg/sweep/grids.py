"""Parameter generators for sweep grids, as plain iterables of plain values.

Each function returns a list (so that a grid can be reused, measured and indexed) of
values that every engine function accepts and that store exactly in JSON: profiles as
0/1 strings, partitions as tuples, matrices as tuples of tuples, words as tuples.  They
reuse the engines' own generators, and refuse sizes past their stated limits before
listing anything.

Examples
--------
>>> from combalg.sweep import grids
>>> list(grids.profiles(3))
['000', '001', '010', '011', '100', '101', '110', '111']
>>> list(grids.profiles(4, up_to_rotation=True, both_letters=True))
['0001', '0011', '0101', '0111']
>>> list(grids.partitions(4))
[(4,), (3, 1), (2, 2), (2, 1, 1), (1, 1, 1, 1)]
>>> sum(1 for _ in grids.asms(4))
42
>>> list(grids.words(2, 2))
[(1, 1), (1, 2), (2, 1), (2, 2)]
>>> len(list(grids.int_matrices(2, bound=1)))
81
>>> grids.expand({"n": range(2), "x": ["a", "b"]})
[{'n': 0, 'x': 'a'}, {'n': 0, 'x': 'b'}, {'n': 1, 'x': 'a'}, {'n': 1, 'x': 'b'}]
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.core.validation import nonnegative_int

__all__ = ["profiles", "partitions", "asms", "int_matrices", "words", "permutations", "expand", "MAX_POINTS"]

#: the largest grid a sweep accepts (points are listed before the sweep starts)
MAX_POINTS = 10_000_000


def _power_exceeds(base: int, exponent: int, limit: int) -> bool:
    """Whether ``base ** exponent > limit``, without computing a huge power."""
    if exponent == 0 or base <= 1:  # the power is 0 or 1
        return False
    if exponent > limit.bit_length() or base > limit:
        return True
    return base ** exponent > limit


def _sizes(name: str, value: int | Iterable[int]) -> list[int]:
    """One size or an iterable of sizes, each a nonnegative integer (at most MAX_POINTS of them)."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        return [nonnegative_int(name, value)]
    sizes = list(itertools.islice(value, 10_001))
    if len(sizes) > 10_000:
        raise ResourceLimitError(f"invalid {name}: more than 10000 sizes")
    return [nonnegative_int(name, v) for v in sizes]


def _flag(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise InvalidInputError(f"invalid {name} {value!r}: expected True or False")
    return value


def _min_rotation(word: str) -> str:
    return min(word[i:] + word[:i] for i in range(len(word)))


def profiles(length: int | Iterable[int], *, up_to_rotation: bool = False, both_letters: bool = False) -> list[str]:
    """All 0/1 profiles of a length (or of each length in an iterable), as strings.

    Parameters
    ----------
    length : int or iterable of int
        The period ``T >= 1``, or several periods (e.g. ``range(2, 9)``).
    up_to_rotation : bool
        Keep one profile per rotation class (the least rotation); the cylindric
        generating functions depend on the profile only up to rotation.
    both_letters : bool
        Keep only profiles with at least one 0 and one 1.
    """
    return list(_iter_profiles(length, up_to_rotation=up_to_rotation, both_letters=both_letters))


def _iter_profiles(length: int | Iterable[int], *, up_to_rotation: bool = False, both_letters: bool = False) -> Iterator[str]:
    up_to_rotation = _flag("up_to_rotation", up_to_rotation)
    both_letters = _flag("both_letters", both_letters)
    for T in _sizes("length", length):
        if T < 1:
            raise InvalidInputError(f"invalid length {T!r}: expected a profile length T >= 1")
        if T > 20:
            raise ResourceLimitError(f"profiles of length {T} number 2^{T}: the limit is length 20")
        for bits in itertools.product("01", repeat=T):
            w = "".join(bits)
            if both_letters and ("0" not in w or "1" not in w):
                continue
            if up_to_rotation and _min_rotation(w) != w:
                continue
            yield w


def partitions(n: int | Iterable[int]) -> list[tuple[int, ...]]:
    """All partitions of ``n`` (or of each size in an iterable), as tuples, in reverse
    lexicographic order."""
    return list(_iter_partitions(n))


def _iter_partitions(n: int | Iterable[int]) -> Iterator[tuple[int, ...]]:
    from combalg.partitions import count_partitions, partitions_of

    sizes = _sizes("n", n)
    total = 0
    for m in sizes:
        total += count_partitions(m) if m <= 200 else MAX_POINTS + 1
        if total > MAX_POINTS:
            raise ResourceLimitError(f"the partitions of {m} are too many to list: the limit is {MAX_POINTS} points")
    for m in sizes:
        for lam in partitions_of(m):
            yield tuple(lam)


def asms(n: int) -> list[tuple[tuple[int, ...], ...]]:
    """All alternating sign matrices of size ``n``, as tuples of rows."""
    return list(_iter_asms(n))


def _iter_asms(n: int) -> Iterator[tuple[tuple[int, ...], ...]]:
    from combalg.asm import alternating_sign_matrices

    n = nonnegative_int("n", n)
    if n > 9:
        raise ResourceLimitError(f"the ASMs of size {n} are too many to list: the limit is n = 9")
    for A in alternating_sign_matrices(n):
        yield tuple(tuple(int(x) for x in row) for row in A)


def int_matrices(rows: int, cols: int | None = None, *, bound: int = 1) -> list[tuple[tuple[int, ...], ...]]:
    """All ``rows x cols`` integer matrices with entries in ``[-bound, bound]``, as tuples of rows."""
    return list(_iter_int_matrices(rows, cols, bound=bound))


def _iter_int_matrices(rows: int, cols: int | None = None, *, bound: int = 1) -> Iterator[tuple[tuple[int, ...], ...]]:
    rows = nonnegative_int("rows", rows)
    cols = rows if cols is None else nonnegative_int("cols", cols)
    bound = nonnegative_int("bound", bound)
    if _power_exceeds(2 * bound + 1, rows * cols, MAX_POINTS):
        raise ResourceLimitError(f"the matrices of size {rows}x{cols} with entries in [-{bound}, {bound}] number "
                                 f"more than {MAX_POINTS}: the limit is {MAX_POINTS} points")
    values = range(-bound, bound + 1)
    for entries in itertools.product(values, repeat=rows * cols):
        yield tuple(tuple(entries[i * cols:(i + 1) * cols]) for i in range(rows))


def words(length: int, letters: int) -> list[tuple[int, ...]]:
    """All words of a length in the letters ``1..letters``, in lexicographic order."""
    return list(_iter_words(length, letters))


def _iter_words(length: int, letters: int) -> Iterator[tuple[int, ...]]:
    length = nonnegative_int("length", length)
    letters = nonnegative_int("letters", letters)
    if _power_exceeds(letters, length, MAX_POINTS):
        raise ResourceLimitError(f"{letters}^{length} words: the limit is {MAX_POINTS} points")
    yield from itertools.product(range(1, letters + 1), repeat=length)


def permutations(n: int) -> list[tuple[int, ...]]:
    """All permutations of ``1..n`` in one-line notation, in lexicographic order."""
    return list(_iter_permutations(n))


def _iter_permutations(n: int) -> Iterator[tuple[int, ...]]:
    n = nonnegative_int("n", n)
    if n > 10:
        raise ResourceLimitError(f"{n}! permutations: the limit is n = 10")
    yield from itertools.permutations(range(1, n + 1))


def expand(grid: Mapping[str, Iterable[Any]] | Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The points of a grid, as a list of dicts, in a deterministic order.

    A dict of ``name -> iterable`` gives the Cartesian product, the last name
    varying fastest; an iterable of dicts gives those points as they come.
    """
    if isinstance(grid, Mapping):
        names = list(grid)
        for name in names:
            if not isinstance(name, str) or not name.isidentifier():
                raise InvalidInputError(f"invalid grid parameter {name!r}: expected a Python identifier")
        axes = []
        for name in names:
            values = grid[name]
            if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
                raise InvalidInputError(
                    f"invalid grid values for {name!r}: expected an iterable of values, got {values!r} "
                    f"(write [{values!r}] for a single value)")
            axis = list(itertools.islice(values, MAX_POINTS + 1))
            if not axis:
                raise InvalidInputError(
                    f"invalid grid values for {name!r}: no values (an iterator that was already used up?)")
            axes.append(axis)
        total = 1
        for a in axes:
            total *= len(a)
        if total > MAX_POINTS:
            raise ResourceLimitError(f"the grid has {total} points: the limit is {MAX_POINTS}")
        return [dict(zip(names, combo)) for combo in itertools.product(*axes)] if names else []
    if isinstance(grid, (str, bytes)) or not isinstance(grid, Iterable):
        raise InvalidInputError(f"invalid grid {grid!r}: expected a dict of name -> values or an iterable of dicts")
    points = []
    for i, p in enumerate(grid):
        if i >= MAX_POINTS:
            raise ResourceLimitError(f"the grid has more than {MAX_POINTS} points")
        if not isinstance(p, Mapping):
            raise InvalidInputError(f"invalid grid point {p!r} at position {i}: expected a dict of parameters")
        for name in p:
            if not isinstance(name, str) or not name.isidentifier():
                raise InvalidInputError(f"invalid grid parameter {name!r} at position {i}: expected a Python identifier")
        points.append(dict(p))
    return points
