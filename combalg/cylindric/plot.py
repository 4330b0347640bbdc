"""Drawings of cylindric partitions (needs matplotlib, the ``plot`` extra).

matplotlib is imported inside the functions, never at module level.

* [`plot_paths`][plot_paths]: the non-intersecting paths ``P_i`` through the points
  ``(k, mu^k_i - i)``, unrolled over a few periods of the cylinder;
* [`plot_lozenges`][plot_lozenges]: the object as stacks of cubes on the cells below the
  profile's staircase path (letter 1 an east step, letter 0 a south step), seen in
  isometric projection, i.e. a periodic lozenge tiling.

Geometry of the lozenge picture: vertex ``k`` of the staircase path carries
``mu^k``; the cells on the diagonal running south-west from vertex ``k`` carry the
parts ``mu^k_1, mu^k_2, ...`` as stack heights.  Heights weakly decrease going
west and south (that is the interlacing), and the picture repeats under the
translation by ``(k, -l)`` (``k`` ones, ``l`` zeros).

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from combalg.cylindric import CylindricPartition
>>> cp = CylindricPartition("110100", [[1], [2], [3, 1], [2], [2, 1], [1]])
>>> ax = plot_paths(cp)
>>> ax = plot_lozenges(cp, periods=2)
>>> len(lozenge_cubes(cp, periods=1)) == cp.weight
True
"""

from __future__ import annotations

from typing import Any

from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError
from combalg.cylindric.partition import CylindricPartition
from combalg.cylindric.paths import lattice_paths

__all__ = ["plot_paths", "plot_lozenges", "lozenge_heights", "lozenge_cubes"]

_FACE_COLOURS = ("#f2c14e", "#5b8e7d", "#3c4f76")  # top, east-facing, south-facing


def _check(cp: Any, periods: Any) -> int:
    if not isinstance(cp, CylindricPartition):
        raise InvalidInputError(f"invalid cp {short_repr(cp)}: expected a CylindricPartition")
    if not isinstance(periods, int) or isinstance(periods, bool) or not 1 <= periods <= 20:
        raise InvalidInputError(f"invalid periods {short_repr(periods)}: expected an integer from 1 to 20")
    return periods


def plot_paths(cp: CylindricPartition, ax: Any = None, periods: int = 2, extra: int = 1) -> Any:
    """Draw the lattice paths of ``cp`` over ``periods`` turns of the cylinder.

    Parameters
    ----------
    cp : CylindricPartition
    ax : matplotlib Axes, optional
        Drawn into a new figure if omitted.
    periods : int, optional
        Number of periods shown side by side (dotted lines mark the seam).
    extra : int, optional
        Trivial paths drawn below the nontrivial ones.

    Returns
    -------
    matplotlib Axes
    """
    import matplotlib.pyplot as plt

    periods = _check(cp, periods)
    if ax is None:
        _, ax = plt.subplots(figsize=(1 + 0.6 * cp.T * periods, 4))
    T = cp.T
    paths = lattice_paths(cp, extra=extra)
    for i, path in enumerate(paths, 1):
        xs = [p * T + k for p in range(periods) for k, _ in path[:-1]] + [periods * T]
        ys = [h for _ in range(periods) for _, h in path[:-1]] + [path[-1][1]]
        ax.plot(xs, ys, marker="o", lw=1.5, label=f"P_{i}")
    for p in range(periods + 1):
        ax.axvline(p * T, color="grey", ls=":", lw=0.8)
    word = str(cp.profile)
    ax.set_xticks(range(periods * T + 1))
    ax.set_xticklabels([""] + [word[k % T] for k in range(periods * T)])
    ax.set_xlabel(r"step $k$ (letter $1$ = grow, $0$ = shrink)")
    ax.set_ylabel(r"$\mu^k_i - i$")
    ax.set_title(f"Paths on the cylinder, profile {word}, $|\\Lambda| = {cp.weight}$")
    return ax


