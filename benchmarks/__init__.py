"""combalg benchmarks: each figure printed next to a baseline measured in the same run.

Run all with ``python -m benchmarks`` or one module with ``python -m benchmarks series``.
"""
