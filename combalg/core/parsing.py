"""Safe parsers for user text: 0/1 profiles, matrices and polynomial expressions.

Nothing here evaluates text: there is no ``eval``, ``exec`` or
``sympy.sympify``.  Expressions go through a small tokenizer and a
precedence-climbing parser into an immutable syntax tree ([`Expr`][Expr]),
which [`expr_to_laurent`][expr_to_laurent] and [`expr_to_sympy`][expr_to_sympy] then turn into
mathematical objects.  Every parse error is an
[`InvalidInputError`][combalg.core.errors.InvalidInputError] (more precisely a
[`ParseError`][ParseError]) whose message shows the position with a caret line.
Text length, nesting depth, exponents and integer literals are bounded, so
hostile input cannot make the parser hang.

Grammar of expressions (``^`` and ``**`` are the same operator):

    equation   := expression "=" expression
    expression := term (("+" | "-") term)*
    term       := unary (("*" | "/") unary)*          divisors: constants or monomials
    unary      := ("-" | "+") unary | power
    power      := primary (("^" | "**") exponent)?
    exponent   := ["-" | "+"] INTEGER | "(" ["-" | "+"] INTEGER ")"
    primary    := NUMBER | NAME | NAME "[" index ("," index)* "]" | "(" expression ")"
    index      := integer combination of names and integers, e.g. m-4 or 2*i+1

Examples
--------
>>> e = parse_expression("x[m]*x[m-4] - 3/4*y^-2")
>>> e.terms[0]
Mul(factors=(Indexed(base='x', indices=(Name(name='m'),)), Indexed(base='x', indices=(Add(terms=(Name(name='m'), Neg(operand=Num(value=4)))),))), divisors=())
>>> print(e)
x[m]*x[m - 4] - 3/4*y^-2
>>> parse_profile("0,1 1 0")
(0, 1, 1, 0)
>>> parse_matrix("1 2; 3/4 0.5")
[[1, 2], [Fraction(3, 4), Fraction(1, 2)]]
>>> parse_expression("__import__('os')")
Traceback (most recent call last):
...
combalg.core.parsing.ParseError: invalid expression at position 1: names must start with a letter (no leading underscore)
    __import__('os')
    ^
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass, field, fields
from fractions import Fraction
from typing import Any, Iterator, Mapping, Sequence

from combalg.core.bignum import fraction_text, int_text, short_repr
from combalg.core.errors import InvalidInputError, ResourceLimitError
from combalg.core.limits import default as _default
from combalg.core.limits import exceeded as _exceeded
from combalg.core.limits import get as _limit
from combalg.core.validation import nonnegative_int

__all__ = [
    "ParseError",
    "Expr",
    "Num",
    "Name",
    "Indexed",
    "Neg",
    "Add",
    "Mul",
    "Pow",
    "parse_profile",
    "parse_matrix",
    "parse_labelled_matrix",
    "parse_entry",
    "parse_int_range",
    "refuse_long_numbers",
    "parse_expression",
    "parse_equation",
    "evaluate_integer",
    "expression_size_bound",
    "expr_to_laurent",
    "expr_to_sympy",
    "MAX_TEXT_LENGTH",
    "MAX_MATRIX_TEXT_LENGTH",
    "MAX_DEPTH",
    "MAX_EXPONENT",
    "MAX_DIGITS",
    "MAX_COEFFICIENT_BITS",
]

# The defaults of the limits below live in combalg.core.limits (limit names in
# brackets), where they can be changed for a block of code with
# ``combalg.core.limits.limits(...)``; the checks read the value in force.

#: Longest expression or profile text accepted (characters) [text_length].
MAX_TEXT_LENGTH = _default("text_length")
#: Longest matrix text accepted (characters) [matrix_text_length].  Matrix parsing
#: takes time and memory linear in the text (about 1.5 s per 10 MB of integers).
MAX_MATRIX_TEXT_LENGTH = _default("matrix_text_length")
#: Deepest nesting of parentheses, brackets and unary signs in an expression [parse_depth].
MAX_DEPTH = _default("parse_depth")
#: Largest absolute value of an exponent in an expression [parse_exponent].
MAX_EXPONENT = _default("parse_exponent")
#: Most digits in one integer literal (and largest decimal exponent in a matrix entry) [parse_digits].
MAX_DIGITS = _default("parse_digits")
#: Largest coefficient size (bits, estimated before any arithmetic) that
#: [`expr_to_laurent`][expr_to_laurent] and [`expr_to_sympy`][expr_to_sympy] build from an expression;
#: ``(10^1000)^10000`` is refused with a ResourceLimitError [coefficient_bits].
MAX_COEFFICIENT_BITS = _default("coefficient_bits")
#: Most digits that the decimal exponents of one matrix text may add in all
#: (``1e-1000`` adds 1000): keeps the memory of a parsed matrix linear in its text.
MAX_EXPONENT_DIGITS_PER_MATRIX = 10**7


class ParseError(InvalidInputError):
    """A parse error; ``position`` is the 0-based offset in ``text``."""

    def __init__(self, message: str, text: str = "", position: int | None = None) -> None:
        super().__init__(message)
        self.text = text
        self.position = position


def _caret(text: str, pos: int) -> tuple[str, str]:
    """(location description, two-line excerpt with a caret under ``pos``)."""
    pos = max(0, min(pos, len(text)))
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    if end < 0:
        end = len(text)
    line = text[start:end]
    col = pos - start
    lineno = text.count("\n", 0, pos) + 1
    # keep long lines readable: a window around the column
    lo = max(0, col - 40)
    hi = min(len(line), col + 40)
    shown = ("..." if lo > 0 else "") + line[lo:hi] + ("..." if hi < len(line) else "")
    caret_col = col - lo + (3 if lo > 0 else 0)
    shown = "".join(ch if ch.isprintable() else "?" for ch in shown)
    if "\n" in text:
        where = f"line {lineno}, column {col + 1}"
    else:
        where = f"position {pos + 1}"
    return where, f"    {shown}\n    {' ' * caret_col}^"


def _fail(what: str, text: str, pos: int, message: str) -> ParseError:
    where, excerpt = _caret(text, pos)
    return ParseError(f"invalid {what} at {where}: {message}\n{excerpt}", text, pos)


def _check_text(text: Any, what: str, limit_name: str) -> str:
    if not isinstance(text, str):
        raise InvalidInputError(f"invalid {what} {short_repr(text)}: expected a string")
    limit = _limit(limit_name)
    if limit is not None and len(text) > limit:
        raise _exceeded(limit_name, f"a {what} text of {len(text)} characters")
    return text


def _choice(name: str, value: Any, options: tuple[str, ...]) -> str:
    """``value`` if it is one of the strings ``options``, else InvalidInputError."""
    if not isinstance(value, str) or value not in options:
        raise InvalidInputError(
            f"invalid {name} {short_repr(value)}: expected {', '.join(map(repr, options[:-1]))} or {options[-1]!r}"
        )
    return value


def _variables_arg(variables: Any) -> set[str]:
    """The allowed names of an expression as a set of strings, else InvalidInputError."""
    from combalg.core.validation import sequence_arg

    names = sequence_arg("variables", variables)
    for v in names:
        if not isinstance(v, str):
            raise InvalidInputError(
                f"invalid variables {short_repr(variables)}: the item {short_repr(v)} is not a string"
            )
    return set(names)


def _digits_limit() -> int:
    d = _limit("parse_digits")
    return 10**12 if d is None else d


def refuse_long_numbers(text: str, what: str = "text") -> None:
    """Refuse a number longer than the ``parse_digits`` limit, at its position (one linear scan).

    Every run of digits in ``text`` counts, as the parsers read them.

    Raises
    ------
    ParseError
        An [`InvalidInputError`][combalg.core.errors.InvalidInputError] naming the position.

    Examples
    --------
    >>> refuse_long_numbers("[1, 22, 333]")
    >>> refuse_long_numbers("[1, " + "9" * 1001 + "]", "matrix")
    Traceback (most recent call last):
    ...
    combalg.core.parsing.ParseError: invalid matrix at position 5: a number with 1001 digits; the limit is parse_digits = 1000 (see combalg.core.limits)
    ...
    """
    if not isinstance(what, str):
        raise InvalidInputError(f"invalid what {short_repr(what)}: expected a string naming the text")
    if not isinstance(text, str):
        raise InvalidInputError(f"invalid {what} of type {type(text).__name__}: expected text")
    d = _digits_limit()
    m = _long_run(d).search(text)
    if m is not None:
        raise _fail(what, text, m.start(), f"a number with {m.end() - m.start()} digits; "
                    f"the limit is parse_digits = {d} (see combalg.core.limits)")


_LONG_RUNS: dict[int, re.Pattern[str]] = {}


def _long_run(d: int) -> re.Pattern[str]:
    pat = _LONG_RUNS.get(d)
    if pat is None:
        # beyond the regex engine's largest repeat count nothing can be that long anyway
        pat = _LONG_RUNS[d] = re.compile(f"[0-9]{{{d + 1},}}" if d < 2**31 else "(?!)")
    return pat


# ---------------------------------------------------------------------------
# profiles
# ---------------------------------------------------------------------------

def parse_profile(text: str | Sequence[int]) -> tuple[int, ...]:
    """Parse a 0/1 profile such as ``"0101"``, ``"0 1 0 1"`` or ``"(0, 1, 0, 1)"``.

    Whitespace and commas between the digits are ignored, and one enclosing
    pair of ``()`` or ``[]`` is allowed.  A sequence of 0/1 integers is
    accepted too.

    Parameters
    ----------
    text : str or sequence of int

    Returns
    -------
    tuple of int
        The digits, each 0 or 1 (at least one).

    Raises
    ------
    InvalidInputError
        For any other character (the message shows its position), or an
        empty profile.

    Examples
    --------
    >>> parse_profile("[0, 1, 1]")
    (0, 1, 1)
    >>> parse_profile("01x1")
    Traceback (most recent call last):
    ...
    combalg.core.parsing.ParseError: invalid profile at position 3: unexpected character 'x'; expected 0 or 1
        01x1
          ^
    """
    if not isinstance(text, str):
        if isinstance(text, (list, tuple)) and all(
            type(d) is int and d in (0, 1) for d in text
        ) and len(text) > 0:
            return tuple(text)
        raise InvalidInputError(f"invalid profile {short_repr(text)}: expected a string or a nonempty sequence of 0/1")
    _check_text(text, "profile", "text_length")
    stripped = text.strip()
    offset = len(text) - len(text.lstrip())
    body_start, body_end = offset, offset + len(stripped)
    if stripped[:1] in ("(", "["):
        close = ")" if stripped[0] == "(" else "]"
        if not stripped.endswith(close):
            raise _fail("profile", text, body_end, f"expected a closing {close!r}")
        body_start += 1
        body_end -= 1
    digits = []
    for pos in range(body_start, body_end):
        ch = text[pos]
        if ch in "01":
            digits.append(int(ch))
        elif ch.isspace() or ch == ",":
            continue
        else:
            raise _fail("profile", text, pos, f"unexpected character {ch!r}; expected 0 or 1")
    if not digits:
        raise _fail("profile", text, body_start, "expected at least one digit 0 or 1")
    return tuple(digits)


# ---------------------------------------------------------------------------
# numbers and matrices
# ---------------------------------------------------------------------------

_INT = re.compile(r"[+-]?[0-9]+\Z")
_SMALL_INT = re.compile(r"-?[0-9]+\Z")
_RATIONAL = re.compile(r"([+-]?[0-9]+)/([0-9]+)\Z")
_DECIMAL = re.compile(r"([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?\Z")


def parse_entry(token: str, domain: str = "QQ") -> int | Fraction:
    """Parse one exact number: ``-3``, ``3/4``, ``0.5`` or ``1.5e-3``.

    Decimals are converted exactly (``0.1`` is ``Fraction(1, 10)``).

    Parameters
    ----------
    token : str
    domain : {"QQ", "ZZ"}
        Over ZZ a non-integral value is an error.

    Returns
    -------
    int or Fraction
        An int when the value is integral, otherwise a Fraction.

    Raises
    ------
    InvalidInputError
        If ``token`` is not such a number, has a zero denominator, has too
        many digits, or is not integral over ZZ.

    Examples
    --------
    >>> parse_entry("-6/4"), parse_entry("2.50"), parse_entry("1e3")
    (Fraction(-3, 2), Fraction(5, 2), 1000)
    >>> parse_entry("1/2", domain="ZZ")
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid entry '1/2': expected an integer
    """
    _choice("domain", domain, ("QQ", "ZZ"))
    if not isinstance(token, str):
        raise InvalidInputError(f"invalid entry {short_repr(token)}: expected a string")
    return _entry(token.strip(), domain, _digits_limit())


def _entry(s: str, domain: str, max_digits: int, budget: list[int] | None = None) -> int | Fraction:
    """parse_entry on a stripped token, with the digit limit already read."""
    if len(s) <= 18 and _SMALL_INT.match(s):  # the common case, fast
        return int(s)
    if len(s) > 2 * max_digits + 10:
        raise InvalidInputError(
            f"invalid entry {s[:20]!r}...: {len(s)} characters; expected a number of at most {max_digits} digits"
        )
    if _long_run(max_digits).search(s):
        raise InvalidInputError(f"invalid entry {s[:20]!r}...: a number with more than {max_digits} digits")
    value: int | Fraction
    if _INT.match(s):
        value = _json_int(s)
    elif (m := _RATIONAL.match(s)) is not None:
        den = _json_int(m.group(2))
        if den == 0:
            raise InvalidInputError(f"invalid entry {s!r}: zero denominator")
        value = Fraction(_json_int(m.group(1)), den)
    elif (m := _DECIMAL.match(s)) is not None and (m.group(2) or m.group(3)) and (
        m.group(3) is not None or m.group(4) is not None
    ):
        sign, whole, frac, exp = m.group(1), m.group(2) or "0", m.group(3) or "", m.group(4)
        e = int(exp) if exp else 0
        if abs(e) > max_digits:
            raise InvalidInputError(f"invalid entry {s!r}: exponent larger than {max_digits} in absolute value")
        if budget is not None and e:
            budget[0] -= abs(e)
            if budget[0] < 0:
                raise ResourceLimitError(
                    f"the decimal exponents of the matrix add more than {MAX_EXPONENT_DIGITS_PER_MATRIX} digits "
                    f"in all (e.g. {s!r}); write such entries as fractions, or split the matrix"
                )
        value = Fraction(_json_int(whole + frac), 10 ** len(frac)) * Fraction(10) ** e
        if sign == "-":
            value = -value
    else:
        raise InvalidInputError(
            f"invalid entry {s!r}: expected an integer, a fraction like 3/4 or a decimal like 0.5"
        )
    if isinstance(value, Fraction) and value.denominator == 1:
        value = int(value)
    if domain == "ZZ" and not isinstance(value, int):
        raise InvalidInputError(f"invalid entry {s!r}: expected an integer")
    return value


_TEXT_TOKEN = re.compile(r"#[^\n]*|[\n;]|[^\s,;#]+")


def _text_rows(text: str, domain: str, what: str) -> list[list[int | Fraction]]:
    """Rows separated by newlines or ';', entries by whitespace or commas (one regex scan)."""
    n = len(text)
    start = 0
    end = n
    # one optional enclosing pair of brackets, e.g. "[1 2; 3 4]"
    lead = len(text) - len(text.lstrip())
    trail = len(text.rstrip())
    if lead < n and text[lead] == "[" and text[trail - 1] == "]":
        start, end = lead + 1, trail - 1
    digits = _digits_limit()
    budget = [MAX_EXPONENT_DIGITS_PER_MATRIX]
    rows: list[list[int | Fraction]] = []
    # fast path: lines of plain integers separated by spaces (most large inputs)
    plain = _PLAIN_INT_LINE.match
    offset = start
    slow: list[tuple[int, int]] = []  # (start, end) of the stretches that need the tokenizer
    if start == 0 and end == n:
        for line in text.split("\n"):
            if plain(line):
                try:
                    values = list(map(int, line.split()))
                except ValueError:
                    values = None
                if values is not None:
                    if values:
                        _flush_slow(slow, text, domain, what, digits, budget, rows)
                        rows.append(values)
                    offset += len(line) + 1
                    continue
            if slow and slow[-1][1] == offset - 1:
                slow[-1] = (slow[-1][0], offset + len(line))
            else:
                slow.append((offset, offset + len(line)))
            offset += len(line) + 1
        _flush_slow(slow, text, domain, what, digits, budget, rows)
    else:
        _flush_slow([(start, end)], text, domain, what, digits, budget, rows)
    if not rows:
        raise _fail(what, text, start, "expected at least one row of numbers")
    width = len(rows[0])
    for i, r in enumerate(rows):
        if len(r) != width:
            raise InvalidInputError(
                f"invalid {what}: row {i + 1} has {len(r)} entries; expected {width} like row 1"
            )
    return rows


_PLAIN_INT_LINE = re.compile(r"[0-9 \t\r-]*\Z")
_PLAIN_CSV_ROW = re.compile(r"[0-9,-]*\Z")


def _flush_slow(slow: list[tuple[int, int]], text: str, domain: str, what: str, digits: int,
                budget: list[int], rows: list[list[int | Fraction]]) -> None:
    """Tokenize the pending stretches of text (rows with ;, commas, comments, fractions ...)."""
    small = _SMALL_INT.match
    for a, b in slow:
        row: list[int | Fraction] = []
        for m in _TEXT_TOKEN.finditer(text, a, b):
            token = m.group()
            c = token[0]
            if c == "#":
                continue
            if c == "\n" or c == ";":
                if row:
                    rows.append(row)
                    row = []
                continue
            if len(token) <= 18 and small(token):
                row.append(int(token))
                continue
            try:
                row.append(_entry(token, domain, digits, budget))
            except InvalidInputError as exc:
                raise _fail(what, text, m.start(), str(exc).removeprefix("invalid ")) from None
        if row:
            rows.append(row)
    slow.clear()


def _csv_cells(text: str, what: str) -> list[list[str]]:
    if '"' not in text and "\r" not in text:
        # no quoting: splitting lines and commas is what the csv module would do, faster
        return [
            [c.strip() for c in line.split(",")]
            for line in text.split("\n")
            if line.strip(" \t,") and not line.lstrip(" \t").startswith("#")
        ]
    try:
        cells = [
            [c.strip() for c in r]
            for r in csv.reader(io.StringIO(text), skipinitialspace=True)
        ]
    except csv.Error as exc:
        raise InvalidInputError(f"invalid {what}: CSV error: {exc}") from None
    return [r for r in cells if any(c for c in r) and not r[0].startswith("#")]


def _csv_rows(cells: list[list[str]], domain: str, what: str, first_row: int = 1) -> list[list[int | Fraction]]:
    digits = _digits_limit()
    budget = [MAX_EXPONENT_DIGITS_PER_MATRIX]
    small = _SMALL_INT.match
    plain = _PLAIN_CSV_ROW.match
    rows = []
    for i, r in enumerate(cells):
        if plain(",".join(r)):
            try:
                rows.append(list(map(int, r)))
                continue
            except ValueError:  # an empty cell or a lone sign: reported below
                pass
        out = []
        for j, c in enumerate(r):
            if len(c) <= 18 and small(c):
                out.append(int(c))
                continue
            try:
                out.append(_entry(c.strip(), domain, digits, budget))
            except InvalidInputError as exc:
                raise InvalidInputError(
                    f"invalid {what} at row {i + first_row}, column {j + 1}: {str(exc).removeprefix('invalid ')}"
                ) from None
        rows.append(out)
    if not rows:
        raise InvalidInputError(f"invalid {what}: expected at least one row of numbers")
    for i, r in enumerate(rows):
        if len(r) != len(rows[0]):
            raise InvalidInputError(
                f"invalid {what}: row {i + first_row} has {len(r)} entries; expected {len(rows[0])}"
            )
    return rows


def parse_int_range(text: str, what: str = "range") -> list[int]:
    """Parse ``"1..8"``, ``"3"`` or ``"1,2,5"`` into a list of integers.

    The number of values is checked against the limit ``range_values`` of
    [`combalg.core.limits`][combalg.core.limits] before the list is built, so ``"1..1000000000"``
    costs nothing.

    Raises
    ------
    InvalidInputError
        For text that is not such a range or list (numbers of at most
        ``parse_digits`` digits).
    ResourceLimitError
        If the range has more values than the limit.

    Examples
    --------
    >>> parse_int_range("1..4"), parse_int_range("2, 5"), parse_int_range("-1..1")
    ([1, 2, 3, 4], [2, 5], [-1, 0, 1])
    >>> parse_int_range("1..1000000000")
    Traceback (most recent call last):
    ...
    combalg.core.errors.ResourceLimitError: the range '1..1000000000' with 1000000000 values is beyond the limit range_values = 100000 ...
    """
    if not isinstance(what, str):
        raise InvalidInputError(f"invalid what {short_repr(what)}: expected a string naming the range")
    if not isinstance(text, str):
        raise InvalidInputError(f"invalid {what} {short_repr(text)}: expected text such as 1..8 or 1,2,5")
    s = text.strip()
    refuse_long_numbers(s, what)
    bad = InvalidInputError(
        f"invalid {what} {short_repr(s)}: expected A..B with A <= B, or a comma-separated list of integers")
    if ".." in s:
        lo, hi = (part.strip() for part in s.split("..", 1))
        if not (_INT.match(lo) and _INT.match(hi)):
            raise bad
        a, b = int(lo), int(hi)
        if b < a:
            raise bad
        limit = _limit("range_values")
        if limit is not None and b - a + 1 > limit:
            raise _exceeded("range_values", f"the range {short_repr(s)} with {b - a + 1} values")
        return list(range(a, b + 1))
    parts = [part.strip() for part in s.split(",")]
    if not parts or not all(_INT.match(part) for part in parts):
        raise bad
    limit = _limit("range_values")
    if limit is not None and len(parts) > limit:
        raise _exceeded("range_values", f"a list of {len(parts)} values")
    return [int(part) for part in parts]


class _JsonNumber(str):
    """A JSON number kept as its text, so that it is converted exactly."""


def _json_int(text: str) -> int:
    """int(text) for a decimal text of any length (past Python's int-string limit)."""
    if len(text) < 4000:
        return int(text)
    from flint import fmpz  # past Python's int-string limit (parse_digits raised)

    return int(fmpz(text))


def _json_constant(name: str) -> Any:
    raise InvalidInputError(f"invalid JSON value {name!r}: expected a finite number")


def _load_json(text: str, what: str) -> Any:
    # numbers are at most parse_digits long here (checked by _check_digit_runs),
    # so int() is safe and fast; decimals stay text and are converted exactly
    try:
        return json.loads(
            text,
            parse_float=_JsonNumber,
            parse_int=_json_int,
            parse_constant=_json_constant,
        )
    except json.JSONDecodeError as exc:
        raise _fail(what, text, exc.pos, f"JSON error: {exc.msg}") from None
    except RecursionError:
        raise InvalidInputError(f"invalid {what}: JSON nested too deeply") from None


def _json_rows(data: Any, domain: str, what: str) -> list[list[int | Fraction]]:
    digits = _digits_limit()
    budget = [MAX_EXPONENT_DIGITS_PER_MATRIX]
    if not isinstance(data, list):
        raise InvalidInputError(f"invalid {what}: expected a JSON list of rows, got {type(data).__name__}")
    rows = []
    for i, r in enumerate(data):
        if not isinstance(r, list):
            raise InvalidInputError(f"invalid {what}: row {i + 1} is {short_repr(r)}; expected a list of numbers")
        out = []
        for j, c in enumerate(r):
            if type(c) is int:
                out.append(c)
                continue
            if not isinstance(c, str):
                raise InvalidInputError(
                    f"invalid {what} entry {short_repr(c)} at row {i + 1}, column {j + 1}: "
                    "expected a number or a string like \"3/4\""
                )
            try:
                out.append(_entry(c.strip(), domain, digits, budget))
            except InvalidInputError as exc:
                raise InvalidInputError(
                    f"invalid {what} at row {i + 1}, column {j + 1}: {str(exc).removeprefix('invalid ')}"
                ) from None
        rows.append(out)
    for i, r in enumerate(rows):
        if len(r) != len(rows[0]):
            raise InvalidInputError(
                f"invalid {what}: row {i + 1} has {len(r)} entries; expected {len(rows[0])}"
            )
    return rows


def _detect(text: str) -> str:
    s = text.lstrip()
    if s.startswith("{"):
        return "json"
    if s.startswith("["):
        rest = s[1:].lstrip()
        return "json" if rest.startswith("[") or rest.startswith("]") else "text"
    if '"' in s:
        return "csv"
    return "text"


def parse_matrix(text: str, fmt: str = "auto", domain: str = "QQ") -> list[list[int | Fraction]]:
    """Parse a matrix of exact numbers.

    Parameters
    ----------
    text : str
        ``"text"``: rows separated by newlines or ``;``, entries by spaces or
        commas, optionally inside one pair of brackets, ``#`` starts a
        comment.  ``"csv"``: comma separated values (quoted cells allowed).
        ``"json"``: a list of lists of numbers or strings such as ``"3/4"``.
        Entries are integers, fractions ``3/4`` or decimals ``0.5`` (exact).
    fmt : {"auto", "text", "csv", "json"}
        ``"auto"`` picks JSON for ``[[...]]``, CSV when there are quotes,
        text otherwise.
    domain : {"QQ", "ZZ"}
        Over ZZ every entry must be an integer.

    Returns
    -------
    list of list of (int or Fraction)
        Rectangular; ints where entries are integral.

    Raises
    ------
    InvalidInputError
        For a malformed entry (with its position), ragged rows or an empty
        matrix (except the JSON ``[]``, the 0 x 0 matrix).
    ResourceLimitError
        If the text is longer than [`MAX_MATRIX_TEXT_LENGTH`][MAX_MATRIX_TEXT_LENGTH].

    Examples
    --------
    >>> parse_matrix("1, 2\\n3, 4")
    [[1, 2], [3, 4]]
    >>> parse_matrix('[[1, "-1/2"], [0.25, 0]]')
    [[1, Fraction(-1, 2)], [Fraction(1, 4), 0]]
    >>> parse_matrix("1 2\\n3 4/0")
    Traceback (most recent call last):
    ...
    combalg.core.parsing.ParseError: invalid matrix at line 2, column 3: entry '4/0': zero denominator
        3 4/0
          ^
    """
    _check_text(text, "matrix", "matrix_text_length")
    _choice("format", fmt, ("auto", "text", "csv", "json"))
    _choice("domain", domain, ("QQ", "ZZ"))
    refuse_long_numbers(text, "matrix")
    if fmt == "auto":
        fmt = _detect(text)
        if fmt == "json" and text.lstrip().startswith("{"):
            raise InvalidInputError(
                "invalid matrix: a JSON object was given; use parse_labelled_matrix for {\"labels\": ..., \"rows\": ...}"
            )
    if fmt == "text":
        return _text_rows(text, domain, "matrix")
    if fmt == "csv":
        return _csv_rows(_csv_cells(text, "matrix"), domain, "matrix")
    if fmt == "json":
        return _json_rows(_load_json(text, "matrix"), domain, "matrix")
    raise InvalidInputError(f"invalid format {fmt!r}: expected 'auto', 'text', 'csv' or 'json'")


_LABEL = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:+\-]*\Z")


