"""Conversion of internal FLINT normal forms to [`combalg.core.laurent.LaurentPolynomial`][combalg.core.laurent.LaurentPolynomial]."""

from __future__ import annotations


from combalg.core.laurent import LaurentPolynomial, LaurentRing
from combalg.lambdadet._forms import Form, FormRing

__all__ = ["export", "core_ring"]

_RINGS: dict[tuple, LaurentRing] = {}


def core_ring(ring: FormRing) -> LaurentRing:
    """The core Laurent ring with the same generators (variables, then parameters)."""
    key = (ring.variables, ring.params, ring.domain)
    r = _RINGS.get(key)
    if r is None:
        r = LaurentRing(ring.variables, ring.params, ring.domain)
        if len(_RINGS) > 256:
            _RINGS.clear()
        _RINGS[key] = r
    return r


def export(form: Form) -> LaurentPolynomial:
    """The public value ``P * X^s`` of an internal form (same FLINT context)."""
    ring = form.ring
    return core_ring(ring).from_flint(form.p, tuple(form.s) + (0,) * len(ring.params))
