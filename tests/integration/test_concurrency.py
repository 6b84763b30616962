"""Two real `tracker ingest` processes on the same articles: no duplicates, nothing lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from tracker.synthetic import generate


@pytest.mark.slow
def test_concurrent_ingests_of_overlapping_sets(
    db_url: str, engine: Engine, tmp_path: Path
) -> None:
    records = [json.dumps(a.to_record()) for a in generate(200, seed=21)]
    forward = tmp_path / "forward.jsonl"
    backward = tmp_path / "backward.jsonl"
    forward.write_text("\n".join(records), encoding="utf-8")
    backward.write_text("\n".join(reversed(records)), encoding="utf-8")
    env = {**os.environ, "TRACKER_DATABASE_URL": db_url}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tracker.cli", "ingest", str(path), "--batch-size", "10"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in (forward, backward)
    ]
    results = [p.communicate(timeout=300) for p in procs]
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert "0 failed" in out
    with engine.connect() as conn:
        documents = conn.execute(text("SELECT count(*) FROM document")).scalar_one()
        duplicates = conn.execute(
            text(
                "SELECT count(*) FROM (SELECT normalized_name, kind FROM source "
                "WHERE kind <> 'anonymous' GROUP BY 1, 2 HAVING count(*) > 1) d"
            )
        ).scalar_one()
        orphans = conn.execute(
            text(
                "SELECT count(*) FROM document d WHERE NOT EXISTS "
                "(SELECT 1 FROM statement s WHERE s.document_id = d.id)"
            )
        ).scalar_one()
    assert documents == 200
    assert duplicates == 0
    assert orphans == 0
    new_counts = [int(out.split(" new,")[0].rsplit(" ", 1)[-1]) for out, _ in results]
    assert sum(new_counts) == 200