def _check_labels(labels: list, ncols: int | None) -> list:
    for lab in labels:
        if isinstance(lab, bool) or not isinstance(lab, (str, int)) or (
            isinstance(lab, str) and (not _LABEL.match(lab) or "__" in lab)
        ):
            raise InvalidInputError(
                f"invalid label {short_repr(lab)}: expected an integer or a name of letters, digits and _ . : + - "
                "starting with a letter or digit"
            )
    if len(set(labels)) != len(labels):
        from collections import Counter

        dup = sorted(str(x) for x, k in Counter(labels).items() if k > 1)
        raise InvalidInputError(
            f"invalid labels {short_repr(labels)}: expected distinct labels, repeated {short_repr(dup)}"
        )
    if ncols is not None and len(labels) != ncols:
        raise InvalidInputError(
            f"invalid labels {short_repr(labels)}: {len(labels)} labels for {ncols} columns"
        )
    return labels


def parse_labelled_matrix(
    text: str, fmt: str = "auto", domain: str = "QQ"
) -> tuple[list, list[list[int | Fraction]]]:
    """Parse a matrix whose columns carry labels.

    Parameters
    ----------
    text : str
        JSON ``{"labels": [...], "rows": [[...], ...]}``, or CSV / text whose
        first row holds the labels.
    fmt : {"auto", "json", "csv", "text"}
    domain : {"QQ", "ZZ"}

    Returns
    -------
    (labels, rows)
        ``labels`` a list of distinct strings (JSON may also give integers);
        ``rows`` as in [`parse_matrix`][parse_matrix] (may be empty: no vectors).

    Examples
    --------
    >>> parse_labelled_matrix("a,b,c\\n1,0,1\\n0,1,1")
    (['a', 'b', 'c'], [[1, 0, 1], [0, 1, 1]])
    >>> parse_labelled_matrix('{"labels": [1, 2], "rows": [[1, "1/2"]]}')
    ([1, 2], [[1, Fraction(1, 2)]])
    """
    _check_text(text, "labelled matrix", "matrix_text_length")
    _choice("format", fmt, ("auto", "json", "csv", "text"))
    _choice("domain", domain, ("QQ", "ZZ"))
    what = "labelled matrix"
    refuse_long_numbers(text, what)
    if fmt == "auto":
        s = text.lstrip()
        first = s.split("\n", 1)[0]
        fmt = "json" if s.startswith("{") else ("csv" if ("," in first or '"' in first) else "text")
    if fmt == "json":
        data = _load_json(text, what)
        if not isinstance(data, dict) or set(data) - {"labels", "rows"} or "labels" not in data:
            raise InvalidInputError(
                f"invalid {what}: expected a JSON object with keys \"labels\" and \"rows\""
            )
        raw = data["labels"]
        if not isinstance(raw, list):
            raise InvalidInputError(f"invalid labels {short_repr(raw)}: expected a JSON list")
        labels = [str.__str__(x) if isinstance(x, _JsonNumber) else x for x in raw]
        rows = _json_rows(data.get("rows", []), domain, what)
    elif fmt in ("csv", "text"):
        if fmt == "csv":
            cells = _csv_cells(text, what)
        else:
            cells = [
                [c for c in re.split(r"[\s,]+", line.strip()) if c]
                for line in re.split(r"[\n;]", text)
                if line.strip() and not line.strip().startswith("#")
            ]
        if not cells:
            raise InvalidInputError(f"invalid {what}: expected a header row of labels")
        labels = list(cells[0])
        rows = _csv_rows(cells[1:], domain, what, first_row=2) if len(cells) > 1 else []
    else:
        raise InvalidInputError(f"invalid format {fmt!r}: expected 'auto', 'json', 'csv' or 'text'")
    _check_labels(labels, len(rows[0]) if rows else None)
    return labels, rows


