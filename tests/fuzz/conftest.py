"""The fuzzing harness: discover the public API, build calls, run them in a capped worker.

* Discovery: every name in the ``__all__`` of each public module (``ENGINE_MODULES``),
  classes included (their constructor, and every public method on a few valid instances).
  New functions join automatically; a name the harness cannot drive fails
  ``test_every_public_name_is_covered``.
* Arguments: for each parameter, hypothesis draws either a plausible value (by the
  parameter's name: ``order`` gets small integers, ``profile`` profiles, ``M`` matrices
  or matroids ...) or an adversarial one (None, bools, floats, NaN, huge and negative
  integers, numpy and sympy scalars, empty and ragged sequences, unorderable and
  duplicate labels, very long strings, deep nesting, ...).
* Execution: a worker process (``worker.py``) runs each call under a memory cap; the
  parent enforces the time cap and restarts the worker after a hang or an abort.
* Verdict: a call must return or raise a ``CombalgError``; a raw exception, a hang, a
  ``MemoryError`` or an abort is a failure.  The counts are printed at the end of the run.
"""

from __future__ import annotations

import collections
import importlib
import inspect
import os
import pickle
import struct
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

WORKER = Path(__file__).with_name("worker.py")

#: the public modules whose ``__all__`` the harness drives
ENGINE_MODULES = (
    "combalg.core.errors", "combalg.core.series", "combalg.core.mseries", "combalg.core.laurent",
    "combalg.core.linalg", "combalg.core.parsing", "combalg.core.validation", "combalg.core.latex",
    "combalg.core.checks", "combalg.core.encoding",
    "combalg.partitions", "combalg.cylindric", "combalg.growth", "combalg.asm", "combalg.lambdadet",
    "combalg.linking", "combalg.free", "combalg.sweep", "combalg.sweep.grids", "combalg.tables.table",
)

#: per-call caps
TIME_CAP = float(os.environ.get("COMBALG_FUZZ_TIME_CAP", "10"))
MEMORY_CAP = int(os.environ.get("COMBALG_FUZZ_MEMORY_CAP", str(3 * 2**30)))

#: public names the harness does not call, with the reason (checked to still exist)
EXCLUDED = {
    "combalg.cylindric.plot_paths": "draws with matplotlib; exercised by the plot tests",
    "combalg.cylindric.plot_lozenges": "draws with matplotlib; exercised by the plot tests",
    "combalg.core.encoding.ExactJSONEncoder.iterencode": "the json module's own method",
    "combalg.core.encoding.ExactJSONEncoder.encode": "the json module's own method",
    "combalg.tables.table.Table.write": "writes files; covered by the table-writing tests",
    "combalg.tables.table.atomic_write_text": "writes files; covered by the table-writing tests",
    "combalg.sweep.SweepResult": "built from a store, not by users",
}

#: instances on which the methods of each class are called (recipes, see worker.build)
INSTANCES = {
    "PowerSeries": ["PowerSeries", "PowerSeries0"],
    "MultiSeries": ["MultiSeries"],
    "LaurentRing": ["LaurentRing"],
    "LaurentPolynomial": ["LaurentPolynomial", "LaurentMonomial"],
    "Partition": ["Partition"],
    "Profile": ["Profile"],
    "CylindricPartition": ["CylindricPartition"],
    "GrowthDiagram": ["GrowthDiagram"],
    "Rule": ["RuleRSK", "RuleBurge"],
    "RuleRSK": ["RuleRSK"],
    "RuleBurge": ["RuleBurge"],
    "LabelledSpace": ["LabelledSpace", "LabelledSpace2", "LabelledSpaceGF2"],
    "Matroid": ["LinearMatroid", "GraphicMatroid", "UniformMatroid", "BasesMatroid", "RankMatroid"],
    "LinearMatroid": ["LinearMatroid"],
    "GraphicMatroid": ["GraphicMatroid"],
    "UniformMatroid": ["UniformMatroid"],
    "BasesMatroid": ["BasesMatroid"],
    "RankMatroid": ["RankMatroid"],
    "FockSpace": ["FockSpace"],
    "Field": ["QQ", "GF2"],
    "RationalField": ["QQ"],
    "FiniteField": ["GF2", "GF3"],
    "Table": ["Table"],
    "Tableau": ["Tableau", "TableauQ"],
    "ASM": ["ASM"],
    "CheckResult": ["CheckResult"],
    "Mismatch": ["Mismatch"],
    "ExactJSONEncoder": ["ExactJSONEncoder"],
    "OctahedronResult": ["OctahedronResult"],
    "LaurentRunResult": ["LaurentRunResult"],
    "SparseMatrix": ["SparseMatrix"],
    "ConditionalExpectation": ["ConditionalExpectation"],
    "CheckInfo": ["CheckInfo"],
    "Expr": ["Expr"],
    "Indexed": ["Indexed"],
}


