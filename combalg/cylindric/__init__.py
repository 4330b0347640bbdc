"""Cylindric plane partitions: enumeration, an independent counter, Borodin's product
and its (q,t)-analogue.

Conventions (Langer/Borodin).  A profile is a word ``pi = pi_1 ... pi_T`` in 0 and 1.
A cylindric partition of profile ``pi`` is ``(mu^0, ..., mu^T)`` with ``mu^T = mu^0``,
where ``mu^k/mu^{k-1}`` is a horizontal strip if ``pi_k = 1`` (grow) and
``mu^{k-1}/mu^k`` is one if ``pi_k = 0`` (shrink).  The weight
``|Lambda| = |mu^1| + ... + |mu^T|`` counts ``mu^0`` once.

Borodin's product, with ``C(pi)`` the pairs (1 at ``i``, 0 at cyclic distance ``d``):

    sum_Lambda q^{|Lambda|} = 1/(q^T;q^T)_inf * prod_{(i,d) in C(pi)} 1/(1 - q^d).

Every identity is computed by two independent methods: [`count_series`][count_series] is a
transfer-matrix count that never uses a product, [`borodin_series`][borodin_series] is the
product; [`check_borodin`][check_borodin] compares them.

!!! warning
    The univariate series cannot tell a profile from its reverse or its
    complement (nor from a rotation): univariate checks cannot detect a swapped
    grow/shrink convention.  Use [`check_bivariate`][check_bivariate] (weight ``w^{|mu^0|}``)
    or object-level checks to test conventions.

Examples
--------
>>> from combalg.cylindric import Profile, count_series, borodin_series, check_borodin
>>> count_series("110100", 10) == borodin_series("110100", 10)
True
>>> count_series("110100", 12) == count_series("001011", 12)      # reverse: same series
True
>>> check_borodin("1010", 16).ok
True
"""

from __future__ import annotations

from combalg.cylindric.borodin import (
    borodin_bivariate,
    borodin_cells,
    borodin_exponents,
    borodin_series,
)
from combalg.cylindric.checks import CheckResult, check_bivariate, check_borodin, check_qt, check_rpp
from combalg.cylindric.enumeration import DEFAULT_LIMIT, cylindric_partitions
from combalg.cylindric.macdonald import qt_product_series, qt_series, qt_weight
from combalg.cylindric.partition import (
    CylindricPartition,
    c_profile_array_is_valid,
    from_c_profile_array,
    to_c_profile_array,
)
from combalg.cylindric.paths import lattice_paths
from combalg.cylindric.profile import Profile
from combalg.cylindric.rpp import rpp_hook_series, rpp_pair_hooks, rpp_series, rpp_shape
from combalg.cylindric.counting import bivariate_rows, count_bivariate, count_rpp_series, count_series
from combalg.cylindric.transfer import count_bivariate_rows, count_coefficients

__all__ = [
    "Profile",
    "CylindricPartition",
    "c_profile_array_is_valid",
    "to_c_profile_array",
    "from_c_profile_array",
    "cylindric_partitions",
    "DEFAULT_LIMIT",
    "count_series",
    "count_coefficients",
    "count_bivariate",
    "count_bivariate_rows",
    "bivariate_rows",
    "borodin_series",
    "borodin_bivariate",
    "borodin_cells",
    "borodin_exponents",
    "rpp_shape",
    "rpp_pair_hooks",
    "rpp_series",
    "rpp_hook_series",
    "qt_weight",
    "qt_series",
    "qt_product_series",
    "CheckResult",
    "check_borodin",
    "check_bivariate",
    "check_qt",
    "check_rpp",
    "lattice_paths",
    "plot_paths",
    "plot_lozenges",
]


def plot_paths(cp, ax=None, **kwargs):
    """Draw ``cp`` as non-intersecting paths on the cylinder (needs matplotlib).

    See [`combalg.cylindric.plot.plot_paths`][combalg.cylindric.plot.plot_paths].
    """
    from combalg.cylindric.plot import plot_paths as _plot_paths

    return _plot_paths(cp, ax=ax, **kwargs)


def plot_lozenges(cp, ax=None, **kwargs):
    """Draw ``cp`` as a periodic lozenge tiling (needs matplotlib).

    See [`combalg.cylindric.plot.plot_lozenges`][combalg.cylindric.plot.plot_lozenges].
    """
    from combalg.cylindric.plot import plot_lozenges as _plot_lozenges

    return _plot_lozenges(cp, ax=ax, **kwargs)
