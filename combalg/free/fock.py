"""The full Fock space, creation/annihilation operators and semicircular systems.

For ``H = C^n`` with orthonormal basis ``e_1..e_n`` the full Fock space
``F(H)`` has the orthonormal basis ``e_w``, one vector for each word ``w`` over
the letters ``1..n`` (the empty word is the vacuum ``Omega``).  The operators
are

* left creation ``l_i e_w = e_{iw}`` and its adjoint ``l_i^*`` (``l_i^* e_{jw} = [i = j] e_w``,
  ``l_i^* Omega = 0``);
* right creation ``r_i e_w = e_{wi}`` and its adjoint ``r_i^*``;
* the semicircular generators ``s_i = l_i + l_i^*`` and their right versions
  ``d_i = r_i + r_i^*``, which commute with every ``s_j``.

Two exact models are offered:

* *Fock vectors*: dicts ``{word tuple: coefficient}`` (no truncation; a
  polynomial of degree ``k`` applied to ``Omega`` only reaches lengths ``<= k``);
* [`FockSpace`][FockSpace]: the space spanned by words of length ``<= max_length``,
  with the operators as exact sparse matrices ([`SparseMatrix`][SparseMatrix]); the
  creation operators are truncated (words that would become too long are sent
  to 0) and the annihilators are their transposes.

The vacuum state ``tau(x) = <Omega, x Omega>`` gives the mixed moments
``tau(s_{w_1} ... s_{w_k})``, which equal the number of non-crossing pair
partitions of ``{1..k}`` joining only equal letters.

Examples
--------
>>> from combalg.free.fock import mixed_moment, FockSpace
>>> mixed_moment((1, 1, 2, 2)), mixed_moment((1, 2, 1, 2)), mixed_moment((1, 1, 1, 1))
(1, 0, 2)
>>> F = FockSpace(2, 2)
>>> F.dimension
7
>>> F.mixed_moment((1, 2, 2, 1))
1

References
----------
- [1] D. Voiculescu, K. Dykema, A. Nica, *Free Random Variables*, CRM
   Monograph Series 1, AMS, 1992.
- [2] A. Nica and R. Speicher, *Lectures on the Combinatorics of Free
   Probability*, Cambridge University Press, 2006, Lectures 7-8.
"""

from __future__ import annotations

import numbers
import operator
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from itertools import product

from flint import fmpq, fmpq_mat, fmpz, fmpz_mat

from combalg.core.matrix import Matrix
from combalg.core.errors import InvalidInputError, ResourceLimitError, expect
from combalg.core.bignum import short_repr
from combalg.core.validation import nonnegative_int, positive_int, sequence_arg
from combalg.free.noncrossing import noncrossing_pairings

__all__ = [
    "Word",
    "FockVector",
    "DEFAULT_MAX_WORDS",
    "MAX_CHEBYSHEV_DEGREE",
    "MAX_OPERATOR_TERMS",
    "MAX_DP_LENGTH",
    "as_word",
    "as_coefficient",
    "words_exceed",
    "vacuum",
    "left_creation",
    "left_annihilation",
    "right_creation",
    "right_annihilation",
    "apply_semicircular",
    "apply_right_semicircular",
    "apply_word",
    "apply_polynomial",
    "inner_product",
    "mixed_moment",
    "count_colour_pairings",
    "chebyshev_u",
    "wick_polynomial",
    "words_up_to",
    "count_words",
    "monomial_to_tensor_matrix",
    "SparseMatrix",
    "FockSpace",
]

Word = tuple[int, ...]


class FockVector(dict):
    r"""A vector of the full Fock space: a dict ``{word tuple: exact coefficient}``.

    A plain ``dict`` subclass (equal to the dict with the same items), with a
    LaTeX display ``sum c e_{w_1} (x) ... (x) e_{w_k}`` (``Omega`` for the empty
    word) and a sympy-free JSON form.  The functions of this module return
    FockVectors and accept any mapping.

    Examples
    --------
    >>> v = FockVector({(): 1, (1, 2): Fraction(-1, 2)})
    >>> v == {(): 1, (1, 2): Fraction(-1, 2)}
    True
    >>> print(v.latex())
    \Omega - \frac{1}{2} e_{1} \otimes e_{2}
    """

    __slots__ = ()

    def latex(self) -> str:
        """``sum c e_{w_1} \\otimes ... \\otimes e_{w_k}``, words by length then lexicographically."""
        from combalg.core.encoding import to_fraction
        from combalg.core.latex import fraction

        if not any(self.values()):
            return "0"
        parts = []
        for w, c in sorted(self.items(), key=lambda kv: (len(kv[0]), kv[0])):
            if not c:
                continue
            basis = r"\Omega" if not w else r" \otimes ".join(f"e_{{{a}}}" for a in w)
            f = to_fraction(c)
            sign = "-" if f < 0 else "+"
            mag = abs(f)
            coeff = "" if mag == 1 else fraction(mag) + " "
            parts.append((sign, coeff + basis))
        head = ("-" if parts[0][0] == "-" else "") + parts[0][1]
        return head + "".join(f" {sg} {t}" for sg, t in parts[1:])

    def _repr_latex_(self) -> str:
        return "$" + self.latex() + "$"

    def _latex(self, printer: object = None) -> str:
        """What ``sympy.latex(v)`` prints: the same as the Jupyter display."""
        return self.latex()

    def _jsonable_(self) -> list:
        """``[[word, coefficient], ...]`` (see [`combalg.core.encoding`][combalg.core.encoding])."""
        from combalg.core.encoding import rational_text

        return [[list(w), rational_text(c)] for w, c in self.items()]

    def __reduce__(self) -> tuple:
        return (FockVector, (dict(self),))

