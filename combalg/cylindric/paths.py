"""Non-intersecting lattice paths on the cylinder.

For ``i >= 1`` the path ``P_i`` of a cylindric partition visits the points
``(k, mu^k_i - i)`` for ``k = 0, ..., T``; as ``mu^T = mu^0`` it closes up on the
cylinder ``(Z/TZ) x Z``.  On a grow step (letter 1) every path rises, on a
shrink step it falls, and interlacing is exactly the condition that consecutive
paths never touch.  Only the paths with ``i <= max_k len(mu^k)`` differ from the
trivial lines ``h = -i``.

Examples
--------
>>> from combalg.cylindric import CylindricPartition, lattice_paths
>>> cp = CylindricPartition("10", [[1], [2]])
>>> lattice_paths(cp)
[((0, 0), (1, 1), (2, 0))]
>>> lattice_paths(cp, extra=1)
[((0, 0), (1, 1), (2, 0)), ((0, -2), (1, -2), (2, -2))]

References
----------
- [1] I. M. Gessel and C. Krattenthaler, "Cylindric partitions",
   Trans. AMS 349 (1997) (the cylindric Lindstrom-Gessel-Viennot argument).
- [2] D. Betea and J. Bouttier, "The periodic Schur process and free fermions
   at finite temperature", arXiv:1807.09022, Figure 1.
"""

from __future__ import annotations

from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError
from combalg.core.validation import nonnegative_int
from combalg.cylindric.partition import CylindricPartition

__all__ = ["lattice_paths", "paths_are_non_intersecting"]


def lattice_paths(cp: CylindricPartition, extra: int = 0) -> list[tuple[tuple[int, int], ...]]:
    """The family of non-intersecting closed paths of ``cp`` on the cylinder.

    Parameters
    ----------
    cp : CylindricPartition
    extra : int, optional
        Number of additional trivial paths (``h = -i``) to include below.

    Returns
    -------
    list of tuple of (int, int)
        Path ``i`` (from 1) as the points ``(k, mu^k_i - i)`` for ``k = 0..T``.

    Raises
    ------
    InvalidInputError
        If ``cp`` is not a CylindricPartition or ``extra`` is negative.
    """
    if not isinstance(cp, CylindricPartition):
        raise InvalidInputError(f"invalid cp {short_repr(cp)}: expected a CylindricPartition")
    extra = nonnegative_int("extra", extra)
    T = cp.T
    n = max((len(p) for p in cp.parts), default=0) + extra
    from combalg.core import limits

    limits.check("sequence_length", n * (T + 1), f"{short_repr(n)} lattice paths of {T + 1} points")
    out = []
    for i in range(1, n + 1):
        pts = []
        for k in range(T + 1):
            mu = cp.parts[k % T]
            part = mu[i - 1] if i <= len(mu) else 0
            pts.append((k, part - i))
        out.append(tuple(pts))
    return out


def paths_are_non_intersecting(paths: list[tuple[tuple[int, int], ...]]) -> bool:
    """Whether consecutive paths stay strictly apart at every ``k``.

    Examples
    --------
    >>> paths_are_non_intersecting([((0, 0), (1, 1)), ((0, -2), (1, -2))])
    True
    """
    for upper, lower in zip(paths, paths[1:]):
        if any(a[1] <= b[1] for a, b in zip(upper, lower)):
            return False
    return True
