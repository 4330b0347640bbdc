"""The Laurent checker on a family of recurrences.

Runs combalg's Laurent-phenomenon checker on the Somos-k recurrences
x[m] x[m-k] = sum of x[m-i] x[m-k+i] for k = 4..7 (Laurent, by Fomin-Zelevinsky
for k <= 7) and k = 8 (not Laurent: the checker names the first failing index
and the size of the remainder), and on the Gale-Robinson recurrence
x[m] x[m-N] = x[m-p] x[m-N+p] + x[m-q] x[m-N+q] with (N, p, q) = (6, 1, 3). Each outcome is
certified by exact division or reported as "budget exceeded", never guessed.
"""

from _common import out_dir, pick

from combalg.lambdadet import Budget, laurent_run, somos
from combalg.tables import Table

steps = pick(10, 16)
family = {f"Somos-{k}": somos(k) for k in range(4, pick(6, 9))}
family["Gale-Robinson (N, p, q) = (6, 1, 3)"] = "x[m]*x[m-6] = x[m-1]*x[m-5] + x[m-3]^2"
rows = []
for name, rec in family.items():
    r = laurent_run(rec, steps=steps, budget=Budget(max_terms=pick(50_000, 2_000_000)))
    rows.append([name, rec, r.status, r.certified_through, r.failing_step if r.failing_step is not None else ""])
    print(f"{name}: {r.summary()}")
table = Table("The Laurent phenomenon for a family of recurrences",
              ["recurrence", "definition", "outcome", "certified through", "first failure"], rows,
              parameters={"steps": steps})
table.save(out_dir() / "laurent_family.md")
