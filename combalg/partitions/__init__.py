"""Integer partitions: the [`Partition`][Partition] value type, strips and generators.

This is the objects layer under the engines: plain functions over small immutable
values, pure Python integers, no sympy.

Examples
--------
>>> from combalg.partitions import Partition, horizontal_strips_over, partitions_of
>>> Partition([3, 1]).conjugate()
Partition([2, 1, 1])
>>> sum(1 for _ in partitions_of(10))
42
>>> len(list(horizontal_strips_over([2, 1], max_boxes=2)))
8
"""

from __future__ import annotations

from combalg.partitions.generation import (
    count_partitions,
    partitions_in_box,
    partitions_of,
    partitions_up_to,
)
from combalg.partitions.partition import (
    MAX_CELLS,
    Partition,
    compact_str,
    conjugate,
    hook_lengths,
    num_standard_tableaux,
)
from combalg.partitions.strips import (
    horizontal_strips_over,
    horizontal_strips_under,
    is_horizontal_strip,
    is_vertical_strip,
    vertical_strips_over,
    vertical_strips_under,
)

__all__ = [
    "MAX_CELLS",
    "Partition",
    "compact_str",
    "conjugate",
    "hook_lengths",
    "num_standard_tableaux",
    "is_horizontal_strip",
    "is_vertical_strip",
    "horizontal_strips_over",
    "horizontal_strips_under",
    "vertical_strips_over",
    "vertical_strips_under",
    "partitions_of",
    "partitions_up_to",
    "partitions_in_box",
    "count_partitions",
]
