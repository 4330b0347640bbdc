"""The table registry: [`make`][make] builds any table ``combalg table NAME`` prints.

Each table lives in a module ``combalg.tables.<name>`` that defines ``NAME``,
``HELP``, ``PARAMETERS`` (a tuple of [`Param`][Param]) and ``build(**params) ->
Table``.  [`make`][make] checks and normalizes the parameters (Python values or
the command line's text, e.g. ``N="1..8"`` or ``N=range(1, 9)``), builds the
table and records the wall time and the equivalent command line; the command
line is a thin layer over it.
"""

from __future__ import annotations

import importlib
import time
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Callable, Iterable

from combalg.core.errors import InvalidInputError

__all__ = ["Param", "make", "table_names", "table_parameters", "TABLE_MODULES", "int_list", "str_list",
           "rational_list"]

#: table modules, in the order shown by ``combalg table --help``
TABLE_MODULES = (
    "combalg.tables.cylindric",
    "combalg.tables.asm",
    "combalg.tables.linking",
    "combalg.tables.free",
)


@dataclass(frozen=True)
class Param:
    """One parameter of a table: its Python keyword (and ``--keyword`` on the command line).

    Attributes
    ----------
    name : str
        Keyword of [`make`][make]; the command-line option is ``--name`` (``_``
        as ``-``); a boolean with default ``True`` is switched off by
        ``--no-name``.
    default : object
        The default value (already normalized).
    help : str
        One line for ``--help``; states the documented maximum.
    normalize : callable
        ``value -> value``: accepts the Python value or the command-line text,
        returns the canonical value or raises [`InvalidInputError`][InvalidInputError].
    """

    name: str
    default: Any
    help: str
    normalize: Callable[[Any], Any]

    @property
    def is_flag(self) -> bool:
        return isinstance(self.default, bool)

    @property
    def option(self) -> str:
        stem = self.name.replace("_", "-")
        if self.is_flag and self.default:
            return f"--no-{stem}"
        return f"--{stem}"


def _module(name: str):
    for modname in TABLE_MODULES:
        mod = importlib.import_module(modname)
        if mod.NAME == name:
            return mod
    raise InvalidInputError(f"invalid table name {name!r}: expected one of {', '.join(table_names())}")


def table_names() -> list[str]:
    """The names of the tables, as in ``combalg table NAME``.

    >>> table_names()
    ['cylindric', 'asm', 'linking', 'free']
    """
    return [importlib.import_module(m).NAME for m in TABLE_MODULES]


def table_parameters(name: str) -> dict[str, Any]:
    """The parameters of the table ``name`` with their defaults.

    >>> table_parameters("asm")
    {'n': [1, 2, 3, 4, 5, 6, 7, 8], 'x': [1, 2, 3], 'distribution': False}
    """
    return {p.name: p.default for p in _module(name).PARAMETERS}


def _cli_text(name: str, params: dict[str, Any], spec: Iterable[Param]) -> str:
    words = ["combalg", "table", name]
    for p in spec:
        value = params[p.name]
        if value == p.default:
            continue
        if p.is_flag:
            words.append(p.option)
        else:
            shown = value if not isinstance(value, (list, tuple)) else ",".join(
                str(v) for v in value)
            words += [f"--{p.name.replace('_', '-')}", str(shown)]
    return " ".join(words)


def make(name: str, **params: Any):
    """Build the table ``name`` (the same table as ``combalg table NAME``).

    Parameters
    ----------
    name : str
        One of [`table_names`][table_names]: ``cylindric``, ``asm``, ``linking``, ``free``.
    **params
        The table's parameters ([`table_parameters`][table_parameters] lists them with their
        defaults); the keywords are the command line's options without the
        dashes, e.g. ``make("free", N=range(1, 5), methods=False)`` for
        ``combalg table free --N 1..4 --no-methods``.  Lists may also be given
        as the command line's text (``N="1..4"``).

    Returns
    -------
    Table
        With its provenance: parameters, wall time and the equivalent command line.

    Raises
    ------
    InvalidInputError
        For an unknown table or parameter (the message lists the valid ones) or
        an invalid value.

    Examples
    --------
    >>> from combalg.tables import make
    >>> t = make("asm", n=range(1, 6), x=[2])
    >>> t.columns
    ['n', 'A_n (product formula)', 'A(n; 2)', 'transfer = formula']
    >>> [row[2] for row in t.rows]
    [1, 2, 8, 64, 1024]
    >>> t.provenance()["source"]
    'combalg table asm --n 1,2,3,4,5 --x 2'
    >>> make("asm", size=3)
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid parameter 'size' of table 'asm': expected one of n, x, distribution
    """
    mod = _module(name)
    spec = mod.PARAMETERS
    valid = [p.name for p in spec]
    for key in params:
        if key not in valid:
            raise InvalidInputError(
                f"invalid parameter {key!r} of table {name!r}: expected one of {', '.join(valid)}")
    values = {p.name: p.normalize(params[p.name]) if p.name in params else p.default for p in spec}
    t0 = time.perf_counter()
    table = mod.build(**values)
    table.wall_time = time.perf_counter() - t0
    table.parameters = {k: values[k] for k in valid}
    table.source = _cli_text(name, values, spec)
    return table


