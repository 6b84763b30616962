"""A Citus cluster for the `citus` tests: started here (or named by TRACKER_TEST_CITUS_URL).

The tests run only when asked for (`make test-citus`, i.e. `pytest -m citus`, or with
TRACKER_TEST_CITUS_URL set); a plain `make test` skips them with one line saying how.
Without TRACKER_TEST_CITUS_URL the session builds Citus if its cache is empty, starts
a coordinator and two workers on free ports in a temporary directory, and stops and
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

SKIP_REASON = (
    "Citus cluster tests: run `make test-citus` (pytest -m citus) or set TRACKER_TEST_CITUS_URL"
)
TEST_SHARD_COUNT = 4
"""Few shards per table: each test database distributes seven tables on creation."""

_log = logging.getLogger("tracker.tests.citus")


def citus_requested(config: pytest.Config) -> bool:
    """`-m citus` (not `-m "not citus"`) or an external cluster named in the environment."""
    markexpr = str(config.getoption("markexpr") or "")
    asked = "citus" in markexpr and "not citus" not in markexpr
    return asked or bool(os.environ.get("TRACKER_TEST_CITUS_URL"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if citus_requested(config):
        return
    skip = pytest.mark.skip(reason=SKIP_REASON)
    for item in items:
        if "citus" in item.keywords:
            item.add_marker(skip)


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
    config = ClusterConfig.from_env()
    if not CitusBuild(config.cache_dir, wheel_postgres()).is_complete():
        missing = missing_prerequisites(config, wheel_postgres())
        if missing:
            pytest.skip(f"cannot build Citus: {missing}")
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
