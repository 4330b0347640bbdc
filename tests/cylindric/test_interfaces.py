"""CLI, table, tour, plots and strategies of the cylindric engine."""

from __future__ import annotations

import json

import pytest

from combalg.cli import main
from combalg.cylindric import CylindricPartition


def test_cli_series_product_and_count(capsys):
    assert main(["cylindric", "series", "1100", "--order", "12"]) == 0
    out = capsys.readouterr().out
    assert "1, 1, 3, 4, 8, 11, 20, 27, 44, 60, 92, 124" in out  # spec table
    assert main(["cylindric", "series", "1100", "--order", "12", "--method", "count", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["coefficients"] == [1, 1, 3, 4, 8, 11, 20, 27, 44, 60, 92, 124]


def test_cli_series_enumerate_bivariate(capsys):
    assert main(["cylindric", "series", "10", "--order", "5", "--method", "enumerate",
                 "--bivariate", "--format", "json", "--no-progress"]) == 0
    data = json.loads(capsys.readouterr().out)
    # p(n) objects of weight n, split by |mu^0|
    assert [sum(r) for r in data["coefficients"]] == [1, 1, 2, 3, 5]


def test_cli_list(capsys):
    assert main(["cylindric", "list", "1010", "--weight", "3", "--format", "json"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 6  # spec table: coefficient of q^3 for 1010
    for line in lines:
        CylindricPartition("1010", json.loads(line))


def test_cli_check(capsys):
    assert main(["cylindric", "check", "110100", "--order", "15", "--bivariate", "--qt", "1/3,2/7"]) == 0
    out = capsys.readouterr().out
    assert out.count("OK") == 3


@pytest.mark.parametrize(
    "argv",
    [
        ["cylindric", "series", "1a0", "--order", "3"],
        ["cylindric", "series", "", "--order", "3"],
        ["cylindric", "series", "10", "--order", "-2"],
        ["cylindric", "check", "10", "--order", "4", "--qt", "1/3"],
        ["cylindric", "check", "10", "--order", "4", "--qt", "0.3x,1"],
        ["cylindric", "list", "110100", "--weight", "40"],
    ],
)
def test_cli_bad_input_exit_2(argv, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "error" in err and "Traceback" not in err


def test_cli_biject_is_registered_when_available(capsys):
    pytest.importorskip("combalg.cli.cylindric_biject")
    assert main(["cylindric", "biject", "10", "--parts", "[[2],[3,1]]"]) == 0


def test_table():
    from combalg.tables import make

    t = make("cylindric", profiles=["1100", "1010", "110100"], order=20)
    assert t.columns == ["n", "1100", "1010", "110100"]
    assert [r[3] for r in t.rows[:17]] == [1, 2, 5, 9, 18, 31, 54, 88, 144, 225, 351, 531, 800, 1179, 1728, 2492, 3573]
    latex = t.render("latex")
    assert "\\begin{tabular}" in latex and "110100" in latex


def test_table_cli(capsys):
    assert main(["table", "cylindric", "--profiles", "1100,1010", "--order", "6", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "1100" in out


def test_tour_entry_agrees():
    from combalg.tour.cylindric import ENGINE, run

    rows = run()
    assert ENGINE == "cylindric" and len(rows) == 3
    assert all(r.agree is True for r in rows)
    assert all(r.seconds < 5 for r in rows)


def test_plots():
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from combalg.cylindric import plot_lozenges, plot_paths
    from combalg.cylindric.plot import lozenge_cubes

    cp = CylindricPartition("10110", [[1], [2, 1], [1, 1], [2, 1], [2, 1]])
    ax = plot_paths(cp, periods=3)
    assert len(ax.lines) >= 2
    ax = plot_lozenges(cp)
    assert len(ax.patches) > 0
    assert len(lozenge_cubes(cp, periods=1)) == cp.weight
    plt.close("all")


def test_no_matplotlib_at_import():
    import subprocess
    import sys

    code = "import sys, combalg.cylindric; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
