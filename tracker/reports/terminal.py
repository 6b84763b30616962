"""Plain-text renderings of walks for the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.walk.trees import children_by_parent

if TYPE_CHECKING:
    from tracker.walk.model import Walk


def render_walk_tree(result: Walk) -> str:
    """An indented tree: each hop under the hop that cited it, primary sources marked."""
    lines = [f"statement {result.statement_id} (document {result.document_id})"]
    children = children_by_parent(result.hops)

    def draw(parent: int | None, indent: int) -> None:
        for index in children.get(parent, []):
            hop = result.hops[index]
            cue = f' "{hop.cue}"' if hop.cue else ""
            where = (
                f" [document {hop.document_id}]" if hop.document_id != result.document_id else ""
            )
            mark = "  <- primary source" if hop.is_primary else ""
            lines.append(
                f"{'  ' * indent}└─ {hop.relation}{cue}: {hop.source.name} "
                f"({hop.source.kind}){where}{mark}"
            )
            draw(index, indent + 1)

    draw(None, 1)
    if not result.hops:
        lines.append("  (no hops)")
    primaries = ", ".join(s.name for s in result.primary_sources) or "none"
    lines.append(f"primary sources: {primaries}")
    lines.append(f"flags: {', '.join(result.flags) or 'none'}")
    return "\n".join(lines)
