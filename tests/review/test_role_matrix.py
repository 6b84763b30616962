"""The role matrix: every route of the app, with no key, a revoked key, and reader, editor
and admin keys, under both read policies; each answers exactly the expected status, and a
refused write leaves the database as it was.

The routes come from the app itself: a route without a declared role, or without a case
here, fails this test. The desk's forms (a ``Call`` with ``form``) are sent as a browser
sends them: signed in at /login with the actor's key (a revoked key signs in to nothing),
with the page's form token; every other call sends the key as a Bearer header.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient
from sqlalchemy.engine import Engine

from api.app import create_app
from api.auth import ROLE_OPT, is_automatic_options
from api.pages.router import NOT_PAGES
from tests.desk.browsing import form_token
from tests.keys import TEST_ACTOR, bearer, issue_key
from tests.review.world import database_state, story
from tracker.config import Settings
from tracker.service import TrackerService

ACTORS = ("none", "revoked", "reader", "editor", "admin")
RANK = {"reader": 1, "editor": 2, "admin": 3}
_names = itertools.count(1)


@dataclass
class Call:
    method: str
    path: str
    json: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    form: dict[str, Any] | None = None
    """A desk form: posted from a signed-in browser session with its form token."""
    multipart: bool = False


@dataclass(frozen=True)
class Case:
    role: str
    ok: int
    call: Callable[[TrackerService], Call]


def _if_match(version: int) -> dict[str, str]:
    return {"If-Match": f'"{version}"'}


def _doc(svc: TrackerService) -> Any:
    return story(svc).document


def _statement(svc: TrackerService) -> Any:
    return story(svc).relayed


def _merge(svc: TrackerService) -> Call:
    s = story(svc)
    return Call(
        "POST", f"/api/v1/sources/{s.first_hand.speaker.id}/merge", {"into": s.relayed.speaker.id}
    )


def _split(svc: TrackerService) -> Call:
    s = story(svc)
    return Call("POST", f"/api/v1/sources/{s.relayed.speaker.id}/split", {"alias": f"Quill{s.n}"})


def _delete_source(svc: TrackerService) -> Call:
    """A source nothing names any more: its story deleted first (admin only)."""
    s = story(svc)
    svc.delete_document(TEST_ACTOR, s.document.id)
    return Call("DELETE", f"/api/v1/sources/{s.relayed.speaker.id}?note=unused")


def _page_merge(svc: TrackerService) -> Call:
    s = story(svc)
    duplicate = svc.get_source(s.first_hand.speaker.id)
    form = {"into": s.relayed.speaker.id, "version": duplicate.version}
    return Call("POST", f"/sources/{duplicate.id}/merge", form=form)


def _page_form(path: str, form: dict[str, Any]) -> Call:
    return Call("POST", path, form=form)


def _sign_in_call(svc: TrackerService) -> Call:
    key = svc.create_key(TEST_ACTOR, f"desk-{next(_names)}", "reader").key
    return Call("POST", "/login", form={"key": key})


def _revoke(svc: TrackerService) -> Call:
    name = f"doomed-{next(_names)}"
    svc.create_key(TEST_ACTOR, name, "reader")
    return Call("DELETE", f"/api/v1/keys/{name}")


CASES: dict[tuple[str, str], Case] = {
    ("GET", "/health"): Case("public", 200, lambda svc: Call("GET", "/health")),
    ("GET", "/api/v1/stats"): Case("reader", 200, lambda svc: Call("GET", "/api/v1/stats")),
    ("GET", "/api/v1/documents"): Case("reader", 200, lambda svc: Call("GET", "/api/v1/documents")),
    ("POST", "/api/v1/documents"): Case(
        "editor",
        201,
        lambda svc: Call(
            "POST", "/api/v1/documents", {"text": f"Ana Ruiz said the port is open {next(_names)}."}
        ),
    ),
    ("GET", "/api/v1/documents/{document_id:int}"): Case(
        "reader", 200, lambda svc: Call("GET", f"/api/v1/documents/{_doc(svc).id}")
    ),
    ("GET", "/api/v1/documents/{document_id:int}/report"): Case(
        "reader", 200, lambda svc: Call("GET", f"/api/v1/documents/{_doc(svc).id}/report")
    ),
    ("POST", "/api/v1/documents/{document_id:int}/review"): Case(
        "editor",
        200,
        lambda svc: Call("POST", f"/api/v1/documents/{_doc(svc).id}/review", {"note": "read"}),
    ),
    ("DELETE", "/api/v1/documents/{document_id:int}"): Case(
        "admin",
        204,
        lambda svc: (
            lambda d: Call("DELETE", f"/api/v1/documents/{d.id}", headers=_if_match(d.version))
        )(_doc(svc)),
    ),
    ("GET", "/api/v1/statements"): Case(
        "reader", 200, lambda svc: Call("GET", "/api/v1/statements")
    ),
    ("GET", "/api/v1/statements/{statement_id:int}"): Case(
        "reader", 200, lambda svc: Call("GET", f"/api/v1/statements/{_statement(svc).id}")
    ),
    ("GET", "/api/v1/statements/{statement_id:int}/chain"): Case(
        "reader", 200, lambda svc: Call("GET", f"/api/v1/statements/{_statement(svc).id}/chain")
    ),
    ("GET", "/api/v1/statements/{statement_id:int}/appearances"): Case(
        "reader",
        200,
        lambda svc: Call("GET", f"/api/v1/statements/{_statement(svc).id}/appearances"),
    ),
    ("POST", "/api/v1/statements/{statement_id:int}/review"): Case(
        "editor",
        200,
        lambda svc: Call(
            "POST", f"/api/v1/statements/{_statement(svc).id}/review", {"action": "reject"}
        ),
    ),
    ("PATCH", "/api/v1/statements/{statement_id:int}"): Case(
        "editor",
        200,
        lambda svc: (
            lambda st: Call(
                "PATCH", f"/api/v1/statements/{st.id}", {"kind": "mixed"}, _if_match(st.version)
            )
        )(_statement(svc)),
    ),
    ("PUT", "/api/v1/statements/{statement_id:int}/chain"): Case(
        "editor",
        200,
        lambda svc: (
            lambda st: Call(
                "PUT",
                f"/api/v1/statements/{st.id}/chain",
                {"chain": [{"name": "Bay Herald", "kind": "news_outlet"}]},
                _if_match(st.version),
            )
        )(_statement(svc)),
    ),
    ("GET", "/api/v1/citations/{citation_id:int}"): Case(
        "reader",
        200,
        lambda svc: Call("GET", f"/api/v1/citations/{_statement(svc).chain[0].id}"),
    ),
    ("PUT", "/api/v1/citations/{citation_id:int}/upstream"): Case(
        "editor",
        200,
        lambda svc: (
            lambda hop: Call(
                "PUT",
                f"/api/v1/citations/{hop.id}/upstream",
                {"statement_id": None},
                _if_match(hop.version),
            )
        )(_statement(svc).chain[0]),
    ),
    ("GET", "/api/v1/sources"): Case("reader", 200, lambda svc: Call("GET", "/api/v1/sources")),
    ("GET", "/api/v1/sources/{source_id:int}"): Case(
        "reader",
        200,
        lambda svc: Call("GET", f"/api/v1/sources/{_statement(svc).speaker.id}"),
    ),
    ("POST", "/api/v1/sources/{source_id:int}/merge"): Case("admin", 200, _merge),
    ("POST", "/api/v1/sources/{source_id:int}/split"): Case("admin", 200, _split),
    ("DELETE", "/api/v1/sources/{source_id:int}"): Case("admin", 204, _delete_source),
    ("GET", "/api/v1/provenance"): Case(
        "reader", 200, lambda svc: Call("GET", "/api/v1/provenance?quote=harbour+will+reopen")
    ),
    ("GET", "/api/v1/reports/sources"): Case(
        "reader", 200, lambda svc: Call("GET", "/api/v1/reports/sources")
    ),
    ("GET", "/api/v1/audit"): Case("editor", 200, lambda svc: Call("GET", "/api/v1/audit")),
    ("GET", "/api/v1/keys"): Case("admin", 200, lambda svc: Call("GET", "/api/v1/keys")),
    ("POST", "/api/v1/keys"): Case(
        "admin",
        201,
        lambda svc: Call("POST", "/api/v1/keys", {"name": f"k{next(_names)}", "role": "reader"}),
    ),
    ("DELETE", "/api/v1/keys/{name:str}"): Case("admin", 200, _revoke),
    # the desk's pages (api/pages): reads, shown as HTML
    ("GET", "/"): Case("reader", 200, lambda svc: Call("GET", "/")),
    ("GET", "/search"): Case("reader", 200, lambda svc: Call("GET", "/search?q=harbour")),
    ("GET", "/corpus"): Case("reader", 200, lambda svc: Call("GET", "/corpus")),
    ("GET", "/login"): Case("public", 200, lambda svc: Call("GET", "/login")),
    ("POST", "/login"): Case("public", 303, _sign_in_call),
    ("POST", "/logout"): Case("public", 303, lambda svc: _page_form("/logout", {})),
    ("POST", "/documents"): Case(
        "editor",
        303,
        lambda svc: Call(
            "POST",
            "/documents",
            form={"text": f"Ana Ruiz said the port is open {next(_names)}."},
            multipart=True,
        ),
    ),
    ("POST", "/documents/{document_id:int}/review"): Case(
        "editor",
        303,
        lambda svc: (lambda d: _page_form(f"/documents/{d.id}/review", {"version": d.version}))(
            _doc(svc)
        ),
    ),
    ("POST", "/documents/{document_id:int}/delete"): Case(
        "admin",
        303,
        lambda svc: (
            lambda d: _page_form(
                f"/documents/{d.id}/delete", {"confirm": "yes", "version": d.version}
            )
        )(_doc(svc)),
    ),
    ("POST", "/statements/{statement_id:int}/review"): Case(
        "editor",
        303,
        lambda svc: (
            lambda st: _page_form(
                f"/statements/{st.id}/review", {"action": "reject", "version": st.version}
            )
        )(_statement(svc)),
    ),
    ("POST", "/statements/{statement_id:int}/speaker"): Case(
        "editor",
        303,
        lambda svc: (
            lambda st: _page_form(
                f"/statements/{st.id}/speaker",
                {"speaker_name": "Ana Ruiz", "speaker_kind": "person", "version": st.version},
            )
        )(_statement(svc)),
    ),
    ("POST", "/statements/{statement_id:int}/chain"): Case(
        "editor",
        303,
        lambda svc: (
            lambda st: _page_form(
                f"/statements/{st.id}/chain",
                {"hop-0-position": "1", "hop-0-name": "Bay Herald", "version": st.version},
            )
        )(_statement(svc)),
    ),
    ("POST", "/citations/{citation_id:int}/upstream"): Case(
        "editor",
        303,
        lambda svc: (
            lambda hop: _page_form(
                f"/citations/{hop.id}/upstream", {"statement_id": "", "version": hop.version}
            )
        )(_statement(svc).chain[0]),
    ),
    ("POST", "/sources/{source_id:int}/merge"): Case("admin", 303, _page_merge),
    ("GET", "/documents/{document_id:int}"): Case(
        "reader", 200, lambda svc: Call("GET", f"/documents/{_doc(svc).id}")
    ),
    ("GET", "/documents/{document_id:int}/statements/{statement_id:int}/panel"): Case(
        "reader",
        200,
        lambda svc: (
            lambda st: Call("GET", f"/documents/{st.document_id}/statements/{st.id}/panel")
        )(_statement(svc)),
    ),
    ("GET", "/sources/{source_id:int}"): Case(
        "reader", 200, lambda svc: Call("GET", f"/sources/{_statement(svc).speaker.id}")
    ),
    ("GET", "/static/{file_path:path}"): Case(
        "public", 200, lambda svc: Call("GET", "/static/desk.css")
    ),
    ("HEAD", "/static/{file_path:path}"): Case(
        "public", 200, lambda svc: Call("HEAD", "/static/desk.js")
    ),
}


def _app_routes(app: Litestar) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(method, path, opt) of every handler the app serves, its own OPTIONS left out."""
    for route in app.routes:
        for handler in getattr(route, "route_handlers", ()):
            for method in sorted(handler.http_methods):
                if is_automatic_options(handler):
                    continue  # Litestar's own answer listing the allowed methods
                yield method, route.path, handler.opt