# ---------------------------------------------------------------------------
# expression syntax tree
# ---------------------------------------------------------------------------

#: levels of tree nodes a parsed expression can have per level of the limit parse_depth
#: (a sum of a negated product of a power of a parenthesised expression: Add, Neg, Mul, Pow)
_NODES_PER_LEVEL = 4


def _max_tree_depth() -> int | None:
    """The deepest syntax tree accepted under the limit parse_depth in force (None: no limit).

    It is the depth the parser itself can build from a text within the limit, so every
    parsed expression passes."""
    depth = _limit("parse_depth")
    return None if depth is None else _NODES_PER_LEVEL * (depth + 1) + 1


def _tree_depth_error(depth: int, what: str) -> ResourceLimitError:
    return _exceeded(
        "parse_depth",
        f"{what} nested {depth} nodes deep (more than {_max_tree_depth()} nodes, "
        f"{_NODES_PER_LEVEL} per level of the limit)",
    )


def _all_children(node: "Expr") -> tuple["Expr", ...]:
    """The children of ``node`` including the indices of an indexed name."""
    if isinstance(node, Indexed):
        return node.indices
    return node._children()


def _check_tree(expr: Any, name: str = "expr") -> "Expr":
    """``expr`` if it is a syntax tree within the depth limit, else InvalidInputError / ResourceLimitError."""
    if not isinstance(expr, Expr) or type(expr) is Expr:
        raise InvalidInputError(
            f"invalid {name} {short_repr(expr)}: expected an expression syntax tree "
            f"(Num, Name, Indexed, Neg, Add, Mul or Pow), e.g. from parse_expression"
        )
    top = _max_tree_depth()
    depth = expr.__dict__.get("_depth", 1)
    if top is not None and depth > top:
        raise _tree_depth_error(depth, f"the {name}")
    return expr