#: default limit on the number of basis words of a [`FockSpace`][FockSpace] or a word-indexed matrix
DEFAULT_MAX_WORDS = 200_000

#: largest degree accepted by [`chebyshev_u`][chebyshev_u]
MAX_CHEBYSHEV_DEGREE = 5_000

#: longest word accepted by ``mixed_moment(..., method="dp")`` (the recursion costs O(k^3))
MAX_DP_LENGTH = 400

#: largest number of terms a Fock vector may reach in ``mixed_moment(..., method="operator")``
MAX_OPERATOR_TERMS = 2_000_000


def _gen(i: object) -> int:
    return positive_int("generator", i)


def _vec(v: object, name: str = "v") -> Mapping[Word, object]:
    """``v`` checked to be a Fock vector: a mapping from word tuples to exact rational coefficients."""
    if not isinstance(v, Mapping):
        raise InvalidInputError(
            f"invalid {name} {short_repr(v)}: expected a Fock vector, a dict {{word tuple: coefficient}}")
    for w, c in v.items():
        if not isinstance(w, tuple):
            raise InvalidInputError(
                f"invalid {name} {short_repr(v)}: the key {short_repr(w)} is not a word tuple")
        as_word(w)
        as_coefficient(c, f"coefficient of {short_repr(w)} in {name}")
    return v


def as_coefficient(c: object, name: str = "coefficient") -> object:
    """Return ``c`` if it is an exact rational (int, Fraction, flint fmpz/fmpq); floats, bools, strings are refused.

    Raises
    ------
    InvalidInputError
        If ``c`` is not an exact rational.

    Examples
    --------
    >>> as_coefficient(Fraction(1, 2))
    Fraction(1, 2)
    """
    if isinstance(c, bool) or not (isinstance(c, numbers.Rational) or isinstance(c, (fmpq, fmpz))):
        raise InvalidInputError(f"invalid {name} {short_repr(c)}: expected an exact rational (int, Fraction, fmpz or fmpq)")
    return c


def words_exceed(n_generators: int, max_length: int, limit: int) -> bool:
    """Whether there are more than ``limit`` words of length ``<= max_length`` over ``n_generators`` letters.

    Decided without forming the (possibly astronomically large) count.

    Raises
    ------
    InvalidInputError
        If an argument is not a suitable integer.

    Examples
    --------
    >>> words_exceed(2, 3, 15), words_exceed(2, 3, 14), words_exceed(2, 10 ** 9, 10 ** 6)
    (False, True, True)
    """
    n = positive_int("n_generators", n_generators)
    L = nonnegative_int("max_length", max_length)
    lim = nonnegative_int("limit", limit)
    if n >= 2 and L > lim.bit_length():      # at least 2^L > limit words
        return True
    return count_words(n, L) > lim


def as_word(word: Iterable[int], n_generators: int | None = None) -> Word:
    """Return ``word`` as a tuple of letters, checking that every letter exists.

    Parameters
    ----------
    word : iterable of int
        Letters in ``1..n_generators`` (any positive integer if ``n_generators`` is None).
    n_generators : int, optional

    Raises
    ------
    InvalidInputError
        If a letter is not an integer in the allowed range.

    Examples
    --------
    >>> as_word([1, 2, 2], 2)
    (1, 2, 2)
    """
    if isinstance(word, (str, bytes)) or not isinstance(word, Iterable):
        raise InvalidInputError(f"invalid word {short_repr(word)}: expected a sequence of integer letters")
    w = word if type(word) is tuple else tuple(sequence_arg("word", word))
    for x in w:
        ok = isinstance(x, int) and not isinstance(x, bool) and x >= 1
        if n_generators is not None:
            ok = ok and x <= n_generators
        if not ok:
            rng = "a positive integer" if n_generators is None else f"an integer in 1..{n_generators}"
            raise InvalidInputError(f"invalid letter {short_repr(x)} in word {short_repr(w)}: expected {rng}")
    return tuple(int(x) for x in w)


def vacuum() -> FockVector:
    """Return the vacuum vector ``Omega`` as a Fock vector.

    Examples
    --------
    >>> vacuum()
    {(): 1}
    """
    return FockVector({(): 1})


def _add(out: dict, key: Word, c: object) -> None:
    v = out.get(key, 0) + c
    if v:
        out[key] = v
    else:
        out.pop(key, None)


def left_creation(i: int, v: Mapping[Word, object]) -> FockVector:
    """Apply ``l_i``: ``e_w -> e_{iw}``.

    Raises
    ------
    InvalidInputError
        If ``i`` is not a positive integer letter or ``v`` is not a dict ``{word: coefficient}``.

    Examples
    --------
    >>> left_creation(2, {(1,): 3})
    {(2, 1): 3}
    """
    i, v = _gen(i), _vec(v)
    return FockVector({(i,) + w: c for w, c in v.items() if c})


