"""combalg: exact combinatorics and symbolic algebra.

The engines live in subpackages (``combalg.cylindric``, ``combalg.growth``,
``combalg.asm``, ``combalg.lambdadet``, ``combalg.linking``, ``combalg.free``)
on top of an exact core (``combalg.core``) and the partition objects
(``combalg.partitions``).  ``import combalg`` is light: each engine is imported
on first use as an attribute, and ``from combalg.all import *`` brings every
engine's public functions and classes into a notebook.

>>> import combalg
>>> combalg.cylindric.check_borodin("1010", 8).ok
True
>>> from combalg.core.errors import InvalidInputError
>>> issubclass(InvalidInputError, ValueError)
True
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

#: the engines and the layers under them, attributes of ``combalg`` imported on first use
ENGINES = ("core", "partitions", "cylindric", "growth", "asm", "lambdadet", "linking", "free")

#: further subpackages reachable as attributes (workflows; ``strategies`` needs hypothesis)
SUBPACKAGES = ENGINES + ("tables", "strategies", "sweep", "all")

__all__ = ["__version__", *ENGINES]


def __getattr__(name: str) -> object:
    if name in SUBPACKAGES:
        try:
            module = importlib.import_module(f"combalg.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"combalg.{name}":
                raise AttributeError(f"module 'combalg' has no attribute {name!r}") from None
            raise
        globals()[name] = module
        return module
    raise AttributeError(f"module 'combalg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(SUBPACKAGES))
