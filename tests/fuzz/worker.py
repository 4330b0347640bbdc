"""The fuzzing harness's worker process: runs one call at a time, under a memory cap.

Run as a script by the harness (``python tests/fuzz/worker.py MEMORY_BYTES``).  Requests
and answers are length-prefixed pickles on the process's original stdin/stdout; what a
call prints goes nowhere.  Arguments arrive as *recipes* (plain data with tagged
tuples ``("$", kind, ...)``) so that values the parent cannot or should not pickle (deep
nesting, numpy and sympy scalars, graphs, combalg objects) are built here.

An answer is ``(outcome, type name, message)`` with outcome one of

* ``"returned"``: the call returned (iterators are consumed up to a few items, and the
  result is formatted with ``repr``, ``str`` and ``_repr_latex_``, which must not fail);
* ``"refused"``: it raised a :class:`combalg.core.errors.CombalgError` (or a
  KeyboardInterrupt);
* ``"raw"``: any other exception (the harness counts it as a failure);
* ``"memory"``: ``MemoryError`` under the cap.

A hang or an abort is seen by the parent (no answer in time / the process died).
"""

from __future__ import annotations

import importlib
import io
import itertools
import os
import pickle
import resource
import struct
import sys
import tempfile
import traceback
from fractions import Fraction

CONSUME = 25


def _send(stream, obj) -> None:
    data = pickle.dumps(obj)
    stream.write(struct.pack("<Q", len(data)) + data)
    stream.flush()


def _recv(stream):
    head = stream.read(8)
    if len(head) < 8:
        return None
    (n,) = struct.unpack("<Q", head)
    return pickle.loads(stream.read(n))


# -- values built in the worker -------------------------------------------------------------

def _graph(name):
    import networkx as nx

    return {
        "K4": lambda: nx.complete_graph(4),
        "path5": lambda: nx.path_graph(5),
        "cycle4": lambda: nx.cycle_graph(4),
        "empty": lambda: nx.Graph(),
        "multi": lambda: nx.MultiGraph([(0, 1), (0, 1), (1, 2)]),
        "directed": lambda: nx.DiGraph([(0, 1), (1, 2)]),
        "selfloop": lambda: nx.Graph([(0, 0), (0, 1)]),
        "big": lambda: nx.complete_graph(400),
    }[name]()


def _instance(name):
    """Valid instances of the public classes, by name (a few of each)."""
    from combalg.core.laurent import LaurentRing
    from combalg.core.mseries import MultiSeries
    from combalg.core.series import PowerSeries

    R = LaurentRing(["x", "y"])
    table = {
        "PowerSeries": lambda: PowerSeries([1, 1, 2, 3, 5], 5),
        "PowerSeries0": lambda: PowerSeries([0, 1, Fraction(1, 2)], 3),
        "MultiSeries": lambda: MultiSeries({(0, 0): 1, (1, 0): 2, (0, 1): Fraction(1, 3)}, ["q", "w"], 4),
        "LaurentRing": lambda: R,
        "LaurentPolynomial": lambda: R.parse("x + 1/y - 2"),
        "LaurentMonomial": lambda: R.parse("x^2*y^-1"),
        "Partition": lambda: importlib.import_module("combalg.partitions").Partition([3, 1, 1]),
        "Profile": lambda: importlib.import_module("combalg.cylindric").Profile("110100"),
        "CylindricPartition": lambda: _cylindric(),
        "GrowthDiagram": lambda: _growth(),
        "RuleRSK": lambda: importlib.import_module("combalg.growth").RuleRSK(),
        "RuleBurge": lambda: importlib.import_module("combalg.growth").RuleBurge(),
        "LabelledSpace": lambda: _space([[1, 0, 1, 2], [0, 1, 1, 0]], "abcd"),
        "LabelledSpace2": lambda: _space([[1, 1, 0, 0], [0, 0, 1, 1]], "cdef"),
        "LabelledSpaceGF2": lambda: _space([[1, 0, 1], [0, 1, 1]], "abc", 2),
        "LinearMatroid": lambda: _linking().LinearMatroid([[1, 0, 1, 1], [0, 1, 1, 2]], list("abcd")),
        "GraphicMatroid": lambda: _linking().GraphicMatroid(_graph("K4")),
        "UniformMatroid": lambda: _linking().UniformMatroid(2, 4),
        "BasesMatroid": lambda: _linking().BasesMatroid([{1, 2}, {1, 3}, {2, 3}], [1, 2, 3]),
        "RankMatroid": lambda: _linking().RankMatroid(lambda S: min(len(S), 2), [1, 2, 3, 4]),
        "FockSpace": lambda: importlib.import_module("combalg.free").FockSpace(2, 3),
        "QQ": lambda: _linking().QQ,
        "GF2": lambda: _linking().GF(2),
        "GF3": lambda: _linking().GF(3),
        "Table": lambda: importlib.import_module("combalg.tables.table").Table("t", ["a", "b"], [[1, Fraction(1, 2)]]),
        "CheckResult": lambda: importlib.import_module("combalg.core.checks").CheckResult("c", {"n": 1}, ("a", "b")),
        "Mismatch": lambda: importlib.import_module("combalg.core.checks").Mismatch(1, 2, 3),
        "ASM": lambda: importlib.import_module("combalg.asm").as_asm(((0, 1, 0), (1, -1, 1), (0, 1, 0))),
        "Tableau": lambda: importlib.import_module("combalg.growth").rsk([2, 3, 1, 3])[0],
        "TableauQ": lambda: importlib.import_module("combalg.growth").rsk([2, 3, 1, 3])[1],
        "ExactJSONEncoder": lambda: importlib.import_module("combalg.core.encoding").ExactJSONEncoder(),
        "OctahedronResult": lambda: importlib.import_module("combalg.lambdadet").octahedron("generic", 3),
        "LaurentRunResult": lambda: importlib.import_module("combalg.lambdadet").laurent_run(
            "x[m]*x[m-2] = x[m-1]^2 + 1", steps=5),
        "SparseMatrix": lambda: importlib.import_module("combalg.free").FockSpace(2, 3).left_creation(1),
        "ConditionalExpectation": lambda: importlib.import_module("combalg.free").conditional_expectation_matrix(2, 2),
        "CheckInfo": lambda: importlib.import_module("combalg.sweep.registry").lookup("asm.count"),
        "Expr": lambda: importlib.import_module("combalg.core.parsing").parse_expression("x[m-1]^2 + 3*y"),
        "Indexed": lambda: importlib.import_module("combalg.core.parsing").parse_expression("x[m-1]"),
    }
    return table[name]()


