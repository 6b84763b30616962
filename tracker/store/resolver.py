"""Source identity: every mention of one write meets its one stored source, set-wise.

The rule, whatever the write (one document from the API, a batch from `tracker ingest`,
re-extraction):

- A named source is its normalized name and kind (`NamedKey`, the unique index), a known
  outlet under its list name. Each mention enriches it as ``ENRICH_ON_CONFLICT`` says: a
  longer name, a role that contains the stored one, a state-media mark; never less.
- An ``unknown``-kind mention joins the oldest stored source of any other kind with its
  name; failing that, the first such source the write itself met at or before the
  mention's document; failing that, an ``unknown`` source of its own, never enriched.
- An ``anonymous`` mention is a fresh source scoped to its document (one per name), never
  merged across documents.
- A mention's affiliation is an ``organization`` source, linked on first sight only.
- Every mention leaves its given name, its list name and its surface form as aliases.
- A source a reviewer merged into another stays as a tombstone (``merged_into``): a
  mention that meets it resolves to the source it was merged into, so a merge holds
  for every later write.

Mentions are folded in document order, and documents are the write's positions, so a
write of N documents stores exactly what N writes of one document would: batching is a
matter of speed only. Rows are written sorted by key, so concurrent writers take their
locks in one order and never deadlock each other.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from tracker.store.inputs import SourceIn
from tracker.store.names import normalize_name
from tracker.store.outlets import canonical_outlet, outlet_by_name

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

NamedKey = tuple[str, str]
"""(normalized name, kind): the identity of a named source; for an anonymous mention,
(its name as written, "anonymous"), unique only within its document."""

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
"""How an upsert meets a stored source (`enrich` is its Python twin): a fuller role or a
longer name enriches it, a state-media mark sticks, and nothing is replaced with less."""

STORED_SOURCES_SQL = text(
    """
    SELECT id, normalized_name, kind, name, role, state_media, merged_into FROM source
    WHERE normalized_name = ANY(CAST(:names AS text[])) AND kind <> 'anonymous'
    ORDER BY id
    """
)
UPSERT_SOURCES_SQL = text(
    """
    INSERT INTO source (name, normalized_name, kind, role, state_media)
    SELECT * FROM unnest(CAST(:name AS text[]), CAST(:normalized AS text[]),
                         CAST(:kind AS text[]), CAST(:role AS text[]),
                         CAST(:state_media AS boolean[]))
    """
    + ENRICH_ON_CONFLICT
    + "RETURNING id, normalized_name, kind, merged_into, (xmax = 0) AS inserted"
)
AFFILIATIONS_SQL = text(
    """
    UPDATE source s SET affiliation_id = a.affiliation_id
    FROM unnest(CAST(:ids AS bigint[]), CAST(:affiliation_ids AS bigint[]))
         AS a(id, affiliation_id)
    WHERE s.id = a.id AND s.affiliation_id IS NULL AND s.id <> a.affiliation_id
    """
)
INSERT_ANONYMOUS_SQL = text(
    """
    INSERT INTO source (id, name, normalized_name, kind, role, scope_document_id)
    SELECT id, name, normalized, 'anonymous', role, doc
    FROM unnest(CAST(:id AS bigint[]), CAST(:name AS text[]), CAST(:normalized AS text[]),
                CAST(:role AS text[]), CAST(:doc AS bigint[]))
         AS a(id, name, normalized, role, doc)
    """
)
INSERT_ALIASES_SQL = text(
    """
    INSERT INTO source_alias (source_id, alias, normalized)
    SELECT * FROM unnest(CAST(:source_id AS bigint[]), CAST(:alias AS text[]),
                         CAST(:normalized AS text[]))
    ON CONFLICT (source_id, normalized) DO NOTHING
    """
)


@dataclass(frozen=True, slots=True)
class SourceFields:
    """What enrichment may change on a named source."""

    name: str
    role: str | None
    state_media: bool


def enrich(current: SourceFields | None, mention: SourceIn) -> SourceFields:
    """``current`` after ``mention`` meets it, exactly as ``ENRICH_ON_CONFLICT`` would."""
    if current is None:
        return SourceFields(mention.name.strip(), mention.role, mention.state_media)
    if mention.role is None and not mention.state_media and len(mention.name) <= len(current.name):
        return current  # the common repeat: nothing it carries can change the source
    name = mention.name.strip()
    role = current.role
    if role is None or (mention.role is not None and role.lower() in mention.role.lower()):
        role = mention.role
    return SourceFields(
        name=name if len(name) > len(current.name) else current.name,
        role=role,
        state_media=current.state_media or mention.state_media,
    )


MentionRef = tuple[int, NamedKey]
"""(spot, key): what resolves to a source id. The spot is the write's document position
for ``unknown`` and ``anonymous`` mentions, -1 for the rest (a key is one source anywhere)."""
TYPED_SPOT = -1


def _key(name: str, kind: str) -> NamedKey:
    if kind == "anonymous":
        return (name, kind)
    normalized = normalize_name(name) or name.casefold().strip()
    if kind == "news_outlet":
        known = outlet_by_name(name)
        if known is not None:
            normalized = normalize_name(known.name)
    return (normalized, kind)


@dataclass(slots=True)
class SourcePlan:
    """Every source mention of one write, in document order, before anything is written."""

    typed: dict[NamedKey, list[SourceIn]] = field(default_factory=dict)
    """Mentions of each named source of a known kind, in order."""
    first_seen: dict[NamedKey, int] = field(default_factory=dict)
    unknown: dict[tuple[int, str], SourceIn] = field(default_factory=dict)
    """(position, normalized name) -> the first ``unknown``-kind mention there."""
    anonymous: dict[tuple[int, str], SourceIn] = field(default_factory=dict)
    aliases: dict[tuple[MentionRef, str], None] = field(default_factory=dict)
    """Surface forms in order of appearance (a dict as an ordered set)."""
    affiliations: list[tuple[MentionRef, NamedKey]] = field(default_factory=list)
    _keys: dict[tuple[str, str], NamedKey] = field(default_factory=dict)

    def key(self, mention: SourceIn) -> NamedKey:
        """The mention's identity key (cached: a write repeats its mentions a lot)."""
        pair = (mention.name, mention.kind)
        found = self._keys.get(pair)
        if found is None:
            found = self._keys[pair] = _key(*pair)
        return found

    def add(self, position: int, mention: SourceIn, surface: str | None = None) -> None:
        """Note ``mention`` (seen as ``surface``) in the write's document ``position``."""
        key = self.key(mention)
        normalized, kind = key
        stored = mention
        spot = position
        if kind == "anonymous":
            self.anonymous.setdefault((position, normalized), mention)
        elif kind == "unknown":
            self.unknown.setdefault((position, normalized), mention)
        else:
            if kind == "news_outlet":
                stored = canonical_outlet(mention, normalized)[0]
            self.typed.setdefault(key, []).append(stored)
            self.first_seen.setdefault(key, position)
            spot = TYPED_SPOT
        ref = (spot, key)
        self._add_aliases(ref, mention.name, stored.name, surface)
        if mention.affiliation and kind != "anonymous":
            organization = SourceIn(mention.affiliation, "organization")
            self.add(position, organization)
            self.affiliations.append((ref, self.key(organization)))

    def _add_aliases(self, ref: MentionRef, given: str, listed: str, surface: str | None) -> None:
        """The given name, the list name of a known outlet, and the surface form."""
        name = given.strip()
        self.aliases.setdefault((ref, name))
        if listed is not given and listed.strip() != name:
            self.aliases.setdefault((ref, listed.strip()))
        if surface:
            seen = surface.strip()
            if seen and seen != name:
                self.aliases.setdefault((ref, seen))


