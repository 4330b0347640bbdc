"""Regressions of issue 15 for the command line: input files read with a bound
before decoding, one-line errors with exit status 2, integers of any size in the
output, and Ctrl-C ending with exit status 130."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from flint import fmpz

from combalg.cli import main
from combalg.core.limits import limits

SPACE = '{"labels": ["a", "b"], "rows": [[1, 0]]}'


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> bool:
    return err.startswith("combalg: error: ") and err.count("\n") == 1 and "Traceback" not in err


@pytest.fixture
def space(tmp_path):
    p = tmp_path / "B.json"
    p.write_text(SPACE, encoding="utf-8")
    return str(p)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_linking_compose_dev_zero(capsys, space):
    code, out, err = run(capsys, "linking", "compose", "/dev/zero", space)
    assert code == 2 and one_line_error(err) and "binary" in err


def test_binary_and_non_utf8_files(capsys, tmp_path, space):
    for name, data in [("nul.json", b'{"labels": ["a"]\x00}'), ("latin1.csv", "a,b\n\xe9,1\n".encode("latin-1"))]:
        p = tmp_path / name
        p.write_bytes(data)
        code, out, err = run(capsys, "linking", "compose", str(p), space)
        assert code == 2 and one_line_error(err), err


def test_file_larger_than_the_limit_is_refused_before_reading_it_all(capsys, tmp_path, space):
    p = tmp_path / "big.csv"
    p.write_text("a,b\n" + "1,0\n" * 1000, encoding="utf-8")
    with limits(input_file_bytes=100):
        code, out, err = run(capsys, "linking", "compose", str(p), space)
    assert code == 2 and one_line_error(err) and "input_file_bytes" in err
    code, out, err = run(capsys, "linking", "compose", str(p), space)
    assert code == 0, err


def test_deep_and_long_numbered_json_files(capsys, tmp_path, space):
    deep = tmp_path / "deep.json"
    deep.write_text('{"labels": ' + "[" * 5000 + "]" * 5000 + "}", encoding="utf-8")
    code, out, err = run(capsys, "linking", "compose", str(deep), space)
    assert code == 2 and one_line_error(err) and "deep" in err
    big = tmp_path / "big.json"
    big.write_text('{"labels": [' + "9" * 5000 + '], "rows": [[1]]}', encoding="utf-8")
    code, out, err = run(capsys, "linking", "compose", str(big), space)
    assert code == 2 and one_line_error(err) and "5000 digits" in err


def test_free_moments_with_a_1000_digit_variance(capsys):
    v = int("7" * 1000)
    code, out, err = run(capsys, "free", "moments", "--order", "10", "--variance", str(v), "--format", "csv")
    assert code == 0, err
    # semicircle: m_10 = Catalan(5) v^5 = 42 v^5 (4996 digits, past Python's str limit)
    assert str(fmpz(42) * fmpz(v) ** 5) in out


def test_integer_option_with_thousands_of_digits(capsys):
    code, out, err = run(capsys, "free", "moments", "--order", "9" * 5000)
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err and len(err) < 400


def test_ctrl_c_ends_with_exit_130_and_one_line():
    # a streaming listing that runs for many seconds in Python
    cmd = [sys.executable, "-m", "combalg", "cylindric", "list", "110100", "--weight", "30",
           "--limit", "100000000", "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(2.0)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    assert err == "combalg: interrupted\n"
