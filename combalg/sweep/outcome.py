"""Turn what a check returns (or raises) into a store row.

This runs where the point runs (in-process, in a pool worker, on a Dask worker), so
that only plain strings travel back and every route stores byte-identical rows.

How a return value is read:

* ``True`` / ``False`` -> ``ok`` / ``counterexample``;
* ``None`` -> ``ok`` (a check that only raises when it fails);
* a check result (anything with a boolean ``ok`` attribute, such as
  [`combalg.core.checks.CheckResult`][combalg.core.checks.CheckResult]) -> ``ok`` or ``counterexample`` by its
  ``ok``, its ``first_mismatch`` stored separately;
* any other value -> ``ok``, the value stored as the outcome.  It must be
  JSON-serialisable after [`combalg.core.encoding.to_jsonable`][combalg.core.encoding.to_jsonable] (integers, Fractions,
  strings, lists, dicts, combalg's exact values); otherwise the point is an ``error``.
"""

from __future__ import annotations

import json
import math
from fractions import Fraction
from typing import Any

from combalg.sweep.store import canonical_json

__all__ = ["classify", "jsonable"]


def jsonable(value: Any) -> Any:
    """``value`` as plain JSON data, exact values kept exact (Fractions become ``"p/q"``).

    Raises ``TypeError`` for what has no exact JSON form (floats that are not finite,
    arbitrary objects).
    """
    from combalg.core.encoding import to_jsonable

    return _plain(_encode(value, to_jsonable))


def _encode(value: Any, to_jsonable) -> Any:
    if isinstance(value, (str, int, bool, Fraction)) or value is None:
        return value
    if isinstance(value, dict):
        return {str(k): _encode(v, to_jsonable) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_encode(v, to_jsonable) for v in value]
    return to_jsonable(value)


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, Fraction):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise TypeError(f"the float {value!r} has no JSON form")
        return value
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    raise TypeError(f"a value of type {type(value).__name__} is not JSON-serialisable")


def _mismatch_json(m: Any) -> str | None:
    if m is None:
        return None
    if hasattr(m, "to_dict"):
        data = m.to_dict()
    elif hasattr(m, "_asdict"):
        data = dict(m._asdict())
    elif hasattr(m, "__dict__"):
        data = {k: v for k, v in vars(m).items() if not k.startswith("_")}
    else:
        data = m
    try:
        return canonical_json(jsonable(data))
    except TypeError:
        return canonical_json(repr(m))


def classify(value: Any) -> tuple[str, str | None, str | None, str | None]:
    """Return ``(status, outcome_json, mismatch_json, error_text)`` for a returned value.

    Examples
    --------
    >>> classify(True)
    ('ok', 'true', None, None)
    >>> classify(False)
    ('counterexample', 'false', None, None)
    >>> from fractions import Fraction
    >>> classify({"a_5": Fraction(3, 4)})
    ('ok', '{"a_5":"3/4"}', None, None)
    >>> classify(object())[0]
    'error'
    >>> import numpy, sympy
    >>> classify(numpy.bool_(False))[0], classify(sympy.false)[0]
    ('counterexample', 'counterexample')
    """
    kind = type(value)
    if (kind.__module__ == "numpy" and kind.__name__ in ("bool", "bool_")) or kind.__name__ in (
            "BooleanTrue", "BooleanFalse"):  # numpy's and sympy's truth values
        value = bool(value)
    if value is None or isinstance(value, bool):
        ok = value is not False
        return ("ok" if ok else "counterexample"), json.dumps(value), None, None
    ok_attr = getattr(value, "ok", None)
    if isinstance(ok_attr, bool):
        mismatch = None if ok_attr else _mismatch_json(getattr(value, "first_mismatch", None))
        data = value.to_dict() if hasattr(value, "to_dict") else {"ok": ok_attr}
        if isinstance(data, dict):  # timings go to the seconds column, not the outcome
            data = {k: v for k, v in data.items() if "seconds" not in str(k)}
        try:
            outcome = canonical_json(jsonable(data))
        except TypeError as exc:
            return "error", None, mismatch, f"the check result could not be stored: {exc}"
        return ("ok" if ok_attr else "counterexample"), outcome, mismatch, None
    try:
        return "ok", canonical_json(jsonable(value)), None, None
    except (TypeError, ValueError) as exc:
        return "error", None, None, f"the outcome could not be stored: {exc}"
