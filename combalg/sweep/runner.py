"""``sweep``: run a check over every point of a grid, with a store that survives a crash."""

from __future__ import annotations

import inspect
import math
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from combalg import __version__
from combalg.core.errors import InvalidInputError
from combalg.sweep import execution
from combalg.sweep.grids import expand
from combalg.sweep.outcome import jsonable
from combalg.sweep.registry import CheckInfo, describe
from combalg.sweep.result import SweepResult
from combalg.sweep.store import FORMAT, STATUSES, MemoryStore, SQLiteStore, Store, canonical_json, fingerprint, utc_now

__all__ = ["sweep"]

#: seconds to wait for a Dask scheduler to answer
SCHEDULER_TIMEOUT = 5


def _keys(points: list[dict[str, Any]]) -> list[str]:
    keys = []
    seen: dict[str, int] = {}
    for i, p in enumerate(points):
        try:
            key = canonical_json(jsonable(p))
        except (TypeError, ValueError) as exc:
            raise InvalidInputError(
                f"invalid grid point {p!r} at position {i}: its parameters must be exact JSON values "
                f"(integers, fractions, strings, lists) ({exc})") from None
        if key in seen:
            raise InvalidInputError(f"invalid grid: the point {p!r} appears twice (positions {seen[key]} and {i})")
        seen[key] = i
        keys.append(key)
    return keys


def _check_parameters(info: CheckInfo, points: list[dict[str, Any]]) -> None:
    try:
        sig = inspect.signature(info.func)
    except (TypeError, ValueError):  # a builtin without a signature: let the points tell
        return
    takes_any = any(p.kind == p.VAR_KEYWORD for p in sig.parameters.values())
    accepted = [n for n, _ in info.parameters]
    for names in {tuple(sorted(p)) for p in points}:
        unknown = [n for n in names if n not in accepted]
        if unknown and not takes_any:
            raise InvalidInputError(
                f"invalid parameter {unknown[0]!r}: the check {info.name} takes "
                f"{', '.join(accepted) or 'no parameters'}")
        try:
            sig.bind(**dict.fromkeys(names))
        except TypeError:
            missing = [n for n in info.required if n not in names]
            raise InvalidInputError(
                f"invalid grid: the check {info.name} needs the parameter(s) {', '.join(missing)} "
                f"(it takes {', '.join(accepted)})") from None


def max_workers() -> int:
    """The most local worker processes a sweep starts: eight per core."""
    return 8 * (os.cpu_count() or 1)


def _workers(workers: Any) -> int:
    if workers is None:
        return os.cpu_count() or 1
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise InvalidInputError(f"invalid workers {workers!r}: expected None (all cores) or an integer >= 1")
    if workers > max_workers():
        raise InvalidInputError(
            f"invalid workers {workers!r}: expected at most {max_workers()} (eight per core of this machine); "
            "for more, use a Dask cluster (scheduler=...)")
    return workers


def _timeout(timeout: Any) -> float | None:
    if timeout is None:
        return None
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not math.isfinite(timeout) or timeout <= 0:
        raise InvalidInputError(f"invalid timeout {timeout!r}: expected None or a positive number of seconds")
    return float(timeout)


def connect(scheduler: Any):
    """A ``distributed.Client`` for a scheduler address, or the client given.

    Raises
    ------
    InvalidInputError
        If Dask is not installed, or nothing answers at the address within a few seconds.
    """
    try:
        import distributed
    except ImportError:
        raise InvalidInputError(
            "invalid scheduler: running a sweep on Dask needs the dask extra: pip install 'combalg[dask]'") from None
    if isinstance(scheduler, distributed.Client):
        return scheduler, False
    if not isinstance(scheduler, str) or not scheduler:
        raise InvalidInputError(
            f"invalid scheduler {scheduler!r}: expected an address such as 'tcp://127.0.0.1:8786' or a distributed.Client")
    import logging

    quiet = logging.getLogger("distributed")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        client = distributed.Client(scheduler, timeout=SCHEDULER_TIMEOUT, set_as_default=False)
    except Exception as exc:  # noqa: BLE001 - OSError, TimeoutError, ValueError for a bad address...
        raise InvalidInputError(
            f"invalid scheduler {scheduler!r}: no Dask scheduler answered within {SCHEDULER_TIMEOUT} s "
            f"({type(exc).__name__})") from None
    finally:
        quiet.setLevel(level)
    return client, True