# -- normalizers shared by the table modules -------------------------------------------


def int_list(name: str, lo: int, hi: int | None = None) -> Callable[[Any], list[int]]:
    """A normalizer: ``"1..8"``, ``"2,4"``, ``7``, ``range(1, 9)`` or a list -> a list of ints in ``lo..hi``.

    >>> int_list("N", 1, 64)("1..3"), int_list("N", 1, 64)(range(2, 4)), int_list("N", 1, 64)(5)
    ([1, 2, 3], [2, 3], [5])
    """
    expected = f"a nonempty range A..B or list of integers in {lo}..{hi}" if hi is not None else \
        f"a nonempty range A..B or list of integers >= {lo}"

    def normalize(value: Any) -> list[int]:
        if isinstance(value, str):
            text = value.strip()
            try:
                if ".." in text:
                    a, b = (int(x) for x in text.split("..", 1))
                    if b >= a and (a < lo or (hi is not None and b > hi)):  # refused before the list is built
                        raise InvalidInputError(f"invalid {name} {value!r}: expected {expected}")
                    values = list(range(a, b + 1)) if b >= a else []
                else:
                    values = [int(x) for x in text.split(",") if x.strip()]
            except ValueError:
                raise InvalidInputError(f"invalid {name} {value!r}: expected {expected}") from None
        elif isinstance(value, int) and not isinstance(value, bool):
            values = [value]
        else:
            if isinstance(value, range) and value and (  # ends read in O(1), without listing it (or len())
                    min(value[0], value[-1]) < lo or (hi is not None and max(value[0], value[-1]) > hi)):
                raise InvalidInputError(f"invalid {name} {value!r}: expected {expected}")
            try:
                values = list(value)
            except TypeError:
                raise InvalidInputError(f"invalid {name} {value!r}: expected {expected}") from None
            if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
                raise InvalidInputError(f"invalid {name} {value!r}: expected {expected}")
        if not values or any(v < lo or (hi is not None and v > hi) for v in values):
            raise InvalidInputError(f"invalid {name} {value!r}: expected {expected}")
        return values

    return normalize


def str_list(name: str, expected: str, max_len: int | None = None) -> Callable[[Any], list[str]]:
    """A normalizer: ``"a,b"`` or a list of strings -> a nonempty list of stripped strings."""

    def normalize(value: Any) -> list[str]:
        items = value.split(",") if isinstance(value, str) else list(value) if not isinstance(value, bytes) else None
        if items is None or not all(isinstance(v, str) for v in items):
            raise InvalidInputError(f"invalid {name} {value!r}: expected {expected}")
        items = [v.strip() for v in items if v.strip()]
        if not items or (max_len is not None and len(items) > max_len):
            raise InvalidInputError(f"invalid {name} {value!r}: expected {expected}")
        return items

    return normalize


def rational_list(name: str, max_len: int) -> Callable[[Any], list]:
    """A normalizer: ``"1,2,1/2"`` or a list of ints/Fractions -> exact values (never floats).

    >>> rational_list("x", 6)("1, -2, 1/2")
    [1, -2, Fraction(1, 2)]
    """
    expected = f"1 to {max_len} integers or fractions, e.g. 1,2,1/2 (no floats)"

    def normalize(value: Any) -> list:
        from combalg.core.parsing import parse_entry

        if isinstance(value, str):
            parts = [p.strip() for p in value.split(",")]
            if any(not p for p in parts):
                raise InvalidInputError(f"invalid {name} {value!r}: expected {expected}")
            try:
                items = [parse_entry(p) for p in parts]
            except InvalidInputError:
                raise InvalidInputError(f"invalid {name} {value!r}: expected {expected}") from None
        else:
            items = [value] if isinstance(value, (int, Fraction)) else list(value)
            try:
                items = [parse_entry(v) if isinstance(v, str) else v for v in items]
            except InvalidInputError:
                raise InvalidInputError(f"invalid {name} {value!r}: expected {expected}") from None
            if not all(isinstance(v, (int, Fraction)) and not isinstance(v, bool) for v in items):
                raise InvalidInputError(f"invalid {name} {value!r}: expected {expected}")
        items = [int(v) if isinstance(v, Fraction) and v.denominator == 1 else v for v in items]
        if not 1 <= len(items) <= max_len:
            raise InvalidInputError(f"invalid {name} {value!r}: expected {expected}")
        return items

    return normalize


def flag(name: str) -> Callable[[Any], bool]:
    """A normalizer for a boolean parameter (``True``/``False`` only)."""

    def normalize(value: Any) -> bool:
        if not isinstance(value, bool):
            raise InvalidInputError(f"invalid {name} {value!r}: expected True or False")
        return value

    return normalize