def _inst(*names):
    return [("$", "inst", n) for n in names]


F = lambda p, q: ("$", "frac", p, q)  # noqa: E731
SMALL = [0, 1, 2, 3, 4, 5, 6, 8]
MATRICES = [[[1, 2], [3, 4]], [[1, 0, 0], [0, 1, 0], [0, 0, 1]], [[0, 1, 0], [1, -1, 1], [0, 1, 0]], [[2]],
            [[1, F(1, 2)], [F(-1, 3), 4]], ("$", "np_arr", [[1, 2], [3, 4]]), ("$", "sympy_matrix", [[1, 0], [0, 1]])]
PROFILES = ["110100", "10", "1100", "01", "1", "0", "111000", ("$", "inst", "Profile")]
WORDS = [[1, 2, 1], [1], [2, 1, 2, 1], [], [3, 1, 2], ("$", "np_arr", [2, 3, 1]), (1, 1, 2)]
PARTITIONS = [[3, 1], [2, 2, 1], [1], [], [4], ("$", "inst", "Partition")]
LABELS = [["a", "b", "c", "d"], [0, 1, 2, 3], "abcd", ["a", "b"], ["c", "d", "e", "f"]]
SPACES = _inst("LabelledSpace", "LabelledSpace2", "LabelledSpaceGF2")
MATROIDS = _inst("LinearMatroid", "GraphicMatroid", "UniformMatroid", "BasesMatroid", "RankMatroid")
GRAPHS = [("$", "graph", g) for g in ("K4", "path5", "cycle4", "empty", "multi", "directed", "selfloop")]
RATIONALS = [1, -1, 0, 2, F(1, 3), F(-2, 5), ("$", "sympy_rat", 1, 2)]
SEQUENCES = [[1, 0, 1, 0, 2], [1, 2, 5, 14], [F(1, 2), 1, 3], [1], []]
TEXTS = ["x[m]*x[m-2] = x[m-1]^2 + 1", "x[m]*x[m-2] = x[m-1] + 2", "1 + 2*x", "x^2 - 1/3*y", "[[1, 2], [3, 4]]",
         "1 2\n3 4", "110100", '{"labels": ["a", "b"], "rows": [[1, 2]]}', "a,b\n1,2\n", "x/y + y/x"]

