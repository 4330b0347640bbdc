"""kill -9 at random moments of a running sweep (Python API and CLI), 20 times, then resume.

The final store must equal an uninterrupted run's (same points, statuses, outcomes),
with no point lost or duplicated, and the file must open and pass SQLite's integrity
check after every kill.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from combalg.sweep import open_store, sweep

POINTS = 600

CHECK = textwrap.dedent('''
    import time

    def busy(n):
        """About 3 ms of work; counterexamples at multiples of 17, errors at multiples of 29."""
        t = time.perf_counter()
        while time.perf_counter() - t < 0.003:
            pass
        if n % 29 == 0 and n:
            raise ValueError(f"no value at {n}")
        return False if n % 17 == 0 else {"n": n, "r": n * n % 11}
''')


def _essence(records):
    return [(r["index"], r["parameters"], r["status"], r["outcome"], r["first_mismatch"], r["error"])
            for r in records]


@pytest.fixture()
def check_module(tmp_path, monkeypatch):
    folder = tmp_path / "mod"
    folder.mkdir()
    (folder / "killcheck.py").write_text(CHECK)
    monkeypatch.syspath_prepend(str(folder))
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(folder), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def _command(kind: str, store) -> list[str]:
    if kind == "api":
        code = ("from combalg.sweep import sweep; "
                f"sweep('killcheck:busy', {{'n': range({POINTS})}}, store={str(store)!r}, workers=2, progress=False)")
        return [sys.executable, "-c", code]
    return [sys.executable, "-m", "combalg", "sweep", "run", "killcheck:busy", "--param", f"n=0..{POINTS - 1}",
            "--store", str(store), "--workers", "2"]


def test_kill_minus_nine_twenty_times_then_resume(tmp_path, check_module):
    import killcheck

    reference = sweep(killcheck.busy, {"n": range(POINTS)}, workers=1, progress=False)
    store = tmp_path / "killed.sqlite"
    rng = random.Random(20261203)
    done_counts = []
    for attempt in range(20):
        kind = "api" if attempt % 2 == 0 else "cli"
        proc = subprocess.Popen(_command(kind, store), env=check_module, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, start_new_session=True)
        time.sleep(rng.uniform(0.2, 1.2))
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        if store.exists():
            db = sqlite3.connect(store)
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            grid = db.execute("SELECT count(*) FROM grid").fetchone()[0]
            rows, distinct = db.execute("SELECT count(*), count(DISTINCT key) FROM results").fetchone()
            orphans = db.execute("SELECT count(*) FROM results WHERE key NOT IN (SELECT key FROM grid)").fetchone()[0]
            db.close()
            assert rows == distinct and orphans == 0 and grid in (0, POINTS)
            if grid:
                partial = open_store(store)
                done_counts.append(partial.done)
                ref = {r["index"]: r for r in _essence(reference.to_records()) and reference.to_records()}
                for rec in partial.to_records():  # every finished point already has its final row
                    assert _essence([rec]) == _essence([ref[rec["index"]]])
    assert done_counts == sorted(done_counts)  # nothing lost between kills
    # resume to the end, once through each surface
    final = subprocess.run(_command("cli", store), env=check_module, capture_output=True, text=True, timeout=300)
    assert final.returncode == 1, final.stderr  # it has counterexamples and errors
    result = open_store(store)
    assert result.complete and result.done == POINTS
    assert _essence(result.to_records()) == _essence(reference.to_records())
    again = sweep("killcheck:busy", {"n": range(POINTS)}, store=store, workers=2, progress=False)
    assert _essence(again.to_records()) == _essence(reference.to_records())
