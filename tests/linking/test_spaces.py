"""LabelledSpace basics and bad input."""

from __future__ import annotations

from fractions import Fraction

import pytest

from combalg.core.errors import InvalidInputError
from combalg.core.linalg import GF, QQ
from combalg.linking import LabelledSpace, compose, decompose, minimize_overlap


def test_canonical_form_and_equality():
    A = LabelledSpace([[2, 4, 0], [0, 0, 3]], ["b", "a", "c"])
    B = LabelledSpace([[1, 2, 5], [0, 0, 1]], ["b", "a", "c"])
    assert A == B and hash(A) == hash(B)
    assert A.labels == ("a", "b", "c")
    assert A.rows == ((1, Fraction(1, 2), 0), (0, 0, 1))
    assert A != LabelledSpace([[2, 4, 0], [0, 0, 3]], ["b", "a", "c"], GF(5))
    assert LabelledSpace([[Fraction(1, 2), 1]], ["x", "y"], GF(3)).rows == ((1, 2),)


def test_field_spellings():
    for f in (QQ, "QQ", None, 0):
        assert LabelledSpace([[1]], ["a"], f).p == 0
    for f in (GF(5), "GF(5)", 5):
        assert LabelledSpace([[1]], ["a"], f).p == 5


def test_contains_and_vectors():
    V = LabelledSpace([[1, 1, 0]], "abc", GF(3))
    assert V.contains({"a": 2, "b": 2})
    assert not V.contains([1, 2, 0])
    assert sorted(V.vectors()) == [(0, 0, 0), (1, 1, 0), (2, 2, 0)]


def test_mixed_label_types_order():
    V = LabelledSpace([[1, 2, 3]], ["z", 3, ("t", 1)])
    assert V.labels == (3, "z", ("t", 1))


def test_label_key_of_equal_labels_of_different_types_does_not_depend_on_history():
    """(1, 2), (True, 2.0) and (1.0, 2) are equal and hash alike, but their keys follow their
    own entries' types (integers, then by type name and repr), whichever was seen first."""
    from combalg.linking import label_key

    for first in [(1, 2), (True, 2.0), (1.0, 2)]:
        label_key(first)
        assert label_key((True, 2.0)) == (2, ((3, "bool", "True"), (3, "float", "2.0")))
        assert label_key((1.0, 2)) == (2, ((3, "float", "1.0"), (0, 2)))
        assert label_key((1, 2)) == (2, ((0, 1), (0, 2)))


@pytest.mark.parametrize(
    "make, match",
    [
        (lambda: LabelledSpace([[1, 2]], ["a", "b", "c"]), "row 0"),
        (lambda: LabelledSpace([[1, 2, 3], [1, 2]], ["a", "b", "c"]), "row 1"),
        (lambda: LabelledSpace([[1, 2]], ["a", "a"]), "repeated"),
        (lambda: LabelledSpace([[1.5, 2]], ["a", "b"]), "no floats"),
        (lambda: LabelledSpace([["1", 2]], ["a", "b"]), "exact"),
        (lambda: LabelledSpace([[1, 2]], ["a", "b"], 6), "not prime"),
        (lambda: LabelledSpace([[1, 2]], ["a", "b"], "GF(9)"), "not prime"),
        (lambda: GF(4), "prime"),
        (lambda: LabelledSpace([[Fraction(1, 3), 2]], ["a", "b"], GF(3)), "divisible by 3"),
    ],
)
def test_bad_space_input(make, match):
    with pytest.raises(InvalidInputError, match=match):
        make()


def test_mismatched_fields():
    A = LabelledSpace([[1, 1]], ["s", "p"])
    B = LabelledSpace([[1, 1]], ["p", "q"], GF(2))
    with pytest.raises(InvalidInputError, match="mismatched fields"):
        compose(A, B)
    with pytest.raises(InvalidInputError, match="mismatched fields"):
        A.sum(B)
    with pytest.raises(InvalidInputError, match="mismatched fields"):
        minimize_overlap(A, B)


def test_overlapping_labels_rejected():
    A = LabelledSpace([[1, 1, 0]], ["s", "p", "x"])
    B = LabelledSpace([[1, 1, 1]], ["p", "x", "q"])
    with pytest.raises(InvalidInputError, match="overlap outside P"):
        compose(A, B, P=["p"])
    assert compose(A, B, P=["p", "x"]) == compose(A, B)
    with pytest.raises(InvalidInputError, match="overlap"):
        A.direct_sum(B)
    V = LabelledSpace([[1, 1, 1]], ["a", "b", "c"])
    with pytest.raises(InvalidInputError, match="overlap"):
        decompose(V, ["a", "b"], ["b", "c"])
    with pytest.raises(InvalidInputError, match="neither"):
        decompose(V, ["a"], ["b"])
    with pytest.raises(InvalidInputError, match="p_labels"):
        decompose(V, ["a"], ["b", "c"], p_labels=["a"])
    with pytest.raises(InvalidInputError, match="not among the labels"):
        V.restrict(["z"])
    with pytest.raises(InvalidInputError, match="sign"):
        compose(A, B, sign=2)


def test_fresh_p_labels_avoid_existing():
    V = LabelledSpace([[1, 1]], ["p0", "q"])
    A, B = decompose(V, ["p0"], ["q"])
    assert set(A.labels) & set(B.labels) == {"p1"}
    assert compose(A, B) == V


def test_to_dict():
    V = LabelledSpace([[2, 1]], ["a", "b"])
    assert V.to_dict() == {"field": "QQ", "labels": ["a", "b"], "rows": [[1, "1/2"]]}


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from combalg.strategies.linking import fields, labelled_spaces  # noqa: E402


@given(st.data())
def test_as_sympy_round_trips_and_is_the_rref(data):
    import sympy

    field = data.draw(fields())
    V = data.draw(labelled_spaces(["a", "b", "c", "d"], field=field))
    M = V.as_sympy()
    assert M.shape == (V.dim, 4)
    assert LabelledSpace(M.tolist(), V.labels, field=field) == V
    if V.p == 0:  # over QQ the matrix is sympy's own RREF of itself
        assert M.rref()[0] == M


def test_latex_shows_labels_entries_and_field():
    V = LabelledSpace([[1, Fraction(-1, 3)]], ["x_1", "y"])
    latex = V._repr_latex_()
    assert "\\text{x\\_1} & \\text{y} \\\\ \\hline 1 & -\\frac{1}{3}" in latex
    assert latex.startswith("$") and latex.endswith("\\subseteq \\mathbb{Q}^{2}$")
    assert "\\mathrm{GF}(5)" in LabelledSpace([[1, 2]], ["a", "b"], field=GF(5))._repr_latex_()
