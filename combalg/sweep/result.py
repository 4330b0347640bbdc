"""What a sweep leaves behind: [`SweepResult`][SweepResult], read from its store."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

from combalg.core.errors import InvalidInputError
from combalg.sweep.store import STATUSES, SQLiteStore, Store

__all__ = ["SweepResult", "open_store"]


class SweepResult:
    """The finished points of a sweep (or of a partial store), in grid order.

    Attributes
    ----------
    check : str
        The check's name (registered name or ``module:function``).
    total : int
        The number of points in the grid.
    path : Path or None
        The store file (``None`` for a sweep kept in memory).
    meta : dict
        The store's metadata (check, grid fingerprint, versions, dates).

    Examples
    --------
    >>> from combalg.sweep import sweep
    >>> r = sweep(lambda n: n % 7 != 3, {"n": range(20)}, workers=1, progress=False)
    >>> r
    SweepResult('...:<lambda>', 20 points: 17 ok, 3 counterexample)
    >>> [rec["parameters"] for rec in r.counterexamples()]
    [{'n': 3}, {'n': 10}, {'n': 17}]
    """

    def __init__(self, store: Store, meta: dict[str, str] | None = None) -> None:
        self.meta = dict(store.meta() if meta is None else meta)
        self.check = self.meta.get("check", "?")
        self.path = store.path
        self._records = store.rows()
        self.total = int(self.meta.get("grid_size", len(self._records)))

    # -- counts -----------------------------------------------------------------------------
    @property
    def counts(self) -> dict[str, int]:
        """Points by status, and ``pending`` for those not finished yet."""
        c = Counter(r["status"] for r in self._records)
        out = {s: c.get(s, 0) for s in STATUSES}
        out["pending"] = self.total - len(self._records)
        return out

    @property
    def done(self) -> int:
        """The number of finished points."""
        return len(self._records)

    @property
    def complete(self) -> bool:
        """Whether every point of the grid has finished."""
        return self.done == self.total

    @property
    def ok(self) -> bool:
        """Whether the sweep is complete and every point is ``ok``."""
        return self.complete and all(r["status"] == "ok" for r in self._records)

    def __bool__(self) -> bool:
        return self.ok

    # -- records ----------------------------------------------------------------------------
    def to_records(self) -> list[dict[str, Any]]:
        """One dict per finished point, in grid order: ``index``, ``parameters``, ``status``,
        ``outcome``, ``first_mismatch``, ``error``, ``seconds``, ``version``, ``finished``."""
        return [dict(r) for r in self._records]

    def counterexamples(self) -> list[dict[str, Any]]:
        """The points whose status is ``counterexample``, in grid order."""
        return [dict(r) for r in self._records if r["status"] == "counterexample"]

    def errors(self, statuses: tuple[str, ...] = ("error", "timeout")) -> list[dict[str, Any]]:
        """The points that raised or ran past the timeout, in grid order."""
        return [dict(r) for r in self._records if r["status"] in statuses]

    # -- display ----------------------------------------------------------------------------
    def summary(self) -> str:
        """One line: check, points and counts by status."""
        c = self.counts
        parts = [f"{c[s]} {s}" for s in (*STATUSES, "pending") if c[s]]
        return f"{self.check}: {self.total} points: {', '.join(parts) or 'none finished'}"

    def __repr__(self) -> str:
        c = self.counts
        parts = [f"{c[s]} {s}" for s in (*STATUSES, "pending") if c[s]]
        return f"SweepResult({self.check!r}, {self.total} points: {', '.join(parts) or 'none finished'})"

    def __str__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        import html

        head = f"<p><b>sweep</b> {html.escape(self.summary())}</p>"
        table = self.table(limit=20)
        render = getattr(table, "_repr_html_", None)
        return head + (render() if callable(render) else f"<pre>{html.escape(table.render('text'))}</pre>")

    def table(self, statuses: tuple[str, ...] | None = None, limit: int | None = None):
        """A [`combalg.tables.Table`][combalg.tables.Table] of the finished points (parameters, status, outcome,
        first mismatch, seconds) with the sweep's provenance.

        Parameters
        ----------
        statuses : tuple of str, optional
            Keep only points with these statuses (default: all).
        limit : int, optional
            Keep at most this many rows (the notes say how many were left out).
        """
        from combalg.tables.table import Table

        records = [r for r in self._records if statuses is None or r["status"] in statuses]
        names: list[str] = []
        for r in records:
            for k in r["parameters"]:
                if k not in names:
                    names.append(k)
        shown = records if limit is None else records[:limit]
        rows = []
        methods = set()
        for r in shown:
            p = r["parameters"]
            outcome = r["outcome"]
            if _is_check_result(outcome):  # the status and the first mismatch say it all
                methods.add(tuple(outcome["methods"]))
                outcome = None
            rows.append([_cell(p.get(k)) for k in names] + [
                r["status"], _cell(outcome), _cell(r["first_mismatch"]) if r["first_mismatch"] else (r["error"] or ""),
                f"{r['seconds']:.3f}"])
        c = self.counts
        notes = [f"{self.done} of {self.total} points finished: "
                 + ", ".join(f"{c[s]} {s}" for s in (*STATUSES, "pending") if c[s]) + "."]
        if len(methods) == 1:
            a, b = next(iter(methods))
            notes.append(f"Each point compares {a} with {b}.")
        if len(shown) < len(records):
            notes.append(f"{len(records) - len(shown)} more rows are in the store")
        params = {"check": self.check, "points": self.total}
        if self.path is not None:
            params["store"] = self.path.name
        if "grid_fingerprint" in self.meta:
            params["grid"] = self.meta["grid_fingerprint"][:16]
        # LaTeX: long text columns wrap (p{...}) so that the table keeps within the text block
        widths = [max((len(row[i]) for row in rows), default=0) for i in range(len(names) + 2)]
        align = ["p{0.17\\linewidth}" if w > 18 else "l" for w in widths[:len(names)]]
        align += ["l", "p{0.15\\linewidth}" if widths[-1] > 18 else "l",
                  "p{0.22\\linewidth}" if any(len(row[-2]) > 18 for row in rows) else "l", "r"]
        return Table(
            title=f"Sweep of {self.check}",
            latex_align=align,
            columns=[*names, "status", "outcome", "first mismatch / error", "seconds"],
            rows=rows,
            notes=notes,
            parameters=params,
            text_widths={"outcome": 40, "first mismatch / error": 40},
        )


def _is_check_result(value: Any) -> bool:
    return isinstance(value, dict) and {"name", "ok", "methods"} <= set(value) and isinstance(value["methods"], list) \
        and len(value["methods"]) == 2


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, separators=(", ", ": "), ensure_ascii=False)


def open_store(path: str | os.PathLike[str]) -> SweepResult:
    """Read a finished or partial sweep store without running anything.

    Raises
    ------
    InvalidInputError
        If the file does not exist or is not a combalg sweep store.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise InvalidInputError(f"invalid store {path!r}: expected a file path")
    store = SQLiteStore(Path(path), readonly=True)
    try:
        return SweepResult(store)
    finally:
        store.close()
