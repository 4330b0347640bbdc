"""Everything at once, for a notebook: ``from combalg.all import *``.

Re-exports the public functions and classes of every engine (the names in
each engine's ``__all__``) and the core types a script meets: exact series,
Laurent polynomials, fields for linear algebra, check results, the JSON
encoder and the errors.  No two engines export one name for different things
(a test keeps it so).  Importing this module imports every engine, and
so sympy-free but FLINT-, networkx- and numpy-dependent code; ``import combalg``
alone stays light.

Examples
--------
>>> from combalg.all import *
>>> check_borodin("1010", 10).ok, partition_series(6)
(True, 1 + q + 2*q^2 + 3*q^3 + 5*q^4 + 7*q^5 + O(q^6))
>>> UniformMatroid(2, 4) == UniformMatroid(2, 4)
True
"""

from __future__ import annotations

import importlib
import inspect

#: the modules whose public functions and classes this module re-exports, in order
SOURCES = (
    "combalg.core.errors",
    "combalg.core.checks",
    "combalg.core.encoding",
    "combalg.core.series",
    "combalg.core.mseries",
    "combalg.core.laurent",
    "combalg.core.linalg",
    "combalg.core.matrix",
    "combalg.partitions",
    "combalg.cylindric",
    "combalg.growth",
    "combalg.asm",
    "combalg.lambdadet",
    "combalg.linking",
    "combalg.free",
)

#: where each exported name comes from
ORIGIN: dict[str, str] = {}


def _export() -> list[str]:
    names: list[str] = []
    g = globals()
    for source in SOURCES:
        try:
            mod = importlib.import_module(source)
        except ModuleNotFoundError as exc:  # pragma: no cover - an optional module not present
            if exc.name == source:
                continue
            raise
        for name in getattr(mod, "__all__", ()):
            obj = getattr(mod, name)
            # functions and classes (and the field constants QQ), not limits or submodules
            if not (inspect.isfunction(obj) or inspect.isclass(obj) or name in ("QQ",)):
                continue
            if name in g and name in ORIGIN:
                continue  # the same object again (e.g. CheckResult from core and from cylindric)
            g[name] = obj
            ORIGIN[name] = source
            names.append(name)
    return names


__all__ = _export()