def lozenge_heights(cp: CylindricPartition, periods: int = 2, depth: int | None = None) -> dict:
    """Stack heights ``{(a, b): h}`` on the cells below the staircase path.

    The cell with north-east corner ``(a, b)`` lies on the diagonal of path vertex
    ``k = a - b``; it is the ``j``-th cell (from 0) going south-west, with height
    ``mu^k_{j+1}``.  Vertices ``k = 0 .. periods*T - 1`` are included, each diagonal
    to ``depth`` cells (default: the longest part list plus one).

    Examples
    --------
    >>> cp = CylindricPartition("10", [[1], [2]])
    >>> sorted(lozenge_heights(cp, periods=1, depth=2).items())
    [((-1, -1), 0), ((0, -1), 0), ((0, 0), 1), ((1, 0), 2)]
    """
    periods = _check(cp, periods)
    T = cp.T
    word = cp.profile.word
    if depth is None:
        depth = max((len(p) for p in cp.parts), default=0) + 1
    heights = {}
    e = s = 0
    for k in range(periods * T):
        if k > 0:
            if word[(k - 1) % T] == 1:
                e += 1
            else:
                s += 1
        mu = cp.parts[k % T]
        for j in range(depth):
            heights[(e - j, -s - j)] = mu[j] if j < len(mu) else 0
    return heights


def lozenge_cubes(cp: CylindricPartition, periods: int = 1) -> list[tuple[int, int, int]]:
    """The unit cubes ``(X, Y, Z)`` of the stacks (``X = -a``, ``Y = -b``), back to front."""
    cubes = []
    for (a, b), h in lozenge_heights(cp, periods).items():
        for z in range(h):
            cubes.append((-a, -b, z))
    cubes.sort(key=lambda c: (c[0] + c[1] + c[2], c))
    return cubes


def _project(x: float, y: float, z: float) -> tuple[float, float]:
    return ((x - y) * 0.8660254037844386, z - (x + y) / 2)


def plot_lozenges(cp: CylindricPartition, ax: Any = None, periods: int = 2) -> Any:
    """Draw ``cp`` as a periodic lozenge tiling (stacks of cubes in isometric view).

    Parameters
    ----------
    cp : CylindricPartition
    ax : matplotlib Axes, optional
    periods : int, optional
        Number of periods of the cylinder shown.

    Returns
    -------
    matplotlib Axes
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Polygon

    periods = _check(cp, periods)
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 6))
    top, east, south = _FACE_COLOURS
    heights = lozenge_heights(cp, periods)
    for (a, b) in heights:  # the floor
        X, Y = -a, -b
        quad = [(X, Y, 0), (X + 1, Y, 0), (X + 1, Y + 1, 0), (X, Y + 1, 0)]
        ax.add_patch(Polygon([_project(*p) for p in quad], closed=True, fc="#eeeeee", ec="#999999", lw=0.5))
    for X, Y, Z in lozenge_cubes(cp, periods):
        faces = [
            ([(X, Y, Z + 1), (X + 1, Y, Z + 1), (X + 1, Y + 1, Z + 1), (X, Y + 1, Z + 1)], top),
            ([(X + 1, Y, Z), (X + 1, Y + 1, Z), (X + 1, Y + 1, Z + 1), (X + 1, Y, Z + 1)], east),
            ([(X, Y + 1, Z), (X + 1, Y + 1, Z), (X + 1, Y + 1, Z + 1), (X, Y + 1, Z + 1)], south),
        ]
        for quad, colour in faces:
            ax.add_patch(Polygon([_project(*p) for p in quad], closed=True, fc=colour, ec="black", lw=0.6))
    pts = [_project(-a + dx, -b + dy, 0) for (a, b) in heights for dx in (0, 1) for dy in (0, 1)]
    zmax = max((h for h in heights.values()), default=0)
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    ax.set_xlim(min(xs) - 1, max(xs) + 1)
    ax.set_ylim(min(ys) - 1, max(ys) + zmax + 1)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(f"Profile {cp.profile}, $|\\Lambda| = {cp.weight}$, {periods} period(s)")
    return ax
