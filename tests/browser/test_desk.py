"""The desk in a real browser: highlighting, the chain diagram, search, the keyboard, escaping."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import LiveServer, require_browser
from tests.browser.helpers import diagram_names, flags_shown, focused, tab_until, words
from tests.desk_stories import ALTERED_QUOTE, QUOTE, DeskStories, store_stories
from tracker.store.inputs import DocumentIn

require_browser()
pytestmark = pytest.mark.browser

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "seed_id.txt"
SEED_QUOTE = "tak terkalahkan dan abadi"


@pytest.fixture
def stories(live_server: LiveServer) -> DeskStories:
    return store_stories(live_server.service)


def open_by_click(page: Any, statement_id: int) -> None:
    page.locator(f"a.st-link[data-statement-id='{statement_id}']").first.click()
    page.wait_for_selector(f"#panel[data-statement-id='{statement_id}'] svg.chain-diagram")


def test_statements_highlighted_and_the_relay_drawn_in_order(
    page: Any, live_server: LiveServer, stories: DeskStories
) -> None:
    service = live_server.service
    document = service.get_document(stories.early)
    page.goto(f"{live_server.url}/documents/{stories.early}")
    marks = page.locator(".story-text mark[data-statement-id]")
    assert marks.count() == len(document.statements) == 3
    assert page.locator(".story-text").inner_text() == document.text

    partial = DeskStories.statement_with(service, stories.early, QUOTE, "partial")
    open_by_click(page, partial)
    assert diagram_names(page) == ["Yonhap", "KCNA", "Kim Jong Un"]
    assert "state_media_origin" in flags_shown(page)
    badge = page.locator("#panel ul.flags:not(.compact) li[data-flag='state_media_origin']")
    assert badge.is_visible() and "state media" in badge.inner_text()
    assert page.url.endswith(f"?statement={partial}")
    assert focused(page)["id"] == "panel-heading", "a click moves the reader to the panel"
    assert page.locator(f"mark#s-{partial}").get_attribute("aria-current") == "true"


def test_search_finds_the_first_appearance_and_the_altered_words(
    page: Any, live_server: LiveServer, stories: DeskStories
) -> None:
    page.goto(live_server.url + "/")
    page.get_by_label("Quote, or a few of its words").fill(QUOTE)
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"/search\?quote="))
    firsts = page.locator("a.first-appearance")
    assert firsts.count() >= 2
    assert set(firsts.evaluate_all("links => links.map(a => a.dataset.documentId)")) == {
        str(stories.early)
    }
    later = live_server.service.get_document(stories.later)
    later_partial = next(
        s.id for s in later.statements if ALTERED_QUOTE in s.text and s.kind == "partial"
    )
    page.locator(f"li.result[data-statement-id='{later_partial}'] a.open-statement").click()
    page.wait_for_selector(f"#panel[data-statement-id='{later_partial}']")
    current = page.locator("#panel ol.timeline li.current")
    assert words(current.locator("del").text_content()) == "removed: abadi"
    assert words(current.locator("ins").text_content()) == "added: kekal"
    first = page.locator("#panel ol.timeline li").first
    assert "first appearance" in first.inner_text()
    assert "altered" in flags_shown(page)


def test_the_reading_flow_by_keyboard_alone(
    page: Any, live_server: LiveServer, stories: DeskStories
) -> None:
    service = live_server.service
    page.goto(live_server.url + "/")
    skip = tab_until(page, lambda f: f["cls"] == "skip-link")
    assert skip["href"] == "#main"
    tab_until(page, lambda f: f["name"] == "quote")
    page.keyboard.type(QUOTE)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search\?quote="))

    early_partial = DeskStories.statement_with(service, stories.early, QUOTE, "partial")
    tab_until(page, lambda f: (f["href"] or "").endswith(f"?statement={early_partial}#panel"))
    page.keyboard.press("Enter")
    page.wait_for_selector(f"#panel[data-statement-id='{early_partial}'] svg.chain-diagram")
    assert diagram_names(page) == ["Yonhap", "KCNA", "Kim Jong Un"]

    # Tab into the text: reaching another statement opens its panel, Enter moves there
    cho = DeskStories.statement_with(service, stories.early, "pemerintahnya", "indirect")
    tab_until(page, lambda f: f["statement"] == str(cho) and "st-link" in f["cls"])
    page.wait_for_selector(f"#panel[data-statement-id='{cho}']")
    page.keyboard.press("Enter")
    page.wait_for_selector("#panel-heading:focus")
    assert "Cho Tae-yul" in page.locator("#panel").inner_text()

    # on through the panel to the diagram's node, then Escape back to the text
    node = tab_until(page, lambda f: f["href"] is not None and f["href"].startswith("/sources/"))
    assert node["href"].startswith("/sources/")
    page.keyboard.press("Escape")
    back = focused(page)
    assert back["statement"] == str(cho) and "st-link" in back["cls"]


def test_the_reading_flow_without_javascript(
    browser: Any, live_server: LiveServer, stories: DeskStories
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        partial = DeskStories.statement_with(live_server.service, stories.early, QUOTE, "partial")
        page.goto(f"{live_server.url}/documents/{stories.early}")
        page.locator(f"a.st-link[data-statement-id='{partial}']").first.click()
        page.wait_for_url(re.compile(rf"\?statement={partial}#panel$"))
        assert diagram_names(page) == ["Yonhap", "KCNA", "Kim Jong Un"]
        assert "state_media_origin" in flags_shown(page)
    finally:
        context.close()


def test_a_story_with_script_in_its_text_renders_inert(
    page: Any, live_server: LiveServer, stories: DeskStories
) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    violations: list[str] = []
    page.on("console", lambda msg: violations.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{live_server.url}/documents/{stories.script}")
    assert page.title().startswith("<script>alert(1)</script> judul")
    assert page.locator("h1").inner_text() == "<script>alert(1)</script> judul"
    text = page.locator(".story-text").inner_text()
    assert "<script>document.title='pwned'</script>" in text
    assert "<b>harga beras</b>" in text
    assert page.locator(".story-text script, .story-text b").count() == 0
    for link in page.locator(".statement-list a").all():
        link.click()
        page.wait_for_selector("#panel svg.chain-diagram, #panel blockquote")
    assert page.evaluate("document.title") != "pwned"
    assert dialogs == []
    assert not [v for v in violations if "Content Security Policy" in v]


def test_no_edit_controls_for_anonymous_visitors(
    page: Any, live_server: LiveServer, stories: DeskStories
) -> None:
    for path in ("/", f"/documents/{stories.early}", "/corpus", "/login"):
        page.goto(live_server.url + path)
        assert (
            page.locator(
                "form[method='post']:not([action='/login']) "
                ":is(button, input:not([type='hidden']), textarea, select):enabled"
            ).count()
            == 0
        )
        assert page.get_by_role("link", name="Sign in").first.is_visible()
        assert page.get_by_role("button", name="Sign out").count() == 0
    page.goto(live_server.url + "/")
    assert page.locator("textarea[name='text']").is_disabled()
    assert "needs a signed-in editor" in page.locator("#add-needs-editor").inner_text()


def test_the_seed_article(page: Any, live_server: LiveServer) -> None:
    """The shared seed article, pasted as a story: its relay drawn as the seed says."""
    if not SEED.exists():
        missing = f"the seed article is not at {SEED}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(missing)
        pytest.skip(missing)
    service = live_server.service
    stored = service.create_document(
        DocumentIn(text=SEED.read_text(encoding="utf-8"), language="id", outlet="Seed")
    )
    document = stored.document
    page.goto(f"{live_server.url}/documents/{document.id}")
    assert page.locator(".story-text mark[data-statement-id]").count() == len(document.statements)
    assert len(document.statements) >= 5
    innermost = min(
        (s for s in document.statements if SEED_QUOTE in s.text), key=lambda s: s.end - s.start
    )
    open_by_click(page, innermost.id)
    assert diagram_names(page) == ["Yonhap", "KCNA", "Kim Jong Un"]
    assert "state_media_origin" in flags_shown(page)
