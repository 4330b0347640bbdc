"""sweep(): statuses, stores, resume, bad input, and agreement of the routes."""

from __future__ import annotations

import json
import pickle
import sqlite3
from fractions import Fraction

import pytest

from combalg.core.errors import InvalidInputError
from combalg.sweep import SweepResult, checks, grids, open_store, sweep


def unimodal_like(n):
    """A 'conjecture' with known counterexamples: n^2 + n + 41 is prime (Euler)."""
    m = n * n + n + 41
    return all(m % d for d in range(2, int(m ** 0.5) + 1))


def varied(n):
    if n == 3:
        raise ZeroDivisionError("division by zero at n = 3")
    if n == 4:
        return object()  # not serialisable
    if n == 5:
        return Fraction(-3, 4)
    if n == 6:
        return {"value": [1, Fraction(1, 2)]}
    return n % 2 == 0


def spin(n):
    if n == 2:
        while True:
            pass
    return True


def _euler_counterexamples(limit):
    out = []
    for n in range(limit):
        m = n * n + n + 41
        if any(m % d == 0 for d in range(2, m)):
            out.append(n)
    return out


@pytest.mark.parametrize("workers", [1, 2])
def test_counterexamples_match_brute_force(workers):
    r = sweep(unimodal_like, {"n": range(60)}, workers=workers, progress=False)
    assert [c["parameters"]["n"] for c in r.counterexamples()] == _euler_counterexamples(60)
    assert r.counts["ok"] + r.counts["counterexample"] == 60 and r.complete and not r.ok


@pytest.mark.parametrize("workers", [1, 2])
def test_errors_unserialisable_and_values_are_recorded(workers):
    r = sweep(varied, {"n": range(8)}, workers=workers, progress=False)
    recs = {rec["parameters"]["n"]: rec for rec in r.to_records()}
    assert recs[3]["status"] == "error" and "ZeroDivisionError" in recs[3]["error"]
    assert recs[4]["status"] == "error" and "JSON" in recs[4]["error"]
    assert recs[5]["status"] == "ok" and recs[5]["outcome"] == "-3/4"
    assert recs[6]["outcome"] == {"value": [1, "1/2"]}
    assert recs[1]["status"] == "counterexample" and recs[0]["status"] == "ok"
    assert [e["parameters"]["n"] for e in r.errors()] == [3, 4]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_point_past_the_timeout_is_recorded_and_the_rest_finish(workers):
    r = sweep(spin, {"n": range(6)}, workers=workers, timeout=0.5, progress=False)
    statuses = [rec["status"] for rec in r.to_records()]
    assert statuses == ["ok", "ok", "timeout", "ok", "ok", "ok"]
    assert "timeout" in r.to_records()[2]["error"]


def test_a_worker_that_dies_costs_only_its_point(tmp_path):
    import os

    def die(n):
        if n == 3:
            os._exit(7)
        return True

    r = sweep(die, {"n": range(8)}, workers=2, progress=False)
    recs = r.to_records()
    assert [x["status"] for x in recs] == ["ok"] * 3 + ["error"] + ["ok"] * 4
    assert "exit code 7" in recs[3]["error"]


def test_store_rows_and_resume_skip_finished_points(tmp_path):
    path = tmp_path / "s.sqlite"
    calls = tmp_path / "calls.txt"

    modes = []

    def counted(n):
        with open(calls, "a") as fh:
            fh.write(f"{n}\n")
        if n == 4:  # while the sweep runs, its store is in WAL mode, with points 0..3 committed
            peek = sqlite3.connect(path)
            modes.append(peek.execute("PRAGMA journal_mode").fetchone()[0])
            modes.append(peek.execute("SELECT count(*) FROM results").fetchone()[0])
            peek.close()
        return n % 5 != 0

    r1 = sweep(counted, {"n": range(10)}, store=path, workers=1, progress=False)
    assert len(calls.read_text().split()) == 10
    r2 = sweep(counted, {"n": range(10)}, store=path, workers=1, progress=False)
    assert len(calls.read_text().split()) == 10  # nothing ran again
    assert r1.to_records() == r2.to_records()
    assert modes == ["wal", 4]
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file when done
    assert not (tmp_path / "s.sqlite-wal").exists()
    cols = [c[1] for c in db.execute("PRAGMA table_info(results)")]
    assert cols == ["key", "idx", "status", "outcome", "mismatch", "error", "seconds", "version", "finished"]
    assert db.execute("SELECT key FROM results WHERE idx = 5").fetchone()[0] == '{"n":5}'
    db.close()
    r3 = open_store(path)
    assert r3.to_records() == r1.to_records() and r3.check.endswith("counted")


def test_extend_and_retry(tmp_path):
    path = tmp_path / "s.sqlite"
    sweep(varied, {"n": range(5)}, store=path, workers=1, progress=False)
    with pytest.raises(InvalidInputError, match="another grid"):
        sweep(varied, {"n": range(8)}, store=path, workers=1, progress=False)
    r = sweep(varied, {"n": range(8)}, store=path, workers=1, progress=False, extend=True)
    assert r.total == 8 and r.complete
    r = sweep(varied, {"n": range(8)}, store=path, workers=1, progress=False, retry=["error"])
    assert r.counts["error"] == 2  # they fail again, deterministically


