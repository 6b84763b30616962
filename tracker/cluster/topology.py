"""A database across the cluster: created on every node, citus in it, workers registered."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import sql

from tracker.cluster.config import ClusterError

CONNECT_TIMEOUT_S = 10


@dataclass(frozen=True, slots=True)
class NodeAddress:
    """Where a node listens, as the other nodes reach it."""

    host: str
    port: int


@dataclass(frozen=True, slots=True)
class Credentials:
    """The superuser every node shares (trust on the local cluster)."""

    user: str = "postgres"
    password: str | None = None


def prepare_database(
    coordinator: NodeAddress,
    workers: list[NodeAddress],
    database: str,
    credentials: Credentials | None = None,
) -> None:
    """Create ``database`` on every node with the citus extension, and register the
    coordinator and workers in it (Citus keeps its node list per database). Idempotent.

    Databases are created node by node: Citus propagates CREATE DATABASE only when
    `citus.enable_create_database_propagation` is on, which it is not by default.
    """
    creds = credentials or Credentials()
    for node in [coordinator, *workers]:
        _create_database(node, database, creds)
        with _connect(node, database, creds) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS citus")
    with _connect(coordinator, database, creds) as conn:
        conn.execute(
            "SELECT citus_set_coordinator_host(%s, %s)", (coordinator.host, coordinator.port)
        )
        known = {
            (row[0], row[1])
            for row in conn.execute("SELECT nodename, nodeport FROM pg_dist_node").fetchall()
        }
        for worker in workers:
            if (worker.host, worker.port) not in known:
                conn.execute("SELECT citus_add_node(%s, %s)", (worker.host, worker.port))


def drop_database(
    coordinator: NodeAddress,
    workers: list[NodeAddress],
    database: str,
    credentials: Credentials | None = None,
) -> None:
    """Drop ``database`` from every node, the coordinator first (it holds the metadata)."""
    creds = credentials or Credentials()
    for node in [coordinator, *workers]:
        with _connect(node, "postgres", creds) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database))
            )


def worker_addresses(
    coordinator: NodeAddress, database: str, credentials: Credentials | None = None
) -> list[NodeAddress]:
    """The primary workers registered in ``database`` on the coordinator."""
    with _connect(coordinator, database, credentials or Credentials()) as conn:
        rows = conn.execute(
            "SELECT nodename, nodeport FROM pg_dist_node "
            "WHERE noderole = 'primary' AND groupid <> 0 ORDER BY nodeid"
        ).fetchall()
    return [NodeAddress(str(name), int(port)) for name, port in rows]


def cluster_summary(
    coordinator: NodeAddress, database: str, credentials: Credentials | None = None
) -> dict[str, Any]:
    """Citus's version and the active workers it knows, for `tracker cluster status`."""
    with _connect(coordinator, database, credentials or Credentials()) as conn:
        version = conn.execute(
            "SELECT extversion FROM pg_extension WHERE extname = 'citus'"
        ).fetchone()
        if version is None:
            return {"citus": None, "active_workers": 0}
        active = conn.execute(
            "SELECT count(*) FROM pg_dist_node WHERE isactive AND groupid <> 0"
        ).fetchone()
    return {"citus": version[0], "active_workers": int(active[0]) if active else 0}


def _create_database(node: NodeAddress, database: str, creds: Credentials) -> None:
    with _connect(node, "postgres", creds) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (database,)
        ).fetchone()
        if exists:
            return
        # another process may create it between the check and the create
        with suppress(psycopg.errors.DuplicateDatabase, psycopg.errors.UniqueViolation):
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))


def _connect(node: NodeAddress, database: str, creds: Credentials) -> psycopg.Connection[Any]:
    try:
        return psycopg.connect(
            host=node.host,
            port=node.port,
            user=creds.user,
            password=creds.password,
            dbname=database,
            autocommit=True,
            connect_timeout=CONNECT_TIMEOUT_S,
        )
    except psycopg.OperationalError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ClusterError(f"cannot reach {node.host}:{node.port}/{database}: {first}") from exc
