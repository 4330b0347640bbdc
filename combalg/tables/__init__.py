"""Tables for papers: Markdown, LaTeX (booktabs), CSV, JSON and aligned text.

>>> from combalg.tables import Table
>>> t = Table("Partition numbers", ["n", "p(n)"], [[0, 1], [1, 1], [2, 2], [3, 3]])
>>> print(t.render("md"))
|   n | p(n) |
|----:|-----:|
|   0 |    1 |
|   1 |    1 |
|   2 |    2 |
|   3 |    3 |
"""

from combalg.tables.table import FORMATS, Table

__all__ = ["Table", "FORMATS"]
