"""Forms the desk did not draw are refused: no form token, another browser's token, a
reader's session, a stale page; each refused post writes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import TestClient
from sqlalchemy.engine import Engine

from api.app import create_app
from tests.desk.browsing import form_token, sign_in
from tests.review.world import database_state, story
from tracker.config import Settings
from tracker.service import TrackerService


@pytest.fixture
def signed_in(browser_client: TestClient[Any], editor_key: str) -> str:
    return sign_in(browser_client, editor_key)


@pytest.mark.parametrize(
    "token",
    [None, "", "x" * 43, "forged"],
    ids=["missing", "empty", "made-up", "short"],
)
def test_a_post_without_the_form_token_is_refused(
    token: str | None,
    browser_client: TestClient[Any],
    signed_in: str,
    service: TrackerService,
    engine: Engine,
) -> None:
    statement = story(service).relayed
    form: dict[str, Any] = {"action": "reject", "version": statement.version}
    if token is not None:
        form["csrf_token"] = token
    before = database_state(engine)
    refused = browser_client.post(
        f"/statements/{statement.id}/review", data=form, follow_redirects=False
    )
    assert refused.status_code == 403
    assert "text/html" in refused.headers["content-type"]
    assert "not sent from this desk" in refused.text
    assert database_state(engine) == before
    assert service.get_statement(statement.id).review_status == "unreviewed"


def test_another_browsers_token_does_not_fit(
    browser_client: TestClient[Any],
    signed_in: str,
    settings: Settings,
    editor_key: str,
    service: TrackerService,
    engine: Engine,
) -> None:
    with TestClient(app=create_app(settings)) as other:
        foreign = sign_in(other, editor_key)
    assert foreign != signed_in
    statement = story(service).relayed
    before = database_state(engine)
    refused = browser_client.post(
        f"/statements/{statement.id}/review",
        data={"action": "reject", "version": statement.version, "csrf_token": foreign},
        follow_redirects=False,
    )
    assert refused.status_code == 403
    assert database_state(engine) == before


def test_every_page_write_needs_the_token(
    browser_client: TestClient[Any], signed_in: str, service: TrackerService, engine: Engine
) -> None:
    s = story(service)
    statement = s.relayed
    hop = statement.chain[0]
    posts = {
        "/documents": {"text": "Ana Ruiz said the port is open."},
        f"/statements/{statement.id}/speaker": {"speaker_name": "X", "version": "1"},
        f"/statements/{statement.id}/chain": {"hop-0-name": "X", "hop-0-position": "1"},
        f"/citations/{hop.id}/upstream": {"statement_id": "", "version": "1"},
        f"/documents/{s.document.id}/review": {"version": "1"},
        f"/sources/{statement.speaker.id}/merge": {"into": "1", "version": "1"},
        "/logout": {},
    }
    before = database_state(engine)
    for path, form in posts.items():
        refused = browser_client.post(path, data=form, follow_redirects=False)
        assert refused.status_code == 403, path
    assert "Signed in as" in browser_client.get("/").text, "the forged sign-out did nothing"
    assert database_state(engine) == before


def test_the_sign_in_form_needs_its_token_too(
    browser_client: TestClient[Any], editor_key: str
) -> None:
    """No one can sign a browser in to their own key from another site."""
    form_token(browser_client)  # the browser holds a seed cookie
    refused = browser_client.post("/login", data={"key": editor_key}, follow_redirects=False)
    assert refused.status_code == 403
    assert "Signed in as" not in browser_client.get("/").text


def test_a_reader_sees_no_edit_controls_and_cannot_write(
    browser_client: TestClient[Any], reader_key: str, service: TrackerService, engine: Engine
) -> None:
    token = sign_in(browser_client, reader_key)
    statement = story(service).relayed
    document = browser_client.get(
        f"/documents/{statement.document_id}?statement={statement.id}"
    ).text
    for control in ("Review this statement", "/review", "/speaker", "/chain", "/upstream"):
        assert control not in document
    assert "needs a signed-in editor" in browser_client.get("/").text
    assert "Merge" not in browser_client.get(f"/sources/{statement.speaker.id}").text
    before = database_state(engine)
    refused = browser_client.post(
        f"/statements/{statement.id}/review",
        data={"action": "reject", "version": statement.version, "csrf_token": token},
        follow_redirects=False,
    )
    assert refused.status_code == 403
    assert database_state(engine) == before


def test_an_editor_may_not_merge(
    browser_client: TestClient[Any], signed_in: str, service: TrackerService, engine: Engine
) -> None:
    s = story(service)
    assert "Merge" not in browser_client.get(f"/sources/{s.relayed.speaker.id}").text
    before = database_state(engine)
    refused = browser_client.post(
        f"/sources/{s.relayed.speaker.id}/merge",
        data={"into": s.first_hand.speaker.id, "version": "1", "csrf_token": signed_in},
        follow_redirects=False,
    )
    assert refused.status_code == 403
    assert database_state(engine) == before
