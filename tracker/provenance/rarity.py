"""How common each word is among stored statements, from PostgreSQL's own statistics.

ANALYZE keeps, for the statements' full-text column, its most common words with the
share of statements holding each (``pg_stats.most_common_elems``). A lookup that asks
for pairs of common words makes the full-text index return a share of the whole corpus,
so its cost grows with the corpus; pairs of words outside that list stay a handful of
statements at any size. Read once per engine and kept for a few minutes (statistics
change only when ANALYZE runs). On Citus the coordinator holds no rows to analyze, so
the list is empty there and the lookup keeps its longest words.
"""

from __future__ import annotations

import time
from threading import Lock
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from sqlalchemy import text

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

KEEP_S = 600.0
"""How long one reading of the statistics serves."""

_COMMON_SQL = text(
    """
    SELECT u.word, u.share
    FROM pg_stats s,
         unnest(CAST(CAST(s.most_common_elems AS text) AS text[]), s.most_common_elem_freqs)
             AS u(word, share)
    WHERE s.schemaname = current_schema() AND s.tablename = 'statement'
      AND s.attname = 'search_vector' AND u.word IS NOT NULL
    """
)

_read: WeakKeyDictionary[Engine, tuple[float, dict[str, float]]] = WeakKeyDictionary()
_lock = Lock()


def common_words(session: Session) -> dict[str, float]:
    """The corpus's most common words (as the full-text index holds them) and the share
    of statements holding each; empty before the first ANALYZE."""
    connection = session.connection()
    engine = connection.engine
    now = time.monotonic()
    known = _read.get(engine)
    if known is not None and known[0] > now:
        return known[1]
    shares = {str(r.word): float(r.share) for r in connection.execute(_COMMON_SQL)}
    with _lock:
        _read[engine] = (now + KEEP_S, shares)
    return shares


def forget(engine: Engine) -> None:
    """Read the statistics again on the next lookup (after an ANALYZE that matters now)."""
    with _lock:
        _read.pop(engine, None)
