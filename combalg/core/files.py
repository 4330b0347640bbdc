"""Atomic file writing: the one writer every file produced by combalg goes through.

A file is written to a temporary file in the same folder (every write and the
``fsync`` checked), given its final permissions, then renamed over the target.
On any failure the temporary file is removed and an existing target stays
intact, so a reader never sees a half-written table, figure or checkpoint.

Writing to a symbolic link writes its target (the link stays a link).  The
temporary file's name carries the writer's process id; a temporary file of this
kind left by a process that no longer runs (a writer killed mid-write) is removed
by the next write to the same path.

Permissions are those of an ordinary ``open(path, "w")``: ``0o666 & ~umask``
for a new file (``0o644`` under the usual umask ``022``); a replaced file keeps
its mode.  (``tempfile.mkstemp`` creates files with mode ``0o600``; without the
``chmod`` a renamed table would be private to its author.)

Examples
--------
>>> import os, tempfile
>>> from combalg.core.files import atomic_write_text
>>> folder = tempfile.mkdtemp()
>>> path = atomic_write_text(os.path.join(folder, "t.txt"), "hello\\n")
>>> path.read_text()
'hello\\n'
>>> oct(path.stat().st_mode & 0o777) == oct(0o666 & ~current_umask())
True
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import Any, Iterator

from combalg.core.errors import InvalidInputError

__all__ = ["atomic_write_text", "atomic_write_bytes", "atomic_path", "current_umask", "save_figure"]


def current_umask() -> int:
    """The process's umask (read from ``/proc`` where possible, without changing it)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # no read-only query exists elsewhere: set and restore at once
    os.umask(mask)
    return mask


def _target_mode(target: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        return 0o666 & ~current_umask()


def _folder(target: Path, shown: str) -> Path:
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InvalidInputError(f"invalid output path {shown!r}: folder {str(folder)!r} does not exist")
    if target.is_dir():
        raise InvalidInputError(f"invalid output path {shown!r}: it is a folder, expected a file name")
    return folder


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, owned by someone else
        return True
    return True


def _remove_stale(folder: Path, name: str) -> None:
    """Remove temporary files of earlier writes to ``name`` whose writer no longer runs."""
    prefix = f".{name}."
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        rest = entry.name[len(prefix):] if entry.name.startswith(prefix) else ""
        pid, _, tail = rest.partition(".")
        if pid.isdigit() and ".tmp" in tail and int(pid) != os.getpid() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


def _oserror(shown: str, exc: OSError) -> InvalidInputError:
    reason = exc.strerror or type(exc).__name__
    return InvalidInputError(f"cannot write {shown!r}: {reason}")


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; on success it is renamed onto ``path``.

    For writers that want a file name rather than a file object (e.g.
    ``Figure.savefig``).  The temporary name keeps the suffix of ``path``, so a
    writer that infers the format from the suffix still does.

    Raises
    ------
    InvalidInputError
        If the folder does not exist or is not writable (one-line message).
    """
    target = Path(path)
    shown = str(path)
    if target.is_symlink():  # write the file the link points to, keep the link
        target = Path(os.path.realpath(target))
    folder = _folder(target, shown)
    mode = _target_mode(target)
    _remove_stale(folder, target.name)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp" + target.suffix,
                                   dir=folder)
    except OSError as exc:
        raise _oserror(shown, exc) from None
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        with open(tmp_path, "rb") as fh:  # the writer may not have synced
            os.fsync(fh.fileno())
        os.chmod(tmp_path, mode)
        os.replace(tmp_path, target)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_path)
        if isinstance(exc, OSError) and not isinstance(exc, InvalidInputError):
            raise _oserror(shown, exc) from None
        raise


def _write(path: str | os.PathLike[str], data: bytes) -> Path:
    target = Path(path)
    with atomic_path(path) as tmp:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    return target


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (see the module docstring); return the path."""
    return _write(path, bytes(data))


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically (UTF-8, newlines as given); return the path.

    Raises
    ------
    InvalidInputError
        If the folder does not exist, the path is a folder, or it cannot be
        written (the message is one line; no partial file is left).
    """
    return _write(path, text.encode(encoding))


def save_figure(figure: Any, path: str | os.PathLike[str], **savefig_kwargs: Any) -> Path:
    """Save a matplotlib Figure (or the figure of an Axes) to ``path`` atomically.

    The format comes from the suffix (``.pdf`` and ``.svg`` for LaTeX and the web,
    ``.png``); ``bbox_inches="tight"`` unless given.  Same guarantees as
    [`atomic_write_text`][atomic_write_text] (no partial file, mode ``0o666 & ~umask``).

    Examples
    --------
    >>> import os, tempfile, matplotlib
    >>> matplotlib.use("Agg")
    >>> from combalg.asm import plot_asm
    >>> ax = plot_asm([[0, 1], [1, 0]])
    >>> path = save_figure(ax, os.path.join(tempfile.mkdtemp(), "asm.pdf"))
    >>> path.read_bytes()[:4]
    b'%PDF'
    """
    fig = getattr(figure, "figure", figure)
    if not hasattr(fig, "savefig"):
        raise InvalidInputError(f"invalid figure {figure!r}: expected a matplotlib Figure or Axes")
    suffix = Path(path).suffix.lower().lstrip(".")
    if not suffix:
        raise InvalidInputError(f"invalid output path {str(path)!r}: expected a suffix such as .pdf or .svg")
    savefig_kwargs.setdefault("bbox_inches", "tight")
    savefig_kwargs.setdefault("format", suffix)
    with atomic_path(path) as tmp:
        fig.savefig(tmp, **savefig_kwargs)
    return Path(path)
