"""Opaque keyset cursors: the last row's key, so pages stay fast at any depth."""

from __future__ import annotations

import base64
import binascii
import json

from tracker.errors import ValidationError

MAX_PAGE_SIZE = 500


def encode_cursor(last_id: int) -> str:
    """Cursor that resumes after the row with id ``last_id``."""
    raw = json.dumps({"after": last_id}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int | None:
    """The id to resume after, or None for the first page; garbage is a ValidationError."""
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
        after = data["after"]
    except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise ValidationError(
            "cursor is not one this API issued", [{"field": "cursor", "message": "invalid"}]
        ) from None
    if not isinstance(after, int) or isinstance(after, bool):
        raise ValidationError("cursor is not one this API issued", [{"field": "cursor"}])
    return after


def check_limit(limit: int) -> int:
    """A page size within bounds, or a ValidationError naming the bounds."""
    if not 1 <= limit <= MAX_PAGE_SIZE:
        raise ValidationError(
            f"limit must be between 1 and {MAX_PAGE_SIZE}",
            [{"field": "limit", "message": f"must be between 1 and {MAX_PAGE_SIZE}"}],
        )
    return limit