@dataclass(slots=True)
class ResolvedSources:
    """Source ids for a plan's mentions; anonymous ones once their documents exist."""

    named: dict[NamedKey, int] = field(default_factory=dict)
    unknown: dict[tuple[int, str], int] = field(default_factory=dict)
    anonymous: dict[tuple[int, str], int] = field(default_factory=dict)
    inserted: int = 0
    """Sources this write created (named and anonymous)."""

    def id_of(self, ref: MentionRef) -> int | None:
        spot, key = ref
        if key[1] == "anonymous":
            return self.anonymous.get((spot, key[0]))
        if key[1] == "unknown":
            return self.unknown.get((spot, key[0]))
        return self.named.get(key)

    def source_id(self, plan: SourcePlan, position: int, mention: SourceIn) -> int:
        key = plan.key(mention)
        kind = key[1]
        if kind == "anonymous":
            return self.anonymous[(position, key[0])]
        if kind == "unknown":
            return self.unknown[(position, key[0])]
        return self.named[key]


def resolve_named(session: Session, plan: SourcePlan) -> ResolvedSources:
    """Every named and ``unknown`` source of the plan, upserted in one ordered statement.

    Only new sources, or ones this write enriches, are written: an upsert that changes
    nothing would still write a new row version of every popular source.
    """
    resolved = ResolvedSources()
    names = sorted({k[0] for k in plan.typed} | {n for _, n in plan.unknown})
    if not names:
        return resolved
    stored = session.execute(STORED_SOURCES_SQL, {"names": names}).all()
    stored_by_key = {(r.normalized_name, r.kind): r for r in stored}
    rows: dict[NamedKey, SourceFields] = {}
    for key, mentions in plan.typed.items():
        row = stored_by_key.get(key)
        before = SourceFields(row.name, row.role, row.state_media) if row is not None else None
        after = before
        for mention in mentions:
            after = enrich(after, mention)
        if row is not None and after == before:
            resolved.named[key] = live_id(row)
        elif after is not None:
            rows[key] = after
    targets = _unknown_targets(plan, stored)
    for spot, target in targets.items():
        if isinstance(target, int):
            resolved.unknown[spot] = target
        elif target in stored_by_key:  # an unknown source of its own, stored before
            resolved.named[target] = live_id(stored_by_key[target])
        else:  # created from its first mention, never enriched
            rows.setdefault(target, enrich(None, plan.unknown[spot]))
    _upsert(session, rows, resolved)
    for spot, target in targets.items():
        if not isinstance(target, int):
            resolved.unknown[spot] = resolved.named[target]
    return resolved


