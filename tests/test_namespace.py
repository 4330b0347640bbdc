"""The top-level namespace: lazy engines, combalg.all, and a light ``import combalg``."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys

import pytest

ENGINES = ("core", "partitions", "cylindric", "growth", "asm", "lambdadet", "linking", "free")


def _imported_by(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True,
                         check=True)
    mods = set()
    for line in out.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            mods.add(line.rsplit("|", 1)[1].strip())
    return mods


def test_import_combalg_imports_no_engine_sympy_or_numpy():
    mods = _imported_by("import combalg")
    assert "combalg" in mods
    heavy = {m for m in mods if m.split(".")[0] in ("sympy", "numpy", "flint", "networkx")}
    engines = {m for m in mods if m.startswith("combalg.")}
    assert not heavy, heavy
    assert not engines, engines


def test_engines_are_lazy_attributes():
    code = ("import sys, combalg; assert 'combalg.linking' not in sys.modules; "
            "M = combalg.linking.UniformMatroid(1, 2); assert 'combalg.linking' in sys.modules; "
            "assert 'combalg.free' not in sys.modules; print(sorted(combalg.__all__))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "linking" in out.stdout
    import combalg

    for name in ENGINES:
        assert getattr(combalg, name) is importlib.import_module(f"combalg.{name}")
        assert name in dir(combalg)
    with pytest.raises(AttributeError):
        combalg.no_such_engine  # noqa: B018


def test_star_import_from_combalg_gives_the_engines():
    ns: dict = {}
    exec("from combalg import *", ns)  # noqa: S102 - a fixed string, the star import under test
    assert all(name in ns for name in ENGINES)


def test_star_import_from_combalg_all():
    ns: dict = {}
    exec("from combalg.all import *", ns)  # noqa: S102
    for name in ("check_borodin", "rsk", "RuleRSK", "UniformMatroid", "LabelledSpace", "lambda_determinant",
                 "jacobi_commutant_projection", "Partition", "Profile", "PowerSeries", "CheckResult",
                 "ExactJSONEncoder", "InvalidInputError", "QQ", "GF"):
        assert name in ns, name


def test_every_name_in_combalg_all_is_documented_and_unambiguous():
    import combalg.all as A

    assert len(A.__all__) == len(set(A.__all__))
    undocumented = [n for n in A.__all__ if n != "QQ" and not (inspect.getdoc(getattr(A, n)) or "").strip()]
    assert not undocumented, undocumented
    # no two engines export one name for different things
    for source in A.SOURCES:
        try:
            mod = importlib.import_module(source)
        except ModuleNotFoundError:
            continue
        for name in getattr(mod, "__all__", ()):
            if name in A.__all__:
                assert getattr(mod, name) is getattr(A, name), (name, source, A.ORIGIN[name])
