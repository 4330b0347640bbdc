"""``combalg cylindric biject``: run the growth bijection on one cylindric partition.

The cylindric command calls [`register_biject`][register_biject] on its sub-command parsers.
Forward direction (a cylindric partition to ``(nu, m)``):

    combalg cylindric biject 10 --parts '[[2],[3,1]]'
    combalg cylindric biject 1010 --parts '1|2,1|1|2'

Inverse direction:

    combalg cylindric biject 1010 --nu '' --filling '0,1:1; 0,5:1; 2,1:1'

``--parts`` is a JSON list of lists of integers, or partitions separated by
``|`` with parts separated by commas (an empty partition is written as nothing,
``0`` or ``()``).  ``--filling`` lists cells ``i,d:m`` (``i`` counted from 0)
separated by ``;``, or is a JSON list of ``[i, d, m]`` triples.  Nothing is
evaluated: the text is parsed by hand (or by `json.loads`).
"""

from __future__ import annotations

import argparse
import json
import re
from typing import Any

from combalg.core.errors import InvalidInputError
from combalg.partitions import compact_str as _fmt

__all__ = ["register_biject", "parse_parts", "parse_filling", "run_biject"]

_INT = re.compile(r"^[+]?\d+$")


def _int(token: str, where: str) -> int:
    token = token.strip()
    if not _INT.match(token):
        raise InvalidInputError(f"invalid {where} {token!r}: expected a nonnegative integer")
    return int(token)


def _partition_text(chunk: str, where: str) -> list[int]:
    chunk = chunk.strip()
    if chunk.startswith("(") and chunk.endswith(")"):
        chunk = chunk[1:-1].strip()
    if chunk in ("", "0", "-"):
        return []
    parts = [_int(t, where) for t in re.split(r"[,\s]+", chunk) if t]
    return [p for p in parts if p]


def parse_parts(text: str) -> list[list[int]]:
    """Parse ``--parts``: JSON ``[[2],[3,1]]`` or ``2|3,1``.

    Examples
    --------
    >>> parse_parts("[[2], [3, 1]]")
    [[2], [3, 1]]
    >>> parse_parts("1|2,1||2")
    [[1], [2, 1], [], [2]]
    >>> parse_parts("1|x")
    Traceback (most recent call last):
    ...
    combalg.core.errors.InvalidInputError: invalid part of mu^1 'x': expected a nonnegative integer
    """
    text = text.strip()
    if text.startswith("["):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InvalidInputError(f"invalid --parts {text!r}: not valid JSON ({exc.msg})") from None
        if not isinstance(data, list) or not all(isinstance(p, list) for p in data):
            raise InvalidInputError(f"invalid --parts {text!r}: expected a list of lists of integers")
        for k, p in enumerate(data):
            for v in p:
                if not (isinstance(v, int) and not isinstance(v, bool) and v >= 0):
                    raise InvalidInputError(
                        f"invalid part of mu^{k} {v!r}: expected a nonnegative integer"
                    )
        return [[v for v in p if v] for p in data]
    return [_partition_text(chunk, f"part of mu^{k}") for k, chunk in enumerate(text.split("|"))]


def parse_filling(text: str) -> dict[tuple[int, int], int]:
    """Parse ``--filling``: ``0,1:1; 0,3:1`` or JSON ``[[0,1,1],[0,3,1]]``.

    Examples
    --------
    >>> parse_filling("0,1:1; 0,3:2")
    {(0, 1): 1, (0, 3): 2}
    >>> parse_filling("[[2, 1, 1]]")
    {(2, 1): 1}
    """
    text = text.strip()
    out: dict[tuple[int, int], int] = {}
    if text.startswith("["):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InvalidInputError(f"invalid --filling {text!r}: not valid JSON ({exc.msg})") from None
        if not isinstance(data, list):
            raise InvalidInputError(f"invalid --filling {text!r}: expected a list of [i, d, m] triples")
        for item in data:
            if not (isinstance(item, list) and len(item) == 3
                    and all(isinstance(v, int) and not isinstance(v, bool) for v in item)):
                raise InvalidInputError(f"invalid --filling entry {item!r}: expected [i, d, m] integers")
            out[(item[0], item[1])] = out.get((item[0], item[1]), 0) + item[2]
        return out
    for token in [t for t in re.split(r"[;\s]+", text) if t]:
        m = re.match(r"^\(?\s*(\d+)\s*,\s*(\d+)\s*\)?\s*:\s*(\d+)$", token)
        if not m:
            raise InvalidInputError(
                f"invalid --filling entry {token!r}: expected i,d:m with nonnegative integers"
            )
        key = (int(m.group(1)), int(m.group(2)))
        out[key] = out.get(key, 0) + int(m.group(3))
    return out


