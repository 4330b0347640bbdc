"""Exact values as JSON: [`to_jsonable`][to_jsonable] and [`ExactJSONEncoder`][ExactJSONEncoder].

JSON has integers, strings, lists and objects but no exact rationals, so
combalg writes exact values as follows:

==============================================  =========================================
value                                           JSON
==============================================  =========================================
``int``, ``bool``, ``None``, ``str``            itself
``Fraction``, FLINT ``fmpq`` (and ``fmpz``)     ``int`` if integral, else ``"-3/4"``
``float``                                       itself (not exact; only timings are floats)
list, tuple, ``Partition``, other sequences     list
set, frozenset                                  sorted list
dict with string keys                           object
dict with other keys                            list of ``[key, value]`` pairs
matrices (FLINT, sympy, numpy, combalg)         nested lists of rows
``PowerSeries``                                 ``{"coefficients": [...], "order": n, "var": "q"}``
``LaurentPolynomial``                           ``{"variables": [...], "terms": [[exponents, c], ...]}``
``CheckResult``                                 its [`to_dict`][combalg.core.checks.CheckResult.to_dict]
objects with a ``_jsonable_()`` method          what that method returns (converted again)
other objects with a ``to_dict()`` method       what that method returns (converted again)
==============================================  =========================================

Anything else raises [`InvalidInputError`][combalg.core.errors.InvalidInputError].  Use the
encoder with ``json.dumps(x, cls=ExactJSONEncoder)``.

Examples
--------
>>> import json
>>> from fractions import Fraction
>>> from combalg.core.encoding import ExactJSONEncoder, to_jsonable
>>> to_jsonable([1, Fraction(-3, 4), Fraction(4, 2)])
[1, '-3/4', 2]
>>> json.dumps({"x": Fraction(1, 3), "rows": ((1, 2), (3, 4))}, cls=ExactJSONEncoder)
'{"x": "1/3", "rows": [[1, 2], [3, 4]]}'
>>> from flint import fmpq, fmpq_mat
>>> to_jsonable(fmpq_mat(2, 2, [1, fmpq(1, 2), 0, -1]))
[[1, '1/2'], [0, -1]]
>>> from combalg.core.series import partition_series
>>> to_jsonable(partition_series(5))
{'coefficients': [1, 1, 2, 3, 5], 'order': 5, 'var': 'q'}
"""

from __future__ import annotations

import dataclasses
import json
import numbers
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError

__all__ = ["to_jsonable", "ExactJSONEncoder", "rational_text", "to_fraction"]


def rational_text(x: Any) -> int | str:
    """An exact rational as JSON: an ``int`` if integral, else the string ``"p/q"``.

    Examples
    --------
    >>> rational_text(Fraction(-6, 8)), rational_text(Fraction(4, 2)), rational_text(7)
    ('-3/4', 2, 7)
    """
    f = to_fraction(x)
    return f.numerator if f.denominator == 1 else f"{f.numerator}/{f.denominator}"


def to_fraction(x: Any) -> Fraction:
    """An exact rational (int, Fraction, FLINT, numpy or sympy) as a `fractions.Fraction`."""
    if isinstance(x, bool) or not (isinstance(x, numbers.Rational) or type(x).__name__ in ("fmpq", "fmpz")
                                   or getattr(x, "is_Rational", False)):
        raise InvalidInputError(f"invalid value {short_repr(x)}: expected an exact rational")
    mod = type(x).__module__
    if mod.startswith("sympy") and getattr(x, "is_Rational", False):
        return Fraction(int(x.p), int(x.q))
    if mod.startswith("flint"):
        if hasattr(x, "p") and hasattr(x, "q"):
            return Fraction(int(x.p), int(x.q))
        return Fraction(int(x))
    return Fraction(x)


def _matrix_rows(obj: Any) -> list | None:
    """Rows of a matrix-like object (FLINT, sympy, numpy or combalg), else None."""
    mod = type(obj).__module__
    if mod.startswith("flint") and hasattr(obj, "nrows") and hasattr(obj, "ncols"):
        return [[obj[i, j] for j in range(obj.ncols())] for i in range(obj.nrows())]
    if mod.startswith("sympy") and getattr(obj, "is_Matrix", False):
        return obj.tolist()
    if mod.startswith("numpy") and hasattr(obj, "tolist") and hasattr(obj, "ndim"):
        return obj.tolist()
    return None


def to_jsonable(obj: Any) -> Any:
    """``obj`` as plain JSON values (see the module table), keeping every rational exact.

    Parameters
    ----------
    obj : object
        An exact value, a combalg object, or a nest of them.

    Returns
    -------
    object
        ``None``, ``bool``, ``int``, ``float``, ``str``, ``list`` or ``dict``
        (with string keys), accepted by ``json.dumps``.

    Raises
    ------
    InvalidInputError
        If some part of ``obj`` has no JSON form.

    Examples
    --------
    >>> to_jsonable({(1, 2): Fraction(1, 2), (): 3})
    [[[1, 2], '1/2'], [[], 3]]
    >>> to_jsonable({1, 3, 2})
    [1, 2, 3]
    >>> to_jsonable(object())
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid value <object ...>: expected an exact value with a JSON form (see combalg.core.encoding)
    """
    return _to_jsonable(obj, 0)


