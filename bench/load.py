"""Load on `tracker serve` over 127.0.0.1: chain walks, document reads, lookups, writes.

Starts one `tracker serve` (the console script of this checkout) per configuration
(`--configs`: worker counts; the first is the baseline, and `--baseline-env` can point it
at an older checkout through PYTHONPATH) on one temporary data directory seeded by
`tracker ingest` with articles from tracker.synthetic (relays through wire services, so
chains exist). Each scenario runs at 1, 8 and 32 concurrent clients, a bounded number of
requests per cell, on every configuration in turn (order alternating between
``--repeat``s, medians kept), and prints requests/s, p50, p99 and errors, and the ratios
against the baseline. Nothing here is asserted.

The client is a small asyncio HTTP/1.1 client (one keep-alive connection per simulated
client): on a two-core machine it shares the cores with the server, and a heavier client
would measure itself. Requests per cell are bounded by ``--requests`` (``--lookups`` for
provenance, ``--writes`` for writes) and by ``--max-seconds``. Beside latency, each cell
reports the CPU time the server's processes and PostgreSQL spent per request: on a
shared machine it moves far less with the neighbours' load than the wall clock does.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tracker.synthetic import generate

TRACKER = str(Path(sys.executable).with_name("tracker"))
"""The console script next to this interpreter: the checkout under test."""

LEVELS = (1, 8, 32)
"""Concurrent clients per scenario, as the issue asks."""

WARMUP = 40
"""Requests per scenario and level before the clock starts (pools, caches, plans)."""


@dataclass(slots=True)
class Outcome:
    """One scenario at one concurrency level against one server configuration."""

    config: str
    scenario: str
    clients: int
    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    server_cpu_s: float = 0.0
    postgres_cpu_s: float = 0.0

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, q: float) -> float:
        if not self.latencies_ms:
            return 0.0
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]

    def row(self) -> dict[str, Any]:
        return {
            "config": self.config,
            "scenario": self.scenario,
            "clients": self.clients,
            "requests": self.requests,
            "errors": self.errors,
            "rps": round(self.rate, 1),
            "p50_ms": round(self.percentile(0.50), 2),
            "p99_ms": round(self.percentile(0.99), 2),
            "server_cpu_ms_per_request": round(1000 * self.server_cpu_s / max(self.requests, 1), 3),
            "postgres_cpu_ms_per_request": round(
                1000 * self.postgres_cpu_s / max(self.requests, 1), 3
            ),
        }


class Connection:
    """One keep-alive HTTP/1.1 connection: the least client work per request."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, body: bytes | None = None) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None
        head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
        if body is not None:
            head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        self.writer.write(head.encode() + b"\r\n" + (body or b""))
        await self.writer.drain()
        header = await self.reader.readuntil(b"\r\n\r\n")
        status = int(header.split(b" ", 2)[1])
        fields = dict(line.split(b":", 1) for line in header.split(b"\r\n")[1:] if b":" in line)
        lowered = {k.strip().lower(): v.strip().lower() for k, v in fields.items()}
        if lowered.get(b"transfer-encoding") == b"chunked":
            await self._read_chunks()
        else:
            await self.reader.readexactly(int(lowered.get(b"content-length", b"0")))
        if lowered.get(b"connection") == b"close":
            await self.close()
        return status

    async def _read_chunks(self) -> None:
        assert self.reader is not None
        while True:
            size = int((await self.reader.readuntil(b"\r\n")).strip(), 16)
            await self.reader.readexactly(size + 2)
            if size == 0:
                return

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


Request = tuple[str, str, bytes | None]


async def _client(
    port: int, next_request: Callable[[], Request | None], outcome: Outcome, deadline: float
) -> None:
    conn = Connection(port)
    try:
        while time.perf_counter() < deadline:
            req = next_request()
            if req is None:
                return
            started = time.perf_counter()
            try:
                status = await conn.request(*req)
            except (OSError, asyncio.IncompleteReadError, ValueError):
                status = 0
                await conn.close()
            outcome.latencies_ms.append((time.perf_counter() - started) * 1000)
            outcome.requests += 1
            outcome.errors += status >= 400 or status == 0
    finally:
        await conn.close()


