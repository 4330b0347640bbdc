"""combalg.tables.make: the Python entry point of every table, and the files it writes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from combalg.core.errors import InvalidInputError
from combalg.core.files import atomic_write_text, current_umask
from combalg.tables import Table, make, table_names, table_parameters

SMALL = {
    "cylindric": {"profiles": "1100,10", "order": 6},
    "asm": {"n": "1..5", "x": "1,1/2,-3", "distribution": True},
    "linking": {"p": [2], "sizes": ["1x1", "1x2"]},
    "free": {"N": range(1, 4)},
}


def test_every_cli_table_has_a_python_twin():
    from combalg.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._subparsers._group_actions)  # noqa: SLF001 - argparse has no public API
    table_parser = sub.choices["table"]
    names = list(next(a for a in table_parser._subparsers._group_actions).choices)  # noqa: SLF001
    assert names == table_names() == list(SMALL)


@pytest.mark.parametrize("name", list(SMALL))
def test_python_and_cli_give_the_same_table(name, capsys):
    from combalg.cli import main

    params = SMALL[name]
    table = make(name, **params)
    argv = ["table", name]
    for key, value in params.items():
        if isinstance(value, bool):
            argv.append(f"--{key}")
        else:
            text = value if isinstance(value, (str, int)) else ",".join(str(v) for v in value)
            text = str(text)
            argv += [f"--{key}", text]
    assert main(argv + ["--format", "csv"]) == 0
    assert capsys.readouterr().out.strip() == table.render("csv").strip()
    assert table.provenance()["source"].startswith(f"combalg table {name}")


def test_unknown_table_and_parameter_name_the_valid_ones():
    with pytest.raises(InvalidInputError, match="cylindric, asm, linking, free"):
        make("no-such-table")
    with pytest.raises(InvalidInputError, match="expected one of N, methods, self_similarity"):
        make("free", n=[1, 2])
    with pytest.raises(InvalidInputError, match="invalid N"):
        make("free", N=[0])
    with pytest.raises(InvalidInputError, match="no floats"):
        make("asm", x=[0.5])
    with pytest.raises(InvalidInputError, match="True or False"):
        make("free", methods="no")
    assert table_parameters("free") == {"N": list(range(1, 9)), "methods": True, "self_similarity": True}


class _Rows(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[int] = []

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append(0)
        elif tag in ("td", "th"):
            self.rows[-1] += 1


@pytest.mark.parametrize("name", list(SMALL))
def test_markdown_parses_as_a_table_with_every_row_complete(name):
    markdown = pytest.importorskip("markdown")
    table = make(name, **SMALL[name])
    # a cell with a pipe and a header with a pipe must not add columns
    table.rows[0][0] = "a | b"
    rows = _Rows()
    rows.feed(markdown.markdown(table.render("md"), extensions=["tables"]))
    assert rows.rows == [len(table.columns)] * (1 + len(table.rows))


def test_markdown_escapes_pipes_in_headers_title_and_notes():
    md = Table("a|b", ["x|y", "z"], [["1|2", 3]], notes=["n|m"]).render("md")
    assert "x\\|y" in md and "1\\|2" in md and "a\\|b" in md and "n\\|m" in md


def test_json_keeps_exact_values_as_strings():
    doc = json.loads(make("asm", n=[13], x=["1/2"]).render("json"))
    assert doc["rows"][0][:2] == ["13", "8639383518297652500"]
    from fractions import Fraction

    assert Fraction(doc["rows"][0][2]).denominator > 1


@pytest.mark.parametrize("fmt,suffix", [("md", ".md"), ("latex", ".tex"), ("csv", ".csv"), ("json", ".json"),
                                        ("text", ".txt")])
def test_saved_files_have_the_mode_of_open(tmp_path, fmt, suffix):
    table = make("linking", p=[2], sizes=["1x1"])
    path = table.save(tmp_path / f"t{suffix}")
    assert path.stat().st_mode & 0o777 == 0o666 & ~current_umask()
    assert path.read_text() == table.render(fmt).rstrip("\n") + "\n"


def test_umask_is_honoured_and_a_replaced_file_keeps_its_mode(tmp_path):
    old = os.umask(0o027)
    try:
        new = atomic_write_text(tmp_path / "a.txt", "x")
        assert new.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)
    kept = tmp_path / "b.txt"
    kept.write_text("old")
    kept.chmod(0o600)
    atomic_write_text(kept, "new")
    assert kept.stat().st_mode & 0o777 == 0o600 and kept.read_text() == "new"


def test_unwritable_path_is_one_line_and_leaves_no_file(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(InvalidInputError, match="does not exist"):
        make("linking", p=[2], sizes=["1x1"]).save(blocker / "t.csv")
    with pytest.raises(InvalidInputError, match="cannot write"):
        atomic_write_text("/proc/combalg-test.csv", "x")  # not writable even by root
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]
    r = subprocess.run([sys.executable, "-m", "combalg", "table", "linking", "--p", "2", "--sizes", "1x1",
                        "--output", "/proc/combalg-test.csv"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "cannot write" in r.stderr


def test_table_displays_in_notebooks():
    t = Table("T <1>", ["a"], [[1]])
    assert "<table>" in t._repr_html_() and "T &lt;1&gt;" in t._repr_html_()
    assert "\\begin{tabular}" in t._repr_latex_()


def test_label_and_landscape():
    t = make("linking", p=[2], sizes=["1x1"])
    assert "\\label{tab:lin}" in t.render("latex", label="tab:lin")
    assert "\\begin{sidewaystable}" in t.render("latex", landscape=True)
    with pytest.raises(InvalidInputError, match="label"):
        t.render("latex", label="bad label")
    assert "\\label{tab:a}" in make("asm", n=[1]).render("latex", label="tab:a")
    rows = list(csv.DictReader(io.StringIO(t.render("csv"))))
    assert rows[0]["p"] == "2"
