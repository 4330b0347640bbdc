"""Free probability and semicircular systems.

* [`combalg.free.noncrossing`][combalg.free.noncrossing] -- non-crossing partitions ``NC(n)``, pairings,
  the Kreweras complement, the lattice (meet, join, Moebius function), Narayana numbers;
* [`combalg.free.cumulants`][combalg.free.cumulants] -- moments and free (also Boolean and classical)
  cumulants, free additive and multiplicative convolution, semicircle and free
  Poisson laws;
* [`combalg.free.fock`][combalg.free.fock] -- the full Fock space, creation/annihilation
  operators as exact sparse matrices, semicircular generators, mixed moments,
  Chebyshev and Wick polynomials;
* [`combalg.free.commutant`][combalg.free.commutant] -- the commutant of semicircular generators,
  degree by degree (one generator: ``d + 1``; two: ``1``, the factor property);
* [`combalg.free.projection`][combalg.free.projection] -- two projection matrices that are
  *reconstructions* of the "self-similar projection matrix" of R. Langer's
  thesis (Part III, arXiv:2110.12629), whose own formula is not reproduced:
  [`jacobi_commutant_projection`][jacobi_commutant_projection] and [`conditional_expectation_matrix`][conditional_expectation_matrix].

Examples
--------
>>> from combalg.free import mixed_moment, moments_to_free_cumulants, commutant_dimension
>>> mixed_moment((1, 2, 2, 1)), moments_to_free_cumulants([0, 1, 0, 2]), commutant_dimension([1, 2], 3)
(1, [0, 1, 0, 0], 1)
"""

from __future__ import annotations

from combalg.free.commutant import (
    CommutantData,
    commutant_basis,
    commutant_data,
    commutant_dimension,
    commutant_dimension_by_sectors,
    commutant_dimensions,
    derivation_matrix,
    sector_kernel_dimension,
    split_core,
)
from combalg.free.cumulants import (
    boolean_cumulants_to_moments,
    cauchy_transform,
    classical_cumulants_to_moments,
    free_additive_convolution,
    free_cumulants_to_moments,
    free_cumulants_to_moments_by_partitions,
    free_multiplicative_convolution,
    free_poisson_cumulants,
    free_poisson_moments,
    moments_to_boolean_cumulants,
    moments_to_classical_cumulants,
    moments_from_s_transform,
    moments_to_free_cumulants,
    r_transform,
    s_transform,
    semicircle_cumulants,
    semicircle_moments,
)
from combalg.free.fock import (
    FockSpace,
    SparseMatrix,
    apply_polynomial,
    apply_right_semicircular,
    apply_semicircular,
    apply_word,
    chebyshev_u,
    count_colour_pairings,
    inner_product,
    left_annihilation,
    left_creation,
    mixed_moment,
    monomial_to_tensor_matrix,
    right_annihilation,
    right_creation,
    vacuum,
    wick_polynomial,
    words_up_to,
)
from combalg.free.noncrossing import (
    catalan,
    is_noncrossing,
    kreweras,
    kreweras_inverse,
    mobius,
    narayana,
    narayana_numbers,
    nc_join,
    nc_meet,
    noncrossing_closure,
    noncrossing_pairings,
    noncrossing_partitions,
    normalize_partition,
    refines,
)
from combalg.free.projection import (
    ConditionalExpectation,
    EntryMismatch,
    ProjectionReport,
    check_projection_methods,
    check_self_similarity,
    conditional_expectation_matrix,
    free_jacobi_matrix,
    jacobi_commutant_projection,
    jacobi_projection_entry,
    projection_numerators,
    projection_numerators_factored,
    projection_report,
)

__all__ = [
    "CommutantData", "commutant_basis", "commutant_data", "commutant_dimension", "commutant_dimensions",
    "derivation_matrix", "commutant_dimension_by_sectors", "sector_kernel_dimension", "split_core",
    "boolean_cumulants_to_moments", "classical_cumulants_to_moments", "free_additive_convolution",
    "free_cumulants_to_moments", "free_cumulants_to_moments_by_partitions", "free_multiplicative_convolution",
    "free_poisson_cumulants", "free_poisson_moments", "moments_to_boolean_cumulants",
    "moments_to_classical_cumulants", "moments_to_free_cumulants", "cauchy_transform", "r_transform", "semicircle_cumulants", "s_transform", "moments_from_s_transform", "semicircle_moments",
    "FockSpace", "SparseMatrix", "apply_polynomial", "apply_right_semicircular", "apply_semicircular",
    "apply_word", "chebyshev_u", "count_colour_pairings", "inner_product", "left_annihilation", "left_creation",
    "mixed_moment", "monomial_to_tensor_matrix", "right_annihilation", "right_creation", "vacuum",
    "wick_polynomial", "words_up_to",
    "catalan", "is_noncrossing", "kreweras", "kreweras_inverse", "mobius", "narayana", "narayana_numbers",
    "nc_join", "nc_meet", "noncrossing_closure", "noncrossing_pairings", "noncrossing_partitions",
    "normalize_partition", "refines",
    "ConditionalExpectation", "EntryMismatch", "ProjectionReport", "check_projection_methods",
    "check_self_similarity", "conditional_expectation_matrix", "free_jacobi_matrix",
    "jacobi_commutant_projection", "jacobi_projection_entry", "projection_numerators", "projection_numerators_factored", "projection_report",
]
