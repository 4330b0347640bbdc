"""Tour and table entries of the linking engine."""

from __future__ import annotations


import pytest

from combalg.core.errors import InvalidInputError
from combalg.linking.enumeration import count_by_connectivity, count_subspaces


def test_tour_rows_agree():
    from combalg.tour.linking import ENGINE, run

    rows = run()
    assert rows and all(r.engine == ENGINE for r in rows)
    assert all(r.agree is not False for r in rows)


def test_table_counts_match_reference_values():
    from combalg.tables import make

    t = make("linking", p=[2], sizes=["2x3"])
    assert t.rows[0][3:8] == [374, 374, 80, 290, 374]
    with pytest.raises(InvalidInputError):
        make("linking", p=[4], sizes=["1x1"])
    with pytest.raises(InvalidInputError):
        make("linking", p=[2], sizes=["2by3"])


def test_enumeration_counts():
    # number of subspaces of GF(3)^3: 1 + 13 + 13 + 1
    assert count_subspaces(3, 3) == 28
    counts = count_by_connectivity(3, ["s0"], ["q0", "q1"])
    assert sum(counts.values()) == 28
