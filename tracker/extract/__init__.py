"""Text -> Extraction: quotes, speakers and citation chains, pure and deterministic."""

from __future__ import annotations

from tracker.extract import native

# Before any submodule is imported: a fresh compiled build (see native.py) goes first.
NATIVE = native.activate(__path__)

from tracker.extract.language import detect_language  # noqa: E402
from tracker.extract.model import (  # noqa: E402
    Extraction,
    Hop,
    Source,
    SourceRef,
    Statement,
    Unattributed,
)
from tracker.extract.pipeline import EXTRACTOR_VERSION, extract  # noqa: E402
from tracker.extract.render import render_text  # noqa: E402

__all__ = [
    "EXTRACTOR_VERSION",
    "NATIVE",
    "Extraction",
    "Hop",
    "Source",
    "SourceRef",
    "Statement",
    "Unattributed",
    "detect_language",
    "extract",
    "render_text",
]
