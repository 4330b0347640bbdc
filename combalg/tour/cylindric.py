"""Tour entries for the cylindric engine: each identity computed by two independent methods.

* Borodin's product versus a transfer-matrix count (no product formula);
* the bivariate refinement by ``w^{|mu^0|}``;
* the (q,t)-analogue (reconstruction of Langer's) at a rational point,
  enumeration with Macdonald weights versus the (q,t) product.
"""

from __future__ import annotations

from fractions import Fraction

from combalg.tour import TourRow

ENGINE = "cylindric"

#: the default example profile of the tour
PROFILE = "110100"


def _row(result, example: str, size: str, summary: str) -> TourRow:
    return TourRow(ENGINE, example, size, summary, result.ok,
                   result.left_seconds + result.right_seconds)


def run() -> list[TourRow]:
    """Run the cylindric tour entries (a few seconds in total)."""
    from combalg.cylindric import check_bivariate, check_borodin, check_qt

    rows = []
    r = check_borodin(PROFILE, 30)
    rows.append(_row(r, f"Borodin's product vs transfer-matrix count, profile {PROFILE}",
                     "q^0..q^29", f"a_29 = {r.right[-1]}"))
    r = check_bivariate(PROFILE, 16)
    rows.append(_row(r, f"bivariate q^|Lambda| w^|mu^0|: product vs transfer matrix, profile {PROFILE}",
                     "q^0..q^15", f"coefficient of q^15: {sum(r.right[-1])} objects"))
    q, t = Fraction(1, 3), Fraction(2, 7)
    r = check_qt(PROFILE, 8, q, t)
    rows.append(_row(r, f"(q,t)-Borodin (reconstruction of Langer's) at q=1/3, t=2/7, profile {PROFILE}",
                     "z^0..z^7", "8 exact rational coefficients"))
    return rows
