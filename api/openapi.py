"""The OpenAPI contract: the problem+json body, the bearer scheme, the shared headers, and
the one pass that completes each operation with what the API really answers.

Litestar describes a handler's parameters, body and success response. What every request
goes through on the way (the Host check, the role guard, the JSON body checks, If-Match,
the database) it cannot see, so ``ApiOperation`` adds it, from the operation itself: a
body brings 413, 415 and 422; a path parameter 404; If-Match 412 (and 428 when it is
required); a key 401 and 403; every operation 400 and 503. Every response carries
X-Request-Id; 401 carries WWW-Authenticate, a problem 503 Retry-After. ``tests/api``
runs schemathesis over the result, so a status or header the API sends and this does not
say is a failing test.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Annotated, Any, ClassVar, cast

import msgspec
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import (
    Components,
    OpenAPIHeader,
    OpenAPIMediaType,
    OpenAPIResponse,
    OpenAPIType,
    Operation,
    Parameter,
    Reference,
    RequestBody,
    Schema,
    SecurityScheme,
)

BEARER = "bearer"
"""Name of the security scheme: ``Authorization: Bearer KEY``."""
PROBLEM_JSON = "application/problem+json"
REQUEST_ID_PATTERN = r"^[A-Za-z0-9._:-]{1,128}$"
"""An X-Request-Id the API keeps (api.request_id); any other is replaced by a new one."""

_HEADER_REF = "#/components/headers/"
HEADERS = {
    "X-Request-Id": OpenAPIHeader(
        description=(
            "The request's id: the client's own X-Request-Id when it matches "
            f"{REQUEST_ID_PATTERN}, else a new one. Recorded with the audit rows it writes."
        ),
        required=True,
        schema=Schema(type=OpenAPIType.STRING, pattern=REQUEST_ID_PATTERN),
    ),
    "ETag": OpenAPIHeader(
        description='The row\'s version as a strong ETag ("3"): send it back as If-Match.',
        required=True,
        schema=Schema(type=OpenAPIType.STRING, pattern=r'^"[0-9]{1,9}"$'),
    ),
    "WWW-Authenticate": OpenAPIHeader(
        description='Bearer realm="tracker" (with error="invalid_token" for a key that was '
        "sent and is not valid).",
        required=True,
        schema=Schema(type=OpenAPIType.STRING, pattern=r"^Bearer "),
    ),
    "Retry-After": OpenAPIHeader(
        description="Seconds to wait before retrying: the database may be back by then.",
        required=True,
        schema=Schema(type=OpenAPIType.STRING, pattern=r"^[0-9]+$"),
    ),
}
"""Response headers, declared once under components.headers and referenced."""

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
    },
    headers=cast("dict[str, OpenAPIHeader | Reference]", HEADERS),
)


class FieldError(msgspec.Struct, omit_defaults=True):
    """One invalid field: its path (``statements[0].speaker.name``) and what is wrong."""

    field: str = ""
    message: str = ""


class Problem(msgspec.Struct, omit_defaults=True):
    """RFC 9457 problem details: every 4xx and 5xx body, as application/problem+json."""

    type: str
    """Always ``about:blank``: the status and title say what happened."""
    title: str
    status: Annotated[int, msgspec.Meta(ge=400, le=599)]
    detail: str
    instance: str
    """The request's path."""
    errors: list[FieldError] = msgspec.field(default_factory=list)
    """Each invalid field or parameter (400 and 422), when the API can name them."""


STATUS_MEANING = {
    400: (
        "Malformed request: a query, path or header parameter out of its schema, a cursor "
        "this API did not issue, a body that is not JSON, or a Host not in "
        "TRACKER_ALLOWED_HOSTS"
    ),
    401: "No API key, or one that is unknown or revoked (WWW-Authenticate: Bearer)",
    403: "The key's role may not do this",
    404: "No such id",
    409: "Conflicts with the stored state",
    412: "If-Match names a version that is no longer the stored one",
    413: "Body over TRACKER_MAX_BODY_BYTES, or nested deeper than 64 levels",
    415: "Body not sent as application/json (or another +json type)",
    422: "A well-formed JSON body with invalid fields (`errors` names each)",
    428: "If-Match is missing (or *): send the ETag you read",
    503: (
        "The database cannot serve (unreachable, shutting down, out of connections): "
        "retry after Retry-After seconds; nothing was written"
    ),
}


def problem_responses(*statuses: int, note: dict[int, str] | None = None) -> dict[int, Any]:
    """OpenAPI responses for ``statuses``, each a problem+json body."""
    notes = note or {}
    return {
        status: ResponseSpec(
            data_container=Problem,
            media_type=PROBLEM_JSON,
            description=notes.get(status, STATUS_MEANING[status]),
            generate_examples=False,
        )
        for status in statuses
    }


def _problem(description: str) -> OpenAPIResponse:
    schema = Reference(ref="#/components/schemas/Problem")
    return OpenAPIResponse(
        description=description, content={PROBLEM_JSON: OpenAPIMediaType(schema=schema)}
    )


def _header(name: str) -> Reference:
    return Reference(ref=_HEADER_REF + name)


REQUEST_ID_PARAMETER = Parameter(
    name="X-Request-Id",
    param_in="header",
    required=False,
    description=(
        "An id of the client's for this request, echoed in the response and recorded in the "
        f"audit trail when it matches {REQUEST_ID_PATTERN} (any other is replaced)"
    ),
    schema=Schema(type=OpenAPIType.STRING),
)