def left_annihilation(i: int, v: Mapping[Word, object]) -> FockVector:
    """Apply ``l_i^*``: ``e_{jw} -> [i = j] e_w``, ``Omega -> 0``.

    Raises
    ------
    InvalidInputError
        If ``i`` is not a positive integer letter or ``v`` is not a dict ``{word: coefficient}``.

    Examples
    --------
    >>> left_annihilation(1, {(1, 2): 1, (2,): 5, (): 7})
    {(2,): 1}
    """
    i, v = _gen(i), _vec(v)
    return FockVector({w[1:]: c for w, c in v.items() if w and w[0] == i and c})


def right_creation(i: int, v: Mapping[Word, object]) -> FockVector:
    """Apply ``r_i``: ``e_w -> e_{wi}``.

    Raises
    ------
    InvalidInputError
        If ``i`` is not a positive integer letter or ``v`` is not a dict ``{word: coefficient}``.

    Examples
    --------
    >>> right_creation(2, {(1,): 1})
    {(1, 2): 1}
    """
    i, v = _gen(i), _vec(v)
    return FockVector({w + (i,): c for w, c in v.items() if c})


def right_annihilation(i: int, v: Mapping[Word, object]) -> FockVector:
    """Apply ``r_i^*``: ``e_{wj} -> [i = j] e_w``.

    Raises
    ------
    InvalidInputError
        If ``i`` is not a positive integer letter or ``v`` is not a dict ``{word: coefficient}``.

    Examples
    --------
    >>> right_annihilation(2, {(1, 2): 1, (2, 1): 1})
    {(1,): 1}
    """
    i, v = _gen(i), _vec(v)
    return FockVector({w[:-1]: c for w, c in v.items() if w and w[-1] == i and c})


def apply_semicircular(i: int, v: Mapping[Word, object]) -> FockVector:
    """Apply ``s_i = l_i + l_i^*`` to a Fock vector.

    Raises
    ------
    InvalidInputError
        If ``i`` is not a positive integer letter or ``v`` is not a dict ``{word: coefficient}``.

    Examples
    --------
    >>> apply_semicircular(1, apply_semicircular(1, vacuum()))
    {(): 1, (1, 1): 1}
    """
    i, v = _gen(i), _vec(v)
    out: FockVector = {}
    for w, c in v.items():
        if not c:
            continue
        _add(out, (i,) + w, c)
        if w and w[0] == i:
            _add(out, w[1:], c)
    return FockVector(sorted(out.items(), key=lambda kv: (len(kv[0]), kv[0])))


def apply_right_semicircular(i: int, v: Mapping[Word, object]) -> FockVector:
    """Apply ``d_i = r_i + r_i^*`` (right multiplication by ``s_i`` in ``L^2``).

    Raises
    ------
    InvalidInputError
        If ``i`` is not a positive integer letter or ``v`` is not a dict ``{word: coefficient}``.

    Examples
    --------
    >>> apply_right_semicircular(2, {(1,): 1})
    {(1, 2): 1}
    """
    i, v = _gen(i), _vec(v)
    out: FockVector = {}
    for w, c in v.items():
        if not c:
            continue
        _add(out, w + (i,), c)
        if w and w[-1] == i:
            _add(out, w[:-1], c)
    return FockVector(sorted(out.items(), key=lambda kv: (len(kv[0]), kv[0])))


def apply_word(word: Iterable[int], v: Mapping[Word, object] | None = None) -> FockVector:
    """Apply the monomial ``s_{w_1} s_{w_2} ... s_{w_k}`` to ``v`` (default ``Omega``).

    The rightmost letter acts first.

    Raises
    ------
    InvalidInputError
        If a letter is not a positive integer or ``v`` is not a Fock vector.
    ResourceLimitError
        If the word is longer than the limit ``fock_word_length`` of
        [`combalg.core.limits`][combalg.core.limits] (the work grows like the cube of the length).

    Examples
    --------
    >>> apply_word((2, 1))
    {(2, 1): 1}
    >>> apply_word((1, 1, 1))
    {(1,): 2, (1, 1, 1): 1}
    """
    w = as_word(word)
    from combalg.core.limits import check

    check("fock_word_length", len(w), f"a word of length {len(w)}")
    out: dict = dict(vacuum() if v is None else _vec(v))
    for a in reversed(w):  # apply_semicircular without re-checking and sorting at each letter
        nxt: dict = {}
        for u, c in out.items():
            if not c:
                continue
            _add(nxt, (a,) + u, c)
            if u and u[0] == a:
                _add(nxt, u[1:], c)
        if len(nxt) > MAX_OPERATOR_TERMS:  # deletable pairs can double the terms at every second letter
            raise ResourceLimitError(f"the Fock vector for the word {short_repr(w)} has more than "
                                     f"MAX_OPERATOR_TERMS={MAX_OPERATOR_TERMS} terms")
        out = nxt
    return FockVector(sorted(out.items(), key=lambda kv: (len(kv[0]), kv[0])))


