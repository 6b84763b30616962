"""Text -> Extraction: quotes, speakers and citation chains, pure and deterministic."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from tracker.extract import native
from tracker.extract.model import (
    Extraction,
    Hop,
    Source,
    SourceRef,
    Statement,
    Unattributed,
)
from tracker.extract.render import render_text

# The version of the rules, stored with every extraction: `tracker reextract` redoes
# documents extracted by another.
EXTRACTOR_VERSION = "rules-0.10.2"


def extract(text: str, language: str = "auto", *, outlet: str | None = None) -> Extraction:
    """Extract statements, sources and unattributed claims from one news text.

    Pure and deterministic: the same text, language and outlet always give the same
    Extraction, offsets index the input exactly, and no input string makes it raise (an
    unknown `language` is a ValueError). `outlet` is the document's own outlet (a name of
    the outlet list, or any name): it is never a hop, so what it gathered is first-hand.
    See `tracker.extract.pipeline` for the sieves.
    """
    return _extractor()(text, language, outlet)


def detect_language(text: str) -> str:
    """The lexicon language ("id" or "en") whose function words the text uses most."""
    return _detector()(text)


@functools.cache
def native_active() -> bool:
    """Whether the compiled extractor runs. The first call (or the first extraction)
    decides, from the settings (`TRACKER_NATIVE`) and the freshness of the build; importing
    this package decides nothing and reads no environment."""
    from tracker.config import get_settings

    return native.activate(__path__, enabled=get_settings().native)


@functools.cache
def _extractor() -> Callable[[str, str, str | None], Extraction]:
    native_active()  # before the first compiled module is imported
    from tracker.extract.pipeline import extract as run

    return run


@functools.cache
def _detector() -> Callable[[str], str]:
    native_active()
    from tracker.extract.language import detect_language as detect

    return detect


if TYPE_CHECKING:
    NATIVE: bool
    """Whether the compiled extractor runs: `native_active()`, kept for its readers."""
else:

    def __getattr__(name):
        # `NATIVE` is decided when first read, not at import (see native_active)
        if name == "NATIVE":
            return native_active()
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "EXTRACTOR_VERSION",
    "Extraction",
    "Hop",
    "Source",
    "SourceRef",
    "Statement",
    "Unattributed",
    "detect_language",
    "extract",
    "native_active",
    "render_text",
]