#: plausible values by parameter name
POOLS: dict[str, list] = {}
for _names, _pool in [
    (("n", "k", "N", "T", "order", "degree", "i", "j", "m", "r", "d", "c", "e", "steps", "length", "size", "rank",
      "max_length", "max_part", "max_terms", "max_words", "max_boxes", "max_weight", "max_degree", "max_d",
      "max_rank", "max_content", "max_columns", "n_generators", "generator", "index", "shift", "weight", "trials",
      "seed", "ncols", "pos", "deform_period", "top", "bottom", "up_to", "exponent", "dimension", "limit",
      "kernel_dimension", "checked_through", "certified_through", "first_failure", "failing_step",
      "remainder_terms", "wall_time", "max_seconds", "timeout", "seconds", "max_abs_entry", "workers", "x0", "x1",
      "elements"), SMALL),
    (("profile", "pi", "cp"), PROFILES),
    (("word", "w", "u", "filling", "sigma", "flips", "chain", "exps", "exponents", "indices", "words"), WORDS),
    (("M", "A", "X", "B", "P", "Q", "K", "E", "R", "matrix", "mat", "entries", "rows", "projection"), MATRICES
     + MATROIDS + SPACES),
    (("lam", "mu", "nu", "shape", "content", "parts", "partition", "tableau", "o"), PARTITIONS + RATIONALS),
    (("field", "domain", "ring"), _inst("QQ", "GF2", "GF3") + ["QQ", "ZZ", 2, 3, 4]),
    (("q", "t", "x", "y", "z", "variance", "rate", "value", "coeff", "a", "b", "divisor_coefficient", "tfrac"),
     RATIONALS),
    (("method",), ["closed_form", "nullspace", "powers", "asm", "condensation", "transfer", "enumerate", "growth",
                   "insertion", "operator", "partitions", "recursion", "bogus"]),
    (("methods",), [["closed_form", "nullspace"], ["bogus"], []]),
    (("name", "label", "var", "base", "token", "leaf", "description", "title", "check", "placement", "convention",
      "coefficients", "fmt", "status", "reason", "prefix", "created", "apex_form"),
     ["x", "q", "a", "asm.count", "langer", "robbins_rumsey", "md", "latex", "generic", "bogus"]),
    (("text", "expr", "poly", "recurrence", "rhs", "polynomial", "operand", "inner"), TEXTS),
    (("labels", "groundset", "S", "p_labels", "variables", "names", "params", "columns", "notes", "generators",
      "rename", "indices"), LABELS + [[1, 2], ["x", "y"], [0, 0, 1]]),
    (("G", "G1", "G2", "G_SP", "G_PQ"), GRAPHS),
    (("V_SP", "V_PQ", "V_SQ", "V", "other", "others", "left", "right", "v", "vector", "fock_vector"),
     SPACES + MATROIDS + [[1, 2, 3], F(1, 2), 3]),
    (("matroids", "summands", "bases"), [MATROIDS[:2], MATROIDS[2:4], [MATROIDS[0]], []]),
    (("M1", "M2", "M_SP", "M_PQ"), MATROIDS),
    (("moments", "cumulants", "moments1", "moments2", "values", "coeffs", "terms", "factors", "divisors",
      "divisions", "pivots", "initial", "forms"), SEQUENCES),
    (("clique1", "clique2", "edges"), [[0, 1, 2], [0, 1], [5, 6]]),
    (("p", "prime"), [2, 3, 5, 7, 101]),
    (("allow_none", "validate", "include_sides", "with_order", "mu0_empty", "keep_clique", "exact", "symmetric",
      "idempotent", "raise_error", "progress", "resume", "extend", "sign", "positive", "probably_laurent"),
     [True, False]),
    (("grid",), [{"n": [1, 2]}, [{"n": 1}], {"n": []}]),
    (("parameters", "meta", "mapping", "env", "text_widths", "first_mismatch", "where", "kwargs"),
     [{"n": 1}, {}, {"a": [1, 2]}]),
    (("store", "path", "output"), [("$", "tmp", "store.sqlite"), None]),
    (("func", "rank_function"), [("$", "callable", "len"), ("$", "callable", "raise")]),
    (("rule",), _inst("RuleRSK", "RuleBurge")),
    (("budget",), [None]),
    (("ax",), [None]),
]:
    for _n in _names:
        POOLS.setdefault(_n, []).extend(_pool)