def apply_polynomial(poly: Mapping[Iterable[int], object], v: Mapping[Word, object] | None = None) -> FockVector:
    """Apply a noncommutative polynomial ``{word: coefficient}`` in the ``s_i`` to ``v`` (default ``Omega``).

    Examples
    --------
    >>> apply_polynomial({(1, 1): 1, (): -1})   # U_2(s_1) Omega = e_1 e_1
    {(1, 1): 1}

    Raises
    ------
    InvalidInputError
        If ``poly`` is not a mapping, a word has letters that are not positive
        integers, or a coefficient is not an exact rational (floats are refused).
    """
    poly = _vec(poly, "poly")
    if v is not None:
        _vec(v)
    out: FockVector = {}
    for word, c in poly.items():
        as_coefficient(c, f"coefficient of {short_repr(word)}")
        for w, x in apply_word(word, v).items():
            _add(out, w, c * x)
    return FockVector(sorted(out.items(), key=lambda kv: (len(kv[0]), kv[0])))


def inner_product(u: Mapping[Word, object], v: Mapping[Word, object]) -> object:
    """Return ``<u, v>`` for real Fock vectors (the basis ``e_w`` is orthonormal).

    Examples
    --------
    >>> inner_product({(1,): 2, (): 1}, {(1,): 3})
    6
    """
    u, v = _vec(u, "u"), _vec(v, "v")
    return sum((c * v[w] for w, c in u.items() if w in v), 0)


def count_colour_pairings(word: Iterable[int]) -> int:
    """Count the non-crossing pair partitions of the positions of ``word`` that join only equal letters.

    Enumerates ``NC_2(k)`` (``Catalan(k/2)`` pairings), so keep ``k <= 20``.

    Raises
    ------
    InvalidInputError
        If a letter is not a positive integer.
    ResourceLimitError
        If ``NC_2(k)`` is larger than the enumeration limit.

    Examples
    --------
    >>> count_colour_pairings((1, 1, 1, 1))
    2
    >>> count_colour_pairings((1, 2, 1, 2))
    0
    """
    w = as_word(word)
    return sum(1 for p in noncrossing_pairings(len(w)) if all(w[a - 1] == w[b - 1] for a, b in p))


def _moment_dp(w: Word) -> int:
    """The interval recursion ``tau(w[i:j]) = sum_{m: w_m = w_i} tau(w[i+1:m]) tau(w[m+1:j])``, bottom-up."""
    k = len(w)
    if k > MAX_DP_LENGTH:
        raise ResourceLimitError(f"a word of length {k} is longer than MAX_DP_LENGTH={MAX_DP_LENGTH} "
                                 f"(the interval recursion costs O(k^3))")
    if k % 2:
        return 0
    # tau[i][j] = moment of w[i:j]; only even lengths are nonzero
    tau = [[0] * (k + 1) for _ in range(k + 1)]
    for i in range(k + 1):
        tau[i][i] = 1
    for length in range(2, k + 1, 2):
        for i in range(0, k - length + 1):
            j = i + length
            a = w[i]
            row = tau[i + 1]
            total = 0
            for m in range(i + 1, j, 2):
                if w[m] == a:
                    total += row[m] * tau[m + 1][j]
            tau[i][j] = total
    return tau[0][k]


def _moment_operator(w: Word) -> int:
    """``<Omega, s_{w_1} ... s_{w_k} Omega>`` by applying ``l_a + l_a^*`` to the vacuum, letter by letter.

    Words longer than the number of letters still to be applied can never
    return to the vacuum, so they are dropped (an exact shortcut that keeps
    the vectors small).
    """
    v: FockVector = {(): 1}
    k = len(w)
    for step, a in enumerate(reversed(w)):
        remaining = k - step - 1          # letters left after this one
        out: FockVector = {}
        for u, c in v.items():
            if len(u) + 1 <= remaining:
                _add(out, (a,) + u, c)
            if u and u[0] == a:
                _add(out, u[1:], c)
        if len(out) > MAX_OPERATOR_TERMS:
            raise ResourceLimitError(f"the Fock vector for word {short_repr(w)} has more than MAX_OPERATOR_TERMS="
                                     f"{MAX_OPERATOR_TERMS} terms; use method='dp'")
        v = out
    return int(v.get((), 0))


