"""The same statement across documents: appearances, first appearance, lookup by text."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from tracker.chains import SourceBrief, walk
from tracker.errors import NotFoundError, ValidationError
from tracker.fingerprint import fingerprint, word_diff
from tracker.matching import Match, find_matches
from tracker.store.names import names_compatible

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

MAX_QUOTE_LENGTH = 5000
APPEARANCE_LIMIT = 100


@dataclass(frozen=True, slots=True)
class Appearance:
    """One document carrying the statement (or a lightly edited version of it)."""

    statement_id: int
    document_id: int
    outlet: str | None
    published_at: datetime | None
    speaker: dict[str, Any] | None
    similarity: float
    first_appearance: bool
    text: str
    chain: list[dict[str, Any]]
    primary_sources: list[SourceBrief]
    flags: list[str]
    diff: list[dict[str, Any]] | None = None


@dataclass(slots=True)
class Appearances:
    """Every appearance of a statement, oldest first (unknown time last)."""

    statement_id: int
    items: list[Appearance] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_CONTEXT_SQL = text(
    """
    SELECT s.id, s.document_id, s.text, s.speaker_id, s.kind, s.fingerprint,
           d.published_at, d.language, o.name AS outlet,
           sp.name AS speaker_name, sp.kind AS speaker_kind
    FROM statement s JOIN document d ON d.id = s.document_id
    LEFT JOIN source o ON o.id = d.outlet_id
    LEFT JOIN source sp ON sp.id = s.speaker_id
    WHERE s.id = ANY(:ids)
    """
)


def order_key(row: Any) -> tuple[bool, float, int]:
    """Publication order: oldest first, unknown time last, then by document."""
    published = row["published_at"]
    return (published is None, published.timestamp() if published else 0.0, row["document_id"])


def build_appearances(
    session: Session, statement_id: int, matches: list[Match], similarities: dict[int, float]
) -> Appearances:
    """Appearances of ``statement_id`` among ``matches`` with their fact-check flags."""
    ids = sorted({m.statement_id for m in matches} | {statement_id})
    rows = {r.id: r._asdict() for r in session.execute(_CONTEXT_SQL, {"ids": ids})}
    if statement_id not in rows:
        raise NotFoundError("statement", statement_id)
    ordered = sorted(rows.values(), key=order_key)
    first = ordered[0]
    walks = {r["id"]: walk(session, r["id"]) for r in ordered}
    result = Appearances(statement_id=statement_id)
    primaries_per_document: dict[int, frozenset[int]] = {}
    for row in ordered:
        w = walks[row["id"]]
        flags = set(w.flags)
        diff = None
        if row["id"] != first["id"]:
            if row["fingerprint"] != first["fingerprint"]:
                flags.add("altered")
                diff = word_diff(first["text"], row["text"])
            if different_speaker(row, first):
                flags.add("misattributed")
        primaries_per_document[row["document_id"]] = frozenset(s.id for s in w.primary_sources)
        speaker = None
        if row["speaker_id"] is not None:
            speaker = {
                "id": row["speaker_id"],
                "name": row["speaker_name"],
                "kind": row["speaker_kind"],
            }
        result.items.append(
            Appearance(
                statement_id=row["id"],
                document_id=row["document_id"],
                outlet=row["outlet"],
                published_at=row["published_at"],
                speaker=speaker,
                similarity=1.0 if row["id"] == statement_id else similarities.get(row["id"], 0.0),
                first_appearance=row["id"] == first["id"],
                text=row["text"],
                chain=[
                    {
                        "position": h.position,
                        "source": asdict(h.source),
                        "relation": h.relation,
                        "document_id": h.document_id,
                    }
                    for h in w.hops
                ],
                primary_sources=w.primary_sources,
                flags=sorted(flags),
                diff=diff,
            )
        )
    distinct = set(primaries_per_document.values())
    if len(primaries_per_document) >= 2 and len(distinct) == 1 and len(next(iter(distinct))) == 1:
        # several documents, one origin: the illusion of independent confirmation
        result.flags.append("single_source")
        result.items = [_with_flag(item, "single_source") for item in result.items]
    if any("misattributed" in i.flags for i in result.items):
        result.flags.append("misattributed")
    if any("altered" in i.flags for i in result.items):
        result.flags.append("altered")
    result.flags.sort()
    return result


def _with_flag(item: Appearance, flag: str) -> Appearance:
    data = {f: getattr(item, f) for f in item.__dataclass_fields__}
    data["flags"] = sorted({*item.flags, flag})
    return Appearance(**data)


def different_speaker(row: dict[str, Any], first: dict[str, Any]) -> bool:
    """Whether ``row`` names another speaker than the first appearance (misattribution)."""
    if row["speaker_id"] is None or first["speaker_id"] is None:
        return False
    if row["speaker_id"] == first["speaker_id"]:
        return False
    if "anonymous" in (row["speaker_kind"], first["speaker_kind"]):
        return False  # an unnamed relay of a named quote is not a misattribution
    return not names_compatible(row["speaker_name"], first["speaker_name"])


_STATEMENT_SQL = text(
    "SELECT s.text, d.language FROM statement s JOIN document d ON d.id = s.document_id "
    "WHERE s.id = :id"
)


def appearances(session: Session, statement_id: int) -> Appearances:
    """Every document carrying the same or a similar statement, oldest first."""
    row = session.execute(_STATEMENT_SQL, {"id": statement_id}).first()
    if row is None:
        raise NotFoundError("statement", statement_id)
    matches = find_matches(session, row.text, language=row.language, limit=APPEARANCE_LIMIT)
    return build_appearances(
        session, statement_id, matches, {m.statement_id: m.similarity for m in matches}
    )


@dataclass(frozen=True, slots=True)
class ProvenanceItem:
    """A stored statement matching a pasted quote, with where it first appeared."""

    statement_id: int
    document_id: int
    text: str
    similarity: float
    speaker: dict[str, Any] | None
    first_appearance: dict[str, Any]
    primary_sources: list[SourceBrief]
    flags: list[str]


def lookup(
    session: Session, quote: str, *, language: str | None = None, limit: int = 10
) -> list[ProvenanceItem]:
    """Best-matching statements for a pasted quote, each with first appearance and origin."""
    if not fingerprint(quote):
        raise ValidationError("quote must contain words", [{"field": "quote"}])
    if len(quote) > MAX_QUOTE_LENGTH:
        raise ValidationError(
            f"quote longer than {MAX_QUOTE_LENGTH} characters", [{"field": "quote"}]
        )
    if not 1 <= limit <= 50:
        raise ValidationError("limit must be between 1 and 50", [{"field": "limit"}])
    matches = find_matches(session, quote, language=language)
    if not matches:
        return []
    top = matches[:limit]
    rows = {
        r.id: r._asdict()
        for r in session.execute(_CONTEXT_SQL, {"ids": [m.statement_id for m in matches]})
    }
    first = min(rows.values(), key=order_key)
    items = []
    for match in top:
        row = rows[match.statement_id]
        w = walk(session, match.statement_id)
        flags = set(w.flags)
        if row["id"] != first["id"]:
            if row["fingerprint"] != first["fingerprint"]:
                flags.add("altered")
            if different_speaker(row, first):
                flags.add("misattributed")
        items.append(
            ProvenanceItem(
                statement_id=match.statement_id,
                document_id=match.document_id,
                text=match.text,
                similarity=match.similarity,
                speaker=(
                    {"id": row["speaker_id"], "name": row["speaker_name"]}
                    if row["speaker_id"] is not None
                    else None
                ),
                first_appearance={
                    "statement_id": first["id"],
                    "document_id": first["document_id"],
                    "published_at": first["published_at"],
                },
                primary_sources=w.primary_sources,
                flags=sorted(flags),
            )
        )
    return items
