"""The uniform CheckResult: its shape, JSON and pickle round trips, and a walk over every check."""

from __future__ import annotations

import copy
import importlib
import inspect
import json
import pickle
import pkgutil
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import combalg
from combalg.core import CheckResult as CoreCheckResult
from combalg.core.checks import CheckResult, Mismatch, first_difference
from combalg.core.encoding import ExactJSONEncoder, to_jsonable
from combalg.core.errors import InvalidInputError

exact = st.one_of(st.integers(-10**6, 10**6), st.fractions(max_denominator=50))
places = st.one_of(st.integers(0, 100), st.tuples(st.integers(0, 5), st.integers(0, 5)),
                   st.tuples(st.tuples(st.integers(0, 3), st.integers(0, 3)),
                             st.tuples(st.integers(0, 3), st.integers(0, 3))))
mismatches = st.one_of(st.none(), st.builds(Mismatch, places, exact, exact))
results = st.builds(
    CheckResult,
    st.text(min_size=1, max_size=20),
    st.dictionaries(st.text(max_size=5), st.one_of(st.integers(), st.text(max_size=5), exact), max_size=3),
    st.tuples(st.text(min_size=1, max_size=8), st.text(min_size=1, max_size=8)),
    mismatches,
    st.floats(0, 100),
)


def test_core_exports_the_type():
    assert CoreCheckResult is CheckResult


@given(results)
def test_round_trips(r):
    assert r.ok == bool(r) == (r.first_mismatch is None)
    text = json.dumps(r.to_dict())
    assert CheckResult.from_dict(json.loads(text)) == r
    assert pickle.loads(pickle.dumps(r)) == r
    assert copy.deepcopy(r) == r
    assert hash(copy.deepcopy(r)) == hash(r)
    assert "\n" not in str(r)
    assert json.loads(json.dumps(r, cls=ExactJSONEncoder)) == json.loads(text)
    assert r._repr_latex_().startswith("$") and r._repr_latex_().endswith("$")
    assert "<" in r._repr_html_()


def test_parameters_are_json_values():
    r = CheckResult("x", {"q": Fraction(-3, 4), "profile": (1, 0)}, ("a", "b"))
    assert r.parameters == {"q": "-3/4", "profile": [1, 0]}
    with pytest.raises(InvalidInputError):
        CheckResult("x", {}, ("only one",))
    with pytest.raises(InvalidInputError):
        CheckResult("x", {}, ("a", "b"), first_mismatch=(1, 2, 3))


def test_first_difference():
    assert first_difference([1, 2, 3], [1, 2, 3]) is None
    assert first_difference([1, 5, 3], [1, 2, 4]) == Mismatch(1, 5, 2)
    assert first_difference([1, 2], [1, 2, 7]) == Mismatch(2, None, 7)


def test_str_names_both_methods_and_the_place():
    r = CheckResult("toy", {"n": 3}, ("sum", "product"), Mismatch(4, 10, Fraction(21, 2)), 0.5)
    s = str(r)
    assert "toy" in s and "n=3" in s and "sum" in s and "product" in s and "21/2" in s and "4" in s
    assert "MISMATCH" in s and "\\checkmark" not in r._repr_latex_()
    assert "\\checkmark" in CheckResult("toy", {}, ("a", "b"))._repr_latex_()


# ------------------------------------------------------------------ the walk
#: one small valid call for every check_* function or method of the public API,
#: keyed by "module.function" or "module.Class.method"
def _cylindric(name):
    from fractions import Fraction as F

    import combalg.cylindric.checks as m

    fn = getattr(m, name)
    return (lambda: fn("1100", 5, F(1, 3), F(2, 7))) if name == "check_qt" else (lambda: fn("1100", 5))