def mixed_moment(word: Iterable[int], method: str = "dp", n_generators: int | None = None) -> int:
    """Return ``tau(s_{w_1} ... s_{w_k}) = <Omega, s_{w_1} ... s_{w_k} Omega>``.

    Parameters
    ----------
    word : sequence of int
        The letters (generators), each in ``1..n_generators``.
    method : {"dp", "operator", "pairings"}
        ``"operator"`` applies the creation/annihilation operators to the
        vacuum (exact sparse Fock vectors); ``"pairings"`` counts the
        colour-respecting non-crossing pairings one by one; ``"dp"`` (default)
        counts them by the interval recursion in ``O(k^3)``.
    n_generators : int, optional
        If given, letters must lie in ``1..n_generators``.

    Raises
    ------
    InvalidInputError
        For a letter that does not exist or an unknown method.
    ResourceLimitError
        If ``"dp"`` gets a word longer than [`MAX_DP_LENGTH`][MAX_DP_LENGTH],
        ``"operator"`` would hold more than [`MAX_OPERATOR_TERMS`][MAX_OPERATOR_TERMS] terms,
        or ``"pairings"`` would list more than the enumeration limit of
        [`noncrossing_pairings`][combalg.free.noncrossing.noncrossing_pairings].

    Examples
    --------
    >>> [mixed_moment((1,) * k) for k in range(0, 9, 2)]
    [1, 1, 2, 5, 14]
    >>> mixed_moment((1, 2, 3, 3, 2, 1), method="operator"), mixed_moment((1, 2, 1, 2, 1, 2), method="pairings")
    (1, 0)
    """
    if n_generators is not None:
        n_generators = positive_int("n_generators", n_generators)
    w = as_word(word, n_generators)
    if not isinstance(method, str):
        method = None  # refused below
    if method == "dp":
        return _moment_dp(w)
    if method == "operator":
        return _moment_operator(w)
    if method == "pairings":
        return count_colour_pairings(w)
    raise InvalidInputError(f"invalid method {short_repr(method)}: expected 'dp', 'operator' or 'pairings'")


def chebyshev_u(k: int) -> list[int]:
    """Coefficients (constant term first) of the Chebyshev polynomial ``U_k`` rescaled to ``[-2, 2]``.

    ``U_0 = 1``, ``U_1 = x``, ``U_{k+1} = x U_k - U_{k-1}``; then ``U_k(s) Omega = e_1^{(x) k}``
    and the ``U_k`` are orthonormal for the semicircle law.

    Raises
    ------
    InvalidInputError
        If ``k`` is not a nonnegative integer.
    ResourceLimitError
        If ``k > MAX_CHEBYSHEV_DEGREE``.

    Examples
    --------
    >>> chebyshev_u(3)
    [0, -2, 0, 1]
    """
    k = nonnegative_int("k", k)
    if k > MAX_CHEBYSHEV_DEGREE:
        raise ResourceLimitError(f"degree k={k} is more than the limit MAX_CHEBYSHEV_DEGREE={MAX_CHEBYSHEV_DEGREE}")
    prev, cur = [1], [0, 1]
    if k == 0:
        return prev
    for _ in range(k - 1):
        nxt = [0] + cur
        for i, c in enumerate(prev):
            nxt[i] -= c
        prev, cur = cur, nxt
    return cur


def wick_polynomial(word: Iterable[int]) -> dict[Word, int]:
    """The multivariable Chebyshev (Wick) polynomial ``W_t`` as ``{monomial word: coefficient}``.

    ``W_() = 1`` and ``W_{a t} = s_a W_t - [t starts with a] W_{t without its first letter}``.
    It satisfies ``W_t(s) Omega = e_t``: the ``W_t`` are the orthonormal basis
    of ``L^2`` of the semicircular system.

    Raises
    ------
    InvalidInputError
        If a letter is not a positive integer.

    Examples
    --------
    >>> wick_polynomial((1, 1, 2))
    {(1, 1, 2): 1, (2,): -1}
    """
    t = as_word(word)
    polys: list[dict[Word, int]] = [{(): 1}]  # polys[j] = W of the suffix of length j
    suffix: Word = ()
    for j, a in enumerate(reversed(t)):
        p: dict[Word, int] = {}
        for w, c in polys[j].items():
            _add(p, (a,) + w, c)
        if suffix and suffix[0] == a:
            for w, c in polys[j - 1].items():
                _add(p, w, -c)
        polys.append(p)
        suffix = (a,) + suffix
    return dict(sorted(polys[-1].items(), key=lambda kv: (-len(kv[0]), kv[0])))


def count_words(n_generators: int, max_length: int) -> int:
    """Return the number of words of length ``<= max_length`` over ``n_generators`` letters.

    Examples
    --------
    >>> count_words(2, 3)
    15
    """
    n = positive_int("n_generators", n_generators)
    L = nonnegative_int("max_length", max_length)
    return L + 1 if n == 1 else (n ** (L + 1) - 1) // (n - 1)


def words_up_to(n_generators: int, max_length: int, max_words: int = DEFAULT_MAX_WORDS) -> list[Word]:
    """All words of length ``<= max_length`` over ``1..n_generators``, by length then lexicographically.

    Raises
    ------
    InvalidInputError
        If ``n_generators < 1`` or ``max_length < 0``.
    ResourceLimitError
        If there are more than ``max_words`` words (checked before building them).

    Examples
    --------
    >>> words_up_to(2, 2)
    [(), (1,), (2,), (1, 1), (1, 2), (2, 1), (2, 2)]
    """
    n = positive_int("n_generators", n_generators)
    L = nonnegative_int("max_length", max_length)
    max_words = positive_int("max_words", max_words)
    if n >= 2 and L > max_words.bit_length():  # at least 2^L > max_words words: do not even count them
        raise ResourceLimitError(
            f"more than 2^{L} basis words for n_generators={n}, max_length={L}: "
            f"more than the limit max_words={max_words}")
    total = count_words(n, L)
    if total > max_words:
        raise ResourceLimitError(
            f"{total} basis words for n_generators={n}, max_length={L}: "
            f"more than the limit max_words={max_words}")
    letters = range(1, n + 1)
    return [w for k in range(L + 1) for w in product(letters, repeat=k)]


