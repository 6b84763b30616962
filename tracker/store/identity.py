"""Document identity: the same text, or the same URL when both documents have one."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import text

from tracker.store.inputs import PreparedDocument

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

STORED_DOCUMENTS_SQL = text(
    """
    SELECT id, content_hash, url FROM document
    WHERE content_hash = ANY(CAST(:hashes AS text[])) OR url = ANY(CAST(:urls AS text[]))
    ORDER BY id
    """
)
"""Stored documents sharing a text or a URL with a write (both columns uniquely indexed)."""


def content_hash(text_: str) -> str:
    """The identity of a document's text: the same text is the same document."""
    return hashlib.sha256(text_.encode("utf-8")).hexdigest()


def same_document(p: PreparedDocument, content_hash_: str, url: str | None) -> bool:
    """Document identity: the same text, or the same URL when both documents have one.

    Two documents without a URL are not the same document by URL: ``None == None``
    once made every new URL-less document of a batch "already present".
    """
    return p.content_hash == content_hash_ or (p.doc.url is not None and p.doc.url == url)


@dataclass(slots=True)
class DocumentSplit:
    """A write's documents split by identity: those to insert, and those already known."""

    fresh: list[PreparedDocument] = field(default_factory=list)
    """Not stored yet, the first of each identity in input order."""
    stored_ids: dict[str, int] = field(default_factory=dict)
    """Content hash -> id of the stored document it is (filled for the others on insert)."""
    repeats: list[tuple[PreparedDocument, PreparedDocument]] = field(default_factory=list)
    """(document, the earlier document of this write it repeats)."""


class _Index:
    """Documents by content hash and by URL, so identity is two dict lookups."""

    def __init__(self) -> None:
        self.by_hash: dict[str, int] = {}
        self.by_url: dict[str, int] = {}

    def add(self, content_hash_: str, url: str | None, value: int) -> None:
        self.by_hash.setdefault(content_hash_, value)
        if url is not None:
            self.by_url.setdefault(url, value)

    def find(self, p: PreparedDocument) -> int | None:
        """The value of a document with ``p``'s identity (see `same_document`)."""
        found = self.by_hash.get(p.content_hash)
        if found is None and p.doc.url is not None:
            found = self.by_url.get(p.doc.url)
        return found


def _stored(session: Session, documents: Sequence[PreparedDocument]) -> _Index:
    params = {
        "hashes": sorted({p.content_hash for p in documents}),
        "urls": sorted({p.doc.url for p in documents if p.doc.url is not None}),
    }
    index = _Index()
    for row in session.execute(STORED_DOCUMENTS_SQL, params):
        index.add(row.content_hash, row.url, row.id)
    return index


def split_by_identity(session: Session, prepared: Sequence[PreparedDocument]) -> DocumentSplit:
    """Which documents of ``prepared`` are new: one query for the whole write.

    The first of two documents of one write with the same identity is kept, so a write
    of N documents stores what N writes of one would.
    """
    found = DocumentSplit()
    seen = _Index()
    for p in prepared:
        earlier = seen.find(p)
        if earlier is None:
            seen.add(p.content_hash, p.doc.url, len(found.fresh))
            found.fresh.append(p)
        else:
            found.repeats.append((p, found.fresh[earlier]))
    if not found.fresh:
        return found
    stored = _stored(session, found.fresh)
    fresh = []
    for p in found.fresh:
        stored_id = stored.find(p)
        if stored_id is None:
            fresh.append(p)
        else:
            found.stored_ids[p.content_hash] = stored_id
    found.fresh = fresh
    return found


def stored_ids_of(session: Session, lost: Sequence[PreparedDocument]) -> dict[str, int]:
    """Ids of the documents a concurrent writer stored first (their insert did nothing)."""
    if not lost:
        return {}
    stored = _stored(session, lost)
    return {p.content_hash: i for p in lost if (i := stored.find(p)) is not None}