#: adversarial values, tried for every parameter
ADVERSARIAL = [
    None, True, False, -1, 0, 10**6, 10**12, 10**100, -(10**100), 2**64, ("$", "float", 1.5), ("$", "nan"),
    ("$", "inf"), ("$", "np_int", 3), ("$", "np_arr", [[1, 2], [3, 4]]), ("$", "np_float_arr", [0.5, 1.5]),
    ("$", "sympy_int", 3), ("$", "sympy_rat", 1, 3), ("$", "sympy_matrix", [[1, 0], [0, 1]]),
    ("$", "sympy_symbol", "x"), ("$", "frac", 1, 3), "", "abc", "1/0", "10^5000", ("$", "long_str", 200_000),
    ("$", "long_str", 3000, "("), [], [[]], [[1], [1, 2]], [1, 2, 3], [None], ["a", 1], [1, "a", (2,)],
    [0, 0, 1], ("$", "object"), ("$", "deep", 3000), {"a": 1}, ("$", "bytes"), ("$", "set", [1, 2]),
    ("$", "gen", [1, 2]), ("$", "range", 0, 10**15), ("$", "graph", "big"), [[1, 2], [3, 4.5]],
    [[10**200, 1], [1, 1]], ("$", "callable", "raise"),
]


@dataclass
class Target:
    """One public callable: a function, a constructor, or a method on given instances."""

    module: str
    qualname: str
    public: str
    params: list = field(default_factory=list)  # (name, required)
    instances: list = field(default_factory=list)


def _params(obj):
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError):
        return None
    out = []
    for p in sig.parameters.values():
        if p.name in ("self", "cls") or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        out.append((p.name, p.default is inspect.Parameter.empty, p.kind == p.KEYWORD_ONLY))
    return out


def discover():
    """Every public callable of ``ENGINE_MODULES`` as a Target (or a reason it is not driven)."""
    targets, uncovered, seen = [], [], set()
    for modname in ENGINE_MODULES:
        mod = importlib.import_module(modname)
        for name in getattr(mod, "__all__", []):
            obj = getattr(mod, name)
            public = f"{modname}.{name}"
            if public in EXCLUDED or not callable(obj):
                continue
            if inspect.isclass(obj) and issubclass(obj, BaseException):
                continue
            key = (getattr(obj, "__module__", modname), getattr(obj, "__qualname__", name))
            if key in seen:
                continue
            seen.add(key)
            params = _params(obj)
            if params is None:
                uncovered.append((public, "no signature"))
                continue
            targets.append(Target(modname, name, public, params))
            if inspect.isclass(obj):
                for mname, member in vars(obj).items():
                    if mname.startswith("_") or not callable(getattr(obj, mname, None)):
                        continue
                    mpublic = f"{public}.{mname}"
                    if mpublic in EXCLUDED:
                        continue
                    if isinstance(inspect.getattr_static(obj, mname), (staticmethod, classmethod)) or (
                            _params(member) is None and _params(getattr(obj, mname)) is not None):
                        mparams = _params(getattr(obj, mname))
                        targets.append(Target(modname, f"{name}.{mname}", mpublic, mparams or []))
                        continue
                    insts = INSTANCES.get(obj.__name__)
                    if not insts:
                        uncovered.append((mpublic, f"no instances of {obj.__name__} in INSTANCES"))
                        continue
                    mparams = _params(member)
                    if mparams is None:
                        uncovered.append((mpublic, "no signature"))
                        continue
                    targets.append(Target(modname, f"{name}.{mname}", mpublic, mparams,
                                          [("$", "inst", i) for i in insts]))
    return targets, uncovered


TARGETS, UNCOVERED = discover()


# -- the worker ------------------------------------------------------------------------------

