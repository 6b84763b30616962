"""Text -> Extraction: quotes, speakers and citation chains, pure and deterministic."""

from __future__ import annotations

from tracker.extract.language import detect_language
from tracker.extract.model import (
    Extraction,
    Hop,
    Source,
    SourceRef,
    Statement,
    Unattributed,
)
from tracker.extract.pipeline import EXTRACTOR_VERSION, extract
from tracker.extract.render import render_text

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
    "render_text",
]