def _expr_arg(owner: str, field_name: str, value: Any) -> "Expr":
    if not isinstance(value, Expr) or type(value) is Expr:
        raise InvalidInputError(
            f"invalid {owner} {field_name} {short_repr(value)}: expected an expression node "
            f"(Num, Name, Indexed, Neg, Add, Mul or Pow)"
        )
    return value


def _expr_tuple(owner: str, field_name: str, value: Any, allow_empty: bool = True) -> tuple["Expr", ...]:
    if not isinstance(value, (tuple, list)):
        raise InvalidInputError(
            f"invalid {owner} {field_name} {short_repr(value)}: expected a tuple of expression nodes"
        )
    if not value and not allow_empty:
        raise InvalidInputError(f"invalid {owner} {field_name} (): expected at least one expression node")
    for item in value:
        if not isinstance(item, Expr) or type(item) is Expr:
            _expr_arg(owner, f"{field_name} item", item)
    return value if type(value) is tuple else tuple(value)


def _text_arg(owner: str, field_name: str, value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise InvalidInputError(f"invalid {owner} {field_name} {short_repr(value)}: expected a nonempty string")
    return value


def _int_arg(owner: str, field_name: str, value: Any, minimum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInputError(f"invalid {owner} {field_name} {short_repr(value)}: expected an integer")
    if minimum is not None and value < minimum:
        raise InvalidInputError(
            f"invalid {owner} {field_name} {short_repr(value)}: expected an integer >= {minimum}"
        )
    return int(value)


class Expr:
    """Base class of the immutable expression syntax tree.

    Nodes compare by structure (positions are ignored); ``str(expr)`` gives
    text that parses back to an equivalent expression.  Build the nodes
    [`Num`][Num], [`Name`][Name], [`Indexed`][Indexed], [`Neg`][Neg], [`Add`][Add],
    [`Mul`][Mul] and [`Pow`][Pow] (their arguments are checked, and a tree deeper
    than a parsed expression can be under the limit ``parse_depth`` is refused);
    ``Expr`` itself has no instances.

    >>> Add((Name("x"), Num(1))) == parse_expression("x + 1")
    True
    >>> Neg("x")
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid Neg operand 'x': expected an expression node (Num, Name, Indexed, Neg, Add, Mul or Pow)
    """

    pos: int

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise InvalidInputError(
            "invalid Expr(): Expr is the abstract base of the syntax tree; build Num, Name, Indexed, "
            "Neg, Add, Mul or Pow, or use parse_expression"
        )

    def _finish(self, *children: "Expr") -> None:
        """Check ``pos``, record the depth of the tree and refuse one past the limit."""
        pos = self.pos
        if type(pos) is not int or pos < 0:
            object.__setattr__(self, "pos", _int_arg(type(self).__name__, "pos", pos, 0))
        depth = 1
        for c in children:
            d = c.__dict__.get("_depth", 1)
            if d >= depth:
                depth = d + 1
        # every limit allows _NODES_PER_LEVEL + 1 levels: look the limit up only past that
        if depth > _NODES_PER_LEVEL + 1:
            top = _max_tree_depth()
            if top is not None and depth > top:
                raise _tree_depth_error(depth, f"a {type(self).__name__} node")
        self.__dict__["_depth"] = depth

    def names(self) -> set[str]:
        """Plain names used (not indexed bases, not names inside indices)."""
        out: set[str] = set()
        for node in self.walk():
            if isinstance(node, Name):
                out.add(node.name)
        return out

    def indexed(self) -> list["Indexed"]:
        """The indexed names used, in order of appearance."""
        return [node for node in self.walk() if isinstance(node, Indexed)]

    def walk(self) -> Iterator["Expr"]:
        """All nodes, depth first, not descending into indices."""
        stack: list[Expr] = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node._children()))

    def _children(self) -> tuple["Expr", ...]:
        return ()

    def _key(self) -> tuple:
        """The compared fields that are not subtrees."""
        return ()

    def __str__(self) -> str:
        return _to_text(self)

    # structural equality, hash and repr without recursion (trees may be deep)
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Expr):
            return NotImplemented
        stack = [(self, other)]
        while stack:
            a, b = stack.pop()
            if a is b:
                continue
            if type(a) is not type(b) or a._key() != b._key():
                return False
            ca, cb = _all_children(a), _all_children(b)
            if isinstance(a, Mul) and len(a.factors) != len(b.factors):
                return False
            if len(ca) != len(cb):
                return False
            stack.extend(zip(ca, cb))
        return True

    def __hash__(self) -> int:
        cached = self.__dict__.get("_hash")
        if cached is not None:
            return cached
        # children before parents, each node's hash cached (no recursion)
        stack: list[tuple[Expr, bool]] = [(self, False)]
        while stack:
            node, ready = stack.pop()
            if "_hash" in node.__dict__:
                continue
            children = _all_children(node)
            if not ready:
                stack.append((node, True))
                stack.extend((c, False) for c in children if "_hash" not in c.__dict__)
                continue
            extra = len(node.factors) if isinstance(node, Mul) else -1
            node.__dict__["_hash"] = hash((type(node).__name__, node._key(), extra,
                                           tuple(c.__dict__["_hash"] for c in children)))
        return self.__dict__["_hash"]

    def __repr__(self) -> str:
        out: list[str] = []
        stack: list[Any] = [self]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                out.append(item)
                continue
            if isinstance(item, Num):
                out.append(item._repr_one())
                continue
            parts: list[Any] = [f"{type(item).__name__}("]
            for k, (fname, value) in enumerate(item._repr_fields()):
                parts.append(("" if k == 0 else ", ") + f"{fname}=")
                if isinstance(value, Expr):
                    parts.append(value)
                elif isinstance(value, tuple):
                    parts.append("(")
                    for j, v in enumerate(value):
                        if j:
                            parts.append(", ")
                        parts.append(v)
                    parts.append(",)" if len(value) == 1 else ")")
                elif isinstance(value, int) and not isinstance(value, bool):
                    parts.append(int_text(value))
                else:
                    parts.append(repr(value))
            parts.append(")")
            stack.extend(reversed(parts))
        return "".join(out)

    def _repr_fields(self) -> list[tuple[str, Any]]:
        return [(f.name, getattr(self, f.name)) for f in fields(self) if f.repr]

    def __reduce__(self) -> tuple:
        # pickled as a flat list of nodes in prefix order (pickle itself recurses per level)
        ops = []
        stack: list[Expr] = [self]
        while stack:
            node = stack.pop()
            children = _all_children(node)
            split = len(node.factors) if isinstance(node, Mul) else 0
            ops.append((type(node).__name__, node._key(), node.pos, len(children), split))
            stack.extend(reversed(children))
        return (_expr_from_prefix, (tuple(ops),))


