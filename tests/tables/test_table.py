"""Table rendering and atomic writing."""

from __future__ import annotations

import csv
import io
import json
import os
from fractions import Fraction

import pytest

from combalg.core.errors import InvalidInputError
from combalg.tables import Table
from combalg.tables.table import atomic_write_text


def sample() -> Table:
    return Table("Sample & test", ["n", "value", "name"], [[1, Fraction(-3, 4), "a_b"], [10, 7, "c"]],
                 notes=["50% exact"], parameters={"order": 5}, wall_time=0.25)


def test_csv_round_trips_cells():
    rows = list(csv.reader(io.StringIO(sample().render("csv"))))
    assert rows == [["n", "value", "name"], ["1", "-3/4", "a_b"], ["10", "7", "c"]]


def test_json_keeps_provenance_and_exact_values():
    doc = json.loads(sample().render("json"))
    assert doc["columns"] == ["n", "value", "name"]
    assert doc["rows"][0] == [1, "-3/4", "a_b"]
    prov = doc["provenance"]
    assert prov["parameters"] == {"order": 5}
    assert prov["combalg"] and prov["created"].endswith("Z")
    assert prov["wall_time_seconds"] == 0.25


def test_latex_is_booktabs_and_escaped():
    tex = sample().render("latex")
    assert "\\toprule" in tex and "\\midrule" in tex and "\\bottomrule" in tex
    assert "Sample \\& test" in tex
    assert "a\\_b" in tex
    assert "$-\\frac{3}{4}$" in tex
    assert "50\\% exact" in tex
    assert "order=5" in tex  # provenance comment


def test_markdown_has_one_line_per_row():
    md = sample().render("md").splitlines()
    assert len(md) == 2 + 2
    assert md[0].startswith("|") and md[0].count("|") == 4


def test_unknown_format_and_ragged_rows_are_rejected():
    with pytest.raises(InvalidInputError, match="pdf"):
        sample().render("pdf")
    with pytest.raises(InvalidInputError, match="row 1"):
        Table("t", ["a", "b"], [[1, 2], [3]])


def test_write_infers_format_and_is_atomic(tmp_path):
    target = tmp_path / "t.json"
    sample().write(target)
    assert json.loads(target.read_text())["title"] == "Sample & test"
    assert [p.name for p in tmp_path.iterdir()] == ["t.json"]  # no temporary file left
    with pytest.raises(InvalidInputError, match="suffix"):
        sample().write(tmp_path / "t.unknown")
    with pytest.raises(InvalidInputError, match="does not exist"):
        sample().write(tmp_path / "missing" / "t.md")


def test_atomic_write_leaves_old_file_when_interrupted(tmp_path, monkeypatch):
    target = tmp_path / "keep.txt"
    target.write_text("old")

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write_text(target, "new")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]


def test_text_widths_wrap_long_cells_only_in_text():
    long = "a rather long description of an example that needs wrapping"
    t = Table("w", ["example", "n"], [[long, 1]], text_widths={"example": 20})
    lines = t.render("text").splitlines()
    body = lines[3:]
    assert len(body) > 1 and all(len(line) <= 20 + 2 + 1 for line in body)
    assert " ".join(line[:20].strip() for line in body) == long
    assert body[0].endswith("1")  # the short cell sits on the first line
    assert long in t.render("csv")
