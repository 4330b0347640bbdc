"""Regressions of issue 15 for the objects and the engines built on them (partitions,
cylindric, growth): each bad argument the fuzzing harness found is refused with a
CombalgError (never a raw TypeError, RecursionError, MemoryError or a hang), and the
answers for valid input stay as they were.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from combalg.core.errors import CombalgError, InvalidInputError, ResourceLimitError

HUGE = range(0, 10**15)


def deep(depth: int = 3000) -> list:
    v: list = [1]
    for _ in range(depth):
        v = [v]
    return v


def refused(fn, *args, **kwargs) -> CombalgError:
    with pytest.raises(CombalgError) as info:
        fn(*args, **kwargs)
    str(info.value)  # the message itself must format
    return info.value


# ---------------------------------------------------------------------------
# partitions
# ---------------------------------------------------------------------------

def test_partition_arguments():
    from combalg import partitions as P

    lam = P.Partition([3, 1, 1])
    assert isinstance(refused(P.Partition, deep()), InvalidInputError)
    assert isinstance(refused(lam.part, None), InvalidInputError)
    assert isinstance(refused(lam.diagram, None), InvalidInputError)
    for fn in (lam.contains, lam.dominates, P.compact_str, P.conjugate, P.hook_lengths,
               P.num_standard_tableaux):
        assert isinstance(refused(fn, HUGE), ResourceLimitError)
    for fn in (P.is_horizontal_strip, P.is_vertical_strip):
        assert isinstance(refused(fn, deep(), 2), InvalidInputError)
    for fn in (P.horizontal_strips_over, P.horizontal_strips_under, P.vertical_strips_over,
               P.vertical_strips_under):
        assert isinstance(refused(fn, deep(), 6), InvalidInputError)
    # valid answers unchanged
    assert (lam.part(0), lam.part(2), lam.part(3), lam.part(-1)) == (3, 1, 0, 0)
    assert lam.part(np.int64(1)) == 1
    assert lam.diagram("[]") == "[][][]\n[]\n[]"


def test_partitions_up_to_stops_where_nothing_fits():
    from combalg.partitions import partitions_up_to

    assert list(partitions_up_to(2**64, 0)) == [()]
    assert list(partitions_up_to(2**64, max_length=0)) == [()]
    assert sum(1 for _ in partitions_up_to(2**64, max_part=2, max_length=2)) == 6  # the 2 x 2 box
    assert [tuple(p) for p in partitions_up_to(3)] == [(), (1,), (2,), (1, 1), (3,), (2, 1), (1, 1, 1)]


# ---------------------------------------------------------------------------
# cylindric
# ---------------------------------------------------------------------------

def test_cylindric_arguments():
    from combalg import cylindric as C

    pi = C.Profile("110100")
    cp = next(iter(C.cylindric_partitions("110100", weight=3)))
    assert isinstance(refused(C.Profile, HUGE), ResourceLimitError)
    assert isinstance(refused(pi.letter, None), InvalidInputError)
    for fn in (pi.rotate, pi.rotation, cp.rotate, cp.rotation):
        assert isinstance(refused(fn, deep()), InvalidInputError)
    assert isinstance(refused(C.Profile.from_composition, HUGE), ResourceLimitError)
    assert isinstance(refused(C.Profile.from_composition, [10**15]), ResourceLimitError)
    refused(C.CylindricPartition, "110100", HUGE, validate=HUGE)
    assert isinstance(refused(C.CylindricPartition, "10", [[1], [2]], validate=None), InvalidInputError)
    for fn in (C.count_series, C.count_coefficients, C.count_bivariate):
        refused(fn, HUGE, 4, limit=Fraction(1, 3))
    for fn in (C.rpp_shape, C.rpp_pair_hooks):
        assert isinstance(refused(fn, HUGE), ResourceLimitError)
    assert isinstance(refused(C.lattice_paths, deep(), [[1, 2], [3, 4]]), InvalidInputError)
    assert isinstance(refused(C.lattice_paths, cp, 10**12), ResourceLimitError)
    # valid answers unchanged
    assert [pi.letter(k) for k in range(-1, 8)] == [0, 0, 1, 1, 0, 1, 0, 0, 1]
    assert C.Profile.from_composition([2, 1, 0]) == pi
    assert C.lattice_paths(C.CylindricPartition("10", [[1], [2]])) == [((0, 0), (1, 1), (2, 0))]


# ---------------------------------------------------------------------------
# growth
# ---------------------------------------------------------------------------

def test_growth_arguments():
    from combalg import growth as G

    diagram = G.GrowthDiagram(G.RuleRSK(), filling=[2, 3, 1])
    P, Q = G.rsk([2, 3, 1, 3])
    assert isinstance(refused(G.GrowthDiagram, deep(), (1, 1, 2)), InvalidInputError)
    assert isinstance(refused(diagram.label, 5, [1, "a", (2,)]), InvalidInputError)
    assert isinstance(refused(diagram.label, 9, 9), InvalidInputError)
    assert isinstance(refused(G.Tableau, deep()), InvalidInputError)
    assert isinstance(refused(Q.latex, np.array([[1, 2], [3, 4]])), InvalidInputError)
    for rule in (G.RuleRSK(), G.RuleBurge()):
        assert isinstance(refused(rule.rank, None), InvalidInputError)
        assert isinstance(refused(rule.is_edge, None, None), InvalidInputError)
        assert isinstance(refused(rule.forward_rule, None, None, None, None, check=None), InvalidInputError)
        assert isinstance(refused(rule.backward_rule, None, None, None, check=None), InvalidInputError)
    assert isinstance(refused(G.rsk, HUGE), ResourceLimitError)
    assert isinstance(refused(G.rsk_inverse, "1" * 200000, [[1, Fraction(1, 2)], [Fraction(-1, 3), 4]],
                              np.array([0.5, 1.5])), InvalidInputError)
    assert isinstance(refused(G.insert_two_line, None, None), InvalidInputError)
    assert isinstance(refused(G.insert_two_line, [1, 2], [1, "a"]), InvalidInputError)
    assert isinstance(refused(G.insert_two_line, [1], [deep()]), InvalidInputError)
    for fn in (G.two_line_array, G.tableau_shape, G.tableau_from_chain):
        assert isinstance(refused(fn, HUGE), ResourceLimitError)
    assert isinstance(refused(G.chain_from_tableau, deep(), 6), InvalidInputError)
    for fn in (G.cylinder_forward, G.cylinder_sweeps):
        assert isinstance(refused(fn, deep(), Fraction(1, 3)), InvalidInputError)
    refused(G.cylinder_weight, "110100", HUGE, [1, 2, 1])
    assert isinstance(refused(G.rsk_inverse, ((1, 10**15),), ((1, 2),), output="matrix"), ResourceLimitError)
    # valid answers unchanged
    assert G.RuleRSK().rank([3, 1]) == 4 and G.RuleRSK().is_edge((1,), (3,)) and not G.RuleBurge().is_edge((1,), (3,))
    assert G.RuleRSK().forward_rule([2, 1], [2, 1], [2, 1], 1, check=False) == (3, 1)
    assert diagram.label(3, 3) == (2, 1) and diagram.label(np.int64(0), 0) == ()
    assert G.insert_two_line([1, 2, 3], ["b", "a", "c"]) == ((("a", "c"), ("b",)), ((1, 3), (2,)))
    assert repr(G.Tableau([[10**5000]]))[:17] == "Tableau([[1000000"
