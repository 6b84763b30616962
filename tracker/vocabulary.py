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

REVIEW_STATUSES: Final = ("unreviewed", "confirmed", "corrected", "rejected")
"""Where a statement or hop stands in fact-checkers' review."""

MANUAL_ORIGIN: Final = "manual"
"""Origin of statements and hops entered by a person rather than the extractor."""

RELATION_PATTERN: Final = r"^[a-z][a-z_]{0,39}$"
"""Relations are an open vocabulary (said, told, reported_by, citing, according_to, ...)."""
