"""combalg: exact combinatorics and symbolic algebra.

The engines live in subpackages (``combalg.cylindric``, ``combalg.growth``,
``combalg.asm``, ``combalg.lambdadet``, ``combalg.linking``, ``combalg.free``)
on top of an exact core (``combalg.core``) and the partition objects
(``combalg.partitions``).  Import them directly, e.g.

>>> from combalg.core.errors import InvalidInputError
>>> issubclass(InvalidInputError, ValueError)
True
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
