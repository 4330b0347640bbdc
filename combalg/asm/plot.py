"""Drawings of alternating sign matrices (needs matplotlib, the ``plot`` extra).

matplotlib is imported inside the function, never at module level.

Three pictures of the same ASM ``A`` (row 0 at the top):

``"matrix"``
    The ``n x n`` grid with the ``+1`` cells (blue, ``+``) and the ``-1`` cells
    (red, ``-``); zeros are left blank.
``"six-vertex"``
    The six-vertex configuration with domain-wall boundary: a vertex per entry,
    and on the edge right of entry ``(i, j)`` an arrow pointing left exactly when
    the partial row sum ``a_{i0} + ... + a_{ij}`` is 1 (right otherwise); on the
    edge below it an arrow pointing down exactly when the partial column sum
    ``a_{0j} + ... + a_{ij}`` is 1 (up otherwise).  The arrows on the left and
    right boundary point in, those on the top and bottom point out; ``+1``
    entries are the vertices with both horizontal arrows in, ``-1`` those with
    both vertical arrows in.
``"paths"``
    The osculating lattice paths: the edges whose arrow points left or down are
    occupied; ``n`` paths enter at the bottom and leave on the right, turn at the
    ``+1`` (from below to the right) and ``-1`` (from the left upwards) entries,
    and touch without crossing where a zero has all four edges occupied.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from combalg.asm.plot import plot_asm, six_vertex_arrows
>>> A = ((0, 1, 0), (1, -1, 1), (0, 1, 0))
>>> ax = plot_asm(A, style="six-vertex")
>>> six_vertex_arrows(A)[1][1]  # the -1 entry: horizontal arrows out, vertical arrows in
('left', 'right', 'down', 'up')
"""

from __future__ import annotations

from typing import Any, Sequence

from combalg.asm.monotone import as_asm
from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError

__all__ = ["plot_asm", "six_vertex_arrows", "STYLES"]

#: the pictures [`plot_asm`][plot_asm] draws
STYLES = ("matrix", "six-vertex", "paths")

_PLUS, _MINUS = "tab:blue", "tab:red"


def _partial_sums(A: tuple[tuple[int, ...], ...]) -> tuple[list[list[int]], list[list[int]]]:
    n = len(A)
    rows = [[sum(A[i][: j + 1]) for j in range(n)] for i in range(n)]
    cols = [[sum(A[l][j] for l in range(i + 1)) for j in range(n)] for i in range(n)]
    return rows, cols


def six_vertex_arrows(A: Sequence[Sequence[int]]) -> list[list[tuple[str, str, str, str]]]:
    """The arrows around every vertex: ``(left edge, right edge, top edge, bottom edge)``.

    Each arrow is ``"left"``, ``"right"``, ``"up"`` or ``"down"`` (see the module
    docstring for the rule).

    Raises
    ------
    InvalidInputError
        If ``A`` is not an alternating sign matrix.

    Examples
    --------
    >>> six_vertex_arrows(((1,),))
    [[('right', 'left', 'up', 'down')]]
    """
    A = as_asm(A)
    n = len(A)
    rows, cols = _partial_sums(A)

    def horizontal(s: int) -> str:
        return "left" if s == 1 else "right"

    def vertical(c: int) -> str:
        return "down" if c == 1 else "up"

    return [[(horizontal(rows[i][j - 1] if j else 0), horizontal(rows[i][j]),
              vertical(cols[i - 1][j] if i else 0), vertical(cols[i][j])) for j in range(n)] for i in range(n)]


def plot_asm(A: Sequence[Sequence[int]], ax: Any = None, style: str = "matrix", labels: bool = True,
             fontsize: float = 12) -> Any:
    """Draw an alternating sign matrix as a matrix, a six-vertex configuration or osculating paths.

    Parameters
    ----------
    A : square matrix of -1, 0, 1
        An alternating sign matrix (validated).
    ax : matplotlib Axes, optional
        Drawn into a new figure when omitted.
    style : {"matrix", "six-vertex", "paths"}
        Which picture (see the module docstring).
    labels : bool
        Write the entries (``matrix``) or mark the ``+1``/``-1`` vertices.
    fontsize : float

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    InvalidInputError
        If ``A`` is not an ASM or ``style`` is unknown.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> ax = plot_asm([[0, 1, 0], [1, -1, 1], [0, 1, 0]], style="paths")
    >>> ax.get_title()
    'Osculating paths, $n = 3$'
    """
    if not isinstance(style, str) or style not in STYLES:
        raise InvalidInputError(f"invalid style {short_repr(style)}: expected one of {', '.join(STYLES)}")
    A = as_asm(A)
    n = len(A)
    if not (isinstance(labels, bool) or (type(labels).__module__ == "numpy" and type(labels).__name__ in ("bool", "bool_"))):
        raise InvalidInputError(f"invalid labels {short_repr(labels)}: expected True or False")
    if isinstance(fontsize, bool) or not isinstance(fontsize, (int, float)) or not 0 < fontsize <= 1000:
        raise InvalidInputError(f"invalid fontsize {short_repr(fontsize)}: expected a number in (0, 1000]")
    import matplotlib.pyplot as plt
    from matplotlib.axes import Axes

    if ax is not None and not isinstance(ax, Axes):
        raise InvalidInputError(f"invalid ax {short_repr(ax)}: expected a matplotlib Axes or None")

    if ax is None:
        size = 1.0 + 0.55 * max(n, 1)
        _, ax = plt.subplots(figsize=(size, size))
    if style == "matrix":
        _draw_matrix(ax, A, labels, fontsize)
        title = "ASM"
    elif style == "six-vertex":
        _draw_six_vertex(ax, A, labels, fontsize)
        title = "Six-vertex"
    else:
        _draw_paths(ax, A, labels, fontsize)
        title = "Osculating paths"
    ax.set_title(f"{title}, $n = {n}$", fontsize=fontsize)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax


