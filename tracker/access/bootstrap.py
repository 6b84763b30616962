"""The first admin key: made when `tracker serve` meets a database without any key."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text

from tracker.access.actor import Actor
from tracker.access.keys import create_key
from tracker.store.keys import count_keys

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

FIRST_ADMIN_NAME = "admin"
ADMIN_KEY_FILE = "admin.key"
"""In the data directory, readable by its owner only (0600)."""
BOOTSTRAP_ACTOR = Actor(name="tracker serve")
_BOOTSTRAP_LOCK = 7_262_022
"""Advisory lock: two servers starting at once on an empty database make one key."""


@dataclass(frozen=True, slots=True)
class FirstKey:
    """The admin key made on first start, and the file that keeps a copy of it."""

    key: str
    path: Path


def write_key_file(data_dir: Path, key: str) -> Path:
    """Write ``key`` to ``data_dir/admin.key``, created afresh with mode 0600.

    O_EXCL after removing any old file: the key never lands in a file someone else
    created (or a symlink they planted), and is never readable by others, not even
    for a moment between create and chmod.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / ADMIN_KEY_FILE
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(key + "\n")
    return path


def first_admin_key(session: Session, data_dir: Path) -> FirstKey | None:
    """Make the admin key if the database has no key at all (revoked ones count), in the
    caller's transaction; None when there is one already. The file is written before the
    transaction commits, so a key nobody could read is never left behind."""
    session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _BOOTSTRAP_LOCK})
    if count_keys(session) > 0:
        return None
    created = create_key(session, BOOTSTRAP_ACTOR, FIRST_ADMIN_NAME, "admin")
    return FirstKey(created.key, write_key_file(data_dir, created.key))
