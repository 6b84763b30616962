"""ETags and If-Match: each editable row's version, sent and checked."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from litestar.exceptions import ClientException

from tracker.errors import PreconditionRequiredError

if TYPE_CHECKING:
    from litestar import Request

_TAG_RE = re.compile(r'^"(\d{1,9})"$')


def etag(version: int) -> dict[str, str]:
    """Response headers carrying a row's version as its (strong) ETag: ``"3"``."""
    return {"ETag": f'"{version}"'}


def if_match(request: Request[Any, Any, Any], *, required: bool) -> int | None:
    """The version the client read (If-Match), or None when it sent none and may not.

    Missing on a PATCH or PUT: 428. ``*`` would overwrite blindly, so it counts as missing
    there (and matches anything where If-Match is optional). A tag that is no version
    of ours cannot match: the action answers 412.
    """
    header = request.headers.get("if-match")
    if header is None or header.strip() == "*":
        if required:
            raise PreconditionRequiredError(
                "send If-Match with the ETag you read (GET the row first); "
                "an edit without it could overwrite someone else's unseen"
            )
        return None
    tags = [t.strip() for t in header.split(",") if t.strip()]
    if len(tags) != 1:
        raise ClientException("If-Match must carry exactly one ETag")
    found = _TAG_RE.match(tags[0])
    return int(found.group(1)) if found else 0  # 0 is never a version: 412
