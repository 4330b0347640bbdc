"""Rich display: every displayed value type renders LaTeX (or HTML), and sympy.latex agrees with Jupyter."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy


def _values():
    import networkx as nx

    from combalg.asm import ASM
    from combalg.core.checks import CheckResult, Mismatch
    from combalg.core.laurent import LaurentRing
    from combalg.core.matrix import Matrix
    from combalg.core.series import partition_series
    from combalg.cylindric import Profile, cylindric_partitions
    from combalg.free.fock import FockSpace, apply_word
    from combalg.growth import RuleRSK, rsk
    from combalg.linking import GraphicMatroid, LabelledSpace, UniformMatroid
    from combalg.partitions import Partition

    x = LaurentRing(["x"]).gen("x")
    return {
        "series": partition_series(5),
        "laurent": x**-1 + 2,
        "partition": Partition([3, 1]),
        "profile": Profile("110100"),
        "cylindric partition": list(cylindric_partitions("1100", max_weight=2))[-1],
        "labelled space": LabelledSpace([[1, 0, 1]], "abc"),
        "ASM": ASM([[0, 1, 0], [1, -1, 1], [0, 1, 0]]),
        "tableau": rsk([3, 1, 2])[0],
        "growth diagram": RuleRSK()([2, 3, 1]),
        "uniform matroid": UniformMatroid(2, 4),
        "graphic matroid": GraphicMatroid(nx.complete_graph(4)),
        "check result": CheckResult("toy", {"n": 2}, ("a", "b"), Mismatch(1, Fraction(1, 2), 0)),
        "fock vector": apply_word((1, 1)),
        "matrix": Matrix([[1, Fraction(1, 2)], [0, 1]]),
        "sparse matrix": FockSpace(1, 2).semicircular(1),
    }


VALUES = _values()


@pytest.mark.parametrize("name", sorted(VALUES))
def test_latex_display(name):
    v = VALUES[name]
    latex = v._repr_latex_()
    assert latex.startswith("$") and latex.endswith("$") and len(latex) > 2
    if hasattr(type(v), "_latex"):
        assert sympy.latex(v) == latex[1:-1]


@pytest.mark.parametrize("name", ["tableau", "growth diagram", "uniform matroid", "check result"])
def test_html_display(name):
    html = VALUES[name]._repr_html_()
    assert html.startswith("<") and "</" in html


def test_display_content():
    assert r"\otimes" in VALUES["fock vector"]._repr_latex_() and r"\Omega" in VALUES["fock vector"]._repr_latex_()
    assert "rank 3" in VALUES["graphic matroid"]._repr_latex_()
    assert "-1" in VALUES["ASM"]._repr_latex_()
    assert "1/2" in VALUES["check result"]._repr_html_()
    assert "outer labels" in VALUES["growth diagram"]._repr_html_()
    assert r"\frac{1}{2}" in VALUES["matrix"]._repr_latex_()


def test_large_matrices_display_summarised_and_exact():
    """Past SUMMARY_ENTRIES entries, repr, str and the notebook display show the corners
    (numpy's convention) instead of converting every entry; small ones show everything."""
    from fractions import Fraction

    from combalg.core.matrix import SUMMARY_ENTRIES, Matrix

    n = 40
    assert n * n > SUMMARY_ENTRIES
    M = Matrix([[Fraction(i - j, 1 + (i + j) % 3) for j in range(n)] for i in range(n)])
    def entry(i, j):
        return str(Fraction(i - j, 1 + (i + j) % 3))

    def row(i):
        return "[" + ", ".join([entry(i, j) for j in (0, 1, 2)] + ["..."] + [entry(i, j) for j in (37, 38, 39)]) + "]"

    rows = [row(i) for i in (0, 1, 2)] + ["..."] + [row(i) for i in (37, 38, 39)]
    assert repr(M) == "Matrix([" + ", ".join(rows) + "])  # 40 x 40, summarised"
    assert str(M).splitlines()[3] == "..." and str(M).count("\n") == 7
    latex = M._repr_latex_()
    assert r"\cdots" in latex and r"\ddots" in latex and r"40 \times 40" in latex and r"-\frac{38}{3}" in latex
    from combalg.core.bignum import int_text

    small = Matrix([[1, Fraction(-1, 3)], [2**20000, 0]])  # 6 021 digits, past Python's str limit
    assert repr(small) == f"Matrix([[1, -1/3], [{int_text(2**20000)}, 0]])"
