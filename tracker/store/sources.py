"""Source resolution: normalized names, and one stored source per real-world source."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from tracker.chains import SourceBrief
from tracker.errors import NotFoundError, ValidationError
from tracker.store.inputs import SourceIn
from tracker.store.names import normalize_name
from tracker.store.pagination import page_ids
from tracker.store.validation import check_text_param
from tracker.views import Page, SourceView
from tracker.vocabulary import SOURCE_KINDS

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True, slots=True)
class ResolvedSource:
    """The stored source a mention resolved to."""

    id: int
    name: str
    kind: str


def enriches(stored_name: str, stored_role: str | None, stored_state: bool, new: SourceIn) -> bool:
    """Whether ``new`` would change a stored source under ENRICH_ON_CONFLICT's rule."""
    role_grows = new.role is not None and (
        stored_role is None
        or (new.role.lower() != stored_role.lower() and stored_role.lower() in new.role.lower())
    )
    return (
        role_grows
        or len(new.name.strip()) > len(stored_name)
        or (new.state_media and not stored_state)
    )


ENRICH_ON_CONFLICT = """
    ON CONFLICT (normalized_name, kind) WHERE kind <> 'anonymous'
    DO UPDATE SET
        role = CASE
            WHEN source.role IS NULL THEN EXCLUDED.role
            WHEN strpos(lower(EXCLUDED.role), lower(source.role)) > 0 THEN EXCLUDED.role
            ELSE source.role END,
        state_media = source.state_media OR EXCLUDED.state_media,
        name = CASE WHEN length(EXCLUDED.name) > length(source.name)
                    THEN EXCLUDED.name ELSE source.name END
"""
"""How an upsert meets a stored source: a fuller role or longer name enriches it, a
state-media mark sticks, and nothing is replaced with less."""

_UPSERT_SQL = text(
    """
    INSERT INTO source (name, normalized_name, kind, role, state_media)
    VALUES (:name, :normalized, :kind, :role, :state_media)
    """
    + ENRICH_ON_CONFLICT
    + "RETURNING id, name, kind"
)
_ANONYMOUS_SQL = text(
    """
    INSERT INTO source (name, normalized_name, kind, role, scope_document_id)
    VALUES (:name, :normalized, 'anonymous', :role, :document_id)
    RETURNING id, name, kind
    """
)
_ALIAS_SQL = text(
    """
    INSERT INTO source_alias (source_id, alias, normalized)
    VALUES (:source_id, :alias, :normalized)
    ON CONFLICT (source_id, normalized) DO NOTHING
    """
)
_EXISTING_SQL = text(
    "SELECT id, name, kind, role, state_media FROM source "
    "WHERE normalized_name = :normalized AND kind = :kind AND kind <> 'anonymous'"
)
_UNKNOWN_KIND_SQL = text(
    """
    SELECT id, name, kind FROM source
    WHERE normalized_name = :normalized AND kind <> 'anonymous'
    ORDER BY (kind = 'unknown'), id
    LIMIT 1
    """
)
_AFFILIATION_SQL = text(
    "UPDATE source SET affiliation_id = :affiliation_id "
    "WHERE id = :id AND affiliation_id IS NULL AND id <> :affiliation_id"
)