def _draw_matrix(ax: Any, A: tuple[tuple[int, ...], ...], labels: bool, fontsize: float) -> None:
    from matplotlib.patches import Rectangle

    n = len(A)
    for i in range(n):
        for j in range(n):
            v = A[i][j]
            face = {1: _PLUS, -1: _MINUS}.get(v, "white")
            ax.add_patch(Rectangle((j, -i - 1), 1, 1, facecolor=face, alpha=0.35 if v else 1.0,
                                   edgecolor="0.3", lw=0.8))
            if labels and v:
                ax.text(j + 0.5, -i - 0.5, "$+$" if v == 1 else "$-$", ha="center", va="center",
                        fontsize=fontsize + 2)
    ax.set_xlim(-0.1, n + 0.1)
    ax.set_ylim(-n - 0.1, 0.1)


def _draw_six_vertex(ax: Any, A: tuple[tuple[int, ...], ...], labels: bool, fontsize: float) -> None:
    from matplotlib.patches import FancyArrowPatch

    n = len(A)
    arrows = six_vertex_arrows(A)
    style = dict(arrowstyle="-|>", mutation_scale=9, lw=1.0, color="0.15", shrinkA=0, shrinkB=0)

    def arrow(x0: float, y0: float, x1: float, y1: float) -> None:
        ax.add_patch(FancyArrowPatch((x0, y0), (x1, y1), **style))

    half = 0.5
    for i in range(n):
        for j in range(n):
            x, y = j, -i
            left, right, top, bottom = arrows[i][j]
            # the edge to the right of the vertex (to the boundary half-edge after the last column)
            xr = x + (1 if j < n - 1 else half)
            if right == "right":
                arrow(x, y, xr, y)
            else:
                arrow(xr, y, x, y)
            if j == 0:  # left boundary half-edge, arrow pointing in
                arrow(x - half, y, x, y)
            yb = y - (1 if i < n - 1 else half)
            if bottom == "down":
                arrow(x, y, x, yb)
            else:
                arrow(x, yb, x, y)
            if i == 0:  # top boundary half-edge, arrow pointing out
                arrow(x, y, x, y + half)
            if labels and A[i][j]:
                ax.plot([x], [y], "o", ms=7, color=_PLUS if A[i][j] == 1 else _MINUS, zorder=3)
            else:
                ax.plot([x], [y], "o", ms=3, color="0.15", zorder=3)
    ax.set_xlim(-0.8, n - 0.2)
    ax.set_ylim(-n + 0.2, 0.8)


def _draw_paths(ax: Any, A: tuple[tuple[int, ...], ...], labels: bool, fontsize: float) -> None:
    n = len(A)
    arrows = six_vertex_arrows(A)
    r = 0.18  # corners are cut so that touching paths stay visibly apart
    for i in range(n):
        for j in range(n):
            x, y = j, -i
            left, right, top, bottom = arrows[i][j]
            occ = {"l": left == "left", "r": right == "left", "t": top == "down", "b": bottom == "down"}
            segs: list[list[tuple[float, float]]] = []
            if occ["b"] and occ["r"]:  # from below, turn right
                segs.append([(x, y - 0.5), (x, y - r), (x + r, y), (x + 0.5, y)])
            if occ["l"] and occ["t"]:  # from the left, turn up
                segs.append([(x - 0.5, y), (x - r, y), (x, y + r), (x, y + 0.5)])
            if occ["l"] and occ["r"] and not (occ["t"] and occ["b"]):
                segs.append([(x - 0.5, y), (x + 0.5, y)])
            if occ["t"] and occ["b"] and not (occ["l"] and occ["r"]):
                segs.append([(x, y - 0.5), (x, y + 0.5)])
            for seg in segs:
                xs, ys = zip(*seg)
                ax.plot(xs, ys, "-", color="tab:green", lw=2.2, solid_capstyle="butt")
            ax.plot([x], [y], ".", ms=2, color="0.6")
            if labels and A[i][j]:
                ax.text(x + 0.12, y + 0.12, "$+$" if A[i][j] == 1 else "$-$", fontsize=fontsize - 3,
                        color=_PLUS if A[i][j] == 1 else _MINUS)
    ax.set_xlim(-0.7, n - 0.3)
    ax.set_ylim(-n + 0.3, 0.7)
