"""CLI, table and tour entries of the lambda-determinant engine."""

from __future__ import annotations

import json

import flint

from combalg.cli import main
from combalg.lambdadet import somos


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_det_generic(capsys):
    code, out, _ = run(capsys, "lambda", "det", "--n", "2")
    assert code == 0 and "a12*a21*lam" in out and "a11*a22" in out


def test_det_lam_minus_one_is_determinant(capsys):
    code, out, _ = run(capsys, "lambda", "det", "--matrix", "2 1 3; 1 5 2; 4 1 7", "--lam", "-1")
    assert code == 0 and out.strip() == "10"


def test_det_count(capsys):
    code, out, _ = run(capsys, "lambda", "det", "--n", "4", "--count", "--method", "condensation")
    assert code == 0 and out.strip() == "62"


def test_det_bad_input(capsys):
    code, _, err = run(capsys, "lambda", "det", "--matrix", "1 2; 3")
    assert code == 2 and "error" in err
    code, _, err = run(capsys, "lambda", "det")
    assert code == 2 and "--n" in err


def test_check_laurent_outcomes(capsys):
    code, out, _ = run(capsys, "lambda", "check-laurent", somos(4), "--steps", "15")
    assert code == 0 and out.startswith("Laurent through x[15]")
    code, out, _ = run(capsys, "lambda", "check-laurent", somos(8), "--steps", "17", "--precheck")
    assert code == 1 and "x[16]" in out and "404" in out
    code, out, _ = run(capsys, "lambda", "check-laurent", "x[m]*x[m-2] = x[m-1]^3 + 1", "--steps", "13",
                       "--max-terms", "100000")
    assert code == 3 and "budget exceeded" in out


def test_check_laurent_bad_recurrences(capsys):
    code, _, err = run(capsys, "lambda", "check-laurent", "x[m]*x[m-2] = x[m-1] +", "--steps", "5")
    assert code == 2 and "position" in err
    code, _, err = run(capsys, "lambda", "check-laurent", "x[m]*(x[m-2] - 1) = x[m-1]", "--steps", "5")
    assert code == 2 and "zero" in err
    code, _, err = run(capsys, "lambda", "check-laurent", "__import__('os')", "--steps", "5")
    assert code == 2


def test_octahedron_command(capsys):
    code, out, _ = run(capsys, "lambda", "octahedron", "--n", "3", "--x0", "generic", "--placement", "langer",
                       "--count")
    assert code == 0 and "5 divisions" in out and "8 terms" in out


def test_table_asm(capsys):
    code, out, _ = run(capsys, "table", "asm", "--n", "1..7", "--x", "1,2,3", "--format", "json")
    assert code == 0
    data = json.loads(out)
    text = json.dumps(data)
    for v in (218348, 2097152, 102060, 2025):
        assert str(v) in text


def test_table_build_values():
    from combalg.tables import make

    t = make("asm", n=[1, 2, 3, 4, 5, 6], x=[3], distribution=True)
    assert [row[2] for row in t.rows] == [1, 2, 9, 90, 2025, 102060]
    assert t.rows[4][-1] == "0:120, 1:200, 2:94, 3:14, 4:1"


def test_tour_entries_agree():
    from combalg.tour.lambdadet import ENGINE, run as tour_run

    rows = tour_run()
    assert rows and all(r.agree for r in rows) and all(r.engine == ENGINE for r in rows)


def test_cli_review_fixes(capsys):
    code, _, err = run(capsys, "lambda", "det", "--n", "13")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "n <= 12" in err
    big = "; ".join(" ".join(str((i * j) % 7 + 1) for j in range(13)) for i in range(13))
    code, _, err = run(capsys, "lambda", "det", "--matrix", big)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "MAX_ASM_SIZE" in err
    # the Hilbert matrix is totally positive: no connected minor vanishes, so condensation runs
    hilbert = "; ".join(" ".join(f"1/{i + j + 1}" for j in range(13)) for i in range(13))
    code, out, _ = run(capsys, "lambda", "det", "--matrix", hilbert, "--lam", "-1", "--method", "condensation")
    expected = flint.fmpq_mat(13, 13, [flint.fmpq(1, i + j + 1) for i in range(13) for j in range(13)]).det()
    assert code == 0 and out.strip() == f"{expected.p}/{expected.q}"
    code, _, err = run(capsys, "lambda", "check-laurent", somos(4), "--max-seconds", "-1")
    assert code == 2 and "seconds" in err
    code, _, err = run(capsys, "lambda", "check-laurent", somos(4), "--max-seconds", "nan")
    assert code == 2
    code, out, _ = run(capsys, "lambda", "check-laurent", "x[m] = (x[m-1]^2 + 1)/x[m-2]", "--steps", "8")
    assert code == 0 and out.startswith("Laurent through x[8]")
    code, out, _ = run(capsys, "lambda", "check-laurent", "x[m] = (x[m-1] + 2)/x[m-2]", "--steps", "8")
    assert code == 1 and "x[4]" in out
    code, _, err = run(capsys, "lambda", "check-laurent", "x[m]*x[m-100000000] = 1", "--steps", "3")
    assert code == 2 and "order" in err


def test_table_asm_accepts_rational_weights(capsys):
    from combalg.cli import main

    assert main(["table", "asm", "--n", "4", "--x", "1/2", "--format", "csv"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if not line.startswith("#")]
    # the 42 ASMs of size 4 have 0, 1, 2 entries -1 in 24, 16, 2 cases: 24 + 16/2 + 2/4
    assert rows[1].split(",")[:3] == ["4", "42", "65/2"]
    assert main(["table", "asm", "--n", "4", "--x", "1,,2"]) == 2
