"""Local rules: the SageMath examples, duality self-checks, Burge versus Schensted."""

from __future__ import annotations

import itertools

import pytest

from combalg.core.errors import InvalidInputError

from combalg.growth import GrowthDiagram, RuleBurge, RuleRSK, rsk
from combalg.growth.rules import is_horizontal_strip, is_vertical_strip


def test_rsk_forward_sage_examples():
    # spec section 3 / SageMath RuleRSK doctests
    assert RuleRSK().forward_rule([2, 1], [2, 1], [2, 1], 1) == (3, 1)
    assert RuleRSK().forward_rule(y=[1], t=[], x=[2], content=2) == (4, 1)


def test_rsk_invariant_sizes():
    R = RuleRSK()
    t, x, y, m = (2, 1), (3, 1), (2, 2, 1), 2
    z = R.forward_rule(y, t, x, m)
    assert sum(z) + sum(t) == sum(x) + sum(y) + m


def test_burge_sage_examples():
    B = RuleBurge()
    assert B.forward_rule([2, 1], [2, 1], [2, 1], 1) == (3, 1)
    # outside the domain (x/t is not a vertical strip): refused by default, and the
    # same value as SageMath with the checks turned off
    with pytest.raises(InvalidInputError, match="not a vertical strip"):
        B.forward_rule([1], [], [2], 2)
    assert B.forward_rule([1], [], [2], 2, check=False) == (2, 1, 1, 1)
    assert B.backward_rule([1, 1, 1], [2, 1, 1, 1], [2, 1, 1]) == ((1, 1), 0)


@pytest.mark.parametrize("rule", [RuleRSK(), RuleBurge()])
def test_duality_self_check(rule):
    assert rule.check_duality(4, 2).ok


def test_duality_catches_a_broken_rule():
    class Broken(RuleRSK):
        def forward_rule(self, y, t, x, content):
            z = super().forward_rule(y, t, x, content)
            return z if content < 2 else z + (1,)

    r = Broken().check_duality(2, 2)
    assert not r and r.first_mismatch.where[0] in ("forward strips", "backward(forward)", "forward(backward)")


# ---- Burge versus Schensted on the standardised cell (independent oracle) ----
def _add_box(p, r):
    q = list(p) + [0]
    q[r] += 1
    while q and q[-1] == 0:
        q.pop()
    return tuple(q)


def _vertical_chain(t, x):
    """Boxes of the vertical strip x/t, added from the top row down."""
    chain = [tuple(t)]
    cur = tuple(t)
    for r in range(len(x)):
        if x[r] > (t[r] if r < len(t) else 0):
            cur = _add_box(cur, r)
            chain.append(cur)
    return chain


def _schensted(y, t, x, c):
    """Fomin's rule for 0/1 fillings and single-box steps, written out case by case."""
    if c == 1:
        assert x == y == t
        return _add_box(t, 0)
    if x == t:
        return y
    if y == t:
        return x
    if x != y:
        n = max(len(x), len(y))
        return tuple(max(x[i] if i < len(x) else 0, y[i] if i < len(y) else 0) for i in range(n))
    # x == y = t + one box in row r: add a box in row r + 1
    r = next(i for i in range(len(x)) if x[i] != (t[i] if i < len(t) else 0))
    return _add_box(x, r + 1)


def _burge_by_standardisation(y, t, x, m):
    """A cell of content m becomes an anti-diagonal m x m block of Schensted cells;
    the row's earlier entries enter last along the left edge, the column's along the top."""
    top = [tuple(t)] * m + _vertical_chain(t, x)
    left = [tuple(t)] * m + _vertical_chain(t, y)
    lab = {(0, j): v for j, v in enumerate(top)}
    lab.update({(i, 0): v for i, v in enumerate(left)})
    R, C = len(left) - 1, len(top) - 1
    for i in range(R):
        for j in range(C):
            c = 1 if (i < m and j == m - 1 - i) else 0
            lab[(i + 1, j + 1)] = _schensted(lab[(i + 1, j)], lab[(i, j)], lab[(i, j + 1)], c)
    return lab[(R, C)]


def _parts_upto(n):
    out = []

    def rec(rest, mx, acc):
        out.append(acc)
        for k in range(min(rest, mx), 0, -1):
            rec(rest - k, k, acc + (k,))

    rec(n, n, ())
    return out


def _vstrips_over(t, k):
    L = len(t) + k
    T = list(t) + [0] * k
    out = set()
    for bits in itertools.product([0, 1], repeat=L):
        if sum(bits) <= k:
            z = [T[i] + bits[i] for i in range(L)]
            if all(z[i] >= z[i + 1] for i in range(L - 1)):
                while z and z[-1] == 0:
                    z.pop()
                out.add(tuple(z))
    return sorted(out)


def test_burge_equals_schensted_on_standardised_cells():
    B = RuleBurge()
    count = 0
    for t in _parts_upto(3):
        ups = _vstrips_over(t, 2)
        for x in ups:
            for y in ups:
                for m in range(3):
                    assert B.forward_rule(y, t, x, m) == _burge_by_standardisation(y, t, x, m)
                    count += 1
    assert count > 500


def test_burge_sage_matrix_example():
    # SageMath's RuleBurge doctest, read in our convention (P <-> Q, see engine docstring)
    m = [[2, 0, 0, 1, 0], [1, 1, 0, 0, 0], [0, 0, 0, 0, 3]]
    G = GrowthDiagram(RuleBurge(), m)
    assert G.P_symbol() == ((1, 2, 5), (1, 5), (1, 5), (4,))
    assert G.Q_symbol() == ((1, 2, 3), (1, 3), (1, 3), (2,))


