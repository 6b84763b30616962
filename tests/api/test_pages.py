"""The desk's pages through the Litestar test client: status, content, escaping, headers."""

from __future__ import annotations

import re
from typing import Any

import pytest
from litestar.testing import TestClient
from lxml import html as lxml_html

from api.app import create_app
from api.pages.viewer import Viewer
from tests.desk_stories import ALTERED_QUOTE, QUOTE, DeskStories, store_stories
from tracker.config import Settings
from tracker.service import TrackerService

PAGES = ("/", "/search", "/search?quote=terkalahkan", "/corpus", "/login")


@pytest.fixture
def service(client: TestClient[Any]) -> TrackerService:
    found = client.app.state.service
    assert isinstance(found, TrackerService)
    return found


@pytest.fixture
def stories(service: TrackerService) -> DeskStories:
    return store_stories(service)


def tree(response: Any) -> Any:
    assert response.headers["content-type"].startswith("text/html"), response.text[:200]
    return lxml_html.fromstring(response.text)


def texts(nodes: list[Any]) -> list[str]:
    return [" ".join(n.text_content().split()) for n in nodes]


def assert_page_headers(response: Any) -> None:
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"


def assert_nothing_inline(body: str) -> None:
    """No inline script, no style attribute or element: the CSP would block them anyway."""
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", body)
    assert not re.search(r"\sstyle=", body)
    assert "<style" not in body


def panel_of(client: TestClient[Any], document_id: int, statement_id: int) -> Any:
    response = client.get(f"/documents/{document_id}", params={"statement": statement_id})
    assert response.status_code == 200, response.text
    return tree(response)


# ----------------------------------------------------------------------------- every page


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_html_with_the_policy_and_nothing_inline(
    client: TestClient[Any], stories: DeskStories, path: str
) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert_page_headers(response)
    assert_nothing_inline(response.text)
    page = tree(response)
    assert page.xpath("//main[@id='main']") and page.xpath("//h1")
    assert page.xpath("//link[@rel='stylesheet' and starts-with(@href, '/static/desk.css')]")


