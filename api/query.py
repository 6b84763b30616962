"""What every query string under /api/v1 must meet: only the route's own parameters, each
at most once, and ``null`` is no value of a parameter that is not free text.

Litestar takes the last of a repeated parameter (``?limit=1&limit=500``) and reads
``?limit=null`` or ``?include=null`` as if the parameter were not sent, so a client's
mistake passed as a default; it ignores a name it does not know (``?limt=5``), so a
typo went unnoticed too. All three are 400 here, as the OpenAPI document says (a
parameter is a single value of its schema's type); a guard, so a request without a valid
key gets its 401 first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from litestar.enums import ParamType
from litestar.params import ParameterKwarg

from tracker.errors import ParameterError

if TYPE_CHECKING:
    from litestar.connection import ASGIConnection
    from litestar.handlers import HTTPRouteHandler
    from litestar.handlers.base import BaseRouteHandler
    from litestar.typing import FieldDefinition

_NOT_QUERY = frozenset({"data", "request", "state", "scope", "headers", "cookies", "query"})
"""Handler arguments Litestar fills from elsewhere than the query string."""


def query_fields(handler: HTTPRouteHandler, path_params: set[str]) -> dict[str, FieldDefinition]:
    """The handler's query parameters by the name they have in the query string."""
    dependencies = handler.resolve_dependencies()
    found: dict[str, FieldDefinition] = {}
    for name, field in handler.parsed_fn_signature.parameters.items():
        if name in _NOT_QUERY or name in dependencies or name in path_params:
            continue
        kwarg = field.kwarg_definition
        if isinstance(kwarg, ParameterKwarg):
            if kwarg.param_type != ParamType.QUERY:
                continue
            found[kwarg.name or kwarg.query or name] = field
        else:
            found[name] = field
    return found


def takes_text(field: FieldDefinition) -> bool:
    """Whether any string is a value of the parameter (``null`` then means "null")."""
    return field.annotation is str or str in field.args


async def strict_query(
    connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler
) -> None:
    """The guard: 400 for an unknown or repeated parameter, or a ``null`` standing in
    for a value."""
    given = connection.query_params
    if not given:
        return
    fields = query_fields(cast("HTTPRouteHandler", handler), set(connection.path_params))
    unknown = sorted({name for name in given if name not in fields})
    if unknown:
        known = ", ".join(sorted(fields)) or "none"
        raise ParameterError(
            f"unknown query parameter {unknown[0]!r}; this endpoint takes: {known}",
            [{"field": name, "message": "unknown"} for name in unknown],
        )
    for name, field in fields.items():
        values = given.getall(name, [])
        if len(values) > 1:
            raise ParameterError(
                f"{name} given {len(values)} times; send it once",
                [{"field": name, "message": "repeated"}],
            )
        if values and values[0] == "null" and not takes_text(field):
            raise ParameterError(
                f"null is no value of {name}; leave it out instead",
                [{"field": name, "message": "null"}],
            )
