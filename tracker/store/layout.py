"""Which layout the database has: one PostgreSQL, or tables distributed by Citus.

Found once per engine (two catalog reads on its first session) and remembered: the walk,
the writer and the reports pick their Citus form from it on every call without asking
the server again.
"""

from __future__ import annotations

from threading import Lock
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from sqlalchemy import text

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

_HAS_CITUS_SQL = text("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus')")
_DISTRIBUTED_SQL = text(
    "SELECT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = to_regclass('document'))"
)

_known: WeakKeyDictionary[Engine, bool] = WeakKeyDictionary()
_lock = Lock()


def is_citus(session: Session) -> bool:
    """The session's database is a Citus coordinator with ``document`` distributed.

    The extension alone is not enough: a database may have it before the layout
    migration (0005) has distributed anything, and local tables keep today's keys.
    """
    connection = session.connection()
    engine = connection.engine
    found = _known.get(engine)
    if found is None:
        found = bool(connection.execute(_HAS_CITUS_SQL).scalar_one())
        if found:
            found = bool(connection.execute(_DISTRIBUTED_SQL).scalar_one())
        with _lock:
            _known[engine] = found
    return found


def forget(engine: Engine) -> None:
    """Look again on the next session (after migrating a database across layouts)."""
    with _lock:
        _known.pop(engine, None)


_SEQUENTIAL_SQL = text("SET LOCAL citus.multi_shard_modify_mode TO 'sequential'")


def one_connection_per_node(session: Session) -> None:
    """On Citus, run the rest of this transaction over one connection per worker.

    A write reads several shards (duplicate checks, linking) and then writes sources,
    which are reference tables copied to every node; after a parallel multi-shard step
    Citus refuses that write (``cannot modify table "source" because there was a parallel
    operation on a distributed table in the transaction``). Sequential mode keeps every
    step on the one connection per node that later steps can see. Nothing on one
    PostgreSQL.
    """
    if is_citus(session):
        session.execute(_SEQUENTIAL_SQL)
