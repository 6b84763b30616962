"""Review in the page: each form makes one review action through the service, redirects
back, and is audited under the signed-in key's name; a stale or wrong form is answered
beside it and writes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import TestClient
from lxml import html as lxml_html
from sqlalchemy.engine import Engine

from tests.desk.browsing import sign_in
from tests.review.world import database_state, story
from tracker.service import TrackerService


@pytest.fixture
def token(browser_client: TestClient[Any], editor_key: str) -> str:
    return sign_in(browser_client, editor_key)


def _post(client: TestClient[Any], path: str, form: dict[str, Any], token: str) -> Any:
    return client.post(path, data={**form, "csrf_token": token}, follow_redirects=False)


def test_confirm_redirects_to_the_panel_and_names_the_key_in_the_audit(
    browser_client: TestClient[Any], token: str, service: TrackerService
) -> None:
    statement = story(service).relayed
    page = browser_client.get(f"/documents/{statement.document_id}?statement={statement.id}")
    assert f'<input type="hidden" name="version" value="{statement.version}">' in page.text
    response = _post(
        browser_client,
        f"/statements/{statement.id}/review",
        {"action": "confirm", "version": statement.version, "note": "checked by phone"},
        token,
    )
    assert response.status_code == 303
    assert response.headers["location"] == (
        f"/documents/{statement.document_id}?statement={statement.id}&done=confirmed#panel"
    )
    assert service.get_statement(statement.id).review_status == "confirmed"
    row = service.audit(entity="statement", entity_id=statement.id).items[0]
    assert (row.actor, row.action, row.note) == (
        "test-editor",
        "statement.confirm",
        "checked by phone",
    )
    assert row.request_id
    shown = browser_client.get(response.headers["location"]).text
    assert "The statement is confirmed" in shown


def test_reject_takes_the_statement_off_the_page(
    browser_client: TestClient[Any], token: str, service: TrackerService
) -> None:
    statement = story(service).relayed
    response = _post(
        browser_client,
        f"/statements/{statement.id}/review",
        {"action": "reject", "version": statement.version, "note": "not in the source"},
        token,
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/documents/{statement.document_id}?done=rejected"
    page = browser_client.get(response.headers["location"]).text
    assert f'data-statement-id="{statement.id}"' not in page
    assert "The statement was rejected" in page
    gone = browser_client.get(f"/documents/{statement.document_id}?statement={statement.id}")
    assert gone.status_code == 404


def test_a_stale_form_is_told_it_changed_meanwhile(
    browser_client: TestClient[Any], token: str, service: TrackerService, engine: Engine
) -> None:
    statement = story(service).relayed
    stale = statement.version
    ok = _post(
        browser_client,
        f"/statements/{statement.id}/speaker",
        {"speaker_name": "Ana Ruiz", "speaker_kind": "person", "version": stale},
        token,
    )
    assert ok.status_code == 303
    before = database_state(engine)
    for path, form in (
        (f"/statements/{statement.id}/review", {"action": "reject"}),
        (f"/statements/{statement.id}/speaker", {"speaker_name": "Budi", "speaker_kind": "person"}),
        (f"/statements/{statement.id}/chain", {"hop-0-name": "Budi", "hop-0-position": "1"}),
    ):
        refused = _post(browser_client, path, {**form, "version": stale}, token)
        assert refused.status_code == 412, path
        assert "Changed meanwhile" in refused.text
        current = service.get_statement(statement.id).version
        assert f'<input type="hidden" name="version" value="{current}">' in refused.text
    assert database_state(engine) == before
    no_version = _post(
        browser_client, f"/statements/{statement.id}/review", {"action": "reject"}, token
    )
    assert no_version.status_code == 428
    assert database_state(engine) == before


def test_correct_the_speaker_by_name_or_by_pick(
    browser_client: TestClient[Any], token: str, service: TrackerService
) -> None:
    s = story(service)
    statement = s.relayed
    response = _post(
        browser_client,
        f"/statements/{statement.id}/speaker",
        {
            "speaker_name": "Ana Ruiz",
            "speaker_kind": "person",
            "speaker_id": statement.speaker.id,
            "version": statement.version,
        },
        token,
    )
    assert response.status_code == 303
    edited = service.get_statement(statement.id)
    assert edited.speaker is not None and edited.speaker.name == "Ana Ruiz"
    assert edited.review_status == "edited"
    other = s.first_hand.speaker
    response = _post(
        browser_client,
        f"/statements/{statement.id}/speaker",
        {"speaker_id": other.id, "speaker_name": "", "version": edited.version},
        token,
    )
    assert response.status_code == 303
    assert service.get_statement(statement.id).speaker.id == other.id


def test_a_speaker_form_without_a_speaker_keeps_what_was_typed(
    browser_client: TestClient[Any], token: str, service: TrackerService, engine: Engine
) -> None:
    statement = story(service).relayed
    before = database_state(engine)
    refused = _post(
        browser_client,
        f"/statements/{statement.id}/speaker",
        {"speaker_id": "", "speaker_name": "  ", "version": statement.version},
        token,
    )
    assert refused.status_code == 422
    assert f'id="r{statement.id}-speaker-speaker_name" name="speaker_name"' in refused.text
    assert 'aria-invalid="true"' in refused.text
    assert "type the speaker&#39;s name" in refused.text
    assert database_state(engine) == before


def test_edit_the_chain_hop_by_hop(
    browser_client: TestClient[Any], token: str, service: TrackerService
) -> None:
    """Replace the first hop by name, drop the second, move the speaker first, add one."""
    s = story(service)
    statement = s.relayed
    hops = sorted(statement.chain, key=lambda h: h.position)
    page = browser_client.get(f"/documents/{statement.document_id}?statement={statement.id}")
    assert 'name="hop-2-pick"' in page.text and 'name="hop-4-name"' in page.text
    form = {
        "version": statement.version,
        "hop-0-position": "2",
        "hop-0-pick": hops[0].source.id,
        "hop-0-name": "Harbor Wire",
        "hop-0-kind": "news_outlet",
        "hop-0-relation": "reported_by",
        "hop-0-cue": "",
        "hop-1-position": "3",
        "hop-1-pick": hops[1].source.id,
        "hop-1-name": "",
        "hop-1-kind": "news_outlet",
        "hop-1-relation": "citing",
        "hop-1-remove": "1",
        "hop-2-position": "1",
        "hop-2-pick": hops[2].source.id,
        "hop-2-name": "",
        "hop-2-kind": "person",
        "hop-2-relation": "said",
        "hop-2-cue": "said",
        "hop-3-position": "4",
        "hop-3-pick": "",
        "hop-3-name": "Port Authority",
        "hop-3-kind": "government_body",
        "hop-3-relation": "",
        "hop-3-cue": "",
        "hop-4-position": "5",
        "hop-4-pick": "",
        "hop-4-name": "",
        "hop-4-kind": "unknown",
    }
    response = _post(browser_client, f"/statements/{statement.id}/chain", form, token)
    assert response.status_code == 303, response.text
    chain = sorted(service.get_statement(statement.id).chain, key=lambda h: h.position)
    assert [(h.source.name, h.relation, h.cue) for h in chain] == [
        (hops[2].source.name, "said", "said"),
        ("Harbor Wire", "reported_by", None),
        ("Port Authority", "said", None),
    ]
    assert chain[0].source.id == hops[2].source.id
    row = service.audit(entity="statement", entity_id=statement.id).items[0]
    assert (row.actor, row.action) == ("test-editor", "statement.chain")


def test_a_chain_mistake_is_shown_at_its_row_and_keeps_the_rows(
    browser_client: TestClient[Any], token: str, service: TrackerService, engine: Engine
) -> None:
    statement = story(service).relayed
    before = database_state(engine)
    refused = _post(
        browser_client,
        f"/statements/{statement.id}/chain",
        {
            "version": statement.version,
            "hop-0-position": "1",
            "hop-0-name": "Harbor Wire",
            "hop-0-kind": "news_outlet",
            "hop-0-relation": "Not A Relation",
        },
        token,
    )
    assert refused.status_code == 422
    assert f'id="r{statement.id}-chain-hop-0-relation-error"' in refused.text
    assert 'value="Harbor Wire"' in refused.text
    assert database_state(engine) == before


def test_link_a_hop_upstream_by_searching_the_quote(
    browser_client: TestClient[Any], token: str, service: TrackerService
) -> None:
    source_story = story(service)
    here = story(service).relayed
    hop = sorted(here.chain, key=lambda h: h.position)[0]
    words = source_story.relayed.text.strip("“”").split(",")[0]
    search = browser_client.get(
        f"/documents/{here.document_id}",
        params={"statement": here.id, "link_hop": hop.id, "link_quote": words},
    )
    assert search.status_code == 200
    assert f"Link {hop.source.name} to statement {source_story.relayed.id}" in search.text
    assert f"to statement {here.id}<" not in search.text, "never its own story"
    response = _post(
        browser_client,
        f"/citations/{hop.id}/upstream",
        {"statement_id": source_story.relayed.id, "version": hop.version},
        token,
    )
    assert response.status_code == 303
    assert response.headers["location"].endswith(f"statement={here.id}&done=linked#panel")
    linked = service.get_hop(hop.id)
    assert linked.upstream_statement_id == source_story.relayed.id
    walk = service.walk(here.id)
    assert source_story.document.id in {h.document_id for h in walk.hops}
    unlink = _post(
        browser_client,
        f"/citations/{hop.id}/upstream",
        {"statement_id": "", "version": linked.version},
        token,
    )
    assert unlink.status_code == 303
    assert service.get_hop(hop.id).upstream_statement_id is None


def test_an_admin_merges_sources_on_the_source_page(
    browser_client: TestClient[Any], admin_key: str, service: TrackerService
) -> None:
    token = sign_in(browser_client, admin_key)
    s = story(service)
    duplicate = s.first_hand.speaker
    kept = s.relayed.speaker
    source = service.get_source(duplicate.id)
    page = browser_client.get(f"/sources/{duplicate.id}", params={"merge_q": kept.name})
    assert f'id="merge-into-{kept.id}"' in page.text
    response = _post(
        browser_client,
        f"/sources/{duplicate.id}/merge",
        {"into": kept.id, "into_id": "", "version": source.version, "note": "same person"},
        token,
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/sources/{kept.id}?done=merged"
    assert service.get_source(duplicate.id).merged_into == kept.id
    row = service.audit(entity="source", entity_id=duplicate.id).items[0]
    assert (row.actor, row.action) == ("desk-admin", "source.merge")


def test_add_a_story_from_the_start_page(
    browser_client: TestClient[Any], token: str, service: TrackerService
) -> None:
    text = "Jakarta - Menteri Budi Santoso mengatakan harga beras akan turun bulan depan.\r\n"
    response = browser_client.post(
        "/documents",
        data={
            "text": text,
            "outlet": "Harian Contoh",
            "url": "",
            "published_at": "2026-10-06 08:00",
            "csrf_token": token,
        },
        files={"files": ("", b"", "application/octet-stream")},
        follow_redirects=False,
    )
    assert response.status_code == 303
    document_id = int(response.headers["location"].split("/")[2].split("?")[0])
    stored = service.get_document(document_id)
    assert stored.text == text.replace("\r\n", "\n")
    assert stored.outlet is not None and stored.outlet.name == "Harian Contoh"
    assert stored.published_at is not None and stored.published_at.isoformat().startswith(
        "2026-10-06T08:00"
    )
    assert stored.statements, "the extractor ran"


def test_add_stories_from_uploaded_files(
    browser_client: TestClient[Any], token: str, service: TrackerService
) -> None:
    first = b"Harbor City - Ana Ruiz said the port would reopen in May."
    second = (
        b'{"text": "Tomas Brenner said the ferries would run again.", "outlet": "Bay Herald"}\n'
    )
    response = browser_client.post(
        "/documents",
        data={"text": "", "csrf_token": token},
        files=[
            ("files", ("one.txt", first, "text/plain")),
            ("files", ("two.jsonl", second, "application/json")),
        ],
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/?done=added-several"
    texts = {d.text for d in service.list_documents().items}
    assert first.decode() in texts and "Tomas Brenner said the ferries would run again." in texts


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        ({"text": "   "}, "text", "paste the story"),
        ({"text": "Ana said so.", "published_at": "next tuesday"}, "published_at", "date and time"),
        ({"text": "Ana said so.", "url": "x" * 3000}, "url", "bytes"),
        ({"text": "Ana said so.", "outlet": "y" * 400}, "outlet", "characters"),
    ],
    ids=["no-text", "bad-time", "long-url", "long-outlet"],
)
def test_a_story_form_mistake_is_shown_at_its_field_and_writes_nothing(
    form: dict[str, str],
    field: str,
    message: str,
    browser_client: TestClient[Any],
    token: str,
    engine: Engine,
) -> None:
    before = database_state(engine)
    refused = browser_client.post(
        "/documents",
        data={**form, "csrf_token": token},
        files={"files": ("", b"", "application/octet-stream")},
        follow_redirects=False,
    )
    assert refused.status_code == 422
    assert f'id="story-{field}-error"' in refused.text
    assert message in refused.text
    assert database_state(engine) == before


def test_a_bad_file_among_good_ones_writes_none_of_them(
    browser_client: TestClient[Any], token: str, engine: Engine
) -> None:
    before = database_state(engine)
    refused = browser_client.post(
        "/documents",
        data={"csrf_token": token},
        files=[
            ("files", ("good.txt", b"Ana Ruiz said the port would reopen in May.", "text/plain")),
            ("files", ("bad.txt", b"\xff\xfe not utf-8 \xff", "text/plain")),
        ],
        follow_redirects=False,
    )
    assert refused.status_code == 422
    assert 'id="story-files-error"' in refused.text and "bad.txt" in refused.text
    assert database_state(engine) == before


def test_a_story_with_markup_is_stored_as_text_and_shown_inert(
    browser_client: TestClient[Any], token: str
) -> None:
    text = (
        "Warga menulis <script>alert(1)</script> di forum. "
        "Budi Santoso mengatakan <b>harga</b> naik."
    )
    response = browser_client.post(
        "/documents",
        data={"text": text, "csrf_token": token},
        files={"files": ("", b"", "application/octet-stream")},
    )
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


def test_every_review_control_has_a_label_and_every_id_is_unique(
    browser_client: TestClient[Any], admin_key: str, service: TrackerService
) -> None:
    """The editor's (here an admin's) pages: each field named by a label of its own, no
    id twice, no inline script or style (the Content-Security-Policy forbids them)."""
    sign_in(browser_client, admin_key)
    other = story(service)  # another story carrying like words: the link search finds it
    s = story(service)
    statement = s.relayed
    hop = statement.chain[0]
    pages = [
        browser_client.get("/"),
        browser_client.get(
            f"/documents/{statement.document_id}",
            params={
                "statement": statement.id,
                "link_hop": hop.id,
                "link_quote": other.relayed.text.strip("“”").split(",")[0],
            },
        ),
        browser_client.get(f"/documents/{statement.document_id}/statements/{statement.id}/panel"),
        browser_client.get(f"/sources/{statement.speaker.id}", params={"merge_q": "Quill"}),
    ]
    for response in pages:
        assert response.status_code == 200
        page = lxml_html.fromstring(response.text)
        ids = page.xpath("//@id")
        assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
        controls = page.xpath(
            "//input[not(@type='hidden') and not(@type='submit')] | //select | //textarea"
        )
        assert controls
        for control in controls:
            named = control.get("id") and page.xpath(f"//label[@for='{control.get('id')}']")
            assert named or control.get("aria-label"), lxml_html.tostring(control)
        assert not page.xpath("//*[@style] | //script[not(@src)]")
        assert not [a for a in page.xpath("//@*") if a.attrname.startswith("on")]
    panel = lxml_html.fromstring(pages[1].text)
    assert panel.xpath(
        "//section[contains(@class, 'review')]//button[normalize-space()='Reject statement']"
    )
    assert panel.xpath(f"//form[@action='/citations/{hop.id}/upstream']")


def test_an_admin_deletes_a_story_from_its_page_once_the_box_is_ticked(
    browser_client: TestClient[Any], admin_key: str, service: TrackerService, engine: Engine
) -> None:
    token = sign_in(browser_client, admin_key)
    s = story(service)
    path = f"/documents/{s.document.id}"
    page = browser_client.get(path).text
    assert f'action="/documents/{s.document.id}/delete"' in page
    before = database_state(engine)
    unticked = _post(browser_client, f"{path}/delete", {"version": s.document.version}, token)
    assert unticked.status_code == 422 and "tick the box" in unticked.text
    stale = _post(
        browser_client,
        f"{path}/delete",
        {"confirm": "yes", "version": s.document.version + 1},
        token,
    )
    assert stale.status_code == 412
    assert database_state(engine) == before
    done = _post(
        browser_client,
        f"{path}/delete",
        {"confirm": "yes", "version": s.document.version, "note": "a duplicate"},
        token,
    )
    assert done.status_code == 303 and done.headers["location"] == "/?done=deleted"
    assert "The story was deleted" in browser_client.get(done.headers["location"]).text
    assert browser_client.get(path).status_code == 404
    row = service.audit(entity="document", entity_id=s.document.id).items[0]
    assert (row.actor, row.action, row.note) == ("desk-admin", "document.delete", "a duplicate")


def test_an_editor_sees_no_delete_button(
    browser_client: TestClient[Any], token: str, service: TrackerService
) -> None:
    s = story(service)
    page = browser_client.get(f"/documents/{s.document.id}").text
    assert "Mark the story reviewed" in page  # signed in as an editor
    assert "/delete" not in page
