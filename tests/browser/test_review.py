"""Review in the page, in a real browser: signing in with a key, rejecting, correcting a
speaker and a chain (by keyboard alone), forged posts refused, stories added by form."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from tests.browser.conftest import LiveServer, require_browser
from tests.browser.helpers import diagram_names, flags_shown, tab_until
from tests.desk_stories import QUOTE, SCRIPT_STORY, DeskStories, store_stories
from tests.keys import issue_key
from tests.review.world import database_state
from tracker.config import Settings
from tracker.errors import NotFoundError

require_browser()
pytestmark = pytest.mark.browser

SEED_QUOTE = "tak terkalahkan dan abadi"


@pytest.fixture
def stories(live_server: LiveServer) -> DeskStories:
    return store_stories(live_server.service)


def sign_in(page: Any, url: str, key: str) -> None:
    page.goto(url + "/login")
    page.get_by_label("API key").fill(key)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"done=signed-in"))


def open_panel(page: Any, url: str, document_id: int, statement_id: int) -> None:
    page.goto(f"{url}/documents/{document_id}")
    page.locator(f"a.st-link[data-statement-id='{statement_id}']").first.click()
    page.wait_for_selector(f"#panel[data-statement-id='{statement_id}'] svg.chain-diagram")


def test_an_editor_rejects_a_statement_and_it_leaves_page_walk_and_report(
    page: Any, live_server: LiveServer, stories: DeskStories, editor_key: str
) -> None:
    service = live_server.service
    early = DeskStories.statement_with(service, stories.early, QUOTE, "partial")
    later = DeskStories.statement_with(service, stories.later, "kekal", "partial")
    assert early in {a.statement_id for a in service.appearances(later).items}
    sign_in(page, live_server.url, editor_key)
    assert "Signed in as test-editor (editor)" in page.locator(".account").inner_text()

    open_panel(page, live_server.url, stories.early, early)
    review = page.locator("#panel form[data-form='review']")
    review.get_by_label("Note, e.g. why it is rejected").fill("not in the KCNA original")
    review.get_by_role("button", name="Reject statement").click()
    page.wait_for_url(re.compile(rf"/documents/{stories.early}\?done=rejected$"))
    assert "The statement was rejected" in page.locator("[role='status']").inner_text()
    assert page.locator(f"[data-statement-id='{early}']").count() == 0

    with pytest.raises(NotFoundError):
        service.walk(early)
    assert early not in {a.statement_id for a in service.appearances(later).items}
    report = service.document_report(stories.early)
    assert early not in {item.id for item in report.statements}
    assert report.statements, "the story's other statements stay"
    (row,) = service.audit(entity="statement", entity_id=early).items
    assert (row.actor, row.action, row.note) == (
        "test-editor",
        "statement.reject",
        "not in the KCNA original",
    )
    assert row.before["review_status"] == "unreviewed"
    assert row.after["review_status"] == "rejected"


def test_a_reader_sees_no_edit_controls_and_forged_posts_write_nothing(
    browser: Any,
    page: Any,
    live_server: LiveServer,
    stories: DeskStories,
    settings: Settings,
    engine: Engine,
    editor_key: str,
) -> None:
    service = live_server.service
    reader_key = issue_key(settings, engine, "desk-reader", "reader")
    partial = DeskStories.statement_with(service, stories.early, QUOTE, "partial")
    version = service.get_statement(partial).version
    sign_in(page, live_server.url, reader_key)
    open_panel(page, live_server.url, stories.early, partial)
    editing = "form[method='post']:not([action='/logout'])"
    for path in ("/", f"/documents/{stories.early}?statement={partial}", "/corpus"):
        page.goto(live_server.url + path)
        assert page.locator(editing).count() == 0, path
        assert page.get_by_role("button", name="Sign out").is_visible()
    page.goto(live_server.url + "/")
    assert page.locator("textarea[name='text']").is_disabled()
    assert "needs a signed-in editor" in page.locator("#add-needs-editor").inner_text()

    editor = browser.new_context()
    try:
        victim = editor.new_page()
        sign_in(victim, live_server.url, editor_key)
        before = database_state(engine)
        # the reader's own browser posting without the form token: refused
        forged = page.request.post(
            f"{live_server.url}/statements/{partial}/review",
            form={"action": "reject", "version": str(version)},
        )
        assert forged.status == 403
        # another site's page making the signed-in editor's browser post a form: the
        # cookie stays home (SameSite=Strict) and there is no token, so it is refused
        evil = (
            f'<form method="post" action="{live_server.url}/statements/{partial}/review">'
            f'<input name="action" value="reject"><input name="version" value="{version}">'
            '<button id="go">go</button></form>'
        )
        victim.route(
            "http://evil.example/**",
            lambda route: route.fulfill(status=200, content_type="text/html", body=evil),
        )
        victim.goto("http://evil.example/page")
        with victim.expect_navigation():
            victim.click("#go")
        assert "Forbidden" in victim.title()
        assert "not sent from this desk" in victim.locator("main").inner_text()
        victim.goto(f"{live_server.url}/")
        assert "Signed in as test-editor" in victim.locator(".account").inner_text()
    finally:
        editor.close()
    assert database_state(engine) == before
    assert service.get_statement(partial).review_status == "unreviewed"


def test_the_review_flow_by_keyboard_alone(
    page: Any, live_server: LiveServer, stories: DeskStories, editor_key: str
) -> None:
    """Sign in, open a statement, confirm it, correct its speaker, replace a hop of its
    chain, sign out: Tab, typing and Enter only, the focus visible at every stop."""
    service = live_server.service
    partial = DeskStories.statement_with(service, stories.early, QUOTE, "partial")
    url = live_server.url
    page.goto(url + "/login")
    tab_until(page, lambda f: f["name"] == "key")
    page.keyboard.type(editor_key)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"done=signed-in"))

    tab_until(page, lambda f: f["href"] == f"/documents/{stories.early}")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/documents/{stories.early}$"))
    tab_until(page, lambda f: f["statement"] == str(partial) and "st-link" in f["cls"])
    page.keyboard.press("Enter")
    page.wait_for_selector("#panel-heading:focus")

    tab_until(page, lambda f: f["text"] == "Confirm statement")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"statement={partial}&done=confirmed#panel$"))
    assert service.get_statement(partial).review_status == "confirmed"

    tab_until(page, lambda f: f["tag"] == "summary" and f["text"] == "Correct the speaker")
    page.keyboard.press("Enter")  # the form opens (a details element: no script needed)
    tab_until(page, lambda f: f["name"] == "speaker_name")
    page.keyboard.type("Kim Yo Jong")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"done=speaker#panel$"))
    assert diagram_names(page) == ["Yonhap", "KCNA", "Kim Yo Jong"]

    tab_until(page, lambda f: f["tag"] == "summary" and f["text"] == "Edit the chain")
    page.keyboard.press("Enter")
    tab_until(page, lambda f: f["name"] == "hop-0-name")
    page.keyboard.type("Seoul Wire")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"done=chain#panel$"))
    assert diagram_names(page) == ["Seoul Wire", "KCNA", "Kim Yo Jong"]

    tab_until(page, lambda f: f["text"] == "Sign out", limit=150, backwards=True)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"done=signed-out$"))
    assert "You are signed out" in page.locator("[role='status']").inner_text()
    assert page.locator(".account").get_by_role("link", name="Sign in").is_visible()
    actions = [row.action for row in service.audit(actor="test-editor").items]
    assert actions[:5] == [
        "session.end",
        "statement.chain",
        "statement.edit",
        "statement.confirm",
        "session.start",
    ]


def test_the_seed_article_pasted_by_an_editor_and_walked(
    page: Any, live_server: LiveServer, editor_key: str, seed_text: str
) -> None:
    sign_in(page, live_server.url, editor_key)
    page.get_by_label("Story text").fill(seed_text)
    page.get_by_label("Outlet (optional)").fill("Seed")
    page.get_by_role("button", name="Add story").click()
    page.wait_for_url(re.compile(r"/documents/\d+\?done=added$"))
    document_id = int(re.search(r"/documents/(\d+)", page.url).group(1))  # type: ignore[union-attr]
    document = live_server.service.get_document(document_id)
    assert document.text == seed_text.replace("\r\n", "\n")
    assert page.locator(".story-text mark[data-statement-id]").count() == len(document.statements)
    innermost = min(
        (s for s in document.statements if SEED_QUOTE in s.text), key=lambda s: s.end - s.start
    )
    page.locator(f"a.st-link[data-statement-id='{innermost.id}']").first.click()
    page.wait_for_selector(f"#panel[data-statement-id='{innermost.id}'] svg.chain-diagram")
    assert diagram_names(page) == ["Yonhap", "KCNA", "Kim Jong Un"]
    assert "state_media_origin" in flags_shown(page)


def test_a_story_with_script_added_through_the_form_stays_inert(
    page: Any, live_server: LiveServer, editor_key: str
) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    sign_in(page, live_server.url, editor_key)
    page.get_by_label("Story text").fill(SCRIPT_STORY)
    page.get_by_role("button", name="Add story").click()
    page.wait_for_url(re.compile(r"/documents/\d+\?done=added$"))
    text = page.locator(".story-text").inner_text()
    assert "<script>document.title='pwned'</script>" in text
    assert "<b>harga beras</b>" in text
    assert page.locator(".story-text script, .story-text b").count() == 0
    for link in page.locator(".statement-list a").all():
        link.click()
        page.wait_for_selector("#panel section.review")
    assert page.evaluate("document.title") != "pwned"
    assert dialogs == []
    assert not [e for e in errors if "Content Security Policy" in e]


def test_an_admin_deletes_a_story_after_ticking_the_box(
    page: Any, live_server: LiveServer, stories: DeskStories, settings: Settings, engine: Engine
) -> None:
    service = live_server.service
    admin_key = issue_key(settings, engine, "desk-admin", "admin")
    sign_in(page, live_server.url, admin_key)
    page.goto(f"{live_server.url}/documents/{stories.later}")
    delete = page.locator("form[data-form='delete']")
    delete.get_by_role("button", name="Delete the story").click()
    assert page.url.endswith(f"/documents/{stories.later}")  # the box is required: not sent
    service.get_document(stories.later)
    delete.get_by_label("Delete this story with its statements and chains").check()
    delete.get_by_role("button", name="Delete the story").click()
    page.wait_for_url(re.compile(r"/\?done=deleted$"))
    assert "The story was deleted" in page.locator("[role='status']").inner_text()
    with pytest.raises(NotFoundError):
        service.get_document(stories.later)
    assert service.get_document(stories.early).id == stories.early
