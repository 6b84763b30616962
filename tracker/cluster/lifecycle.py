"""Bring the whole local cluster up, take it down, and say how each node is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tracker.cluster.build import CitusBuild, Echo, build_record, ensure_built
from tracker.cluster.config import CLUSTER_DATABASE, ClusterConfig, ClusterError
from tracker.cluster.nodes import NodeState, node_state, start_node, stop_node
from tracker.cluster.postgres import system_user, wheel_postgres
from tracker.cluster.topology import NodeAddress, cluster_summary, prepare_database


def up(config: ClusterConfig, echo: Echo, database: str = CLUSTER_DATABASE) -> str:
    """Build Citus if needed, start the coordinator and workers, prepare ``database``
    and return the coordinator's URL. Running it again changes nothing."""
    build = ensure_built(config, echo)
    user = system_user()
    config.data_dir.mkdir(parents=True, exist_ok=True)
    started: list[str] = []
    try:
        for spec in config.nodes():
            was_running = node_state(spec, build, user).running
            start_node(spec, build, user, config)
            if not was_running:
                started.append(spec.name)
        coordinator, *workers = addresses(config)
        prepare_database(coordinator, workers, database)
    except ClusterError:
        _stop_all(config, build, user)  # a half-up cluster is worse than none
        raise
    if started:
        echo(f"started {', '.join(started)}")
    return config.url(database)


def down(config: ClusterConfig) -> list[str]:
    """Stop every node that runs; the names of those stopped."""
    wheel = wheel_postgres()
    build = CitusBuild(config.cache_dir, wheel)
    if not build.is_complete():
        # the cache went away under running nodes: the wheel's own pg_ctl (same
        # PostgreSQL 18) stops them just as well
        build = CitusBuild(wheel.install.parent, wheel)
    return _stop_all(config, build, system_user())


@dataclass(frozen=True, slots=True)
class ClusterStatus:
    """Each node's state, Citus's view from the coordinator, and the build."""

    nodes: list[NodeState]
    summary: dict[str, Any]
    build: dict[str, object]
    built: bool

    @property
    def all_running(self) -> bool:
        return bool(self.nodes) and all(node.running for node in self.nodes)


def status(config: ClusterConfig, database: str = CLUSTER_DATABASE) -> ClusterStatus:
    build = CitusBuild(config.cache_dir, wheel_postgres())
    if not build.is_complete():
        return ClusterStatus(nodes=[], summary={}, build={}, built=False)
    user = system_user()
    states = [node_state(spec, build, user) for spec in config.nodes()]
    summary: dict[str, Any] = {}
    if states[0].running:
        try:
            summary = cluster_summary(addresses(config)[0], database)
        except ClusterError as exc:
            summary = {"error": str(exc)}
    return ClusterStatus(states, summary, build_record(build), built=True)


def addresses(config: ClusterConfig) -> list[NodeAddress]:
    """The coordinator's and the workers' addresses, coordinator first."""
    return [NodeAddress(config.host, spec.port) for spec in config.nodes()]


def _stop_all(config: ClusterConfig, build: CitusBuild, user: str | None) -> list[str]:
    stopped: list[str] = []
    errors: list[str] = []
    for spec in reversed(config.nodes()):
        try:
            if stop_node(spec, build, user):
                stopped.append(spec.name)
        except ClusterError as exc:  # go on: stop as many as can be stopped
            errors.append(str(exc))
    if errors:
        raise ClusterError("; ".join(errors))
    return stopped