def _collect() -> list[tuple[str, str, dict[str, Any]]]:
    app = create_app(
        Settings(database_url="postgresql://unused/unused", data_dir=Path("/nonexistent"))
    )
    return sorted(_app_routes(app), key=lambda r: (r[1], r[0]))


ROUTES = _collect()
API_ROUTES = [r for r in ROUTES if not r[1].startswith("/schema")]


def expected(role: str, actor: str, reads: str, ok: int) -> int:
    """The status ``actor`` gets on a route needing ``role`` under the read policy."""
    if role == "public" or (role == "reader" and reads == "public"):
        return ok
    if actor in ("none", "revoked"):
        return 401
    return ok if RANK[actor] >= RANK[role] else 403


@pytest.fixture
def keys(settings: Settings, engine: Engine) -> dict[str, str | None]:
    found: dict[str, str | None] = {"none": None}
    for role in ("reader", "editor", "admin"):
        found[role] = issue_key(settings, engine, f"matrix-{role}", role)
    found["revoked"] = issue_key(settings, engine, "matrix-revoked", "admin")
    TrackerService(settings, engine=engine).revoke_key(TEST_ACTOR, "matrix-revoked")
    return found


def test_every_route_declares_a_role_and_has_a_case() -> None:
    undeclared = [(m, p) for m, p, opt in ROUTES if opt.get(ROLE_OPT) not in RANK | {"public": 0}]
    assert not undeclared, f"routes without a role: {undeclared}"
    missing = [(m, p) for m, p, _ in API_ROUTES if (m, p) not in CASES]
    assert not missing, f"routes without a case in the role matrix: {missing}"
    for method, path, opt in API_ROUTES:
        assert CASES[(method, path)].role == opt[ROLE_OPT], (method, path)
    assert {p for _, p, _ in ROUTES if p.startswith("/schema")}  # the docs are served


