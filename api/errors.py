"""The one place errors become RFC 9457 problem+json responses."""

from __future__ import annotations

import logging
from typing import Any

import msgspec
import psycopg
from litestar import MediaType, Request, Response
from litestar.exceptions import HTTPException, ValidationException
from litestar.types import ExceptionHandlersMap
from sqlalchemy.exc import SQLAlchemyError

from tracker.db import database_unavailable, value_refused
from tracker.errors import (
    ConflictError,
    DatabaseUnavailableError,
    NotFoundError,
    ParameterError,
    PreconditionFailedError,
    PreconditionRequiredError,
    TooLargeError,
    TrackerError,
    ValidationError,
)

PROBLEM_JSON = "application/problem+json"
STATUS_OF: dict[type[TrackerError], int] = {
    ConflictError: 409,
    PreconditionFailedError: 412,
    PreconditionRequiredError: 428,
}
"""Domain errors whose status is theirs alone (the rest are sorted out below)."""
_log = logging.getLogger(__name__)


RETRY_AFTER_SECONDS = 5
"""Sent with 503: the database may be back in a moment."""
_RETRY_AFTER = {"Retry-After": str(RETRY_AFTER_SECONDS)}


class ProblemException(HTTPException):
    """An HTTP error raised by the API's own checks, with the title its problem carries."""

    title = "Error"


class HostNotAllowedError(ProblemException):
    """The Host header names a host this server does not serve (TRACKER_ALLOWED_HOSTS)."""

    status_code = 400
    title = "Host not allowed"


class UnsupportedMediaTypeError(ProblemException):
    """A JSON endpoint was sent something other than JSON."""

    status_code = 415
    title = "Unsupported media type"


def problem(
    request: Request[Any, Any, Any],
    status: int,
    title: str,
    detail: str,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> Response[dict[str, Any]]:
    """A problem+json response; ``extra`` adds members such as ``errors``."""
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
    }
    body.update(extra)
    return Response(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def tracker_error_handler(
    request: Request[Any, Any, Any], exc: TrackerError
) -> Response[dict[str, Any]]:
    if isinstance(exc, NotFoundError):
        return problem(request, 404, exc.title, str(exc))
    if isinstance(exc, ParameterError):
        return problem(request, 400, exc.title, str(exc), errors=exc.errors)
    if isinstance(exc, ValidationError):
        return problem(request, 422, exc.title, str(exc), errors=exc.errors)
    if isinstance(exc, TooLargeError):
        return problem(request, 413, exc.title, str(exc))
    if isinstance(exc, DatabaseUnavailableError):
        return problem(request, 503, exc.title, str(exc), headers=_RETRY_AFTER)
    status = STATUS_OF.get(type(exc))
    if status is not None:
        return problem(request, status, exc.title, str(exc))
    return problem(request, 400, exc.title, str(exc))


def msgspec_error(exc: BaseException) -> msgspec.DecodeError | None:
    """The msgspec error under Litestar's wrapping of a body it could not decode, if any.

    Litestar raises ``ClientException`` from ``SerializationException`` from msgspec's
    error; ``msgspec.ValidationError`` (JSON of the wrong shape) is a subclass of
    ``msgspec.DecodeError`` (not JSON at all), so the type tells 422 from 400.
    """
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, msgspec.DecodeError):
            return cause
        cause = cause.__cause__
    return None


def _json_path(message: str) -> str:
    """The field msgspec names at the end of its message ("... - at `$.statements[0]`")."""
    return message.rsplit("at `", 1)[-1].rstrip("`").removeprefix("$.") if "at `" in message else ""


def http_error_handler(
    request: Request[Any, Any, Any], exc: HTTPException
) -> Response[dict[str, Any]]:
    status = exc.status_code
    detail = str(exc.detail)
    if isinstance(exc, ProblemException):
        return problem(request, status, exc.title, detail, headers=exc.headers)
    if isinstance(exc, ValidationException) and exc.extra:
        errors = [
            {"field": str(e.get("key", "")), "message": str(e.get("message", ""))}
            for e in exc.extra
            if isinstance(e, dict)
        ]
        in_body = any(isinstance(e, dict) and e.get("source") == "body" for e in exc.extra)
        if in_body:
            return problem(request, 422, "Invalid body", detail, errors=errors)
        return problem(request, 400, "Invalid parameters", detail, errors=errors)
    if status == 400:
        cause = msgspec_error(exc)
        if isinstance(cause, msgspec.ValidationError):
            errors = [{"field": _json_path(str(cause)), "message": str(cause)}]
            return problem(request, 422, "Invalid body", detail, errors=errors)
        return problem(request, 400, "Malformed request", detail)
    if status == 413:
        return problem(request, 413, "Request body too large", detail)
    if status >= 500:
        _log.error("HTTP %s on %s: %s", status, request.url.path, detail)
    # 405 carries Allow, 401 WWW-Authenticate: the router's headers go out with the problem
    return problem(request, status, _title(status), detail, headers=exc.headers)


def database_error_handler(
    request: Request[Any, Any, Any], exc: Exception
) -> Response[dict[str, Any]]:
    """503 only when the database cannot serve (it tells clients to retry); 422 for a
    value PostgreSQL refused, which validation should have caught; 500 for the rest.

    The transaction was rolled back either way: nothing was written.
    """
    if database_unavailable(exc):
        _log.error("database unavailable on %s: %s", request.url.path, exc)
        return problem(
            request,
            503,
            "Database unavailable",
            "the database could not be reached",
            headers=_RETRY_AFTER,
        )
    if value_refused(exc):
        # tracker.store.validation bounds every field; this is a rule it missed
        _log.error("value refused by the database on %s: %s", request.url.path, exc)
        return problem(request, 422, "Invalid input", "a value cannot be stored as given")
    return unexpected_error_handler(request, exc)


def unexpected_error_handler(
    request: Request[Any, Any, Any], exc: Exception
) -> Response[dict[str, Any]]:
    _log.exception("unexpected error on %s", request.url.path, exc_info=exc)
    return problem(request, 500, "Internal error", "the server failed; the error was logged")


def _title(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


EXCEPTION_HANDLERS: ExceptionHandlersMap = {
    TrackerError: tracker_error_handler,
    HTTPException: http_error_handler,
    SQLAlchemyError: database_error_handler,
    psycopg.Error: database_error_handler,
    Exception: unexpected_error_handler,
}

__all__ = [
    "EXCEPTION_HANDLERS",
    "PROBLEM_JSON",
    "HostNotAllowedError",
    "MediaType",
    "ProblemException",
    "UnsupportedMediaTypeError",
    "problem",
]