def monomial_to_tensor_matrix(n_generators: int, degree: int,
                              max_words: int = 1_000) -> tuple[list[Word], Matrix]:
    """The matrix ``K[t, w] = <e_t, s_w Omega>`` from monomials to the tensor basis, words of length ``<= degree``.

    ``K`` is unitriangular (words ordered by length) with nonnegative integer
    entries counting partial non-crossing matchings; columns obey
    ``column(a w) = s_a column(w)``.

    Returns
    -------
    (words, K)
        The word order of rows and columns, and ``K`` as an exact
        [`Matrix`][combalg.core.matrix.Matrix] (integer entries).

    Raises
    ------
    ResourceLimitError
        If there are more than ``max_words`` words (the dense matrix has ``max_words^2``
        entries; pass a larger ``max_words`` for a larger matrix).

    Examples
    --------
    >>> words, K = monomial_to_tensor_matrix(1, 3)
    >>> K.tolist()
    [[1, 0, 1, 0], [0, 1, 0, 2], [0, 0, 1, 0], [0, 0, 0, 1]]
    """
    words, K = _monomial_to_tensor_flint(n_generators, degree, max_words)
    return words, Matrix._from_flint(K)


def _monomial_to_tensor_flint(n_generators: int, degree: int,
                              max_words: int = 5_000) -> tuple[list[Word], fmpz_mat]:
    """[`monomial_to_tensor_matrix`][monomial_to_tensor_matrix] with ``K`` as a FLINT ``fmpz_mat``."""
    words = words_up_to(n_generators, degree, max_words)
    index = {w: i for i, w in enumerate(words)}
    n = len(words)
    K = fmpz_mat(n, n)
    cols: dict[Word, FockVector] = {(): vacuum()}
    for w in words:
        if w:
            cols[w] = apply_semicircular(w[0], cols[w[1:]])
        for t, c in cols[w].items():
            K[index[t], index[w]] = c
    return words, K


