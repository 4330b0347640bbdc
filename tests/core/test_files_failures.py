"""Writes that fail cleanly: a full filesystem, stale temporary files, symbolic links.

The full-disk test mounts a 64 KiB tmpfs where the machine allows it (root on Linux);
elsewhere it injects ENOSPC into fsync.  Either way a table written there fails with a
one-line error and exit status 2, the old file stays byte for byte, and no temporary
file is left.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys

import pytest

from combalg.cli import main
from combalg.core.files import atomic_write_text

OLD = "% the old table, which must survive\n"


def _small_filesystem(path):
    if sys.platform != "linux" or os.geteuid() != 0:
        return False
    path.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(path)], capture_output=True)
    return r.returncode == 0


def _fill(folder):
    with open(folder / "filler", "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


def _check_failed_write(folder, capsys):
    target = folder / "free.tex"
    code = main(["table", "free", "--N", "1..12", "--output", str(target)])
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert code == 2 and len(err) == 1 and "cannot write" in err[0] and "Traceback" not in err[0], err
    assert target.read_text() == OLD
    assert not [p for p in os.listdir(folder) if p.endswith(".tmp.tex") or ".tmp" in p]


def test_a_table_written_to_a_full_filesystem_fails_cleanly(tmp_path, capsys, monkeypatch):
    small = tmp_path / "small"
    if _small_filesystem(small):
        try:
            (small / "free.tex").write_text(OLD)
            _fill(small)
            _check_failed_write(small, capsys)
        finally:
            subprocess.run(["umount", str(small)], capture_output=True)
    else:  # fault injection: the disk is full at the fsync
        def full(fd):
            raise OSError(errno.ENOSPC, "No space left on device")

        (tmp_path / "free.tex").write_text(OLD)
        monkeypatch.setattr(os, "fsync", full)
        _check_failed_write(tmp_path, capsys)


def test_a_stale_temporary_file_of_a_dead_writer_is_removed(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".t.md.{dead.pid}.abc123.tmp.md"
    stale.write_text("half a table")
    live = tmp_path / f".t.md.{os.getpid()}.xyz.tmp.md"  # our own: left alone
    live.write_text("in progress")
    atomic_write_text(tmp_path / "t.md", "| a |\n")
    assert not stale.exists() and live.exists()
    assert (tmp_path / "t.md").read_text() == "| a |\n"


def test_writing_through_a_symbolic_link_writes_its_target(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old")
    os.chmod(real, 0o640)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    atomic_write_text(link, "new")
    assert link.is_symlink() and real.read_text() == "new"
    assert oct(real.stat().st_mode & 0o777) == oct(0o640)


_SLOW_WRITER = """
import sys, time
from combalg.core.files import atomic_path
with atomic_path(sys.argv[1]) as tmp:
    with open(tmp, "w") as fh:
        fh.write("a partial new table")
        fh.flush()
        print("writing", flush=True)
        time.sleep(60)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT")
def test_ctrl_c_inside_the_write_window_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    import signal

    target = tmp_path / "table.tex"
    target.write_text(OLD)
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_WRITER, str(target)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline() == "writing\n"  # the temporary file exists now
        assert len(list(tmp_path.iterdir())) == 2
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert "KeyboardInterrupt" in err
    assert target.read_text() == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["table.tex"]


def test_a_table_written_to_a_read_only_filesystem_fails_cleanly(tmp_path, capsys):
    ro = tmp_path / "ro"
    mounted = False
    if sys.platform == "linux" and os.geteuid() == 0:
        ro.mkdir()
        (ro / "free.tex").write_text(OLD)
        # a read-only view of the folder (root bypasses file modes, not a read-only mount)
        mounted = subprocess.run(["mount", "--bind", "-o", "ro", str(ro), str(ro)],
                                 capture_output=True).returncode == 0
        if mounted:
            subprocess.run(["mount", "-o", "remount,bind,ro", str(ro)], capture_output=True)
            with pytest.raises(OSError):
                (ro / "probe").write_text("x")
    if not mounted:
        if os.geteuid() == 0:
            pytest.skip("cannot make a read-only mount here (root ignores folder modes)")
        ro.mkdir(exist_ok=True)
        (ro / "free.tex").write_text(OLD)
        ro.chmod(0o555)
    try:
        _check_failed_write(ro, capsys)
    finally:
        if mounted:
            subprocess.run(["umount", str(ro)], capture_output=True)
        else:
            ro.chmod(0o755)


@pytest.mark.parametrize("where", ["dir", "/sys/combalg-test.tex", "/proc/combalg-test.tex"])
def test_a_table_written_onto_a_folder_or_a_system_path_is_one_line(tmp_path, capsys, where):
    if where == "dir":
        target = tmp_path / "table.tex"
        target.mkdir()
        (target / "inside").write_text("kept")
    else:
        if not os.path.isdir(os.path.dirname(where)):
            pytest.skip(f"no {os.path.dirname(where)} on this system")
        target = where
    code = main(["table", "free", "--N", "1..3", "--output", str(target)])
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert code == 2 and len(err) == 1 and "Traceback" not in err[0], err
    if where == "dir":
        assert [p.name for p in tmp_path.iterdir()] == ["table.tex"]
        assert (target / "inside").read_text() == "kept"
