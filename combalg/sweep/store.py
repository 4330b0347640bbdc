"""The results store of a sweep: one SQLite file (WAL), one committed row per finished point.

The file holds three tables:

``meta``
    key/value pairs: the format version, the check's name, the grid's fingerprint,
    its size, the combalg version that created the store and when.
``grid``
    every point of the grid in grid order: its position and its parameters as
    canonical JSON (sorted keys, no spaces), which is also the point's key.
``results``
    one row per finished point: key, position, status (``ok``, ``counterexample``,
    ``error``, ``timeout``), outcome as JSON, the first mismatch as JSON, the error
    text, the seconds it took, the combalg version and the finish time (UTC, ISO 8601).

Only the process that runs the sweep writes; each finished point is its own
transaction, so a crash or ``kill -9`` loses at most the points that were running.
SQLite's WAL journal keeps the file consistent through such a stop
(``synchronous=NORMAL``: a committed point survives the death of the process; only a
power failure of the whole machine can lose the last few commits, never corrupt the file).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from combalg import __version__
from combalg.core.errors import InvalidInputError

__all__ = ["STATUSES", "FORMAT", "Store", "MemoryStore", "SQLiteStore", "canonical_json", "fingerprint", "utc_now"]

#: the statuses a finished point can have
STATUSES = ("ok", "counterexample", "error", "timeout")

#: the store format written in ``meta``; bumped on incompatible changes
FORMAT = "combalg-sweep-1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS grid (idx INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS results (
    key TEXT PRIMARY KEY,
    idx INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('ok', 'counterexample', 'error', 'timeout')),
    outcome TEXT,
    mismatch TEXT,
    error TEXT,
    seconds REAL NOT NULL,
    version TEXT NOT NULL,
    finished TEXT NOT NULL
);
"""


