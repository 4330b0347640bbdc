"""Every script and notebook in examples/ runs (with small parameters) and says what it shows."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SCRIPTS = sorted(p for p in EXAMPLES.glob("*.py") if not p.name.startswith("_"))
NOTEBOOKS = sorted((EXAMPLES / "notebooks").glob("*.ipynb"))

pytest.importorskip("matplotlib")


def test_there_are_examples_and_each_is_listed_in_the_readme():
    readme = (EXAMPLES / "README.md").read_text()
    assert len(SCRIPTS) >= 10 and NOTEBOOKS
    for path in SCRIPTS + NOTEBOOKS:
        assert f"`{path.relative_to(EXAMPLES)}`" in readme, path.name


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_example_has_a_header_paragraph(path):
    doc = ast.get_docstring(ast.parse(path.read_text()))
    assert doc and len(doc) > 150, f"{path.name} needs a paragraph saying what it shows"


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_example_runs(path, tmp_path):
    env = dict(os.environ, COMBALG_EXAMPLES_SMALL="1", COMBALG_EXAMPLES_OUT=str(tmp_path / "out"),
               MPLBACKEND="Agg")
    r = subprocess.run([sys.executable, str(path)], cwd=tmp_path, env=env, capture_output=True, text=True,
                       timeout=600)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-4000:]
    written = list((tmp_path / "out").glob("*")) if (tmp_path / "out").exists() else []
    assert r.stdout.strip() or written
    for f in written:
        assert f.stat().st_size > 0, f


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_cells_run(path, tmp_path, monkeypatch):
    import matplotlib

    matplotlib.use("Agg")
    monkeypatch.chdir(tmp_path)
    nb = json.loads(path.read_text())
    namespace: dict = {}
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            exec(compile("".join(cell["source"]), f"{path.name}", "exec"), namespace)  # noqa: S102 - our own file
    import matplotlib.pyplot as plt

    plt.close("all")