@pytest.mark.parametrize(("method", "path"), [(m, p) for m, p, _ in API_ROUTES], ids=str)
def test_role_matrix(
    method: str,
    path: str,
    settings: Settings,
    engine: Engine,
    keys: dict[str, str | None],
) -> None:
    case = CASES[(method, path)]
    svc = TrackerService(settings, engine=engine)
    key_reads = replace(settings, reads="key")
    checked = 0
    for reads, app_settings in (("public", settings), ("key", key_reads)):
        with TestClient(app=create_app(app_settings)) as client:
            for actor in ACTORS:
                call = case.call(svc)
                key = keys[actor]
                client.cookies.clear()
                if call.form is not None:
                    token = _browser_session(client, key)
                    before = database_state(engine)
                    response = _post_form(client, call, token)
                else:
                    headers = {**call.headers, **(bearer(key) if key else {})}
                    before = database_state(engine)
                    response = client.request(
                        call.method, call.path, json=call.json, headers=headers
                    )
                want = expected(case.role, actor, reads, case.ok)
                assert response.status_code == want, (reads, actor, response.text)
                api = call.path.startswith(NOT_PAGES)  # else a page, its errors HTML
                if want in (401, 403):
                    assert database_state(engine) == before, f"{actor} wrote on {want}"
                if want in (401, 403) and api:
                    assert response.headers["content-type"].startswith("application/problem+json")
                    if call.method != "HEAD":  # HEAD answers carry no body
                        assert response.json()["status"] == want
                if want == 401 and api:
                    assert response.headers["www-authenticate"].startswith("Bearer")
                if want == 401 and not api and call.method == "GET":  # a page for a person
                    assert response.headers["content-type"].startswith("text/html")
                checked += 1
    assert checked == 2 * len(ACTORS)


def _browser_session(client: TestClient[Any], key: str | None) -> str:
    """Sign in with ``key`` as a browser would (a revoked key gets no session); the form
    token the pages now carry."""
    token = form_token(client, "/login")
    if key is not None:
        client.post("/login", data={"key": key, "csrf_token": token}, follow_redirects=False)
    return form_token(client, "/login")


def _post_form(client: TestClient[Any], call: Call, token: str) -> Any:
    assert call.form is not None
    files = {"files": ("", b"", "application/octet-stream")} if call.multipart else None
    return client.post(
        call.path,
        data={**call.form, "csrf_token": token},
        files=files,
        follow_redirects=False,
    )


def test_the_api_description_is_public_under_either_policy(
    settings: Settings, keys: dict[str, str | None]
) -> None:
    key_reads = replace(settings, reads="key")
    for app_settings in (settings, key_reads):
        with TestClient(app=create_app(app_settings)) as client:
            for actor in ACTORS:
                key = keys[actor]
                response = client.get("/schema/openapi.json", headers=bearer(key) if key else {})
                assert response.status_code == 200, (app_settings.reads, actor)
