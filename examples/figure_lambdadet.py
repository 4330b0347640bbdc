"""A figure for the lambda-determinant engine: how fast Laurent values grow.

Runs the Laurent checker on Somos-4 and Somos-5 (both Laurent) and plots, for
each index m, the number of terms of the certified Laurent polynomial x[m] on a
log scale; every plotted value was certified by an exact division.
"""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from _common import out_dir, pick  # noqa: E402

from combalg.core.files import save_figure  # noqa: E402
from combalg.lambdadet import laurent_run, somos  # noqa: E402

steps = pick(9, 14)
fig, ax = plt.subplots(figsize=(5, 3.5))
for k in (4, 5):
    r = laurent_run(somos(k), steps=steps)
    assert r.status == "Laurent", r.summary()
    ax.semilogy(range(len(r.values)), [v.length for v in r.values],
                "o-", label=f"Somos-{k}")
ax.set_xlabel("index $m$")
ax.set_ylabel("terms of $x_m$")
ax.set_title("Laurent values of Somos recurrences")
ax.legend()
for suffix in ("pdf", "svg"):
    print("wrote", save_figure(fig, out_dir() / f"laurent_terms.{suffix}"))
