"""Fresh rows for review tests: small documents written for the tests, stored by hand."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from tracker.store.inputs import DocumentIn, HopIn, SourceIn, StatementIn

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from tracker.service import TrackerService
    from tracker.views import DocumentView

_serial = itertools.count(1)

STATE_SQL = text(
    """
    SELECT (SELECT count(*) FROM document) + (SELECT coalesce(sum(version), 0) FROM document),
           (SELECT count(*) FROM statement) + (SELECT coalesce(sum(version), 0) FROM statement),
           (SELECT count(*) FROM citation) + (SELECT coalesce(sum(version), 0) FROM citation),
           (SELECT count(*) FROM source) + (SELECT coalesce(sum(version), 0) FROM source),
           (SELECT count(*) FROM source_alias),
           (SELECT count(*) FROM audit),
           (SELECT count(*) FROM api_key WHERE revoked_at IS NULL),
           (SELECT count(*) FROM api_key),
           (SELECT string_agg(review_status || coalesce(reviewed_by, ''), ',' ORDER BY id)
            FROM statement),
           (SELECT string_agg(coalesce(merged_into::text, '-'), ',' ORDER BY id) FROM source)
    """
)
"""Everything a write of this issue could change, in one row: equal before and after
means nothing was written."""


def database_state(engine: Engine) -> tuple[Any, ...]:
    with engine.connect() as conn:
        return tuple(conn.execute(STATE_SQL).one())


@dataclass
class Story:
    """One stored document: a relayed quote (Wire → Agency → speaker) and a first-hand one."""

    document: DocumentView
    n: int
    names: dict[str, str] = field(default_factory=dict)

    @property
    def relayed(self) -> Any:
        return self.document.statements[0]

    @property
    def first_hand(self) -> Any:
        return self.document.statements[1]


def story(service: TrackerService, outlet: str = "Harbour Times") -> Story:
    """A fresh document (its own names, so sources never collide across stories)."""
    n = next(_serial)
    speaker = f"Mara Quill{n}"
    other = f"Tomas Brenner{n}"
    relayed = f"“The harbour will reopen in May {n},” the minister said."
    own = f"“We are ready for the ships {n},” the mayor said."
    body = f"Northwire, citing Coastpress, reported: {relayed} Later: {own} Q{n} said so."
    s1, s2 = body.index(relayed), body.index(own)
    statements = (
        StatementIn(
            start=s1,
            end=s1 + len(relayed),
            kind="direct",
            speaker=SourceIn(speaker, "person"),
            speaker_surface=f"Quill{n}",
            chain=(
                HopIn(SourceIn(f"Northwire{n}", "news_outlet"), "reported_by"),
                HopIn(SourceIn(f"Coastpress{n}", "news_outlet"), "citing"),
                HopIn(SourceIn(speaker, "person"), "said"),
            ),
        ),
        StatementIn(
            start=s2,
            end=s2 + len(own),
            kind="direct",
            speaker=SourceIn(other, "person"),
        ),
    )
    doc = DocumentIn(text=body, language="en", outlet=outlet, statements=statements)
    stored = service.create_document(doc, extract=False)
    return Story(stored.document, n, {"speaker": speaker, "other": other})