def _open(store: Any, info: CheckInfo, keys: list[str], resume: bool, extend: bool) -> Store:
    """Open or create the store (an extended grid's new points appended to it).
    Nothing is written until every check of compatibility has passed."""
    fp = fingerprint(keys)
    if store is None:
        s: Store = MemoryStore()
        s.set_meta(_meta(info, fp, len(keys)))
        s.add_grid(keys, 0)
        return s
    if not isinstance(store, (str, os.PathLike)):
        raise InvalidInputError(f"invalid store {store!r}: expected a file path or None")
    path = Path(store)
    try:
        exists, is_file, parent_ok = path.exists(), path.is_file(), path.parent.is_dir()
    except OSError as exc:
        raise InvalidInputError(f"invalid store {str(store)[:200]!r}: {exc.strerror}") from None
    if exists and not is_file:
        raise InvalidInputError(f"invalid store {str(path)!r}: not a file")
    if not exists and not parent_ok:
        raise InvalidInputError(f"invalid store {str(path)!r}: the folder {str(path.parent)!r} does not exist")
    if exists and path.stat().st_size > 0:
        # check compatibility on a reader first, so that a refused store stays untouched
        probe = SQLiteStore(path, readonly=True, create=True)
        try:
            meta = probe.meta()
            if meta:  # (no metadata: a creation cut short before its first commit, taken as new)
                _compatible(meta, path, info, resume)
            same_grid = not meta or probe.grid_keys() == keys
        finally:
            probe.close()
        if not same_grid and not extend:
            raise InvalidInputError(
                f"invalid store {str(path)!r}: it was made for another grid of {info.name}; "
                "pass extend=True to add this grid's new points to it")
    s = SQLiteStore(path, create=True)
    if not s.meta():  # a new file, or one whose creation was cut short before its first commit
        try:
            s.initialise(keys, _meta(info, fp, len(keys)))
        except BaseException:
            s.close()
            raise
        return s
    try:
        old = s.grid_keys()
        if old == keys:
            return s
        known = set(old)
        new = [k for k in keys if k not in known]
        s.add_grid(new, len(old))
        s.set_meta({"grid_fingerprint": fingerprint(old + new), "grid_size": str(len(old) + len(new)),
                    "extended": utc_now()})
        return s
    except BaseException:
        s.close()
        raise


def _compatible(meta: dict[str, str], path: Path, info: CheckInfo, resume: bool) -> None:
    if meta.get("format") != FORMAT:
        raise InvalidInputError(
            f"invalid store {str(path)!r}: not a combalg sweep store (format {meta.get('format')!r})")
    if meta.get("check") != info.name:
        raise InvalidInputError(
            f"invalid store {str(path)!r}: it holds a sweep of {meta.get('check')!r}, not of {info.name!r}")
    if not resume:
        raise InvalidInputError(
            f"invalid store {str(path)!r}: it exists already; pass resume=True to continue it "
            "(or choose another file)")


def _meta(info: CheckInfo, fp: str, size: int) -> dict[str, str]:
    return {"format": FORMAT, "check": info.name, "description": info.description, "grid_fingerprint": fp,
            "grid_size": str(size), "combalg_version": __version__, "created": utc_now()}


