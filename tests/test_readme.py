"""The README's Python examples run as written, and its two set-up commands are as documented."""

from __future__ import annotations

import doctest
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_examples_run():
    result = doctest.testfile(str(README), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0


def test_readme_has_the_two_setup_commands():
    text = README.read_text()
    assert "pip install -e . && combalg tour" in text
    assert "pip install -e '.[test]' && pytest" in text
