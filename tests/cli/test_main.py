"""The command line's contract: help works, bad arguments give exit 2 and one line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from combalg.cli import main


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "combalg", *args], capture_output=True, text=True, timeout=300)


def test_help_lists_tour_and_table(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "tour" in out and "table" in out


def test_table_help(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["table", "--help"])
    assert exc.value.code == 0
    assert "NAME" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [["no-such-command"], ["tour", "--format", "pdf"], ["table", "no-such-engine"], ["--no-such-flag"]],
)
def test_bad_argument_is_exit_2_and_one_line(argv, capsys):
    assert main(argv) == 2
    captured = capsys.readouterr()
    err_lines = [line for line in captured.err.splitlines() if line.strip()]
    assert len(err_lines) == 1, captured.err
    assert "error" in err_lines[0]
    assert "Traceback" not in captured.err


def test_python_dash_m_runs_and_bad_argument_has_no_traceback():
    ok = run_cli("--version")
    assert ok.returncode == 0 and "combalg" in ok.stdout
    bad = run_cli("table", "--format")
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr
    assert len([line for line in bad.stderr.splitlines() if line.strip()]) == 1


def test_tour_runs_and_every_engine_is_listed(capsys):
    assert main(["tour"]) == 0
    out = capsys.readouterr().out
    for engine in ("cylindric", "growth", "lambda", "determinants", "linking", "free"):
        assert engine in out  # (a narrow terminal wraps "lambda determinants")
    # every row either reports agreement or says plainly that the engine is missing
    assert " NO " not in out


def test_multiline_error_messages_are_cut_to_one_line(monkeypatch, capsys):
    import combalg.cli as cli
    from combalg.core.errors import InvalidInputError

    def boom(args):
        raise InvalidInputError("invalid equation at position 3: expected ')'\n    x[m\n      ^")

    parser = cli.build_parser()
    monkeypatch.setattr(cli, "build_parser", lambda: parser)
    parser.set_defaults(func=boom)
    assert cli.main([]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "combalg: error: invalid equation at position 3: expected ')'"