def _cpu_seconds(root: psutil.Process | None) -> float:
    """User and system CPU of ``root`` and its descendants, the exited ones included
    (their parent reaped them, so their time is in its ``children_*`` fields)."""
    if root is None:
        return 0.0
    total = 0.0
    try:
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    for proc in procs:
        try:
            times = proc.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system + times.children_user + times.children_system
    return total


@dataclass(frozen=True, slots=True)
class Watched:
    """The processes whose CPU a scenario costs: the server's tree and the postmaster's."""

    server: psutil.Process | None = None
    postgres: psutil.Process | None = None

    def cpu(self) -> tuple[float, float]:
        return _cpu_seconds(self.server), _cpu_seconds(self.postgres)


async def _run_level(
    port: int,
    requests: Iterator[Request],
    count: int,
    clients: int,
    outcome: Outcome,
    cap: float,
    watched: Watched,
) -> None:
    remaining = [WARMUP]

    def take_warmup() -> Request | None:
        if remaining[0] <= 0:
            return None
        remaining[0] -= 1
        return next(requests)

    warm = Outcome(outcome.config, outcome.scenario, clients)
    far = time.perf_counter() + cap
    await asyncio.gather(*(_client(port, take_warmup, warm, far) for _ in range(clients)))
    remaining[0] = count

    def take() -> Request | None:
        if remaining[0] <= 0:
            return None
        remaining[0] -= 1
        return next(requests)

    cpu_before = watched.cpu()
    started = time.perf_counter()
    deadline = started + cap
    await asyncio.gather(*(_client(port, take, outcome, deadline) for _ in range(clients)))
    outcome.seconds = time.perf_counter() - started
    cpu_after = watched.cpu()
    outcome.server_cpu_s = cpu_after[0] - cpu_before[0]
    outcome.postgres_cpu_s = cpu_after[1] - cpu_before[1]


def _get_json(port: int, path: str) -> Any:
    import urllib.request

    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
        return json.load(response)


@dataclass(frozen=True, slots=True)
class Seed:
    """Ids and quotes taken from the seeded server, for requests that hit real rows."""

    statement_ids: list[int]
    chained_ids: list[int]
    document_ids: list[int]
    quotes: list[str]


def _collect(port: int, limit: int = 500, pages: int = 6) -> Seed:
    statements: list[dict[str, Any]] = []
    cursor = ""
    for _ in range(pages):
        page = _get_json(port, f"/api/v1/statements/?limit={limit}{cursor}")
        statements += page["items"]
        if not page.get("next_cursor"):
            break
        cursor = "&cursor=" + urllib.parse.quote(page["next_cursor"])
    documents = _get_json(port, f"/api/v1/documents/?limit={limit}")["items"]
    chained = [s["id"] for s in statements if len(s.get("chain") or []) >= 2]
    quotes = [s["text"][:80] for s in statements if len(s["text"]) >= 30]
    return Seed(
        statement_ids=[s["id"] for s in statements],
        chained_ids=chained or [s["id"] for s in statements],
        document_ids=[d["id"] for d in documents],
        quotes=quotes,
    )


def _scenarios(seed: Seed, rng: random.Random) -> dict[str, Iterator[Request]]:
    def chain() -> Iterator[Request]:
        while True:
            yield ("GET", f"/api/v1/statements/{rng.choice(seed.chained_ids)}/chain", None)

    def document() -> Iterator[Request]:
        while True:
            yield ("GET", f"/api/v1/documents/{rng.choice(seed.document_ids)}", None)

    def provenance() -> Iterator[Request]:
        while True:
            quote = urllib.parse.quote(rng.choice(seed.quotes))
            yield ("GET", f"/api/v1/provenance/?quote={quote}&limit=5", None)

    def write() -> Iterator[Request]:
        for article in generate(1_000_000, seed=rng.randrange(10**9), paragraphs=(2, 4)):
            body = {k: v for k, v in article.to_record().items() if k != "url"}
            yield ("POST", "/api/v1/documents/", json.dumps(body).encode())
        raise AssertionError("unreachable")  # pragma: no cover

    return {"chain": chain(), "document": document(), "provenance": provenance(), "write": write()}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _tracker(args: list[str], env: dict[str, str]) -> None:
    subprocess.run([TRACKER, *args], env=env, check=True, capture_output=True, timeout=900)


