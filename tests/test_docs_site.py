"""The documentation site: builds with --strict, renders math offline, shows no reST markup.

Builds the site once (about half a minute); skipped when the docs extra is not installed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings")
    pytest.importorskip("mathjax", reason="the docs extra (django-static-mathjax) is not installed")
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)], cwd=ROOT,
                       capture_output=True, text=True, timeout=900, env=env)
    assert r.returncode == 0, r.stdout + r.stderr
    return out


def pages(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def test_math_renders_offline(site):
    html = pages(site)
    assert '<span class="arithmatex">' in html["getting-started/index.html"]
    assert '<div class="arithmatex">' in html["cylindric/index.html"]  # a displayed formula
    script = site / "assets" / "mathjax" / "es5" / "tex-chtml.js"
    assert script.is_file() and script.stat().st_size > 100_000
    assert any((site / "assets" / "mathjax" / "es5" / "output" / "chtml" / "fonts" / "woff-v2").iterdir())
    assert "assets/mathjax/es5/tex-chtml.js" in html["getting-started/index.html"]
    assert "cdn.jsdelivr" not in html["getting-started/index.html"]


def test_no_restructuredtext_markup_survives(site):
    role = re.compile(r":(func|class|meth|mod|attr|data|exc|obj):`")
    directive = re.compile(r"(^|[>\s])\.\. (\w+::|\[)")
    for name, text in pages(site).items():
        visible = re.sub(r"<(script|style)\b.*?</\1>", "", text, flags=re.S)
        assert not role.search(visible), (name, role.search(visible).group(0))
        assert not directive.search(visible), (name, directive.search(visible).group(0))


def test_getting_started_and_sage_pages_are_in_the_site(site):
    html = pages(site)
    assert "Getting started" in html["getting-started/index.html"]
    sage = html["coming-from-sage/index.html"]
    for topic in ("P_symbol", "rsk_inverse", "monotone", "dominates", "nc_join", "link"):
        assert topic in sage, topic
