"""What a database holds, by value (no row ids), to compare two databases written alike."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from tracker.db import make_engine

# Joins stay inside a document (or with the small source tables), so the same snapshot
# reads a Citus cluster, where statements and hops are sharded by document: links to
# other documents and anonymous sources' documents are resolved here by id instead.
_SOURCES_SQL = text(
    """
    SELECT s.name, s.kind, s.role, s.state_media, a.name AS affiliation,
           s.scope_document_id,
           ARRAY(SELECT al.alias FROM source_alias al WHERE al.source_id = s.id
                 ORDER BY al.alias) AS aliases
    FROM source s LEFT JOIN source a ON a.id = s.affiliation_id
    """
)
_DOCUMENTS_SQL = text(
    """
    SELECT d.id, d.url, d.language, d.title, d.published_at, o.name AS outlet, o.state_media
    FROM document d LEFT JOIN source o ON o.id = d.outlet_id
    """
)
_STATEMENTS_SQL = text(
    """
    SELECT st.id, d.url, st.start_offset, st.end_offset, st.kind, st.cue, st.origin,
           st.speaker_surface, sp.name AS speaker, sp.kind AS speaker_kind
    FROM statement st JOIN document d ON d.id = st.document_id
    LEFT JOIN source sp ON sp.id = st.speaker_id
    """
)
_HOPS_SQL = text(
    """
    SELECT d.url, st.start_offset, st.end_offset, c.position, p.position AS parent_position,
           s.name AS source, s.kind AS source_kind, c.relation, c.cue, c.evidence_start,
           c.evidence_end, c.source_surface, c.link_method, c.upstream_statement_id
    FROM citation c
    JOIN statement st ON st.id = c.statement_id AND st.document_id = c.document_id
    JOIN document d ON d.id = c.document_id JOIN source s ON s.id = c.source_id
    LEFT JOIN citation p ON p.id = c.parent_id AND p.document_id = c.document_id
    """
)


def _rows(rows: Any) -> list[tuple[Any, ...]]:
    return sorted(
        (tuple(tuple(v) if isinstance(v, list) else v for v in row) for row in rows), key=repr
    )


def snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Everything a write stores, by value: no row ids, which differ between databases."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            documents = conn.execute(_DOCUMENTS_SQL).all()
            statements = conn.execute(_STATEMENTS_SQL).all()
            sources = conn.execute(_SOURCES_SQL).all()
            hops = conn.execute(_HOPS_SQL).all()
    finally:
        engine.dispose()
    url_of = {d.id: d.url for d in documents}
    place_of = {st.id: (st.url, st.start_offset) for st in statements}
    return {
        "sources": _rows((*r[:5], url_of.get(r.scope_document_id), r.aliases) for r in sources),
        "documents": _rows(r[1:] for r in documents),
        "statements": _rows(r[1:] for r in statements),
        "hops": _rows(
            (*r[:-1], *place_of.get(r.upstream_statement_id, (None, None))) for r in hops
        ),
    }


def differences(
    a: list[tuple[Any, ...]], b: list[tuple[Any, ...]], name_a: str, name_b: str
) -> list[str]:
    """The first dozen rows only one side holds, to read in an assertion message."""
    only_a = [f"{name_a} only: {row}" for row in a if row not in b]
    only_b = [f"{name_b} only: {row}" for row in b if row not in a]
    return (only_a + only_b)[:12]
