"""/schema: the API reference drawn on the server from the OpenAPI document.

Litestar's documentation pages load their scripts from a CDN and start them with inline
script, which the desk's Content-Security-Policy forbids and which make every reader's
browser fetch code from another site. This page is plain HTML with the desk's stylesheet
and no script at all; the machine-readable schema stays at /schema/openapi.json and
/schema/openapi.yaml for tools.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from litestar import Router
from litestar.enums import MediaType
from litestar.openapi.plugins import JsonRenderPlugin, OpenAPIRenderPlugin, YamlRenderPlugin

from api.pages.security import page_response_headers
from api.pages.templating import make_environment

if TYPE_CHECKING:
    from litestar import Request

SCHEMA_PATH = "/schema"
METHODS = ("get", "post", "put", "patch", "delete")


@dataclass(frozen=True, slots=True)
class Field:
    """A parameter, property or response: a name, a type in words, and what it means."""

    name: str
    type: str
    required: bool = False
    description: str = ""
    where: str = ""
    refs: tuple[str, ...] = ()
    """Named shapes the type mentions, linked below the operations."""


@dataclass(frozen=True, slots=True)
class Operation:
    method: str
    path: str
    summary: str
    description: str
    anchor: str
    parameters: list[Field] = field(default_factory=list)
    body: Field | None = None
    responses: list[Field] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Model:
    name: str
    description: str
    fields: list[Field]


def type_words(schema: dict[str, Any]) -> str:
    """A JSON Schema as a reader says it: ``DocumentView``, ``array of integer``,
    ``string (date-time) or null``, ``one of json, md``."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    for combined in ("oneOf", "anyOf"):
        if combined in schema:
            return " or ".join(type_words(s) for s in schema[combined])
    if "enum" in schema:
        return "one of " + ", ".join(str(v) for v in schema["enum"])
    if "const" in schema:
        return repr(schema["const"])
    kind = schema.get("type", "any")
    if isinstance(kind, list):
        return " or ".join(type_words({**schema, "type": k}) for k in kind)
    if kind == "array":
        return "array of " + type_words(schema.get("items", {}))
    if schema.get("format"):
        return f"{kind} ({schema['format']})"
    return str(kind)


def shape_refs(schema: Any) -> tuple[str, ...]:
    """Every named shape ``schema`` refers to, in order, once each."""
    found: dict[str, None] = {}
    if isinstance(schema, dict):
        if "$ref" in schema:
            found[str(schema["$ref"]).rsplit("/", 1)[-1]] = None
        for value in schema.values():
            found.update(dict.fromkeys(shape_refs(value)))
    elif isinstance(schema, list):
        for value in schema:
            found.update(dict.fromkeys(shape_refs(value)))
    return tuple(found)


def _bounds(schema: dict[str, Any]) -> str:
    words = [
        f"{label} {schema[key]}"
        for key, label in (
            ("minimum", "at least"),
            ("maximum", "at most"),
            ("minLength", "length at least"),
            ("maxLength", "length at most"),
            ("pattern", "matching"),
        )
        if key in schema
    ]
    return "; ".join(words)


def _parameter(parameter: dict[str, Any]) -> Field:
    schema = parameter.get("schema", {})
    described = " ".join(p for p in (parameter.get("description", ""), _bounds(schema)) if p)
    return Field(
        name=parameter["name"],
        type=type_words(schema),
        required=bool(parameter.get("required")),
        description=described,
        where=parameter.get("in", ""),
    )


def _content_field(name: str, entry: dict[str, Any]) -> Field:
    content = entry.get("content") or {}
    types = [f"{media}: {type_words(c.get('schema', {}))}" for media, c in content.items()]
    return Field(
        name=name,
        type="; ".join(types) or "no body",
        required=bool(entry.get("required")),
        description=str(entry.get("description", "")),
        refs=shape_refs(content),
    )


def operations(schema: dict[str, Any]) -> list[Operation]:
    """Every operation of ``schema``, in path order."""
    found = []
    for path, item in sorted(schema.get("paths", {}).items()):
        for method in METHODS:
            if method not in item:
                continue
            op = item[method]
            body = op.get("requestBody")
            found.append(
                Operation(
                    method=method.upper(),
                    path=path,
                    summary=str(op.get("summary", "")),
                    description=str(op.get("description", "")),
                    anchor=str(op.get("operationId") or f"{method}-{path}"),
                    parameters=[_parameter(p) for p in op.get("parameters", [])],
                    body=_content_field("body", body) if body else None,
                    responses=[
                        _content_field(status, r)
                        for status, r in sorted(op.get("responses", {}).items())
                    ],
                )
            )
    return found


def models(schema: dict[str, Any]) -> list[Model]:
    """The named shapes (components.schemas) with their properties."""
    found = []
    for name, shape in sorted(schema.get("components", {}).get("schemas", {}).items()):
        required = set(shape.get("required", []))
        fields = [
            Field(
                name=prop,
                type=type_words(spec),
                refs=shape_refs(spec),
                required=prop in required,
                description=" ".join(
                    p for p in (str(spec.get("description", "")), _bounds(spec)) if p
                ),
            )
            for prop, spec in shape.get("properties", {}).items()
        ]
        found.append(Model(name, str(shape.get("description", "")), fields))
    return found


class ReferencePage(OpenAPIRenderPlugin):
    """The reference at /schema, rendered once per process (the schema never changes)."""

    def __init__(self) -> None:
        super().__init__(path="/", media_type=MediaType.HTML)
        self._template = make_environment().get_template("schema/reference.html.j2")
        self._rendered: bytes | None = None

    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        if self._rendered is None:
            self._rendered = self._template.render(
                info=openapi_schema.get("info", {}),
                operations=operations(openapi_schema),
                models=models(openapi_schema),
                schema_path=SCHEMA_PATH,
            ).encode()
        return self._rendered


def reference_plugins() -> list[OpenAPIRenderPlugin]:
    """The page at /schema, the schema at /schema/openapi.json and /schema/openapi.yaml."""
    return [ReferencePage(), JsonRenderPlugin(), YamlRenderPlugin()]


def reference_router(opt: dict[str, Any] | None = None) -> Router:
    """The router Litestar fills with the schema's routes: every response carries the
    desk's Content-Security-Policy (scripts and styles from this server only)."""
    return Router(
        SCHEMA_PATH,
        route_handlers=[],
        include_in_schema=False,
        response_headers=page_response_headers(),
        opt=opt,
    )
