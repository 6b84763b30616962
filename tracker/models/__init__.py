"""SQLModel tables, one module per aggregate, re-exported here."""

from __future__ import annotations

from tracker.models.access import ApiKey, DeskSession
from tracker.models.audit import AuditEntry
from tracker.models.base import NAMING_CONVENTION
from tracker.models.citation import Citation
from tracker.models.document import Document
from tracker.models.source import Source, SourceAlias
from tracker.models.statement import Statement

__all__ = [
    "NAMING_CONVENTION",
    "ApiKey",
    "AuditEntry",
    "Citation",
    "DeskSession",
    "Document",
    "Source",
    "SourceAlias",
    "Statement",
]