@dataclass(frozen=True, eq=False, repr=False)
class Num(Expr):
    """A nonnegative exact number (int or Fraction)."""

    value: int | Fraction
    pos: int = field(default=0, compare=False, repr=False)

    def __post_init__(self) -> None:
        v = self.value
        if isinstance(v, bool) or not isinstance(v, (int, Fraction)):
            raise InvalidInputError(f"invalid Num value {short_repr(v)}: expected a nonnegative int or Fraction")
        if v < 0:
            raise InvalidInputError(
                f"invalid Num value {short_repr(v)}: expected a nonnegative int or Fraction (negate with Neg)"
            )
        if isinstance(v, int) and type(v) is not int:
            object.__setattr__(self, "value", int(v))
        self._finish()

    def _key(self) -> tuple:
        return (self.value,)

    def _repr_one(self) -> str:
        v = self.value
        shown = int_text(v) if isinstance(v, int) else f"Fraction({int_text(v.numerator)}, {int_text(v.denominator)})"
        return f"Num(value={shown})"

    def __repr__(self) -> str:  # exact for values of any size
        return self._repr_one()


@dataclass(frozen=True, eq=False, repr=False)
class Name(Expr):
    """A plain name such as ``x`` or ``lam``."""

    name: str
    pos: int = field(default=0, compare=False, repr=False)

    def __post_init__(self) -> None:
        _text_arg("Name", "name", self.name)
        self._finish()

    def _key(self) -> tuple:
        return (self.name,)


@dataclass(frozen=True, eq=False, repr=False)
class Indexed(Expr):
    """An indexed name such as ``x[m-4]`` or ``a[i, j+1]``; indices are integer expressions."""

    base: str
    indices: tuple[Expr, ...]
    pos: int = field(default=0, compare=False, repr=False)

    def __post_init__(self) -> None:
        _text_arg("Indexed", "base", self.base)
        object.__setattr__(self, "indices", _expr_tuple("Indexed", "indices", self.indices, allow_empty=False))
        self._finish(*self.indices)

    def _key(self) -> tuple:
        return (self.base,)

    def resolve(self, indices: Mapping[str, int] | None = None) -> tuple[int, ...]:
        """The integer indices, given values for the index names."""
        indices = _values_arg(indices, "indices")
        return tuple(evaluate_integer(i, indices) for i in self.indices)


