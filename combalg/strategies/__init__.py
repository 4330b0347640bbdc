"""Hypothesis strategies for combalg objects, for tests and for your own conjecture checks.

The strategies live in one module per area (``combalg.strategies.basic`` for
partitions, profiles and small matrices, and one module per engine), named
``combalg.strategies.<engine>.<objects>()`` (``strategies.cylindric.profiles()``,
``strategies.cylindric.cylindric_partitions()``, ``strategies.asm.asms()``,
``strategies.growth.permutations()``, ...).  A name means the same strategy
whichever path imports it (``combalg.strategies.profiles is
combalg.strategies.cylindric.profiles``), and every strategy of collections takes
``min_size`` and ``max_size``.  They import hypothesis, which comes with the
``test`` extra.
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
    profile_tuples,
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
    "profile_tuples",
    "profile_words",
    "small_int_matrices",
    "square_int_matrices",
    "rational_matrices",
    "rationals",
]