def _seed_data_dir(data_dir: Path, articles: int, env: dict[str, str]) -> None:
    jsonl = data_dir / "seed.jsonl"
    with jsonl.open("w", encoding="utf-8") as out:
        for article in generate(articles, seed=11):
            out.write(json.dumps(article.to_record(), ensure_ascii=False) + "\n")
    _tracker(["db", "upgrade"], env)
    _tracker(["ingest", str(jsonl)], env)


class Server:
    """`tracker serve` as a child process: started, waited for, stopped with SIGTERM."""

    def __init__(self, workers: int, env: dict[str, str], log: Path) -> None:
        self.port = _free_port()
        command = [TRACKER, "serve", "--port", str(self.port)]
        if workers:
            command += ["--workers", str(workers)]
        self.log = log.open("ab")
        self.proc = subprocess.Popen(command, env=env, stdout=self.log, stderr=self.log)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"tracker serve exited with {self.proc.returncode}; see {log}")
            try:
                _get_json(self.port, "/health")
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit("tracker serve did not answer /health within 120 s")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def _postmaster(data_dir: Path) -> psutil.Process | None:
    try:
        pid = int((data_dir / "pgdata" / "postmaster.pid").read_text().split()[0])
        return psutil.Process(pid)
    except (OSError, ValueError, IndexError, psutil.NoSuchProcess):
        return None


def _label(config: int, extra_env: dict[str, str]) -> str:
    label = f"workers={config}" if config else "serve"
    return label + (" +env" if extra_env else "")


def _run_cell(
    server: Server,
    watched: Watched,
    requests: Iterator[Request],
    outcome: Outcome,
    count: int,
    args: argparse.Namespace,
) -> None:
    asyncio.run(
        _run_level(
            server.port, requests, count, outcome.clients, outcome, args.max_seconds, watched
        )
    )


def _measure(env: dict[str, str], args: argparse.Namespace, log: Path) -> list[Outcome]:
    """Every configuration serves at once (on one embedded server); each cell (scenario,
    clients) is measured on each configuration in turn, the order alternating between
    repeats, so a drifting machine load hits all configurations alike."""
    data_dir = Path(env["TRACKER_DATA_DIR"])
    servers: list[tuple[str, Server, Watched]] = []
    outcomes: list[Outcome] = []
    try:
        for index, config in enumerate(args.configs):
            extra = dict(args.baseline_env) if index == 0 else {}
            server = Server(config, {**env, **extra}, log)
            label = _label(config, extra)
            servers.append((label, server, Watched(psutil.Process(server.proc.pid))))
        postmaster = _postmaster(data_dir)
        seed = _collect(servers[0][1].port)
        # one stream per configuration: the same mix of ids, but new articles to write
        streams = {
            label: _scenarios(seed, random.Random(args.seed + index))
            for index, (label, _, _) in enumerate(servers)
        }
        for name in args.scenarios:
            count = {"write": args.writes, "provenance": args.lookups}.get(name, args.requests)
            for clients in LEVELS:
                for repeat in range(args.repeat):
                    order = servers if repeat % 2 == 0 else servers[::-1]
                    for label, server, watched in order:
                        outcome = Outcome(label, name, clients)
                        watched_pg = Watched(watched.server, postmaster)
                        _run_cell(server, watched_pg, streams[label][name], outcome, count, args)
                        outcomes.append(outcome)
                        if not args.json:
                            _print_row(outcome.row())
    finally:
        for _, server, _ in servers:
            server.stop()
    return outcomes


def _print_row(row: dict[str, Any]) -> None:
    print(
        f"{row['config']:<22} {row['scenario']:<11} {row['clients']:>3} clients  "
        f"{row['rps']:>8.1f} req/s  p50 {row['p50_ms']:>7.2f} ms  p99 {row['p99_ms']:>7.2f} ms  "
        f"errors {row['errors']}/{row['requests']}  CPU ms/request server "
        f"{row['server_cpu_ms_per_request']:.2f} postgres {row['postgres_cpu_ms_per_request']:.2f}",
        flush=True,
    )


