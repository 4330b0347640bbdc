"""Hypothesis strategies for RSK and growth diagrams.

Use them in your own property tests:

    from hypothesis import given
    from combalg.strategies.growth import words
    from combalg.growth import rsk, rsk_inverse

    @given(words())
    def test_round_trip(w):
        assert rsk_inverse(*rsk(w)) == w

Importing this module needs hypothesis (the ``test`` extra).

Examples
--------
>>> from hypothesis import given, settings
>>> from combalg.strategies.growth import permutations
>>> @settings(max_examples=20, database=None, deadline=None)
... @given(permutations(max_size=6))
... def check(p):
...     assert sorted(p) == list(range(1, len(p) + 1))
>>> check()
"""

from __future__ import annotations

from hypothesis import strategies as st

from combalg.core.errors import InvalidInputError

__all__ = [
    "words",
    "permutations",
    "nonnegative_matrices",
    "cylinder_pairs",
]


def words(max_length: int = 12, max_letter: int = 5, *, min_size: int = 0,
          max_size: int | None = None) -> st.SearchStrategy[list[int]]:
    """Words (lists) of length ``min_size..max_size`` in the letters ``1..max_letter``
    (``max_length`` is the older name of ``max_size``)."""
    max_length = max_length if max_size is None else max_size
    if max_length < 0 or max_letter < 1 or not 0 <= min_size <= max_length:
        raise InvalidInputError(
            f"invalid max_length={max_length!r}, max_letter={max_letter!r}: "
            f"(min_size={min_size!r}): expected 0 <= min_size <= max_length and max_letter >= 1"
        )
    return st.lists(st.integers(1, max_letter), min_size=min_size, max_size=max_length)


def permutations(max_size: int = 10, min_size: int = 1) -> st.SearchStrategy[list[int]]:
    """Permutations of ``1..n`` (one-line notation) with ``min_size <= n <= max_size``.

    ``min_size`` is 1 by default: pass ``min_size=0`` to include the empty permutation.
    """
    if not (isinstance(max_size, int) and isinstance(min_size, int) and 0 <= min_size <= max_size):
        raise InvalidInputError(f"invalid min_size={min_size!r}, max_size={max_size!r}: "
                                "expected integers with 0 <= min_size <= max_size")
    return st.integers(min_size, max_size).flatmap(
        lambda n: st.permutations(list(range(1, n + 1))).map(list)
    )


def nonnegative_matrices(max_rows: int = 4, max_cols: int = 4, max_entry: int = 3, *,
                         min_size: int = 1, max_size: int | None = None) -> st.SearchStrategy[list[list[int]]]:
    """Matrices with entries ``0..max_entry`` whose numbers of rows and of columns each lie in
    ``min_size..max_size`` (``max_size`` defaults to ``max_rows`` for rows and ``max_cols``
    for columns).

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20, database=None)
    ... @given(nonnegative_matrices(min_size=2, max_size=3, max_entry=1))
    ... def check(m):
    ...     assert 2 <= len(m) <= 3 and all(2 <= len(r) <= 3 and set(r) <= {0, 1} for r in m)
    >>> check()
    """
    if max_size is not None:
        max_rows = max_cols = max_size
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (max_rows, max_cols, max_entry, min_size)) \
            or not 0 <= min_size <= min(max_rows, max_cols) or max_entry < 0:
        raise InvalidInputError(
            f"invalid bounds min_size={min_size!r}, max_rows={max_rows!r}, max_cols={max_cols!r}, "
            f"max_entry={max_entry!r}: expected 0 <= min_size <= max_rows, max_cols and max_entry >= 0"
        )
    return st.tuples(st.integers(min_size, max_rows), st.integers(min_size, max_cols)).flatmap(
        lambda rc: st.lists(
            st.lists(st.integers(0, max_entry), min_size=rc[1], max_size=rc[1]),
            min_size=rc[0], max_size=rc[0],
        )
    )


def cylinder_pairs(profile, max_d: int = 12, max_cells: int = 5, max_entry: int = 3,
                   max_nu: int = 6) -> st.SearchStrategy[tuple[tuple[int, ...], dict]]:
    """Pairs ``(nu, m)`` for the growth bijection of a fixed profile.

    ``nu`` is a partition of size ``<= max_nu``; ``m`` fills at most
    ``max_cells`` cells ``(i, d)`` of ``C(pi)`` with ``d <= max_d`` (``i``
    0-indexed) by ``1..max_entry``.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> from combalg.growth import cylinder_forward, cylinder_inverse
    >>> @settings(max_examples=10, database=None, deadline=None)
    ... @given(cylinder_pairs("10110"))
    ... def check(pair):
    ...     nu, m = pair
    ...     assert cylinder_forward(cylinder_inverse("10110", nu, m)) == (nu, m)
    >>> check()
    """
    from combalg.growth.cylinder import cylinder_cells

    cells = cylinder_cells(profile, max_d)
    if cells:
        fill = st.dictionaries(st.sampled_from(cells), st.integers(1, max_entry),
                               max_size=max_cells).map(lambda d: dict(sorted(d.items())))
    else:
        fill = st.just({})
    nu = st.lists(st.integers(1, max_nu), max_size=max_nu).filter(
        lambda xs: sum(xs) <= max_nu
    ).map(lambda xs: tuple(sorted(xs, reverse=True)))
    return st.tuples(nu, fill)
