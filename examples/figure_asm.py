"""A figure for the ASM engine: one alternating sign matrix, three pictures.

Draws a 5 x 5 alternating sign matrix (the one with the most -1 entries that
comes first in the enumeration) as a matrix of +/- cells, as a six-vertex
configuration with domain-wall boundary, and as osculating lattice paths, side
by side, and saves the figure as PDF (for \\includegraphics) and SVG.
"""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from _common import out_dir, pick  # noqa: E402

from combalg.asm import alternating_sign_matrices, negative_ones, plot_asm  # noqa: E402
from combalg.core.files import save_figure  # noqa: E402

n = pick(4, 5)
A = max(alternating_sign_matrices(n), key=negative_ones)
fig, axes = plt.subplots(1, 3, figsize=(10, 3.6))
for ax, style in zip(axes, ["matrix", "six-vertex", "paths"]):
    plot_asm(A, ax=ax, style=style)
for suffix in ("pdf", "svg"):
    print("wrote", save_figure(fig, out_dir() / f"asm_{n}.{suffix}"))
