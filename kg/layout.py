"""Node positions for the HTML page, computed before it opens.

A small pure-Python force layout (no numpy): each connected component is laid out on its
own with a bounded amount of work, officials start next to the country or organization
they hold a post of, and the components are packed in rows. Positions are precomputed so
the page can keep physics off and be interactive at once, even at 5,000 nodes.
"""
from __future__ import annotations

import math
import random

from collections import defaultdict

import networkx as nx

__all__ = ["layout", "positions", "EDGE_KINDS"]

EDGE_KINDS = ("meeting", "commitment", "holds_post")


def _components(n: int, adj: list[list[int]]) -> list[list[int]]:
    seen = [False] * n
    comps = []
    for s in range(n):
        if seen[s]:
            continue
        seen[s] = True
        comp, stack = [], [s]
        while stack:
            u = stack.pop()
            comp.append(u)
            for v in adj[u]:
                if not seen[v]:
                    seen[v] = True
                    stack.append(v)
        comps.append(comp)
    comps.sort(key=lambda c: (-len(c), c[0]))
    return comps


def _initial(nodes: list[int], local: dict[int, int], adj: list[list[int]], anchor: list[int] | None,
             rng: random.Random) -> tuple[list[float], list[float]]:
    """Starting positions: each hub (a country or organization) with the officials anchored to
    it as one cluster, clusters on a sunflower spiral by area, largest in the middle, members
    around their hub. Without anchors, a spiral in breadth-first order from the best-connected
    node. Either way close to the final shape, so few force iterations are needed."""
    s = len(nodes)
    clusters: dict[int, list[int]] = {}
    if anchor is not None:
        for u in nodes:
            a = anchor[u]
            clusters.setdefault(a if a in local else u, []).append(u)
    else:
        start = max(nodes, key=lambda u: (len(adj[u]), -u))
        order, seen = [start], {start}
        for u in order:
            for v in adj[u]:
                if v not in seen:
                    seen.add(v)
                    order.append(v)
        clusters = {start: order}
    x, y = [0.0] * s, [0.0] * s
    golden = math.pi * (3 - math.sqrt(5))
    area = 0.0
    for c, (hub, members) in enumerate(sorted(clusters.items(), key=lambda kv: (-len(kv[1]), kv[0]))):
        size = len(members) + (hub not in members)
        rad = math.sqrt(area + size / 2) * 1.1
        area += size
        cx, cy = (rad * math.cos(c * golden), rad * math.sin(c * golden)) if c else (0.0, 0.0)
        ordered = ([hub] if hub in members else []) + [u for u in members if u != hub]
        for r, u in enumerate(ordered):
            rr = 0.9 * math.sqrt(r + (0.0 if r == 0 else 0.5))
            i = local[u]
            x[i] = cx + rr * math.cos(r * golden) + rng.uniform(-0.05, 0.05)
            y[i] = cy + rr * math.sin(r * golden) + rng.uniform(-0.05, 0.05)
    return x, y