@dataclass(frozen=True, slots=True)
class Contract:
    """What a route adds to what Litestar sees in its handler (``api.auth.access``)."""

    role: str
    """``public``, ``reader``, ``editor`` or ``admin`` (api.auth)."""
    etag: bool = False
    """Its 2xx responses carry the row's version as ETag."""
    content: Mapping[str, Schema | Reference] = field(default_factory=dict)
    """More media types its 2xx responses come in (a report's formats)."""


ROLE_WORDS = {
    "reader": "Open to anyone unless the server runs with TRACKER_READS=key; then it needs "
    "an API key of any role.",
    "editor": "Needs an API key with the role editor or admin.",
    "admin": "Needs an API key with the role admin.",
}


class ApiOperation(Operation):
    """An operation as the API answers it; built by Litestar for each route handler."""

    contract: ClassVar[Contract] = Contract("admin")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        complete(self, self.contract)


def operation_class(contract: Contract) -> type[ApiOperation]:
    """The operation class of routes with ``contract`` (Litestar's ``operation_class``)."""
    return cast("type[ApiOperation]", type("ApiOperation", (ApiOperation,), {"contract": contract}))


def complete(operation: Operation, contract: Contract) -> None:
    """Add to ``operation`` every status, header and media type the API really sends."""
    parameters = [_plain(p) if isinstance(p, Parameter) else p for p in operation.parameters or []]
    if not any(isinstance(p, Parameter) and p.name == "X-Request-Id" for p in parameters):
        parameters.append(REQUEST_ID_PARAMETER)
    operation.parameters = parameters
    body = operation.request_body
    if isinstance(body, RequestBody) and _allows_null(body):
        body.required = False  # api.body: an optional body may be left out entirely
    if contract.role in ROLE_WORDS and ROLE_WORDS[contract.role] not in (
        operation.description or ""
    ):
        words = (operation.description or "").strip()
        operation.description = f"{words}\n\n{ROLE_WORDS[contract.role]}".strip()
    responses = dict(operation.responses or {})
    for status in sorted(implied_statuses(operation)):
        responses.setdefault(str(status), _problem(STATUS_MEANING[status]))
    for code, response in responses.items():
        if isinstance(response, OpenAPIResponse):
            _complete_response(int(code), response, contract)
    operation.responses = dict(sorted(responses.items()))


def implied_statuses(operation: Operation) -> set[int]:
    """The problem statuses the way to ``operation``'s handler can answer with."""
    statuses = {400, 503}
    if operation.request_body is not None:
        statuses |= {413, 415, 422}
    for parameter in operation.parameters or []:
        if not isinstance(parameter, Parameter):
            continue
        if parameter.param_in == "path":
            statuses.add(404)
        if parameter.param_in == "header" and parameter.name.lower() == "if-match":
            statuses |= {412, 428} if parameter.required else {412}
    if any(requirement for requirement in operation.security or []):
        statuses |= {401, 403}
    return statuses


def _complete_response(status: int, response: OpenAPIResponse, contract: Contract) -> None:
    headers = dict(response.headers or {})
    headers.setdefault("X-Request-Id", _header("X-Request-Id"))
    is_problem = PROBLEM_JSON in (response.content or {})
    if status == 401:
        headers.setdefault("WWW-Authenticate", _header("WWW-Authenticate"))
    if status == 503 and is_problem:
        headers.setdefault("Retry-After", _header("Retry-After"))
    if 200 <= status < 300:
        if contract.etag:
            headers.setdefault("ETag", _header("ETag"))
        if contract.content:
            content = dict(response.content or {})
            for media_type, schema in contract.content.items():
                content.setdefault(media_type, OpenAPIMediaType(schema=schema))
            response.content = content
    response.headers = headers


def _allows_null(body: RequestBody) -> bool:
    return any(
        isinstance(media.schema, Schema) and _null_branch(media.schema) is not None
        for media in body.content.values()
    )


def _null_branch(schema: Schema) -> Schema | Reference | None:
    """The one non-null branch of ``X | None``, or None when ``schema`` is no such union."""
    branches = list(schema.one_of or schema.any_of or [])
    nulls = [b for b in branches if isinstance(b, Schema) and b.type == OpenAPIType.NULL]
    if len(branches) == 2 and len(nulls) == 1:
        return next(b for b in branches if b is not nulls[0])
    return None


def _plain(parameter: Parameter) -> Parameter:
    """The parameter without what Litestar repeats or cannot mean: its description again
    in its schema, ``null`` for one that is sent or left out, a header's "" default."""
    if parameter.param_in != "path":
        parameter = _without_null(parameter)
    schema = parameter.schema
    if isinstance(schema, Schema):
        if schema.description == parameter.description:
            schema.description = None
        if parameter.param_in == "header" and schema.default == "":
            schema.default = None  # api.preconditions: "" only stands for "not sent"
    return parameter


def _without_null(parameter: Parameter) -> Parameter:
    """A query or header parameter is sent or left out, never ``null``: its schema loses
    the ``null`` Litestar gives an optional one (``?include=null`` is no value of it)."""
    schema = parameter.schema
    if not isinstance(schema, Schema):
        return parameter
    if isinstance(schema.type, list | tuple) and OpenAPIType.NULL in schema.type:
        kinds = [t for t in schema.type if t != OpenAPIType.NULL]
        schema.type = kinds[0] if len(kinds) == 1 else kinds
        if schema.enum is not None:
            schema.enum = [v for v in schema.enum if v is not None]
        return parameter
    branch = _null_branch(schema)
    if isinstance(branch, Schema):
        for spec in fields(Schema):
            if spec.name not in {"one_of", "any_of"} and getattr(branch, spec.name) is None:
                setattr(branch, spec.name, getattr(schema, spec.name))
        parameter.schema = branch
    return parameter