#: nesting of lists, dicts and objects that to_jsonable converts (JSON readers stop near 1000 too)
_MAX_NESTING = 200


def _to_jsonable(obj: Any, depth: int) -> Any:
    if depth > _MAX_NESTING:
        raise InvalidInputError(
            f"invalid value nested more than {_MAX_NESTING} levels deep: expected a value with a JSON form"
        )
    to_jsonable = lambda v: _to_jsonable(v, depth + 1)  # noqa: E731 - one level deeper
    if obj is None or isinstance(obj, (bool, str)):
        return obj
    if isinstance(obj, int):
        return int(obj)
    if isinstance(obj, float):
        return obj
    hook = getattr(type(obj), "_jsonable_", None)
    if hook is not None:
        return to_jsonable(hook(obj))
    hook = getattr(type(obj), "to_dict", None)
    if hook is not None and callable(hook):
        return to_jsonable(hook(obj))
    name = type(obj).__name__
    if isinstance(obj, numbers.Integral) or name == "fmpz":   # numpy integers, FLINT fmpz
        return int(obj)
    if isinstance(obj, numbers.Rational) or name == "fmpq":
        return rational_text(obj)
    rows = _matrix_rows(obj)
    if rows is not None:
        return to_jsonable(rows)
    mod = type(obj).__module__
    if mod.startswith("sympy"):
        if getattr(obj, "is_Rational", False):
            return rational_text(Fraction(int(obj.p), int(obj.q)))
        return str(obj)
    if mod.startswith("numpy") and hasattr(obj, "item"):   # other numpy scalars
        return to_jsonable(obj.item())
    if isinstance(obj, Mapping):
        if all(isinstance(k, str) for k in obj):
            return {k: to_jsonable(v) for k, v in obj.items()}
        return [[to_jsonable(k), to_jsonable(v)] for k, v in obj.items()]
    if isinstance(obj, (set, frozenset)):
        items = [to_jsonable(v) for v in obj]
        try:
            return sorted(items)
        except TypeError:
            return sorted(items, key=json.dumps)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(v) for v in obj]
    raise InvalidInputError(
        f"invalid value {_short_repr(obj)}: expected an exact value with a JSON form (see combalg.core.encoding)"
    )


def _short_repr(obj: Any) -> str:
    try:
        text = repr(obj)
    except (RecursionError, ValueError):  # deep nesting; ints past Python's digit limit
        return short_repr(obj)
    if text.startswith("<") and " at 0x" in text:
        text = text.split(" at 0x")[0] + " ...>"
    return text if len(text) <= 80 else text[:77] + "..."


class ExactJSONEncoder(json.JSONEncoder):
    """A `json.JSONEncoder` that writes exact values with [`to_jsonable`][to_jsonable].

    Examples
    --------
    >>> import json
    >>> json.dumps([Fraction(1, 2), {1, 2}], cls=ExactJSONEncoder)
    '["1/2", [1, 2]]'
    >>> from combalg.core.checks import CheckResult
    >>> json.loads(json.dumps(CheckResult("x", {}, ("a", "b")), cls=ExactJSONEncoder))["ok"]
    True
    """

    def __init__(self, *, skipkeys: bool = False, ensure_ascii: bool = True, check_circular: bool = True,
                 allow_nan: bool = True, sort_keys: bool = False, indent: int | str | None = None,
                 separators: tuple[str, str] | None = None, default: Any = None) -> None:
        from combalg.core.bignum import short_repr
        from combalg.core.errors import InvalidInputError
        from combalg.core.validation import flag_arg

        flags = {name: flag_arg(name, value) for name, value in (
            ("skipkeys", skipkeys), ("ensure_ascii", ensure_ascii), ("check_circular", check_circular),
            ("allow_nan", allow_nan), ("sort_keys", sort_keys))}
        if indent is not None and not isinstance(indent, str) and (
                isinstance(indent, bool) or not isinstance(indent, int) or not 0 <= indent <= 1000):
            raise InvalidInputError(
                f"invalid indent {short_repr(indent)}: expected None, a string or an integer from 0 to 1000")
        if separators is not None and not (
                isinstance(separators, (tuple, list)) and len(separators) == 2
                and all(isinstance(s, str) for s in separators)):
            raise InvalidInputError(
                f"invalid separators {short_repr(separators)}: expected None or a pair of strings (item, key)")
        if default is not None and not callable(default):
            raise InvalidInputError(f"invalid default {short_repr(default)}: expected a callable or None")
        super().__init__(indent=indent, separators=None if separators is None else tuple(separators),
                         default=default, **flags)

    def default(self, o: Any) -> Any:
        return to_jsonable(o)

    def encode(self, o: Any) -> str:
        # tuples and dicts with non-string keys never reach default(): convert first
        return super().encode(to_jsonable(o))

    def iterencode(self, o: Any, _one_shot: bool = False):
        return super().iterencode(to_jsonable(o), _one_shot)
