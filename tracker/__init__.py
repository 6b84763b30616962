"""tracker: quotes, speakers and chains of citations, stored in PostgreSQL."""

from __future__ import annotations

__version__ = "0.1.0"
