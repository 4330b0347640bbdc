"""Growth diagrams, RSK and the growth bijection for cylindric partitions.

* [`GrowthDiagram`][GrowthDiagram] -- Fomin growth diagrams on Ferrers and skew shapes,
  generic in the local rule ([`RuleRSK`][RuleRSK], [`RuleBurge`][RuleBurge], or your own
  subclass of [`Rule`][Rule]);
* [`rsk`][rsk] / [`rsk_inverse`][rsk_inverse] -- RSK for words, permutations and
  nonnegative integer matrices (fast row insertion, cross-checked against the
  growth diagram);
* [`cylinder_forward`][cylinder_forward] / [`cylinder_inverse`][cylinder_inverse] -- the growth bijection
  on the cylinder (a reconstruction of Langer's) between cylindric partitions
  and pairs ``(nu, m)``, which proves Borodin's product object by object;
* [`combalg.growth.plot`][combalg.growth.plot] -- drawings (needs matplotlib).

Examples
--------
>>> from combalg.growth import rsk, cylinder_forward
>>> rsk([3, 1, 2])
(Tableau([[1, 2], [3]]), Tableau([[1, 3], [2]]))
>>> cylinder_forward("10", parts=[[2], [3, 1]])
((1,), {(0, 1): 1, (0, 3): 1})
"""

from combalg.growth.cylinder import (
    LABEL,
    SweepStep,
    cylinder_cells,
    cylinder_forward,
    cylinder_inverse,
    cylinder_sweeps,
    cylinder_weight,
)
from combalg.growth.engine import GrowthDiagram, chain_from_tableau, tableau_from_chain
from combalg.growth.insertion import (
    insert_two_line,
    is_semistandard,
    is_standard,
    rsk,
    rsk_inverse,
    tableau_shape,
    two_line_array,
)
from combalg.growth.rules import Rule, RuleBurge, RuleMismatch, RuleRSK
from combalg.growth.tableau import Tableau

__all__ = [
    "plot_growth_diagram",
    "plot_cylinder_sweep",
    "GrowthDiagram",
    "Tableau",
    "Rule",
    "RuleRSK",
    "RuleBurge",
    "RuleMismatch",
    "rsk",
    "rsk_inverse",
    "insert_two_line",
    "two_line_array",
    "is_semistandard",
    "is_standard",
    "tableau_shape",
    "tableau_from_chain",
    "chain_from_tableau",
    "cylinder_forward",
    "cylinder_inverse",
    "cylinder_cells",
    "cylinder_weight",
    "cylinder_sweeps",
    "SweepStep",
    "LABEL",
]


def plot_growth_diagram(G, ax=None, **kwargs):
    """Draw a growth diagram with its filling and corner labels (needs matplotlib).

    See [`combalg.growth.plot.plot_growth_diagram`][combalg.growth.plot.plot_growth_diagram].
    """
    from combalg.growth.plot import plot_growth_diagram as _plot

    return _plot(G, ax=ax, **kwargs)


def plot_cylinder_sweep(cp, parts=None, ax=None, **kwargs):
    """Draw the sweeps of the growth bijection on the cylinder (needs matplotlib).

    See [`combalg.growth.plot.plot_cylinder_sweep`][combalg.growth.plot.plot_cylinder_sweep].
    """
    from combalg.growth.plot import plot_cylinder_sweep as _plot

    return _plot(cp, parts=parts, ax=ax, **kwargs)
