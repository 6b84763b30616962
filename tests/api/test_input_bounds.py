"""The byte bounds of tracker.store.validation hold on the real server, and they are needed:
a value at the bound is stored, one well past it is refused by PostgreSQL itself."""

from __future__ import annotations

import random
from typing import Any

import pytest
from litestar.testing import TestClient
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from tests.api.test_documents_api import assert_problem
from tracker.store.validation import MAX_NAME_KEY_BYTES, MAX_URL_LENGTH

BTREE_ENTRY_BYTES = 2704
"""PostgreSQL's largest B-tree entry on 8 kB pages (version 4 indexes)."""


def _incompressible(size: int, seed: int) -> str:
    """``size`` UTF-8 bytes no compressor shrinks: random CJK ideographs, ASCII to pad."""
    rng = random.Random(seed)
    chars = "".join(chr(rng.randrange(0x4E00, 0x9FFF)) for _ in range(size // 3))
    return chars + "x" * (size - len(chars.encode()))


_INSERT_SOURCE = text(
    "INSERT INTO source (id, name, normalized_name, kind) "
    "VALUES (nextval('source_id_seq'), 'n', :key, 'organization') RETURNING id"
)
_INSERT_ALIAS = text(
    "INSERT INTO source_alias (id, source_id, alias, normalized) "
    "VALUES (nextval('source_alias_id_seq'), :sid, 'n', :key)"
)


def test_a_name_key_at_the_bound_fits_every_index_it_is_in(engine: Engine) -> None:
    key = _incompressible(MAX_NAME_KEY_BYTES, 1)
    assert len(key.encode()) == MAX_NAME_KEY_BYTES
    with engine.begin() as conn:
        source_id = conn.execute(_INSERT_SOURCE, {"key": key}).scalar_one()
        conn.execute(_INSERT_ALIAS, {"sid": source_id, "key": key})


def test_a_key_past_the_btree_entry_limit_is_refused_by_postgresql(engine: Engine) -> None:
    key = _incompressible(BTREE_ENTRY_BYTES + 100, 2)
    with pytest.raises(OperationalError, match="index row"), engine.begin() as conn:
        conn.execute(_INSERT_SOURCE, {"key": key})


def test_a_url_at_the_bound_is_stored(client: TestClient[Any]) -> None:
    url = "https://example.test/" + "a" * (MAX_URL_LENGTH - len("https://example.test/"))
    body = {"text": "Budi berkata harga beras turun.", "url": url}
    assert client.post("/api/v1/documents", json=body).status_code == 201
    body["url"] = url + "a"
    assert_problem(client.post("/api/v1/documents", json={**body, "text": "Lain."}), 422)


def test_a_real_server_bug_is_500_not_503(client: TestClient[Any], engine: Engine) -> None:
    """A broken query says "server error", not "unavailable, retry" (503 means the database
    cannot be reached, and clients retry it)."""
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE source_alias RENAME TO source_alias_gone"))
    response = client.get("/api/v1/sources", params={"q": "kim"})
    assert_problem(response, 500)
    assert "Retry-After" not in response.headers
