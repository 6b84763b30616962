"""Sources read back: one with its aliases and uses, and search by any word of a name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, any_, func, select, text
from sqlmodel import col

from tracker.errors import NotFoundError, ParameterError
from tracker.models import Source, SourceAlias
from tracker.store.names import normalize_name
from tracker.store.pagination import page_ids
from tracker.store.validation import check_text_param
from tracker.store.visibility import visible_sql
from tracker.views import Page, SourceBrief, SourceView
from tracker.vocabulary import SOURCE_KINDS

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_SOURCE_SQL = text(
    """
    SELECT s.id, s.name, s.kind, s.role, s.description, s.state_media, s.external_ids,
           s.version, s.merged_into,
           a.id AS affiliation_id, a.name AS affiliation_name, a.kind AS affiliation_kind,
           a.state_media AS affiliation_state_media,
           ARRAY(SELECT al.alias FROM source_alias al WHERE al.source_id = s.id
                 ORDER BY al.alias) AS aliases
    FROM source s LEFT JOIN source a ON a.id = s.affiliation_id
    WHERE s.id = ANY(CAST(:ids AS bigint[]))
    ORDER BY s.id
    """
)
"""A page of sources with their aliases (sources and aliases are small shared tables)."""
# How often each source is used, counted apart: statements and hops are sharded by
# document on Citus, where a subquery correlated with a source row is refused, while a
# count grouped by source runs on every shard and adds up.
_SPEAKER_COUNTS_SQL = text(
    """
    SELECT st.speaker_id AS id, count(*) AS n FROM statement st
    WHERE st.speaker_id = ANY(CAST(:ids AS bigint[])) AND {visible}
    GROUP BY st.speaker_id
    """.format(visible=visible_sql("st"))
)
_HOP_COUNTS_SQL = text(
    """
    SELECT c.source_id AS id, count(*) AS n FROM citation c
    JOIN statement cs ON cs.id = c.statement_id AND cs.document_id = c.document_id
    WHERE c.source_id = ANY(CAST(:ids AS bigint[])) AND {visible}
    GROUP BY c.source_id
    """.format(visible=visible_sql("cs"))
)


def _with_alias_words(words: str) -> ColumnElement[bool]:
    """Sources with an alias word matching ``words`` (a tsquery): ``id = ANY(ARRAY(...))``
    runs the index search once, first; with IN (...) the planner guesses thousands of
    matches for any prefix and walks every alias instead."""
    matching = select(col(SourceAlias.source_id)).where(
        col(SourceAlias.words).bool_op("@@")(func.to_tsquery("simple", words))
    )
    return col(Source.id) == any_(func.array(matching.scalar_subquery()))


def _source_views(session: Session, ids: list[int]) -> list[SourceView]:
    views: list[SourceView] = []
    if not ids:
        return views
    params = {"ids": ids}
    said = {r.id: r.n for r in session.execute(_SPEAKER_COUNTS_SQL, params)}
    cited = {r.id: r.n for r in session.execute(_HOP_COUNTS_SQL, params)}
    for r in session.execute(_SOURCE_SQL, params):
        affiliation = None
        if r.affiliation_id is not None:
            affiliation = SourceBrief(
                r.affiliation_id, r.affiliation_name, r.affiliation_kind, r.affiliation_state_media
            )
        views.append(
            SourceView(
                id=r.id,
                name=r.name,
                kind=r.kind,
                role=r.role,
                description=r.description,
                state_media=r.state_media,
                affiliation=affiliation,
                aliases=list(r.aliases),
                external_ids=dict(r.external_ids),
                statement_count=said.get(r.id, 0),
                citation_count=cited.get(r.id, 0),
                version=r.version,
                merged_into=r.merged_into,
            )
        )
    return views


def get_source(session: Session, source_id: int) -> SourceView:
    """One stored source with its aliases, affiliation and how often it is used."""
    found = _source_views(session, [source_id])
    if not found:
        raise NotFoundError("source", source_id)
    return found[0]


def words_query(key: str) -> str:
    """The tsquery for a normalized search key: its words in a row, the last a prefix.

    A normalized key holds only letters, digits and single spaces (no tsquery operator
    survives `normalize_name`), so the words can be joined as they are.
    """
    words = key.split()
    return " <-> ".join([*words[:-1], words[-1] + ":*"])


def search_sources(
    session: Session,
    *,
    q: str | None = None,
    kind: str | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> Page[SourceView]:
    """Sources with a name or alias in which ``q`` (normalized) starts at a word: "kim",
    "jong" and "kim jo" all find "Kim Jong Un", "ong" does not. By id, one page."""
    check_text_param(q, "q")
    conditions: list[ColumnElement[bool]] = []
    if q:
        key = normalize_name(q)
        if not key:
            raise ParameterError("q must contain letters or digits", [{"field": "q"}])
        conditions.append(_with_alias_words(words_query(key)))
    if kind:
        if kind not in SOURCE_KINDS:
            raise ParameterError(
                f"kind must be one of {', '.join(SOURCE_KINDS)}", [{"field": "kind"}]
            )
        conditions.append(col(Source.kind) == kind)
    conditions.append(col(Source.merged_into).is_(None))  # tombstones of merges stay out
    ids, next_cursor = page_ids(session, col(Source.id), conditions, cursor=cursor, limit=limit)
    return Page(_source_views(session, ids), next_cursor)
