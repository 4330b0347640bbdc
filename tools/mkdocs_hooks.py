"""mkdocs hooks of the documentation site (configured in mkdocs.yml under ``hooks:``).

MathJax, offline: the ``django-static-mathjax`` package (in the ``docs`` extra; it has no
dependencies and needs no Django) ships MathJax 3 as package data.  After the build this
hook copies the one component the site loads (``es5/tex-chtml.js``) and its fonts into
``site/assets/mathjax/``, so that the built site renders mathematics without a network.
"""

from __future__ import annotations

import shutil
from pathlib import Path

#: files of MathJax's es5 tree that the site needs (the component and its CHTML fonts)
MATHJAX_FILES = ("tex-chtml.js", "output/chtml/fonts/woff-v2")


def _mathjax_root() -> Path:
    import mathjax  # the django-static-mathjax distribution

    root = Path(next(iter(mathjax.__path__))) / "static" / "mathjax" / "es5"
    if not (root / "tex-chtml.js").is_file():  # pragma: no cover - a broken install
        raise RuntimeError(f"MathJax not found in {root}: pip install 'combalg[docs]'")
    return root


def on_post_build(config, **kwargs) -> None:
    """Copy MathJax into the built site."""
    source = _mathjax_root()
    target = Path(config["site_dir"]) / "assets" / "mathjax" / "es5"
    for rel in MATHJAX_FILES:
        src, dst = source / rel, target / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True)
        else:
            shutil.copy2(src, dst)