def run_biject(args: argparse.Namespace) -> int:
    """Carry out ``combalg cylindric biject`` (see the module docstring)."""
    from combalg.cylindric import CylindricPartition, Profile
    from combalg.growth.cylinder import (
        LABEL,
        cylinder_forward,
        cylinder_inverse,
        cylinder_sweeps,
    )

    profile = Profile(args.profile)
    T = profile.T
    if args.parts is not None:
        if args.nu is not None or args.filling is not None:
            raise InvalidInputError("invalid arguments: give either --parts or --nu/--filling, not both")
        cp = CylindricPartition(profile, parse_parts(args.parts))
        nu, m = cylinder_forward(cp)
        back = cylinder_inverse(profile, nu, m)
    else:
        if args.filling is None and args.nu is None:
            raise InvalidInputError("invalid arguments: give --parts, or --nu and --filling")
        nu_list = _partition_text(args.nu or "", "part of nu")
        m = parse_filling(args.filling or "")
        cp = cylinder_inverse(profile, nu_list, m)
        nu, m2 = cylinder_forward(cp)
        back = cp
        m = m2
    ok = back == cp
    total = T * sum(nu) + sum(d * v for (_, d), v in m.items())
    if args.format == "json":
        print(json.dumps({
            "construction": LABEL,
            "profile": str(profile),
            "parts": [list(p) for p in cp.parts],
            "weight": cp.weight,
            "nu": list(nu),
            "filling": [[i, d, v] for (i, d), v in m.items()],
            "weight_identity": total == cp.weight,
            "inverse_reproduces": ok,
        }))
        if args.plot:
            _save_plot(cp, args.plot)
        return 0 if ok and total == cp.weight else 1
    lines = [
        f"{LABEL}",
        f"profile {profile} (T = {T}); Lambda = {', '.join(_fmt(p) for p in cp.parts)}; |Lambda| = {cp.weight}",
        f"nu = {_fmt(nu)}",
        "m(i,d) (i counted from 0): " + (" ".join(f"({i},{d}):{v}" for (i, d), v in m.items()) or "empty"),
        f"T|nu| + sum d*m = {total} ({'equals' if total == cp.weight else 'DIFFERS FROM'} |Lambda|); "
        f"inverse reproduces Lambda: {'yes' if ok else 'NO'}",
    ]
    if args.sweeps:
        for step in cylinder_sweeps(cp):
            word = "".join(map(str, step.word))
            flips = " ".join(f"{c}@({cell[0]},{cell[1]})" for _, cell, c in step.flips if c)
            lines.append(
                f"  sweep {step.sweep}: {word}  " + " ".join(_fmt(p) for p in step.parts)
                + (f"   cells {flips}" if flips else "")
            )
    print("\n".join(lines))
    if args.plot:
        _save_plot(cp, args.plot)
        print(f"drawing written to {args.plot}")
    return 0 if ok and total == cp.weight else 1


def _save_plot(cp: Any, path: str) -> None:
    from combalg.core.errors import CombalgError

    try:
        import matplotlib
    except ImportError:
        raise CombalgError("drawing needs matplotlib: install the 'plot' extra") from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from combalg.growth.plot import plot_cylinder_sweep

    ax = plot_cylinder_sweep(cp)
    ax.figure.savefig(path, bbox_inches="tight")
    plt.close(ax.figure)


def register_biject(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``biject`` sub-command to the cylindric command's sub-parsers.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        The object returned by ``add_subparsers`` of ``combalg cylindric``.

    Returns
    -------
    argparse.ArgumentParser
        The new sub-parser.

    Examples
    --------
    >>> import argparse
    >>> parser = argparse.ArgumentParser(prog="cylindric")
    >>> sub = parser.add_subparsers(dest="action")
    >>> _ = register_biject(sub)
    >>> args = parser.parse_args(["biject", "10", "--parts", "[[2],[3,1]]"])
    >>> args.func(args)
    growth bijection (reconstruction of Langer's)
    profile 10 (T = 2); Lambda = (2), (3,1); |Lambda| = 6
    nu = (1)
    m(i,d) (i counted from 0): (0,1):1 (0,3):1
    T|nu| + sum d*m = 6 (equals |Lambda|); inverse reproduces Lambda: yes
    0
    """
    p = subparsers.add_parser(
        "biject",
        help="growth bijection (reconstruction of Langer's): Lambda <-> (nu, m)",
        description=__doc__.split("\n\n")[0] if __doc__ else None,
    )
    p.add_argument("profile", metavar="PROFILE", help="the profile, a 0/1 word such as 110100")
    p.add_argument("--parts", help="mu^0..mu^{T-1}: JSON [[2],[3,1]] or 2|3,1")
    p.add_argument("--nu", help="inverse direction: the partition nu, e.g. '2,1' (empty: '')")
    p.add_argument("--filling", help="inverse direction: cells i,d:m separated by ';'")
    p.add_argument("--sweeps", action="store_true", help="also print the state after every sweep")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--plot", metavar="FILE", help="also draw the sweep into FILE (png, pdf, svg; needs matplotlib)")
    p.set_defaults(func=run_biject)
    return p
