"""Review writes on statements, hops and documents: statuses, corrections, chains, links.

Each function changes rows in the caller's transaction and bumps their versions; the
review actions (tracker.review.actions) lock the row, check its version, call one of
these and write the audit row beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from tracker.errors import NotFoundError, ValidationError
from tracker.provenance.identity import fingerprint
from tracker.store.holds import hold_targets
from tracker.store.inputs import ChainHopIn, SourceIn, StatementEdit
from tracker.store.validation import (
    validate_chain,
    validate_source,
    validate_span,
    validate_statement_kind,
)
from tracker.store.writer import HopRow, insert_reviewed_hops, resolve_sources
from tracker.vocabulary import REJECTED

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_STATEMENT_SQL = text(
    """
    SELECT st.id, st.document_id, st.start_offset, st.end_offset, st.kind, st.text,
           st.speaker_id, st.speaker_surface, d.text AS document_text
    FROM statement st JOIN document d ON d.id = st.document_id
    WHERE st.id = :id
    """
)
_SET_STATUS_SQL = text(
    """
    UPDATE statement SET review_status = :status, reviewed_by = :by, reviewed_at = now(),
                         version = version + 1
    WHERE id = :id
    """
)
_CONFIRM_HOPS_SQL = text(
    """
    UPDATE citation SET review_status = 'confirmed', reviewed_by = :by, reviewed_at = now(),
                        version = version + 1
    WHERE statement_id = :id AND review_status = 'unreviewed'
    """
)
_EDIT_STATEMENT_SQL = text(
    """
    UPDATE statement SET start_offset = :start, end_offset = :end, text = :text,
                         fingerprint = :fingerprint, kind = :kind, speaker_id = :speaker_id,
                         speaker_surface = :speaker_surface, review_status = 'edited',
                         reviewed_by = :by, reviewed_at = now(), version = version + 1
    WHERE id = :id
    """
)
_MOVE_SPEAKER_HOPS_SQL = text(
    """
    UPDATE citation SET source_id = :new, source_surface = :surface, review_status = 'edited',
                        reviewed_by = :by, reviewed_at = now(), version = version + 1
    WHERE statement_id = :id AND source_id = :old
    """
)
_SOURCE_SQL = text(
    "SELECT id, name, kind, scope_document_id, merged_into FROM source WHERE id = :id"
)
_DELETE_HOPS_SQL = text("DELETE FROM citation WHERE statement_id = :id")
_SET_UPSTREAM_SQL = text(
    """
    UPDATE citation
    SET upstream_statement_id = :upstream, upstream_document_id = :upstream_document,
        link_method = CASE WHEN CAST(:upstream AS bigint) IS NULL THEN NULL ELSE 'manual' END,
        link_similarity = NULL, inverted_statement_id = NULL, review_status = 'edited',
        reviewed_by = :by, reviewed_at = now(), version = version + 1
    WHERE id = :id
    """
)
_HOP_SQL = text("SELECT id, statement_id FROM citation WHERE id = :id")
_UPSTREAM_SQL = text("SELECT id, document_id, review_status FROM statement WHERE id = :id")
_DOCUMENT_REVIEWED_SQL = text(
    """
    UPDATE document SET reviewed_by = :by, reviewed_at = now(), version = version + 1
    WHERE id = :id
    """
)


def _statement(session: Session, statement_id: int) -> Any:
    row = session.execute(_STATEMENT_SQL, {"id": statement_id}).first()
    if row is None:
        raise NotFoundError("statement", statement_id)
    return row


def set_statement_status(session: Session, statement_id: int, status: str, by: str) -> None:
    """Confirm or reject a statement; confirming also confirms its unreviewed hops."""
    _statement(session, statement_id)
    session.execute(_SET_STATUS_SQL, {"id": statement_id, "status": status, "by": by})
    if status == "confirmed":
        session.execute(_CONFIRM_HOPS_SQL, {"id": statement_id, "by": by})


@dataclass(frozen=True, slots=True)
class ChosenSource:
    """A source a reviewer named, resolved to a stored one (None: no speaker)."""

    id: int | None
    surface: str | None


def stored_source(session: Session, source_id: int, document_id: int, field: str) -> ChosenSource:
    """A stored source given by id in a review of ``document_id``'s statements.

    A merged source stands for the one it was merged into; an anonymous source belongs
    to its own document and cannot be named from another one.
    """
    row = session.execute(_SOURCE_SQL, {"id": source_id}).first()
    if row is not None and row.merged_into is not None:
        row = session.execute(_SOURCE_SQL, {"id": row.merged_into}).first()
    if row is None:
        raise ValidationError(
            f"source {source_id} does not exist",
            [{"field": field, "message": f"source {source_id} does not exist"}],
        )
    if row.kind == "anonymous" and row.scope_document_id != document_id:
        raise ValidationError(
            f"anonymous source {source_id} belongs to another document",
            [{"field": field, "message": "anonymous sources are never shared across documents"}],
        )
    return ChosenSource(int(row.id), None)


def _named_source(session: Session, document_id: int, source: SourceIn) -> ChosenSource:
    return ChosenSource(
        resolve_sources(session, document_id, [(source, source.name)])[0], source.name
    )


def edit_statement(session: Session, statement_id: int, edit: StatementEdit, by: str) -> None:
    """Correct a statement's span, kind or speaker; it becomes ``edited``.

    A new speaker replaces the old one on every hop of the statement's own chain that
    named the old one, so the chain and the speaker keep telling one story.
    """
    if edit.is_empty():
        raise ValidationError("nothing to change: give start and end, kind or speaker")
    row = _statement(session, statement_id)
    start = row.start_offset if edit.start is None else edit.start
    end = row.end_offset if edit.end is None else edit.end
    validate_span(start, end, len(row.document_text))
    kind = row.kind if edit.kind is None else edit.kind
    validate_statement_kind(kind)
    speaker = ChosenSource(row.speaker_id, row.speaker_surface)
    if edit.speaker is not None and edit.speaker_id is not None:
        raise ValidationError(
            "give the speaker by name and kind, or by id, not both", [{"field": "speaker"}]
        )
    if edit.speaker is not None:
        validate_source(edit.speaker, "speaker")
        speaker = _named_source(session, row.document_id, edit.speaker)
    elif edit.speaker_id is not None:
        speaker = stored_source(session, edit.speaker_id, row.document_id, "speaker.id")
    span = row.document_text[start:end]
    session.execute(
        _EDIT_STATEMENT_SQL,
        {
            "id": statement_id,
            "start": start,
            "end": end,
            "text": span,
            "fingerprint": fingerprint(span),
            "kind": kind,
            "speaker_id": speaker.id,
            "speaker_surface": speaker.surface,
            "by": by,
        },
    )
    if row.speaker_id is not None and speaker.id != row.speaker_id:
        session.execute(
            _MOVE_SPEAKER_HOPS_SQL,
            {
                "id": statement_id,
                "old": row.speaker_id,
                "new": speaker.id,
                "surface": speaker.surface,
                "by": by,
            },
        )


def replace_chain(
    session: Session, statement_id: int, chain: tuple[ChainHopIn, ...], by: str
) -> None:
    """Replace the statement's chain with ``chain`` (nearest relay first); it becomes
    ``edited`` and so do the new hops (origin ``manual``).

    Sources named by name and kind resolve as the extractor's mentions do. The speaker
    stays when the new chain still names it; otherwise the primary source (the last
    hop) becomes the speaker.
    """
    validate_chain(chain)
    row = _statement(session, statement_id)
    named = [hop.source for hop in chain if hop.source is not None]
    resolved = iter(resolve_sources(session, row.document_id, [(s, s.name) for s in named]))
    hops = []
    for index, hop in enumerate(chain):
        if hop.source is not None:
            chosen = ChosenSource(next(resolved), hop.source.name)
        else:
            assert hop.source_id is not None
            chosen = stored_source(session, hop.source_id, row.document_id, f"chain[{index}]")
        assert chosen.id is not None
        hops.append(HopRow(chosen.id, chosen.surface, hop.relation, hop.cue))
    session.execute(_DELETE_HOPS_SQL, {"id": statement_id})
    insert_reviewed_hops(
        session, statement_id, row.document_id, hops, review_status="edited", reviewed_by=by
    )
    speaker = ChosenSource(row.speaker_id, row.speaker_surface)
    if row.speaker_id not in {h.source_id for h in hops}:
        speaker = ChosenSource(hops[-1].source_id, hops[-1].surface)
    session.execute(
        _EDIT_STATEMENT_SQL,
        {
            "id": statement_id,
            "start": row.start_offset,
            "end": row.end_offset,
            "text": row.text,
            "fingerprint": fingerprint(row.text),
            "kind": row.kind,
            "speaker_id": speaker.id,
            "speaker_surface": speaker.surface,
            "by": by,
        },
    )


def hop_statement_id(session: Session, citation_id: int) -> int:
    """The statement whose chain the hop is part of."""
    row = session.execute(_HOP_SQL, {"id": citation_id}).first()
    if row is None:
        raise NotFoundError("citation", citation_id)
    return int(row.statement_id)


def set_upstream(session: Session, citation_id: int, upstream_id: int | None, by: str) -> None:
    """Continue the hop into another document's statement, or (None) stop doing so.

    The hop becomes ``edited``, so re-extraction and the automatic linker leave it be.
    """
    own_statement = hop_statement_id(session, citation_id)
    upstream_document = None
    if upstream_id is not None:
        target = session.execute(_UPSTREAM_SQL, {"id": upstream_id}).first()
        field = [{"field": "statement_id", "message": ""}]
        if target is None or not hold_targets(session, [(upstream_id, target.document_id)]):
            field[0]["message"] = f"statement {upstream_id} does not exist"
        elif target.id == own_statement:
            field[0]["message"] = "a hop cannot continue into its own statement"
        elif target.review_status == REJECTED:
            field[0]["message"] = f"statement {upstream_id} was rejected in review"
        if field[0]["message"]:
            raise ValidationError(field[0]["message"], field)
        assert target is not None  # refused above when missing
        upstream_document = target.document_id
    session.execute(
        _SET_UPSTREAM_SQL,
        {
            "id": citation_id,
            "upstream": upstream_id,
            "upstream_document": upstream_document,
            "by": by,
        },
    )


def mark_document_reviewed(session: Session, document_id: int, by: str) -> None:
    """Record that someone reviewed the document as a whole."""
    result = session.execute(_DOCUMENT_REVIEWED_SQL, {"id": document_id, "by": by})
    if result.rowcount == 0:  # type: ignore[attr-defined]
        raise NotFoundError("document", document_id)