CALLS = {
    "combalg.cylindric.checks.check_borodin": _cylindric("check_borodin"),
    "combalg.cylindric.checks.check_bivariate": _cylindric("check_bivariate"),
    "combalg.cylindric.checks.check_rpp": _cylindric("check_rpp"),
    "combalg.cylindric.checks.check_qt": _cylindric("check_qt"),
    "combalg.free.projection.check_self_similarity":
        lambda: importlib.import_module("combalg.free.projection").check_self_similarity(2),
    "combalg.free.projection.check_projection_methods":
        lambda: importlib.import_module("combalg.free.projection").check_projection_methods(3),
    "combalg.growth.rules.Rule.check_duality":
        lambda: importlib.import_module("combalg.growth.rules").RuleRSK().check_duality(2, 1),
}

#: modules of the shell and of plots are not part of the scripting API
SKIP = ("combalg.cli", "combalg.tour", "combalg.__main__")


def _public_modules():
    for info in pkgutil.walk_packages(combalg.__path__, "combalg."):
        name = info.name
        if name.startswith(SKIP) or any(part.startswith("_") for part in name.split(".")[1:]):
            continue
        if name.endswith(".plot") or ".plot." in name:
            continue
        yield importlib.import_module(name)


def _checks():
    found = set()
    for mod in _public_modules():
        for attr, obj in vars(mod).items():
            if inspect.isfunction(obj) and attr.startswith("check_") and obj.__module__ == mod.__name__:
                found.add(f"{mod.__name__}.{attr}")
            elif inspect.isclass(obj) and obj.__module__ == mod.__name__ and not attr.startswith("_"):
                for meth, f in vars(obj).items():
                    if meth.startswith("check_") and inspect.isfunction(f):
                        found.add(f"{mod.__name__}.{attr}.{meth}")
    return found


def test_every_check_is_exercised():
    found = _checks()
    assert found, "the walk found no checks"
    missing = found - set(CALLS)
    assert not missing, f"add a small valid call for: {sorted(missing)}"
    assert not set(CALLS) - found, f"stale entries: {sorted(set(CALLS) - found)}"


@pytest.mark.parametrize("key", sorted(CALLS))
def test_every_check_returns_the_uniform_result(key):
    r = CALLS[key]()
    assert type(r) is CheckResult, (key, type(r))
    assert r.ok is True and bool(r) is True and r.first_mismatch is None
    assert isinstance(r.name, str) and r.name
    assert isinstance(r.methods, tuple) and len(r.methods) == 2 and all(isinstance(m, str) for m in r.methods)
    assert isinstance(r.seconds, float) and r.seconds >= 0
    assert json.loads(json.dumps(r.parameters)) == r.parameters and r.parameters
    d = json.loads(json.dumps(r.to_dict()))
    assert CheckResult.from_dict(d) == r
    assert pickle.loads(pickle.dumps(r)) == r
    assert "\n" not in str(r) and "OK" in str(r)
    assert r._repr_latex_() and r._repr_html_()
    assert to_jsonable(r) == r.to_dict()


def test_a_failing_engine_check_reports_the_first_mismatch():
    from fractions import Fraction as F

    from combalg.cylindric import check_qt

    r = check_qt("1100", 8, F(1, 3), F(2, 7), deform_period=True)
    assert not r and r.first_mismatch.where == 4
    assert r.first_mismatch.left == r.left[4] and r.first_mismatch.right == r.right[4]
    assert r.parameters["deform_period"] is True and r.parameters["q"] == "1/3"
    back = CheckResult.from_dict(json.loads(json.dumps(r.to_dict())))
    assert back == r and back.first_mismatch.left == r.first_mismatch.left


def test_engines_keep_no_private_result_types():
    import combalg.cylindric
    import combalg.free
    import combalg.growth

    assert combalg.cylindric.CheckResult is CheckResult
    assert combalg.growth.RuleMismatch is Mismatch and combalg.free.EntryMismatch is Mismatch
    from combalg.core.series import Mismatch as SeriesMismatch

    assert SeriesMismatch is Mismatch
