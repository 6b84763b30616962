"""Opaque keyset cursors: the last row's key, so pages stay fast at any depth."""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Mapped

from tracker.errors import ParameterError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

MAX_PAGE_SIZE = 500


_cursor_re = re.compile(r"[A-Za-z0-9_-]{1,40}")
"""A cursor as encode_cursor writes it: unpadded URL-safe base64 of a short payload."""
_payload_re = re.compile(rb'\{"after":(0|[1-9][0-9]{0,18})\}')
"""The one payload this API issues, byte for byte: nothing else is decoded."""
MAX_ID = 2**63 - 1


def encode_cursor(last_id: int) -> str:
    """Cursor that resumes after the row with id ``last_id``."""
    raw = json.dumps({"after": last_id}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int | None:
    """The id to resume after, or None for the first page.

    Only a cursor this API could have issued is taken: its shape is checked with two
    regular expressions before anything is decoded, so no payload (however nested)
    ever reaches a JSON parser. Anything else is a ParameterError (400).
    """
    if not cursor:
        return None
    after = None
    if _cursor_re.fullmatch(cursor):
        try:
            payload = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        except (binascii.Error, ValueError):
            payload = b""
        if found := _payload_re.fullmatch(payload):
            after = int(found.group(1))
    if after is None or after > MAX_ID:
        raise ParameterError(
            "cursor is not one this API issued",
            [{"field": "cursor", "message": "not a cursor from a previous page"}],
        )
    return after


def check_limit(limit: int) -> int:
    """A page size within bounds, or a ParameterError naming the bounds."""
    if not 1 <= limit <= MAX_PAGE_SIZE:
        raise ParameterError(
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
