"""Running the points of a sweep: in-process, on a local process pool, or on a Dask cluster.

Every route runs a point through [`run_point`][run_point], which calls the check, reads its
return value ([`combalg.sweep.outcome.classify`][combalg.sweep.outcome.classify]) and returns a store row of plain
strings and numbers, so all routes store identical rows (bar the seconds).

Timeouts
--------
* Local pool: the parent process watches each worker's current point and kills the
  worker at the deadline (``SIGKILL``, so even work inside C stops); the point is
  recorded as ``timeout``, a fresh worker takes over the rest of the batch.  A worker
  that dies (a crash inside a C library, the out-of-memory killer) costs only its
  current point, recorded as ``error``.
* In-process (``workers=1``): ``SIGALRM`` interrupts the point between two Python
  bytecodes; a call that stays inside C is stopped when it returns to Python.
* Dask: each point runs in a thread of the Dask worker and is interrupted at the
  deadline between two Python bytecodes; if it is inside C, it is recorded as
  ``timeout`` at the deadline and left to finish in the background.
"""

from __future__ import annotations

import collections
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import wait
from typing import Any

from combalg.sweep.outcome import classify

__all__ = ["Point", "run_point", "run_inprocess", "run_pool", "run_dask"]

#: (position in the grid, canonical key, parameters)
Point = tuple[int, str, dict]
#: (key, position, status, outcome JSON, mismatch JSON, error text, seconds)
Row = tuple[int, str, str, "str | None", "str | None", "str | None", float]


class PointTimeout(BaseException):
    """Raised inside a point at its deadline (a BaseException, so that a check's own
    ``except Exception`` does not swallow it)."""


def _error_text(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    first = text[0] if text else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def resolve(check: Any) -> Callable[..., Any]:
    """A check as sent to a worker: a callable, or a registered name resolved there."""
    if isinstance(check, str):
        from combalg.sweep.registry import lookup

        return lookup(check).func
    return check


def run_point(check: Callable[..., Any], point: Point) -> tuple:
    """Run one point; return its store row ``(key, idx, status, outcome, mismatch, error, seconds)``."""
    idx, key, params = point
    t0 = time.perf_counter()
    try:
        value = check(**params)
    except PointTimeout:
        return (key, idx, "timeout", None, None, "stopped at the timeout", time.perf_counter() - t0)
    except Exception as exc:  # noqa: BLE001 - a failing point is recorded, the sweep goes on
        return (key, idx, "error", None, None, _error_text(exc), time.perf_counter() - t0)
    seconds = time.perf_counter() - t0
    try:
        status, outcome, mismatch, error = classify(value)
    except Exception as exc:  # noqa: BLE001
        status, outcome, mismatch, error = "error", None, None, f"the outcome could not be stored: {_error_text(exc)}"
    return (key, idx, status, outcome, mismatch, error, seconds)


def _timeout_row(point: Point, timeout: float) -> tuple:
    idx, key, _ = point
    return (key, idx, "timeout", None, None, f"no result within the timeout of {timeout:g} s", float(timeout))


# -- in-process ------------------------------------------------------------------------------

def _alarm_available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _run_with_alarm(check: Callable[..., Any], point: Point, timeout: float) -> tuple:
    def on_alarm(signum, frame):  # noqa: ARG001
        raise PointTimeout()

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        row = run_point(check, point)
    except PointTimeout:  # the alarm fired between the call's end and the reset below
        row = _timeout_row(point, timeout)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    if row[2] == "timeout":
        row = _timeout_row(point, timeout)
    return row


def _run_in_thread(check: Callable[..., Any], point: Point, timeout: float) -> tuple:
    box: list[tuple] = []
    thread = threading.Thread(target=lambda: box.append(run_point(check, point)), daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident), ctypes.py_object(PointTimeout))
        thread.join(1.0)
        return _timeout_row(point, timeout)
    row = box[0]
    return _timeout_row(point, timeout) if row[2] == "timeout" else row


def run_with_deadline(check: Callable[..., Any], point: Point, timeout: float | None) -> tuple:
    """Run one point, stopping it at ``timeout`` seconds where Python can stop it."""
    if timeout is None:
        return run_point(check, point)
    if _alarm_available():
        return _run_with_alarm(check, point, timeout)
    return _run_in_thread(check, point, timeout)


def run_inprocess(check: Any, points: Sequence[Point], timeout: float | None,
                  record: Callable[[tuple], None]) -> None:
    """Run the points one after another in this process."""
    fn = resolve(check)
    for point in points:
        record(run_with_deadline(fn, point, timeout))


# -- local process pool ----------------------------------------------------------------------

def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the sweep's process dies (kill -9 included)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover
            pass