def _linking():
    return importlib.import_module("combalg.linking")


def _space(rows, labels, p=None):
    L = _linking()
    return L.LabelledSpace(rows, list(labels), None if p is None else L.GF(p))


def _cylindric():
    from combalg.cylindric import cylindric_partitions

    return next(itertools.islice(cylindric_partitions("110100", max_weight=4), 5, None))


def _growth():
    from combalg.growth import GrowthDiagram, RuleRSK

    return GrowthDiagram(RuleRSK(), filling=[2, 3, 1])


def _deep(depth):
    v: list = [1]
    for _ in range(depth):
        v = [v]
    return v


def build(recipe):
    """Turn a recipe into a value."""
    if isinstance(recipe, tuple) and recipe and recipe[0] == "$":
        kind, *a = recipe[1:]
        if kind == "float":
            return float(a[0])
        if kind == "nan":
            return float("nan")
        if kind == "inf":
            return float("inf")
        if kind == "frac":
            return Fraction(a[0], a[1])
        if kind == "np_int":
            import numpy as np

            return np.int64(a[0])
        if kind == "np_arr":
            import numpy as np

            return np.array(a[0], dtype=np.int64)
        if kind == "np_float_arr":
            import numpy as np

            return np.array(a[0], dtype=float)
        if kind == "sympy_int":
            import sympy

            return sympy.Integer(a[0])
        if kind == "sympy_rat":
            import sympy

            return sympy.Rational(a[0], a[1])
        if kind == "sympy_matrix":
            import sympy

            return sympy.Matrix(a[0])
        if kind == "sympy_symbol":
            import sympy

            return sympy.Symbol(a[0])
        if kind == "object":
            return object()
        if kind == "deep":
            return _deep(a[0])
        if kind == "long_str":
            return a[1] * a[0] if len(a) > 1 else "1" * a[0]
        if kind == "bytes":
            return b"\x00\xff binary"
        if kind == "set":
            return set(a[0])
        if kind == "frozenset":
            return frozenset(a[0])
        if kind == "tuple":
            return tuple(build(x) for x in a[0])
        if kind == "graph":
            return _graph(a[0])
        if kind == "inst":
            return _instance(a[0])
        if kind == "callable":
            return {"bool": lambda *args, **kw: True, "len": len, "raise": _raiser}[a[0]]
        if kind == "tmp":
            return os.path.join(tempfile.gettempdir(), f"combalg-fuzz-{os.getpid()}-{a[0]}")
        if kind == "file":
            return _file(a[0])
        if kind == "range":
            return range(*a)
        if kind == "gen":
            return (x for x in a[0])
        raise ValueError(f"unknown recipe {kind}")
    if isinstance(recipe, list):
        return [build(x) for x in recipe]
    if isinstance(recipe, dict):
        return {k: build(v) for k, v in recipe.items()}
    return recipe


