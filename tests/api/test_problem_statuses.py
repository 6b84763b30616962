"""400 or 422 for a body Litestar could not decode, told by msgspec's error type."""

from __future__ import annotations

import msgspec
import pytest
from litestar.exceptions import ClientException, SerializationException
from litestar.testing import RequestFactory

from api.errors import PROBLEM_JSON, http_error_handler


def _wrapped(error: msgspec.DecodeError) -> ClientException:
    """As Litestar raises it: ClientException from SerializationException from msgspec."""
    try:
        try:
            raise error
        except msgspec.DecodeError as exc:
            raise SerializationException(str(exc)) from exc
    except SerializationException as exc:
        wrapped = ClientException(str(exc))
        wrapped.__cause__ = exc
        return wrapped


@pytest.mark.parametrize(
    ("error", "status", "field"),
    [
        # not JSON at all, even when the words look like a shape error's
        (msgspec.DecodeError("Expected `object`, got end of input"), 400, None),
        (msgspec.DecodeError("Input data was truncated"), 400, None),
        # JSON of the wrong shape, even when the words look like a syntax error's
        (msgspec.ValidationError("Invalid JSON type - at `$.statements[0].kind`"), 422,
         "statements[0].kind"),
        (msgspec.ValidationError("Object missing required field `text`"), 422, ""),
    ],
)  # fmt: skip
def test_the_error_type_decides_the_status(
    error: msgspec.DecodeError, status: int, field: str | None
) -> None:
    request = RequestFactory().post("/api/v1/documents")
    response = http_error_handler(request, _wrapped(error))
    assert response.status_code == status
    assert response.media_type == PROBLEM_JSON
    body = response.content
    assert body["status"] == status and body["instance"] == "/api/v1/documents"
    if field is None:
        assert "errors" not in body
    else:
        assert body["errors"] == [{"field": field, "message": str(error)}]


def test_a_client_error_without_msgspec_under_it_stays_400() -> None:
    request = RequestFactory().get("/api/v1/documents")
    response = http_error_handler(request, ClientException("Invalid thing"))
    assert response.status_code == 400 and response.content["title"] == "Malformed request"
