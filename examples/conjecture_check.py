"""Checking a conjecture numerically before trying to prove it.

Two claims about the x-enumeration A(n; x) of alternating sign matrices, each
checked for n = 1..N with exact integers: "A(n; 2) = 2^(n choose 2)" (a theorem,
so every case passes) and the guess "A_n = A(n; 1) divides A(n; 3)" (which fails
at n = 3: 9 is not a multiple of 7). Like combalg's own
check_* functions, the script reports the first counterexample with both sides
instead of a bare True/False, and writes the evidence as a table.
"""

from math import comb

from _common import out_dir, pick

from combalg.asm import asm_count, x_enumeration
from combalg.tables import Table

N = pick(7, 11)


def first_counterexample(claim, sizes):
    """The first n where claim(n) returns (False, left, right), or None."""
    for n in sizes:
        ok, left, right = claim(n)
        if not ok:
            return n, left, right
    return None


def power_of_two(n):
    left, right = x_enumeration(n, 2), 2 ** comb(n, 2)
    return left == right, left, right


def divisible(n):
    left, right = x_enumeration(n, 3), asm_count(n)
    return left % right == 0, left, right


rows = []
for name, claim in [("A(n; 2) = 2^C(n,2)", power_of_two), ("A_n divides A(n; 3)", divisible)]:
    hit = first_counterexample(claim, range(1, N + 1))
    verdict = "holds for n <= %d" % N if hit is None else "fails at n = %d (%d vs %d)" % hit
    print(f"{name}: {verdict}")
    rows.append([name, N, "yes" if hit is None else "no", "" if hit is None else hit[0]])
table = Table("Two conjectures on the x-enumeration of ASMs", ["conjecture", "checked up to n", "holds", "first failure"],
              rows, parameters={"N": N})
table.save(out_dir() / "conjectures.md")