class Harness:
    """A worker process and the verdicts of the calls it ran."""

    def __init__(self) -> None:
        self.proc = None
        self.counts: collections.Counter = collections.Counter()
        self.failures: dict[str, list] = collections.defaultdict(list)

    def _start(self) -> None:
        env = dict(os.environ)
        env.pop("COVERAGE_PROCESS_START", None)
        self.proc = subprocess.Popen([sys.executable, str(WORKER), str(MEMORY_CAP)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        assert self._read(60) == ("ready",)

    def _read(self, timeout):
        import select

        out = self.proc.stdout
        deadline = time.monotonic() + timeout
        buf = b""
        need = 8
        size = None
        while len(buf) < need:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            ready, _, _ = select.select([out], [], [], left)
            if not ready:
                raise TimeoutError
            chunk = os.read(out.fileno(), need - len(buf))
            if not chunk:
                raise EOFError
            buf += chunk
            if size is None and len(buf) == 8:
                (size,) = struct.unpack("<Q", buf)
                need = 8 + size
        return pickle.loads(buf[8:])

    def _kill(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None

    def _exchange(self, request) -> tuple:
        """Send one request to the worker (started if needed); its answer, or a hang or an abort."""
        if self.proc is None or self.proc.poll() is not None:
            self._start()
        data = pickle.dumps(request)
        try:
            self.proc.stdin.write(struct.pack("<Q", len(data)) + data)
            self.proc.stdin.flush()
            return self._read(TIME_CAP)
        except TimeoutError:
            self._kill()
            return ("hang", "", f"no answer within {TIME_CAP:g} s")
        except (EOFError, BrokenPipeError):
            code = self.proc.wait()
            self.proc = None
            return ("abort", "", f"the worker died (exit code {code})")

    def call(self, target: Target, instance, args, kwargs) -> tuple:
        """Run one call in the worker and count its verdict."""
        verdict = self._exchange((target.module, target.qualname, instance, args, kwargs))
        kind = verdict[0]
        self.counts["calls"] += 1
        self.counts[kind] += 1
        if kind in ("raw", "hang", "memory", "abort", "harness"):
            self.failures[target.public].append((kind, verdict[1], verdict[2], instance, args, kwargs))
        return verdict

    def cli(self, argv) -> tuple:
        """Run one CLI invocation in the worker; answer (kind, exit status or type, stderr or message)."""
        return self._exchange(("cli", argv))

    def close(self) -> None:
        if self.proc is not None:
            try:
                self.proc.stdin.close()
                self.proc.wait(5)
            except Exception:  # noqa: BLE001
                self._kill()


HARNESS = Harness()


def draw_call(data, target: Target, adversarial: float = 0.3):
    """Draw (instance, args, kwargs) for ``target`` with hypothesis's ``data``.

    Each parameter gets a plausible value from ``POOLS`` (by name) or, with probability
    about ``adversarial``, one from ``ADVERSARIAL``; optional parameters are often left
    out; keyword-only ones are passed by keyword.
    """
    from hypothesis import strategies as st

    instance = data.draw(st.sampled_from(target.instances)) if target.instances else None
    args, kwargs = [], {}
    positional_ok = True
    for name, required, kwonly in target.params:
        if not required and data.draw(st.booleans()):
            positional_ok = False
            continue
        pool = POOLS.get(name) or GENERIC
        bad = data.draw(st.floats(0, 1)) < adversarial
        value = data.draw(st.sampled_from(ADVERSARIAL if bad else pool))
        if kwonly or not positional_ok:
            kwargs[name] = value
        else:
            args.append(value)
    return instance, args, kwargs


#: values for a parameter whose name the catalogue does not know
GENERIC = SMALL + PROFILES[:2] + WORDS[:2] + MATRICES[:2] + ["x", [1, 2]]


class Fuzz:
    """What the tests need from the harness."""

    harness = HARNESS
    draw_call = staticmethod(draw_call)
    targets = TARGETS
    uncovered = UNCOVERED
    excluded = EXCLUDED
    cli_counts = None  # set below


@pytest.fixture(scope="session")
def fuzz():
    yield Fuzz
    HARNESS.close()


def pytest_generate_tests(metafunc):
    if "target" in metafunc.fixturenames:
        metafunc.parametrize("target", TARGETS, ids=[t.public for t in TARGETS])


def pytest_terminal_summary(terminalreporter):
    c = HARNESS.counts
    if not c["calls"]:
        return
    tr = terminalreporter
    tr.section("combalg fuzzing harness")
    tr.write_line(f"{c['calls']} generated calls over {len(TARGETS)} public callables: {c['returned']} returned, "
                  f"{c['refused']} refused with a CombalgError; {c['raw']} raw exceptions, {c['hang']} hangs, "
                  f"{c['memory']} memory blowups, {c['abort']} aborts, {c['harness']} harness errors")
    if CLI_COUNTS["runs"]:
        tr.write_line(f"{CLI_COUNTS['runs']} CLI invocations: {CLI_COUNTS['ok']} exited 0 or 2 with at most one "
                      f"line on stderr and no traceback; {CLI_COUNTS['bad']} did not")
    for public, items in sorted(HARNESS.failures.items())[:60]:
        kinds = collections.Counter(i[0] for i in items)
        first = items[0]
        tr.write_line(f"  {public}: {dict(kinds)}; e.g. {first[1]}: {first[2][:120]} "
                      f"args={str(first[4])[:80]} kwargs={str(first[5])[:80]}")


CLI_COUNTS: collections.Counter = collections.Counter()
Fuzz.cli_counts = CLI_COUNTS


# -- the command line ------------------------------------------------------------------------

def cli_leaves():
    """Every leaf subcommand of ``combalg`` with its options: (path, [(flags, nargs, choices, positional)])."""
    import argparse

    from combalg.cli import build_parser

    def walk(parser, path):
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if subs:
            for name, sp in subs[0].choices.items():
                yield from walk(sp, path + [name])
            return
        opts = []
        for a in parser._actions:
            if isinstance(a, argparse._HelpAction):
                continue
            flag = a.option_strings[0] if a.option_strings else None
            takes = not isinstance(a, (argparse._StoreTrueAction, argparse._StoreFalseAction,
                                       argparse._StoreConstAction, argparse._VersionAction))
            opts.append((flag, takes, list(a.choices) if a.choices else None))
        yield path, opts

    return list(walk(build_parser(), []))


#: values for CLI options and positionals: plausible and adversarial
CLI_VALUES = [
    "3", "0", "1..4", "2,3", "110100", "1100", "10", "x[m]*x[m-2] = x[m-1]^2 + 1", "1/3", "[[1, 2], [3, 4]]",
    "md", "latex", "csv", "json", "text", "QQ", "GF(2)", "a,b", "asm.count", "n=1..3", "profile=profiles:3",
    ("$", "file", "space"), ("$", "file", "space2"), ("$", "file", "csv"), ("$", "file", "recurrences"),
    "out.tex", "out.md", "out.csv",
    # adversarial
    "", "-1", "-5", "1..1000000000", "5..1", "9" * 1200, "1e-1000", "nan", "inf", "1/0", "∞", "{}", "[[1, 2], [3]]",
    ("$", "long_str", 100_000), "/dev/zero", ("$", "file", "binary"), ("$", "file", "deep"), ("$", "file", "big"),
    ("$", "file", "empty"), "missing.json", "/proc/self/nonexistent/out.tex", ".", "sub/missing/out.csv",
    "@missing.txt", "x[m]*x[m-2] = x[m-1]^10000 + 1", "(x[m-1]+1)^10000", "1" + "/2" * 3000, "10^5000*x",
]


def draw_argv(data):
    """A random invocation: a subcommand, some of its options (values from CLI_VALUES)."""
    from hypothesis import strategies as st

    path, opts = data.draw(st.sampled_from(CLI_LEAVES))
    argv = list(path)
    for flag, takes, choices in opts:
        if flag is not None and data.draw(st.integers(0, 2)) == 0:
            continue
        pool = CLI_VALUES if not choices or data.draw(st.booleans()) else [str(c) for c in choices]
        value = data.draw(st.sampled_from(pool))
        if flag is None:
            argv.append(value)
        elif takes:
            argv += [flag, value]
        else:
            argv.append(flag)
    if data.draw(st.integers(0, 9)) == 0:
        argv.append(data.draw(st.sampled_from(["--no-such-option", "extra", "--format"])))
    return argv


CLI_LEAVES = cli_leaves()
Fuzz.draw_argv = staticmethod(draw_argv)
Fuzz.cli_leaves = CLI_LEAVES