def _file(kind):
    """Sample input files for the command line, made in the worker's folder on first use."""
    import json

    name = {"space": "A.json", "space2": "B.json", "binary": "binary.json", "deep": "deep.json",
            "big": "big.txt", "csv": "A.csv", "empty": "empty.json", "recurrences": "recurrences.txt"}[kind]
    if not os.path.exists(name):
        with open(name, "wb") as fh:
            if kind == "space":
                fh.write(json.dumps({"labels": ["a", "b", "c", "d"], "rows": [[1, 0, 1, 2], [0, 1, 1, 0]]}).encode())
            elif kind == "space2":
                fh.write(json.dumps({"labels": ["c", "d", "e"], "rows": [[1, 1, 0], [0, 1, 1]]}).encode())
            elif kind == "binary":
                fh.write(bytes(range(256)) * 64)
            elif kind == "deep":
                fh.write(b"[" * 5000 + b"1" + b"]" * 5000)
            elif kind == "big":
                fh.write(b"1 " * (6 * 2**20))
            elif kind == "csv":
                fh.write(b"a,b,c\n1,0,1\n0,1,1\n")
            elif kind == "recurrences":
                fh.write(b"x[m]*x[m-2] = x[m-1]^2 + 1\nx[m]*x[m-2] = x[m-1] + 2\n")
    return name


def _raiser(*args, **kwargs):
    raise RuntimeError("a user callback that raises")


def _resolve(module, qualname):
    obj = importlib.import_module(module)
    for part in qualname.split("."):
        obj = getattr(obj, part)
    return obj


def _format(value) -> None:
    repr(value)
    str(value)
    latex = getattr(value, "_repr_latex_", None)
    if callable(latex) and not isinstance(value, type):
        latex()


def run_cli(argv):
    """Run ``combalg.cli.main(argv)``; answer (exit status, stderr text) or an escape."""
    import contextlib

    from combalg.cli import main as cli_main

    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err):
            code = cli_main([build(a) for a in argv])
    except SystemExit as exc:  # --help and --version exit through argparse
        code = exc.code if isinstance(exc.code, int) else 0
    except MemoryError:
        return ("memory", "MemoryError", err.getvalue()[-300:])
    except BaseException as exc:  # noqa: BLE001 - escaped from main: a traceback for the user
        return ("raw", type(exc).__name__, f"{str(exc)[:200]}")
    return ("exit", code, err.getvalue()[-2000:])


def run(request):
    from combalg.core.errors import CombalgError

    if request[0] == "cli":
        return run_cli(request[1])
    module, qualname, instance, args, kwargs = request
    try:
        target = _resolve(module, qualname)
        if instance is not None:
            target = getattr(build(instance), qualname.rsplit(".", 1)[-1])
        a = [build(x) for x in args]
        kw = {k: build(v) for k, v in kwargs.items()}
    except Exception as exc:  # noqa: BLE001 - a harness problem, reported as such
        return ("harness", type(exc).__name__, f"{exc}")
    try:
        value = target(*a, **kw)
        if hasattr(value, "__next__"):
            value = list(itertools.islice(value, CONSUME))
        _format(value)
        return ("returned", type(value).__name__, "")
    except (CombalgError, KeyboardInterrupt) as exc:
        return ("refused", type(exc).__name__, str(exc)[:300])
    except MemoryError:
        return ("memory", "MemoryError", "")
    except RecursionError as exc:
        return ("raw", "RecursionError", str(exc)[:200])
    except BaseException as exc:  # noqa: BLE001
        tb = traceback.extract_tb(exc.__traceback__)
        where = f"{tb[-1].filename.rsplit('/', 2)[-1]}:{tb[-1].lineno}" if tb else ""
        return ("raw", type(exc).__name__, f"{str(exc)[:200]} [{where}]")


def main() -> None:
    cap = int(sys.argv[1]) if len(sys.argv) > 1 else 3 * 2**30
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    inp = os.fdopen(os.dup(0), "rb")
    out = os.fdopen(os.dup(1), "wb")
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(devnull, 1)
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - for the life of the worker
    os.chdir(tempfile.mkdtemp(prefix="combalg-fuzz-"))  # files the CLI writes land here
    import combalg.core  # noqa: F401 - warm the imports before the first timed call

    _send(out, ("ready",))
    while True:
        request = _recv(inp)
        if request is None:
            return
        _send(out, run(request))


if __name__ == "__main__":
    main()
