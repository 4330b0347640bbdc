"""Hypothesis strategies for combalg objects, for tests and for your own conjecture checks.

The strategies live in one module per area (``combalg.strategies.basic`` for
partitions, profiles and small matrices, and one module per engine).  They
import hypothesis, which comes with the ``test`` extra.
"""

try:
    import hypothesis  # noqa: F401
except ModuleNotFoundError as exc:  # pragma: no cover - depends on the environment
    raise ModuleNotFoundError(
        "combalg.strategies needs hypothesis, which comes with the test extra: pip install 'combalg[test]'",
        name=exc.name,
    ) from None

from combalg.strategies.basic import (
    partitions,
    profile_words,
    profiles,
    rational_matrices,
    rationals,
    small_int_matrices,
    square_int_matrices,
)

__all__ = [
    "partitions",
    "profiles",
    "profile_words",
    "small_int_matrices",
    "square_int_matrices",
    "rational_matrices",
    "rationals",
]