@dataclass(frozen=True, eq=False, repr=False)
class Neg(Expr):
    """Unary minus."""

    operand: Expr
    pos: int = field(default=0, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._finish(_expr_arg("Neg", "operand", self.operand))

    def _children(self) -> tuple[Expr, ...]:
        return (self.operand,)


@dataclass(frozen=True, eq=False, repr=False)
class Add(Expr):
    """A sum; subtraction appears as a [`Neg`][Neg] term."""

    terms: tuple[Expr, ...]
    pos: int = field(default=0, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "terms", _expr_tuple("Add", "terms", self.terms, allow_empty=False))
        self._finish(*self.terms)

    def _children(self) -> tuple[Expr, ...]:
        return self.terms


@dataclass(frozen=True, eq=False, repr=False)
class Mul(Expr):
    """A product of ``factors`` divided by the product of ``divisors``
    (each divisor a constant or a monomial)."""

    factors: tuple[Expr, ...]
    divisors: tuple[Expr, ...] = ()
    pos: int = field(default=0, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "factors", _expr_tuple("Mul", "factors", self.factors))
        object.__setattr__(self, "divisors", _expr_tuple("Mul", "divisors", self.divisors))
        self._finish(*self.factors, *self.divisors)

    def _children(self) -> tuple[Expr, ...]:
        return self.factors + self.divisors


@dataclass(frozen=True, eq=False, repr=False)
class Pow(Expr):
    """``base ^ exponent`` with an integer exponent."""

    base: Expr
    exponent: int
    pos: int = field(default=0, compare=False, repr=False)

    def __post_init__(self) -> None:
        _expr_arg("Pow", "base", self.base)
        object.__setattr__(self, "exponent", _int_arg("Pow", "exponent", self.exponent))
        self._finish(self.base)

    def _key(self) -> tuple:
        return (self.exponent,)

    def _children(self) -> tuple[Expr, ...]:
        return (self.base,)


def _trusted(cls: type, children: Sequence[Expr], **fields: Any) -> Any:
    """A node built by the parser, whose fields are right by construction (no checks; the
    parser's own limit parse_depth bounds the depth)."""
    node = object.__new__(cls)
    d = node.__dict__
    d.update(fields)
    depth = 1
    for c in children:
        if c._depth >= depth:
            depth = c._depth + 1
    d["_depth"] = depth
    return node


def _expr_from_prefix(ops: tuple) -> Expr:
    """Rebuild a tree pickled by ``Expr.__reduce__`` (nodes in prefix order)."""
    stack: list[Expr] = []
    for kind, key, pos, count, split in reversed(ops):
        children = tuple(stack.pop() for _ in range(count))
        if kind == "Num":
            node: Expr = Num(key[0], pos)
        elif kind == "Name":
            node = Name(key[0], pos)
        elif kind == "Indexed":
            node = Indexed(key[0], children, pos)
        elif kind == "Neg":
            node = Neg(children[0], pos)
        elif kind == "Add":
            node = Add(children, pos)
        elif kind == "Mul":
            node = Mul(children[:split], children[split:], pos)
        elif kind == "Pow":
            node = Pow(children[0], key[0], pos)
        else:
            raise InvalidInputError(f"invalid pickled expression node {short_repr(kind)}")
        stack.append(node)
    return stack[0]


def _values_arg(values: Any, name: str) -> Mapping[str, int]:
    """A mapping of index names to values (``None`` is empty), else InvalidInputError."""
    if values is None:
        return {}
    if not isinstance(values, Mapping):
        raise InvalidInputError(f"invalid {name} {short_repr(values)}: expected a mapping of names to integers or None")
    return values


def _atomic(e: Expr) -> bool:
    return isinstance(e, (Name, Indexed)) or (isinstance(e, Num) and isinstance(e.value, int))


def _to_text(e: Expr) -> str:
    if isinstance(e, Num):
        v = e.value
        return int_text(v) if isinstance(v, int) else fraction_text(v)
    if isinstance(e, Name):
        return e.name
    if isinstance(e, Indexed):
        return f"{e.base}[{', '.join(_to_text(i) for i in e.indices)}]"
    if isinstance(e, Neg):
        inner = _to_text(e.operand)
        if not (_atomic(e.operand) or isinstance(e.operand, Pow)):
            inner = f"({inner})"
        return "-" + inner
    if isinstance(e, Add):
        parts = []
        for k, t in enumerate(e.terms):
            if isinstance(t, Neg) and k > 0:
                inner = _to_text(t.operand)
                if isinstance(t.operand, (Add, Neg)):
                    inner = f"({inner})"
                parts.append(" - " + inner)
            else:
                s = _to_text(t)
                if isinstance(t, Add):
                    s = f"({s})"
                parts.append(s if k == 0 else " + " + s)
        return "".join(parts)
    if isinstance(e, Mul):
        def factor(f: Expr, divisor: bool, first: bool = False) -> str:
            s = _to_text(f)
            if isinstance(f, (Add, Neg)) or (isinstance(f, Num) and not isinstance(f.value, int) and not first):
                return f"({s})"
            if isinstance(f, Mul) and (divisor or f.divisors or not first):
                return f"({s})"
            return s
        out = "*".join(factor(f, False, k == 0) for k, f in enumerate(e.factors)) if e.factors else "1"
        for d in e.divisors:
            out += "/" + factor(d, True)
        return out
    if isinstance(e, Pow):
        b = _to_text(e.base)
        if not _atomic(e.base):
            b = f"({b})"
        return f"{b}^{e.exponent}"
    raise InvalidInputError(f"invalid expression node {short_repr(e)}")  # pragma: no cover


# ---------------------------------------------------------------------------
# tokenizer
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _Token:
    kind: str  # "num", "name", "op", "end"
    text: str
    pos: int
    value: Any = None


_OPS2 = ("**",)
_OPS1 = set("+-*/^()[],=")


def _tokenize(text: str, what: str) -> list[_Token]:
    MAX_DIGITS = _digits_limit()  # noqa: N806 - the limit in force
    tokens: list[_Token] = []
    n = len(text)
    pos = 0
    while pos < n:
        ch = text[pos]
        if ch in " \t\r\n":
            pos += 1
            continue
        start = pos
        if ch.isascii() and (ch.isdigit() or (ch == "." and pos + 1 < n and text[pos + 1].isdigit())):
            while pos < n and text[pos].isascii() and text[pos].isdigit():
                pos += 1
            whole = text[start:pos]
            frac = None
            if pos < n and text[pos] == ".":
                pos += 1
                f_start = pos
                while pos < n and text[pos].isascii() and text[pos].isdigit():
                    pos += 1
                frac = text[f_start:pos]
            if pos - start > MAX_DIGITS:
                raise _fail(what, text, start, f"a number with more than {MAX_DIGITS} digits")
            if pos < n and (text[pos].isalpha() or text[pos] == "_"):
                raise _fail(what, text, pos, "expected an operator after a number (write 2*x, not 2x)")
            if frac is None:
                value: int | Fraction = _json_int(whole)
            else:
                value = Fraction(_json_int((whole or "0") + frac), 10 ** len(frac))
                if value.denominator == 1:
                    value = int(value)
            tokens.append(_Token("num", text[start:pos], start, value))
            continue
        if ch == "_":
            raise _fail(what, text, pos, "names must start with a letter (no leading underscore)")
        if ch.isascii() and ch.isalpha():
            while pos < n and text[pos].isascii() and (text[pos].isalnum() or text[pos] == "_"):
                pos += 1
            if "__" in text[start:pos]:
                raise _fail(what, text, start + text[start:pos].index("__"), "names may not contain '__'")
            tokens.append(_Token("name", text[start:pos], start))
            continue
        if text.startswith("**", pos):
            tokens.append(_Token("op", "^", pos))
            pos += 2
            continue
        if ch in _OPS1:
            tokens.append(_Token("op", ch, pos))
            pos += 1
            continue
        shown = ch if ch.isprintable() else repr(ch)
        raise _fail(
            what, text, pos,
            f"unexpected character {shown!r}; expected a number, a name or one of + - * / ^ ** ( ) [ ] ,"
            + (" =" if what == "equation" else ""),
        )
    tokens.append(_Token("end", "", n))
    return tokens


# ---------------------------------------------------------------------------
# precedence-climbing parser
# ---------------------------------------------------------------------------

_BINARY = {"+": 1, "-": 1, "*": 2, "/": 2}


def _monomial_like(e: Expr) -> bool:
    if isinstance(e, Num):
        return True
    if isinstance(e, (Name, Indexed)):
        return True
    if isinstance(e, Neg):
        return _monomial_like(e.operand)
    if isinstance(e, Pow):
        return _monomial_like(e.base)
    if isinstance(e, Mul):
        return all(_monomial_like(f) for f in e.factors + e.divisors)
    return False


def _is_zero_constant(e: Expr) -> bool:
    if isinstance(e, Num):
        return e.value == 0
    if isinstance(e, Neg):
        return _is_zero_constant(e.operand)
    if isinstance(e, Pow):
        return _is_zero_constant(e.base) and e.exponent > 0
    if isinstance(e, Mul):
        return any(_is_zero_constant(f) for f in e.factors)
    return False


def _build(kind: str, items: list[Expr], divisors: list[Expr], pos: int) -> Expr:
    if kind == "add":
        return _trusted(Add, items, terms=tuple(items), pos=pos)
    if len(items) == 1 and not divisors:
        return items[0]  # a folded constant such as 3/4
    return _trusted(Mul, items + divisors, factors=tuple(items), divisors=tuple(divisors), pos=pos)


class _Parser:
    def __init__(self, text: str, what: str, variables: Sequence[str] | None) -> None:
        self.text = text
        self.what = what
        self.tokens = _tokenize(text, what)
        self.i = 0
        self.depth = 0
        self.in_index = 0
        self.variables = None if variables is None else _variables_arg(variables)
        depth = _limit("parse_depth")
        self.max_depth = 10**6 if depth is None else depth

    # helpers
    def peek(self) -> _Token:
        return self.tokens[self.i]

    def advance(self) -> _Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def fail(self, pos: int, message: str) -> ParseError:
        return _fail(self.what, self.text, pos, message)

    def expect(self, op: str, message: str) -> _Token:
        tok = self.peek()
        if tok.kind == "op" and tok.text == op:
            return self.advance()
        raise self.fail(tok.pos, message + f", found {_describe(tok)}")

    def enter(self, pos: int) -> None:
        self.depth += 1
        if self.depth > self.max_depth:
            raise self.fail(pos, f"nesting deeper than {self.max_depth} levels (the limit parse_depth)")

    def leave(self) -> None:
        self.depth -= 1

    # grammar
    def expression(self, min_prec: int = 1) -> Expr:
        """Precedence climbing; operands of one level are collected in lists
        (so a long flat sum or product costs linear time)."""
        left = self.unary()
        kind: str | None = None  # "add" or "mul": the node being collected
        items: list[Expr] = []
        divisors: list[Expr] = []
        start = left.pos
        while True:
            tok = self.peek()
            if tok.kind != "op" or tok.text not in _BINARY or _BINARY[tok.text] < min_prec:
                break
            self.advance()
            prec = _BINARY[tok.text]
            right_pos = self.peek().pos
            right = self.expression(prec + 1)
            new_kind = "add" if tok.text in "+-" else "mul"
            if new_kind != kind:
                if kind is not None:
                    left = _build(kind, items, divisors, start)
                kind = new_kind
                divisors = []
                if kind == "add":
                    items = list(left.terms) if isinstance(left, Add) else [left]
                else:
                    items = list(left.factors) if isinstance(left, Mul) else [left]
                    divisors = list(left.divisors) if isinstance(left, Mul) else []
            op = tok.text
            if op == "+":
                items.append(right)
            elif op == "-":
                items.append(_trusted(Neg, (right,), operand=right, pos=tok.pos))
            elif op == "*":
                items.append(right)
            else:  # "/"
                if not _monomial_like(right):
                    raise self.fail(right_pos, "division only by a constant or a monomial (not by a sum)")
                if _is_zero_constant(right):
                    raise self.fail(right_pos, "division by zero")
                if len(items) == 1 and not divisors and isinstance(items[0], Num) and isinstance(right, Num):
                    q = Fraction(items[0].value) / Fraction(right.value)
                    items[0] = _trusted(Num, (), value=int(q) if q.denominator == 1 else q, pos=items[0].pos)
                else:
                    divisors.append(right)
        if kind is None:
            return left
        return _build(kind, items, divisors, start)

    def unary(self) -> Expr:
        tok = self.peek()
        if tok.kind == "op" and tok.text in "+-":
            self.advance()
            self.enter(tok.pos)
            operand = self.unary()
            self.leave()
            return operand if tok.text == "+" else _trusted(Neg, (operand,), operand=operand, pos=tok.pos)
        return self.power()

    def power(self) -> Expr:
        base = self.primary()
        tok = self.peek()
        if tok.kind == "op" and tok.text == "^":
            self.advance()
            exponent = self.exponent()
            nxt = self.peek()
            if nxt.kind == "op" and nxt.text == "^":
                raise self.fail(nxt.pos, "chained exponents are ambiguous; use parentheses, e.g. (x^2)^3")
            return _trusted(Pow, (base,), base=base, exponent=exponent, pos=base.pos)
        return base

    def exponent(self) -> int:
        tok = self.peek()
        paren = tok.kind == "op" and tok.text == "("
        if paren:
            self.advance()
        sign = 1
        tok = self.peek()
        if tok.kind == "op" and tok.text in "+-":
            self.advance()
            sign = -1 if tok.text == "-" else 1
        tok = self.peek()
        if tok.kind != "num" or not isinstance(tok.value, int) or "." in tok.text:
            raise self.fail(tok.pos, f"expected an integer exponent, found {_describe(tok)}")
        self.advance()
        top = _limit("parse_exponent")
        if top is not None and tok.value > top:
            raise self.fail(tok.pos, f"exponent {short_repr(tok.value)} is larger than the limit {top}")
        if paren:
            self.expect(")", "expected ')' after the exponent")
        return sign * tok.value

    def primary(self) -> Expr:
        tok = self.peek()
        if tok.kind == "num":
            self.advance()
            return _trusted(Num, (), value=tok.value, pos=tok.pos)
        if tok.kind == "name":
            self.advance()
            nxt = self.peek()
            if nxt.kind == "op" and nxt.text == "(":
                raise self.fail(nxt.pos, f"function calls are not supported ({tok.text!r} followed by '(')")
            if nxt.kind == "op" and nxt.text == "[":
                return self.indexed(tok)
            if self.variables is not None and not self.in_index and tok.text not in self.variables:
                raise self.fail(tok.pos, f"unknown name {tok.text!r}; expected one of {sorted(self.variables)}")
            return _trusted(Name, (), name=tok.text, pos=tok.pos)
        if tok.kind == "op" and tok.text == "(":
            self.advance()
            self.enter(tok.pos)
            inner = self.expression()
            self.leave()
            self.expect(")", "expected ')'")
            return inner
        if tok.kind == "end":
            raise self.fail(tok.pos, "unexpected end of input; expected a number, a name or '('")
        raise self.fail(tok.pos, f"unexpected {_describe(tok)}; expected a number, a name or '('")

    def indexed(self, name_tok: _Token) -> Expr:
        if (
            self.variables is not None
            and not self.in_index
            and name_tok.text not in self.variables
            and not any(v.startswith(name_tok.text + "[") for v in self.variables)
        ):
            raise self.fail(name_tok.pos, f"unknown name {name_tok.text!r}; expected one of {sorted(self.variables)}")
        open_tok = self.advance()  # '['
        self.enter(open_tok.pos)
        self.in_index += 1
        indices = []
        while True:
            start = self.peek().pos
            idx = self.expression()
            bad = _index_problem(idx)
            if bad is not None:
                raise self.fail(bad.pos if bad.pos else start, "an index must be an integer combination of names and integers")
            indices.append(idx)
            tok = self.peek()
            if tok.kind == "op" and tok.text == ",":
                self.advance()
                continue
            self.expect("]", "expected ',' or ']' in the index")
            break
        self.in_index -= 1
        self.leave()
        return _trusted(Indexed, indices, base=name_tok.text, indices=tuple(indices), pos=name_tok.pos)

    def finish(self) -> None:
        tok = self.peek()
        if tok.kind != "end":
            raise self.fail(tok.pos, f"unexpected {_describe(tok)}; expected an operator or the end of the input")


def _index_problem(e: Expr) -> Expr | None:
    for node in e.walk():
        if isinstance(node, Num) and not isinstance(node.value, int):
            return node
        if isinstance(node, (Indexed, Pow)):
            return node
        if isinstance(node, Mul):
            if node.divisors:
                return node
            nonconst = [f for f in node.factors if not _constant_int(f)]
            if len(nonconst) > 1:
                return node
    return None


def _constant_int(e: Expr) -> bool:
    return all(isinstance(n, (Num, Neg, Mul, Add)) for n in e.walk()) and all(
        not isinstance(n, Num) or isinstance(n.value, int) for n in e.walk()
    )


def _describe(tok: _Token) -> str:
    if tok.kind == "end":
        return "the end of the input"
    if tok.kind == "name":
        return f"name {tok.text!r}"
    if tok.kind == "num":
        return f"number {tok.text!r}"
    return f"{tok.text!r}"


def parse_expression(text: str, variables: Sequence[str] | None = None) -> Expr:
    """Parse a polynomial / Laurent polynomial expression into a syntax tree.

    Parameters
    ----------
    text : str
        Names (``x``, ``lam_2``), indexed names (``x[m-4]``, ``a[i,j+1]``),
        integers, decimals (exact), ``+ - * /`` (division only by a
        constant or a monomial), ``^`` or ``**`` with an integer exponent,
        unary minus and parentheses.
    variables : sequence of str, optional
        If given, every name (and indexed base) outside index brackets must
        be one of these.

    Returns
    -------
    Expr

    Raises
    ------
    ParseError
        (an [`InvalidInputError`][combalg.core.errors.InvalidInputError]) with the position.
    ResourceLimitError
        If the text is longer than [`MAX_TEXT_LENGTH`][MAX_TEXT_LENGTH].

    Examples
    --------
    >>> print(parse_expression("(x + 1)^2 / y - -3"))
    (x + 1)^2/y - (-3)
    >>> parse_expression("x / (x + 1)")
    Traceback (most recent call last):
    ...
    combalg.core.parsing.ParseError: invalid expression at position 5: division only by a constant or a monomial (not by a sum)
        x / (x + 1)
            ^
    """
    _check_text(text, "expression", "text_length")
    p = _Parser(text, "expression", variables)
    if p.peek().kind == "end":
        raise p.fail(0, "empty expression")
    expr = p.expression()
    p.finish()
    return expr


def parse_equation(text: str, variables: Sequence[str] | None = None) -> tuple[Expr, Expr]:
    """Parse ``lhs = rhs`` into two syntax trees.

    Examples
    --------
    >>> lhs, rhs = parse_equation("x[m]*x[m-4] = x[m-1]*x[m-3] + x[m-2]^2")
    >>> print(lhs, "|", rhs)
    x[m]*x[m - 4] | x[m - 1]*x[m - 3] + x[m - 2]^2
    >>> [i.resolve({"m": 10}) for i in lhs.indexed()]
    [(10,), (6,)]
    """
    _check_text(text, "equation", "text_length")
    p = _Parser(text, "equation", variables)
    if p.peek().kind == "end":
        raise p.fail(0, "empty equation")
    lhs = p.expression()
    p.expect("=", "expected '=' between the two sides")
    rhs = p.expression()
    p.finish()
    return lhs, rhs


# ---------------------------------------------------------------------------
# evaluation of syntax trees
# ---------------------------------------------------------------------------

def evaluate_integer(expr: Expr, values: Mapping[str, int] | None = None) -> int:
    """Evaluate an integer expression (an index such as ``m-4``).

    Raises
    ------
    InvalidInputError
        For a name without value, a division, a non-integer, or a value
        (also an intermediate one) with more than [`MAX_DIGITS`][MAX_DIGITS] digits.

    Examples
    --------
    >>> evaluate_integer(parse_expression("2*i - (j + 1)"), {"i": 5, "j": 3})
    6
    """
    _check_tree(expr)
    values = _values_arg(values, "values")
    # the limit in force, at most 10^5 digits for an index (10^MAX_DIGITS is built below)
    MAX_DIGITS = min(_digits_limit(), 100_000)  # noqa: N806
    limit = 10**MAX_DIGITS

    def ev(e: Expr) -> int:  # one frame per level of the tree
        v = _ev_node(e)
        if not -limit < v < limit:
            raise InvalidInputError(
                f"invalid index expression {_short_text(e)}: its value has more than {MAX_DIGITS} digits"
            )
        return v

    def _ev_node(e: Expr) -> int:
        if isinstance(e, Num):
            if not isinstance(e.value, int):
                raise InvalidInputError(f"invalid index {_short_text(e)}: expected an integer")
            return e.value
        if isinstance(e, Name):
            if e.name not in values:
                known = sorted(map(short_repr, values))[:20]
                raise InvalidInputError(f"invalid index name {short_repr(e.name)}: no value given (known: {known})")
            v = values[e.name]
            if isinstance(v, bool) or not isinstance(v, int):
                raise InvalidInputError(
                    f"invalid value {short_repr(v)} for index {short_repr(e.name)}: expected an integer")
            return v
        if isinstance(e, Neg):
            return -ev(e.operand)
        if isinstance(e, Add):
            total = 0
            for t in e.terms:
                total += ev(t)
            return total
        if isinstance(e, Mul) and not e.divisors:
            out = 1
            for f in e.factors:
                out *= ev(f)
                if not -limit < out < limit:
                    break  # reported by ev()
            return out
        if isinstance(e, Pow) and e.exponent >= 0:
            b = ev(e.base)
            if abs(b) > 1 and e.exponent * (abs(b).bit_length() - 1) > 4 * MAX_DIGITS:
                return limit  # too large: reported by ev()
            return b**e.exponent
        raise InvalidInputError(f"invalid index expression {_short_text(e)}: expected an integer expression")

    return ev(expr)


def _index_name(base: str, idx: tuple[int, ...]) -> str:
    return f"{base}[{','.join(str(i) for i in idx)}]"


_BOUND_CAP = 1 << 62


def expression_size_bound(expr: Expr, leaf: Any = None) -> tuple[int, int, int]:
    """A static upper bound ``(terms, N, D)`` for the value of ``expr``, or ResourceLimitError.

    Every coefficient of the expanded value can be written ``n/d`` with
    ``log2|n| <= N`` and ``log2 d <= D``; ``terms`` bounds the number of
    terms.  Nothing is computed but these bounds, so an evaluator of syntax
    trees can call this first to refuse hostile input such as
    ``((2^10000)^10000)^10000`` before any arithmetic.

    Parameters
    ----------
    expr : Expr
    leaf : callable, optional
        ``leaf(node)`` gives the bound ``(terms, N, D)`` of a [`Name`][Name]
        or [`Indexed`][Indexed] node (default ``(1, 0, 0)``: a variable).

    Returns
    -------
    tuple of int
        ``(terms, N, D)``.

    Raises
    ------
    ResourceLimitError
        As soon as a product or power could have coefficients of more than
        [`MAX_COEFFICIENT_BITS`][MAX_COEFFICIENT_BITS] bits, or all products and powers
        together more than ten times that.

    Examples
    --------
    >>> expression_size_bound(parse_expression("(x + 1)^3"))
    (4, 6, 0)
    >>> expression_size_bound(parse_expression("((2^10000)^10000)^10000"))
    Traceback (most recent call last):
    ...
    combalg.core.errors.ResourceLimitError: the subexpression (2^10000)^10000 could have coefficients of about 100000000 bits; the limit is MAX_COEFFICIENT_BITS = 10000000
    """
    _check_tree(expr)
    if leaf is not None and not callable(leaf):
        raise InvalidInputError(f"invalid leaf {short_repr(leaf)}: expected a callable or None")
    budget = [0]
    MAX_COEFFICIENT_BITS = _limit("coefficient_bits")  # noqa: N806 - the limit in force
    if MAX_COEFFICIENT_BITS is None:
        MAX_COEFFICIENT_BITS = 10**18  # noqa: N806

    def check(node: Expr, n: int, d: int) -> None:
        if n + d > MAX_COEFFICIENT_BITS:
            raise ResourceLimitError(
                f"the subexpression {_short_text(node)} could have coefficients of about {n + d} bits; "
                f"the limit is MAX_COEFFICIENT_BITS = {MAX_COEFFICIENT_BITS}"
            )
        budget[0] += n + d
        if budget[0] > 10 * MAX_COEFFICIENT_BITS:
            raise ResourceLimitError(
                f"the expression could need more than {10 * MAX_COEFFICIENT_BITS} bits of coefficients "
                f"in its products and powers (10 * MAX_COEFFICIENT_BITS)"
            )

    def log2(x: int) -> int:  # ceil(log2 x) for x >= 1
        return (int(x) - 1).bit_length() if x > 1 else 0

    def bound(e: Expr) -> tuple[int, int, int]:
        if isinstance(e, Num):
            v = Fraction(e.value)
            return 1, log2(abs(v.numerator)), log2(v.denominator)
        if isinstance(e, (Name, Indexed)):
            return leaf(e) if leaf is not None else (1, 0, 0)
        if isinstance(e, Neg):
            return bound(e.operand)
        if isinstance(e, Add):
            parts = [bound(t) for t in e.terms]
            d = min(sum(p[2] for p in parts), _BOUND_CAP)
            n = max(p[1] + d - p[2] for p in parts) + log2(len(parts))
            return min(sum(p[0] for p in parts), _BOUND_CAP), min(n, _BOUND_CAP), d
        if isinstance(e, Mul):
            t, n, d = 1, 0, 0
            for f in e.factors:
                ft, fn, fd = bound(f)
                n += fn + log2(min(t, ft))
                d += fd
                t = min(t * ft, _BOUND_CAP)
            for f in e.divisors:
                ft, fn, fd = bound(f)
                n += fd
                d += fn
            n, d = min(n, _BOUND_CAP), min(d, _BOUND_CAP)
            check(e, n, d)
            return t, n, d
        if isinstance(e, Pow):
            bt, bn, bd = bound(e.base)
            k = abs(e.exponent)
            if e.exponent < 0:
                bn, bd = bd, bn
            n = min(k * (bn + log2(bt)), _BOUND_CAP)
            d = min(k * bd, _BOUND_CAP)
            check(e, n, d)
            # number of terms: C(k + bt - 1, bt - 1), capped
            t = 1
            for i in range(1, min(bt - 1, k) + 1):
                t = t * (k + bt - 1 - min(bt - 1, k) + i) // i
                if t > _BOUND_CAP:
                    t = _BOUND_CAP
                    break
            return t, n, d
        raise InvalidInputError(f"invalid expression node {short_repr(e)}")  # pragma: no cover

    return bound(expr)


def _short_text(e: Expr, limit: int = 60) -> str:
    s = str(e)
    return s if len(s) <= limit else s[: limit - 3] + "..."


def expr_to_laurent(
    expr: Expr,
    ring: Any,
    env: Mapping[Any, Any] | None = None,
    indices: Mapping[str, int] | None = None,
    max_terms: int | None = 10**7,
) -> Any:
    """Evaluate a syntax tree in a [`LaurentRing`][combalg.core.laurent.LaurentRing].

    Parameters
    ----------
    expr : Expr
    ring : LaurentRing
    env : mapping, optional
        Values for names: keys are plain names (``"x"``) or pairs
        ``(base, index_tuple)`` such as ``("x", (3,))``; values are Laurent
        polynomials of ``ring`` or numbers.  A name not in ``env`` must be a
        generator of ``ring``; an indexed name ``x[3]`` not in ``env`` is the
        generator named ``"x[3]"``.
    indices : mapping, optional
        Integer values of the names used inside index brackets.
    max_terms : int or None
        Refuse (with [`ResourceLimitError`][combalg.core.errors.ResourceLimitError]) a
        product whose factors have more than this many term pairs, before
        multiplying; ``None`` for no limit.

    Returns
    -------
    LaurentPolynomial

    Raises
    ------
    InvalidInputError
        For an unknown name, or a coefficient not in the ring's domain.
    ResourceLimitError
        If a product or power would exceed ``max_terms`` terms, or the
        coefficients could exceed [`MAX_COEFFICIENT_BITS`][MAX_COEFFICIENT_BITS] bits (checked
        on the whole expression before any arithmetic).
    NotExactError
        If a division is not exact in the ring (e.g. ``x/2`` over ZZ, or a
        divisor from ``env`` that does not divide).

    Examples
    --------
    >>> from combalg.core.laurent import LaurentRing
    >>> R = LaurentRing(["x", "y"], params=["lam"])
    >>> expr_to_laurent(parse_expression("(x^2*y + lam*x)/x - y^-1"), R)
    x*y + lam - y^-1
    >>> S = LaurentRing(["x[0]", "x[1]"])
    >>> a, b = S.gens()
    >>> lhs, rhs = parse_equation("x[m]*x[m-2] = x[m-1] + 1")
    >>> expr_to_laurent(rhs, S, indices={"m": 2}) / a
    x[0]^-1*x[1] + x[0]^-1
    """
    from combalg.core.laurent import LaurentPolynomial, LaurentRing

    _check_tree(expr)
    if not isinstance(ring, LaurentRing):
        raise InvalidInputError(f"invalid ring {short_repr(ring)}: expected a LaurentRing")
    if env is not None and not isinstance(env, Mapping):
        raise InvalidInputError(f"invalid env {short_repr(env)}: expected a mapping of names to values or None")
    env = env or {}
    indices = _values_arg(indices, "indices")
    max_terms = nonnegative_int("max_terms", max_terms, allow_none=True)

    def value(v: Any, label: str) -> Any:
        if isinstance(v, LaurentPolynomial):
            if v.ring != ring:
                raise InvalidInputError(f"invalid value for {label}: it lies in {v.ring!r}, expected {ring!r}")
            return v
        return ring(v)

    def leaf(e: Expr) -> tuple[int, int, int]:
        key: Any = e.name if isinstance(e, Name) else None
        if isinstance(e, Indexed):
            try:
                idx = e.resolve(indices)
            except InvalidInputError:
                return (1, 0, 0)  # reported by the evaluation below
            for k in ((e.base, idx), (e.base, idx[0]) if len(idx) == 1 else None):
                if k is not None and k in env:
                    key = k
                    break
        if key is None or key not in env:
            return (1, 0, 0)
        v = env[key]
        coeffs = list(v.terms().values()) if isinstance(v, LaurentPolynomial) else [v]
        den = 1
        for c in coeffs:
            if isinstance(c, Fraction):
                den = den * c.denominator // math.gcd(den, c.denominator)
        try:
            top = max((abs(int(c * den)) for c in coeffs), default=0)
        except (TypeError, ValueError):
            return (1, 0, 0)  # not a number: reported by the evaluation below
        return (max(len(coeffs), 1), (top - 1).bit_length() if top > 1 else 0,
                (den - 1).bit_length())

    expression_size_bound(expr, leaf)

    def mul(a: Any, b: Any) -> Any:
        if max_terms is not None and a.length * b.length > max_terms:
            raise ResourceLimitError(
                f"a product of {a.length} and {b.length} terms could have more than "
                f"max_terms={max_terms} terms"
            )
        return a * b

    def ev(e: Expr) -> Any:
        if isinstance(e, Num):
            return ring(e.value)
        if isinstance(e, Name):
            if e.name in env:
                return value(env[e.name], repr(e.name))
            if e.name in ring._index:
                return ring.gen(e.name)
            raise InvalidInputError(
                f"invalid name {e.name!r} at position {e.pos + 1}: expected a generator of {ring.names!r} or a value in env"
            )
        if isinstance(e, Indexed):
            idx = e.resolve(indices)
            for key in ((e.base, idx), (e.base, idx[0]) if len(idx) == 1 else None):
                if key is not None and key in env:
                    return value(env[key], _index_name(e.base, idx))
            name = _index_name(e.base, idx)
            if name in ring._index:
                return ring.gen(name)
            raise InvalidInputError(
                f"invalid name {name!r} (written {e} at position {e.pos + 1}): expected a generator of the ring or a value in env"
            )
        if isinstance(e, Neg):
            return -ev(e.operand)
        if isinstance(e, Add):
            total = ring.zero()
            for t in e.terms:
                total = total + ev(t)
            return total
        if isinstance(e, Mul):
            prod = ring.one()
            for f in e.factors:
                prod = mul(prod, ev(f))
            if e.divisors:
                den = ring.one()
                for d in e.divisors:
                    den = mul(den, ev(d))
                prod = prod.exact_divide(den)
            return prod
        if isinstance(e, Pow):
            base = ev(e.base)
            if max_terms is not None and base.length > 1 and e.exponent > 1:
                from combalg.core.laurent import _power_term_estimate

                est = _power_term_estimate(base.numerator, e.exponent)
                if est > max_terms:
                    raise ResourceLimitError(
                        f"a power ({base.length} terms)^{e.exponent} could have about {est} terms; "
                        f"max_terms={max_terms}"
                    )
            return base**e.exponent
        raise InvalidInputError(f"invalid expression node {short_repr(e)}")  # pragma: no cover

    return ev(expr)


def expr_to_sympy(expr: Expr, indices: Mapping[str, int] | None = None) -> Any:
    """Build a sympy expression from a syntax tree (no text is sympified).

    Names become ``sympy.Symbol``; an indexed name becomes the Symbol
    ``"x[3]"`` when ``indices`` resolves its indices, otherwise a
    ``sympy.Indexed`` object.

    Raises
    ------
    InvalidInputError
        If a divisor is zero.
    ResourceLimitError
        If the numbers could exceed [`MAX_COEFFICIENT_BITS`][MAX_COEFFICIENT_BITS] bits
        (checked before sympy sees anything), e.g. ``(10^1000)^10000``.

    Examples
    --------
    >>> expr_to_sympy(parse_expression("x^2/y - 3/4"))
    x**2/y - 3/4
    >>> expr_to_sympy(parse_expression("x[m-1]*x[m+1]"))
    x[m + 1]*x[m - 1]
    >>> expr_to_sympy(parse_expression("x[m-1]"), {"m": 3})
    x[2]
    """
    import sympy

    _check_tree(expr)
    if indices is not None:
        indices = _values_arg(indices, "indices")
    expression_size_bound(expr)

    def ev(e: Expr) -> Any:
        if isinstance(e, Num):
            v = e.value
            return sympy.Integer(v) if isinstance(v, int) else sympy.Rational(v.numerator, v.denominator)
        if isinstance(e, Name):
            return sympy.Symbol(e.name)
        if isinstance(e, Indexed):
            if indices is not None:
                try:
                    idx = e.resolve(indices)
                except InvalidInputError:
                    idx = None
                if idx is not None:
                    return sympy.Symbol(_index_name(e.base, idx))
            return sympy.IndexedBase(e.base)[tuple(ev(i) for i in e.indices)]
        if isinstance(e, Neg):
            return sympy.Mul(sympy.Integer(-1), ev(e.operand))
        if isinstance(e, Add):
            return sympy.Add(*[ev(t) for t in e.terms])
        if isinstance(e, Mul):
            num = [ev(f) for f in e.factors]
            den = [ev(d) for d in e.divisors]
            for d in den:
                if d == 0:
                    raise InvalidInputError(f"invalid expression {_short_text(e)}: division by zero")
            return sympy.Mul(*num, *[sympy.Pow(d, -1) for d in den])
        if isinstance(e, Pow):
            b = ev(e.base)
            if b == 0 and e.exponent < 0:
                raise InvalidInputError(f"invalid expression {_short_text(e)}: zero to a negative power")
            return sympy.Pow(b, sympy.Integer(e.exponent))
        raise InvalidInputError(f"invalid expression node {short_repr(e)}")  # pragma: no cover

    return ev(expr)
