"""Finding the same quote elsewhere: fingerprint hits and full-text candidates, verified."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, Table, cast, exists, func, literal_column, select, text, true
from sqlalchemy.dialects.postgresql import REGCONFIG
from sqlmodel import SQLModel

from tracker.models import Citation, Document, Statement
from tracker.provenance.identity import (
    MATCH_THRESHOLD,
    candidate_query,
    fingerprint,
    search_config,
    similarity,
)
from tracker.provenance.rarity import common_words
from tracker.store.visibility import visible

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement
    from sqlalchemy.orm import Session

CANDIDATE_LIMIT = 100
"""Full-text candidates verified per lookup; ranked, so the likeliest come first."""


@dataclass(frozen=True, slots=True)
class Match:
    """A stored statement that carries the same (or a lightly edited) quote."""

    statement_id: int
    document_id: int
    text: str
    fingerprint: str
    similarity: float
    published_at: datetime | None
    outlet_id: int | None
    speaker_id: int | None
    kind: str


_statement: Table = SQLModel.metadata.tables[Statement.__tablename__]
_document: Table = SQLModel.metadata.tables[Document.__tablename__]
_citation: Table = SQLModel.metadata.tables[Citation.__tablename__]

_CUSTOM_PLANS = text("SET LOCAL plan_cache_mode = force_custom_plan")
"""The right plan depends on the words asked for (rare pair: GIN; none: nothing); a
cached generic plan knows no words and falls back to scanning every statement."""


def _candidates(filters: list[ColumnElement[bool]]) -> Select[Any]:
    """Statements with their document's time and outlet, filtered."""
    st, doc = _statement.c, _document.c
    return (
        select(
            st.id,
            st.document_id,
            st.text,
            st.fingerprint,
            st.speaker_id,
            st.kind,
            doc.published_at,
            doc.outlet_id,
        )
        .select_from(_statement.join(_document, doc.id == st.document_id))
        .where(*filters)
    )


def _filters(
    outlet_id: int | None, citing_source_id: int | None, exclude_document_id: int | None
) -> list[ColumnElement[bool]]:
    st, doc, c = _statement.c, _document.c, _citation.c
    filters: list[ColumnElement[bool]] = [visible("statement")]
    if outlet_id is not None:
        filters.append(doc.outlet_id == outlet_id)
    if exclude_document_id is not None:
        filters.append(st.document_id != exclude_document_id)
    if citing_source_id is not None:
        filters.append(
            exists().where(
                c.document_id == st.document_id,
                c.statement_id == st.id,
                c.source_id == citing_source_id,
                c.upstream_statement_id.is_(None),
            )
        )
    return filters


def _by_search(
    filters: list[ColumnElement[bool]], query: str, language: str | None, limit: int
) -> Select[Any]:
    """Full-text candidates: the words as written or the language's stems, best rank first."""
    words = select(
        func.to_tsquery(literal_column("'simple'"), query)
        .op("||")(func.to_tsquery(cast(search_config(language), REGCONFIG), query))
        .label("query")
    ).subquery("q")
    vector = _statement.c.search_vector
    return (
        _candidates([vector.bool_op("@@")(words.c.query), *filters])
        .join(words, true())
        .order_by(func.ts_rank(vector, words.c.query).desc(), _statement.c.id)
        .limit(limit)
    )


def find_matches(
    session: Session,
    quote: str,
    *,
    language: str | None = None,
    outlet_id: int | None = None,
    citing_source_id: int | None = None,
    exclude_document_id: int | None = None,
    threshold: float = MATCH_THRESHOLD,
    limit: int = CANDIDATE_LIMIT,
) -> list[Match]:
    """Statements whose text matches ``quote``, best first, each with its similarity.

    Exact fingerprint hits come from a hash index; near misses (a changed word, a
    truncation, reordered clauses) from a GIN full-text index, then are verified here.
    ``outlet_id`` keeps documents of one outlet; ``citing_source_id`` keeps statements
    with a not-yet-linked hop citing that source.
    """
    fp = fingerprint(quote)
    if not fp:
        return []
    filters = _filters(outlet_id, citing_source_id, exclude_document_id)
    session.execute(_CUSTOM_PLANS)
    found: dict[int, Match] = {}
    by_fingerprint = _candidates([_statement.c.fingerprint == fp, *filters]).limit(limit)
    for row in session.execute(by_fingerprint):
        found[row.id] = _match(row, 1.0)
    query = candidate_query(quote, common_words(session))
    if query is not None:
        for row in session.execute(_by_search(filters, query, language, limit)):
            if row.id in found:
                continue
            score = 1.0 if row.fingerprint == fp else similarity(quote, row.text)
            if score >= threshold:
                found[row.id] = _match(row, score)
    return sorted(found.values(), key=lambda m: (-m.similarity, m.statement_id))


def _match(row: Any, score: float) -> Match:
    return Match(
        statement_id=row.id,
        document_id=row.document_id,
        text=row.text,
        fingerprint=row.fingerprint,
        similarity=score,
        published_at=row.published_at,
        outlet_id=row.outlet_id,
        speaker_id=row.speaker_id,
        kind=row.kind,
    )
