"""What a walk returns: the hops met, the primary sources reached, the flags raised."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple

from tracker.views import SourceBrief

DEFAULT_MAX_DEPTH = 32
MAX_DEPTH_LIMIT = 1000


class WalkRow(NamedTuple):
    """One row of the walk query (``tracker.walk.sql.WALK_SQL``) for one hop met."""

    citation_id: int
    statement_id: int
    document_id: int
    parent_walk_id: int | None
    """The citation that led here, or None for a nearest relay."""
    depth: int
    relation: str
    cue: str | None
    evidence_start: int | None
    evidence_end: int | None
    upstream_statement_id: int | None
    link_method: str | None
    link_similarity: float | None
    inverted_statement_id: int | None
    review_status: str
    is_cycle: bool
    source_id: int
    source_name: str
    source_kind: str
    source_state_media: bool
    upstream_speaker_name: str | None
    is_broken: bool
    """A link to a statement that no longer exists."""
    upstream_document_id: int | None
    is_leaf: bool
    """Nothing to follow from here: a primary source, or a dead end."""


@dataclass(frozen=True, slots=True)
class WalkHop:
    """One hop met on the walk, in walk order (parents before children).

    The one shape of a walked hop: the walk's JSON, the report's rows, the appearances'
    chains, the exports and the terminal tree are all drawn from it (see ``hop_json``).
    """

    index: int
    position: int
    """Depth from the nearest relay (0) towards the primary source."""
    parent: int | None
    """Index of the hop that cited this one, or None for a nearest relay."""
    source: SourceBrief
    relation: str
    cue: str | None
    citation_id: int
    statement_id: int
    document_id: int
    evidence_start: int | None
    evidence_end: int | None
    continues_statement_id: int | None
    """The statement in another document this hop's words are continued into."""
    continues_document_id: int | None
    link: dict[str, Any] | None
    """How that link was made: ``{"method", "similarity"}``."""
    inverted_statement_id: int | None
    """A matching statement of the cited outlet published later: a time inversion."""
    is_primary: bool
    review_status: str = "unreviewed"
    """Where fact-checkers stand on this hop; shown by reports, not by the walk's JSON."""


WALK_HOP_FIELDS = (
    "index",
    "position",
    "parent",
    "source",
    "relation",
    "cue",
    "citation_id",
    "statement_id",
    "document_id",
    "evidence_start",
    "evidence_end",
    "continues_statement_id",
    "continues_document_id",
    "link",
    "inverted_statement_id",
    "is_primary",
)
"""A hop in the walk's JSON (GET /statements/{id}/chain), in this order."""
REPORT_HOP_FIELDS = (
    "position",
    "parent",
    "source",
    "relation",
    "cue",
    "statement_id",
    "document_id",
    "continues_statement_id",
    "continues_document_id",
    "link",
    "review_status",
    "is_primary",
)
"""A hop in a document report's JSON, in this order."""
APPEARANCE_HOP_FIELDS = ("position", "source", "relation", "document_id")
"""A hop in an appearance's chain (GET /statements/{id}/appearances), in this order."""


def hop_json(hop: WalkHop, fields: tuple[str, ...]) -> dict[str, Any]:
    """The hop as one of its JSON contracts: ``fields`` in order, the source as a dict."""
    out: dict[str, Any] = {}
    for name in fields:
        value = getattr(hop, name)
        out[name] = asdict(value) if name == "source" else value
    return out


@dataclass(slots=True)
class Walk:
    """A statement's chain as walked: hops, primary sources and flags."""

    statement_id: int
    document_id: int
    hops: list[WalkHop] = field(default_factory=list)
    primary_sources: list[SourceBrief] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    max_depth: int = DEFAULT_MAX_DEPTH

    @property
    def depth(self) -> int:
        """Hops from the nearest relay to the deepest primary source."""
        return 1 + max((h.position for h in self.hops), default=-1)

    def to_json(self) -> dict[str, Any]:
        """The API's JSON of a walk (GET /statements/{id}/chain)."""
        return {
            "statement_id": self.statement_id,
            "document_id": self.document_id,
            "hops": [hop_json(h, WALK_HOP_FIELDS) for h in self.hops],
            "primary_sources": [asdict(s) for s in self.primary_sources],
            "flags": list(self.flags),
            "max_depth": self.max_depth,
        }

    def to_dict(self) -> dict[str, Any]:
        """The API's JSON with the walk's depth too (``tracker chain --json``)."""
        data = self.to_json()
        max_depth = data.pop("max_depth")
        return {**data, "depth": self.depth, "max_depth": max_depth}
