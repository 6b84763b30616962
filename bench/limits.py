"""What a document at the statement limit costs: write, read back, report; and what refusing
one over the limit costs (issue 14: a 1.5 MB body of 20,000 statements held a worker).

Usage: .venv/bin/python bench/limits.py [--repeat 3] [--database-url URL]

Each size is posted as fresh documents (new text each time, so nothing is "already
stored"), through the whole HTTP stack (Litestar's test client on create_app), on a
throwaway embedded PostgreSQL unless --database-url is given. Figures are medians; the
ratios are against a typical document (20 statements) measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _pg import bench_database
from litestar.testing import TestClient

from api.app import create_app
from tracker.config import LOOPBACK_HOSTS, Settings
from tracker.store.validation import MAX_STATEMENTS

JSON = {"content-type": "application/json"}
SENTENCE = "Menurut Antara, {name} mengatakan bahwa harga beras turun {n} persen. "


def document(statements: int, run: int) -> dict[str, Any]:
    """A document of ``statements`` indirect statements, each with a speaker and a relay."""
    parts, spans = [], []
    offset = 0
    for i in range(statements):
        sentence = SENTENCE.format(name=f"Pejabat {i % 97}", n=f"{run}.{i}")
        start = offset + sentence.index("harga")
        spans.append((start, offset + len(sentence) - 2, i))
        parts.append(sentence)
        offset += len(sentence)
    text = "".join(parts)
    return {
        "text": text,
        "language": "id",
        "statements": [
            {
                "start": start,
                "end": end,
                "kind": "indirect",
                "cue": "mengatakan",
                "speaker": {"name": f"Pejabat {i % 97}", "kind": "person"},
                "chain": [
                    {"name": "Antara", "kind": "news_outlet", "relation": "reported_by"},
                    {"name": f"Pejabat {i % 97}", "kind": "person", "relation": "said"},
                ],
            }
            for start, end, i in spans
        ],
    }


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def measure(
    client: TestClient[Any], statements: int, repeat: int, run: list[int]
) -> dict[str, float]:
    """Median seconds of POST, GET and GET report for documents of ``statements``."""
    posts, reads, reports = [], [], []
    for _ in range(repeat):
        run[0] += 1
        body = json.dumps(document(statements, run[0])).encode()
        seconds, response = timed(
            partial(client.post, "/api/v1/documents", content=body, headers=JSON)
        )
        assert response.status_code == 201, response.text[:300]
        posts.append(seconds)
        did = response.json()["id"]
        reads.append(timed(partial(client.get, f"/api/v1/documents/{did}"))[0])
        reports.append(timed(partial(client.get, f"/api/v1/documents/{did}/report"))[0])
    return {
        "post": statistics.median(posts),
        "read": statistics.median(reads),
        "report": statistics.median(reports),
        "bytes": len(body),
    }


def refusal(client: TestClient[Any], statements: int) -> tuple[float, int, int]:
    """Seconds to refuse a body of ``statements`` minimal statements (over the limit)."""
    text = " ".join(f"w{i:05d}" for i in range(statements))
    body = json.dumps(
        {
            "text": text,
            "statements": [
                {"start": i * 7, "end": i * 7 + 6, "kind": "direct", "speaker": {"name": "B"}}
                for i in range(statements)
            ],
        },
        separators=(",", ":"),
    ).encode()
    seconds, response = timed(lambda: client.post("/api/v1/documents", content=body, headers=JSON))
    return seconds, response.status_code, len(body)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--database-url", help="an empty PostgreSQL (default: embedded)")
    args = parser.parse_args()
    with bench_database(args.database_url) as url:
        settings = Settings(database_url=url, allowed_hosts=(*LOOPBACK_HOSTS, "testserver.local"))
        run = [0]
        with TestClient(app=create_app(settings), timeout=600) as client:
            measure(client, 5, 1, run)  # warm up: connections, prepared statements
            typical = measure(client, 20, args.repeat, run)
            limit = measure(client, MAX_STATEMENTS, args.repeat, run)
            refused = refusal(client, 20_000)
    print(f"medians of {args.repeat}; each document new; statements carry a speaker and 2 hops")
    print(f"{'statements':>10} {'body':>9} {'POST s':>8} {'GET s':>8} {'report s':>9}")
    for n, row in ((20, typical), (MAX_STATEMENTS, limit)):
        print(
            f"{n:>10} {row['bytes'] / 1024:>7.0f}kB {row['post']:>8.3f} {row['read']:>8.3f} "
            f"{row['report']:>9.3f}"
        )
    ratios = {k: limit[k] / typical[k] for k in ("post", "read", "report")}
    print(
        f"limit / typical ({MAX_STATEMENTS // 20}x the statements): POST {ratios['post']:.0f}x, "
        f"GET {ratios['read']:.0f}x, report {ratios['report']:.0f}x"
    )
    seconds, status, size = refused
    print(
        f"20,000 statements ({size / 1024 / 1024:.1f} MB) refused with {status} in "
        f"{seconds * 1000:.0f} ms ({seconds / typical['post']:.2f}x a typical POST)"
    )


if __name__ == "__main__":
    main()
