"""Hostile and careless input answered 4xx with the limit named, and nothing written (issue 14,
items 4 and 5): each of these was a 500, a 503 or a 201 before."""

from __future__ import annotations

import base64
import dataclasses
import itertools
import json
import string
from collections.abc import Iterator
from typing import Any

import pytest
from litestar.testing import TestClient
from sqlalchemy.engine import Engine

from api.app import create_app
from tests.api.test_documents_api import assert_problem, counts, seed_body
from tests.keys import bearer
from tracker.config import Settings
from tracker.store.validation import MAX_JSON_DEPTH, MAX_STATEMENT_BYTES, MAX_STATEMENTS

DOCUMENTS = "/api/v1/documents"
TEXT = "Menurut Antara, Budi Santoso mengatakan bahwa harga beras akan turun bulan depan."


def _post_raw(client: TestClient[Any], body: bytes, content_type: str = "application/json") -> Any:
    return client.post(DOCUMENTS, content=body, headers={"content-type": content_type})


def _one_statement(**speaker: Any) -> dict[str, Any]:
    return {
        "text": TEXT,
        "language": "id",
        "statements": [
            {
                "start": TEXT.index("harga"),
                "end": len(TEXT) - 1,
                "kind": "indirect",
                "speaker": {"name": "Budi Santoso", "kind": "person", **speaker},
            }
        ],
    }


def test_json_nested_1000_deep_is_413_not_a_recursion_error(
    client: TestClient[Any], engine: Engine
) -> None:
    before = counts(engine)
    problem = assert_problem(_post_raw(client, b"[" * 1000 + b"]" * 1000), 413)
    assert f"at most {MAX_JSON_DEPTH}" in problem["detail"]
    inside = json.dumps({"text": TEXT, "note": "x"}).replace('"x"', "[" * 999 + "]" * 999)
    assert_problem(_post_raw(client, inside.encode()), 413)
    assert counts(engine) == before


def test_nesting_up_to_the_limit_is_decoded(client: TestClient[Any]) -> None:
    deep = "[" * (MAX_JSON_DEPTH - 1) + "]" * (MAX_JSON_DEPTH - 1)  # unknown fields are ignored
    body = json.dumps({"text": TEXT, "note": "x"}).replace('"x"', deep)
    assert _post_raw(client, body.encode()).status_code == 201


@pytest.mark.parametrize("resource", ["statements", "documents", "sources"])
def test_a_cursor_of_nested_json_is_400(client: TestClient[Any], resource: str) -> None:
    cursor = base64.urlsafe_b64encode(b"[" * 5000 + b"]" * 5000).decode()
    problem = assert_problem(client.get(f"/api/v1/{resource}", params={"cursor": cursor}), 400)
    assert problem["errors"][0]["field"] == "cursor"


@pytest.mark.parametrize(
    ("speaker", "field", "words"),
    [
        # a CHECK (ck_source_name_not_blank) refused the affiliation's source: 500
        ({"affiliation": "   "}, "statements[0].speaker.affiliation", "must not be blank"),
        # an index row over 2,704 bytes: 503 "Database unavailable"
        ({"affiliation": "".join(chr(0x4E00 + i * 7 % 20000) for i in range(3000))},
         "statements[0].speaker.affiliation", "longer than 300 characters"),
        ({"role": "\n"}, "statements[0].speaker.role", "must not be blank"),
        ({"name": "\ufdfa" * 100}, "statements[0].speaker.name", "matching key longer than"),
    ],
)  # fmt: skip
def test_speaker_fields_are_bounded_before_postgresql(
    client: TestClient[Any], engine: Engine, speaker: dict[str, str], field: str, words: str
) -> None:
    before = counts(engine)
    problem = assert_problem(client.post(DOCUMENTS, json=_one_statement(**speaker)), 422)
    assert problem["errors"][0]["field"] == field
    assert words in problem["errors"][0]["message"]
    assert counts(engine) == before


