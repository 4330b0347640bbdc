"""Free cumulants of a distribution, exactly.

Takes the uniform distribution on {-1, 0, 1} (moments m_n = 2/3 for even n, 0 for
odd n) and the Bernoulli distribution on {-1, 1}, computes their free cumulants
exactly (fractions, no floats) by power-series reversion, checks the result
against the sum over non-crossing partitions (the moment-cumulant formula
m_n = sum over pi in NC(n) of prod over blocks V of kappa_|V|), and saves a table.
"""

from fractions import Fraction

from _common import out_dir, pick

from combalg.free import (
    free_cumulants_to_moments_by_partitions,
    moments_to_free_cumulants,
)
from combalg.tables import Table

order = pick(8, 12)
distributions = {
    "uniform on {-1, 0, 1}": [Fraction(2, 3) if n % 2 == 0 else 0 for n in range(1, order + 1)],
    "Bernoulli on {-1, 1}": [1 if n % 2 == 0 else 0 for n in range(1, order + 1)],
}
rows = []
for name, moments in distributions.items():
    kappa = moments_to_free_cumulants(moments)
    assert free_cumulants_to_moments_by_partitions(kappa) == moments  # the NC(n) sum is an independent oracle
    rows += [[name, n, moments[n - 1], kappa[n - 1]] for n in range(1, order + 1)]
table = Table("Free cumulants of two distributions", ["distribution", "n", "moment m_n", "free cumulant kappa_n"],
              rows, parameters={"order": order},
              latex_columns=["distribution", "$n$", "moment $m_n$", r"free cumulant $\kappa_n$"])
print(table)
for suffix in ("md", "csv", "tex"):
    table.save(out_dir() / f"free_cumulants.{suffix}")
