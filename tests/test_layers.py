"""Imports point down the layers of the design (core < objects < engines < interfaces).

The test reads every module's source with ``ast`` (module-level and function-level
imports alike) and checks each ``combalg`` import against the layer table.
Engines may import each other only where the mathematics does; the allowed
engine-to-engine edges are listed explicitly.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "combalg"

LAYER = {
    "core": 0,
    "partitions": 1,
    "cylindric": 2, "growth": 2, "asm": 2, "lambdadet": 2, "linking": 2, "free": 2,
    "cli": 3, "tables": 3, "tour": 3, "strategies": 3, "plot": 3, "sweep": 3,
}
#: engine -> engines it may import (the mathematics needs them)
ENGINE_EDGES = {
    "growth": {"cylindric"},
    "lambdadet": {"asm"},
}
#: modules that only the interface layer (or a function body) may import
HEAVY = {"matplotlib", "tqdm"}


def top_area(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "combalg" or len(parts) < 2:
        return None
    return parts[1]


def modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(rel.parts)
        if name.endswith(".__init__"):
            name = name[: -len(".__init__")]
        yield name, path


def imports(path: Path):
    tree = ast.parse(path.read_text(), filename=str(path))
    module_level = set(id(n) for n in tree.body)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, id(node) in module_level
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module, id(node) in module_level


CASES = [(name, path) for name, path in modules() if top_area(name) in LAYER]


@pytest.mark.parametrize("name,path", CASES, ids=[c[0] for c in CASES])
def test_imports_point_down(name, path):
    area = top_area(name)
    for target, at_top in imports(path):
        if target == "combalg":
            continue
        tarea = top_area(target)
        if tarea is None:
            root = target.split(".")[0]
            if root in HEAVY and at_top:
                assert LAYER[area] == 3 and area != "strategies", f"{name} imports {target} at module level"
            continue
        if tarea == area or tarea not in LAYER:
            continue
        if LAYER[tarea] == LAYER[area] == 2:
            assert tarea in ENGINE_EDGES.get(area, set()), f"engine {name} imports engine {target}"
            continue
        assert LAYER[tarea] <= LAYER[area], f"{name} (layer {area}) imports {target} (layer {tarea})"


def test_core_imports_nothing_of_combalg_outside_core():
    for name, path in modules():
        if top_area(name) != "core":
            continue
        for target, _ in imports(path):
            if target.startswith("combalg."):
                assert top_area(target) == "core", f"{name} imports {target}"
