"""Conjecture sweeps: run a check over thousands of parameter points, resumably.

>>> from combalg.sweep import sweep, grids
>>> r = sweep("cylindric.borodin", {"profile": grids.profiles(4, up_to_rotation=True, both_letters=True),
...                                 "order": [10]}, workers=1, progress=False)
>>> r.counts["ok"], r.total
(4, 4)

* [`sweep`][sweep] runs the points in this process, on a local process pool or on a Dask
  cluster, records each finished point in an SQLite store (WAL) and skips finished
  points when run again on the same store;
* [`open_store`][open_store] reads a store (finished or partial) without running anything;
* [`checks`][checks] lists the registered checks; [`register_check`][register_check] adds one;
* [`combalg.sweep.grids`][combalg.sweep.grids] generates parameters (profiles, partitions, ASMs, matrices,
  words).

The command line is ``combalg sweep run|status|report|list``.
"""

from __future__ import annotations

from combalg.sweep import grids
from combalg.sweep.registry import CheckInfo, checks, register_check
from combalg.sweep.result import SweepResult, open_store
from combalg.sweep.runner import sweep

__all__ = ["sweep", "SweepResult", "open_store", "checks", "register_check", "CheckInfo", "grids"]
