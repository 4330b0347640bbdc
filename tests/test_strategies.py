"""The public hypothesis strategies produce what they promise."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from combalg.core.errors import InvalidInputError
from combalg.partitions import Partition
from combalg.strategies.basic import (
    profile_tuples,
    partitions,
    profile_words,
    profiles,
    rational_matrices,
    rationals,
    small_int_matrices,
    square_int_matrices,
)


@settings(max_examples=200, deadline=None)
@given(st.data(), st.integers(0, 12), st.none() | st.integers(1, 5), st.none() | st.integers(1, 5))
def test_partitions_respect_bounds(data, max_size, max_length, max_part):
    lam = data.draw(partitions(max_size=max_size, max_length=max_length, max_part=max_part))
    assert type(lam) is Partition
    assert Partition(list(lam)) == lam  # valid parts
    assert lam.size <= max_size
    assert max_length is None or lam.length <= max_length
    assert max_part is None or not lam or lam[0] <= max_part


@settings(max_examples=100, deadline=None)
@given(partitions(min_size=4, max_size=6, max_length=2, max_part=3))
def test_partitions_min_size(lam):
    assert 4 <= lam.size <= 6 and lam.length <= 2 and lam[0] <= 3


def test_partitions_reach_all_small_shapes():
    seen = set()

    @settings(max_examples=400, deadline=None, database=None)
    @given(partitions(max_size=4))
    def collect(lam):
        seen.add(lam)

    collect()
    assert len(seen) == 1 + 1 + 2 + 3 + 5


def test_impossible_partition_bounds():
    with pytest.raises(InvalidInputError):
        partitions(min_size=10, max_size=12, max_length=2, max_part=3)
    with pytest.raises(InvalidInputError):
        partitions(max_size=-1)


@settings(max_examples=100, deadline=None)
@given(profiles(min_length=3, max_length=6, min_ones=1, min_zeros=2))
def test_profiles(pi):
    from combalg.cylindric import Profile

    assert isinstance(pi, Profile)
    assert 3 <= len(pi) <= 6 and set(pi) <= {0, 1}
    assert list(pi).count(1) >= 1 and list(pi).count(0) >= 2


@settings(max_examples=50, deadline=None)
@given(profile_tuples(min_size=2, max_size=4, min_ones=1))
def test_profile_tuples(pi):
    assert isinstance(pi, tuple) and 2 <= len(pi) <= 4 and 1 in pi


def test_one_name_one_strategy_whichever_path():
    import combalg.strategies as S
    import combalg.strategies.asm as A
    import combalg.strategies.basic as B
    import combalg.strategies.cylindric as C
    import combalg.strategies.free as F

    assert S.profiles is B.profiles is C.profiles
    assert C.cylindric_partitions_st is C.cylindric_partitions
    assert A.compatible_pairs_strategy is A.compatible_pairs
    assert A.monotone_triangles_strategy is A.monotone_triangles
    assert callable(F.noncrossing_partitions)


@settings(max_examples=50, deadline=None)
@given(st.data())
def test_min_and_max_size(data):
    from combalg.strategies import free, growth
    from combalg.strategies.cylindric import cylindric_partitions

    p = data.draw(growth.permutations(max_size=4))
    assert 1 <= len(p) <= 4
    assert 2 <= len(data.draw(growth.permutations(min_size=2, max_size=3))) <= 3
    assert 2 <= len(data.draw(growth.words(min_size=2, max_size=3))) <= 3
    assert 1 <= len(data.draw(free.generator_words(min_size=1, max_size=2))) <= 2
    nc = data.draw(free.noncrossing_partitions(min_size=2, max_size=3))
    assert sum(len(b) for b in nc) in (2, 3)
    assert data.draw(cylindric_partitions(min_size=2, max_size=3, max_weight=3)).profile.T in (2, 3)


@settings(max_examples=50, deadline=None)
@given(profile_words(min_length=2, max_length=3))
def test_profile_words(w):
    assert isinstance(w, str) and 2 <= len(w) <= 3 and set(w) <= {"0", "1"}


def test_bad_profile_bounds():
    with pytest.raises(InvalidInputError):
        profiles(min_length=5, max_length=3)
    with pytest.raises(InvalidInputError):
        profiles(max_length=2, min_ones=2, min_zeros=1)


@settings(max_examples=100, deadline=None)
@given(small_int_matrices(min_value=-2, max_value=5, max_rows=3, max_cols=6))
def test_small_int_matrices(m):
    assert 1 <= len(m) <= 3 and 1 <= len(m[0]) <= 6
    assert all(len(r) == len(m[0]) for r in m)
    assert all(type(x) is int and -2 <= x <= 5 for r in m for x in r)


@settings(max_examples=50, deadline=None)
@given(square_int_matrices(max_n=5, min_n=2))
def test_square(m):
    assert 2 <= len(m) <= 5 and all(len(r) == len(m) for r in m)


@settings(max_examples=100, deadline=None)
@given(rational_matrices(rows=3, cols=2, max_numerator=4, max_denominator=3))
def test_rational_matrices(m):
    assert len(m) == 3 and all(len(r) == 2 for r in m)
    for r in m:
        for x in r:
            assert isinstance(x, Fraction) and abs(x.numerator) <= 4 and x.denominator <= 3


def test_bad_matrix_bounds():
    with pytest.raises(InvalidInputError):
        small_int_matrices(min_value=3, max_value=1)
    with pytest.raises(InvalidInputError):
        small_int_matrices(rows=-1)
    with pytest.raises(InvalidInputError):
        rationals(max_denominator=0)


@pytest.mark.parametrize("kwargs", [
    {"max_size": True}, {"max_size": 1.5}, {"max_length": "2"}, {"max_part": 2.0},
])
def test_partition_bounds_must_be_integers(kwargs):
    with pytest.raises(InvalidInputError, match="expected an integer"):
        partitions(**kwargs)


def test_matrix_and_profile_bounds_must_be_integers():
    with pytest.raises(InvalidInputError):
        small_int_matrices(max_rows=2.5)
    with pytest.raises(InvalidInputError):
        small_int_matrices(max_rows=0)
    with pytest.raises(InvalidInputError):
        rational_matrices(cols=True)
    with pytest.raises(InvalidInputError):
        profiles(min_ones=0.5)
    with pytest.raises(InvalidInputError):
        rationals(max_numerator=None)


def test_a_strategy_name_means_one_strategy_across_modules():
    """``combalg.strategies.X.name`` and ``combalg.strategies.Y.name`` are the same object."""
    import importlib
    import pkgutil

    import combalg.strategies as pkg

    seen: dict[str, tuple[str, object]] = {}
    clashes = []
    modules = [pkg] + [importlib.import_module(f"combalg.strategies.{m.name}") for m in pkgutil.iter_modules(pkg.__path__)]
    for module in modules:
        for name in module.__all__:
            obj = getattr(module, name)
            if name in seen and seen[name][1] is not obj:
                clashes.append(f"{name}: {seen[name][0]} and {module.__name__}")
            seen.setdefault(name, (module.__name__, obj))
    assert not clashes, clashes


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_matrix_and_space_strategies_take_sizes(data):
    from combalg.core.linalg import QQ
    from combalg.strategies.growth import nonnegative_matrices
    from combalg.strategies.linking import labelled_spaces

    m = data.draw(nonnegative_matrices(min_size=2, max_size=3))
    assert 2 <= len(m) <= 3 and all(2 <= len(r) <= 3 for r in m)
    V = data.draw(labelled_spaces("abcd", QQ, min_size=1, max_size=2))
    assert V.dim <= 2
    with pytest.raises(InvalidInputError):
        nonnegative_matrices(min_size=5, max_size=3)
