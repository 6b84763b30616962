"""Run Alembic programmatically: upgrade, downgrade, current and drift checks."""

from __future__ import annotations

import io
from pathlib import Path

from alembic import command
from alembic.config import Config

_ROOT = Path(__file__).resolve().parent.parent


def alembic_config(url: str) -> Config:
    """Alembic config for the repo's migrations, pointed at ``url``."""
    cfg = Config(str(_ROOT / "alembic.ini"), stdout=io.StringIO())
    cfg.set_main_option("script_location", str(_ROOT / "alembic"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    """Migrate the database at ``url`` up to ``revision``."""
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str = "-1") -> None:
    """Migrate the database at ``url`` down to ``revision``."""
    command.downgrade(alembic_config(url), revision)


def current(url: str) -> str:
    """The revision the database at ``url`` is at, as Alembic prints it."""
    cfg = alembic_config(url)
    command.current(cfg)
    out = cfg.stdout
    assert isinstance(out, io.StringIO)
    return out.getvalue().strip()
