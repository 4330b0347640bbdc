"""Checks that a sweep can run by name.

A registered check is a plain function whose keyword parameters are the sweep's grid
parameters.  The engines' ``check_*`` functions and the identities of ``combalg tour``
are registered under names such as ``"cylindric.borodin"`` (see [`checks`][checks]); a
user's own function is named ``"module:function"`` (importable on every worker), or
passed as a callable.
"""

from __future__ import annotations

import difflib
import importlib
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from combalg.core.errors import InvalidInputError

__all__ = ["CheckInfo", "register_check", "checks", "lookup", "describe"]


@dataclass(frozen=True)
class CheckInfo:
    """A check a sweep can run.

    Attributes
    ----------
    name : str
        The name to pass to [`combalg.sweep.sweep`][combalg.sweep.sweep] (or ``module:function``).
    func : callable
        The function; its keyword parameters are the grid's parameters.
    parameters : tuple of (str, object)
        Each parameter's name and default (``inspect.Parameter.empty`` when required).
    description : str
        One line: what is compared with what.
    """

    name: str
    func: Callable[..., Any]
    parameters: tuple[tuple[str, Any], ...]
    description: str

    @property
    def required(self) -> tuple[str, ...]:
        """The parameters without a default."""
        return tuple(n for n, d in self.parameters if d is inspect.Parameter.empty)

    def signature_text(self) -> str:
        """``name(p1, p2=default)`` as shown by ``combalg sweep list``."""
        parts = [n if d is inspect.Parameter.empty else f"{n}={d!r}" for n, d in self.parameters]
        return f"{self.name}({', '.join(parts)})"


_REGISTRY: dict[str, CheckInfo] = {}
_LOADED = False


def _parameters(func: Callable[..., Any]) -> tuple[tuple[str, Any], ...]:
    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError):
        return ()
    return tuple((p.name, p.default) for p in sig.parameters.values()
                 if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY))


def register_check(name: str, func: Callable[..., Any] | None = None, *, description: str | None = None):
    """Register ``func`` under ``name`` (usable as a decorator).

    Examples
    --------
    >>> from combalg.sweep import register_check, checks
    >>> @register_check("demo.square_positive", description="n^2 >= 0")
    ... def square_positive(n):
    ...     return n * n >= 0
    >>> "demo.square_positive" in [c.name for c in checks()]
    True
    """
    if not isinstance(name, str) or not name or ":" in name:
        raise InvalidInputError(f"invalid check name {name!r}: expected a non-empty name without ':'")

    def deco(f: Callable[..., Any]) -> Callable[..., Any]:
        doc = description or (inspect.getdoc(f) or "").split("\n")[0]
        _REGISTRY[name] = CheckInfo(name, f, _parameters(f), doc)
        return f

    return deco if func is None else deco(func)


def _load() -> None:
    global _LOADED
    if not _LOADED:
        _LOADED = True
        importlib.import_module("combalg.sweep.library")


def checks() -> list[CheckInfo]:
    """Every registered check, sorted by name.

    Examples
    --------
    >>> from combalg.sweep import checks
    >>> [c.signature_text() for c in checks() if c.name == "cylindric.borodin"]
    ['cylindric.borodin(profile, order)']
    """
    _load()
    return [_REGISTRY[k] for k in sorted(_REGISTRY)]


def _import_function(spec: str) -> Callable[..., Any]:
    module, _, attr = spec.partition(":")
    if not module or not attr:
        raise InvalidInputError(f"invalid check {spec!r}: expected 'module:function'")
    try:
        obj: Any = importlib.import_module(module)
    except ImportError as exc:
        raise InvalidInputError(f"invalid check {spec!r}: cannot import module {module!r} ({exc})") from None
    for part in attr.split("."):
        if not hasattr(obj, part):
            raise InvalidInputError(f"invalid check {spec!r}: module {module!r} has no {attr!r}")
        obj = getattr(obj, part)
    if not callable(obj):
        raise InvalidInputError(f"invalid check {spec!r}: {attr!r} is not callable")
    return obj


def lookup(check: str) -> CheckInfo:
    """The check named ``check``: a registered name or ``"module:function"``.

    Raises
    ------
    InvalidInputError
        For an unknown name (naming the closest registered ones).
    """
    if not isinstance(check, str):
        raise InvalidInputError(f"invalid check {check!r}: expected a callable, a registered name or 'module:function'")
    if ":" in check:
        func = _import_function(check)
        doc = (inspect.getdoc(func) or "").split("\n")[0]
        return CheckInfo(check, func, _parameters(func), doc)
    _load()
    if check not in _REGISTRY:
        close = difflib.get_close_matches(check, list(_REGISTRY), n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise InvalidInputError(
            f"invalid check {check!r}: no such registered check{hint} ('combalg sweep list' lists them)")
    return _REGISTRY[check]


def describe(check: Any) -> CheckInfo:
    """A [`CheckInfo`][CheckInfo] for a name or for any callable."""
    if isinstance(check, str):
        return lookup(check)
    if not callable(check):
        raise InvalidInputError(f"invalid check {check!r}: expected a callable, a registered name or 'module:function'")
    module = getattr(check, "__module__", None) or "?"
    qual = getattr(check, "__qualname__", None) or type(check).__name__
    doc = (inspect.getdoc(check) or "").split("\n")[0]
    return CheckInfo(f"{module}:{qual}", check, _parameters(check), doc)
