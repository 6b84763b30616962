"""Every document carrying a statement's words, oldest first, with the fact-check flags."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from tracker.errors import NotFoundError
from tracker.provenance.identity import word_diff
from tracker.provenance.matching import find_matches
from tracker.provenance.rules import Appearing, drift_flags, in_publication_order, is_single_source
from tracker.store.visibility import require_visible, visible_sql
from tracker.views import SourceBrief
from tracker.walk.model import APPEARANCE_HOP_FIELDS, hop_json
from tracker.walk.walker import walks

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from tracker.walk.model import Walk

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


_APPEARING_SQL = text(
    """
    SELECT s.id, s.document_id, s.text, s.fingerprint, d.published_at, d.language,
           o.name AS outlet, sp.id AS speaker_id, sp.name AS speaker_name,
           sp.kind AS speaker_kind, sp.state_media AS speaker_state_media
    FROM statement s JOIN document d ON d.id = s.document_id
    LEFT JOIN source o ON o.id = d.outlet_id
    LEFT JOIN source sp ON sp.id = s.speaker_id
    WHERE s.id = ANY(:ids) AND """
    + visible_sql("s")
)


def load_appearing(session: Session, statement_ids: Sequence[int]) -> dict[int, Appearing]:
    """The statements with what the appearance rules compare, in one query."""
    found: dict[int, Appearing] = {}
    for r in session.execute(_APPEARING_SQL, {"ids": list(statement_ids)}):
        found[r.id] = Appearing(
            statement_id=r.id,
            document_id=r.document_id,
            text=r.text,
            fingerprint=r.fingerprint,
            speaker=SourceBrief.from_row(r, "speaker"),
            published_at=r.published_at,
            outlet=r.outlet,
            language=r.language,
        )
    return found


def appearances(session: Session, statement_id: int) -> Appearances:
    """Every document carrying the same or a similar statement, oldest first."""
    require_visible(session, statement_id)
    own = load_appearing(session, [statement_id]).get(statement_id)
    if own is None:
        raise NotFoundError("statement", statement_id)
    matches = find_matches(session, own.text, language=own.language, limit=APPEARANCE_LIMIT)
    return build_appearances(session, statement_id, {m.statement_id: m.similarity for m in matches})


def build_appearances(
    session: Session, statement_id: int, similarities: dict[int, float]
) -> Appearances:
    """Appearances of ``statement_id`` among the statements of ``similarities``, with flags.

    Each appearance keeps its walk's flags and adds what the rules say against the
    first appearance; ``single_source`` goes on every item and on the whole.
    """
    similarities = {**similarities, statement_id: 1.0}
    found = load_appearing(session, sorted(similarities))
    if statement_id not in found:
        raise NotFoundError("statement", statement_id)
    ordered = in_publication_order(found.values())
    first = ordered[0]
    walked = walks(session, [(a.statement_id, a.document_id) for a in ordered])
    primaries = {sid: [s.id for s in w.primary_sources] for sid, w in walked.items()}
    common = {"single_source"} if is_single_source(ordered, primaries) else set()
    result = Appearances(statement_id=statement_id)
    for item in ordered:
        w = walked[item.statement_id]
        drift = drift_flags(item, first)
        result.items.append(
            _appearance(
                item,
                w,
                similarity=similarities.get(item.statement_id, 0.0),
                first=item is first,
                flags=sorted({*w.flags, *drift, *common}),
                diff=word_diff(first.text, item.text) if "altered" in drift else None,
            )
        )
    for flag in ("misattributed", "altered"):
        if any(flag in i.flags for i in result.items):
            common.add(flag)
    result.flags = sorted(common)
    return result


def _appearance(
    item: Appearing,
    w: Walk,
    *,
    similarity: float,
    first: bool,
    flags: list[str],
    diff: list[dict[str, Any]] | None,
) -> Appearance:
    speaker = None
    if item.speaker is not None:
        speaker = {"id": item.speaker.id, "name": item.speaker.name, "kind": item.speaker.kind}
    return Appearance(
        statement_id=item.statement_id,
        document_id=item.document_id,
        outlet=item.outlet,
        published_at=item.published_at,
        speaker=speaker,
        similarity=similarity,
        first_appearance=first,
        text=item.text,
        chain=[hop_json(h, APPEARANCE_HOP_FIELDS) for h in w.hops],
        primary_sources=w.primary_sources,
        flags=flags,
        diff=diff,
    )
