"""The uniform result of every ``check_*`` function: two methods, one verdict, the first mismatch.

Every identity combalg verifies is computed by two independent methods; a
``check_*`` function (or method, such as [`combalg.growth.Rule.check_duality`][combalg.growth.rules.Rule.check_duality])
compares them and returns a [`CheckResult`][CheckResult]:

* ``result.ok`` (and ``bool(result)``) -- whether the two methods agree;
* ``result.name`` -- what was checked; ``result.parameters`` -- the check's
  arguments as plain JSON values (rationals as strings like ``"-3/4"``);
* ``result.methods`` -- the two methods compared (left, right);
* ``result.first_mismatch`` -- ``None``, or a [`Mismatch`][Mismatch] ``(where, left, right)``
  at the first place the two methods disagree;
* ``result.seconds`` -- wall time of the whole check (``side_seconds`` per side
  where the two sides were timed separately);
* ``result.left`` / ``result.right`` -- the two computed sides, when the check
  keeps them (e.g. the two coefficient lists of a series identity).

A result has a one-line ``str``, renders in Jupyter (``_repr_latex_``,
``_repr_html_``), pickles, and converts to and from JSON with
[`CheckResult.to_dict`][CheckResult.to_dict] / [`CheckResult.from_dict`][CheckResult.from_dict].

Examples
--------
>>> from combalg.core.checks import CheckResult, Mismatch
>>> r = CheckResult("Pascal's rule", {"n": 4}, ("recurrence", "factorials"), None, 0.001)
>>> r.ok, bool(r)
(True, True)
>>> print(r)
Pascal's rule (n=4): OK, recurrence = factorials [0.001 s]
>>> bad = CheckResult("toy", {"n": 2}, ("a", "b"), Mismatch(3, 1, 2), 0.0)
>>> print(bad)
toy (n=2): MISMATCH at 3: 1 (a) != 2 (b) [0.000 s]
>>> if not bad:
...     print(bad.first_mismatch.where, bad.first_mismatch.left, bad.first_mismatch.right)
3 1 2
>>> import json
>>> CheckResult.from_dict(json.loads(json.dumps(bad.to_dict()))) == bad
True
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError
from combalg.core.validation import seconds_arg

__all__ = ["CheckResult", "Mismatch", "first_difference"]


@dataclass(frozen=True)
class Mismatch:
    """The first disagreement of two methods: where, and what each method gave.

    Attributes
    ----------
    where : object
        The place of the disagreement: a degree (int) for a series, an exponent
        tuple for a multivariate series, a pair of index labels for a matrix,
        a description of the local configuration for a rule check.
    left, right : object
        The values of the two methods there (exact numbers where numeric).

    Examples
    --------
    >>> m = Mismatch(4, 5, 4)
    >>> m
    Mismatch(where=4, left=5, right=4)
    >>> m.degree          # the name series comparisons use for ``where``
    4
    >>> str(m)
    'first mismatch at degree 4: 5 != 4'
    """

    where: Any
    left: Any
    right: Any

    @property
    def degree(self) -> Any:
        """``where``, under the name series comparisons use."""
        return self.where

    def __repr__(self) -> str:
        return f"Mismatch(where={_repr(self.where)}, left={_repr(self.left)}, right={_repr(self.right)})"

    def __str__(self) -> str:
        at = f"degree {_short(self.where)}" if isinstance(self.where, int) else _short(self.where)
        return f"first mismatch at {at}: {_short(self.left)} != {_short(self.right)}"

    def __hash__(self) -> int:
        try:
            return hash((self.where, self.left, self.right))
        except TypeError:  # unhashable payload (e.g. a dict of coefficients)
            return hash(repr(self.where))

    def to_dict(self) -> dict[str, Any]:
        """``{"where": ..., "left": ..., "right": ...}`` with JSON values (see [`to_jsonable`][to_jsonable])."""
        from combalg.core.encoding import to_jsonable

        return {"where": to_jsonable(self.where), "left": to_jsonable(self.left),
                "right": to_jsonable(self.right)}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Mismatch:
        """Invert [`to_dict`][to_dict] (lists become tuples, ``"p/q"`` strings Fractions)."""
        if not isinstance(d, Mapping) or not {"where", "left", "right"} <= set(d):
            raise InvalidInputError(f"invalid mismatch {short_repr(d)}: expected a dict with keys where, left, right")
        return cls(_decode(d["where"]), _decode(d["left"]), _decode(d["right"]))


_RATIONAL = re.compile(r"^-?\d+/\d+$")


def _decode(value: Any, depth: int = 0) -> Any:
    """JSON value -> Python value: lists to tuples, ``"p/q"`` strings to Fractions (recursively)."""
    if depth > _MAX_NESTING:
        raise InvalidInputError(f"invalid value nested more than {_MAX_NESTING} levels deep: expected a JSON value")
    if isinstance(value, str) and _RATIONAL.match(value):
        return Fraction(value)
    if isinstance(value, list):
        return tuple(_decode(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return {k: _decode(v, depth + 1) for k, v in value.items()}
    return value


# nesting that _decode converts (as combalg.core.encoding.to_jsonable writes)
_MAX_NESTING = 200


def _repr(value: Any) -> str:
    """``repr(value)``; a short form for values whose repr fails (deep nesting, huge ints)."""
    try:
        return repr(value)
    except (RecursionError, ValueError):
        return short_repr(value)


def _differ(a: Any, b: Any, where: Any) -> bool:
    """``a != b`` as a bool, or InvalidInputError when the comparison has no truth value."""
    try:
        return bool(a != b)
    except RecursionError:
        raise InvalidInputError(
            f"invalid entries at {short_repr(where)}: nested too deeply to compare") from None
    except (ValueError, TypeError):  # e.g. numpy arrays: elementwise comparison
        raise InvalidInputError(
            f"invalid entries {short_repr(a)} and {short_repr(b)} at {short_repr(where)}: "
            "their comparison has no single truth value (compare plain numbers, tuples or lists)"
        ) from None


def _short(value: Any, limit: int = 60) -> str:
    try:
        text = str(value)
    except (RecursionError, ValueError):  # deep nesting; ints past Python's digit limit
        text = short_repr(value)
    text = " ".join(text.splitlines())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _param_text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "(" + ", ".join(map(_param_text, value)) + ")"
    return str(value)


@dataclass(frozen=True, eq=True)
class CheckResult:
    """The outcome of comparing two independent computations of one identity.

    Parameters
    ----------
    name : str
        What was checked (e.g. ``"Borodin's product"``).
    parameters : dict
        The check's arguments, as plain JSON values (ints, strings, lists;
        rationals as strings like ``"-3/4"``).  Non-JSON values passed here are
        converted with [`combalg.core.encoding.to_jsonable`][combalg.core.encoding.to_jsonable].
    methods : (str, str)
        The two methods compared: ``(left, right)``.
    first_mismatch : Mismatch or None
        The first disagreement, ``None`` when the two methods agree.
    seconds : float
        Wall time of the whole check.
    side_seconds : (float, float) or None
        Wall time of each side, when timed separately.
    left, right : object, optional
        The two computed sides when the check keeps them (not part of equality).

    Notes
    -----
    ``bool(result)`` is ``result.ok``, so ``if check_xyz(...):`` reads as
    "the identity holds".  Equality compares every field except ``left`` and
    ``right``; the hash uses only ``name``, ``methods`` and ``ok``.

    Examples
    --------
    >>> r = CheckResult("identity", {"N": 3, "q": "1/3"}, ("closed form", "kernel"),
    ...                 Mismatch(((0, 1), (1, 0)), 0, "1/2"), 0.25)
    >>> r.ok, r.parameters["q"]
    (False, '1/3')
    >>> r.to_dict()["first_mismatch"]
    {'where': [[0, 1], [1, 0]], 'left': 0, 'right': '1/2'}
    """

    name: str
    parameters: dict = field(default_factory=dict)
    methods: tuple = ("left", "right")
    first_mismatch: Mismatch | None = None
    seconds: float = 0.0
    side_seconds: tuple | None = None
    left: Any = field(default=None, compare=False)
    right: Any = field(default=None, compare=False)

    def __post_init__(self) -> None:
        from combalg.core.encoding import to_jsonable

        if not isinstance(self.name, str):
            raise InvalidInputError(f"invalid name {short_repr(self.name)}: expected a string")
        if not isinstance(self.parameters, Mapping):
            raise InvalidInputError(f"invalid parameters {short_repr(self.parameters)}: expected a dict")
        object.__setattr__(self, "parameters", {str(k): to_jsonable(v) for k, v in self.parameters.items()})
        methods = self.methods
        if not isinstance(methods, (tuple, list)) or len(methods) != 2 or not all(isinstance(m, str) for m in methods):
            raise InvalidInputError(f"invalid methods {short_repr(self.methods)}: expected a pair of method names")
        object.__setattr__(self, "methods", tuple(methods))
        if self.first_mismatch is not None and not isinstance(self.first_mismatch, Mismatch):
            raise InvalidInputError(
                f"invalid first_mismatch {short_repr(self.first_mismatch)}: expected a Mismatch or None")
        object.__setattr__(self, "seconds", seconds_arg("seconds", self.seconds))
        if self.side_seconds is not None:
            side = self.side_seconds
            if not isinstance(side, (tuple, list)) or len(side) != 2:
                raise InvalidInputError(
                    f"invalid side_seconds {short_repr(side)}: expected None or a pair of times in seconds")
            object.__setattr__(self, "side_seconds", tuple(seconds_arg("side_seconds", s) for s in side))

    # -- the verdict ----------------------------------------------------------
    @property
    def ok(self) -> bool:
        """Whether the two methods agree on everything compared."""
        return self.first_mismatch is None

    def __bool__(self) -> bool:
        return self.ok

    def __hash__(self) -> int:
        return hash((self.name, self.methods, self.ok))

    @property
    def left_seconds(self) -> float:
        """Wall time of the left side (the whole check if the sides were not timed apart)."""
        return self.side_seconds[0] if self.side_seconds else self.seconds

    @property
    def right_seconds(self) -> float:
        """Wall time of the right side (0 if the sides were not timed apart)."""
        return self.side_seconds[1] if self.side_seconds else 0.0

    # -- display --------------------------------------------------------------
    def _head(self) -> str:
        params = ", ".join(f"{k}={_param_text(v)}" for k, v in self.parameters.items())
        return f"{self.name} ({params})" if params else self.name

    def __str__(self) -> str:
        """One line: the identity and its parameters, the verdict, the time."""
        a, b = self.methods
        if self.ok:
            verdict = f"OK, {a} = {b}"
        else:
            m = self.first_mismatch
            verdict = f"MISMATCH at {_short(m.where)}: {_short(m.left)} ({a}) != {_short(m.right)} ({b})"
        return " ".join(f"{self._head()}: {verdict} [{self.seconds:.3f} s]".splitlines())

    def __repr__(self) -> str:
        return f"<CheckResult {self}>"

    def _repr_latex_(self) -> str:
        from combalg.core.latex import escape_text

        a, b = (escape_text(m) for m in self.methods)
        if self.ok:
            verdict = r"\checkmark\ \text{" + f"{a} = {b}" + "}"
        else:
            m = self.first_mismatch
            verdict = (r"\times\ \text{" + escape_text(
                f"mismatch at {_short(m.where)}: {_short(m.left)} ({self.methods[0]}) != "
                f"{_short(m.right)} ({self.methods[1]})") + "}")
        return (r"$\text{" + escape_text(self._head()) + r"}:\ " + verdict
                + r"\ \text{" + f"[{self.seconds:.3f} s]" + "}$")

    def _latex(self, printer: Any = None) -> str:
        """What ``sympy.latex(result)`` prints: the same as the Jupyter display."""
        return self._repr_latex_()[1:-1]

    def _repr_html_(self) -> str:
        colour = "#1a7f37" if self.ok else "#cf222e"
        mark = "&#10003;" if self.ok else "&#10007;"
        a, b = (html.escape(m) for m in self.methods)
        if self.ok:
            verdict = f"{a} = {b}"
        else:
            m = self.first_mismatch
            verdict = html.escape(f"mismatch at {_short(m.where)}: {_short(m.left)} ({self.methods[0]}) "
                                  f"!= {_short(m.right)} ({self.methods[1]})")
        return (f'<span style="color:{colour};font-weight:bold">{mark}</span> '
                f"<b>{html.escape(self._head())}</b>: {verdict} "
                f'<span style="color:gray">[{self.seconds:.3f} s]</span>')

    # -- JSON -----------------------------------------------------------------
    def to_dict(self, include_sides: bool = False) -> dict[str, Any]:
        """A JSON-serialisable dict (``json.dumps(result.to_dict())`` works).

        Keys: ``name``, ``ok``, ``parameters``, ``methods``, ``first_mismatch``
        (``None`` or ``{"where", "left", "right"}``), ``seconds``, ``side_seconds``;
        with ``include_sides=True`` also ``left`` and ``right`` (the computed
        sides, which can be large).
        """
        from combalg.core.encoding import to_jsonable
        from combalg.core.validation import flag_arg

        include_sides = flag_arg("include_sides", include_sides)
        d: dict[str, Any] = {
            "name": self.name,
            "ok": self.ok,
            "parameters": dict(self.parameters),
            "methods": list(self.methods),
            "first_mismatch": None if self.first_mismatch is None else self.first_mismatch.to_dict(),
            "seconds": self.seconds,
            "side_seconds": None if self.side_seconds is None else list(self.side_seconds),
        }
        if include_sides:
            d["left"] = to_jsonable(self.left)
            d["right"] = to_jsonable(self.right)
        return d

    def _jsonable_(self) -> dict[str, Any]:
        return self.to_dict()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> CheckResult:
        """Invert [`to_dict`][to_dict]: ``CheckResult.from_dict(r.to_dict()) == r``.

        Mismatch values come back as Python values (JSON lists as tuples,
        rational strings ``"p/q"`` as Fractions); parameters stay JSON values.
        """
        if not isinstance(d, Mapping) or not {"name", "methods"} <= set(d):
            raise InvalidInputError(f"invalid check result {short_repr(d)}: expected a dict from CheckResult.to_dict()")
        fm = d.get("first_mismatch")
        side = d.get("side_seconds")
        return cls(
            name=d["name"],
            parameters=dict(d.get("parameters") or {}),
            methods=tuple(d["methods"]),
            first_mismatch=None if fm is None else Mismatch.from_dict(fm),
            seconds=d.get("seconds", 0.0),
            side_seconds=None if side is None else tuple(side),
            left=_decode(d["left"]) if "left" in d else None,
            right=_decode(d["right"]) if "right" in d else None,
        )


def first_difference(left: Sequence[Any], right: Sequence[Any]) -> Mismatch | None:
    """The first index where two sequences differ (a missing entry is ``None``), or ``None``.

    Examples
    --------
    >>> first_difference([1, 2, 3], [1, 2, 4])
    Mismatch(where=2, left=3, right=4)
    >>> first_difference([1, 2], [1, 2]) is None
    True
    """
    from combalg.core.validation import sequence_arg

    if not isinstance(left, str):  # texts compare by characters
        left = sequence_arg("left", left)
    if not isinstance(right, str):
        right = sequence_arg("right", right)
    for d, (a, b) in enumerate(zip(left, right)):
        if _differ(a, b, d):
            return Mismatch(d, a, b)
    if len(left) != len(right):
        d = min(len(left), len(right))
        return Mismatch(d, left[d] if d < len(left) else None, right[d] if d < len(right) else None)
    return None
