"""Independent brute-force helpers for the cylindric tests (no combalg code).

Tests get them through the ``brute`` fixture."""

from __future__ import annotations

import itertools


def partitions_of(n, maxp=None):
    """All partitions of n as tuples (naive recursion)."""
    if maxp is None:
        maxp = n
    if n == 0:
        yield ()
        return
    for p in range(min(n, maxp), 0, -1):
        for rest in partitions_of(n - p, p):
            yield (p,) + rest


def interlace(big, small):
    """big_1 >= small_1 >= big_2 >= small_2 >= ... (with zeros padded)."""
    n = max(len(big), len(small)) + 1
    b = list(big) + [0] * (n - len(big))
    s = list(small) + [0] * (n - len(small))
    for i in range(n):
        if not b[i] >= s[i]:
            return False
        if i + 1 < n and not s[i] >= b[i + 1]:
            return False
    return True


def is_cylindric(word, parts):
    T = len(word)
    for k in range(1, T + 1):
        prev, cur = parts[k - 1], parts[k % T]
        if word[k - 1] == 1 and not interlace(cur, prev):
            return False
        if word[k - 1] == 0 and not interlace(prev, cur):
            return False
    return True


def brute_objects(word, n):
    """All cylindric partitions of weight n: every T-tuple of partitions, filtered."""
    T = len(word)
    out = []
    for sizes in itertools.product(range(n + 1), repeat=T):
        if sum(sizes) != n:
            continue
        for parts in itertools.product(*(list(partitions_of(s)) for s in sizes)):
            if is_cylindric(word, parts):
                out.append(tuple(parts))
    return out


def coin_change(exponents, order):
    """prod 1/(1 - q^e) over a list of exponents (with repetition), naive."""
    c = [0] * order
    if order:
        c[0] = 1
    for e in exponents:
        if e >= order:
            continue
        for m in range(e, order):
            c[m] += c[m - e]
    return c


def c_profile_arrays(c, n):
    """All c-profile arrays of weight n (literature definition), naive."""
    k = len(c)

    def part(lam, j):
        return lam[j - 1] if 1 <= j <= len(lam) else 0

    def ok(rows):
        for i in range(k):
            a, b = rows[i], rows[(i + 1) % k]
            shift = c[(i + 1) % k]
            for j in range(1, len(b) + 1 + shift + 1):
                if part(a, j) < part(b, j + shift):
                    return False
        return True

    out = []
    for sizes in itertools.product(range(n + 1), repeat=k):
        if sum(sizes) != n:
            continue
        for rows in itertools.product(*(list(partitions_of(s)) for s in sizes)):
            if ok(rows):
                out.append(rows)
    return out


import sys

import pytest


@pytest.fixture(scope="session")
def brute():
    """This module: the brute-force helpers above."""
    return sys.modules[__name__]
