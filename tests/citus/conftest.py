"""A Citus cluster for the `citus` tests: started here (or named by TRACKER_TEST_CITUS_URL).

`make test` runs them whenever a cluster can be had: TRACKER_TEST_CITUS_URL names one, or
Citus is built in its cache already, or it can be built here (source, C compiler, make).
Otherwise they are left out with one line saying why (`TRACKER_TEST_CITUS=0` leaves them
out on purpose); under CI=true a cluster that cannot be had is a failure, not a skip.
`make test-citus` runs them alone (`pytest -m citus`).

Without TRACKER_TEST_CITUS_URL the session builds Citus if its cache is empty, starts a
coordinator and two workers on free ports in a temporary directory, and stops and
removes them at the end, as the root conftest does with its embedded server.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sqlalchemy.engine import make_url

from tracker.cluster.build import CitusBuild, missing_prerequisites
from tracker.cluster.config import ClusterConfig
from tracker.cluster.nodes import free_port_block
from tracker.cluster.postgres import wheel_postgres
from tracker.cluster.topology import (
    Credentials,
    NodeAddress,
    drop_database,
    prepare_database,
    worker_addresses,
)
from tracker.migrations import upgrade

TEST_SHARD_COUNT = 4
"""Few shards per table: each test database distributes seven tables on creation."""

_log = logging.getLogger("tracker.tests.citus")
_LEFT_OUT = pytest.StashKey[str]()


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def why_no_cluster() -> str | None:
    """Why the `citus` tests cannot run here, or None when a cluster can be had."""
    if os.environ.get("TRACKER_TEST_CITUS_URL"):
        return None
    if os.environ.get("TRACKER_TEST_CITUS") == "0":
        return "TRACKER_TEST_CITUS=0"
    config = ClusterConfig.from_env()
    if CitusBuild(config.cache_dir, wheel_postgres()).is_complete():
        return None
    missing = missing_prerequisites(config, wheel_postgres())
    return f"cannot build Citus: {missing}" if missing else None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave the `citus` tests out, in one line, when no cluster can be had."""
    chosen = [item for item in items if "citus" in item.keywords]
    if not chosen:
        return
    reason = why_no_cluster()
    if reason is None or (_in_ci() and reason != "TRACKER_TEST_CITUS=0"):
        return  # run them; in CI the cluster fixture fails loudly if it cannot start
    config.stash[_LEFT_OUT] = f"{len(chosen)} citus tests left out: {reason}"
    items[:] = [item for item in items if "citus" not in item.keywords]
    config.hook.pytest_deselected(items=chosen)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    line = terminalreporter.config.stash.get(_LEFT_OUT, None)
    if line:
        terminalreporter.write_line(line)


@dataclass(frozen=True)
class Cluster:
    """Where the test cluster's nodes listen, and how to log in to them."""

    coordinator: NodeAddress
    workers: list[NodeAddress]
    credentials: Credentials

    def url(self, database: str) -> str:
        auth = self.credentials.user + (
            f":{self.credentials.password}" if self.credentials.password else ""
        )
        host = self.coordinator
        return f"postgresql+psycopg://{auth}@{host.host}:{host.port}/{database}"


@pytest.fixture(scope="session")
def citus_cluster() -> Iterator[Cluster]:
    external = os.environ.get("TRACKER_TEST_CITUS_URL")
    if external:
        yield _external_cluster(external)
        return
    reason = why_no_cluster()
    if reason is not None:
        pytest.fail(f"no Citus cluster under CI: {reason}")
    config = ClusterConfig.from_env()
    root = Path(tempfile.mkdtemp(prefix="tracker-citus-test-"))
    os.chmod(root, 0o755)
    config = dataclasses.replace(
        config, data_dir=root, base_port=free_port_block(config.host, len(config.nodes()))
    )
    from tracker.cluster.lifecycle import addresses, down, up

    try:
        up(config, _log.info)
        coordinator, *workers = addresses(config)
        yield Cluster(coordinator, workers, Credentials())
    finally:
        down(config)
        shutil.rmtree(root, ignore_errors=True)


def _external_cluster(url: str) -> Cluster:
    parsed = make_url(url)
    coordinator = NodeAddress(parsed.host or "127.0.0.1", parsed.port or 5432)
    creds = Credentials(parsed.username or "postgres", parsed.password)
    workers = worker_addresses(coordinator, parsed.database or "postgres", creds)
    return Cluster(coordinator, workers, creds)


DatabaseFactory = Callable[[str], str]


@pytest.fixture(scope="session")
def citus_database(citus_cluster: Cluster) -> Iterator[DatabaseFactory]:
    """Make fresh databases on the cluster, migrated to a revision; all dropped at the end.

    Databases are not cloned from a template as on plain PostgreSQL: Citus keeps shards
    on the workers, and a template copies only the coordinator.
    """
    made: list[str] = []

    def make(revision: str = "head") -> str:
        name = f"tracker_citus_{os.getpid()}_{len(made)}"
        made.append(name)
        cluster = citus_cluster
        drop_database(cluster.coordinator, cluster.workers, name, cluster.credentials)
        prepare_database(cluster.coordinator, cluster.workers, name, cluster.credentials)
        _set_shard_count(cluster, name)
        url = cluster.url(name)
        upgrade(url, revision)
        return url

    yield make
    for name in made:
        cluster = citus_cluster
        drop_database(cluster.coordinator, cluster.workers, name, cluster.credentials)


def _set_shard_count(cluster: Cluster, database: str) -> None:
    node = cluster.coordinator
    with psycopg.connect(
        host=node.host,
        port=node.port,
        user=cluster.credentials.user,
        password=cluster.credentials.password,
        dbname=database,
        autocommit=True,
    ) as conn:
        conn.execute(
            sql.SQL("ALTER DATABASE {} SET citus.shard_count = {}").format(
                sql.Identifier(database), sql.Literal(TEST_SHARD_COUNT)
            )
        )


@pytest.fixture(scope="session")
def citus_db_url(citus_database: DatabaseFactory) -> str:
    """One database at head (the distributed layout) shared by the session's tests."""
    return citus_database("head")
