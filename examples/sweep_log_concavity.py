"""A conjecture sweep that finds a counterexample, survives interruption, and reports.

The partition numbers p(n) are log-concave from n = 26 on (DeSalvo and Pak).  Cylindric
partitions generalise partitions, so one may guess that the counts a_n(pi) of every
profile pi are log-concave from n = 26 on too.  This script sweeps that guess over every
profile up to rotation (both letters present, length up to 6, or 8 in the full run) on
all cores, with an SQLite store: run it twice and the second run does no work, since
every finished point is already in the store.  The profile 0011 is a counterexample
(a_27^2 < a_26 a_28).  The report goes to sweep_log_concavity.md and .tex.
"""

from _common import out_dir, pick

from combalg.core.checks import CheckResult, Mismatch
from combalg.cylindric import borodin_series
from combalg.sweep import grids, open_store, sweep

START = 26


def log_concave_from(profile, order):
    """True, or a check result naming the first n >= START with a_n^2 < a_(n-1) a_(n+1)."""
    a = borodin_series(profile, order)
    for n in range(START, order - 1):
        if a[n] ** 2 < a[n - 1] * a[n + 1]:
            return CheckResult(f"log-concavity from n = {START}", {"profile": profile, "order": order},
                               ("a_n^2", "a_(n-1) a_(n+1)"), Mismatch(n, a[n] ** 2, a[n - 1] * a[n + 1]))
    return True


if __name__ == "__main__":
    grid = {"profile": grids.profiles(range(2, pick(7, 9)), up_to_rotation=True, both_letters=True),
            "order": [pick(60, 120)]}
    store = out_dir() / "sweep_log_concavity.sqlite"
    result = sweep(log_concave_from, grid, store=store, workers=pick(2, None))
    print(result.summary())
    for c in result.counterexamples():
        m = c["first_mismatch"]
        print(f"  profile {c['parameters']['profile']}: fails at n = {m['where']} ({m['left']} < {m['right']})")
    again = sweep(log_concave_from, grid, store=store)  # resumes: nothing left to run
    assert again.to_records() == result.to_records()
    print("resumed from", store.name, "->", open_store(store).summary())
    table = result.table(statuses=("counterexample",))
    table.save(out_dir() / "sweep_log_concavity.md")
    table.save(out_dir() / "sweep_log_concavity.tex")
