"""``combalg linking``: compose, decompose and reduce labelled vector spaces.

Spaces are labelled rational matrices in JSON (``{"labels": [...], "rows":
[[...]]}``, optionally with ``"field": "GF(p)"``) or CSV whose header row holds
the labels; they are read with the safe parser of [`combalg.core.parsing`][combalg.core.parsing].

Examples (shell):

    combalg linking compose A.json B.json
    combalg linking compose A.json B.json --skew --format json
    combalg linking decompose V.json --split s1,s2
    combalg linking minimize A.json B.json
    combalg linking connectivity V.csv --split s1,s2 --field "GF(2)"
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from combalg.core.errors import InvalidInputError

COMMAND = "linking"
HELP = "compose (↔, ⇌), decompose and reduce vector spaces on labelled columns over QQ or GF(p)"
DESCRIPTION = (
    "Matched/skewed composition, minimum-overlap decomposition and overlap reduction of vector spaces "
    "on labelled columns (reconstructions after Narayanan 2023). Inputs are JSON {\"labels\", \"rows\"} "
    "or CSV with a header row of labels."
)


def _read(path: str) -> str:
    from combalg.cli._args import read_text_file

    return read_text_file(path)


def load_space(path: str, field: str | None = None):
    """Read a labelled space from a JSON or CSV file (safe parser, no evaluation).

    A JSON object may carry ``"field": "QQ" | "GF(p)"``; ``field`` (from the
    command line) overrides it.
    """
    from combalg.core.parsing import parse_labelled_matrix
    from combalg.linking import LabelledSpace

    text = _read(path)
    file_field = None
    if text.lstrip().startswith("{"):
        from combalg.core.parsing import refuse_long_numbers

        refuse_long_numbers(text, f"JSON in {path!r}")  # before json makes ints of them
        try:
            # decimals stay text, so that re-serialising below loses no digits
            data = json.loads(text, parse_float=str)
        except json.JSONDecodeError as exc:
            raise InvalidInputError(f"invalid JSON in {path!r}: {exc.msg} at line {exc.lineno}") from None
        except RecursionError:
            raise InvalidInputError(f"invalid JSON in {path!r}: nested too deeply") from None
        if isinstance(data, dict) and "field" in data:
            file_field = data.pop("field")
            if not isinstance(file_field, str):
                raise InvalidInputError(f"invalid field {file_field!r} in {path!r}: expected \"QQ\" or \"GF(p)\"")
            text = json.dumps(data)
    labels, rows = parse_labelled_matrix(text)
    try:
        return LabelledSpace(rows, labels, field if field is not None else file_field)
    except InvalidInputError as exc:
        raise InvalidInputError(f"{path}: {exc}") from None


def _split_labels(text: str, V) -> list:
    names = [t.strip() for t in text.split(",") if t.strip()]
    by_str = {str(x): x for x in V.labels}
    out = []
    for n in names:
        if n not in by_str:
            raise InvalidInputError(f"invalid --split label {n!r}: expected labels among {[str(x) for x in V.labels]}")
        out.append(by_str[n])
    return out


def _ordered(V, first: list) -> list:
    """Labels of V: those in ``first`` (in that order), then the rest canonically."""
    seen = [x for x in first if x in V._index]
    return seen + [x for x in V.labels if x not in set(seen)]


def space_dict(V, order: list | None = None) -> dict:
    """``{"field", "labels", "rows"}`` with the RREF taken in the column order ``order``."""
    order = list(V.labels) if order is None else order
    return {
        "field": V.field_name,
        "labels": [x if isinstance(x, (str, int)) else repr(x) for x in order],
        "rows": [[x if isinstance(x, int) else str(x) for x in r] for r in V.rows_in(order)],
    }


def render_space(V, fmt: str, title: str = "", order: list | None = None) -> str:
    """Render a space as text (header of labels and RREF rows), CSV, JSON or LaTeX (a display)."""
    if fmt == "latex":
        head = f"% {title}{' ' if title else ''}over {V.field_name}, dim {V.dim}"
        return f"{head}\n\\[ {V.latex(order)} \\]"
    d = space_dict(V, order)
    if fmt == "json":
        return json.dumps(d)
    if fmt == "csv":
        lines = [",".join(str(x) for x in d["labels"])]
        lines += [",".join(str(x) for x in r) for r in d["rows"]]
        return "\n".join(lines)
    cells = [[str(x) for x in d["labels"]]] + [[str(x) for x in r] for r in d["rows"]]
    widths = [max(len(row[j]) for row in cells) for j in range(len(cells[0]))] if cells[0] else []
    head = f"{title}{' ' if title else ''}over {V.field_name}, dim {V.dim}, labels {len(V.labels)}"
    body = ["  ".join(c.rjust(w) for c, w in zip(row, widths)) for row in cells]
    if len(cells) > 1:
        body.insert(1, "  ".join("-" * w for w in widths))
    else:
        body.append("(zero space)")
    return "\n".join([head] + body)


def _emit(parts: list[tuple[str, Any]], fmt: str, extra: dict | None = None, first: list | None = None) -> None:
    first = first or []
    if fmt == "json":
        out = {name: space_dict(V, _ordered(V, first)) for name, V in parts}
        out.update(extra or {})
        print(json.dumps(out))
        return
    for i, (name, V) in enumerate(parts):
        if i:
            print()
        print(render_space(V, fmt, name if fmt in ("text", "latex") else "", _ordered(V, first)))
    for k, v in (extra or {}).items():
        print(f"% {k}: {v}" if fmt == "latex" else f"{k}: {v}")


def _compose(args: argparse.Namespace) -> int:
    from combalg.linking import compose

    A = load_space(args.A, args.field)
    B = load_space(args.B, args.field)
    V = compose(A, B, sign=-1 if args.skew else 1)
    _emit([("V_SQ" if not args.skew else "V_SQ (skewed)", V)], args.format, first=list(A.labels) + list(B.labels))
    return 0


def _decompose(args: argparse.Namespace) -> int:
    from combalg.linking import compose, decompose

    V = load_space(args.V, args.field)
    S = _split_labels(args.split, V)
    A, B = decompose(V, S, sign=-1 if args.skew else 1)
    ok = compose(A, B, sign=-1 if args.skew else 1) == V
    P = sorted(set(A.labels) & set(B.labels), key=str)
    _emit([("V_SP", A), ("V_PQ", B)], args.format,
          {"P": [str(x) for x in P], "lambda": V.connectivity(S), "recomposes": ok},
          first=list(S) + P + [x for x in V.labels if x not in set(S)])
    return 0 if ok else 1


def _minimize(args: argparse.Namespace) -> int:
    from combalg.linking import compose, minimize_overlap

    A = load_space(args.A, args.field)
    B = load_space(args.B, args.field)
    sign = -1 if args.skew else 1
    A2, B2 = minimize_overlap(A, B, sign=sign)
    ok = compose(A2, B2, sign=sign) == compose(A, B, sign=sign)
    P = sorted(set(A2.labels) & set(B2.labels), key=str)
    _emit([("V_SP'", A2), ("V_P'Q", B2)], args.format, {"P'": [str(x) for x in P], "same composition": ok},
          first=[x for x in A.labels if x not in set(B.labels)] + P)
    return 0 if ok else 1


def _connectivity(args: argparse.Namespace) -> int:
    V = load_space(args.V, args.field)
    S = _split_labels(args.split, V)
    lam = V.connectivity(S)
    if args.format == "json":
        print(json.dumps({"lambda": lam, "dim": V.dim}))
    else:
        print(f"lambda = {lam} (dim {V.dim}, |S| = {len(S)}, |Q| = {len(V.labels) - len(S)})")
    return 0


def register(parser: argparse.ArgumentParser) -> None:
    """Add the ``linking`` sub-subcommands."""
    sub = parser.add_subparsers(dest="linking_command", metavar="ACTION", required=True)

    def common(p, two: bool):
        if two:
            p.add_argument("A", help="V_SP: JSON or CSV file of a labelled matrix")
            p.add_argument("B", help="V_PQ: JSON or CSV file; the shared labels are P")
        p.add_argument("--field", default=None, help='QQ (default) or GF(p), e.g. "GF(2)"')
        p.add_argument("--skew", action="store_true", help="use the skewed composition ⇌ instead of ↔")
        p.add_argument("--format", choices=["text", "csv", "json", "latex"], default="text")

    c = sub.add_parser("compose", help="matched (↔) or skewed (⇌, --skew) composition of two spaces")
    common(c, True)
    c.set_defaults(func=_compose)

    d = sub.add_parser("decompose", help="split V_SQ = V_SP ↔ V_PQ with |P| minimum (= lambda)")
    d.add_argument("V", help="JSON or CSV file of a labelled matrix")
    d.add_argument("--split", required=True, help="comma-separated labels of the side S")
    common(d, False)
    d.set_defaults(func=_decompose)

    m = sub.add_parser("minimize", help="reduce the shared labels P of two spaces to the minimum, same composition")
    common(m, True)
    m.set_defaults(func=_minimize)

    k = sub.add_parser("connectivity", help="lambda_V(S) = r(V·S) - r(V×S)")
    k.add_argument("V", help="JSON or CSV file of a labelled matrix")
    k.add_argument("--split", required=True, help="comma-separated labels of the side S")
    k.add_argument("--field", default=None, help='QQ (default) or GF(p)')
    k.add_argument("--format", choices=["text", "json"], default="text")
    k.set_defaults(func=_connectivity)
