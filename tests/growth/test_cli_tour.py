"""The biject sub-command and the growth tour entries."""

from __future__ import annotations

import argparse
import json

import pytest

from combalg.cli.cylindric_biject import parse_filling, parse_parts, register_biject
from combalg.core.errors import InvalidInputError


def _parser():
    parser = argparse.ArgumentParser(prog="cylindric")
    sub = parser.add_subparsers(dest="action")
    register_biject(sub)
    return parser


def test_forward_json(capsys):
    args = _parser().parse_args(["biject", "110100", "--parts", "1|2|3,1|2|2,1|1", "--format", "json"])
    assert args.func(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["nu"] == []
    assert out["filling"] == [[0, 2, 1], [1, 1, 1], [1, 3, 1], [3, 7, 1]]
    assert out["weight"] == 13 and out["weight_identity"] and out["inverse_reproduces"]


def test_inverse_text_with_sweeps(capsys):
    args = _parser().parse_args(["biject", "1010", "--nu", "", "--filling", "0,1:1; 0,5:1; 2,1:1", "--sweeps"])
    assert args.func(args) == 0
    out = capsys.readouterr().out
    assert "Lambda = (1), (2,1), (1), (2)" in out
    assert "sweep 0: 1010" in out


def test_parse_errors():
    with pytest.raises(InvalidInputError, match="mu\\^1"):
        parse_parts("1|__import__('os')")
    with pytest.raises(InvalidInputError, match="JSON"):
        parse_parts("[[1],")
    with pytest.raises(InvalidInputError, match="i,d:m"):
        parse_filling("0,1=1")
    assert parse_parts("() | 2 1") == [[], [2, 1]]


def test_non_interlacing_parts_name_the_step():
    args = _parser().parse_args(["biject", "10", "--parts", "[[1],[2,2]]"])
    with pytest.raises(InvalidInputError, match="step 1"):
        args.func(args)


def test_cell_outside_c_pi():
    args = _parser().parse_args(["biject", "1010", "--filling", "1,1:1"])
    with pytest.raises(InvalidInputError, match=r"\(1, 1\)"):
        args.func(args)


def test_tour_rows_agree():
    from combalg.tour.growth import ENGINE, run

    rows = run()
    assert ENGINE == "growth" and len(rows) == 3
    assert all(r.agree is not False for r in rows)
    assert rows[0].agree and rows[1].agree


def test_plot_option(tmp_path, capsys):
    pytest.importorskip("matplotlib")
    out = tmp_path / "sweep.png"
    args = _parser().parse_args(["biject", "10", "--parts", "[[2],[3,1]]", "--plot", str(out)])
    assert args.func(args) == 0
    assert out.exists() and out.stat().st_size > 0
