"""The walk: a statement's chain back to its primary sources, in one recursive query."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from tracker.errors import NotFoundError, ValidationError
from tracker.store.names import names_compatible
from tracker.vocabulary import NAMED_PRIMARY_KINDS

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

DEFAULT_MAX_DEPTH = 32
MAX_DEPTH_LIMIT = 1000

NEXT_HOPS_SQL = """
        CROSS JOIN LATERAL (
            SELECT u.* FROM citation u
            WHERE w.upstream_statement_id IS NOT NULL
              AND u.statement_id = w.upstream_statement_id AND u.parent_id IS NULL
          UNION ALL
            SELECT k.* FROM citation k
            WHERE w.upstream_statement_id IS NULL AND k.parent_id = w.citation_id
        ) n
"""
"""The recursive step of every walk: into the upstream statement's roots when the hop
is linked to another document, else down to the hop's children (``w`` is the walk)."""

IS_LEAF_SQL = """
    CASE
        WHEN w.upstream_statement_id IS NOT NULL
            THEN NOT EXISTS (SELECT 1 FROM citation r
                             WHERE r.statement_id = w.upstream_statement_id
                               AND r.parent_id IS NULL)
        ELSE NOT EXISTS (SELECT 1 FROM citation k WHERE k.parent_id = w.citation_id)
    END
"""
"""True for a hop the walk cannot continue from: a primary source (or a dead end)."""

# One query walks the whole tree (see NEXT_HOPS_SQL). CYCLE marks a hop met twice on
# one path and stops there; the depth bound stops runaway chains. Sources are joined
# inside the recursion and upstream statements through LATERAL lookups, so every join
# is an index probe: the planner cannot know how few rows a walk has.
WALK_SQL = text(
    """
    WITH RECURSIVE walk (
        citation_id, statement_id, document_id, parent_walk_id, source_id, source_name,
        source_kind, source_state_media, relation, cue, evidence_start, evidence_end,
        upstream_statement_id, link_method, link_similarity, inverted_statement_id, depth,
        sort_path
    ) AS (
        SELECT c.id, c.statement_id, c.document_id, NULL::bigint, c.source_id, s.name,
               s.kind, s.state_media, c.relation, c.cue, c.evidence_start, c.evidence_end,
               c.upstream_statement_id, c.link_method, c.link_similarity,
               c.inverted_statement_id, 0, ARRAY[c.position::bigint, c.id]
        FROM citation c JOIN source s ON s.id = c.source_id
        WHERE c.statement_id = :statement_id AND c.parent_id IS NULL
      UNION ALL
        SELECT n.id, n.statement_id, n.document_id, w.citation_id, n.source_id, s.name,
               s.kind, s.state_media, n.relation, n.cue, n.evidence_start, n.evidence_end,
               n.upstream_statement_id, n.link_method, n.link_similarity,
               n.inverted_statement_id, w.depth + 1,
               w.sort_path || ARRAY[n.position::bigint, n.id]
        FROM walk w
    """
    + NEXT_HOPS_SQL
    + """
        JOIN source s ON s.id = n.source_id
        WHERE w.depth < :max_depth
    ) CYCLE citation_id SET is_cycle USING cycle_path
    SELECT w.citation_id, w.statement_id, w.document_id, w.parent_walk_id, w.depth,
           w.relation, w.cue, w.evidence_start, w.evidence_end, w.upstream_statement_id,
           w.link_method, w.link_similarity, w.inverted_statement_id, w.is_cycle,
           w.source_id, w.source_name, w.source_kind, w.source_state_media,
           up.speaker_id AS upstream_speaker_id, up.speaker_name AS upstream_speaker_name,
           (w.upstream_statement_id IS NOT NULL AND up.id IS NULL) AS is_broken,
           up.document_id AS upstream_document_id,
    """
    + IS_LEAF_SQL
    + """ AS is_leaf
    FROM walk w
    LEFT JOIN LATERAL (
        SELECT st.id, st.document_id, st.speaker_id, sp.name AS speaker_name
        FROM statement st LEFT JOIN source sp ON sp.id = st.speaker_id
        WHERE st.id = w.upstream_statement_id
    ) up ON TRUE
    ORDER BY w.sort_path
    """
)

_STATEMENT_SQL = text(
    "SELECT st.id, st.document_id, sp.name AS speaker_name FROM statement st "
    "LEFT JOIN source sp ON sp.id = st.speaker_id WHERE st.id = :id"
)


@dataclass(frozen=True, slots=True)
class SourceBrief:
    """The part of a source a walk shows."""

    id: int
    name: str
    kind: str
    state_media: bool = False


