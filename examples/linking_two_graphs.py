"""Linking two vector spaces from files, as `combalg linking` reads them.

Reads the two labelled spaces in examples/data (V_SP.json: a space on the labels
s0, s1, p0, p1; V_PQ.csv: one on p0, p1, q0, q1, with the labels in the CSV
header), composes them over the shared labels P = {p0, p1} with the matched
composition V_SP <-> V_PQ, checks implicit duality
(V_SP <-> V_PQ)^perp = V_SP^perp -><- V_PQ^perp, computes the connectivity
lambda(S) of the result, and prints the command lines that do the same from the
shell.
"""

from pathlib import Path

from combalg.cli.linking import load_space
from combalg.linking import compose, decompose

DATA = Path(__file__).resolve().parent / "data"

A = load_space(str(DATA / "V_SP.json"))
B = load_space(str(DATA / "V_PQ.csv"))
C = compose(A, B)
assert C.perp() == compose(A.perp(), B.perp(), sign=-1)  # implicit duality
S = ["s0", "s1"]
V1, V2 = decompose(C, S)  # the same composition through as few shared labels as possible
P = [label for label in V1.labels if label not in S]
assert compose(V1, V2) == C
print(f"V_SP has dim {A.dim}, V_PQ has dim {B.dim}; their composition on {sorted(map(str, C.labels))} has dim {C.dim}")
print(f"minimum-overlap decomposition of the composition: |P| = {len(P)} (was 2), i.e. lambda(S) = {len(P)}")
print("shell:")
print(f"  combalg linking compose {DATA / 'V_SP.json'} {DATA / 'V_PQ.csv'}")
print(f"  combalg linking connectivity {DATA / 'V_SP.json'} --split s0,s1")
