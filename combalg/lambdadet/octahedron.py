"""The octahedron (lambda-Dodgson) recurrence with two initial layers.

Indexing follows Langer: for ``k = 0..n`` the layer ``x[k]`` is an
``(n-k+1) x (n-k+1)`` array (1-based ``x[k][i][j]``), and for ``k = 1..n-1``:

    x[k+1][i][j] = ( M x[k][i][j] x[k][i+1][j+1] + L x[k][i][j+1] x[k][i+1][j] ) / x[k-1][i+1][j+1]

with ``x[1]`` the ``n x n`` matrix of unknowns and ``x[0]`` the layer divided
by (only its inner block ``x[0][r][c]``, ``2 <= r, c <= n``, ever enters).
The coefficient placements are

* ``"homogeneous"``: ``M = mu``, ``L = lam`` (``mu = 1``: Robbins-Rumsey),
* ``"langer"``: ``M = mu_{i, n-k-j}``, ``L = lam_{i,j}`` (Langer 2013),
* ``"di_francesco"``: ``M = mu_{i-(n-k-j)}``, ``L = lam_{i-j}`` (Di Francesco
  2012, in the form given by Langer),
* a callable ``f(k, i, j, n) -> (M, L)`` returning numbers or SymPy symbols.

Every division is certified exact in ``Z[parameters][x^{+-1}]``; a division
that is not exact raises [`OctahedronDivisionError`][OctahedronDivisionError] with the level, the
position and the remainder.  Indexed parameters are named ``lam_1_2``,
``mu_1_0`` (Langer) and ``lam_0``, ``lam_m1`` (Di Francesco; ``m`` = minus).

Examples
--------
>>> from combalg.lambdadet import octahedron
>>> r = octahedron(None, 2)
>>> r.apex.as_sympy()
a11*a22 + a12*a21*lam
>>> r = octahedron("generic", 3, coefficients="langer")
>>> r.apex.length, r.divisions
(8, 5)

References
----------
D. P. Robbins, H. Rumsey, *Determinants and alternating sign matrices*, Adv.
Math. 62 (1986) 169-184.  R. Langer, *Lambda determinants*, arXiv:1304.7367.
P. Di Francesco, *An inhomogeneous Lambda-determinant*, arXiv:1209.6619.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Callable, Sequence, Union

from combalg.core.bignum import short_repr
from combalg.core.errors import InvalidInputError, NotExactError, ResourceLimitError
from combalg.core.validation import positive_int
from combalg.lambdadet._convert import export
from combalg.lambdadet._forms import DivisionFailure, Form, FormRing
from combalg.lambdadet.matrices import (
    _check_size,
    classify_entry,
    entry_name,
    parameter_value,
    square_entries,
)

__all__ = [
    "octahedron",
    "OctahedronResult",
    "OctahedronDivisionError",
    "PLACEMENTS",
    "placement_coefficients",
    "index_name",
]

PLACEMENTS = ("homogeneous", "di_francesco", "langer")

#: default bound on the number of terms of one numerator of the recurrence
DEFAULT_MAX_TERMS = 20_000_000

#: how a refusal of [`octahedron`][octahedron] by its size ends
_REMEDY = "use the ASM / compatible-pair expansion or raise max_terms"

Placement = Union[str, Callable[[int, int, int, int], tuple[Any, Any]]]


class OctahedronDivisionError(NotExactError):
    """A division of the octahedron recurrence that is not exact.

    Attributes
    ----------
    level : int
        The level ``k+1`` of the value being computed.
    position : tuple of int
        Its position ``(i, j)`` (1-based).
    remainder : Laurent polynomial
        The division remainder (FLINT's ``divmod`` in degrevlex order, times
        the monomial shift).
    remainder_terms : int
        Its number of terms.
    """

    def __init__(self, level: int, position: tuple[int, int], remainder: Any, remainder_terms: int) -> None:
        super().__init__(
            f"division not exact at level {level}, position {position}: remainder with {remainder_terms} terms",
            quotient=None, remainder=remainder)
        self.level = level
        self.position = position
        self.remainder_terms = remainder_terms


def index_name(base: str, *idx: int) -> str:
    """Parameter name with indices: ``index_name("lam", 1, -2) == "lam_1_m2"``."""
    return base + "".join("_" + (f"m{-d}" if d < 0 else str(d)) for d in idx)


def _base(x: Any, default: str, what: str) -> str:
    kind, v = parameter_value(x, default, what)
    if kind != "sym":
        raise InvalidInputError(f"invalid {what} {short_repr(x)}: an indexed placement needs a name, not a number")
    return v


def placement_coefficients(n: int, placement: Placement, lam: Any = None, mu: Any = None
                           ) -> tuple[list[str], dict[tuple[int, int, int], tuple[tuple[str, Any], tuple[str, Any]]]]:
    """Parameter names (canonical order) and the coefficients ``(M, L)`` of each step.

    Returns
    -------
    params : list of str
        Every parameter the placement may use, in a canonical order.
    coef : dict
        ``(k, i, j) -> (M, L)``, each ``("num", value)`` or ``("sym", name)``.

    Examples
    --------
    >>> params, coef = placement_coefficients(3, "langer")
    >>> params
    ['lam_1_1', 'lam_1_2', 'lam_2_1', 'lam_2_2', 'mu_1_0', 'mu_1_1', 'mu_2_0', 'mu_2_1']
    >>> coef[(1, 1, 2)]
    (('sym', 'mu_1_0'), ('sym', 'lam_1_2'))
    """
    n = positive_int("n", n)
    _check_size(n, "an octahedron run")
    if not callable(placement) and (not isinstance(placement, str) or placement not in PLACEMENTS):
        raise InvalidInputError(
            f"invalid placement {short_repr(placement)}: expected 'homogeneous', 'di_francesco', 'langer' or a callable")
    steps = [(k, i, j) for k in range(1, n) for i in range(1, n - k + 1) for j in range(1, n - k + 1)]
    coef = {}
    params: list[str] = []
    if callable(placement):
        for (k, i, j) in steps:
            try:
                m_val, l_val = placement(k, i, j, n)
            except (TypeError, ValueError) as exc:
                raise InvalidInputError(
                    f"invalid coefficients callable: f({k}, {i}, {j}, {n}) should return a pair (M, L): "
                    f"{short_repr(str(exc))}") from None
            except Exception as exc:  # noqa: BLE001 - the user's function failed on our arguments
                raise InvalidInputError(
                    f"invalid coefficients callable: f({k}, {i}, {j}, {n}) raised {type(exc).__name__}: "
                    f"{short_repr(str(exc))}") from exc
            m_c = classify_entry(m_val, f"coefficient M at (k,i,j)=({k},{i},{j})")
            l_c = classify_entry(l_val, f"coefficient L at (k,i,j)=({k},{i},{j})")
            coef[(k, i, j)] = (m_c, l_c)
            for kind, v in (m_c, l_c):
                if kind == "sym" and v not in params:
                    params.append(v)
        return params, coef
    if placement == "homogeneous":
        m_c = parameter_value(mu, "mu", "mu") if mu is not None else ("num", 1)
        l_c = parameter_value(lam, "lam", "lam")
        for kind, v in (l_c, m_c):
            if kind == "sym" and v not in params:
                params.append(v)
        return params, {s: (m_c, l_c) for s in steps}
    if placement == "langer":
        lb, mb = _base(lam, "lam", "lam"), _base(mu, "mu", "mu")
        params = [index_name(lb, p, q) for p in range(1, n) for q in range(1, n)]
        params += [index_name(mb, p, q) for p in range(1, n) for q in range(0, n - 1)]
        for (k, i, j) in steps:
            coef[(k, i, j)] = (("sym", index_name(mb, i, n - k - j)), ("sym", index_name(lb, i, j)))
        return params, coef
    if placement == "di_francesco":
        lb, mb = _base(lam, "lam", "lam"), _base(mu, "mu", "mu")
        params = [index_name(lb, d) for d in range(2 - n, n - 1)]
        params += [index_name(mb, d) for d in range(3 - n, n)]
        for (k, i, j) in steps:
            coef[(k, i, j)] = (("sym", index_name(mb, i - (n - k - j))), ("sym", index_name(lb, i - j)))
        return params, coef
    raise InvalidInputError(
        f"invalid placement {short_repr(placement)}: expected 'homogeneous', 'di_francesco', 'langer' or a callable")


def _x0_entries(x0: Any, n: int) -> dict[tuple[int, int], tuple[str, Any]]:
    """The inner block ``(r, c) -> entry`` (2 <= r, c <= n) of the bottom layer."""
    if x0 is None or (isinstance(x0, str) and x0 == "ones"):
        return {(r, c): ("num", 1) for r in range(2, n + 1) for c in range(2, n + 1)}
    if isinstance(x0, str) and x0 == "generic":
        return {(r, c): ("sym", entry_name("t", r, c, n + 1)) for r in range(2, n + 1) for c in range(2, n + 1)}
    if isinstance(x0, str):
        raise InvalidInputError(f"invalid x0 {short_repr(x0)}: expected None, 'ones', 'generic' or a matrix")
    if n == 1 and (x0 == [] or x0 == ()):
        return {}
    rows = square_entries(x0, "x0")
    m = len(rows)
    if m == n + 1:
        return {(r, c): rows[r - 1][c - 1] for r in range(2, n + 1) for c in range(2, n + 1)}
    if m == n - 1:
        return {(r, c): rows[r - 2][c - 2] for r in range(2, n + 1) for c in range(2, n + 1)}
    raise InvalidInputError(
        f"invalid x0 of size {m}: expected {n + 1} x {n + 1} (the whole layer) or {n - 1} x {n - 1} (its inner block)")


@dataclass
class OctahedronResult:
    """Every layer of an octahedron run, as certified Laurent polynomials.

    Attributes
    ----------
    n : int
        The size of ``x[1]``.
    forms : list
        Internal FLINT normal forms, ``forms[k][i-1][j-1]``.
    divisions : int
        The number of divisions certified exact.
    variables, params : tuple of str
        The Laurent variables and the parameters of the ring.

    Examples
    --------
    >>> r = octahedron(None, [[2, 1, 3], [1, 5, 2], [4, 1, 7]], lam=-1)
    >>> r.layer(2)  # Dodgson condensation: the connected 2 x 2 minors
    ((9, -13), (-19, 33))
    >>> r.apex, r.divisions
    (10, 5)
    """

    n: int
    forms: list
    divisions: int
    variables: tuple
    params: tuple
    _cache: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        # built by octahedron(); a direct call with other data is checked, not stored as is
        n = positive_int("n", self.n)
        _check_size(n, "an octahedron result")
        forms = self.forms
        ok = isinstance(forms, list) and len(forms) == n + 1
        ring = None
        for k in range(n + 1) if ok else ():
            layer = forms[k]
            size = n - k + 1
            if not (isinstance(layer, list) and len(layer) == size
                    and all(isinstance(row, list) and len(row) == size for row in layer)):
                ok = False
                break
            for row in layer:
                for f in row:
                    if not isinstance(f, Form) or (ring is not None and f.ring is not ring):
                        ok = False
                        break
                    ring = f.ring
        if not ok:
            raise InvalidInputError(f"invalid forms {short_repr(forms)}: expected the {n + 1} layers of an "
                                    "octahedron run (as computed by octahedron)")
        if isinstance(self.divisions, bool) or not isinstance(self.divisions, int) or self.divisions < 0:
            raise InvalidInputError(f"invalid divisions {short_repr(self.divisions)}: expected a nonnegative integer")
        if self.variables != ring.variables or self.params != ring.params:
            raise InvalidInputError(f"invalid variables {short_repr(self.variables)} or params "
                                    f"{short_repr(self.params)}: expected those of the ring of the forms")
        if not isinstance(self._cache, dict) or self._cache:
            raise InvalidInputError(f"invalid _cache {short_repr(self._cache)}: expected an empty dict")
        self.n = n

    def layer(self, k: int) -> tuple[tuple[Any, ...], ...]:
        """Layer ``x[k]`` as a tuple of rows of Laurent polynomials (``k = 0..n``).

        Only the inner block of ``x[0]`` enters the recurrence; its border is
        reported as 1 whatever was given.
        """
        if isinstance(k, bool) or not isinstance(k, int) or not 0 <= k <= self.n:
            raise InvalidInputError(f"invalid level k={short_repr(k)}: expected an integer in 0..{self.n}")
        if k not in self._cache:
            self._cache[k] = tuple(tuple(export(f) for f in row) for row in self.forms[k])
        return self._cache[k]

    @property
    def layers(self) -> list[tuple[tuple[Any, ...], ...]]:
        """All layers ``x[0], ..., x[n]``."""
        return [self.layer(k) for k in range(self.n + 1)]

    @property
    def apex(self) -> Any:
        """The apex ``x[n][1][1]``."""
        return export(self.forms[self.n][0][0])

    @property
    def apex_form(self) -> Form:
        return self.forms[self.n][0][0]


def run_recurrence(ring: FormRing, bottom: list[list[Form]], x1: list[list[Form]],
                   coef: dict, const: Callable[[tuple[str, Any]], Form],
                   max_terms: int = DEFAULT_MAX_TERMS) -> tuple[list, int]:
    """Run the recurrence on internal forms; returns (layers, number of divisions).

    Before each step the number of terms of the numerator is bounded by the
    products of the term counts; a bound above ``max_terms`` raises
    [`ResourceLimitError`][ResourceLimitError] before that step's arithmetic starts.
    """
    n = len(x1)
    layers = [bottom, x1]
    count = 0
    for k in range(1, n):
        cur, low = layers[k], layers[k - 1]
        size = n - k
        new = []
        for i in range(size):
            row = []
            for j in range(size):
                m_c, l_c = coef[(k, i + 1, j + 1)]
                bound = (len(cur[i][j]) * len(cur[i + 1][j + 1]) + len(cur[i][j + 1]) * len(cur[i + 1][j])) * max(
                    len(const(m_c)), len(const(l_c)))
                if bound > max_terms:
                    raise ResourceLimitError(
                        f"the numerator at level {k + 1}, position ({i + 1},{j + 1}) may have up to {bound} terms, "
                        f"above max_terms={max_terms}; raise max_terms or use the ASM / compatible-pair expansion")
                num = const(m_c) * (cur[i][j] * cur[i + 1][j + 1]) + const(l_c) * (cur[i][j + 1] * cur[i + 1][j])
                den = low[i + 1][j + 1]
                if den.is_zero():
                    raise InvalidInputError(
                        f"the recurrence divides by zero at level {k + 1}, position ({i + 1},{j + 1}): "
                        f"x[{k - 1}][{i + 2}][{j + 2}] = 0")
                try:
                    row.append(num.divide(den))
                except DivisionFailure as fail:
                    raise OctahedronDivisionError(k + 1, (i + 1, j + 1), export(fail.remainder),
                                                  fail.remainder.length) from None
                count += 1
            new.append(row)
        layers.append(new)
    return layers, count


def build_ring(entry_lists: Sequence[Sequence[tuple[str, Any]]], params: Sequence[str],
               extra_values: Sequence[tuple[str, Any]] = (), rational: bool = False) -> FormRing:
    """The ring whose variables are the symbols among the entries (first appearance)."""
    variables: list[str] = []
    seen = set()
    for entries in entry_lists:
        for kind, v in entries:
            if kind == "sym":
                if v not in seen:
                    seen.add(v)
                    variables.append(v)
            elif isinstance(v, Fraction):
                rational = True
    for kind, v in extra_values:
        if kind == "num" and isinstance(v, Fraction):
            rational = True
    clash = seen.intersection(params)
    if clash:
        raise InvalidInputError(
            f"invalid names {short_repr(sorted(clash))}: used both as matrix entries and as parameters")
    return FormRing(variables, params, "QQ" if rational else "ZZ")


def make_const(ring: FormRing) -> Callable[[tuple[str, Any]], Form]:
    cache: dict = {}

    def const(c: tuple[str, Any]) -> Form:
        if c not in cache:
            kind, v = c
            cache[c] = ring.gen(v) if kind == "sym" else ring.const(v)
        return cache[c]

    return const


def octahedron(x0: Any = None, x1: Any = None, lam: Any = None, mu: Any = None,
               coefficients: Placement = "homogeneous", max_terms: int = DEFAULT_MAX_TERMS) -> OctahedronResult:
    """Run the octahedron recurrence from two initial layers, certifying each division.

    Parameters
    ----------
    x0 : None, "ones", "generic" or matrix
        The bottom layer: ``None``/``"ones"`` for all ones (the lambda-determinant),
        ``"generic"`` for symbols ``t_rc`` on its inner block, or a matrix of size
        ``n+1`` (the whole layer) or ``n-1`` (its inner block).
    x1 : int or matrix
        The ``n x n`` layer of unknowns; an int ``n`` means the generic matrix
        ``a11 .. ann``.
    lam, mu : number, Symbol or name
        For ``"homogeneous"``: the coefficients ``L`` (default the symbol ``lam``)
        and ``M`` (default 1).  For indexed placements: the base names
        (default ``"lam"``, ``"mu"``).
    coefficients : {"homogeneous", "di_francesco", "langer"} or callable
        The placement; a callable ``f(k, i, j, n) -> (M, L)`` gives the
        coefficients of the step computing ``x[k+1][i][j]``.
    max_terms : int
        Bound on the (estimated) number of terms of a numerator; exceeding it
        raises [`ResourceLimitError`][ResourceLimitError] before the step is computed.

    Returns
    -------
    OctahedronResult

    Raises
    ------
    InvalidInputError
        For malformed layers or placements, or a division by zero.
    ResourceLimitError
        If a numerator could exceed ``max_terms`` terms (checked before each step).
    OctahedronDivisionError
        If a division is not exact (the recurrence is not Laurent there).

    Examples
    --------
    >>> octahedron(None, [[1, 2], [3, 4]], lam=-1).apex.as_sympy()
    -2
    >>> octahedron("generic", 2, coefficients="di_francesco").apex.as_sympy()
    a11*a22*mu_1/t22 + a12*a21*lam_0/t22
    """
    if x1 is None:
        raise InvalidInputError("invalid x1=None: expected a square matrix or a size n")
    return _run_octahedron(x0, square_entries(x1, "x1"), lam, mu, coefficients, max_terms)


def _run_octahedron(x0: Any, rows: list[list[tuple[str, Any]]], lam: Any, mu: Any, coefficients: Placement,
                    max_terms: int, remedy: str = _REMEDY) -> OctahedronResult:
    """[`octahedron`][octahedron] on the validated entries ``rows`` of ``x1`` (see [`square_entries`][square_entries]).

    ``remedy`` ends the message of an up-front size refusal (what the caller's
    user can do instead).
    """
    n = len(rows)
    inner = _x0_entries(x0, n)
    params, coef = placement_coefficients(n, coefficients, lam, mu)
    coef_values = [c for pair in coef.values() for c in pair]
    max_terms = positive_int("max_terms", max_terms)
    _refuse_generic_blowup(rows, x0, coefficients, coef, max_terms, remedy)
    entry_lists = [[e for r in rows for e in r], list(inner.values())]
    divisors = list(inner.values()) + [rows[i][j] for i in range(1, n - 1) for j in range(1, n - 1)]
    ring = build_ring(entry_lists, params, coef_values, rational=_has_non_unit_number(divisors))
    const = make_const(ring)
    x1f = [[const(e) for e in r] for r in rows]
    bottom = []
    for r in range(1, n + 2):
        row = []
        for c in range(1, n + 2):
            # the border of x[0] never enters the recurrence; it is reported as 1
            row.append(const(inner[(r, c)]) if (r, c) in inner else ring.const(1))
        bottom.append(row)
    layers, count = run_recurrence(ring, bottom, x1f, coef, const, max_terms)
    return OctahedronResult(n, layers, count, ring.variables, ring.params)


def _refuse_generic_blowup(rows, x0: Any, coefficients: Placement, coef: dict, max_terms: int,
                           remedy: str = _REMEDY) -> None:
    """Refuse, before any work, a run whose step-by-step term bound certainly exceeds ``max_terms``.

    The one up-front size check of the recurrence, also for the
    lambda-condensation of [`combalg.lambdadet.lambda_determinant`][combalg.lambdadet.lambda_determinant].
    Decided only when nothing can cancel: ``x1`` of pairwise distinct symbols,
    ``x0`` all ones or generic, and a named placement whose coefficients are
    all symbols (``mu = 1`` allowed).  Then every value of level ``k`` has at
    least ``t = A_k`` terms (one per ASM, or per compatible pair), so the bound
    that [`run_recurrence`][run_recurrence] checks at the last level is at least
    ``2 t^2`` for ``k = n-1``.  For the lambda-determinant (``"homogeneous"``,
    ``x0`` all ones, ``mu = 1``, symbolic ``lam``) the values of level ``k``
    are generic lambda-determinants with exactly ``t = T(k) = sum_A (N(A)+1)``
    terms, used while ``k <= 9`` (beyond, ``A_k`` is the cheaper lower bound).
    """
    n = len(rows)
    if n < 3 or callable(coefficients) or not (x0 is None or (isinstance(x0, str) and x0 in ("ones", "generic"))):
        return
    flat = [e for r in rows for e in r]
    if any(kind != "sym" for kind, _ in flat) or len({v for _, v in flat}) != len(flat):
        return
    if any(kind != "sym" and v != 1 for pair in coef.values() for kind, v in pair):
        return
    from combalg.asm.enumeration import asm_count, negative_ones_distribution

    m_c, l_c = coef[(1, 1, 1)]
    if coefficients == "homogeneous" and x0 != "generic" and m_c == ("num", 1) and l_c[0] == "sym" and n - 1 <= 9:
        t = sum(c * (k + 1) for k, c in negative_ones_distribution(n - 1).items())
    else:
        t = asm_count(n - 1)
    if 2 * t * t > max_terms:
        raise ResourceLimitError(
            f"the octahedron recurrence with a generic {n} x {n} layer would multiply values of level {n - 1} "
            f"with at least {t} terms each (at least {2 * t * t} terms, max_terms={max_terms}); {remedy}")


def _has_non_unit_number(divisor_entries) -> bool:
    """Whether a number other than 0, +-1 is divided by (then the ring is over QQ).

    The initial entries that are ever divided by are the inner block of x[0]
    and the interior entries of x[1]; the same rule decides the domain of the
    ASM expansion, so both methods return values in the same ring.
    """
    return any(kind == "num" and v not in (0, 1, -1) for kind, v in divisor_entries)
