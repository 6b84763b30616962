"""OpenAPI pieces every route shares: the problem+json body, the bearer scheme."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Components, SecurityScheme

BEARER = "bearer"
"""Name of the security scheme: ``Authorization: Bearer KEY``."""

COMPONENTS = Components(
    security_schemes={
        BEARER: SecurityScheme(
            type="http",
            scheme="bearer",
            description=(
                "An API key made with `tracker keys create NAME --role reader|editor|admin` "
                "(or POST /api/v1/keys), sent as `Authorization: Bearer KEY`. Writes always "
                "need one; reads only when the server runs with TRACKER_READS=key."
            ),
        )
    }
)


class FieldError(msgspec.Struct, omit_defaults=True):
    field: str = ""
    message: str = ""


class Problem(msgspec.Struct, omit_defaults=True):
    """RFC 9457 problem details: every 4xx and 5xx body, as application/problem+json."""

    type: str
    title: str
    status: int
    detail: str
    instance: str
    errors: list[FieldError] | None = None


STATUS_MEANING = {
    400: "Malformed JSON, parameter or header",
    401: "No API key, or one that is unknown or revoked (WWW-Authenticate: Bearer)",
    403: "The key's role may not do this",
    404: "No such id",
    409: "Conflicts with the stored state",
    412: "If-Match names a version that is no longer the stored one",
    413: "Body over the size limit",
    422: "A well-formed body with invalid fields (`errors` names them)",
    428: "If-Match is missing: send the ETag you read",
}


def problem_responses(*statuses: int, note: dict[int, str] | None = None) -> dict[int, Any]:
    """OpenAPI responses for ``statuses``, each a problem+json body."""
    notes = note or {}
    return {
        status: ResponseSpec(
            data_container=Problem,
            media_type="application/problem+json",
            description=notes.get(status, STATUS_MEANING[status]),
            generate_examples=False,
        )
        for status in statuses
    }