def sweep(check: Any, grid: Mapping[str, Iterable[Any]] | Iterable[Mapping[str, Any]], *, store: Any = None,
          workers: int | None = None, scheduler: Any = None, resume: bool = True, progress: bool = True,
          timeout: float | None = None, extend: bool = False, retry: Iterable[str] = ()) -> SweepResult:
    """Run ``check`` on every point of ``grid``; record each point as it finishes.

    Parameters
    ----------
    check : callable or str
        A picklable callable taking the grid's parameters as keyword arguments, the
        name of a registered check ([`combalg.sweep.checks`][combalg.sweep.checks]), or
        ``"module:function"``.  Its return value is the point's outcome: a bool, a check
        result (``.ok`` and ``.first_mismatch``), or any exact JSON-serialisable value.
    grid : dict or iterable of dicts
        ``{name: values}`` for the Cartesian product (last name fastest), or the points.
    store : path, optional
        An SQLite file (created if missing, WAL mode, one transaction per point).
        ``None`` keeps the results in memory.
    workers : int, optional
        Local worker processes (default: all cores); ``1`` runs in this process.
    scheduler : str or distributed.Client, optional
        Run on a Dask cluster instead (needs the ``dask`` extra).
    resume : bool
        Skip the points already finished in ``store`` (default).  ``False`` refuses an
        existing store rather than overwrite it.
    progress : bool
        Show a progress bar (points done, counterexamples) when standard error is a terminal.
    timeout : float, optional
        Seconds per point; a point that runs longer is recorded as ``timeout``.
    extend : bool
        Allow ``store`` to hold another grid of the same check: this grid's new points are
        added to it.
    retry : iterable of str
        Statuses (``"error"``, ``"timeout"``) whose points are run again on resume.

    Returns
    -------
    SweepResult
        Every finished point of the store, in grid order.

    Raises
    ------
    InvalidInputError
        For an unknown check, a parameter the check does not take, an empty grid, a store
        made by another check or grid, or a scheduler that does not answer.  Nothing is
        written to the store then.

    Examples
    --------
    >>> from combalg.sweep import sweep, grids
    >>> r = sweep("cylindric.borodin", {"profile": grids.profiles(3, both_letters=True), "order": [8]},
    ...           workers=1, progress=False)
    >>> r.counts["ok"], r.counts["counterexample"]
    (6, 0)
    """
    info = describe(check)
    points = expand(grid)
    if not points:
        raise InvalidInputError(f"invalid grid {grid!r}: it has no points")
    _check_parameters(info, points)
    keys = _keys(points)
    n_workers = _workers(workers)
    seconds = _timeout(timeout)
    retry = tuple(retry)
    for s in retry:
        if s not in ("error", "timeout"):
            raise InvalidInputError(f"invalid retry status {s!r}: expected 'error' or 'timeout'")
    client, own_client = connect(scheduler) if scheduler is not None else (None, False)
    try:
        st = _open(store, info, keys, resume, extend)
    except BaseException:
        if own_client:
            client.close()
        raise
    try:
        if retry:
            st.delete_results(retry)
        finished = st.finished_keys()
        all_keys = st.grid_keys()
        index = {k: i for i, k in enumerate(all_keys)}
        todo = [(index[k], k, p) for k, p in zip(keys, points) if k not in finished]
        _run(st, info.func, todo, n_workers, client, seconds, progress, total=len(all_keys),
             done=len(finished))
        return SweepResult(st)
    finally:
        st.close()
        if own_client:
            client.close()


def _run(st: Store, target: Any, todo: list, workers: int, client: Any, timeout: float | None,
         progress: bool, total: int, done: int) -> None:
    bar = None
    if progress and todo and sys.stderr.isatty():
        from tqdm.auto import tqdm

        bar = tqdm(total=total, initial=done, unit="pt", desc="sweep", dynamic_ncols=True)
    found = 0

    def record(row: tuple) -> None:
        nonlocal found
        st.add_result(row)
        if bar is not None:
            if row[2] == "counterexample":
                found += 1
                bar.set_postfix(counterexamples=found, refresh=False)
            bar.update(1)

    try:
        if not todo:
            return
        if client is not None:
            execution.run_dask(client, target, todo, timeout, record)
        elif workers == 1:
            execution.run_inprocess(target, todo, timeout, record)
        else:
            execution.run_pool(target, todo, workers, timeout, record)
    finally:
        if bar is not None:
            bar.close()