def test_document_source_and_panel_pages_have_the_policy(
    client: TestClient[Any], stories: DeskStories, service: TrackerService
) -> None:
    statement = DeskStories.statement_with(service, stories.early, QUOTE, "partial")
    kim = service.get_statement(statement).speaker
    assert kim is not None
    for path in (
        f"/documents/{stories.early}",
        f"/documents/{stories.early}?statement={statement}",
        f"/documents/{stories.early}/statements/{statement}/panel",
        f"/sources/{kim.id}",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert_page_headers(response)
        assert_nothing_inline(response.text)


def test_every_control_has_a_label(client: TestClient[Any], stories: DeskStories) -> None:
    for path in (*PAGES, f"/documents/{stories.early}"):
        page = tree(client.get(path))
        labelled = set(page.xpath("//label/@for"))
        for control in page.xpath("//input[not(@type='hidden')] | //textarea | //select"):
            assert control.get("id") in labelled, f"{path}: {lxml_html.tostring(control)!r}"


def test_static_files_are_served(client: TestClient[Any]) -> None:
    css = client.get("/static/desk.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    script = client.get("/static/desk.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    assert client.get("/static/nothing.js").status_code == 404


# ----------------------------------------------------------------------------- start page


def test_start_page_search_box_recent_documents_and_numbers(
    client: TestClient[Any], stories: DeskStories
) -> None:
    page = tree(client.get("/"))
    (search,) = page.xpath("//form[@role='search']")
    assert search.get("action") == "/search" and search.xpath(".//input[@name='quote']")
    recent = texts(page.xpath("//ol[@class='documents']/li/a"))
    assert recent[:2] == [
        "<script>alert(1)</script> judul",
        "Kim kembali memuji Rusia",
    ]
    numbers = dict(
        zip(
            texts(page.xpath("//dl[@class='numbers']//dt")),
            texts(page.xpath("//dl[@class='numbers']//dd")),
            strict=True,
        )
    )
    assert numbers["documents"] == "3"
    assert int(numbers["statements"]) >= 5


def test_readers_see_the_add_form_disabled_with_a_sign_in_link(
    client: TestClient[Any], stories: DeskStories
) -> None:
    page = tree(client.get("/"))
    (textarea,) = page.xpath("//textarea[@name='text']")
    assert textarea.xpath("ancestor::fieldset[@disabled]")
    for name in ("outlet", "url", "published_at", "files"):
        assert page.xpath(f"//fieldset[@disabled]//input[@name='{name}']"), name
    assert "signed-in editor" in page.xpath("string(//p[@id='add-needs-editor'])")
    assert page.xpath("//p[@id='add-needs-editor']//a[@href='/login']")
    assert not page.xpath("//form[@method='post']"), "a reader sees no form that writes"


def test_an_editor_sees_the_add_form_live_and_a_sign_out_control(settings: Settings) -> None:
    class EditorSessions:
        can_sign_in = True

        def viewer(self, request: Any) -> Viewer:
            return Viewer("desk-editor", "editor")

    with TestClient(app=create_app(settings, sessions=EditorSessions())) as client:
        page = tree(client.get("/"))
        (form,) = page.xpath("//form[@method='post' and .//textarea[@name='text']]")
        assert form.get("action") == "/documents"
        assert form.get("enctype") == "multipart/form-data"
        assert not form.xpath(".//fieldset[@disabled]")
        assert page.xpath("//form[@action='/logout']//button[normalize-space()='Sign out']")
        assert "desk-editor" in page.xpath("string(//div[@class='account'])")
        login = tree(client.get("/login"))
        assert not login.xpath("//input[@name='key']"), "a signed-in editor is not asked again"
        missing = client.get("/documents/999999")
        assert missing.status_code == 404 and "desk-editor" in missing.text


# ----------------------------------------------------------------------------- document page


def test_every_statement_is_highlighted_in_place(
    client: TestClient[Any], stories: DeskStories, service: TrackerService
) -> None:
    document = service.get_document(stories.early)
    page = tree(client.get(f"/documents/{stories.early}"))
    marks = page.xpath("//div[@class='story-text']//mark[@data-statement-id]")
    assert sorted(int(m.get("data-statement-id")) for m in marks) == sorted(
        s.id for s in document.statements
    )
    (text_box,) = page.xpath("//div[@class='story-text']")
    assert text_box.text_content() == document.text, "the highlighted text is the text"
    for mark in marks:
        statement = next(
            s for s in document.statements if s.id == int(mark.get("data-statement-id"))
        )
        assert f"st-{statement.kind}" in mark.get("class")
        assert mark.text_content() == statement.text
    partial = DeskStories.statement_with(service, stories.early, QUOTE, "partial")
    nested = page.xpath(f"//mark[@data-statement-id][.//mark[@data-statement-id='{partial}']]")
    assert len(nested) == 1, "the partial quote is nested in its mixed statement"
    links = page.xpath("//div[@class='story-text']//a[@class='st-link' and not(@tabindex)]")
    assert sorted(int(a.get("data-statement-id")) for a in links) == sorted(
        s.id for s in document.statements
    ), "one tab stop per statement"
    assert page.xpath("string(//aside[@id='panel']/h2)") == "Where it came from"


def test_the_panel_draws_the_chain_with_flags_and_appearances(
    client: TestClient[Any], stories: DeskStories, service: TrackerService
) -> None:
    statement = DeskStories.statement_with(service, stories.early, QUOTE, "partial")
    page = panel_of(client, stories.early, statement)
    (panel,) = page.xpath("//aside[@id='panel']")
    assert panel.get("data-statement-id") == str(statement)
    nodes = panel.xpath(".//svg//*[@data-source-id]")
    # one node per hop, the source's name as its text: exactly, nothing around it
    assert [n.tag for n in nodes] == ["g", "g", "g"]
    assert [n.text_content() for n in nodes] == ["Yonhap", "KCNA", "Kim Jong Un"]
    assert "state" in nodes[1].get("class") and "primary" in nodes[2].get("class")
    assert texts(panel.xpath(".//svg//text[@class='edge-label']")) == [
        "reported by · Berdasarkan laporan",
        "citing · yang mengutip",
        "said · menyatakan",
    ]
    assert texts(panel.xpath(".//ol[@class='paths']/li")) == ["Yonhap → KCNA → Kim Jong Un"]
    flags = {li.get("data-flag"): li for li in panel.xpath(".//ul[@class='flags']/li")}
    assert "state_media_origin" in flags
    assert "state media" in flags["state_media_origin"].text_content()
    timeline = panel.xpath(".//ol[@class='timeline']/li")
    assert timeline[0].get("data-statement-id") == str(statement)
    assert "first appearance" in timeline[0].text_content()
    mark = page.xpath(f"//mark[@id='s-{statement}']")[0]
    assert "selected" in mark.get("class") and mark.get("aria-current") == "true"


def test_the_later_story_shows_its_altered_words_against_the_first(
    client: TestClient[Any], stories: DeskStories, service: TrackerService
) -> None:
    statement = DeskStories.statement_with(service, stories.later, ALTERED_QUOTE, "partial")
    page = panel_of(client, stories.later, statement)
    timeline = page.xpath("//ol[@class='timeline']/li")
    first, later = timeline[0], timeline[-1]
    assert "first appearance" in first.text_content()
    assert first.xpath(f".//a[contains(@href, '/documents/{stories.early}?')]")
    assert later.get("data-statement-id") == str(statement)
    (diff,) = later.xpath(".//p[@class='diff']")
    assert texts(diff.xpath(".//del")) == ["removed: abadi"]
    assert texts(diff.xpath(".//ins")) == ["added: kekal"]
    assert "altered" in [li.get("data-flag") for li in page.xpath("//ul[@class='flags']/li")]


def test_the_panel_fragment_is_the_panel_alone(
    client: TestClient[Any], stories: DeskStories, service: TrackerService
) -> None:
    statement = DeskStories.statement_with(service, stories.early, QUOTE, "partial")
    response = client.get(f"/documents/{stories.early}/statements/{statement}/panel")
    assert response.status_code == 200
    assert "<html" not in response.text and "<svg" in response.text
    assert f"Statement {statement}" in response.text


def test_unknown_ids_get_a_problem_page(
    client: TestClient[Any], stories: DeskStories, service: TrackerService
) -> None:
    elsewhere = DeskStories.statement_with(service, stories.later, ALTERED_QUOTE, "partial")
    for path in (
        "/documents/999999",
        f"/documents/{stories.early}?statement={elsewhere}",
        f"/documents/{stories.early}/statements/999999/panel",
        "/sources/999999",
        "/no-such-page",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert_page_headers(response)
        page = tree(response)
        assert page.xpath("string(//h1)") in ("Not found", "Not Found")
        assert page.xpath("//p[@class='problem' and @data-status='404']")
    api = client.get("/api/v1/documents/999999")
    assert api.status_code == 404
    assert api.headers["content-type"].startswith("application/problem+json")


def test_bad_parameters_get_a_problem_page(client: TestClient[Any], stories: DeskStories) -> None:
    response = client.get(f"/documents/{stories.early}", params={"statement": "x"})
    assert response.status_code == 400
    assert tree(response).xpath("//p[@class='problem' and @data-status='400']")


# ----------------------------------------------------------------------------- escaping


def test_a_story_with_markup_shows_it_as_text(
    client: TestClient[Any], stories: DeskStories, service: TrackerService
) -> None:
    response = client.get(f"/documents/{stories.script}")
    assert response.status_code == 200
    assert "<script>document.title" not in response.text
    assert "&lt;script&gt;document.title=" in response.text
    assert "<b>harga" not in response.text and "&lt;b&gt;harga beras" in response.text
    page = tree(response)
    assert page.xpath("string(//h1)") == "<script>alert(1)</script> judul"
    assert page.xpath("//script[not(@src)]") == []
    document = service.get_document(stories.script)
    assert page.xpath("string(//div[@class='story-text'])") == document.text
    for statement in document.statements:
        panel = client.get(f"/documents/{stories.script}?statement={statement.id}")
        assert "<b>harga" not in panel.text and "<script>alert" not in panel.text


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("javascript:alert(1)", False),
        ("data:text/html,hi", False),
        ("https:nohost", False),
        ("https://news.example/story", True),
    ],
)
def test_only_a_web_address_becomes_a_link(client: TestClient[Any], url: str, linked: bool) -> None:
    created = client.post(
        "/api/v1/documents",
        json={"text": f"Plain words about {url}.", "language": "en", "url": url},
    )
    assert created.status_code == 201, created.text
    page = tree(client.get(f"/documents/{created.json()['id']}"))
    assert bool(page.xpath(f"//header//a[@href={url!r}]")) is linked


# ----------------------------------------------------------------------------- search


def test_search_finds_the_first_appearance(client: TestClient[Any], stories: DeskStories) -> None:
    response = client.get("/search", params={"quote": QUOTE})
    assert response.status_code == 200
    page = tree(response)
    results = page.xpath("//ol[@class='results']/li")
    assert results, response.text
    documents = {a.get("href").split("?")[0] for a in page.xpath("//a[@class='open-statement']")}
    assert f"/documents/{stories.early}" in documents
    firsts = {a.get("data-document-id") for a in page.xpath("//a[@class='first-appearance']")}
    assert firsts == {str(stories.early)}
    assert page.xpath("//input[@name='quote']/@value") == [QUOTE]
    assert "Kim Jong Un" in texts(page.xpath("//ol[@class='results']//a[@data-source-id]"))


def test_search_without_words_says_so_next_to_the_box(client: TestClient[Any]) -> None:
    empty = tree(client.get("/search"))
    assert not empty.xpath("//ol[@class='results']")
    response = client.get("/search", params={"quote": "!!! ???"})
    assert response.status_code == 422
    page = tree(response)
    assert "words" in page.xpath("string(//p[@id='quote-error'])")
    assert page.xpath("//input[@aria-invalid='true']")


def test_search_escapes_the_quote(client: TestClient[Any]) -> None:
    response = client.get("/search", params={"quote": '"><script>alert(1)</script>'})
    assert "<script>alert(1)" not in response.text


# ----------------------------------------------------------------------------- sources, corpus


def test_source_page_lists_what_it_said_ended_and_relayed(
    client: TestClient[Any], stories: DeskStories, service: TrackerService
) -> None:
    statement = service.get_statement(
        DeskStories.statement_with(service, stories.early, QUOTE, "partial")
    )
    kim = statement.speaker
    assert kim is not None
    page = tree(client.get(f"/sources/{kim.id}"))
    assert page.xpath("string(//h1)") == "Kim Jong Un"
    assert "person" in page.xpath("string(//dl[@class='facts'])")
    said = page.xpath("//section[@aria-labelledby='said-heading']//ol[@class='uses']/li")
    primary = page.xpath("//section[@aria-labelledby='primary-heading']//ol[@class='uses']/li")
    assert len(said) == 4 and len(primary) == 4
    assert "Yonhap → KCNA → Kim Jong Un" in said[0].text_content()

    yonhap = statement.chain[0].source
    relayed = tree(client.get(f"/sources/{yonhap.id}"))
    items = relayed.xpath("//section[@aria-labelledby='relayed-heading']//ol[@class='uses']/li")
    assert len(items) == 4
    assert relayed.xpath("//section[@aria-labelledby='primary-heading']//li[@class='muted']")
    kcna = tree(client.get(f"/sources/{statement.chain[1].source.id}"))
    assert "state media" in kcna.xpath("string(//dl[@class='facts'])")


def test_corpus_page_tables_chart_and_shares(client: TestClient[Any], stories: DeskStories) -> None:
    page = tree(client.get("/corpus"))
    shares = dict(
        zip(
            texts(page.xpath("//dl[contains(@class, 'shares')]//dt")),
            texts(page.xpath("//dl[contains(@class, 'shares')]//dd")),
            strict=True,
        )
    )
    assert set(shares) == {
        "traced to a named source",
        "ending anonymous",
        "unresolved",
        "via state media",
    }
    assert shares["via state media"].startswith("67%") and "(4)" in shares["via state media"]
    bars = page.xpath("//svg[@class='bar-chart']//g[@data-source-id]")
    assert texts([b.xpath(".//text[@class='bar-label']")[0] for b in bars])[0] == "Kim Jong Un"
    assert "state" not in bars[0].get("class")
    tables = page.xpath("//table")
    assert len(tables) == 3
    assert "Kim Jong Un" in tables[0].text_content()
    assert "Yonhap" in tables[1].text_content()
    assert "Yonhap → KCNA → Kim Jong Un" in tables[2].text_content()


def test_login_page_has_the_key_field_live_once_a_key_exists(client: TestClient[Any]) -> None:
    """The client's editor key exists, so the form can sign in (without any key it is
    idle: tests/desk/test_sessions.py)."""
    page = tree(client.get("/login"))
    (key,) = page.xpath("//input[@name='key']")
    assert key.get("type") == "password" and key.get("autocomplete") == "current-password"
    assert not key.xpath("ancestor::fieldset[@disabled]")
    assert not page.xpath("//p[@id='no-keys']")
    (form,) = page.xpath("//form[@action='/login']")
    assert form.get("method") == "post"
    assert form.xpath(
        ".//input[@type='hidden' and @name='csrf_token' and string-length(@value) = 43]"
    )


def test_the_api_is_unchanged_beside_the_pages(client: TestClient[Any]) -> None:
    stats = client.get("/api/v1/stats")
    assert stats.status_code == 200 and stats.headers["content-type"] == "application/json"
    assert "content-security-policy" not in stats.headers
    assert client.get("/health").json()["status"] == "ok"


def test_a_misattribution_is_named_on_the_timeline(client: TestClient[Any]) -> None:
    quote = "Water prices will fall by half next year"
    ids = []
    for speaker, day in (("Ana Ruiz", "06"), ("Maria Lopez", "08")):
        text = f'"{quote}," {speaker} said on Tuesday.'
        body = {
            "text": text,
            "language": "en",
            "published_at": f"2026-10-{day}T09:00:00Z",
            "statements": [
                {
                    "start": 1,
                    "end": 1 + len(quote),
                    "kind": "direct",
                    "speaker": {"name": speaker, "kind": "person"},
                }
            ],
        }
        created = client.post("/api/v1/documents", json=body)
        assert created.status_code == 201, created.text
        ids.append((created.json()["id"], created.json()["statements"][0]["id"]))
    (later_document, later_statement) = ids[1]
    page = panel_of(client, later_document, later_statement)
    (current,) = page.xpath("//ol[@class='timeline']/li[contains(@class, 'current')]")
    assert " ".join(current.xpath("string(.//p[@class='warning'])").split()) == (
        "Attributed here to Maria Lopez; the first appearance names Ana Ruiz."
    )
    assert "misattributed" in [li.get("data-flag") for li in page.xpath("//ul[@class='flags']/li")]
    first = page.xpath("//ol[@class='timeline']/li")[0]
    assert not first.xpath(".//p[@class='warning']")