def test_a_statement_of_19_mb_is_422_not_503(client: TestClient[Any], engine: Engine) -> None:
    words = " ".join(f"w{i:06d}" for i in range(1_900_000 // 8))
    body = {
        "text": words,
        "statements": [
            {"start": 0, "end": len(words), "kind": "direct", "speaker": {"name": "Budi"}}
        ],
    }
    before = counts(engine)
    problem = assert_problem(client.post(DOCUMENTS, json=body), 422)
    assert problem["errors"][0]["field"] == "statements[0].end"
    assert f"at most {MAX_STATEMENT_BYTES}" in problem["errors"][0]["message"]
    assert counts(engine) == before


def _dense_words() -> Iterator[str]:
    """Words that make the largest full-text vectors per byte: short, all different, and
    stemmed apart from their simple form by the English configuration ("abs" -> "ab")."""
    letters = string.ascii_lowercase
    for size in itertools.count(1):
        for letters_ in itertools.product(letters, repeat=size):
            yield "".join(letters_) + "s"


def test_a_statement_at_the_byte_limit_is_stored_with_its_full_text_vector(
    client: TestClient[Any],
) -> None:
    """The bound holds against the real index: the densest text we know, at the limit."""
    text = ""
    for word in _dense_words():
        if len(text) + len(word) + 1 > MAX_STATEMENT_BYTES:
            break
        text += word + " "
    text = text.ljust(MAX_STATEMENT_BYTES, "x")
    body = {
        "text": text,
        "language": "en",
        "statements": [{"start": 0, "end": len(text), "kind": "direct", "speaker": {"name": "B"}}],
    }
    created = client.post(DOCUMENTS, json=body)
    assert created.status_code == 201, created.text
    found = client.get("/api/v1/statements", params={"q": "zzs"}).json()["items"]
    assert [item["document_id"] for item in found] == [created.json()["id"]]


def test_more_statements_than_the_limit_is_422_with_the_limit_named(
    client: TestClient[Any], engine: Engine
) -> None:
    over = MAX_STATEMENTS + 1
    text = " ".join(f"w{i:05d}" for i in range(over))
    statements = [
        {"start": i * 7, "end": i * 7 + 6, "kind": "direct", "speaker": {"name": "Budi"}}
        for i in range(over)
    ]
    before = counts(engine)
    problem = assert_problem(
        client.post(DOCUMENTS, json={"text": text, "statements": statements}), 422
    )
    assert problem["errors"] == [
        {
            "field": "statements",
            "message": f"{over} statements; at most {MAX_STATEMENTS} per document "
            "(TRACKER_MAX_STATEMENTS)",
        }
    ]
    assert counts(engine) == before
    assert (
        client.post(
            DOCUMENTS, json={"text": text, "statements": statements[:MAX_STATEMENTS]}
        ).status_code
        == 201
    )


def test_the_statement_limit_is_a_setting_and_covers_extracted_statements(
    settings: Settings, engine: Engine, editor_key: str
) -> None:
    limited = dataclasses.replace(settings, max_statements=1)
    text = '"Kami siap bekerja," kata Sri Mulyani. "Harga akan turun," kata Budi Santoso.'
    with TestClient(app=create_app(limited)) as client:
        client.headers.update(bearer(editor_key))
        problem = assert_problem(client.post(DOCUMENTS, json={"text": text}), 422)
        assert "at most 1 per document" in problem["detail"]
    assert counts(engine)[0] == 0


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""],
)
def test_json_endpoints_refuse_other_media_types_with_415(
    client: TestClient[Any], engine: Engine, content_type: str
) -> None:
    """A page on any site can send these without a CORS preflight: none may write."""
    before = counts(engine)
    body = json.dumps(seed_body()).encode()
    problem = assert_problem(_post_raw(client, body, content_type), 415)
    assert "application/json" in problem["detail"]
    assert counts(engine) == before


@pytest.mark.parametrize(
    "content_type", ["application/json; charset=utf-8", "application/vnd.tracker+json"]
)
def test_json_and_json_suffixed_media_types_are_taken(
    client: TestClient[Any], content_type: str
) -> None:
    assert _post_raw(client, json.dumps(seed_body()).encode(), content_type).status_code == 201


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("start", "0"),
        ("end", 45.0),
        ("kind", ["direct"]),
    ],
)
def test_body_types_are_strict(
    client: TestClient[Any], engine: Engine, path: str, value: Any
) -> None:
    body = seed_body()
    body["statements"][0][path] = value
    before = counts(engine)
    problem = assert_problem(client.post(DOCUMENTS, json=body), 422)
    assert problem["errors"][0]["field"] == f"statements[0].{path}"
    assert counts(engine) == before


def test_400_for_unparseable_json_422_for_the_wrong_shape(client: TestClient[Any]) -> None:
    assert_problem(_post_raw(client, b'{"text": '), 400)
    assert_problem(_post_raw(client, b""), 400)
    problem = assert_problem(_post_raw(client, b'{"title": "no text"}'), 422)
    assert "text" in problem["detail"]
