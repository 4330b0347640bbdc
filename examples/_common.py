"""Shared by the example scripts: where to write, and whether to run small.

COMBALG_EXAMPLES_SMALL=1 makes every example use small parameters (the test suite
sets it); COMBALG_EXAMPLES_OUT names the folder for the files they write (default:
``examples-output`` in the current folder).
"""

from __future__ import annotations

import os
from pathlib import Path

SMALL = os.environ.get("COMBALG_EXAMPLES_SMALL", "") not in ("", "0")


def out_dir() -> Path:
    """The output folder (created if needed)."""
    path = Path(os.environ.get("COMBALG_EXAMPLES_OUT", "examples-output"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def pick(small, full):
    """``small`` under COMBALG_EXAMPLES_SMALL, ``full`` otherwise."""
    return small if SMALL else full
