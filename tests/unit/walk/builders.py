"""Walk query rows and walked hops built by hand, for tests that need no database."""

from __future__ import annotations

from typing import Any

from tracker.views import SourceBrief
from tracker.walk.model import WalkHop, WalkRow


def row(citation_id: int, depth: int, name: str, **kw: Any) -> WalkRow:
    """A row of the walk query: a hop citing ``name`` at ``depth``, a leaf unless told."""
    values: dict[str, Any] = {
        "citation_id": citation_id,
        "statement_id": 1,
        "document_id": 1,
        "parent_walk_id": None,
        "depth": depth,
        "relation": "said",
        "cue": None,
        "evidence_start": None,
        "evidence_end": None,
        "upstream_statement_id": None,
        "link_method": None,
        "link_similarity": None,
        "inverted_statement_id": None,
        "review_status": "unreviewed",
        "is_cycle": False,
        "source_id": citation_id * 10,
        "source_name": name,
        "source_kind": "person",
        "source_state_media": False,
        "upstream_speaker_name": None,
        "is_broken": False,
        "upstream_document_id": None,
        "is_leaf": True,
    }
    values.update(kw)
    return WalkRow(**values)


def relay(citation_id: int, depth: int, name: str, **kw: Any) -> WalkRow:
    """A news outlet passing the words on: not a leaf."""
    return row(citation_id, depth, name, source_kind="news_outlet", is_leaf=False, **kw)


def hop(index: int, name: str, parent: int | None = None, **kw: Any) -> WalkHop:
    """A walked hop; a primary source unless told."""
    values: dict[str, Any] = {
        "index": index,
        "position": 0,
        "parent": parent,
        "source": SourceBrief(index + 100, name, kw.pop("kind", "person")),
        "relation": "said",
        "cue": None,
        "citation_id": index + 1,
        "statement_id": 1,
        "document_id": 1,
        "evidence_start": None,
        "evidence_end": None,
        "continues_statement_id": None,
        "continues_document_id": None,
        "link": None,
        "inverted_statement_id": None,
        "is_primary": True,
    }
    values.update(kw)
    return WalkHop(**values)
