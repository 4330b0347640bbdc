"""The tour never fakes an engine: a missing one is listed as not available."""

from __future__ import annotations

import sys
import types

import combalg.tour as tour
from combalg.tour import TourRow


def test_missing_engine_is_listed_as_not_available(monkeypatch):
    monkeypatch.setattr(tour, "TOUR_MODULES", (("combalg.tour.no_such_engine", "imaginary"),))
    table, ok = tour.run_tour()
    assert ok
    assert table.rows == [["imaginary", "-", "-", "not available yet", "-", "-"]]


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
