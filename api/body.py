"""What a JSON endpoint checks before Litestar decodes its body: the media type, the
nesting depth, and the types, strictly.

Litestar decodes any body as JSON whatever its Content-Type, which lets a page on any
site post to the API with a "simple" request (text/plain or a form, no CORS preflight);
its decoder recurses once per nesting level (RecursionError, a 500, a thousand levels
down); and it converts the decoded body laxly, so ``"start": "0"`` became 0. This runs
on every route under /api/v1 whose handler takes a body, as a guard after the role guard
(a request without a valid key gets its 401 before its body is read, let alone parsed)
and before the handler's arguments are built.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, cast

import msgspec
from litestar.exceptions import ClientException
from litestar.serialization import default_deserializer

from api.errors import UnsupportedMediaTypeError
from tracker.store.validation import MAX_JSON_DEPTH, check_json_depth

if TYPE_CHECKING:
    from litestar import Request
    from litestar.connection import ASGIConnection
    from litestar.handlers import HTTPRouteHandler
    from litestar.handlers.base import BaseRouteHandler


def is_json_media_type(media_type: str) -> bool:
    """application/json, or any ``+json`` type (application/merge-patch+json, …)."""
    kind = media_type.strip().lower()
    return kind == "application/json" or (
        kind.startswith("application/") and kind.endswith("+json")
    )


def body_type(handler: HTTPRouteHandler) -> Any | None:
    """The type a handler's ``data`` is decoded to, or None when it takes no body."""
    field = handler.parsed_fn_signature.parameters.get("data")
    return None if field is None else field.annotation


def body_optional(handler: HTTPRouteHandler) -> bool:
    """Whether the handler's body may be left out (``data: X | None = None``)."""
    field = handler.parsed_fn_signature.parameters.get("data")
    return field is not None and field.is_optional


async def json_bodies(
    connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler
) -> None:
    """The guard: 415 unless the body is JSON; 413 past ``MAX_JSON_DEPTH`` levels of
    nesting; then the body decoded strictly into the handler's type (400 not JSON, 422
    wrong shape or type).

    Litestar decodes it again afterwards (its body is cached on the connection): what
    decodes strictly converts laxly to the same value, so the handler sees one result.
    """
    http_handler = cast("HTTPRouteHandler", handler)
    target = body_type(http_handler)
    if target is None or http_handler.resolve_data_dto() is not None:
        return
    request = cast("Request[Any, Any, Any]", connection)
    await check_body(request, http_handler, target)


async def check_body(
    request: Request[Any, Any, Any],
    handler: HTTPRouteHandler,
    target: Any,
    max_depth: int = MAX_JSON_DEPTH,
) -> None:
    media_type, _ = request.content_type
    if not media_type and body_optional(handler) and not await request.body():
        return  # no body at all where none is needed: nothing to decode
    if not is_json_media_type(media_type):
        raise UnsupportedMediaTypeError(
            detail=(f"this endpoint takes application/json, not {media_type or 'no Content-Type'}")
        )
    body = await request.body()  # 413 above TRACKER_MAX_BODY_BYTES
    check_json_depth(body, "the JSON body", max_depth)
    decoder = partial(default_deserializer, type_decoders=handler.resolve_type_decoders())
    try:
        msgspec.json.decode(body, type=target, strict=True, dec_hook=decoder)
    except msgspec.DecodeError as exc:
        # ValidationError (wrong shape: 422) is a DecodeError (not JSON: 400);
        # api.errors tells them apart by the cause
        raise ClientException(detail=str(exc)) from exc
