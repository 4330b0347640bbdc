"""A figure for the cylindric engine: one cylindric partition as paths and as lozenges.

Takes a cylindric partition of profile 110100 and draws its non-intersecting
lattice paths on the cylinder (unrolled over two periods) and the same object as
a periodic lozenge tiling (stacks of cubes in isometric projection).
"""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from _common import out_dir, pick  # noqa: E402

from combalg.core.files import save_figure  # noqa: E402
from combalg.cylindric import CylindricPartition, plot_lozenges, plot_paths  # noqa: E402

cp = CylindricPartition("110100", [[1], [2], [3, 1], [2], [2, 1], [1]])
fig, (left, right) = plt.subplots(1, 2, figsize=(12, 5))
plot_paths(cp, ax=left, periods=pick(1, 2))
plot_lozenges(cp, ax=right, periods=pick(1, 2))
for suffix in ("pdf", "svg"):
    print("wrote", save_figure(fig, out_dir() / f"cylindric.{suffix}"))
