"""Drawings run and produce axes with the expected content."""

from __future__ import annotations

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

from combalg.growth import GrowthDiagram, RuleRSK, cylinder_sweeps  # noqa: E402
from combalg.growth.plot import plot_cylinder_sweep, plot_growth_diagram, sweep_coordinates  # noqa: E402


def test_growth_diagram_drawing():
    import matplotlib.pyplot as plt

    ax = plot_growth_diagram(GrowthDiagram(RuleRSK(), [2, 3, 1]))
    texts = [t.get_text() for t in ax.texts]
    assert texts.count("1") >= 3 and "(2,1)" in texts
    plt.close(ax.figure)


def test_cylinder_sweep_drawing():
    import matplotlib.pyplot as plt

    ax = plot_cylinder_sweep("110100", parts=[[1], [2], [3, 1], [2], [2, 1], [1]])
    assert len(ax.lines) == 5 * 2  # five sweep states, two periods each
    plt.close(ax.figure)


def test_sweep_coordinates_move_south_west():
    steps = cylinder_sweeps("10", parts=[[2], [3, 1]])
    word0 = steps[0].word
    first = sweep_coordinates(word0, steps[0])
    later = sweep_coordinates(word0, steps[-1])
    assert first[0] == (0, 0) and first[-1] == (1, -1)
    assert later[0][0] <= first[0][0] and later[0][1] <= first[0][1]
