"""Hypothesis strategies for combalg objects, for tests and for your own conjecture checks.

The strategies live in one module per area (``combalg.strategies.basic`` for
partitions, profiles and small matrices, and one module per engine).  They
import hypothesis, which comes with the ``test`` extra.
"""
