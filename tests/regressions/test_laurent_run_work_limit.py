"""laurent_run refuses one FLINT product past the limit laurent_product_work before it starts.

FLINT cannot be interrupted by a signal, so a product such as the squaring inside
``(x[m-1]+1)^10000`` must be estimated (terms times terms times coefficient words) and
refused up front; the run then ends with ResourceLimitError instead of spending
seconds in one multiplication.  The call runs in a subprocess so that a regression
(a long FLINT call) cannot hold up the test run; the timeout only guards against a hang.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from combalg.core.errors import ResourceLimitError
from combalg.core.limits import limits

SCRIPT = textwrap.dedent("""
    from combalg.core.errors import ResourceLimitError
    from combalg.lambdadet import laurent_run

    try:
        r = laurent_run("x[m]*x[m-2] = (x[m-1]+1)^10000", steps=6)
    except ResourceLimitError as exc:
        print("refused:", exc)
    else:
        print("returned:", r.status, r.certified_through)
""")


def test_huge_power_is_refused_before_flint_multiplies():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("refused:"), out.stdout
    assert "laurent_product_work" in out.stdout


def test_the_limit_is_adjustable_and_small_runs_are_unchanged():
    from combalg.lambdadet import laurent_run, somos

    # x[2] = ((x[1]+1)^3)/x[0] needs products far below the default limit
    assert laurent_run("x[m]*x[m-2] = (x[m-1]+1)^3", steps=2).status == "Laurent"
    with limits(laurent_product_work=10):
        with pytest.raises(ResourceLimitError, match="laurent_product_work"):
            laurent_run(somos(4), steps=8)
    assert laurent_run(somos(4), steps=8).status == "Laurent"


def test_parse_stays_cheap_for_a_huge_power():
    from combalg.lambdadet import parse_recurrence

    # the parser's check of the right side gives up on a costly power instead of computing it
    rec = parse_recurrence("x[m]*x[m-2] = (x[m-1]+1)^10000")
    assert rec.order == 2 and rec.divisor == ((2, 1),)