def canonical_json(value: Any) -> str:
    """JSON with sorted keys and no spaces: the key of a point in a store.

    Examples
    --------
    >>> canonical_json({"order": 10, "profile": "1100"})
    '{"order":10,"profile":"1100"}'
    >>> canonical_json({"w": (1, 2)}) == canonical_json({"w": [1, 2]})
    True
    """
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def fingerprint(keys: Iterable[str]) -> str:
    """A SHA-256 over the points' keys in grid order (identifies a grid)."""
    h = hashlib.sha256()
    for k in keys:
        h.update(k.encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


def _short(path: Path) -> str:
    text = str(path)
    return repr(text if len(text) <= 200 else text[:200] + "...")


def utc_now() -> str:
    """The current time, UTC, ISO 8601 to the second."""
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


#: one finished point as the runner hands it to a store
Row = tuple[str, int, str, "str | None", "str | None", "str | None", float]


class Store:
    """Where a sweep keeps its grid and finished points (the interface of both stores)."""

    path: Path | None = None

    def meta(self) -> dict[str, str]:
        raise NotImplementedError

    def set_meta(self, items: dict[str, str]) -> None:
        raise NotImplementedError

    def grid_keys(self) -> list[str]:
        raise NotImplementedError

    def add_grid(self, keys: Sequence[str], start: int) -> None:
        raise NotImplementedError

    def finished_keys(self) -> set[str]:
        raise NotImplementedError

    def add_result(self, row: Row) -> None:
        raise NotImplementedError

    def delete_results(self, statuses: Iterable[str]) -> int:
        raise NotImplementedError

    def rows(self) -> list[dict[str, Any]]:
        raise NotImplementedError

    def close(self) -> None:
        pass


def _record(key: str, idx: int, status: str, outcome: str | None, mismatch: str | None,
            error: str | None, seconds: float, version: str, finished: str) -> dict[str, Any]:
    return {
        "index": idx,
        "parameters": json.loads(key),
        "status": status,
        "outcome": None if outcome is None else json.loads(outcome),
        "first_mismatch": None if mismatch is None else json.loads(mismatch),
        "error": error,
        "seconds": seconds,
        "version": version,
        "finished": finished,
    }


class MemoryStore(Store):
    """The store of a sweep run with ``store=None``: the same rows, kept in memory."""

    def __init__(self) -> None:
        self._meta: dict[str, str] = {}
        self._grid: list[str] = []
        self._results: dict[str, tuple] = {}

    def meta(self) -> dict[str, str]:
        return dict(self._meta)

    def set_meta(self, items: dict[str, str]) -> None:
        self._meta.update(items)

    def grid_keys(self) -> list[str]:
        return list(self._grid)

    def add_grid(self, keys: Sequence[str], start: int) -> None:
        assert start == len(self._grid)
        self._grid.extend(keys)

    def finished_keys(self) -> set[str]:
        return set(self._results)

    def add_result(self, row: Row) -> None:
        self._results[row[0]] = (*row, __version__, utc_now())

    def delete_results(self, statuses: Iterable[str]) -> int:
        wanted = set(statuses)
        drop = [k for k, r in self._results.items() if r[2] in wanted]
        for k in drop:
            del self._results[k]
        return len(drop)

    def rows(self) -> list[dict[str, Any]]:
        return [_record(*r) for r in sorted(self._results.values(), key=lambda r: r[1])]


class SQLiteStore(Store):
    """A sweep store in an SQLite file (WAL mode), one transaction per finished point.

    Parameters
    ----------
    path : path-like
        The file; created (with its tables) when ``create`` is true, else it must exist.
    readonly : bool
        Open for reading only (``open_store``).
    """

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool = False, create: bool = False) -> None:
        self.path = Path(path)
        self._writer = not readonly
        try:
            exists = self.path.is_file()
        except OSError as exc:  # a name too long, a loop of links...
            raise InvalidInputError(f"invalid store {_short(self.path)}: {exc.strerror}") from None
        if not create and not exists:
            raise InvalidInputError(f"invalid store {_short(self.path)}: no such file")
        try:
            if readonly and not os.access(self.path, os.W_OK):
                uri = self.path.resolve().as_uri() + "?mode=ro"
                self._db = sqlite3.connect(uri, uri=True, isolation_level=None)
            elif readonly:  # a plain connection changes nothing, and leaves no -wal file behind
                self._db = sqlite3.connect(str(self.path), isolation_level=None, timeout=30)
            else:
                self._db = sqlite3.connect(str(self.path), isolation_level=None, timeout=30)
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
                self._db.executescript(_SCHEMA)
            meta = self.meta()
        except sqlite3.DatabaseError as exc:
            raise InvalidInputError(
                f"invalid store {_short(self.path)}: not a combalg sweep store ({exc})") from None
        except (sqlite3.Error, OSError) as exc:
            raise InvalidInputError(f"invalid store {_short(self.path)}: cannot open it ({exc})") from None
        if not create and meta.get("format") != FORMAT:
            raise InvalidInputError(
                f"invalid store {str(self.path)!r}: not a combalg sweep store (format {meta.get('format')!r}, "
                f"expected {FORMAT!r})")

    def meta(self) -> dict[str, str]:
        try:
            return dict(self._db.execute("SELECT key, value FROM meta"))
        except sqlite3.OperationalError:
            return {}

    def set_meta(self, items: dict[str, str]) -> None:
        with self._db:
            self._db.execute("BEGIN")
            self._db.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", items.items())

    def initialise(self, keys: Sequence[str], meta: dict[str, str]) -> None:
        """Write the grid and the metadata of a new store in one transaction."""
        with self._db:
            self._db.execute("BEGIN")
            self._db.executemany("INSERT INTO grid (idx, key) VALUES (?, ?)", ((i, k) for i, k in enumerate(keys)))
            self._db.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", meta.items())

    def grid_keys(self) -> list[str]:
        return [k for (k,) in self._db.execute("SELECT key FROM grid ORDER BY idx")]

    def add_grid(self, keys: Sequence[str], start: int) -> None:
        with self._db:
            self._db.execute("BEGIN")
            self._db.executemany("INSERT INTO grid (idx, key) VALUES (?, ?)",
                                 ((start + i, k) for i, k in enumerate(keys)))

    def finished_keys(self) -> set[str]:
        return {k for (k,) in self._db.execute("SELECT key FROM results")}

    def add_result(self, row: Row) -> None:
        # one point, one transaction: the connection is in autocommit mode
        self._db.execute(
            "INSERT OR REPLACE INTO results (key, idx, status, outcome, mismatch, error, seconds, version, finished)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (*row, __version__, utc_now()))

    def delete_results(self, statuses: Iterable[str]) -> int:
        wanted = list(statuses)
        with self._db:
            self._db.execute("BEGIN")
            cur = self._db.execute(
                f"DELETE FROM results WHERE status IN ({','.join('?' * len(wanted))})", wanted)
        return cur.rowcount

    def rows(self) -> list[dict[str, Any]]:
        cur = self._db.execute(
            "SELECT key, idx, status, outcome, mismatch, error, seconds, version, finished FROM results ORDER BY idx")
        return [_record(*r) for r in cur]

    def close(self) -> None:
        """Close; a writer leaves a single self-contained file (the WAL folded back in)."""
        if self._writer:
            try:
                self._db.execute("PRAGMA journal_mode=DELETE")
            except sqlite3.Error:  # another process has it open: it stays in WAL mode
                pass
        self._db.close()
