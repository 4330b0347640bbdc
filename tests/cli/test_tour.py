"""The tour runs every engine's module and fails when two methods disagree."""

from __future__ import annotations

import sys
import types

import combalg.tour as tour
from combalg.tour import TourRow


def test_every_listed_module_exists_with_its_interface():
    import importlib

    from combalg.cli import ENGINE_COMMAND_MODULES
    from combalg.tables.registry import TABLE_MODULES

    for modname, engine in tour.TOUR_MODULES:
        mod = importlib.import_module(modname)
        assert callable(mod.run), modname
    for modname in ENGINE_COMMAND_MODULES:
        mod = importlib.import_module(modname)
        assert mod.COMMAND and mod.HELP and callable(mod.register), modname
    for modname in TABLE_MODULES:
        mod = importlib.import_module(modname)
        assert mod.NAME and mod.HELP and callable(mod.build) and mod.PARAMETERS, modname


def test_a_disagreement_fails_the_tour(monkeypatch):
    fake = types.ModuleType("combalg.tour.fake_engine")
    fake.ENGINE = "fake"
    fake.run = lambda: [TourRow("fake", "ex", "n=1", "1 != 2", False, 0.0)]
    monkeypatch.setitem(sys.modules, "combalg.tour.fake_engine", fake)
    monkeypatch.setattr(tour, "TOUR_MODULES", (("combalg.tour.fake_engine", "fake"),))
    table, ok = tour.run_tour()
    assert not ok
    assert table.rows[0][4] == "NO"


def test_tour_exit_status_reports_failure(monkeypatch, capsys):
    from combalg.cli import main

    monkeypatch.setattr(tour, "run_tour", lambda: (tour.Table("t", ["a"], [["x"]]), False))
    assert main(["tour"]) == 1
    assert "FAILED" in capsys.readouterr().out


def test_tour_fits_an_80_column_terminal_and_ends_with_next_steps(monkeypatch, capsys):
    from combalg.cli import main

    monkeypatch.setenv("COLUMNS", "80")
    assert main(["tour"]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 80
    tail = out[out.index("Next steps:"):]
    for word in ("mkdocs", "examples/", "combalg table", "combalg sweep run", "combalg sweep list"):
        assert word in tail


def test_tour_in_other_formats_prints_only_the_table(capsys):
    import csv
    import io

    from combalg.cli import main

    assert main(["tour", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and set(rows[0]) == {"engine", "example", "size", "result", "agree", "seconds"}
