"""Every plot function: Agg backend, takes ax= and returns it, writes non-empty PDF and SVG."""

from __future__ import annotations

import shutil
import subprocess

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from combalg.core.errors import InvalidInputError  # noqa: E402
from combalg.core.files import current_umask, save_figure  # noqa: E402


def _cases():
    from combalg.asm import plot_asm
    from combalg.cylindric import CylindricPartition, plot_lozenges, plot_paths
    from combalg.growth import GrowthDiagram, RuleRSK, plot_cylinder_sweep, plot_growth_diagram

    A = ((0, 1, 0, 0), (1, -1, 1, 0), (0, 1, -1, 1), (0, 0, 1, 0))
    cp = CylindricPartition("110100", [[1], [2], [3, 1], [2], [2, 1], [1]])
    return {
        "asm-matrix": lambda ax: plot_asm(A, ax=ax),
        "asm-six-vertex": lambda ax: plot_asm(A, ax=ax, style="six-vertex"),
        "asm-paths": lambda ax: plot_asm(A, ax=ax, style="paths"),
        "growth-diagram": lambda ax: plot_growth_diagram(GrowthDiagram(RuleRSK(), [2, 3, 1]), ax=ax),
        "cylinder-sweep": lambda ax: plot_cylinder_sweep("10", parts=[[2], [3, 1]], ax=ax),
        "cylindric-paths": lambda ax: plot_paths(cp, ax=ax),
        "cylindric-lozenges": lambda ax: plot_lozenges(cp, ax=ax),
    }


CASES = list(_cases())


@pytest.mark.parametrize("name", CASES)
def test_plot_takes_ax_returns_it_and_saves_pdf_and_svg(tmp_path, name):
    fig, ax = plt.subplots()
    try:
        assert _cases()[name](ax) is ax
        for suffix in ("pdf", "svg"):
            path = save_figure(ax, tmp_path / f"{name}.{suffix}")
            data = path.read_bytes()
            assert len(data) > 500 and (data.startswith(b"%PDF") if suffix == "pdf" else b"<svg" in data[:2000])
            assert path.stat().st_mode & 0o777 == 0o666 & ~current_umask()
    finally:
        plt.close(fig)


@pytest.mark.parametrize("name", CASES)
def test_plot_without_ax_makes_a_figure(name):
    ax = _cases()[name](None)
    try:
        assert ax.figure is not None
    finally:
        plt.close(ax.figure)


def test_titles_and_labels_are_mathtext_not_ascii():
    from combalg.cylindric import CylindricPartition, plot_paths

    ax = plot_paths(CylindricPartition("110100", [[1], [2], [3, 1], [2], [2, 1], [1]]))
    try:
        assert "$" in ax.get_ylabel() and "\\mu" in ax.get_ylabel()
        assert "\\Lambda" in ax.get_title() and "Lambda|" not in ax.get_title().replace("\\Lambda|", "")
    finally:
        plt.close(ax.figure)


def test_sweep_cells_sit_on_the_drawn_lattice():
    from matplotlib.patches import Rectangle

    from combalg.growth import plot_cylinder_sweep

    ax = plot_cylinder_sweep("10", parts=[[2], [3, 1]])
    try:
        xs = [x for line in ax.lines for x in line.get_xdata()]
        ys = [y for line in ax.lines for y in line.get_ydata()]
        cells = [p for p in ax.patches if isinstance(p, Rectangle)]
        assert cells
        for c in cells:
            x, y = c.get_xy()
            assert x == int(x) and y == int(y)  # on the integer lattice
            assert min(xs) <= x and x + 1 <= max(xs) and min(ys) <= y and y + 1 <= max(ys)
    finally:
        plt.close(ax.figure)


def test_six_vertex_arrows_follow_the_domain_wall_rule():
    from combalg.asm import alternating_sign_matrices
    from combalg.asm.plot import six_vertex_arrows

    for A in alternating_sign_matrices(4):
        arrows = six_vertex_arrows(A)
        n = len(A)
        for i in range(n):
            left, right, top, bottom = arrows[i][0][0], arrows[i][-1][1], arrows[0][i][2], arrows[-1][i][3]
            assert (left, right, top, bottom) == ("right", "left", "up", "down")  # boundary: in, in, out, out
            for j in range(n):
                l, r, t, b = arrows[i][j]
                horizontal_in = (l == "right") + (r == "left")
                vertical_in = (t == "down") + (b == "up")
                assert horizontal_in + vertical_in == 2  # the ice rule: two arrows in, two out
                if A[i][j] == 1:
                    assert horizontal_in == 2
                elif A[i][j] == -1:
                    assert vertical_in == 2


def test_bad_input():
    from combalg.asm import plot_asm

    with pytest.raises(InvalidInputError, match="style"):
        plot_asm([[1]], style="3d")
    with pytest.raises(InvalidInputError):
        plot_asm([[1, 1], [0, 1]])


@pytest.mark.skipif(shutil.which("pdflatex") is None, reason="pdflatex not found")
def test_pdf_figure_is_included_by_latex(tmp_path):
    from combalg.asm import plot_asm

    ax = plot_asm(((0, 1, 0), (1, -1, 1), (0, 1, 0)), style="six-vertex")
    save_figure(ax, tmp_path / "asm.pdf")
    plt.close(ax.figure)
    (tmp_path / "doc.tex").write_text("\\documentclass{article}\n\\usepackage{graphicx}\n\\begin{document}\n"
                                      "\\includegraphics[width=0.4\\linewidth]{asm.pdf}\n\\end{document}\n")
    r = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"], cwd=tmp_path,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout[-2000:]