class SparseMatrix:
    """An exact sparse matrix: a shape and a dict ``{(row, column): nonzero value}``.

    Supports ``+``, ``-``, ``@`` (with another sparse matrix or a list vector),
    multiplication by a scalar, [`transpose`][transpose], [`to_dense`][to_dense],
    [`to_fmpq_mat`][to_fmpq_mat], equality.

    Examples
    --------
    >>> A = SparseMatrix((2, 2), {(0, 1): 1})
    >>> (A + A.transpose()).to_dense()
    [[0, 1], [1, 0]]
    >>> (A @ A).nnz
    0
    >>> (A * Fraction(1, 2)).to_fmpq_mat().tolist()
    [[0, 1/2], [0, 0]]
    """

    __slots__ = ("shape", "entries")

    def __init__(self, shape: tuple[int, int], entries: Mapping[tuple[int, int], object] | None = None) -> None:
        expect(isinstance(shape, tuple) and len(shape) == 2, "shape", shape, "a pair of nonnegative integers")
        r, c = shape
        expect(isinstance(r, int) and isinstance(c, int) and r >= 0 and c >= 0, "shape", shape,
               "a pair of nonnegative integers")
        expect(entries is None or isinstance(entries, Mapping), "entries", entries,
               "a dict {(row, column): value}")
        self.shape = (r, c)
        ent: dict[tuple[int, int], object] = {}
        for (i, j), v in (entries or {}).items():
            expect(0 <= i < r and 0 <= j < c, "index", (i, j), f"an index inside the shape {shape}")
            if v:
                ent[(i, j)] = v
        self.entries = ent

    @property
    def nnz(self) -> int:
        """Number of stored nonzero entries."""
        return len(self.entries)

    def __getitem__(self, key: tuple[int, int]) -> object:
        if not (isinstance(key, tuple) and len(key) == 2):
            raise InvalidInputError(f"invalid index {short_repr(key)}: expected a pair (row, column)")
        return self.entries.get(key, 0)

    #: not iterable (``M[i, j]`` indexes entries; without this, Python would iterate M[0], M[1], ...)
    __iter__ = None

    def as_sympy(self) -> object:
        """The matrix as a sympy ``ImmutableSparseMatrix`` (exact ``Rational`` entries)."""
        import sympy

        from combalg.core.encoding import to_fraction

        def rational(v: object) -> object:
            f = to_fraction(v)
            return sympy.Rational(f.numerator, f.denominator)

        return sympy.ImmutableSparseMatrix(*self.shape, {k: rational(v) for k, v in self.entries.items()})

    def _sympy_(self) -> object:
        return self.as_sympy()

    def _repr_latex_(self) -> str:
        return "$" + self.to_matrix().latex() + "$" if self.shape[0] * self.shape[1] <= 400 else \
            f"$\\text{{sparse {self.shape[0]} x {self.shape[1]} matrix, {self.nnz} nonzero entries}}$"

    def __repr__(self) -> str:
        return f"SparseMatrix({self.shape}, nnz={self.nnz})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SparseMatrix) and self.shape == other.shape and self.entries == other.entries

    __hash__ = None  # type: ignore[assignment]

    def _jsonable_(self) -> dict:
        """``{"shape": [r, c], "entries": [[i, j, value], ...]}`` (see [`combalg.core.encoding`][combalg.core.encoding])."""
        from combalg.core.encoding import rational_text

        return {"shape": list(self.shape),
                "entries": [[i, j, rational_text(v)] for (i, j), v in sorted(self.entries.items())]}

    def _combine(self, other: SparseMatrix, sign: int) -> SparseMatrix:
        expect(isinstance(other, SparseMatrix) and other.shape == self.shape, "other", other,
               f"a SparseMatrix of shape {self.shape}")
        out = dict(self.entries)
        for k, v in other.entries.items():
            out[k] = out.get(k, 0) + sign * v
        return SparseMatrix(self.shape, out)

    def __add__(self, other: SparseMatrix) -> SparseMatrix:
        return self._combine(other, 1)

    def __sub__(self, other: SparseMatrix) -> SparseMatrix:
        return self._combine(other, -1)

    def __neg__(self) -> SparseMatrix:
        return SparseMatrix(self.shape, {k: -v for k, v in self.entries.items()})

    def __mul__(self, scalar: object) -> SparseMatrix:
        return SparseMatrix(self.shape, {k: v * scalar for k, v in self.entries.items()})

    __rmul__ = __mul__

    def __matmul__(self, other: SparseMatrix | Sequence[object]) -> SparseMatrix | list[object]:
        if isinstance(other, SparseMatrix):
            expect(self.shape[1] == other.shape[0], "other", other, f"{self.shape[1]} rows")
            rows: dict[int, list[tuple[int, object]]] = {}
            for (i, j), v in other.entries.items():
                rows.setdefault(i, []).append((j, v))
            out: dict[tuple[int, int], object] = {}
            for (i, k), a in self.entries.items():
                for j, b in rows.get(k, ()):
                    out[(i, j)] = out.get((i, j), 0) + a * b
            return SparseMatrix((self.shape[0], other.shape[1]), out)
        vec = list(other)
        expect(len(vec) == self.shape[1], "vector", other, f"a vector of length {self.shape[1]}")
        res: list[object] = [0] * self.shape[0]
        for (i, j), v in self.entries.items():
            res[i] += v * vec[j]
        return res

    def transpose(self) -> SparseMatrix:
        """Return the transpose (the adjoint, for real entries)."""
        return SparseMatrix((self.shape[1], self.shape[0]), {(j, i): v for (i, j), v in self.entries.items()})

    @property
    def T(self) -> SparseMatrix:  # noqa: N802 - numpy-style name
        """The transpose."""
        return self.transpose()

    def to_dense(self) -> list[list[object]]:
        """Return the matrix as a list of rows."""
        out: list[list[object]] = [[0] * self.shape[1] for _ in range(self.shape[0])]
        for (i, j), v in self.entries.items():
            out[i][j] = v
        return out

    def to_matrix(self) -> Matrix:
        """Return the matrix as an exact dense [`Matrix`][combalg.core.matrix.Matrix]."""
        return Matrix._from_flint(self.to_fmpq_mat())

    def to_fmpq_mat(self) -> fmpq_mat:
        """Return the matrix as a flint ``fmpq_mat``."""
        M = fmpq_mat(*self.shape)
        for (i, j), v in self.entries.items():
            M[i, j] = fmpq(v.numerator, v.denominator) if isinstance(v, Fraction) else v
        return M


