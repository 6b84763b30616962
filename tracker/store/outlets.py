"""Known outlets and wire services: by name or by a URL's domain, with state-media status."""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

from tracker.extract.lexicon import Outlet, load_outlets
from tracker.store.inputs import SourceIn
from tracker.store.names import normalize_name


@functools.cache
def _by_domain() -> dict[str, Outlet]:
    return {domain.lower(): o for o in load_outlets() for domain in o.domains}


@functools.cache
def _by_name() -> dict[str, Outlet]:
    index: dict[str, Outlet] = {}
    for outlet in load_outlets():
        for alias in (outlet.name, *outlet.aliases):
            index.setdefault(normalize_name(alias), outlet)
    return index


def outlet_for_url(url: str | None) -> Outlet | None:
    """The known outlet whose domain (or a parent domain) serves ``url``."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        found = _by_domain().get(".".join(parts[i:]))
        if found is not None:
            return found
    return None


def outlet_by_name(name: str) -> Outlet | None:
    """The known outlet called ``name`` (any alias, any case)."""
    return _by_name().get(normalize_name(name))


def outlet_source(name: str | None, url: str | None) -> SourceIn | None:
    """The document's outlet as a source: the name given, else the URL's known outlet."""
    if name and name.strip():
        known = outlet_by_name(name)
        if known is not None:
            return SourceIn(known.name, "news_outlet", state_media=known.state_media)
        return SourceIn(name.strip(), "news_outlet")
    known = outlet_for_url(url)
    if known is not None:
        return SourceIn(known.name, "news_outlet", state_media=known.state_media)
    return None


def canonical_outlet(mention: SourceIn, normalized: str) -> tuple[SourceIn, str]:
    """A known outlet under its list name, with its state-media status, and its key."""
    known = outlet_by_name(mention.name)
    if known is None:
        return mention, normalized
    canonical = SourceIn(
        name=known.name,
        kind="news_outlet",
        role=mention.role,
        affiliation=mention.affiliation,
        state_media=known.state_media or mention.state_media,
    )
    return canonical, normalize_name(known.name)
