"""Tests of the Partition value type, conjugation and hook lengths.

Oracles: cell-set computations written here (transpose of the diagram, hooks counted
cell by cell) and brute-force counts of standard Young tableaux.
"""

from __future__ import annotations

import itertools
import pickle
from fractions import Fraction
from math import factorial, prod

import pytest
from hypothesis import given, settings

from combalg.core.errors import InvalidInputError
from combalg.partitions import (
    Partition,
    conjugate,
    hook_lengths,
    num_standard_tableaux,
    partitions_of,
)
from combalg.strategies.basic import partitions


def cell_set(parts):
    return {(i, j) for i, p in enumerate(parts) for j in range(p)}


def parts_from_cells(cells):
    rows = {}
    for i, _ in cells:
        rows[i] = rows.get(i, 0) + 1
    return tuple(rows[i] for i in range(len(rows)))


def brute_syt_count(shape):
    """Count fillings of the diagram by 1..n increasing along rows and columns."""
    cells = sorted(cell_set(shape))
    n = len(cells)
    count = 0
    for perm in itertools.permutations(range(1, n + 1)):
        t = dict(zip(cells, perm))
        if all(
            (t.get((i, j + 1), n + 1) > v) and (t.get((i + 1, j), n + 1) > v)
            for (i, j), v in t.items()
        ):
            count += 1
    return count


# ---------------------------------------------------------------- construction


def test_constructor_normalises():
    assert Partition([3, 1, 0, 0]) == (3, 1)
    assert Partition((x for x in [2, 2])) == (2, 2)
    assert Partition() == () and Partition([0, 0]) == ()
    assert isinstance(Partition([1]), tuple)
    lam = Partition([2, 1])
    assert Partition(lam) is lam


@pytest.mark.parametrize(
    "bad, fragment",
    [
        ([1, 2], "weakly decreasing"),
        ([3, -1], "-1"),
        ([2, 1.0], "1.0"),
        ([Fraction(1, 2)], "Fraction"),
        ([True], "bool"),
        ("321", "text"),
        (5, "5"),
        ([2, 0, 1], "weakly decreasing"),
    ],
)
def test_constructor_rejects(bad, fragment):
    with pytest.raises(InvalidInputError, match=fragment.replace(".", r"\.")):
        Partition(bad)


def test_basic_properties():
    lam = Partition([4, 2, 2, 1])
    assert lam.size == 9 and lam.length == 4 and len(lam) == 4
    assert lam.part(0) == 4 and lam.part(3) == 1 and lam.part(4) == 0
    assert repr(lam) == "Partition([4, 2, 2, 1])"
    assert lam._repr_latex_() == "$(4, 2, 2, 1)$"
    assert Partition()._repr_latex_() == r"$\varnothing$"
    assert hash(lam) == hash((4, 2, 2, 1))
    assert pickle.loads(pickle.dumps(lam)) == lam
    assert type(pickle.loads(pickle.dumps(lam))) is Partition


def test_contains_and_dominance():
    lam = Partition([3, 2, 1])
    assert lam.contains([3, 2, 1]) and lam.contains([]) and lam.contains([2, 2])
    assert not lam.contains([4]) and not lam.contains([1, 1, 1, 1])
    assert Partition([4]).dominates([2, 2]) and not Partition([2, 2]).dominates([3])


@settings(max_examples=200, deadline=None)
@given(partitions(max_size=14), partitions(max_size=14))
def test_contains_matches_cell_sets(lam, mu):
    assert lam.contains(mu) == (cell_set(mu) <= cell_set(lam))


def test_corners():
    lam = Partition([3, 3, 1])
    for i, j in lam.addable_cells():
        assert parts_from_cells(cell_set(lam) | {(i, j)}) in set(partitions_of(lam.size + 1))
    assert set(lam.removable_cells()) == {(1, 2), (2, 0)}
    assert Partition().addable_cells() == [(0, 0)] and Partition().removable_cells() == []


# ---------------------------------------------------------------- conjugation


@settings(max_examples=300, deadline=None)
@given(partitions(max_size=25))
def test_conjugation_is_an_involution(lam):
    assert lam.conjugate().conjugate() == lam
    assert type(lam.conjugate()) is Partition


@settings(max_examples=300, deadline=None)
@given(partitions(max_size=25))
def test_conjugate_is_the_transposed_diagram(lam):
    transposed = {(j, i) for i, j in cell_set(lam)}
    assert cell_set(lam.conjugate()) == transposed
    assert conjugate(list(lam)) == lam.conjugate()


def test_conjugate_examples():
    assert Partition([5, 3, 1]).conjugate() == (3, 2, 2, 1, 1)
    assert Partition().conjugate() == ()
    assert Partition([1, 1, 1]).conjugate() == (3,)


# ---------------------------------------------------------------- hooks


@settings(max_examples=200, deadline=None)
@given(partitions(max_size=20))
def test_hook_lengths_count_cells(lam):
    cells = cell_set(lam)
    hooks = hook_lengths(lam)
    assert [len(row) for row in hooks] == list(lam)
    for i, j in cells:
        arm = sum(1 for (a, b) in cells if a == i and b > j)
        leg = sum(1 for (a, b) in cells if b == j and a > i)
        assert hooks[i][j] == arm + leg + 1
    assert lam.hook_lengths() == hooks


@pytest.mark.parametrize("n", range(0, 7))
def test_hook_formula_vs_brute_force_tableaux(n):
    for lam in partitions_of(n):
        hooks = [h for row in hook_lengths(lam) for h in row]
        f = Fraction(factorial(n), prod(hooks))
        assert f.denominator == 1
        assert brute_syt_count(lam) == f == num_standard_tableaux(lam)


def test_sum_of_squares_of_dimensions():
    # sum over lam |- n of (f^lam)^2 = n!  (RSK)
    for n in range(0, 12):
        assert sum(num_standard_tableaux(lam) ** 2 for lam in partitions_of(n)) == factorial(n)


def test_diagram():
    assert Partition([2, 1]).diagram() == "##\n#"
    assert Partition([2]).diagram(cell="[]") == "[][]"


@pytest.mark.slow
@pytest.mark.parametrize("n", [7, 8])
def test_hook_formula_vs_brute_force_tableaux_slow(n):
    for lam in partitions_of(n):
        assert brute_syt_count(lam) == num_standard_tableaux(lam)


def test_huge_parts_are_refused_before_any_work():
    from combalg.core.errors import ResourceLimitError
    from combalg.partitions import Partition, hook_lengths, num_standard_tableaux

    lam = Partition([10**12, 3])
    assert lam.size == 10**12 + 3 and lam.length == 2  # cheap data still works
    for call in (lam.conjugate, lam.hook_lengths, lam.diagram, lambda: num_standard_tableaux([10**7]),
                 lambda: hook_lengths([600_000, 600_000])):
        with pytest.raises(ResourceLimitError, match="MAX_CELLS"):
            call()