def test_burge_from_labels_sage_example():
    # SageMath: labels [[],[1,1,1],[2,1,1,1],[2,1,1],[2,1],[1,1],[]] give the 4x2 filling
    # [[1,1],[0,1],[1,0],[1,0]]; transposed diagram, reversed boundary in our convention
    labels = [[], [1, 1], [2, 1], [2, 1, 1], [2, 1, 1, 1], [1, 1, 1], []]
    G = GrowthDiagram(RuleBurge(), labels=labels)
    assert G.to_matrix() == [[1, 0, 1, 1], [1, 1, 0, 0]]


def test_burge_labels_are_conjugate_greene_of_flipped_rows():
    """Burge label at (i, j) = conjugate of the RSK shape of A[:i][:j] with rows reversed."""
    import random

    rng = random.Random(7)
    for _ in range(30):
        r, c = rng.randint(1, 4), rng.randint(1, 4)
        A = [[rng.choice([0, 0, 1, 2]) for _ in range(c)] for _ in range(r)]
        G = GrowthDiagram(RuleBurge(), A)
        for i in range(r + 1):
            for j in range(c + 1):
                sub = [row[:j] for row in A[:i]][::-1]
                shape = tuple(len(row) for row in rsk(sub)[0]) if i and j else ()
                conj = tuple(sum(1 for p in shape if p > k) for k in range(shape[0] if shape else 0))
                assert G.label(i, j) == conj, (A, i, j)


def test_strip_predicates():
    assert is_horizontal_strip((3, 1), (2,))
    assert not is_horizontal_strip((2, 2), (1,))
    assert is_vertical_strip((2, 2, 1), (1, 1))
    assert not is_vertical_strip((2, 2), (1,))


# ---- property tests on matrices ---------------------------------------------
from hypothesis import given, settings  # noqa: E402

from combalg.strategies.growth import nonnegative_matrices  # noqa: E402


def _max_chain(A, step_ok):
    """Max total of entries along a chain of cells (brute-force DP over cells)."""
    cells = [(i, j) for i in range(len(A)) for j in range(len(A[0])) if A[i][j]]
    best = {}
    for c in sorted(cells, key=lambda c: (c[0], c[1])):
        best[c] = A[c[0]][c[1]] + max((best[d] for d in best if step_ok(d, c)), default=0)
    return max(best.values(), default=0)


@settings(max_examples=80, deadline=None)
@given(nonnegative_matrices(max_rows=4, max_cols=4, max_entry=2))
def test_greene_first_part_for_matrices(A):
    # RSK: first row of the shape = heaviest chain of cells weakly south-east
    P = GrowthDiagram(RuleRSK(), A).P_symbol()
    se = _max_chain(A, lambda d, c: d[0] <= c[0] and d[1] <= c[1])
    assert (len(P[0]) if P else 0) == se
    # Burge: first column of the shape = heaviest chain weakly north-east
    G = GrowthDiagram(RuleBurge(), A)
    Pb = G.P_symbol()
    cells = sorted(((i, j) for i in range(len(A)) for j in range(len(A[0])) if A[i][j]),
                   key=lambda c: (-c[0], c[1]))
    best = {}
    for c in cells:
        best[c] = A[c[0]][c[1]] + max((best[d] for d in best if d[0] >= c[0] and d[1] <= c[1]), default=0)
    assert len(Pb) == max(best.values(), default=0)


@settings(max_examples=80, deadline=None)
@given(nonnegative_matrices(max_rows=4, max_cols=4, max_entry=2))
def test_burge_round_trip_and_tableau_shape(A):
    G = GrowthDiagram(RuleBurge(), A)
    H = GrowthDiagram(RuleBurge(), labels=G.out_labels(), shape=G.shape)
    assert H.to_matrix() == A
    for T in (G.P_symbol(), G.Q_symbol()):
        # rows strictly increase, columns weakly increase (transposes of semistandard tableaux)
        assert all(r[k] < r[k + 1] for r in T for k in range(len(r) - 1))
        assert all(T[i][k] <= T[i + 1][k] for i in range(len(T) - 1) for k in range(len(T[i + 1])))


@pytest.mark.parametrize("rule", [RuleRSK(), RuleBurge()])
@pytest.mark.parametrize(
    "args",
    [
        ((1,), (2,), (1,), 0),        # x/t is not a strip (t is not below x)
        ((1,), (), (1,), -1),         # negative content
        ((1,), (), (1,), 1.0),        # float content
        ((1,), (), (1,), True),       # bool content
        ((1, 2), (), (1,), 0),        # y is not a partition
    ],
)
def test_forward_rule_rejects_bad_corners(rule, args):
    # the RSK rule used to return (1, -1) for the first case: a wrong answer
    with pytest.raises(InvalidInputError):
        rule.forward_rule(*args)


@pytest.mark.parametrize("rule", [RuleRSK(), RuleBurge()])
def test_backward_rule_rejects_bad_corners(rule):
    with pytest.raises(InvalidInputError):
        rule.backward_rule((1,), (0,), (1,))      # z below x
    with pytest.raises(InvalidInputError):
        rule.backward_rule((1,), (3, 2), "ab")