def test_registered_checks_by_name_and_their_signatures():
    names = {c.name: c for c in checks()}
    for required in ("cylindric.borodin", "cylindric.bivariate", "cylindric.rpp", "cylindric.qt",
                     "free.self_similarity", "free.projection_methods", "lambdadet.laurent", "asm.count",
                     "growth.rule_duality"):
        assert required in names
    assert names["cylindric.borodin"].required == ("profile", "order")
    r = sweep("growth.rule_duality", {"rule": ["rsk", "burge"], "max_rank": [3]}, workers=1, progress=False)
    assert r.ok and r.total == 2
    r = sweep("asm.count", {"n": range(1, 6)}, workers=1, progress=False)
    assert r.ok
    out = r.to_records()[4]["outcome"]
    assert out["ok"] is True and out["methods"] == ["enumeration", "product formula"]
    assert "seconds" not in json.dumps(out)  # timings are kept apart, so reruns store equal outcomes


def test_laurent_check_finds_the_known_non_laurent_recurrences():
    recs = ["x[m]*x[m-2] = x[m-1]^2 + 1", "x[m]*x[m-2] = x[m-1] + 2", "x[m]*x[m-4] = x[m-1]*x[m-3] + x[m-2]^2"]
    r = sweep("lambdadet.laurent", {"recurrence": recs, "steps": [8]}, workers=1, progress=False)
    # the first and third are Laurent (Somos-4 and a cluster recurrence); the second is not (spec oracle)
    assert [x["status"] for x in r.to_records()] == ["ok", "counterexample", "ok"]


def test_user_function_by_module_path():
    r = sweep("combalg.asm:asm_count", {"n": [1, 2, 3, 4, 5]}, workers=1, progress=False)
    assert [x["outcome"] for x in r.to_records()] == [1, 2, 7, 42, 429]  # OEIS A005130
    assert r.check == "combalg.asm:asm_count"


@pytest.mark.parametrize("check,grid,match", [
    ("no.such_check", {"n": [1]}, "no such registered check"),
    ("asm.cuont", {"n": [1]}, "did you mean asm.count"),
    ("asm.count", {"m": [1]}, "invalid parameter 'm'"),
    ("cylindric.borodin", {"profile": ["10"]}, "needs the parameter"),
    ("asm.count", {"n": []}, "no values"),
    ("asm.count", [], "no points"),
    ("asm.count", {"n": [1, 1]}, "appears twice"),
    ("asm.count", {"n": [1.5j]}, "exact JSON"),
    ("nosuchmodule_xyz:f", {"n": [1]}, "cannot import"),
    (42, {"n": [1]}, "expected a callable"),
])
def test_bad_input_is_refused_and_nothing_is_written(tmp_path, check, grid, match):
    path = tmp_path / "s.sqlite"
    with pytest.raises(InvalidInputError, match=match):
        sweep(check, grid, store=path, workers=1, progress=False)
    assert not path.exists()


def test_a_store_of_another_check_is_refused_unchanged(tmp_path):
    path = tmp_path / "s.sqlite"
    sweep("asm.count", {"n": [1, 2]}, store=path, workers=1, progress=False)
    before = open_store(path).to_records()
    with pytest.raises(InvalidInputError, match="holds a sweep of 'asm.count'"):
        sweep("free.catalan_moments", {"k": [1, 2]}, store=path, workers=1, progress=False)
    with pytest.raises(InvalidInputError, match="resume=True"):
        sweep("asm.count", {"n": [1, 2]}, store=path, workers=1, progress=False, resume=False)
    assert open_store(path).to_records() == before
    (tmp_path / "junk.sqlite").write_bytes(b"not a database at all" * 10)
    with pytest.raises(InvalidInputError, match="not a combalg sweep store"):
        open_store(tmp_path / "junk.sqlite")
    with pytest.raises(InvalidInputError, match="no such file"):
        open_store(tmp_path / "missing.sqlite")


def test_a_scheduler_that_does_not_answer_is_refused_quickly(tmp_path):
    pytest.importorskip("distributed", reason="the dask extra is not installed (pip install 'combalg[dask]')")
    import socket

    with socket.socket() as s:  # a free port that nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    from combalg.sweep import runner

    path = tmp_path / "s.sqlite"
    with pytest.raises(InvalidInputError, match=f"no Dask scheduler answered within {runner.SCHEDULER_TIMEOUT} s"):
        sweep("asm.count", {"n": [1]}, store=path, scheduler=f"tcp://127.0.0.1:{port}", progress=False)
    assert runner.SCHEDULER_TIMEOUT <= 5  # "within a few seconds": the bound handed to distributed.Client
    assert not path.exists()


def test_bad_options_are_refused():
    for kw in ({"workers": 0}, {"workers": 1.5}, {"workers": 10**6}, {"timeout": -1}, {"timeout": float("nan")}, {"retry": ["ok"]},
               {"store": 3}):
        with pytest.raises(InvalidInputError):
            sweep("asm.count", {"n": [1]}, progress=False, **kw)


def test_result_table_and_records_are_plain_data(tmp_path):
    r = sweep(varied, {"n": range(8)}, workers=1, progress=False)
    t = r.table()
    assert t.columns[:2] == ["n", "status"] and len(t.rows) == 8
    assert "check" in t.parameters
    json.dumps(r.to_records())
    assert isinstance(pickle.loads(pickle.dumps(r.to_records())), list)
    assert isinstance(r, SweepResult) and "8 points" in repr(r)
