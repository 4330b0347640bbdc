"""A figure for the growth engine: RSK as a growth diagram, and the cylinder sweep.

Left: the growth diagram of a permutation under the RSK rule, with the
partitions on its corners (the bottom edge reads the insertion tableau P, the
right edge the recording tableau Q). Right: the sweeps of the growth bijection on
the cylinder (a reconstruction of Langer's) for a cylindric partition of profile
10, with the cells it fills.
"""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from _common import out_dir, pick  # noqa: E402

from combalg.core.files import save_figure  # noqa: E402
from combalg.growth import GrowthDiagram, RuleRSK, plot_cylinder_sweep, plot_growth_diagram, rsk  # noqa: E402

w = pick([2, 3, 1], [3, 1, 4, 5, 2])
G = GrowthDiagram(RuleRSK(), w)
assert (G.P_symbol(), G.Q_symbol()) == rsk(w)  # the growth diagram and row insertion agree
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 5))
plot_growth_diagram(G, ax=left)
plot_cylinder_sweep("10", parts=[[2], [3, 1]], ax=right)
for suffix in ("pdf", "svg"):
    print("wrote", save_figure(fig, out_dir() / f"growth.{suffix}"))
