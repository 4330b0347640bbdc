"""combalg sweep run|status|report|list: results, resume, formats, and one-line errors (exit 2)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from combalg.cli import main
from combalg.cli.sweep import parse_values
from combalg.sweep import open_store


def _one_line_error(capsys, code, argv):
    assert main(argv) == code
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(err) == 1 and "error" in err[0] and "Traceback" not in err[0], err
    return err[0]


def test_run_status_report_and_resume(tmp_path, capsys):
    store = tmp_path / "asm.sqlite"
    assert main(["sweep", "run", "asm.count", "--param", "n=1..6", "--store", str(store), "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert "6 points: 6 ok" in out
    assert main(["sweep", "run", "asm.count", "--param", "n=1..6", "--store", str(store)]) == 0  # resume: no work
    assert main(["sweep", "status", str(store)]) == 0
    assert "6 of 6 points finished" in capsys.readouterr().out
    assert main(["sweep", "report", str(store), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["columns"][:2] == ["n", "status"]
    assert main(["sweep", "report", str(store), "--format", "csv"]) == 0
    text = capsys.readouterr().out
    rows = [r for r in csv.reader(io.StringIO(text)) if r and not r[0].startswith("#")]
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "4", "5", "6"]
    out_file = tmp_path / "report.md"
    assert main(["sweep", "report", str(store), "--output", str(out_file)]) == 0
    header = [line for line in out_file.read_text().splitlines() if line.startswith("|")][0]
    assert [c.strip() for c in header.strip("|").split("|")][:2] == ["n", "status"]


def test_counterexamples_give_exit_1_and_are_listed(tmp_path, capsys):
    store = tmp_path / "l.sqlite"
    rec = tmp_path / "recurrences.txt"
    rec.write_text("# one recurrence a line\nx[m]*x[m-2] = x[m-1]^2 + 1\nx[m]*x[m-2] = x[m-1] + 2\n")
    code = main(["sweep", "run", "lambdadet.laurent", "--param", f"recurrence=@{rec}", "--param", "steps=7",
                 "--store", str(store), "--workers", "1"])
    assert code == 1
    out = capsys.readouterr().out
    assert "1 ok, 1 counterexample" in out and "x[m-1] + 2" in out
    assert open_store(store).counterexamples()[0]["parameters"]["recurrence"] == "x[m]*x[m-2] = x[m-1] + 2"


def test_list_shows_checks_with_parameters(capsys):
    assert main(["sweep", "list"]) == 0
    out = capsys.readouterr().out
    assert "cylindric.borodin(profile, order)" in out and "lambdadet.laurent" in out


@pytest.mark.parametrize("argv,match", [
    (["sweep", "run", "no.such", "--param", "n=1", "--store", "S"], "no such registered check"),
    (["sweep", "run", "asm.count", "--param", "m=1", "--store", "S"], "invalid parameter 'm'"),
    (["sweep", "run", "asm.count", "--param", "n=5..1", "--store", "S"], "A <= B"),
    (["sweep", "run", "asm.count", "--param", "n", "--store", "S"], "NAME=VALUES"),
    (["sweep", "run", "asm.count", "--store", "S"], "at least one --param"),
    (["sweep", "run", "asm.count", "--param", "n=1..1000000000", "--store", "S"], "limit"),
    (["sweep", "run", "asm.count", "--param", "n=@missing.txt", "--store", "S"], "cannot read"),
    (["sweep", "run", "asm.count", "--param", "n=profiles:3:sideways", "--store", "S"], "unknown option"),
    (["sweep", "run", "asm.count", "--param", "n=1", "--store", "S", "--workers", "0"], "workers"),
    (["sweep", "run", "asm.count", "--param", "n=1", "--store", "S", "--timeout", "-3"], "seconds"),
    (["sweep", "status", "missing.sqlite"], "no such file"),
    (["sweep", "report", "missing.sqlite"], "no such file"),
])
def test_bad_input_is_one_line_exit_2_and_writes_nothing(tmp_path, monkeypatch, capsys, argv, match):
    monkeypatch.chdir(tmp_path)
    line = _one_line_error(capsys, 2, argv)
    assert match in line
    assert not (tmp_path / "S").exists()


def test_a_store_of_another_check_is_refused(tmp_path, capsys):
    store = tmp_path / "s.sqlite"
    assert main(["sweep", "run", "asm.count", "--param", "n=1,2", "--store", str(store), "--workers", "1"]) == 0
    capsys.readouterr()
    before = store.read_bytes()
    line = _one_line_error(capsys, 2, ["sweep", "run", "free.catalan_moments", "--param", "k=1,2",
                                       "--store", str(store)])
    assert "holds a sweep of 'asm.count'" in line
    assert store.read_bytes() == before  # untouched, byte for byte
    assert open_store(store).done == 2


def test_values_syntax():
    assert parse_values("3") == [3]
    assert parse_values("-2..1") == [-2, -1, 0, 1]
    assert parse_values("1/3, 2/7") == ["1/3", "2/7"]
    assert parse_values("partitions:3") == [(3,), (2, 1), (1, 1, 1)]
    assert parse_values("profiles:1..2") == ["0", "1", "00", "01", "10", "11"]
    assert len(parse_values("asms:3")) == 7 and len(parse_values("permutations:4")) == 24
    assert parse_values("words:2:2") == [(1, 1), (1, 2), (2, 1), (2, 2)]
    assert len(parse_values("matrices:1:2:1")) == 9


@pytest.mark.skipif(__import__("shutil").which("pdflatex") is None,
                    reason="pdflatex not found: install TeX (texlive-latex-base, texlive-latex-recommended, "
                           "texlive-latex-extra) to compile the sweep reports")
def test_latex_report_compiles_without_overfull_boxes(tmp_path, capsys):
    import re
    import subprocess

    rec = tmp_path / "rec.txt"
    rec.write_text("x[m]*x[m-2] = x[m-1]^2 + 1\nx[m]*x[m-2] = x[m-1] + 2\nx[m]*x[m-3] = x[m-1]*x[m-2] + 1\n")
    store = tmp_path / "l.sqlite"
    main(["sweep", "run", "lambdadet.laurent", "--param", f"recurrence=@{rec}", "--param", "steps=7",
          "--store", str(store), "--workers", "1"])
    assert main(["sweep", "report", str(store), "--format", "latex", "--output", str(tmp_path / "r.tex")]) == 0
    body = (tmp_path / "r.tex").read_text()
    doc = ("\\documentclass{article}\n\\usepackage{booktabs}\n\\usepackage{amsmath}\n\\begin{document}\n"
           + body + "\n\\end{document}\n")
    (tmp_path / "doc.tex").write_text(doc)
    r = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"], cwd=tmp_path,
                       capture_output=True, text=True, timeout=120)
    log = (tmp_path / "doc.log").read_text(errors="replace")
    assert r.returncode == 0, log[-2000:]
    assert not re.findall(r"^Overfull \\hbox.*$", log, re.M)
