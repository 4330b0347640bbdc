"""A figure for the linking engine: two graphs glued along a shared edge.

Builds two triangles sharing the edge p = ab, glues them (identify the shared
edge, then delete it) into a 4-cycle, checks that the cut space of the glued graph
is the matched composition of the two cut spaces, and draws the three graphs
with networkx, the shared edge dashed.
"""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402

from _common import out_dir  # noqa: E402

from combalg.core.files import save_figure  # noqa: E402
from combalg.linking import compose, cut_space, glue  # noqa: E402

G1 = nx.MultiGraph()
G1.add_edge("a", "x", label="s0")
G1.add_edge("x", "b", label="s1")
G1.add_edge("a", "b", label="p")
G2 = nx.MultiGraph()
G2.add_edge("a", "y", label="q0")
G2.add_edge("y", "b", label="q1")
G2.add_edge("a", "b", label="p")
G = glue(G1, G2, ["p"])
assert cut_space(G) == compose(cut_space(G1), cut_space(G2))

pos = {"a": (0, 1), "b": (0, -1), "x": (-1, 0), "y": (1, 0)}
fig, axes = plt.subplots(1, 3, figsize=(9, 3))
for ax, H, title in zip(axes, [G1, G2, G], [r"$G_{SP}$", r"$G_{PQ}$", r"$G_{SP} \leftrightarrow G_{PQ}$"]):
    nodes = list(H.nodes)
    nx.draw_networkx_nodes(H, {v: pos[v] for v in nodes}, ax=ax, node_size=250, node_color="#dddddd")
    nx.draw_networkx_labels(H, {v: pos[v] for v in nodes}, ax=ax, font_size=9)
    for u, v, d in H.edges(data=True):
        style = "--" if d.get("label") == "p" else "-"
        ax.plot([pos[u][0], pos[v][0]], [pos[u][1], pos[v][1]], style, color="0.3", zorder=0)
        ax.text((pos[u][0] + pos[v][0]) / 2, (pos[u][1] + pos[v][1]) / 2, f"${d['label']}$", fontsize=9)
    ax.set_title(title)
    ax.set_aspect("equal")
    ax.axis("off")
for suffix in ("pdf", "svg"):
    print("wrote", save_figure(fig, out_dir() / f"linking.{suffix}"))
