"""Signing in to the desk: a server-side session behind a safe cookie, ended by signing
out or by revoking the key; the API stays Bearer-only; TRACKER_READS=key keeps /login
and /static public."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any

from litestar.testing import TestClient
from sqlalchemy import text
from sqlalchemy.engine import Engine

from api.app import create_app
from api.pages.cookie import COOKIE_NAME
from tests.desk.browsing import form_token, session_cookie, sign_in
from tests.keys import TEST_ACTOR
from tests.review.world import database_state, story
from tracker.access.sessions import SESSION_SECONDS
from tracker.config import Settings
from tracker.service import TrackerService


def _cookie_header(response: Any) -> str:
    found = [v for v in response.headers.get_list("set-cookie") if v.startswith(COOKIE_NAME)]
    assert len(found) == 1, response.headers
    return found[0]


def _attributes(header: str) -> dict[str, str]:
    parts = [p.strip() for p in header.split(";")]
    pairs = [p.partition("=") for p in parts[1:]]
    return {name.lower(): value for name, _, value in pairs}


def _sessions(engine: Engine) -> list[tuple[str, str]]:
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT s.token_hash, k.name FROM desk_session s "
                "JOIN api_key k ON k.id = s.key_id ORDER BY s.id"
            )
        )
        return [(r.token_hash, r.name) for r in rows]


def test_sign_in_starts_a_server_side_session_behind_a_safe_cookie(
    browser_client: TestClient[Any], editor_key: str, engine: Engine
) -> None:
    seed = browser_client.get("/login")
    seed_flags = _attributes(_cookie_header(seed))
    assert {"httponly", "samesite", "path"} <= set(seed_flags)
    token = form_token(browser_client)
    response = browser_client.post(
        "/login", data={"key": editor_key, "csrf_token": token}, follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/?done=signed-in"
    header = _cookie_header(response)
    flags = _attributes(header)
    assert flags["samesite"].lower() == "strict"
    assert "httponly" in flags and flags["path"] == "/"
    assert "secure" not in flags  # served over plain HTTP here
    assert flags["max-age"] == str(SESSION_SECONDS)
    value = session_cookie(browser_client)
    assert editor_key not in header and value != editor_key
    assert _sessions(engine) == [(hashlib.sha256(value.encode()).hexdigest(), "test-editor")]
    start = browser_client.get("/")
    assert "Signed in as <strong>test-editor</strong> (editor)" in start.text
    assert '<textarea id="story-text" name="text"' in start.text
    assert "needs a signed-in editor" not in start.text


def test_the_cookie_is_secure_over_https(settings: Settings, editor_key: str) -> None:
    with TestClient(app=create_app(settings), base_url="https://testserver.local") as client:
        token = form_token(client)
        response = client.post(
            "/login", data={"key": editor_key, "csrf_token": token}, follow_redirects=False
        )
        assert response.status_code == 303
        assert "secure" in _attributes(_cookie_header(response))


def test_a_wrong_key_starts_no_session(
    browser_client: TestClient[Any], editor_key: str, engine: Engine
) -> None:
    token = form_token(browser_client)
    for key in ("trk_" + "A" * 43, editor_key + "x", ""):
        response = browser_client.post(
            "/login", data={"key": key, "csrf_token": token}, follow_redirects=False
        )
        assert response.status_code == 422
        assert 'aria-invalid="true"' in response.text
        assert "Signed in as" not in response.text
    assert _sessions(engine) == []


def test_sign_in_goes_back_where_the_reader_was_but_never_off_site(
    browser_client: TestClient[Any], editor_key: str, settings: Settings, engine: Engine
) -> None:
    token = form_token(browser_client)
    for given, expected in (
        ("/corpus", "/corpus?done=signed-in"),
        ("//evil.example/x", "/?done=signed-in"),
        ("https://evil.example/", "/?done=signed-in"),
    ):
        response = browser_client.post(
            "/login",
            data={"key": editor_key, "csrf_token": token, "next": given},
            follow_redirects=False,
        )
        assert response.headers["location"] == expected
        token = form_token(browser_client)
    assert len(_sessions(engine)) == 1, "signing in again ends the session it replaces"


def test_sign_out_ends_the_session_on_the_server(
    browser_client: TestClient[Any], editor_key: str, service: TrackerService, engine: Engine
) -> None:
    token = sign_in(browser_client, editor_key)
    old_cookie = session_cookie(browser_client)
    response = browser_client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/?done=signed-out"
    assert _attributes(_cookie_header(response))["max-age"] == "0"
    assert _sessions(engine) == []
    # a copy of the old cookie is worth nothing now, even with its own form token
    browser_client.cookies.set(COOKIE_NAME, old_cookie)
    assert "Signed in as" not in browser_client.get("/").text
    statement = story(service).relayed
    before = database_state(engine)
    refused = browser_client.post(
        f"/statements/{statement.id}/review",
        data={"action": "reject", "version": statement.version, "csrf_token": token},
        follow_redirects=False,
    )
    assert refused.status_code == 401
    assert "text/html" in refused.headers["content-type"]
    assert database_state(engine) == before
    actions = [a.action for a in service.audit(actor="test-editor").items]
    assert actions == ["session.end", "session.start"]


def test_revoking_the_key_ends_its_sessions_at_once(
    browser_client: TestClient[Any], editor_key: str, service: TrackerService, engine: Engine
) -> None:
    token = sign_in(browser_client, editor_key)
    statement = story(service).relayed
    service.revoke_key(TEST_ACTOR, "test-editor")
    assert "Signed in as" not in browser_client.get("/").text
    before = database_state(engine)
    refused = browser_client.post(
        f"/statements/{statement.id}/review",
        data={"action": "reject", "version": statement.version, "csrf_token": token},
        follow_redirects=False,
    )
    assert refused.status_code == 401
    assert database_state(engine) == before


def test_the_api_stays_bearer_only(
    browser_client: TestClient[Any], editor_key: str, service: TrackerService, engine: Engine
) -> None:
    """A desk session is no credential under /api/v1: a page elsewhere can make a
    browser send the cookie, never a Bearer header."""
    sign_in(browser_client, editor_key)
    statement = story(service).relayed
    before = database_state(engine)
    refused = browser_client.post(
        f"/api/v1/statements/{statement.id}/review", json={"action": "reject"}
    )
    assert refused.status_code == 401
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert browser_client.get("/api/v1/audit").status_code == 401
    assert database_state(engine) == before
    # and Bearer keys need no form token there
    accepted = browser_client.post(
        f"/api/v1/statements/{statement.id}/review",
        json={"action": "confirm"},
        headers={"Authorization": f"Bearer {editor_key}"},
    )
    assert accepted.status_code == 200


def test_reads_by_key_keep_the_sign_in_page_and_its_assets_public(
    settings: Settings, reader_key: str
) -> None:
    with TestClient(app=create_app(replace(settings, reads="key"))) as client:
        assert client.get("/login").status_code == 200
        assert client.get("/static/desk.css").status_code == 200
        closed = client.get("/corpus")
        assert closed.status_code == 401
        assert 'href="/login?next=%2Fcorpus"' in closed.text
        sign_in(client, reader_key)
        opened = client.get("/corpus")
        assert opened.status_code == 200
        assert "Signed in as <strong>desk-reader</strong> (reader)" in opened.text
        assert client.get("/api/v1/stats").status_code == 401, "the API asks for its key"


def test_the_sign_in_form_is_idle_without_live_keys(
    browser_client: TestClient[Any], service: TrackerService
) -> None:
    page = browser_client.get("/login").text
    assert "has no API keys yet" in page and "<fieldset disabled>" in page
    service.create_key(TEST_ACTOR, "late", "editor")
    page = browser_client.get("/login").text
    assert "has no API keys yet" not in page and "<fieldset>" in page
