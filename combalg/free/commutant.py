"""Commutants of semicircular generators, degree by degree.

A polynomial ``x`` in the semicircular generators ``s_1..s_n`` of degree
``<= L`` is determined by the Fock vector ``x Omega``, which lies in the span
``Poly_{<=L}`` of the words of length ``<= L`` (the Wick polynomials ``W_t``
map onto the basis ``e_t``).  Since ``x s_a Omega = d_a x Omega`` with
``d_a = r_a + r_a^*``, ``x`` commutes with ``s_a`` exactly when ``x Omega``
lies in the kernel of ``D_a = s_a - d_a`` (the ``L^2`` form of the derivation
``x -> [s_a, x]``), which maps ``Poly_{<=L}`` into ``Poly_{<=L+1}``.

* For one generator the kernel is ``C[s_a]_{<=L}``, of dimension ``L + 1``
  (the generator MASA, Popa 1983).
* For two or more generators it is the scalars: the semicircular system
  generates a factor.

Examples
--------
>>> from combalg.free.commutant import commutant_dimension
>>> commutant_dimension([1], 4), commutant_dimension([1, 2], 4)
(5, 1)

References
----------
- [1] S. Popa, Orthogonal pairs of *-subalgebras in finite von Neumann
   algebras, J. Operator Theory 9 (1983) 253-268.
- [2] D. Voiculescu, K. Dykema, A. Nica, *Free Random Variables*, AMS, 1992.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from math import gcd, lcm

from flint import fmpq_mat, fmpz_mat

from combalg.core.bignum import short_repr
from combalg.core.matrix import Matrix

from combalg.core.errors import InvalidInputError, ResourceLimitError, expect
from combalg.core.validation import nonnegative_int, positive_int, sequence_arg
from combalg.free.fock import FockVector, Word, as_word, count_words, words_exceed, words_up_to

__all__ = [
    "CommutantData",
    "MAX_COMMUTANT_COLUMNS",
    "MAX_SECTOR_DEGREE",
    "MAX_DERIVATION_ENTRIES",
    "derivation_matrix",
    "commutant_data",
    "commutant_dimension",
    "commutant_dimensions",
    "commutant_basis",
    "split_core",
    "sector_kernel_dimension",
    "commutant_dimension_by_sectors",
]

#: largest ``dim Poly_{<=L}`` handled (dense exact rank); larger requests raise ResourceLimitError
MAX_COMMUTANT_COLUMNS = 4_096

#: largest number of entries of the dense stacked derivation matrix
MAX_DERIVATION_ENTRIES = 80_000_000

#: largest grid parameter ``m`` of [`sector_kernel_dimension`][sector_kernel_dimension] (a dense exact rank of about m^2/2 columns)
MAX_SECTOR_DEGREE = 60


@dataclass(frozen=True)
class CommutantData:
    """Sizes of the commutant problem in degree ``<= degree``.

    Attributes
    ----------
    generators : tuple of int
    n_generators, degree : int
    dimension : int
        ``dim Poly_{<=degree}`` (number of words of length ``<= degree``).
    rank : int
        Rank of the stacked derivations ``D_a`` restricted to ``Poly_{<=degree}``.
    kernel_dimension : int
        ``dimension - rank``: the dimension of the commutant in degree ``<= degree``.
    """

    generators: tuple[int, ...]
    n_generators: int
    degree: int
    dimension: int
    rank: int
    kernel_dimension: int


def _normalize(generators: Iterable[int] | int, degree: int, n_generators: int | None) -> tuple[tuple[int, ...], int, int]:
    if isinstance(generators, int) and not isinstance(generators, bool):
        generators = (generators,)
    if isinstance(generators, (str, bytes)) or not isinstance(generators, Iterable):
        raise InvalidInputError(f"invalid generators {short_repr(generators)}: expected a sequence of letters")
    gens = tuple(sequence_arg("generators", generators))
    expect(len(gens) > 0, "generators", gens, "at least one generator")
    gens = tuple(positive_int("generator", g) for g in gens)
    degree = nonnegative_int("degree", degree)
    n_generators = positive_int("n_generators", max(2, max(gens)) if n_generators is None else n_generators)
    for g in gens:
        expect(g <= n_generators, "generator", g, f"a letter in 1..{n_generators}")
    return tuple(sorted(set(gens))), degree, n_generators


def _check_columns(n: int, L: int, max_columns: int) -> None:
    max_columns = positive_int("max_columns", max_columns)
    if words_exceed(n, L, max_columns):
        raise ResourceLimitError(f"Poly_<={L} in {n} generators has more than {max_columns} words "
                                 f"(the limit on columns of the exact rank computation)")


def derivation_matrix(generators: Iterable[int] | int, degree: int, n_generators: int | None = None,
                      max_columns: int = MAX_COMMUTANT_COLUMNS) -> tuple[list[Word], Matrix]:
    """The stacked matrices of ``D_a = s_a - d_a`` from ``Poly_{<=degree}`` to ``Poly_{<=degree+1}``.

    Returns
    -------
    (words, D)
        The column words and an exact [`Matrix`][combalg.core.matrix.Matrix]
        (integer entries) with one block of rows (words of length
        ``<= degree + 1``) per generator.

    Raises
    ------
    InvalidInputError
        For an empty generator list, a letter outside ``1..n_generators``, or ``degree < 0``.
    ResourceLimitError
        If ``Poly_{<=degree}`` has more than ``max_columns`` words, or the
        matrix would have more than [`MAX_DERIVATION_ENTRIES`][MAX_DERIVATION_ENTRIES] entries.

    Examples
    --------
    >>> words, D = derivation_matrix([1], 1, n_generators=1)
    >>> words, D.rank()
    ([(), (1,)], 0)
    """
    words, D = _derivation_flint(generators, degree, n_generators, max_columns)
    return words, Matrix._from_flint(D)


def _derivation_flint(generators: Iterable[int] | int, degree: int, n_generators: int | None = None,
                      max_columns: int = MAX_COMMUTANT_COLUMNS) -> tuple[list[Word], fmpz_mat]:
    """[`derivation_matrix`][derivation_matrix] with the matrix as a FLINT ``fmpz_mat`` (for the other functions here)."""
    gens, L, n = _normalize(generators, degree, n_generators)
    _check_columns(n, L, max_columns)
    ncols = count_words(n, L)
    entries = count_words(n, L + 1) * len(gens) * ncols
    if entries > MAX_DERIVATION_ENTRIES:
        raise ResourceLimitError(f"the derivation matrix for {len(gens)} generators in degree <= {L} would have "
                                 f"{entries} entries, more than the limit {MAX_DERIVATION_ENTRIES}")
    cols = words_up_to(n, L)
    rows = words_up_to(n, L + 1)
    rindex = {w: i for i, w in enumerate(rows)}
    nr = len(rows)
    D = fmpz_mat(nr * len(gens), ncols)
    for b, a in enumerate(gens):
        off = b * nr
        for j, w in enumerate(cols):
            entries: dict[int, int] = {}
            for t, c in (((a,) + w, 1), (w + (a,), -1)):
                entries[rindex[t]] = entries.get(rindex[t], 0) + c
            if w and w[0] == a:
                entries[rindex[w[1:]]] = entries.get(rindex[w[1:]], 0) + 1
            if w and w[-1] == a:
                entries[rindex[w[:-1]]] = entries.get(rindex[w[:-1]], 0) - 1
            for i, c in entries.items():
                if c:
                    D[off + i, j] = c
    return cols, D


def commutant_data(generators: Iterable[int] | int, degree: int, n_generators: int | None = None,
                   max_columns: int = MAX_COMMUTANT_COLUMNS) -> CommutantData:
    """Dimension, rank and kernel dimension of the commutant problem in degree ``<= degree``.

    Parameters
    ----------
    generators : sequence of int
        The letters ``a`` whose semicircular generators ``s_a`` must commute with the polynomial.
    degree : int
    n_generators : int, optional
        Number of semicircular generators in the system (default ``max(2, max(generators))``).

    Examples
    --------
    >>> [(d.dimension, d.rank, d.kernel_dimension) for d in (commutant_data([1], L) for L in range(4))]
    [(1, 0, 1), (3, 1, 2), (7, 4, 3), (15, 11, 4)]
    """
    gens, L, n = _normalize(generators, degree, n_generators)
    words, D = _derivation_flint(gens, L, n, max_columns)
    r = D.rank() if len(words) else 0
    return CommutantData(gens, n, L, len(words), int(r), len(words) - int(r))


def commutant_dimension(generators: Iterable[int] | int, degree: int, n_generators: int | None = None) -> int:
    """Dimension of the space of polynomials of degree ``<= degree`` commuting with the given generators.

    Computed by exact rank of the derivation matrices (no formula is used):
    for one generator the answer is ``degree + 1`` (the polynomials in that
    generator), for two or more it is ``1`` (the scalars: the factor property).

    Parameters
    ----------
    generators : sequence of int
        Letters of the generators, e.g. ``[1]`` or ``[1, 2]``.
    degree : int
        Maximal degree ``d``.
    n_generators : int, optional
        Number of generators of the semicircular system (default ``max(2, max(generators))``).

    Raises
    ------
    InvalidInputError
        For bad generators, degree or ``n_generators < 1``.
    ResourceLimitError
        If the space has more than [`MAX_COMMUTANT_COLUMNS`][MAX_COMMUTANT_COLUMNS] words.

    Examples
    --------
    >>> [commutant_dimension([1], d) for d in range(6)]
    [1, 2, 3, 4, 5, 6]
    >>> commutant_dimension([1, 2], 5)
    1
    >>> commutant_dimension([1, 2], 3, n_generators=3)
    1
    """
    return commutant_data(generators, degree, n_generators).kernel_dimension


def commutant_dimensions(generators: Iterable[int] | int, degree: int, n_generators: int | None = None) -> list[int]:
    """``[commutant_dimension(generators, L) for L in 0..degree]``.

    Examples
    --------
    >>> commutant_dimensions([2], 3)
    [1, 2, 3, 4]
    """
    gens, L, n = _normalize(generators, degree, n_generators)
    _check_columns(n, L, MAX_COMMUTANT_COLUMNS)   # before any work: the largest degree is the costliest
    return [commutant_dimension(gens, k, n) for k in range(L + 1)]


def commutant_basis(generators: Iterable[int] | int, degree: int, n_generators: int | None = None) -> list[FockVector]:
    """A basis of the commutant in degree ``<= degree``, as Fock vectors ``x Omega`` (integer, primitive).

    Examples
    --------
    >>> commutant_basis([1], 2)
    [{(): 1}, {(1,): 1}, {(1, 1): 1}]
    """
    gens, L, n = _normalize(generators, degree, n_generators)
    words, D = _derivation_flint(gens, L, n)
    X, nullity = D.nullspace()
    vecs: list[FockVector] = []
    for k in range(int(nullity)):
        col = [int(X[i, k]) for i in range(len(words))]
        vecs.append({words[i]: c for i, c in enumerate(col) if c})
    # canonical form: reduced row echelon over the word order, integer primitive
    if not vecs:
        return []
    M = fmpq_mat([[v.get(w, 0) for w in words] for v in vecs]).rref()[0]
    out: list[FockVector] = []
    for i in range(M.nrows()):
        row = [M[i, j] for j in range(len(words))]
        if not any(row):
            continue
        den = lcm(*[int(x.q) for x in row])
        ints = [int(x * den) for x in row]
        g = 0
        for x in ints:
            g = gcd(g, x)
        out.append({words[j]: x // g for j, x in enumerate(ints) if x})
    return sorted(out, key=lambda v: min((len(w), w) for w in v))


def split_core(word: Iterable[int], generator: int = 1) -> tuple[int, Word, int]:
    """Split ``word = g^a u g^b`` with core ``u`` empty or beginning and ending with a letter other than ``g``.

    Returns ``(a, u, b)``; for a word made only of ``g`` the core is empty and ``b = 0``.

    Raises
    ------
    InvalidInputError
        If ``word`` is not a sequence of positive integer letters or ``generator`` is not one.

    Examples
    --------
    >>> split_core((1, 1, 2, 1, 3, 1), 1)
    (2, (2, 1, 3), 1)
    >>> split_core((1, 1), 1)
    (2, (), 0)
    """
    w = as_word(word)
    generator = positive_int("generator", generator)
    a = 0
    while a < len(w) and w[a] == generator:
        a += 1
    if a == len(w):
        return a, (), 0
    b = 0
    while w[len(w) - 1 - b] == generator:
        b += 1
    return a, w[a:len(w) - b], b


def sector_kernel_dimension(m: int) -> int:
    """``dim ker(X (x) 1 - 1 (x) X)`` on the grid ``{(a, b) : a + b <= m}`` (into ``a + b <= m + 1``).

    On a sector ``V_u = span{e_{g^a u g^b}}`` with a nonempty core ``u`` the
    derivation ``D_g`` acts as ``X (x) 1 - 1 (x) X`` (``X`` the free Jacobi
    matrix); the finite-support recursion forces the kernel to be 0.  Computed
    by exact rank.

    Raises
    ------
    InvalidInputError
        If ``m`` is not a nonnegative integer.
    ResourceLimitError
        If ``m > MAX_SECTOR_DEGREE`` (the dense matrix would be too large).

    Examples
    --------
    >>> [sector_kernel_dimension(m) for m in range(6)]
    [0, 0, 0, 0, 0, 0]
    """
    m = nonnegative_int("m", m)
    if m > MAX_SECTOR_DEGREE:
        raise ResourceLimitError(f"m={m}: the grid a + b <= m has {(m + 1) * (m + 2) // 2} points; the limit is "
                                 f"m <= MAX_SECTOR_DEGREE={MAX_SECTOR_DEGREE}")
    cols = [(a, t - a) for t in range(m + 1) for a in range(t + 1)]
    rows = [(a, t - a) for t in range(m + 2) for a in range(t + 1)]
    rindex = {x: i for i, x in enumerate(rows)}
    D = fmpz_mat(len(rows), len(cols))
    for j, (a, b) in enumerate(cols):
        D[rindex[(a + 1, b)], j] += 1
        if a:
            D[rindex[(a - 1, b)], j] += 1
        D[rindex[(a, b + 1)], j] -= 1
        if b:
            D[rindex[(a, b - 1)], j] -= 1
    return len(cols) - int(D.rank())


def commutant_dimension_by_sectors(generator: int, degree: int, n_generators: int | None = None) -> int:
    """Commutant dimension of one generator via the sector decomposition (an independent method).

    ``Poly_{<=L}`` splits into ``V_empty = span{e_g^k}`` (where ``D_g = 0``) and
    one sector ``V_u`` per nonempty core ``u`` of length ``c``, on which ``D_g``
    is ``X (x) 1 - 1 (x) X`` on the grid ``a + b <= L - c``.  So the dimension is
    ``(L + 1) + sum_c (number of cores of length c) * sector_kernel_dimension(L - c)``.

    Examples
    --------
    >>> [commutant_dimension_by_sectors(1, L) for L in range(7)]
    [1, 2, 3, 4, 5, 6, 7]
    """
    gens, L, n = _normalize([generator], degree, n_generators)
    if L - 1 > MAX_SECTOR_DEGREE:
        raise ResourceLimitError(f"degree {L}: the largest sector grid would exceed MAX_SECTOR_DEGREE="
                                 f"{MAX_SECTOR_DEGREE}")
    total = L + 1
    for c in range(1, L + 1):
        cores = (n - 1) if c == 1 else (n - 1) ** 2 * n ** (c - 2)
        if cores:
            total += cores * sector_kernel_dimension(L - c)
    return total
