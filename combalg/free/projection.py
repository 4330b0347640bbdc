"""Two projection matrices attached to the commutant of a semicircular generator (reconstructions).

**Status.**  Part III of R. Langer's thesis (arXiv:2110.12629) announces "a
projection matrix with an interesting self-similar structure" and an
elementary proof that the semicircular system generates a factor; the text of
that part, and so Langer's own projection formula, was *not* available when
this module was written.  Langer's formula is **not** reproduced here.  The
module implements the two well-defined candidates of the combalg specification,
named for what they are; each is a *reconstruction* carrying the claim, which
may differ from the thesis in normalisation, truncation or basis.

1. [`jacobi_commutant_projection`][jacobi_commutant_projection] -- the orthogonal projection ``P_N`` of
   ``M_N = C^N (x) C^N`` (Hilbert-Schmidt inner product) onto the commutant of
   the truncated free Jacobi matrix ``X_N`` (the ``N x N`` 0/1 tridiagonal
   matrix), i.e. onto ``ker(X_N (x) 1 - 1 (x) X_N)``.  Restricted to the
   sectors ``span{e_{1^a u 1^b}}`` of the Fock space, ``ad(s_1)`` is exactly
   ``X (x) 1 - 1 (x) X``, so ``P_N`` is the finite shadow of the commutant
   projection.  It has the closed form (``M = N + 1``, indices ``0..N-1``):

       2M P_N[(a,b),(c,d)] = sum_{e,h,z = +-1} e h [(a+1) + e(b+1) + z(c+1) + z h (d+1) = 0 mod 2M]

   and the exact self-similarity ``P_{2N+1}`` restricted to odd indices
   ``= P_N / 2`` ([`check_self_similarity`][check_self_similarity]).
2. [`conditional_expectation_matrix`][conditional_expectation_matrix] -- the conditional expectation ``E``
   onto ``W*(s_i)`` written in the non-orthogonal monomial basis ``s_w`` of the
   polynomials of degree ``<= d``: ``E = K^{-1} Pi K`` with ``K`` the
   monomial-to-tensor matrix and ``Pi`` the diagonal projection onto the words
   ``i^j``.

Examples
--------
>>> from combalg.free.projection import jacobi_commutant_projection
>>> (6 * jacobi_commutant_projection(2)).tolist() == [[3, 0, 0, 3], [0, 3, 3, 0], [0, 3, 3, 0], [3, 0, 0, 3]]
True
>>> check_self_similarity(3).ok
True

References
----------
- [1] R. Langer, *Cylindric plane partitions, Lambda determinants, Commutants
   in semicircular systems*, PhD thesis, Universite Paris-Est, 2013,
   arXiv:2110.12629 (Part III; its projection formula is not reproduced here).
- [2] S. Popa, Orthogonal pairs of *-subalgebras in finite von Neumann
   algebras, J. Operator Theory 9 (1983) 253-268.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from itertools import product

from flint import fmpq, fmpq_mat, fmpz, fmpz_mat

from combalg.core.bignum import short_repr
from combalg.core.checks import CheckResult, Mismatch
from combalg.core.matrix import Matrix
from combalg.core.errors import InvalidInputError, ResourceLimitError, expect
from combalg.core.validation import nonnegative_int, positive_int, sequence_arg
from combalg.free.fock import Word, _monomial_to_tensor_flint, as_coefficient, as_word, words_exceed, words_up_to

__all__ = [
    "MAX_PROJECTION_N",
    "free_jacobi_matrix",
    "jacobi_projection_entry",
    "jacobi_commutant_projection",
    "projection_numerators",
    "projection_numerators_factored",
    "ProjectionReport",
    "projection_report",
    "EntryMismatch",
    "check_self_similarity",
    "check_projection_methods",
    "ConditionalExpectation",
    "conditional_expectation_matrix",
]

#: largest N accepted by [`jacobi_commutant_projection`][jacobi_commutant_projection] (the matrix has N^4 entries)
MAX_PROJECTION_N = 64


def _size(N: object, name: str = "N") -> int:
    N = positive_int(name, N)
    if N > MAX_PROJECTION_N:
        raise ResourceLimitError(f"{name}={short_repr(N)}: the matrix would have {short_repr(N ** 4)} entries; the limit is "
                                 f"N <= {MAX_PROJECTION_N}")
    return N


def free_jacobi_matrix(N: int) -> Matrix:
    """The truncated free Jacobi matrix ``X_N``: ``N x N``, ones on the two off-diagonals.

    Examples
    --------
    >>> free_jacobi_matrix(3).tolist()
    [[0, 1, 0], [1, 0, 1], [0, 1, 0]]
    """
    return Matrix._from_flint(_jacobi_flint(_size(N)))


def _jacobi_flint(N: int) -> fmpz_mat:
    X = fmpz_mat(N, N)
    for i in range(N - 1):
        X[i, i + 1] = 1
        X[i + 1, i] = 1
    return X


def jacobi_projection_entry(N: int, a: int, b: int, c: int, d: int) -> Fraction:
    """One entry ``P_N[(a,b),(c,d)]`` by the closed form (a signed count of congruences).

    Indices are 0-based in ``0..N-1``.  A reconstruction (see the module
    docstring): not Langer's formula.

    Examples
    --------
    >>> jacobi_projection_entry(3, 1, 1, 1, 1)
    Fraction(1, 2)
    >>> jacobi_projection_entry(3, 0, 0, 0, 2)
    Fraction(-1, 8)
    """
    N = _size(N)
    for name, v in (("a", a), ("b", b), ("c", c), ("d", d)):
        expect(isinstance(v, int) and not isinstance(v, bool) and 0 <= v < N, name, v, f"an index in 0..{N - 1}")
    mod = 2 * (N + 1)
    total = 0
    for e in (1, -1):
        for h in (1, -1):
            for z in (1, -1):
                if ((a + 1) + e * (b + 1) + z * (c + 1) + z * h * (d + 1)) % mod == 0:
                    total += e * h
    return Fraction(total, mod)


def projection_numerators(N: int) -> list[list[int]]:
    """The integer matrix ``2(N+1) P_N`` by the closed form (rows and columns ``(a, b)`` in lexicographic order).

    ``P_N`` is the commutant projection of [`jacobi_commutant_projection`][jacobi_commutant_projection],
    a reconstruction (not Langer's formula).

    Vectorised with numpy on small machine integers (every entry lies in
    ``-8..8``, so ``int8`` cannot overflow).

    Examples
    --------
    >>> projection_numerators(2)
    [[3, 0, 0, 3], [0, 3, 3, 0], [0, 3, 3, 0], [3, 0, 0, 3]]
    """
    import numpy as np

    N = _size(N)
    mod = 2 * (N + 1)
    idx = np.arange(1, N + 1, dtype=np.int32)
    A = np.repeat(idx, N)        # (a+1) for row (a, b)
    B = np.tile(idx, N)          # (b+1)
    # every sum (a+1) +- (b+1) +- (c+1) +- (d+1) lies in [-4N, 4N]: look up "divisible by 2(N+1)"
    lo = -4 * N
    divisible = np.zeros(8 * N + 1, dtype=np.int8)
    divisible[[k - lo for k in range(lo, 4 * N + 1) if k % mod == 0]] = 1
    out = np.zeros((N * N, N * N), dtype=np.int8)
    for e in (1, -1):
        row = (A + e * B - lo)[:, None]
        for h in (1, -1):
            for z in (1, -1):
                col = (z * (A + h * B))[None, :]   # columns (c, d) use the same index grids
                if e * h > 0:
                    out += divisible[row + col]
                else:
                    out -= divisible[row + col]
    return out.tolist()


def projection_numerators_factored(N: int) -> Matrix:
    """``2(N+1) P_N`` computed as the FLINT product ``R C^T`` of two ``N^2 x 2(N+1)`` integer matrices.

    ``P_N`` is the commutant projection of [`jacobi_commutant_projection`][jacobi_commutant_projection],
    a reconstruction (not Langer's formula).

    The closed form sums ``e h [row_e + col_{z,h} = 0 mod 2(N+1)]`` with
    ``row_e = (a+1) + e(b+1)`` and ``col_{z,h} = z((c+1) + h(d+1))``; sorting by
    the residue ``r`` of ``row_e`` gives ``R[(a,b), r] = sum_e e [row_e = r]`` and
    ``C[(c,d), r] = sum_{z,h} h [col_{z,h} = -r]``.  So the closed form has rank
    at most ``2(N+1)`` as an integer matrix product, and FLINT multiplies it fast.

    Examples
    --------
    >>> projection_numerators_factored(2).tolist() == projection_numerators(2)
    True
    """
    return Matrix._from_flint(_numerators_flint(_size(N)))


def _numerators_flint(N: int) -> fmpz_mat:
    mod = 2 * (N + 1)
    n2 = N * N
    R = [[0] * mod for _ in range(n2)]
    C = [[0] * mod for _ in range(n2)]
    for a in range(N):
        for b in range(N):
            i = a * N + b
            for e in (1, -1):
                R[i][((a + 1) + e * (b + 1)) % mod] += e
                for z in (1, -1):
                    C[i][(-z * ((a + 1) + e * (b + 1))) % mod] += e  # here e plays the role of h
    return fmpz_mat(R) * fmpz_mat(C).transpose()


def _closed_form(N: int) -> fmpq_mat:
    return fmpq_mat(_numerators_flint(N)) / (2 * (N + 1))


def _projection_onto_columns(B: fmpq_mat) -> fmpq_mat:
    """``B (B^T B)^{-1} B^T`` for a matrix of full column rank."""
    Bt = B.transpose()
    return B * (Bt * B).solve(Bt)


def _by_powers(N: int) -> fmpq_mat:
    X = fmpq_mat(_jacobi_flint(N))
    B = fmpq_mat(N * N, N)
    P = fmpq_mat(N, N, [1 if i == j else 0 for i in range(N) for j in range(N)])
    for k in range(N):
        for a in range(N):
            for b in range(N):
                B[a * N + b, k] = P[a, b]
        P = P * X
    return _projection_onto_columns(B)


def _by_nullspace(N: int) -> fmpq_mat:
    n2 = N * N
    D = fmpz_mat(n2, n2)
    for a in range(N):
        for b in range(N):
            col = a * N + b
            # (X (x) 1 - 1 (x) X) e_(a,b) = sum_a' X[a',a] e_(a',b) - sum_b' X[b',b] e_(a,b')
            for ap in (a - 1, a + 1):
                if 0 <= ap < N:
                    D[ap * N + b, col] += 1
            for bp in (b - 1, b + 1):
                if 0 <= bp < N:
                    D[a * N + bp, col] -= 1
    K, nullity = D.nullspace()
    B = fmpq_mat(n2, int(nullity))
    for i in range(n2):
        for j in range(int(nullity)):
            B[i, j] = K[i, j]
    return _projection_onto_columns(B)


def jacobi_commutant_projection(N: int, method: str = "closed_form") -> Matrix:
    """The orthogonal projection ``P_N`` onto the commutant of the truncated free Jacobi matrix.

    **Reconstruction, not Langer's formula.**  This is candidate 1 of the
    combalg specification for the "self-similar projection matrix" of
    R. Langer's thesis (Part III, arXiv:2110.12629), whose own formula was not
    available; ``P_N`` is conjectured to be equal or closely related to it and
    may differ in normalisation, truncation or basis.

    ``P_N`` projects ``C^N (x) C^N = M_N`` (Hilbert-Schmidt inner product)
    onto ``ker(X_N (x) 1 - 1 (x) X_N)``, the matrices commuting with ``X_N``
    (``= span{1, X_N, ..., X_N^{N-1}}``).  Rows and columns are indexed by
    pairs ``(a, b)``, ``0 <= a, b < N``, in lexicographic order (row
    ``a N + b``).

    Parameters
    ----------
    N : int
        Truncation size, ``1 <= N <= MAX_PROJECTION_N``.
    method : {"closed_form", "powers", "nullspace"}
        ``"closed_form"``: the signed congruence count (``O(N^4)``, fast);
        ``"powers"``: ``B (B^T B)^{-1} B^T`` with ``B`` the vectorised powers
        ``X_N^k``, ``k < N``; ``"nullspace"``: the same with ``B`` an exact
        basis of ``ker(X_N (x) 1 - 1 (x) X_N)`` (assumes nothing about the
        commutant).  All are exact.

    Returns
    -------
    Matrix
        The ``N^2 x N^2`` exact [`Matrix`][combalg.core.matrix.Matrix]: its entries
        are ints and Fractions, ``.as_sympy()``, ``.as_numpy()`` and
        ``.as_flint()`` convert it.

    Raises
    ------
    InvalidInputError
        If ``N`` is not a positive integer or the method is unknown.
    ResourceLimitError
        If ``N > MAX_PROJECTION_N``.

    Examples
    --------
    >>> jacobi_commutant_projection(1).tolist()
    [[1]]
    >>> P = jacobi_commutant_projection(3)
    >>> (8 * P).tolist()[4]
    [2, 0, 2, 0, 4, 0, 2, 0, 2]
    >>> P == jacobi_commutant_projection(3, method="nullspace") == jacobi_commutant_projection(3, method="powers")
    True
    >>> P[0, 0] + Fraction(1, 8), Fraction(P[0, 2])
    (Fraction(1, 2), Fraction(-1, 8))
    """
    return Matrix._from_flint(_projection_flint(_size(N), method))


def _projection_flint(N: int, method: str = "closed_form") -> fmpq_mat:
    """[`jacobi_commutant_projection`][jacobi_commutant_projection] as a FLINT ``fmpq_mat`` (``N`` already checked)."""
    if method == "closed_form":
        return _closed_form(N)
    if method == "powers":
        return _by_powers(N)
    if method == "nullspace":
        return _by_nullspace(N)
    raise InvalidInputError(f"invalid method {short_repr(method)}: expected 'closed_form', 'powers' or 'nullspace'")


@dataclass(frozen=True)
class ProjectionReport:
    """Exact properties of a square rational matrix expected to be an orthogonal projection.

    Attributes
    ----------
    size : int
    idempotent : bool
        ``P^2 == P``.
    symmetric : bool
        ``P^T == P``.
    trace : Fraction
    rank : int
    max_abs_entry : Fraction
    """

    size: int
    idempotent: bool
    symmetric: bool
    trace: Fraction
    rank: int
    max_abs_entry: Fraction

    @property
    def is_orthogonal_projection(self) -> bool:
        """Whether ``P`` is idempotent, symmetric, and its trace equals its rank."""
        return self.idempotent and self.symmetric and self.trace == self.rank


def _frac(x: fmpq) -> Fraction:
    return Fraction(int(x.p), int(x.q))


def projection_report(P: Matrix | fmpq_mat) -> ProjectionReport:
    """Check ``P^2 = P``, ``P^T = P`` and report trace, rank and the largest absolute entry.

    Examples
    --------
    >>> r = projection_report(jacobi_commutant_projection(4))
    >>> r.is_orthogonal_projection, r.trace, r.max_abs_entry
    (True, Fraction(4, 1), Fraction(3, 10))
    """
    P = _as_fmpq_mat(P, "P")
    expect(P.nrows() == P.ncols(), "P", P, "a square matrix")
    n = P.nrows()
    trace = sum((_frac(P[i, i]) for i in range(n)), Fraction(0))
    entries = P.entries()
    mx = max((abs(_frac(x)) for x in entries), default=Fraction(0))
    return ProjectionReport(n, P * P == P, P.transpose() == P, trace, int(P.rank()), mx)


#: Former name of the mismatch of the projection checks; they now return the core
#: [`CheckResult`][combalg.core.checks.CheckResult], whose ``first_mismatch`` is a
#: [`Mismatch`][combalg.core.checks.Mismatch] with ``where = (row, column)`` labels.
EntryMismatch = Mismatch


def _as_fmpq_mat(P: object, name: str) -> fmpq_mat:
    """An exact matrix (Matrix, FLINT, sympy, numpy or nested lists) as an fmpq_mat."""
    if isinstance(P, Matrix):
        return P._m
    if isinstance(P, fmpq_mat):
        return P
    try:
        return Matrix(P)._m
    except InvalidInputError as exc:
        raise InvalidInputError(f"invalid {name}: {exc}") from None


def _given(P: object, N: int) -> fmpq_mat:
    """``P`` as an fmpq_mat if it is ``N^2 x N^2`` (a precomputed ``P_N``), else InvalidInputError."""
    M = _as_fmpq_mat(P, "P")
    expect(M.nrows() == M.ncols() == N * N, "P", P,
           f"the {N * N} x {N * N} matrix P_{N}")
    return M


def check_self_similarity(N: int, method: str = "closed_form", *, P: Matrix | None = None) -> CheckResult:
    """Check ``P_{2N+1}[(2a+1,2b+1),(2c+1,2d+1)] = P_N[(a,b),(c,d)] / 2`` for all indices.

    A property of the reconstruction [`jacobi_commutant_projection`][jacobi_commutant_projection] (the
    congruence modulo ``2(N+1)`` is a reflection folding that rescales), not a
    statement taken from Langer's thesis.

    Parameters
    ----------
    N : int
        Truncation size; ``2N + 1 <= MAX_PROJECTION_N``.
    method : str
        How both projections are computed (see [`jacobi_commutant_projection`][jacobi_commutant_projection]).
    P : Matrix, optional
        ``P_N`` by ``method``, if the caller has already computed it (it is
        then not computed again).

    Returns
    -------
    CheckResult
        ``ok`` when the identity holds exactly; otherwise ``first_mismatch``
        is the first disagreement, ``where = ((a, b), (c, d))``, ``left`` from
        ``P_{2N+1}``, ``right`` is ``P_N / 2`` (as Fractions).

    Examples
    --------
    >>> [check_self_similarity(N).ok for N in range(1, 5)]
    [True, True, True, True]
    >>> print(check_self_similarity(2))  # doctest: +ELLIPSIS
    self-similarity of the commutant projection (N=2, method=closed_form): OK, ... [... s]
    """
    N = _size(N)
    _size(2 * N + 1, "2N+1")
    t0 = time.perf_counter()
    big = _projection_flint(2 * N + 1, method)
    small = _projection_flint(N, method) if P is None else _given(P, N)
    M = 2 * N + 1
    mismatch = None
    for a, b, c, d in product(range(N), repeat=4):
        left = big[(2 * a + 1) * M + 2 * b + 1, (2 * c + 1) * M + 2 * d + 1]
        right = small[a * N + b, c * N + d] / 2
        if left != right:
            mismatch = Mismatch(((a, b), (c, d)), _frac(left), _frac(right))
            break
    return CheckResult("self-similarity of the commutant projection", {"N": N, "method": method},
                       ("P_{2N+1} on odd indices", "P_N / 2"), mismatch, time.perf_counter() - t0)


def check_projection_methods(N: int, methods: Iterable[str] = ("closed_form", "nullspace"), *,
                             P: Matrix | None = None) -> CheckResult:
    """Compare ``P_N`` computed by several methods.

    Parameters
    ----------
    N : int
        Truncation size.
    methods : iterable of str
        At least two methods of [`jacobi_commutant_projection`][jacobi_commutant_projection]; the first is the reference.
    P : Matrix, optional
        ``P_N`` by the first method, if the caller has already computed it
        (it is then not computed again).

    Returns
    -------
    CheckResult
        ``methods`` is ``(first method, the method that disagreed)`` (the last
        method when all agree); ``first_mismatch.where`` is the pair of index
        labels ``((a, b), (c, d))`` of the first differing entry.

    Examples
    --------
    >>> check_projection_methods(4).ok
    True
    >>> check_projection_methods(3, ("closed_form", "powers", "nullspace")).methods
    ('closed_form', 'nullspace')
    """
    N = _size(N)
    if isinstance(methods, (str, bytes)):
        raise InvalidInputError(f"invalid methods {short_repr(methods)}: expected a sequence of method names")
    ms = sequence_arg("methods", methods)
    expect(len(ms) >= 2, "methods", ms, "at least two methods")
    for m in ms:
        expect(isinstance(m, str), "method", m, "a method name (str)")
    t0 = time.perf_counter()
    ref = _projection_flint(N, ms[0]) if P is None else _given(P, N)
    mismatch = None
    other_name = ms[-1]
    for m in ms[1:]:
        other = _projection_flint(N, m)
        if other != ref:
            other_name = m
            for i, j in product(range(N * N), repeat=2):
                if ref[i, j] != other[i, j]:
                    mismatch = Mismatch((divmod(i, N), divmod(j, N)), _frac(ref[i, j]), _frac(other[i, j]))
                    break
            break
    params: dict = {"N": N, "methods": ms}
    return CheckResult("projection P_N by several methods", params, (ms[0], other_name), mismatch,
                       time.perf_counter() - t0)


@dataclass(frozen=True)
class ConditionalExpectation:
    """The conditional expectation onto ``W*(s_i)`` in the monomial basis (candidate 2; a reconstruction).

    Attributes
    ----------
    n_generators, degree, generator : int
    words : list of tuple
        The monomial basis ``s_w``, ``|w| <= degree`` (by length, then lexicographic).
    K : Matrix
        ``K[t, w] = <e_t, s_w Omega>`` (unitriangular, integer entries).
    projection : Matrix
        ``Pi``, the 0/1 diagonal projection onto the words ``i^j``.
    E : Matrix
        ``K^{-1} Pi K``: column ``w`` holds the coordinates of ``E[s_w]`` in the monomial basis.
    gram : Matrix
        ``G = K^T K``, ``G[v, w] = tau(s_{rev v} s_w)`` (computed on first use).

    The matrices are exact [`Matrix`][combalg.core.matrix.Matrix] objects.
    """

    n_generators: int
    degree: int
    generator: int
    words: list[Word]
    K: Matrix
    projection: Matrix
    E: Matrix

    def __post_init__(self) -> None:
        # a constructor call with other data would hold (and print) anything: check it is one of ours
        n = positive_int("n_generators", self.n_generators)
        d = nonnegative_int("degree", self.degree)
        g = self.generator
        expect(isinstance(g, int) and not isinstance(g, bool) and 1 <= g <= n, "generator", g,
               f"a letter in 1..{n}")
        words = self.words
        size = len(words) if isinstance(words, list) else 0
        if not size or words_exceed(n, d, size) or words != words_up_to(n, d, size):
            raise InvalidInputError(f"invalid words {short_repr(words)}: expected the list of the words of "
                                    f"length <= {d} over 1..{n} (by length, then lexicographically)")
        for name in ("K", "projection", "E"):
            M = getattr(self, name)
            expect(isinstance(M, Matrix) and M.nrows() == M.ncols() == size, name, M,
                   f"a {size} x {size} Matrix")
        object.__setattr__(self, "n_generators", n)
        object.__setattr__(self, "degree", d)
        object.__setattr__(self, "generator", int(g))

    def __reduce__(self) -> tuple:
        # FLINT matrices do not pickle: rebuild from the parameters (exact, deterministic)
        return (conditional_expectation_matrix,
                (self.n_generators, self.degree, self.generator, max(len(self.words), 1)))

    @functools.cached_property
    def gram(self) -> Matrix:
        """``G = K^T K``, the Gram matrix of the monomials for the trace (computed once, on first use)."""
        return self.K.transpose() * self.K

    def apply(self, polynomial: Mapping[Iterable[int], object]) -> dict[Word, object]:
        """``E[p]`` for a polynomial ``{word: coefficient}`` in the ``s_j``, as ``{word: coefficient}``.

        Examples
        --------
        >>> E = conditional_expectation_matrix(2, 3)
        >>> E.apply({(1, 2, 2): 1}), E.apply({(2, 1, 2): 1})
        ({(1,): 1}, {})
        """
        if not isinstance(polynomial, Mapping):
            raise InvalidInputError(
                f"invalid polynomial {short_repr(polynomial)}: expected a dict {{word tuple: coefficient}}")
        index = {w: i for i, w in enumerate(self.words)}
        v = fmpq_mat(len(self.words), 1)
        for word, c in polynomial.items():
            as_coefficient(c, f"coefficient of {short_repr(word)}")
            w = as_word(word, self.n_generators)
            expect(w in index, "word", w, f"a word of length <= {self.degree}")
            v[index[w], 0] += c if isinstance(c, (fmpz, fmpq)) else fmpq(int(c.numerator), int(c.denominator))
        r = self.E._m * v
        out: dict[Word, object] = {}
        for i, w in enumerate(self.words):
            x = r[i, 0]
            if x != 0:
                out[w] = int(x.p) if x.q == 1 else Fraction(int(x.p), int(x.q))
        return out

    def check(self) -> dict[str, bool]:
        """Exact checks: ``E^2 = E``, ``G E = E^T G`` (self-adjoint for the trace), ``rank E = degree + 1``.

        Examples
        --------
        >>> conditional_expectation_matrix(2, 3).check()
        {'idempotent': True, 'trace_self_adjoint': True, 'rank': True}
        """
        G, E = self.gram._m, self.E._m
        return {
            "idempotent": E * E == E,
            "trace_self_adjoint": G * E == E.transpose() * G,
            "rank": int(E.rank()) == self.degree + 1,
        }


def conditional_expectation_matrix(n_generators: int, degree: int, generator: int = 1,
                                   max_words: int = 2_048) -> ConditionalExpectation:
    """The conditional expectation onto ``W*(s_generator)`` in the monomial basis of degree ``<= degree``.

    **Reconstruction, not Langer's formula.**  Candidate 2 of the combalg
    specification for the projection matrix of R. Langer's thesis (Part III,
    arXiv:2110.12629, whose formula was not available): ``E = K^{-1} Pi K``,
    with ``K[t, w] = <e_t, s_w Omega>`` and ``Pi`` the diagonal projection onto
    the words ``generator^j``.  In the orthonormal tensor basis ``E`` is just
    ``Pi``; in the monomial basis it is a non-trivial idempotent.  Freeness
    gives ``E[s_2 a s_2] = tau(a)`` for ``a`` in ``W*(s_1)``.

    Parameters
    ----------
    n_generators : int
        Number of semicircular generators, ``>= 1``.
    degree : int
        Maximal degree ``d >= 0`` of the monomials.
    generator : int
        The generator ``i`` of the subalgebra ``W*(s_i)``.
    max_words : int
        Limit on the number of monomials (``sum_{k <= d} n^k``).

    Raises
    ------
    InvalidInputError
        If ``n_generators < 1``, ``degree < 0`` or ``generator`` is not a letter.
    ResourceLimitError
        If there are more than ``max_words`` monomials.

    Examples
    --------
    >>> E = conditional_expectation_matrix(2, 3)
    >>> E.apply({(2, 2): 1}), E.apply({(2, 2, 1): 1}), E.apply({(1, 2, 1): 1})
    ({(): 1}, {(1,): 1}, {})
    """
    n_generators = positive_int("n_generators", n_generators)
    degree = nonnegative_int("degree", degree)
    expect(isinstance(generator, int) and not isinstance(generator, bool) and 1 <= generator <= n_generators,
           "generator", generator, f"a letter in 1..{n_generators}")
    max_words = positive_int("max_words", max_words)
    if words_exceed(n_generators, degree, max_words):
        raise ResourceLimitError(f"more than {max_words} monomials of degree <= {degree} in {n_generators} "
                                 f"generators (the limit max_words={max_words})")
    words, K = _monomial_to_tensor_flint(n_generators, degree, max_words=max_words)
    n = len(words)
    powers = [i for i, w in enumerate(words) if all(x == generator for x in w)]  # the words generator^j
    Pi = fmpz_mat(n, n)
    cols = fmpz_mat(n, len(powers))  # the unit columns e_s, s in powers
    rows = fmpz_mat(len(powers), n)
    for j, i in enumerate(powers):
        Pi[i, i] = cols[i, j] = rows[j, i] = 1
    # E = K^{-1} Pi K = K^{-1}[:, powers] K[powers, :].  K = 1 + N is unitriangular and N
    # strictly lowers the degree, so K^{-1} e_s = sum_k (-N)^k e_s is a finite sum: a few
    # products by a thin matrix instead of an n x n rational solve.
    N = K - _identity(n)
    inverse_cols = term = cols
    for _ in range(n):
        term = -(N * term)
        if term.is_zero():
            break
        inverse_cols += term
    E = fmpq_mat(inverse_cols * (rows * K))
    return ConditionalExpectation(n_generators, degree, generator, words, Matrix._from_flint(K),
                                  Matrix._from_flint(Pi), Matrix._from_flint(E))


def _identity(n: int) -> fmpz_mat:
    one = fmpz_mat(n, n)
    for i in range(n):
        one[i, i] = 1
    return one
