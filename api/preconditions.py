"""ETags and If-Match: each editable row's version, sent and checked."""

from __future__ import annotations

import re
from typing import Annotated

from litestar.params import HeaderParameter

from tracker.errors import ParameterError, PreconditionRequiredError

ETAG_PATTERN = r'^"[0-9]{1,9}"$'
"""An ETag this API sends: a row's version, quoted (``"3"``)."""
ENTITY_TAG_PATTERN = r'^(W/)?"[!#-~]*"$'
"""One entity-tag as RFC 9110 writes it (ASCII): strong (``"3"``) or weak (``W/"3"``).
A well-formed tag that is not one of ours only fails to match (412); anything else in
If-Match is malformed (400)."""
_ENTITY_TAG_RE = re.compile(ENTITY_TAG_PATTERN)
_OURS_RE = re.compile(r'^"([0-9]{1,9})"$')

IfMatchRequired = Annotated[
    str | None,
    HeaderParameter(
        name="If-Match",
        required=True,
        description=(
            'The ETag you read ("3"): the edit applies only while the row is still at that '
            "version (412 when it is not). Without it, or with *, 428: an edit could "
            "overwrite someone else's unseen."
        ),
        schema_extra={"pattern": ENTITY_TAG_PATTERN},
    ),
]
"""If-Match on a PATCH or PUT. Declared required, checked by ``if_match`` (428, not
Litestar's 400, when it is missing): ``None``, the handlers' default, lets it through."""
IfMatchOptional = Annotated[
    str | None,
    HeaderParameter(
        name="If-Match",
        required=False,
        description='The ETag you read ("3"): the action applies only while the row is '
        "still at that version (412 when it is not); * or nothing: whatever it is now",
        schema_extra={"pattern": r'^(\*|(W/)?"[!#-~]*")$'},
    ),
]


def etag(version: int) -> dict[str, str]:
    """Response headers carrying a row's version as its (strong) ETag: ``"3"``."""
    return {"ETag": f'"{version}"'}


def if_match(header: str | None, *, required: bool) -> int | None:
    """The version the client read (If-Match), or None when it sent none and may not.

    ``header`` is the header's value, None when it was not sent. Missing, empty or ``*``
    on a PATCH or PUT: 428 (``*`` would overwrite blindly). Where If-Match is optional,
    ``*`` matches anything, as no header does. One well-formed entity-tag that is not
    ours (weak, or no version) cannot match, as RFC 9110 compares strongly: version 0,
    which no row has, so the action answers 412. Anything else (a bare ``3``, a list)
    is malformed: 400, as the schema says.
    """
    value = header.strip() if header is not None else None
    if value is None or value == "*" or (required and not value):
        if required:
            raise PreconditionRequiredError(
                "send If-Match with the ETag you read (GET the row first); "
                "an edit without it could overwrite someone else's unseen"
            )
        return None
    if not _ENTITY_TAG_RE.match(value):
        raise ParameterError(
            'If-Match must be one entity-tag, the ETag you read ("3"), or *',
            [{"field": "If-Match", "message": "not one entity-tag"}],
        )
    ours = _OURS_RE.match(value)
    return int(ours.group(1)) if ours else 0  # 0 is never a version: 412