def _median_rows(outcomes: list[Outcome]) -> list[dict[str, Any]]:
    """One row per configuration and cell: the median of its repeats, field by field."""
    cells: dict[tuple[str, str, int], list[dict[str, Any]]] = {}
    for o in outcomes:
        cells.setdefault((o.config, o.scenario, o.clients), []).append(o.row())
    rows = []
    for (config, scenario, clients), repeats in cells.items():
        row: dict[str, Any] = {"config": config, "scenario": scenario, "clients": clients}
        for key in repeats[0]:
            if key not in row:
                row[key] = statistics.median([r[key] for r in repeats])
        row["repeats"] = len(repeats)
        rows.append(row)
    return rows


def _ratios(rows: list[dict[str, Any]], baseline: str) -> list[dict[str, Any]]:
    base = {(r["scenario"], r["clients"]): r for r in rows if r["config"] == baseline}
    ratios = []
    for r in rows:
        ref = base.get((r["scenario"], r["clients"]))
        if r["config"] == baseline or ref is None or not ref["rps"]:
            continue
        ratios.append(
            {
                "config": r["config"],
                "scenario": r["scenario"],
                "clients": r["clients"],
                "rps_ratio": round(r["rps"] / ref["rps"], 2),
                "p99_ratio": round(r["p99_ms"] / max(ref["p99_ms"], 1e-9), 2),
                "server_cpu_ratio": round(
                    r["server_cpu_ms_per_request"] / max(ref["server_cpu_ms_per_request"], 1e-9),
                    2,
                ),
            }
        )
    return ratios


def run(args: argparse.Namespace) -> dict[str, Any]:
    root = Path(tempfile.mkdtemp(prefix="tracker-load-"))
    os.chmod(root, 0o755)  # as root the embedded postgres runs as its own user
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env["TRACKER_DATA_DIR"] = str(root / "data")
    load_before = os.getloadavg()
    try:
        started = time.perf_counter()
        _seed_data_dir(root, args.articles, env)
        if not args.json:
            print(f"seeded {args.articles} articles in {time.perf_counter() - started:.1f} s")
        outcomes = _measure(env, args, root / "serve.log")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    rows = _median_rows(outcomes)
    baseline = rows[0]["config"] if rows else ""
    return {
        "cores": os.cpu_count(),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "baseline": baseline,
        "results": rows,
        "ratios": _ratios(rows, baseline),
        "args": {k: v for k, v in vars(args).items() if k != "json"},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cores = os.cpu_count() or 1
    parser.add_argument(
        "--configs",
        type=lambda s: [int(x) for x in s.split(",")],
        default=[1, cores],
        help="worker counts to serve with, baseline first (0: plain `tracker serve`)",
    )
    parser.add_argument("--articles", type=int, default=400, help="seeded synthetic articles")
    parser.add_argument("--requests", type=int, default=2000, help="timed reads per cell")
    parser.add_argument("--lookups", type=int, default=300, help="timed provenance lookups")
    parser.add_argument("--writes", type=int, default=60, help="timed writes per cell")
    parser.add_argument("--max-seconds", type=float, default=30.0, help="time bound per cell")
    parser.add_argument(
        "--scenarios",
        type=lambda s: s.split(","),
        default=["chain", "document", "provenance", "write"],
        help="comma list of chain, document, provenance, write",
    )
    parser.add_argument("--repeat", type=int, default=1, help="repeats per cell (medians kept)")
    parser.add_argument(
        "--baseline-env",
        action="append",
        type=lambda s: tuple(s.split("=", 1)),
        default=[],
        metavar="KEY=VALUE",
        help="environment of the baseline server only, e.g. PYTHONPATH=<an older checkout>",
    )
    parser.add_argument("--seed", type=int, default=7, help="seed for picking ids and quotes")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    report = run(args)
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(
        f"\ncores {report['cores']}, load average before {report['load_average_before']}, "
        f"after {report['load_average_after']}"
    )
    print("medians:")
    for row in report["results"]:
        _print_row(row)
    print(f"ratios against {report['baseline']}:")
    for row in report["ratios"]:
        print(
            f"  {row['config']:<22} {row['scenario']:<11} {row['clients']:>3} clients  "
            f"req/s x{row['rps_ratio']:.2f}  p99 x{row['p99_ratio']:.2f}  "
            f"server CPU/request x{row['server_cpu_ratio']:.2f}"
        )


if __name__ == "__main__":
    main()