def _upsert(
    session: Session, rows: dict[NamedKey, SourceFields], resolved: ResolvedSources
) -> None:
    if not rows:
        return
    ordered = sorted(rows)
    params = {
        "name": [rows[k].name for k in ordered],
        "normalized": [k[0] for k in ordered],
        "kind": [k[1] for k in ordered],
        "role": [rows[k].role for k in ordered],
        "state_media": [rows[k].state_media for k in ordered],
    }
    for r in session.execute(UPSERT_SOURCES_SQL, params):
        resolved.named[(r.normalized_name, r.kind)] = live_id(r)
        resolved.inserted += int(r.inserted)


def live_id(row: Any) -> int:
    """The source a stored row stands for: itself, or the one it was merged into."""
    return int(row.merged_into if row.merged_into is not None else row.id)


def _unknown_targets(
    plan: SourcePlan, stored: Iterable[Any]
) -> dict[tuple[int, str], int | NamedKey]:
    """Where each ``unknown`` mention goes: a stored source's id, or a key of this write."""
    oldest: dict[str, int] = {}
    for r in stored:  # ordered by id
        if r.kind != "unknown":
            oldest.setdefault(r.normalized_name, live_id(r))
    met: dict[str, list[tuple[int, NamedKey]]] = {}
    for key, position in plan.first_seen.items():
        met.setdefault(key[0], []).append((position, key))
    targets: dict[tuple[int, str], int | NamedKey] = {}
    for position, normalized in plan.unknown:
        if normalized in oldest:
            targets[(position, normalized)] = oldest[normalized]
            continue
        earlier = sorted(m for m in met.get(normalized, ()) if m[0] <= position)
        targets[(position, normalized)] = earlier[0][1] if earlier else (normalized, "unknown")
    return targets


def link_affiliations(session: Session, plan: SourcePlan, resolved: ResolvedSources) -> None:
    """A source's first affiliation in the write, unless it has one already (one UPDATE)."""
    first: dict[int, int] = {}
    for ref, organization in plan.affiliations:
        source_id = resolved.id_of(ref)
        if source_id is not None and source_id != resolved.named[organization]:
            first.setdefault(source_id, resolved.named[organization])
    if first:
        ids = sorted(first)
        session.execute(AFFILIATIONS_SQL, {"ids": ids, "affiliation_ids": [first[i] for i in ids]})


def create_anonymous(
    session: Session, plan: SourcePlan, resolved: ResolvedSources, documents: dict[int, int]
) -> None:
    """A fresh source per anonymous name and document (``documents``: position -> id)."""
    wanted = [(k, m) for k, m in plan.anonymous.items() if k[0] in documents]
    if not wanted:
        return
    ids = reserve_ids(session, "source_id_seq", len(wanted))
    for ((position, name), _), new_id in zip(wanted, ids, strict=True):
        resolved.anonymous[(position, name)] = new_id
    session.execute(
        INSERT_ANONYMOUS_SQL,
        {
            "id": ids,
            "name": [m.name.strip() for _, m in wanted],
            "normalized": [normalize_name(m.name) or m.name.casefold().strip() for _, m in wanted],
            "role": [m.role for _, m in wanted],
            "doc": [documents[position] for (position, _), _ in wanted],
        },
    )
    resolved.inserted += len(wanted)


def write_aliases(session: Session, plan: SourcePlan, resolved: ResolvedSources) -> None:
    """Every surface form, the first of each normalized form per source (one INSERT).

    Kept so a wrong merge can be traced and undone later, and searched by `GET /sources`.
    """
    first: dict[tuple[int, str], str] = {}
    for ref, alias in plan.aliases:
        source_id = resolved.id_of(ref)
        normalized = normalize_name(alias)
        if source_id is not None and normalized:
            first.setdefault((source_id, normalized), alias)
    if first:
        keys = sorted(first)
        session.execute(
            INSERT_ALIASES_SQL,
            {
                "source_id": [k[0] for k in keys],
                "alias": [first[k] for k in keys],
                "normalized": [k[1] for k in keys],
            },
        )


def reserve_ids(session: Session, sequence: str, count: int) -> list[int]:
    """``count`` ids of ``sequence`` (a constant name), so rows can reference each other
    before they are written and go in one statement or COPY."""
    if count == 0:
        return []
    rows = session.execute(
        text("SELECT nextval(CAST(:sequence AS regclass)) FROM generate_series(1, :n)"),
        {"sequence": sequence, "n": count},
    )
    return [r[0] for r in rows]
