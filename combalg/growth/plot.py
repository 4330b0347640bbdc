"""Drawings of growth diagrams and of the cylinder sweep (needs matplotlib, the ``plot`` extra).

matplotlib is imported inside the functions, so importing this module is free.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from combalg.growth import GrowthDiagram, RuleRSK
>>> from combalg.growth.plot import plot_growth_diagram, plot_cylinder_sweep
>>> ax = plot_growth_diagram(GrowthDiagram(RuleRSK(), [2, 3, 1]))
>>> ax = plot_cylinder_sweep("10", parts=[[2], [3, 1]])
"""

from __future__ import annotations

from typing import Any

from combalg.partitions import compact_str as _fmt

__all__ = ["plot_growth_diagram", "plot_cylinder_sweep", "sweep_coordinates"]


def plot_growth_diagram(G: Any, ax: Any = None, labels: bool = True, fontsize: float = 8):
    """Draw a growth diagram: its cells with their entries and, optionally, the corner labels.

    Matrix coordinates: row 0 at the top.

    Parameters
    ----------
    G : GrowthDiagram
    ax : matplotlib Axes, optional
        Drawn into a new figure when omitted.
    labels : bool
        Write the partition on every corner.
    fontsize : float

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    InvalidInputError
        If ``G`` is not a growth diagram.
    """
    from combalg.core.errors import InvalidInputError
    from combalg.growth.engine import GrowthDiagram

    if not isinstance(G, GrowthDiagram):
        raise InvalidInputError(f"invalid G {type(G).__name__}: expected a GrowthDiagram")
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(1 + 0.9 * max(1, max((j for _, j in G.cells), default=0) + 1),
                                      1 + 0.9 * max(1, len(G._lam))))
    for (i, j) in G.cells:
        ax.add_patch(plt.Rectangle((j, -i - 1), 1, 1, fill=False, lw=1))
        v = G._filling[(i, j)]
        if v:
            ax.text(j + 0.5, -i - 0.5, str(v), ha="center", va="center", fontsize=fontsize + 4,
                    color="tab:red")
    if labels:
        for (i, j), p in G.labels().items():
            ax.text(j + 0.04, -i + 0.04, _fmt(p), fontsize=fontsize, ha="left", va="bottom",
                    color="tab:blue")
    ax.set_aspect("equal")
    ax.autoscale_view()
    ax.margins(0.15)
    ax.axis("off")
    ax.set_title(f"Growth diagram ({G.rule.name})", fontsize=fontsize + 2)
    return ax


def sweep_coordinates(word0: tuple[int, ...], step: Any) -> list[tuple[int, int]]:
    """Vertex coordinates (x east, y north) of the path of one sweep step, one period long.

    A 1-letter with label ``a`` is always the east step of the same column
    (ones never pass each other), and a 0-letter with label ``b`` the south step
    of the same row, so every sweep is drawn in one coordinate system.
    """
    T = len(word0)
    ones = [p for p in range(T) if word0[p] == 1]
    zeros = [p for p in range(T) if word0[p] == 0]

    def rank(label: int, where: list[int]) -> int:
        q, r = divmod(label, T)
        return q * len(where) + where.index(r)

    first_one = next((step.labels[p] for p in range(T) if step.word[p] == 1), None)
    first_zero = next((step.labels[p] for p in range(T) if step.word[p] == 0), None)
    x = rank(first_one, ones) if first_one is not None else 0
    y = -rank(first_zero, zeros) if first_zero is not None else 0
    pts = [(x, y)]
    for letter in step.word:
        if letter == 1:
            x += 1
        else:
            y -= 1
        pts.append((x, y))
    return pts


def plot_cylinder_sweep(cp: Any, parts: Any = None, ax: Any = None, periods: int = 2,
                        fontsize: float = 7):
    """Draw the forward sweep of the growth bijection (reconstruction of Langer's).

    Every sweep's lattice path is drawn (``periods`` periods of it), with the
    partitions on its vertices; the cells that received a nonzero entry are
    shaded and show the entry.

    Parameters
    ----------
    cp : CylindricPartition, or a profile when ``parts`` is given
    parts : sequence of partitions, optional
    ax : matplotlib Axes, optional
    periods : int
        How many periods of each path to draw.
    fontsize : float

    Returns
    -------
    matplotlib.axes.Axes
    """
    import matplotlib.pyplot as plt

    from combalg.growth.cylinder import cylinder_sweeps

    steps = cylinder_sweeps(cp, parts)
    word0 = steps[0].word
    T = len(word0)
    k, ell = sum(word0), T - sum(word0)
    ones = [p for p in range(T) if word0[p] == 1]
    zeros = [p for p in range(T) if word0[p] == 0]
    if ax is None:
        _, ax = plt.subplots(figsize=(2 + 1.2 * (k * periods + len(steps)), 2 + 1.2 * (ell * periods + len(steps))))
    cmap = plt.get_cmap("viridis")
    # the lattice behind the paths: every cell below sits on it
    xs_all, ys_all = [], []
    for step in steps:
        for per in range(periods):
            for x, y in sweep_coordinates(word0, step):
                xs_all.append(x + per * k)
                ys_all.append(y - per * ell)
    x_lo, x_hi, y_lo, y_hi = min(xs_all), max(xs_all), min(ys_all), max(ys_all)
    from matplotlib.collections import LineCollection

    grid = [[(x, y_lo), (x, y_hi)] for x in range(x_lo, x_hi + 1)]
    grid += [[(x_lo, y), (x_hi, y)] for y in range(y_lo, y_hi + 1)]
    ax.add_collection(LineCollection(grid, colors="0.88", linewidths=0.6, zorder=0))
    for s, step in enumerate(steps):
        pts = sweep_coordinates(word0, step)
        color = cmap(s / max(1, len(steps) - 1))
        for per in range(periods):
            xs = [x + per * k for x, _ in pts]
            ys = [y - per * ell for _, y in pts]
            ax.plot(xs, ys, "-", color=color, lw=1.5, label=f"sweep ${s}$" if per == 0 else None, zorder=2)
            for v, (x, y) in enumerate(zip(xs[:-1], ys[:-1])):
                ax.text(x + 0.03, y + 0.03, _fmt(step.parts[v]), fontsize=fontsize, color=color, zorder=3)
        for _, (i, d), c in step.flips:
            if not c:
                continue
            col = ones.index(i)
            q, r = divmod(i + d, T)
            row = q * len(zeros) + zeros.index(r)
            for per in range(periods):  # the copies of the cell in the periods whose paths are drawn
                x0, y0 = col + per * k, -row - 1 - per * ell
                if not (x_lo <= x0 and x0 + 1 <= x_hi and y_lo <= y0 and y0 + 1 <= y_hi):
                    continue
                ax.add_patch(plt.Rectangle((x0, y0), 1, 1, color="tab:orange", alpha=0.3, zorder=1))
                ax.text(x0 + 0.5, y0 + 0.5, f"${c}$", ha="center", va="center", fontsize=fontsize + 3, zorder=3)
    ax.set_aspect("equal")
    ax.legend(fontsize=fontsize, loc="upper right")
    ax.set_title(r"Growth bijection on the cylinder (reconstruction of Langer's), profile "
                 + "".join(map(str, word0)), fontsize=fontsize + 3)
    ax.axis("off")
    return ax
