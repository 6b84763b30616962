"""Opaque keyset cursors: the last row's key, so pages stay fast at any depth."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Mapped

from tracker.errors import ValidationError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

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


def page_ids(
    session: Session,
    id_column: Mapped[int | None],
    conditions: Sequence[ColumnElement[bool]],
    *,
    cursor: str | None,
    limit: int,
    newest_first: bool = False,
) -> tuple[list[int], str | None]:
    """One keyset page of ``id_column`` values of rows matching every condition.

    The page after ``cursor`` is read straight off the primary key index, however deep
    it is; one row more than asked tells whether another page follows.
    """
    check_limit(limit)
    after = decode_cursor(cursor)
    query = select(id_column).where(*conditions)
    if after is not None:
        query = query.where(id_column < after if newest_first else id_column > after)
    order = id_column.desc() if newest_first else id_column.asc()
    ids = [i for i in session.scalars(query.order_by(order).limit(limit + 1)) if i is not None]
    more = len(ids) > limit
    ids = ids[:limit]
    return ids, encode_cursor(ids[-1]) if more else None