@dataclass(frozen=True, slots=True)
class WalkHop:
    """One hop met on the walk, in walk order (parents before children)."""

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

    def to_dict(self) -> dict[str, Any]:
        """The API's JSON shape of a walk."""
        return {
            "statement_id": self.statement_id,
            "document_id": self.document_id,
            "hops": [asdict(h) for h in self.hops],
            "primary_sources": [asdict(s) for s in self.primary_sources],
            "flags": list(self.flags),
            "depth": self.depth,
            "max_depth": self.max_depth,
        }


def walk(session: Session, statement_id: int, max_depth: int = DEFAULT_MAX_DEPTH) -> Walk:
    """Follow ``statement_id``'s chain across documents to its primary sources.

    Always terminates: cycles are flagged ``circular``, chains deeper than ``max_depth``
    hops are cut and flagged ``truncated``.
    """
    if not 1 <= max_depth <= MAX_DEPTH_LIMIT:
        raise ValidationError(f"max_depth must be between 1 and {MAX_DEPTH_LIMIT}")
    head = session.execute(_STATEMENT_SQL, {"id": statement_id}).first()
    if head is None:
        raise NotFoundError("statement", statement_id)
    rows = session.execute(
        WALK_SQL, {"statement_id": statement_id, "max_depth": max_depth - 1}
    ).all()
    return build_walk(statement_id, head.document_id, rows, max_depth, head.speaker_name)


def build_walk(
    statement_id: int,
    document_id: int,
    rows: Any,
    max_depth: int,
    speaker_name: str | None = None,
) -> Walk:
    """Turn the walk query's rows into a Walk with its primary sources and fact-check flags.

    Beyond the walk's own flags (complete, anonymous, circular, truncated, broken):
    ``altered`` when a link was fuzzy (the wording drifted from the upstream statement),
    ``misattributed`` when an upstream statement names another speaker,
    ``time_inversion`` when the cited outlet only said it later, ``state_media_origin``
    when the words passed through state media, ``anonymous_only`` when every primary
    source is anonymous.
    """
    result = Walk(statement_id=statement_id, document_id=document_id, max_depth=max_depth)
    index_of: dict[int, int] = {}
    flags: set[str] = set()
    primaries: dict[int, SourceBrief] = {}
    for row in rows:
        if row.is_cycle:
            flags.add("circular")
            continue
        source = SourceBrief(
            row.source_id, row.source_name, row.source_kind, row.source_state_media
        )
        truncated = row.depth >= max_depth - 1 and not row.is_leaf and not row.is_broken
        is_primary = bool(row.is_leaf or row.is_broken) and not truncated
        link = None
        if row.link_method is not None:
            link = {"method": row.link_method, "similarity": row.link_similarity}
        hop = WalkHop(
            index=len(result.hops),
            position=row.depth,
            parent=index_of.get(row.parent_walk_id) if row.parent_walk_id else None,
            source=source,
            relation=row.relation,
            cue=row.cue,
            citation_id=row.citation_id,
            statement_id=row.statement_id,
            document_id=row.document_id,
            evidence_start=row.evidence_start,
            evidence_end=row.evidence_end,
            continues_statement_id=row.upstream_statement_id,
            continues_document_id=row.upstream_document_id,
            link=link,
            inverted_statement_id=row.inverted_statement_id,
            is_primary=is_primary,
        )
        index_of[row.citation_id] = hop.index
        result.hops.append(hop)
        if row.is_broken:
            flags.add("broken")
        if row.inverted_statement_id is not None:
            flags.add("time_inversion")
        if row.link_similarity is not None and row.link_similarity < 1.0:
            flags.add("altered")
        if (
            row.upstream_speaker_name is not None
            and speaker_name is not None
            and not names_compatible(row.upstream_speaker_name, speaker_name)
        ):
            flags.add("misattributed")
        if source.state_media:
            flags.add("state_media_origin")
        if truncated:
            flags.add("truncated")
        if is_primary:
            primaries.setdefault(source.id, source)
    result.primary_sources = list(primaries.values())
    kinds = {s.kind for s in result.primary_sources}
    if any(s.kind == "anonymous" for s in result.primary_sources):
        flags.add("anonymous")
        if all(s.kind == "anonymous" for s in result.primary_sources):
            flags.add("anonymous_only")
    if kinds and kinds <= NAMED_PRIMARY_KINDS and not flags & {"circular", "truncated", "broken"}:
        flags.add("complete")
    result.flags = sorted(flags)
    return result
