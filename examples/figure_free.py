"""A figure for the free-probability engine: moments of free convolutions.

Computes, exactly, the moments of the semicircle law, of the free Poisson law
(rate 1) and of their free additive convolution (from the sum of the free
cumulants), checks the convolution against combalg's own
free_additive_convolution, and plots the even moments on a log scale.
"""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from _common import out_dir, pick  # noqa: E402

from combalg.core.files import save_figure  # noqa: E402
from combalg.free import (  # noqa: E402
    free_additive_convolution,
    free_cumulants_to_moments,
    free_poisson_cumulants,
    free_poisson_moments,
    semicircle_cumulants,
    semicircle_moments,
)

order = pick(8, 16)
semi, pois = semicircle_moments(order), free_poisson_moments(order)
kappa = [a + b for a, b in zip(semicircle_cumulants(order), free_poisson_cumulants(order))]
both = free_cumulants_to_moments(kappa)  # free cumulants add under free convolution
assert both == free_additive_convolution(semi, pois)
fig, ax = plt.subplots(figsize=(5, 3.5))
ns = list(range(2, order + 1, 2))
for values, label in [(semi, "semicircle"), (pois, "free Poisson"), (both, r"semicircle $\boxplus$ free Poisson")]:
    ax.semilogy(ns, [float(values[n - 1]) for n in ns], "o-", label=label)
ax.set_xlabel("$n$")
ax.set_ylabel("moment $m_n$")
ax.set_title("Even moments (exact, plotted as floats)")
ax.legend(fontsize=8)
for suffix in ("pdf", "svg"):
    print("wrote", save_figure(fig, out_dir() / f"free_moments.{suffix}"))
