"""``combalg linking`` command line."""

from __future__ import annotations

import json

from combalg.cli import main


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text)
    return str(p)


def test_compose_T1_json_and_csv(tmp_path, capsys):
    A = write(tmp_path, "A.json", '{"labels": ["s1","s2","p1"], "rows": [[1,0,1],[0,1,1]]}')
    B = write(tmp_path, "B.csv", "p1,q1,q2\n1,1,0\n1,0,1\n")
    assert main(["linking", "compose", A, B, "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)["V_SQ"]
    assert out["labels"] == ["s1", "s2", "q1", "q2"]
    assert out["rows"] == [[1, 0, 0, 1], [0, 1, 0, 1], [0, 0, 1, -1]]
    assert main(["linking", "compose", A, B, "--skew", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)["V_SQ (skewed)"]
    assert out["rows"] == [[1, 0, 0, -1], [0, 1, 0, -1], [0, 0, 1, -1]]


def test_decompose_T3(tmp_path, capsys):
    V = write(tmp_path, "V.json", '{"labels": ["s1","s2","q1","q2"], "rows": [[1,0,1,0],[0,1,0,1]]}')
    assert main(["linking", "decompose", V, "--split", "s1,s2", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["lambda"] == 2 and out["P"] == ["p0", "p1"] and out["recomposes"] is True
    assert out["V_SP"]["rows"] == [[1, 0, 1, 0], [0, 1, 0, 1]]


def test_minimize_and_connectivity_text(tmp_path, capsys):
    A = write(tmp_path, "A.json", '{"labels": ["s1","p1","p2"], "rows": [[1,1,1]]}')
    B = write(tmp_path, "B.json", '{"labels": ["p1","p2","q1"], "rows": [[1,1,1],[1,-1,0]]}')
    assert main(["linking", "minimize", A, B]) == 0
    assert "P': ['p1']" in capsys.readouterr().out
    V = write(tmp_path, "V.json", '{"field": "GF(2)", "labels": ["a","b"], "rows": [[1,1]]}')
    assert main(["linking", "connectivity", V, "--split", "a"]) == 0
    assert "lambda = 1" in capsys.readouterr().out


def test_bad_input_exit_2(tmp_path, capsys):
    A = write(tmp_path, "A.json", '{"labels": ["s","p"], "rows": [[1,1,1]]}')
    B = write(tmp_path, "B.json", '{"labels": ["p","q"], "rows": [[1,1]]}')
    assert main(["linking", "compose", A, B]) == 2
    assert "error" in capsys.readouterr().err
    A = write(tmp_path, "A2.json", '{"labels": ["s","p"], "rows": [[1,1]]}')
    assert main(["linking", "compose", A, B, "--field", "GF(6)"]) == 2
    assert "not prime" in capsys.readouterr().err
    assert main(["linking", "compose", A, str(tmp_path / "missing.json")]) == 2
    evil = write(tmp_path, "E.csv", "a,b\n__import__('os'),1\n")
    assert main(["linking", "connectivity", evil, "--split", "a"]) == 2


def test_json_with_field_key_keeps_decimals_exact(tmp_path):
    from fractions import Fraction

    from combalg.cli.linking import load_space

    body = '"labels": ["a", "b"], "rows": [[1, 0.10000000000000000001]]'
    with_field = tmp_path / "f.json"
    with_field.write_text('{"field": "QQ", ' + body + "}")
    without = tmp_path / "g.json"
    without.write_text("{" + body + "}")
    V, W = load_space(str(with_field)), load_space(str(without))
    assert V == W
    assert V.rows_in(["a", "b"]) == [[1, Fraction(10**19 + 1, 10**20)]]


def test_compose_latex_is_a_display_in_the_input_column_order(tmp_path, capsys):
    # spec oracle T1: (s1, s2, q1, q2) rows [1,0,0,1], [0,1,0,1], [0,0,1,-1]
    A = write(tmp_path, "A.json", '{"labels": ["s1","s2","p1"], "rows": [[1,0,1],[0,1,1]]}')
    B = write(tmp_path, "B.json", '{"labels": ["p1","q1","q2"], "rows": [[1,1,0],[1,0,1]]}')
    assert main(["linking", "compose", A, B, "--format", "latex"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "% V_SQ over QQ, dim 3"
    assert out[1] == ("\\[ \\left[\\begin{array}{cccc}\\text{s1} & \\text{s2} & \\text{q1} & \\text{q2} \\\\ \\hline "
                      "1 & 0 & 0 & 1 \\\\ 0 & 1 & 0 & 1 \\\\ 0 & 0 & 1 & -1\\end{array}\\right] \\subseteq \\mathbb{Q}^{4} \\]")