def _worker_main(conn, check: Any, parent_pid: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent()
    if os.getppid() != parent_pid:  # the parent died before the request above
        return
    fn = resolve(check)
    while True:
        try:
            batch = conn.recv()
        except (EOFError, OSError):
            return
        if batch is None:
            return
        for point in batch:
            row = run_point(fn, point)
            try:
                conn.send(row)
            except (BrokenPipeError, OSError):
                return


class _Worker:
    def __init__(self, ctx, check: Any) -> None:
        parent_conn, child_conn = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child_conn, check, os.getpid()), daemon=True)
        self.proc.start()
        child_conn.close()
        self.conn = parent_conn
        self.batch: collections.deque[Point] = collections.deque()
        self.started = 0.0

    def assign(self, batch: list[Point]) -> None:
        self.batch.extend(batch)
        self.started = time.monotonic()
        self.conn.send(batch)

    def kill(self) -> None:
        try:
            self.proc.kill()
            self.proc.join(5)
        finally:
            self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (BrokenPipeError, OSError):
            pass
        self.proc.join(2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(5)
        self.conn.close()


def _context():
    methods = multiprocessing.get_all_start_methods()
    # fork: no pickling of the check, so functions defined in a notebook work too
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class _BatchSizer:
    """Grows batches until one takes about ``target`` seconds, so tiny points are not
    dominated by messaging; keeps the tail of the sweep spread over all workers."""

    def __init__(self, workers: int, target: float = 0.05, cap: int = 512) -> None:
        self.workers, self.target, self.cap = workers, target, cap
        self.mean: float | None = None

    def observe(self, seconds: float) -> None:
        self.mean = seconds if self.mean is None else 0.9 * self.mean + 0.1 * seconds

    def size(self, remaining: int) -> int:
        if self.mean is None:
            return 1
        size = int(self.target / max(self.mean, 1e-6))
        fair = -(-remaining // (4 * self.workers))
        return max(1, min(size, self.cap, fair))


def run_pool(check: Any, points: Sequence[Point], workers: int, timeout: float | None,
             record: Callable[[tuple], None]) -> None:
    """Run the points on ``workers`` local processes (see the module notes on timeouts)."""
    ctx = _context()
    pending: collections.deque[Point] = collections.deque(points)
    sizer = _BatchSizer(workers)
    pool = [_Worker(ctx, check) for _ in range(min(workers, len(pending)) or 1)]
    try:
        while True:
            for w in pool:
                if not w.batch and pending:
                    n = sizer.size(len(pending))
                    w.assign([pending.popleft() for _ in range(min(n, len(pending)))])
            busy = [w for w in pool if w.batch]
            if not busy:
                return
            wait_for = None
            if timeout is not None:
                now = time.monotonic()
                wait_for = max(0.0, min(w.started + timeout for w in busy) - now)
            ready = wait([w.conn for w in busy], timeout=wait_for)
            for w in busy:
                if w.conn not in ready:
                    continue
                try:
                    while w.batch and w.conn.poll():
                        row = w.conn.recv()
                        w.batch.popleft()
                        w.started = time.monotonic()
                        sizer.observe(row[6])
                        record(row)
                except (EOFError, OSError):
                    # the worker died inside its current point: record it, hand the rest on
                    point = w.batch.popleft()
                    w.proc.join(5)
                    code = w.proc.exitcode
                    record((point[1], point[0], "error", None, None,
                            f"the worker process died while running this point (exit code {code})", 0.0))
                    pending.extendleft(reversed(w.batch))
                    w.batch.clear()
                    w.kill()
                    pool[pool.index(w)] = _Worker(ctx, check)
            if timeout is not None:
                now = time.monotonic()
                for i, w in enumerate(pool):
                    if w.batch and now - w.started >= timeout:
                        w.kill()
                        record(_timeout_row(w.batch.popleft(), timeout))
                        pending.extendleft(reversed(w.batch))
                        w.batch.clear()
                        pool[i] = _Worker(ctx, check)
    finally:
        for w in pool:
            if w.batch:
                w.kill()
            else:
                w.stop()


# -- Dask ------------------------------------------------------------------------------------

def _dask_batch(check: Any, batch: list[Point], timeout: float | None) -> list[tuple]:
    fn = resolve(check)
    return [run_with_deadline(fn, p, timeout) for p in batch]


def _chunks(points: Sequence[Point], size: int) -> Iterator[list[Point]]:
    for i in range(0, len(points), size):
        yield list(points[i:i + size])


def run_dask(client: Any, check: Any, points: Sequence[Point], timeout: float | None,
             record: Callable[[tuple], None]) -> None:
    """Run the points on a Dask cluster through ``client``, batches as tasks."""
    from distributed import as_completed

    try:
        n_workers = max(1, sum(client.nthreads().values()))
    except Exception:  # noqa: BLE001 - an unusual client: fall back to one thread
        n_workers = 1
    size = max(1, min(256, len(points) // (8 * n_workers)))
    futures = [client.submit(_dask_batch, check, batch, timeout, pure=False)
               for batch in _chunks(points, size)]
    try:
        for future in as_completed(futures, loop=client.loop):
            for row in future.result():
                record(row)
    finally:
        for f in futures:
            f.cancel()