def _force_layout(nodes: list[int], adj: list[list[int]], rng: random.Random,
                  budget: float, anchor: list[int] | None = None) -> dict[int, tuple[float, float]]:
    """Fruchterman-Reingold on one connected component; repulsion only between nodes in
    neighbouring grid cells (cut off at 1.5k), so an iteration costs O(n), not O(n^2)."""
    s = len(nodes)
    if s == 1:
        return {nodes[0]: (0.0, 0.0)}
    local = {u: i for i, u in enumerate(nodes)}
    edges = [(local[u], local[v]) for u in nodes for v in adj[u] if local[u] < local.get(v, -1)]
    k = 1.0
    side = math.sqrt(s) * k
    x, y = _initial(nodes, local, adj, anchor, rng)
    # the work per iteration is about s * 10 pair checks (see below) plus the edges
    iterations = max(15, min(100, int(budget / (s * 10 + len(edges)))))
    t = side / (16 if anchor is not None else 8)
    cool = (0.02 / max(t, 1e-9)) ** (1 / iterations) if t > 0.02 else 1.0
    k2 = k * k
    cell = 1.5 * k  # repulsion is cut off at 1.5k: only the 3x3 cells around a node matter
    cut2 = cell * cell
    forward = ((1, -1), (1, 0), (1, 1), (0, 1))  # each pair of cells is visited once
    for _ in range(iterations):
        grid: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i in range(s):
            grid[(int(x[i] // cell), int(y[i] // cell))].append(i)
        dx, dy = [0.0] * s, [0.0] * s
        for (cx, cy), members in grid.items():
            others = []
            for ox, oy in forward:
                others.extend(grid.get((cx + ox, cy + oy), ()))
            for a, i in enumerate(members):
                xi, yi = x[i], y[i]
                fx = fy = 0.0
                for j in members[a + 1:] + others if others else members[a + 1:]:
                    ddx = xi - x[j]
                    ddy = yi - y[j]
                    d2 = ddx * ddx + ddy * ddy
                    if d2 < cut2:
                        if d2 < 1e-6:
                            ddx, ddy, d2 = rng.uniform(-0.01, 0.01), rng.uniform(-0.01, 0.01), 1e-4
                        f = k2 / d2
                        fx += ddx * f
                        fy += ddy * f
                        dx[j] -= ddx * f
                        dy[j] -= ddy * f
                dx[i] += fx
                dy[i] += fy
        for u, v in edges:
            ddx = x[u] - x[v]
            ddy = y[u] - y[v]
            d = math.sqrt(ddx * ddx + ddy * ddy) / k
            dx[u] -= ddx * d
            dy[u] -= ddy * d
            dx[v] += ddx * d
            dy[v] += ddy * d
        for i in range(s):
            # a little gravity keeps leaves and small clusters from drifting off
            gx, gy = dx[i] - 0.02 * x[i], dy[i] - 0.02 * y[i]
            ln = math.sqrt(gx * gx + gy * gy)
            if ln > 1e-12:
                m = min(ln, t) / ln
                x[i] += gx * m
                y[i] += gy * m
        t *= cool
    cx = sum(x) / s
    cy = sum(y) / s
    return {nodes[i]: (x[i] - cx, y[i] - cy) for i in range(s)}


def layout(n: int, pairs: list[tuple[int, int]], *, anchor: list[int] | None = None, seed: int = 7,
           scale: float = 110.0, budget: float = 1.5e6) -> list[tuple[float, float]]:
    """Positions for nodes ``0..n-1`` joined by ``pairs``: deterministic for a given input.

    ``anchor[i]`` (or -1) is the hub node ``i`` belongs with, e.g. the country of an official's
    post: clusters start around their hubs (:func:`_initial`).
    Each connected component is laid out by force (:func:`_force_layout`, the work per
    component bounded by ``budget``), then components are packed in rows, largest first.
    """
    adj: list[list[int]] = [[] for _ in range(n)]
    seen_pairs = set()
    for u, v in pairs:
        if u != v and (min(u, v), max(u, v)) not in seen_pairs:
            seen_pairs.add((min(u, v), max(u, v)))
            adj[u].append(v)
            adj[v].append(u)
    rng = random.Random(seed)
    pos: list[tuple[float, float]] = [(0.0, 0.0)] * n
    boxes = []
    for comp in _components(n, adj):
        p = _force_layout(comp, adj, rng, budget, anchor)
        xs = [q[0] for q in p.values()]
        ys = [q[1] for q in p.values()]
        boxes.append((p, min(xs), min(ys), max(xs) - min(xs) + 1.5, max(ys) - min(ys) + 1.5))
    if not boxes:
        return pos
    area = sum(b[3] * b[4] for b in boxes)
    row_width = max(boxes[0][3], math.sqrt(area) * 1.3)
    cx = cy = row_h = 0.0
    for p, x0, y0, w, h in boxes:
        if cx > 0 and cx + w > row_width:
            cx, cy, row_h = 0.0, cy + row_h, 0.0
        for node, (px, py) in p.items():
            pos[node] = (round((px - x0 + cx) * scale, 1), round((py - y0 + cy) * scale, 1))
        cx += w
        row_h = max(row_h, h)
    return pos


def positions(g: nx.MultiDiGraph, ids: list[str] | None = None,
              pairs: list[tuple[int, int]] | None = None) -> list[tuple[float, float]]:
    """Page positions for the nodes ``ids`` (default: all, in graph order) of ``g``: officials
    start next to the body of their post (a country before an organization)."""
    ids = list(g.nodes) if ids is None else ids
    index = {n: i for i, n in enumerate(ids)}
    if pairs is None:
        pairs = [(index[u], index[v]) for u, v, d in g.edges(data=True)
                 if u in index and v in index and d.get("kind") in EDGE_KINDS]
    anchor = [-1] * len(ids)
    for n in ids:
        bodies = [index[p["of"]] for p in g.nodes[n].get("posts") or [] if p.get("of") in index]
        if bodies:
            anchor[index[n]] = min(bodies, key=lambda b: (g.nodes[ids[b]].get("kind") != "country", -bodies.count(b)))
    return layout(len(ids), pairs, anchor=anchor)
