"""A walk laid out as a diagram: the document on top, each hop one row further down.

W3C PROV's drawing conventions: entities (the document, a source of kind ``document``)
are yellow ovals, agents (people, bodies, outlets, anonymous sources) orange houses.
Nearest relay first, primary sources last; branches side by side. Pure layout: the SVG
itself is a template (``desk/_diagram.html.j2``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from api.pages.links import statement_href

if TYPE_CHECKING:
    from tracker.walk.model import Walk, WalkHop

NODE_WIDTH = 176
NODE_HEIGHT = 50
COLUMN = NODE_WIDTH + 28
ROW = NODE_HEIGHT + 52
MARGIN = 12
SIDE = 72
"""Room left and right of the outer columns for edge labels wider than a node."""
LABEL_CHARS = 20
"""A name up to this long is one line at full size; a longer one takes two smaller lines."""
LINE_CHARS = 22
"""A line of a two-line name longer than this is squeezed to the node's width (never cut:
the node's text is the source's whole name)."""
DOCUMENT_LABEL_CHARS = 17
EDGE_LABEL_CHARS = 36
ENTITY_KINDS = frozenset({"document"})
"""Source kinds drawn as PROV entities; every other kind is an agent."""


@dataclass(frozen=True, slots=True)
class Node:
    """One box of the diagram: the document, or one hop's source."""

    x: float
    y: float
    label: str
    """The name as drawn: a source's whole name (see ``lines``), the document's shortened."""
    title: str
    """The full name and what the hop is, for a tooltip and screen readers."""
    note: str | None
    """A second, smaller line: state media, anonymous, in another document, cut."""
    shape: str
    """``entity`` (oval) or ``agent`` (house)."""
    classes: str
    source_id: int | None
    href: str | None

    @property
    def lines(self) -> tuple[str, ...]:
        """``label`` in one line, or two split at a space (joined by one space they give
        it back whole)."""
        return name_lines(self.label)

    def squeezed(self, line: str) -> bool:
        """Whether ``line`` is too long for the node and is drawn narrower."""
        return len(line) > LINE_CHARS

    @property
    def text_width(self) -> float:
        return NODE_WIDTH - 20

    @property
    def cx(self) -> float:
        return self.x + NODE_WIDTH / 2

    @property
    def cy(self) -> float:
        return self.y + NODE_HEIGHT / 2

    @property
    def rx(self) -> float:
        return NODE_WIDTH / 2

    @property
    def ry(self) -> float:
        return NODE_HEIGHT / 2

    @property
    def points(self) -> str:
        """The house outline of an agent: a roof over a box."""
        x, y, w, h = self.x, self.y, NODE_WIDTH, NODE_HEIGHT
        roof = h * 0.28
        corners = [(x, y + roof), (x + w / 2, y), (x + w, y + roof), (x + w, y + h), (x, y + h)]
        return " ".join(f"{px:g},{py:g}" for px, py in corners)


@dataclass(frozen=True, slots=True)
class Edge:
    """An arrow from a node to the hop it cites, labelled with the relation and cue."""

    x1: float
    y1: float
    x2: float
    y2: float
    label: str
    title: str
    cross_document: bool

    @property
    def label_x(self) -> float:
        return (self.x1 + self.x2) / 2

    @property
    def label_y(self) -> float:
        return (self.y1 + self.y2) / 2 + 4


@dataclass(frozen=True, slots=True)
class Diagram:
    """A laid-out walk: nodes in walk order (the document first), edges, the canvas size."""

    statement_id: int
    width: float
    height: float
    nodes: list[Node]
    edges: list[Edge]


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def name_lines(name: str) -> tuple[str, ...]:
    """``name`` as one line, or as two split at the space nearest its middle."""
    if len(name) <= LABEL_CHARS or " " not in name:
        return (name,)
    spaces = [i for i, ch in enumerate(name) if ch == " "]
    cut = min(spaces, key=lambda i: abs(len(name) - 2 * i))
    return (name[:cut], name[cut + 1 :])


def _columns(hops: list[WalkHop]) -> dict[int | None, float]:
    """Each hop's column: leaves take the next free column, parents centre over children."""
    children: dict[int | None, list[int]] = {}
    for hop in hops:
        children.setdefault(hop.parent, []).append(hop.index)
    column: dict[int | None, float] = {}
    next_leaf = 0

    def place(index: int | None) -> float:
        nonlocal next_leaf
        below = children.get(index, [])
        if not below:
            column[index] = float(next_leaf)
            next_leaf += 1
        else:
            placed = [place(child) for child in below]
            column[index] = (placed[0] + placed[-1]) / 2
        return column[index]

    place(None)
    return column


def _hop_node(hop: WalkHop, walk: Walk, x: float, y: float) -> Node:
    source = hop.source
    elsewhere = hop.document_id != walk.document_id
    notes = []
    if source.state_media:
        notes.append("state media")
    if elsewhere:
        notes.append(f"in document {hop.document_id}")
    cut = not hop.is_primary and not any(h.parent == hop.index for h in walk.hops)
    if cut:
        notes.append("cut here")
    classes = ["node", "entity" if source.kind in ENTITY_KINDS else "agent", source.kind]
    classes += [c for c, on in (("state", source.state_media), ("primary", hop.is_primary)) if on]
    title = f"{source.name} ({source.kind.replace('_', ' ')})"
    if hop.is_primary:
        title += ", primary source"
    return Node(
        x=x,
        y=y,
        label=source.name,
        title=title,
        note=", ".join(notes) or None,
        shape="entity" if source.kind in ENTITY_KINDS else "agent",
        classes=" ".join(classes),
        source_id=source.id,
        href=statement_href(hop.document_id, hop.statement_id)
        if elsewhere
        else f"/sources/{source.id}",
    )


def chain_diagram(walk: Walk, document_label: str) -> Diagram:
    """Lay out ``walk`` under a node for its document (``document_label``)."""
    column = _columns(walk.hops)
    width = max(column.values(), default=0.0) + 1
    root_x = SIDE + column[None] * COLUMN
    nodes = [
        Node(
            x=root_x,
            y=MARGIN,
            label=_short(document_label, DOCUMENT_LABEL_CHARS),
            title=document_label,
            note=None,
            shape="entity",
            classes="node entity document-node",
            source_id=None,
            href=None,
        )
    ]
    edges = []
    for hop in walk.hops:
        node = _hop_node(
            hop, walk, SIDE + column[hop.index] * COLUMN, MARGIN + (hop.position + 1) * ROW
        )
        parent = nodes[0] if hop.parent is None else nodes[hop.parent + 1]
        nodes.append(node)
        label = hop.relation.replace("_", " ") + (f" · {hop.cue}" if hop.cue else "")
        edges.append(
            Edge(
                x1=parent.cx,
                y1=parent.y + NODE_HEIGHT,
                x2=node.cx,
                y2=node.y,
                label=_short(label, EDGE_LABEL_CHARS),
                title=label,
                cross_document=hop.parent is not None
                and walk.hops[hop.parent].document_id != hop.document_id,
            )
        )
    depth = max((h.position for h in walk.hops), default=-1) + 2
    return Diagram(
        statement_id=walk.statement_id,
        width=2 * SIDE + (width - 1) * COLUMN + NODE_WIDTH,
        height=2 * MARGIN + (depth - 1) * ROW + NODE_HEIGHT + 16,
        nodes=nodes,
        edges=edges,
    )
