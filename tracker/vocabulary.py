"""The closed word lists of the domain: kinds of source and statement, review states."""

from __future__ import annotations

from typing import Final

SOURCE_KINDS: Final = (
    "person",
    "organization",
    "news_outlet",
    "government_body",
    "document",
    "anonymous",
    "unknown",
)
"""What a source can be; `anonymous` sources are never merged across documents."""

NAMED_PRIMARY_KINDS: Final = frozenset(
    {"person", "organization", "news_outlet", "government_body", "document"}
)
"""Kinds whose presence at the end of a walk makes the chain `complete`."""

STATEMENT_KINDS: Final = ("direct", "indirect", "mixed", "partial")
"""How a statement is reported: verbatim, paraphrased, both, or a quoted fragment."""

REVIEW_STATUSES: Final = ("unreviewed", "confirmed", "edited", "rejected")
"""Where a statement or hop stands in fact-checkers' review."""

UNREVIEWED: Final = "unreviewed"
"""The status the extractor and ingest give: re-extraction may replace such rows."""

REJECTED: Final = "rejected"
"""A statement fact-checkers refused: hidden from walks, appearances, lookups and reports."""

REVIEWED_STATUSES: Final = frozenset({"confirmed", "edited"})
"""A person stands behind these rows: re-extraction keeps them exactly as they are."""

MANUAL_ORIGIN: Final = "manual"
"""Origin of statements and hops entered by a person rather than the extractor."""

RELATION_PATTERN: Final = r"^[a-z][a-z_]{0,39}$"
"""Relations are an open vocabulary (said, told, reported_by, citing, according_to, ...)."""

ROLES: Final = ("reader", "editor", "admin")
"""API key roles, each allowed what the one before it is and more: a reader reads, an
editor also ingests and reviews, an admin also manages keys and merges sources."""