class SourceResolver:
    """Resolves mentions to stored sources within one transaction, caching per key.

    Non-anonymous sources are upserted on (normalized_name, kind), so concurrent
    ingests converge on one row; what is learned later (role, affiliation, a longer
    name) enriches the row and never replaces it with less. Anonymous sources get a
    fresh row scoped to their document every time.

    Concurrent writers must take row locks in one global order or they deadlock, so
    `resolve_all` upserts a document's sources sorted by key up front, and aliases and
    affiliations are written sorted by `flush` at the end.
    """

    def __init__(self, session: Session, document_id: int | None = None) -> None:
        self._session = session
        self.document_id = document_id
        self._cache: dict[tuple[str, str], ResolvedSource] = {}
        self._aliases: set[tuple[int, str, str]] = set()
        self._affiliations: set[tuple[int, int]] = set()

    @staticmethod
    def key(mention: SourceIn) -> tuple[str, str]:
        normalized = normalize_name(mention.name) or mention.name.casefold().strip()
        if mention.kind == "anonymous":
            return (normalized, f"anonymous:{mention.name}")
        return (normalized, mention.kind)

    def resolve_all(self, mentions: Iterable[SourceIn]) -> None:
        """Upsert every named source among ``mentions`` (and their affiliations) in key order."""
        named: dict[tuple[str, str], SourceIn] = {}
        for mention in mentions:
            if mention.kind == "anonymous":
                continue
            named.setdefault(self.key(mention), mention)
            if mention.affiliation:
                org = SourceIn(name=mention.affiliation, kind="organization")
                named.setdefault(self.key(org), org)
        for key in sorted(named):
            self.resolve(named[key])

    def resolve(self, mention: SourceIn, surface: str | None = None) -> ResolvedSource:
        """The stored source for ``mention``, creating or enriching it as needed."""
        key = self.key(mention)
        resolved = self._cache.get(key)
        if resolved is None:
            resolved = self._store(mention, key[0])
            self._cache[key] = resolved
        self._add_alias(resolved.id, mention.name)
        if surface and surface != mention.name:
            self._add_alias(resolved.id, surface)
        if mention.affiliation and mention.kind != "anonymous":
            org = self.resolve(SourceIn(name=mention.affiliation, kind="organization"))
            if org.id != resolved.id:
                self._affiliations.add((resolved.id, org.id))
        return resolved

    def flush(self) -> None:
        """Write the collected aliases and affiliations, sorted (see the class docstring)."""
        if self._aliases:
            rows = [
                {"source_id": sid, "normalized": norm, "alias": alias}
                for sid, norm, alias in sorted(self._aliases)
            ]
            self._session.execute(_ALIAS_SQL, rows)
            self._aliases.clear()
        for source_id, affiliation_id in sorted(self._affiliations):
            self._session.execute(
                _AFFILIATION_SQL, {"id": source_id, "affiliation_id": affiliation_id}
            )
        self._affiliations.clear()

    def _store(self, mention: SourceIn, normalized: str) -> ResolvedSource:
        if mention.kind == "news_outlet":
            mention, normalized = canonical_outlet(mention, normalized)
        params = {
            "name": mention.name.strip(),
            "normalized": normalized,
            "kind": mention.kind,
            "role": mention.role,
            "state_media": mention.state_media,
            "document_id": self.document_id,
        }
        if mention.kind == "anonymous":
            row = self._session.execute(_ANONYMOUS_SQL, params).one()
        else:
            if mention.kind == "unknown":
                found = self._session.execute(_UNKNOWN_KIND_SQL, params).first()
                if found is not None:
                    return ResolvedSource(id=found.id, name=found.name, kind=found.kind)
            stored = self._session.execute(_EXISTING_SQL, params).first()
            if stored is not None and not enriches(
                stored.name, stored.role, stored.state_media, mention
            ):
                return ResolvedSource(id=stored.id, name=stored.name, kind=stored.kind)
            row = self._session.execute(_UPSERT_SQL, params).one()
        return ResolvedSource(id=row.id, name=row.name, kind=row.kind)

    def _add_alias(self, source_id: int, alias: str) -> None:
        normalized = normalize_name(alias)
        if normalized:
            self._aliases.add((source_id, normalized, alias.strip()))


_SOURCE_SQL = text(
    """
    SELECT s.id, s.name, s.kind, s.role, s.description, s.state_media, s.external_ids,
           a.id AS affiliation_id, a.name AS affiliation_name, a.kind AS affiliation_kind,
           a.state_media AS affiliation_state_media,
           ARRAY(SELECT al.alias FROM source_alias al WHERE al.source_id = s.id
                 ORDER BY al.alias) AS aliases,
           (SELECT count(*) FROM statement st WHERE st.speaker_id = s.id) AS statement_count,
           (SELECT count(*) FROM citation c WHERE c.source_id = s.id) AS citation_count
    FROM source s LEFT JOIN source a ON a.id = s.affiliation_id
    WHERE s.id = ANY(:ids)
    ORDER BY s.id
    """
)


def _source_views(session: Session, ids: list[int]) -> list[SourceView]:
    views = []
    for r in session.execute(_SOURCE_SQL, {"ids": ids}):
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
                statement_count=r.statement_count,
                citation_count=r.citation_count,
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
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if q:
        key = normalize_name(q)
        if not key:
            raise ValidationError("q must contain letters or digits", [{"field": "q"}])
        # ARRAY(...) runs the index search once, first: with IN (...) the planner guesses
        # thousands of matches for any prefix and walks every alias instead
        clauses.append(
            "t.id = ANY(ARRAY(SELECT al.source_id FROM source_alias al "
            "WHERE al.words @@ to_tsquery('simple', :words)))"
        )
        params["words"] = words_query(key)
    if kind:
        if kind not in SOURCE_KINDS:
            raise ValidationError(
                f"kind must be one of {', '.join(SOURCE_KINDS)}", [{"field": "kind"}]
            )
        clauses.append("t.kind = :kind")
        params["kind"] = kind
    ids, next_cursor = page_ids(session, "source", clauses, params, cursor=cursor, limit=limit)
    return Page(_source_views(session, ids), next_cursor)


def canonical_outlet(mention: SourceIn, normalized: str) -> tuple[SourceIn, str]:
    """A known outlet under its list name, with its state-media status."""
    from tracker.store.outlets import outlet_by_name

    known = outlet_by_name(mention.name)
    if known is None:
        return mention, normalized
    canonical = SourceIn(
        name=known.name,
        kind="news_outlet",
        role=mention.role,
        affiliation=mention.affiliation,
        state_media=known.state_media or mention.state_media,
    )
    return canonical, normalize_name(known.name)