class FockSpace:
    """The truncated full Fock space spanned by words of length ``<= max_length`` over ``n_generators`` letters.

    Operators are exact [`SparseMatrix`][SparseMatrix] objects in the basis
    `words` (ordered by length, then lexicographically).  Creation
    operators send words of length ``max_length`` to 0, and annihilators are
    their transposes, so ``s_i = l_i + l_i^*`` is symmetric.  Products of ``k``
    operators applied to the vacuum are exact as long as ``k <= 2 max_length``
    for the vacuum expectation (parts of a vector longer than ``k/2`` never
    return to the vacuum).

    Parameters
    ----------
    n_generators : int
        Number of letters, ``>= 1``.
    max_length : int
        Longest word kept, ``>= 0``.
    max_words : int
        Stated limit on the dimension; a larger request raises
        [`ResourceLimitError`][combalg.core.errors.ResourceLimitError] before any allocation.

    Raises
    ------
    InvalidInputError
        If ``n_generators < 1`` or ``max_length < 0``.
    ResourceLimitError
        If the space would have more than ``max_words`` basis words.

    Examples
    --------
    >>> F = FockSpace(2, 3)
    >>> F.dimension
    15
    >>> s1 = F.semicircular(1)
    >>> s1 == s1.transpose()
    True
    >>> F.left_annihilation(1) @ F.left_creation(1) == F.length_projection(2)   # l_1^* l_1 = 1 below the cut
    True
    """

    def __init__(self, n_generators: int, max_length: int, max_words: int = DEFAULT_MAX_WORDS) -> None:
        self.n_generators = positive_int("n_generators", n_generators)
        self.max_length = nonnegative_int("max_length", max_length)
        self.max_words = positive_int("max_words", max_words)
        self.words: list[Word] = words_up_to(self.n_generators, self.max_length, self.max_words)
        self._index = {w: i for i, w in enumerate(self.words)}

    def __repr__(self) -> str:
        return f"FockSpace(n_generators={self.n_generators}, max_length={self.max_length})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FockSpace):
            return NotImplemented
        return (self.n_generators, self.max_length) == (other.n_generators, other.max_length)

    def __hash__(self) -> int:
        return hash(("FockSpace", self.n_generators, self.max_length))

    def _jsonable_(self) -> dict:
        return {"n_generators": self.n_generators, "max_length": self.max_length}

    @property
    def dimension(self) -> int:
        """Number of basis words."""
        return len(self.words)

    def index(self, word: Iterable[int]) -> int:
        """Position of ``word`` in `words`.

        Raises
        ------
        InvalidInputError
            If the word has letters that do not exist or is too long.
        """
        w = as_word(word, self.n_generators)
        expect(len(w) <= self.max_length, "word", w, f"a word of length <= {self.max_length}")
        return self._index[w]

    def _letter(self, i: object) -> int:
        expect(isinstance(i, int) and not isinstance(i, bool) and 1 <= i <= self.n_generators, "generator", i,
               f"an integer in 1..{self.n_generators}")
        return int(i)

    def basis_vector(self, word: Iterable[int]) -> list[int]:
        """The coordinate vector of ``e_word``."""
        v = [0] * self.dimension
        v[self.index(word)] = 1
        return v

    def vacuum_vector(self) -> list[int]:
        """The coordinate vector of ``Omega``."""
        return self.basis_vector(())

    def identity(self) -> SparseMatrix:
        """The identity operator."""
        return SparseMatrix((self.dimension, self.dimension), {(i, i): 1 for i in range(self.dimension)})

    def left_creation(self, i: int) -> SparseMatrix:
        """``l_i``: ``e_w -> e_{iw}`` (0 if ``|w| = max_length``)."""
        a = self._letter(i)
        ent = {(self._index[(a,) + w], j): 1 for j, w in enumerate(self.words) if len(w) < self.max_length}
        return SparseMatrix((self.dimension, self.dimension), ent)

    def left_annihilation(self, i: int) -> SparseMatrix:
        """``l_i^*``, the transpose of [`left_creation`][left_creation]."""
        return self.left_creation(i).transpose()

    def right_creation(self, i: int) -> SparseMatrix:
        """``r_i``: ``e_w -> e_{wi}`` (0 if ``|w| = max_length``)."""
        a = self._letter(i)
        ent = {(self._index[w + (a,)], j): 1 for j, w in enumerate(self.words) if len(w) < self.max_length}
        return SparseMatrix((self.dimension, self.dimension), ent)

    def right_annihilation(self, i: int) -> SparseMatrix:
        """``r_i^*``, the transpose of [`right_creation`][right_creation]."""
        return self.right_creation(i).transpose()

    def semicircular(self, i: int) -> SparseMatrix:
        """``s_i = l_i + l_i^*``."""
        lc = self.left_creation(i)
        return lc + lc.transpose()

    def right_semicircular(self, i: int) -> SparseMatrix:
        """``d_i = r_i + r_i^*`` (right multiplication by ``s_i``; commutes with every ``s_j`` away from the truncation)."""
        rc = self.right_creation(i)
        return rc + rc.transpose()

    def length_projection(self, max_length: int) -> SparseMatrix:
        """The diagonal projection onto words of length ``<= max_length`` (any integer; a negative one gives 0)."""
        try:
            if isinstance(max_length, bool):
                raise TypeError
            max_length = operator.index(max_length)
        except TypeError:
            raise InvalidInputError(f"invalid max_length {short_repr(max_length)}: expected an integer") from None
        return SparseMatrix((self.dimension, self.dimension),
                            {(i, i): 1 for i, w in enumerate(self.words) if len(w) <= max_length})

    def mixed_moment(self, word: Iterable[int]) -> int:
        """``tau(s_{w_1} ... s_{w_k})`` computed with the operator matrices of this space.

        Raises
        ------
        InvalidInputError
            If a letter does not exist, or ``len(word) > 2 max_length`` (the
            truncation would then change the answer).

        Examples
        --------
        >>> FockSpace(3, 3).mixed_moment((1, 2, 3, 3, 2, 1))
        1
        """
        w = as_word(word, self.n_generators)
        expect(len(w) <= 2 * self.max_length, "word", w,
               f"a word of length <= 2*max_length = {2 * self.max_length} for this truncation")
        v: list[object] = self.vacuum_vector()
        cache: dict[int, SparseMatrix] = {}
        for a in reversed(w):
            if a not in cache:
                cache[a] = self.semicircular(a)
            v = cache[a] @ v  # type: ignore[assignment]
        return int(v[0])  # type: ignore[arg-type]

    def vector(self, fock_vector: Mapping[Word, object]) -> list[object]:
        """Coordinates of a Fock vector ``{word: coefficient}`` in this space."""
        fock_vector = _vec(fock_vector, "fock_vector")
        v: list[object] = [0] * self.dimension
        for w, c in fock_vector.items():
            v[self.index(w)] = c
        return v

