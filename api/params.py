"""Path, query and header parameters shared by several routes, typed as strictly as the
API checks them: what the schema allows is what the API takes (else 400).

A bound Litestar checks itself is given to ``Parameter`` (``ge``, ``le``, a ``Literal``);
a rule ``tracker`` checks (a cursor it issued, a quote with words, no NUL) is only
described here (``schema_extra``), so it is checked once, with tracker's message.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any, Literal

from litestar.params import Parameter, QueryParameter

from tracker.access.keys import NAME_PATTERN
from tracker.errors import ParameterError
from tracker.store.pagination import MAX_PAGE_SIZE
from tracker.store.validation import MAX_ID

NO_NUL = "^[^\\x00]*$"
"""Free text PostgreSQL can store: anything but NUL (tracker.store.validation)."""
CURSOR_FORMAT = "cursor"
"""A ``next_cursor`` of an earlier page: any other string is a 400 (opaque, so only a
format names it; tests/api generates real ones)."""
WORDS_FORMAT = "words"
"""Text with at least one letter or digit: a quote or name to look up."""

_ID = {"minimum": 1, "maximum": MAX_ID}
"""Ids are positive bigints; exact here (Litestar writes ``le`` as a float, 2**63 - 1
would round up to 2**63)."""


def _id(description: str, query: str | None = None) -> Any:
    if query is not None:
        return QueryParameter(
            name=query, ge=1, le=MAX_ID, description=description, schema_extra=_ID
        )
    return Parameter(ge=1, le=MAX_ID, description=description, schema_extra=_ID)


Id = Annotated[int, _id("The row's id (a positive bigint)")]
"""A path id: out of range is a 400, a row that does not exist a 404."""
DocumentFilter = Annotated[int | None, _id("Only this document's statements")]
SpeakerFilter = Annotated[int | None, _id("Only statements of this speaker (a source id)")]
EntityFilter = Annotated[int | None, _id("Only rows about the entity with this id", "id")]
KeyName = Annotated[
    str, Parameter(description="The key's name", schema_extra={"pattern": NAME_PATTERN})
]
"""A key by name: one that matches no key is a 404."""
Cursor = Annotated[
    str | None,
    Parameter(
        description="The next_cursor of the previous page: at most 40 characters of "
        "base64url (anything else is a 400)",
        schema_extra={"format": CURSOR_FORMAT},
    ),
]
Limit = Annotated[
    int | None,
    Parameter(ge=1, le=MAX_PAGE_SIZE, description="Page size (default TRACKER_PAGE_SIZE or 50)"),
]
Text = Annotated[str | None, Parameter(schema_extra={"pattern": NO_NUL})]
"""A free-text filter (no NUL)."""
NOTE_MAX_LENGTH = 4000
NoteParameter = Annotated[
    str | None,
    Parameter(
        max_length=NOTE_MAX_LENGTH,
        description="Why: kept in the audit trail (no NUL)",
        schema_extra={"pattern": NO_NUL},
    ),
]
"""The note of an action sent without a body (a DELETE), as the query's ``note``."""
Include = Annotated[
    Literal["rejected"] | None,
    Parameter(
        description="rejected: also count statements fact-checkers rejected "
        "(hidden from walks, appearances, lookups, lists and reports by default)"
    ),
]
"""``?include=rejected``."""


def including_rejected(include: str | None) -> bool:
    return include == "rejected"


def format_parameter(formats: tuple[str, ...], description: str = "") -> Any:
    """``?format=`` naming one of ``formats`` (tracker.reports.outputs checks it: 400)."""
    words = description or ", ".join(formats)
    return QueryParameter(name="format", description=words, schema_extra={"enum": list(formats)})


_RFC3339_RE = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", re.ASCII
)

Since = Annotated[
    str | None,
    Parameter(
        description="Only rows at or after this time (RFC 3339, with its offset)",
        schema_extra={"format": "date-time"},
    ),
]


def parse_since(value: str | None) -> datetime | None:
    """An RFC 3339 time with its offset, or a 400: Litestar would take ``0.5`` (a Unix
    time) or a date without a time, which no client means."""
    if value is None:
        return None
    try:
        if _RFC3339_RE.match(value):
            return datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    except ValueError:
        pass
    raise ParameterError(
        "since must be an RFC 3339 time with its offset (2026-10-08T09:00:00Z)",
        [{"field": "since", "message": "not an RFC 3339 date-time"}],
    )
