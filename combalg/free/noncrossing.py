"""Non-crossing partitions: enumeration, the Kreweras complement, the lattice.

A set partition of ``{1, ..., n}`` is written as a tuple of blocks, each block
a strictly increasing tuple of integers, the blocks ordered by their least
element (the *normal form*, see [`normalize_partition`][normalize_partition]).  A partition is
*non-crossing* if there are no ``a < b < c < d`` with ``a, c`` in one block and
``b, d`` in another.  The non-crossing partitions of ``{1, ..., n}`` form a
lattice ``NC(n)`` under refinement, with ``|NC(n)| = Catalan(n)``.

Examples
--------
>>> from combalg.free.noncrossing import noncrossing_partitions, kreweras
>>> sum(1 for _ in noncrossing_partitions(4))
14
>>> kreweras(((1, 2), (3,), (4,)))
((1,), (2, 3, 4))

References
----------
- [1] A. Nica and R. Speicher, *Lectures on the Combinatorics of Free
   Probability*, Cambridge University Press, 2006, Lectures 9-10.
- [2] G. Kreweras, Sur les partitions non croisees d'un cycle,
   Discrete Math. 1 (1972) 333-350.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from math import comb

from flint import fmpz

from combalg.core import limits
from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError, ResourceLimitError, expect
from combalg.core.validation import nonnegative_int

__all__ = [
    "SetPartition",
    "catalan",
    "normalize_partition",
    "is_noncrossing",
    "noncrossing_partitions",
    "noncrossing_pairings",
    "kreweras",
    "kreweras_inverse",
    "refines",
    "nc_meet",
    "nc_join",
    "noncrossing_closure",
    "mobius",
    "narayana",
    "narayana_numbers",
    "MAX_ENUMERATION",
]

SetPartition = tuple[tuple[int, ...], ...]

#: enumerations with more than this many partitions raise ResourceLimitError
MAX_ENUMERATION = 10_000_000


def catalan(n: int) -> int:
    """Return the Catalan number ``C_n = binom(2n, n) / (n + 1)``.

    Examples
    --------
    >>> [catalan(n) for n in range(8)]
    [1, 1, 2, 5, 14, 42, 132, 429]
    """
    n = nonnegative_int("n", n)
    limits.check("count_bits", 2 * n, f"catalan({short_repr(n)}), about {short_repr(2 * n)} bits,")
    return int(fmpz.bin_uiui(2 * n, n)) // (n + 1)   # math.comb is quadratic in the size here


def _catalan_exceeds(k: int, limit: int) -> bool:
    """Whether ``Catalan(k) > limit``, found by the recurrence without forming a huge ``Catalan(k)``."""
    c = 1
    for j in range(1, k + 1):
        c = c * 2 * (2 * j - 1) // (j + 1)
        if c > limit:
            return True
    return c > limit


def _check_size(n: object, name: str = "n") -> int:
    return nonnegative_int(name, n)


def normalize_partition(pi: Iterable[Iterable[int]], n: int | None = None) -> SetPartition:
    """Return ``pi`` in normal form, checking that it is a set partition of ``{1..n}``.

    Parameters
    ----------
    pi : iterable of iterables of int
        The blocks, in any order.
    n : int, optional
        The size of the ground set; by default the number of elements of ``pi``.

    Returns
    -------
    tuple of tuples
        Blocks sorted internally and by least element.

    Raises
    ------
    InvalidInputError
        If a block is empty, an element is repeated or missing, or an element
        is not an integer in ``1..n``.

    Examples
    --------
    >>> normalize_partition([[3, 1], [2]])
    ((1, 3), (2,))
    """
    try:
        blocks = [tuple(sorted(int(x) if isinstance(x, int) and not isinstance(x, bool) else _bad(x, pi)
                               for x in b)) for b in pi]
    except TypeError:
        raise InvalidInputError(f"invalid partition {short_repr(pi)}: expected an iterable of blocks of integers") from None
    seen = [x for b in blocks for x in b]
    if n is None:
        n = len(seen)
    else:
        _check_size(n)
    expect(all(blocks), "partition", pi, "nonempty blocks")
    # compare sizes first: never build range(1, n + 1) for an n the blocks cannot fill
    expect(len(seen) == n and sorted(seen) == list(range(1, n + 1)), "partition", pi,
           f"a set partition of {{1, ..., {n}}} (every element exactly once)")
    return tuple(sorted(blocks))


def _bad(x: object, pi: object) -> int:
    raise InvalidInputError(f"invalid partition {short_repr(pi)}: element {short_repr(x)} is not an integer")


def is_noncrossing(pi: Iterable[Iterable[int]]) -> bool:
    """Return whether the set partition ``pi`` is non-crossing.

    Examples
    --------
    >>> is_noncrossing(((1, 3), (2, 4)))
    False
    >>> is_noncrossing(((1, 4), (2, 3)))
    True
    """
    p = normalize_partition(pi)
    label = {}
    for i, b in enumerate(p):
        for x in b:
            label[x] = i
    # stack test: scanning left to right, a block may only be resumed if it is on top
    stack: list[int] = []
    last = {i: b[-1] for i, b in enumerate(p)}
    for x in range(1, len(label) + 1):
        i = label[x]
        if stack and stack[-1] == i:
            pass
        elif i in stack:
            return False
        else:
            stack.append(i)
        if x == last[i]:
            stack.pop()
    return True


def _nc_interval(lo: int, hi: int) -> Iterator[list[tuple[int, ...]]]:
    """Non-crossing partitions of the interval lo..hi as lists of blocks."""
    if lo > hi:
        yield []
        return
    for m in range(lo, hi + 1):  # m = last element of the block of lo
        for blocks in _block_spanning(lo, m):
            for rest in _nc_interval(m + 1, hi):
                yield blocks + rest


def _block_spanning(lo: int, m: int) -> Iterator[list[tuple[int, ...]]]:
    """NC partitions of lo..m in which lo and m share a block (that block first)."""
    if lo == m:
        yield [(lo,)]
        return
    for c in range(lo + 1, m + 1):  # c = the element after lo in its block
        for gap in _nc_interval(lo + 1, c - 1):
            for tail in _block_spanning(c, m):
                yield [(lo,) + tail[0]] + gap + tail[1:]


def noncrossing_partitions(n: int) -> Iterator[SetPartition]:
    """Generate the non-crossing partitions of ``{1, ..., n}`` (``Catalan(n)`` of them).

    Built by the interval recursion (the block of the least element splits the
    rest into independent intervals), never by filtering all set partitions.

    Parameters
    ----------
    n : int
        Size of the ground set, ``n >= 0`` (``NC(0)`` holds the empty partition).

    Yields
    ------
    tuple of tuples
        Each partition in normal form.

    Raises
    ------
    InvalidInputError
        If ``n`` is not a nonnegative integer.
    ResourceLimitError
        If ``Catalan(n)`` exceeds [`MAX_ENUMERATION`][MAX_ENUMERATION].

    Examples
    --------
    >>> list(noncrossing_partitions(3))
    [((1,), (2,), (3,)), ((1,), (2, 3)), ((1, 2), (3,)), ((1, 2, 3),), ((1, 3), (2,))]
    """
    n = _check_size(n)
    if _catalan_exceeds(n, MAX_ENUMERATION):
        raise ResourceLimitError(f"NC({n}) has Catalan({n}) elements, more than the limit {MAX_ENUMERATION}")
    return (tuple(sorted(b)) for b in _nc_interval(1, n))


def _pairings(lo: int, hi: int) -> Iterator[list[tuple[int, int]]]:
    if lo > hi:
        yield []
        return
    for j in range(lo + 1, hi + 1, 2):
        for inner in _pairings(lo + 1, j - 1):
            for outer in _pairings(j + 1, hi):
                yield [(lo, j)] + inner + outer


def noncrossing_pairings(n: int) -> Iterator[SetPartition]:
    """Generate the non-crossing pair partitions ``NC_2(n)`` of ``{1, ..., n}``.

    There are ``Catalan(n/2)`` of them for even ``n`` and none for odd ``n``.

    Examples
    --------
    >>> list(noncrossing_pairings(4))
    [((1, 2), (3, 4)), ((1, 4), (2, 3))]
    >>> list(noncrossing_pairings(3))
    []
    """
    n = _check_size(n)
    if n % 2:
        return iter(())
    if _catalan_exceeds(n // 2, MAX_ENUMERATION):
        raise ResourceLimitError(f"NC_2({n}) has Catalan({n // 2}) elements, more than the limit {MAX_ENUMERATION}")
    return (tuple(sorted(p)) for p in _pairings(1, n))


def _require_nc(pi: Iterable[Iterable[int]], name: str = "pi") -> SetPartition:
    p = normalize_partition(pi)
    expect(is_noncrossing(p), name, pi, "a non-crossing partition")
    return p


def _perm_of(p: SetPartition, n: int) -> list[int]:
    """The permutation (1-based list, index 0 unused) whose cycles are the blocks, increasing."""
    perm = [0] * (n + 1)
    for b in p:
        for i, x in enumerate(b):
            perm[x] = b[(i + 1) % len(b)]
    return perm


def _cycles(perm: list[int]) -> SetPartition:
    n = len(perm) - 1
    seen = [False] * (n + 1)
    blocks = []
    for s in range(1, n + 1):
        if not seen[s]:
            b = []
            x = s
            while not seen[x]:
                seen[x] = True
                b.append(x)
                x = perm[x]
            blocks.append(tuple(sorted(b)))
    return tuple(sorted(blocks))


def _inverse_perm(pi: Iterable[Iterable[int]]) -> tuple[int, list[int]]:
    """``n`` and the inverse of the permutation of a non-crossing ``pi`` (blocks as
    increasing cycles), as a list indexed from 1."""
    p = _require_nc(pi)
    n = sum(len(b) for b in p)
    perm = _perm_of(p, n)
    inv = [0] * (n + 1)
    for x in range(1, n + 1):
        inv[perm[x]] = x
    return n, inv


def kreweras(pi: Iterable[Iterable[int]]) -> SetPartition:
    """Return the Kreweras complement ``K(pi)`` of a non-crossing partition.

    ``K(pi)`` is the partition into cycles of the permutation ``pi^{-1} gamma``,
    where ``gamma = (1 2 ... n)`` and ``pi`` also denotes the permutation whose
    cycles are the blocks of ``pi`` in increasing order.  It is the coarsest
    partition of the primed points ``1', ..., n'`` (interleaved as
    ``1 1' 2 2' ...``) that does not cross ``pi``.  ``|pi| + |K(pi)| = n + 1``
    and ``K(K(pi))`` is ``pi`` rotated by one step (``i -> i - 1`` modulo ``n``).

    Raises
    ------
    InvalidInputError
        If ``pi`` is not a non-crossing set partition of ``{1..n}``.

    Examples
    --------
    >>> kreweras(((1,), (2,), (3,)))
    ((1, 2, 3),)
    >>> kreweras(((1, 2, 3),))
    ((1,), (2,), (3,))
    """
    n, inv = _inverse_perm(pi)
    return _cycles([0] + [inv[x % n + 1] for x in range(1, n + 1)])


def kreweras_inverse(pi: Iterable[Iterable[int]]) -> SetPartition:
    """Return ``K^{-1}(pi)``, the partition into cycles of ``gamma pi^{-1}``.

    Examples
    --------
    >>> p = ((1, 3), (2,), (4,))
    >>> kreweras_inverse(kreweras(p)) == p
    True
    """
    n, inv = _inverse_perm(pi)
    return _cycles([0] + [inv[x] % n + 1 for x in range(1, n + 1)])


def refines(pi: Iterable[Iterable[int]], sigma: Iterable[Iterable[int]]) -> bool:
    """Return whether ``pi <= sigma`` in refinement order (every block of ``pi`` lies in a block of ``sigma``).

    Examples
    --------
    >>> refines(((1,), (2, 3)), ((1, 2, 3),))
    True
    >>> refines(((1, 2, 3),), ((1,), (2, 3)))
    False
    """
    p = normalize_partition(pi)
    s = normalize_partition(sigma)
    expect(sum(map(len, p)) == sum(map(len, s)), "sigma", sigma, "a partition of the same set as pi")
    where = {x: i for i, b in enumerate(s) for x in b}
    return all(len({where[x] for x in b}) == 1 for b in p)


def nc_meet(pi: Iterable[Iterable[int]], sigma: Iterable[Iterable[int]]) -> SetPartition:
    """Return the meet of two non-crossing partitions (the blockwise intersections).

    Examples
    --------
    >>> nc_meet(((1, 2), (3, 4)), ((1, 4), (2, 3)))
    ((1,), (2,), (3,), (4,))
    """
    p = _require_nc(pi)
    s = _require_nc(sigma, "sigma")
    expect(sum(map(len, p)) == sum(map(len, s)), "sigma", sigma, "a partition of the same set as pi")
    out = [tuple(sorted(set(a) & set(b))) for a in p for b in s]
    return tuple(sorted(b for b in out if b))


def noncrossing_closure(pi: Iterable[Iterable[int]]) -> SetPartition:
    """Return the finest non-crossing partition coarser than the set partition ``pi``.

    Crossing blocks are merged until no two blocks cross.

    Examples
    --------
    >>> noncrossing_closure(((1, 3), (2, 4), (5,)))
    ((1, 2, 3, 4), (5,))
    """
    blocks = [set(b) for b in normalize_partition(pi)]
    changed = True
    while changed:
        changed = False
        for i in range(len(blocks)):
            for j in range(i + 1, len(blocks)):
                if _cross(blocks[i], blocks[j]):
                    blocks[i] |= blocks.pop(j)
                    changed = True
                    break
            if changed:
                break
    return tuple(sorted(tuple(sorted(b)) for b in blocks))


def _cross(a: set[int], b: set[int]) -> bool:
    lo, hi = min(a), max(a)
    inside = [x for x in b if lo < x < hi]
    outside = [x for x in b if x < lo or x > hi]
    if inside and outside:
        return True
    # b's elements all inside (lo, hi) or all outside; inside ones must sit in one gap of a
    if inside:
        sa = sorted(a)
        gaps = {next(i for i in range(len(sa) - 1) if sa[i] < x < sa[i + 1]) for x in inside}
        return len(gaps) > 1
    return False


def nc_join(pi: Iterable[Iterable[int]], sigma: Iterable[Iterable[int]]) -> SetPartition:
    """Return the join of two non-crossing partitions in the lattice ``NC(n)``.

    This is the non-crossing closure of the set-partition join (it can be
    strictly coarser than the set-partition join).

    Examples
    --------
    >>> nc_join(((1, 3), (2,), (4,)), ((1,), (2, 4), (3,)))
    ((1, 2, 3, 4),)
    """
    p = _require_nc(pi)
    s = _require_nc(sigma, "sigma")
    n = sum(map(len, p))
    expect(n == sum(map(len, s)), "sigma", sigma, "a partition of the same set as pi")
    parent = list(range(n + 1))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for b in p + s:
        for x in b[1:]:
            parent[find(x)] = find(b[0])
    groups: dict[int, list[int]] = {}
    for x in range(1, n + 1):
        groups.setdefault(find(x), []).append(x)
    return noncrossing_closure(groups.values())


def mobius(pi: Iterable[Iterable[int]], sigma: Iterable[Iterable[int]] | None = None) -> int:
    """Return the Moebius function ``mu(pi, sigma)`` of the lattice ``NC(n)``.

    Uses the factorisation of intervals: ``[pi, sigma]`` is the product over the
    blocks ``V`` of ``sigma`` of ``[pi|V, 1_V]``, which the Kreweras complement
    maps to ``[0, K(pi|V)]``, a product of full lattices ``NC(|W|)``; and
    ``mu(0_k, 1_k) = (-1)^(k-1) Catalan(k-1)``.

    Parameters
    ----------
    pi, sigma : non-crossing partitions of the same set
        ``sigma`` defaults to the one-block partition ``1_n``.

    Returns
    -------
    int
        ``0`` if ``pi`` does not refine ``sigma``.

    Examples
    --------
    >>> mobius(((1,), (2,), (3,), (4,)))
    -5
    >>> mobius(((1,), (2,)), ((1, 2),))
    -1
    """
    p = _require_nc(pi)
    n = sum(map(len, p))
    s = ((tuple(range(1, n + 1)),) if n else ()) if sigma is None else _require_nc(sigma, "sigma")
    expect(n == sum(map(len, s)), "sigma", sigma, "a partition of the same set as pi")
    if not refines(p, s):
        return 0
    result = 1
    for v in s:
        rank = {x: i + 1 for i, x in enumerate(v)}
        restricted = tuple(tuple(rank[x] for x in b) for b in p if b[0] in rank)
        for w in kreweras(restricted):
            k = len(w)
            result *= (-1) ** (k - 1) * catalan(k - 1)
    return result


def narayana(n: int, k: int) -> int:
    """Return the Narayana number ``N(n, k) = binom(n, k) binom(n, k-1) / n``.

    It counts the non-crossing partitions of ``{1..n}`` with ``k`` blocks
    (``N(0, 0) = 1``).

    Examples
    --------
    >>> [narayana(4, k) for k in range(1, 5)]
    [1, 6, 6, 1]
    """
    n = _check_size(n)
    expect(isinstance(k, int) and not isinstance(k, bool), "k", k, "an integer")
    if n == 0:
        return 1 if k == 0 else 0
    if k < 1 or k > n:
        return 0
    bits = min(2 * n, 2 * min(k, n - k + 1) * n.bit_length())  # binom(n, j) < 2^n and <= n^min(j, n-j)
    limits.check("count_bits", bits, f"narayana({short_repr(n)}, {short_repr(k)}), about {short_repr(bits)} bits,")
    return _narayana(n, k)


def _narayana(n: int, k: int) -> int:
    """``N(n, k)`` for ``1 <= k <= n`` (no checks)."""
    if n < 2**63:
        return int(fmpz.bin_uiui(n, k) * fmpz.bin_uiui(n, k - 1)) // n  # math.comb is quadratic in the size
    return comb(n, k) * comb(n, k - 1) // n   # then k or n - k is small (the limit count_bits)


def narayana_numbers(n: int) -> list[int]:
    """Return ``[N(n, 1), ..., N(n, n)]``, the rank generating function of ``NC(n)`` by block count.

    Examples
    --------
    >>> narayana_numbers(5)
    [1, 10, 20, 10, 1]
    """
    n = _check_size(n)
    bits = 2 * n * n
    limits.check("count_bits", bits, f"narayana_numbers({short_repr(n)}), up to {short_repr(bits)} bits,")
    return [_narayana(n, k) for k in range(1, n + 1)]
