"""The desk's Jinja environment: autoescaped templates from api/templates, a few filters."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from litestar.response import Template

from api.pages.charts import statements_chart
from api.pages.csrf import csrf_field
from api.pages.flags import flag_note
from api.pages.links import ADD_STORY_PATH, LOGIN_PATH, LOGOUT_PATH, statement_href
from api.pages.notices import notice_for
from tracker import __version__
from tracker.vocabulary import SOURCE_KINDS


def when(moment: datetime | None) -> str:
    """A publication time as a person reads it, in UTC; unknown times say so."""
    if moment is None:
        return "date unknown"
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%-d %b %Y, %H:%M UTC")


def iso(moment: datetime | None) -> str:
    """A machine-readable time for ``<time datetime>``, or an empty string."""
    return moment.isoformat() if moment is not None else ""


def percent(share: float) -> str:
    """A share 0..1 as a whole percentage."""
    return f"{share * 100:.0f}%"


def web_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address with a host, else None: a stored URL never
    becomes a ``javascript:`` or ``data:`` link (the same rule as the HTML report's)."""
    if not url:
        return None
    parts = urlsplit(url)
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def login_href(request: Any) -> str:
    """The sign-in page, coming back here afterwards (a page read, not the start page)."""
    path = request.url.path
    if request.method != "GET" or path in (LOGIN_PATH, "/"):
        return LOGIN_PATH
    query = request.url.query
    return f"{LOGIN_PATH}?{urlencode({'next': path + ('?' + query if query else '')})}"


RELATIONS = ("said", "reported_by", "citing", "according_to", "told", "quoted_by")
"""Relations offered as suggestions in the chain form (the vocabulary is open)."""


def make_environment() -> Environment:
    """Autoescape is on for every template: every text shown comes from a story."""
    env = Environment(
        loader=PackageLoader("api", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(when=when, iso=iso, percent=percent, web_url=web_url)
    env.globals.update(
        flag_note=flag_note,
        statement_href=statement_href,
        statements_chart=statements_chart,
        login_path=LOGIN_PATH,
        logout_path=LOGOUT_PATH,
        add_story_path=ADD_STORY_PATH,
        asset_version=__version__,
        csrf_field=csrf_field,
        login_href=login_href,
        notice_for=notice_for,
        source_kinds=SOURCE_KINDS,
        relations=RELATIONS,
    )
    return env


def page(name: str, current_user: Any, status_code: int = 200, **context: Any) -> Template:
    """The page ``desk/{name}.html.j2`` for ``current_user`` (None: an anonymous reader)."""
    return Template(
        template_name=f"desk/{name}.html.j2",
        context={"current_user": current_user, **context},
        status_code=status_code,
    )
