"""A walk's hops as a tree: children by parent, root-to-leaf paths, paths as text."""

from __future__ import annotations

from collections.abc import Sequence

from tracker.walk.model import WalkHop

ARROW = " → "
CUT = "…"
"""Shown after a hop whose chain was cut (a cycle or the depth bound), not a primary source."""


def children_by_parent(hops: Sequence[WalkHop]) -> dict[int | None, list[int]]:
    """Indices of each hop's children, in walk order; the roots under ``None``."""
    children: dict[int | None, list[int]] = {}
    for index, hop in enumerate(hops):
        children.setdefault(hop.parent, []).append(index)
    return children


def hop_paths(hops: Sequence[WalkHop]) -> list[list[int]]:
    """Every root-to-leaf path of a walked tree, as indices into ``hops`` (walk order)."""
    children = children_by_parent(hops)
    paths: list[list[int]] = []

    def descend(index: int, path: list[int]) -> None:
        path = [*path, index]
        below = children.get(index, [])
        if not below:
            paths.append(path)
        for child in below:
            descend(child, path)

    for root in children.get(None, []):
        descend(root, [])
    return paths


def path_text(hops: Sequence[WalkHop], path: list[int]) -> str:
    """One path as "A → B → C"; a path cut before a primary source ends in "…"."""
    names = [hops[i].source.name for i in path]
    return ARROW.join(names if hops[path[-1]].is_primary else [*names, CUT])


def chain_paths(hops: Sequence[WalkHop]) -> list[str]:
    """Every root-to-leaf path of a walk as text (see ``path_text``)."""
    return [path_text(hops, path) for path in hop_paths(hops)]
