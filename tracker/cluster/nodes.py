"""The three postgres processes of the local cluster: initialise, start, stop, inspect."""

from __future__ import annotations

import socket
import subprocess
from dataclasses import dataclass

from tracker.cluster.build import CitusBuild
from tracker.cluster.config import ClusterConfig, ClusterError, NodeSpec
from tracker.cluster.postgres import give_to, run_as

NODE_SETTINGS = """
# written by `tracker cluster up`
listen_addresses = '{host}'
port = {port}
unix_socket_directories = ''
shared_preload_libraries = 'citus'
wal_level = logical
max_connections = 200
"""
"""TCP only (socket paths under a deep data dir can pass the 107-byte limit); citus
preloaded; logical WAL so shards can be moved and rebalanced."""

START_TIMEOUT_S = 60


@dataclass(frozen=True, slots=True)
class NodeState:
    """What `status` reports for one node."""

    spec: NodeSpec
    initialised: bool
    running: bool
    pid: int | None


def node_state(spec: NodeSpec, build: CitusBuild, user: str | None) -> NodeState:
    initialised = (spec.pgdata / "PG_VERSION").is_file()
    if not initialised:
        return NodeState(spec, initialised=False, running=False, pid=None)
    done = _pg_ctl(build, user, spec, ["status"])
    running = done.returncode == 0
    return NodeState(spec, initialised, running, _postmaster_pid(spec) if running else None)


def start_node(spec: NodeSpec, build: CitusBuild, user: str | None, config: ClusterConfig) -> None:
    """Initialise the node on first use, then start it unless it already runs."""
    if not (spec.pgdata / "PG_VERSION").is_file():
        _initdb(spec, build, user, config)
    if node_state(spec, build, user).running:
        return
    if _port_taken(config.host, spec.port):
        raise ClusterError(
            f"port {spec.port} ({spec.name}) is in use by another program; "
            "set TRACKER_CITUS_PORT to a free range"
        )
    argv = ["-w", "-t", str(START_TIMEOUT_S), "-l", str(spec.log), "start"]
    done = _pg_ctl(build, user, spec, argv, timeout=START_TIMEOUT_S + 10)
    if done.returncode != 0:
        raise ClusterError(f"{spec.name} did not start: {_last_line(done.stdout)}; see {spec.log}")


def stop_node(spec: NodeSpec, build: CitusBuild, user: str | None) -> bool:
    """Stop the node if it runs (a fast shutdown: clients are disconnected, nothing is
    lost); True when it was running."""
    if not node_state(spec, build, user).running:
        return False
    done = _pg_ctl(build, user, spec, ["-w", "-t", "60", "-m", "fast", "stop"], timeout=70)
    if done.returncode != 0:
        raise ClusterError(f"{spec.name} did not stop: {_last_line(done.stdout)}")
    return True


def _initdb(spec: NodeSpec, build: CitusBuild, user: str | None, config: ClusterConfig) -> None:
    spec.home.mkdir(parents=True, exist_ok=True)
    give_to(spec.home, user)
    argv = [
        str(build.bin / "initdb"),
        "--auth=trust",
        "--encoding=UTF8",
        "--locale=C.UTF-8",
        "-U",
        "postgres",
        "-D",
        str(spec.pgdata),
    ]
    done = run_as(argv, user, build.env(), cwd=spec.home)
    if done.returncode != 0:
        raise ClusterError(f"initdb of {spec.name} failed: {_last_line(done.stdout)}")
    settings = NODE_SETTINGS.format(host=config.host, port=spec.port)
    conf = spec.pgdata / "postgresql.conf"
    with conf.open("a") as handle:  # root may write it; the file keeps its owner
        handle.write(settings)


def _pg_ctl(
    build: CitusBuild, user: str | None, spec: NodeSpec, args: list[str], timeout: float = 30
) -> subprocess.CompletedProcess[str]:
    argv = [str(build.bin / "pg_ctl"), "-D", str(spec.pgdata), *args]
    return run_as(argv, user, build.env(), cwd=spec.home, timeout=timeout)


def _postmaster_pid(spec: NodeSpec) -> int | None:
    try:
        first = (spec.pgdata / "postmaster.pid").read_text().split("\n", 1)[0]
    except OSError:
        return None
    return int(first) if first.strip().isdigit() else None


def _port_taken(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((host, port)) == 0


def _last_line(output: str) -> str:
    lines = [line for line in output.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no output"


def free_port_block(host: str, count: int, start: int = 20000, stop: int = 30000) -> int:
    """The first of ``count`` consecutive free ports (tests run a cluster of their own)."""
    for base in range(start, stop, count + 1):
        if not any(_port_taken(host, base + i) for i in range(count)):
            return base
    raise ClusterError(f"no {count} consecutive free ports between {start} and {stop}")
