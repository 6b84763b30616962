"""The desk's forms read into tracker's inputs (no database): chains row by row, the
speaker, versions, and the sign-in page's way back."""

from __future__ import annotations

import pytest

from api.pages.forms import (
    ChainRow,
    chain_error_field,
    chain_of_rows,
    rows_of_chain,
    rows_of_form,
    speaker_edit,
    story_inputs,
    version_of,
)
from api.pages.links import local_path
from tracker.errors import PreconditionRequiredError, ValidationError
from tracker.store.inputs import ChainHopIn, SourceIn
from tracker.views import HopView, SourceBrief


def _hop(position: int, source_id: int, name: str, relation: str) -> HopView:
    return HopView(
        id=100 + position,
        position=position,
        parent_id=None,
        source=SourceBrief(source_id, name, "news_outlet"),
        relation=relation,
        cue=None,
        evidence_start=None,
        evidence_end=None,
        upstream_statement_id=None,
        link=None,
        origin="manual",
    )


def test_stored_hops_become_rows_in_chain_order_with_empty_rows_after() -> None:
    rows = rows_of_chain([_hop(1, 7, "KCNA", "citing"), _hop(0, 5, "Yonhap", "reported_by")])
    assert [(r.position, r.pick, r.relation, r.blank) for r in rows] == [
        ("1", "5", "reported_by", False),
        ("2", "7", "citing", False),
        ("3", "", "", True),
        ("4", "", "", True),
    ]
    hops, _ = chain_of_rows(rows)
    assert hops == (
        ChainHopIn(source_id=5, relation="reported_by"),
        ChainHopIn(source_id=7, relation="citing"),
    ), "a form sent back untouched keeps the chain"


def test_rows_are_reordered_removed_renamed_and_added() -> None:
    form = {
        "hop-0-position": "3", "hop-0-pick": "5", "hop-0-name": "",
        "hop-0-relation": "reported_by",
        "hop-1-position": "1", "hop-1-pick": "7", "hop-1-name": " Reuters ",
        "hop-1-kind": "news_outlet", "hop-1-relation": "citing", "hop-1-cue": " mengutip ",
        "hop-2-position": "2", "hop-2-pick": "9", "hop-2-remove": "1",
        "hop-3-position": "2", "hop-3-pick": "", "hop-3-name": "Kim Jong Un",
        "hop-3-kind": "person",
        "hop-4-position": "5", "hop-4-pick": "", "hop-4-name": "",
        "csrf_token": "ignored", "version": "3",
    }  # fmt: skip
    rows = rows_of_form(form)
    assert [r.row for r in rows] == [0, 1, 2, 3, 4]
    hops, ordered = chain_of_rows(rows)
    assert hops == (
        ChainHopIn(source=SourceIn("Reuters", "news_outlet"), relation="citing", cue="mengutip"),
        ChainHopIn(source=SourceIn("Kim Jong Un", "person"), relation="said"),
        ChainHopIn(source_id=5, relation="reported_by"),
    )
    assert [r.row for r in ordered] == [1, 3, 0]
    assert chain_error_field("chain[1].name", ordered) == "hop-3-name"
    assert chain_error_field("chain[2].relation", ordered) == "hop-0-relation"
    assert chain_error_field("chain", ordered) == "hop-1-name"


@pytest.mark.parametrize(
    ("form", "field"),
    [
        ({"hop-0-position": "x", "hop-0-pick": "5"}, "hop-0-position"),
        ({"hop-0-position": "0", "hop-0-name": "KCNA"}, "hop-0-position"),
        ({"hop-0-position": "1", "hop-0-pick": "five"}, "hop-0-pick"),
        ({"hop-0-position": "1", "hop-0-pick": "5", "hop-0-remove": "1"}, "hop-0-name"),
        ({"hop-0-position": "1", "hop-0-name": "  "}, "hop-0-name"),
    ],
    ids=["not-a-number", "zero", "pick-not-an-id", "all-removed", "blank"],
)
def test_a_wrong_row_names_its_input(form: dict[str, str], field: str) -> None:
    with pytest.raises(ValidationError) as raised:
        chain_of_rows(rows_of_form(form))
    assert raised.value.errors[0]["field"] == field


def test_only_hop_fields_make_rows() -> None:
    assert rows_of_form({"hop-x-name": "A", "hop-123-name": "B", "hops-0-name": "C"}) == []
    assert rows_of_form({"hop-3-name": "A"}) == [ChainRow(row=3, position="", name="A")]


def test_a_typed_speaker_wins_over_the_pick() -> None:
    typed = speaker_edit(
        {"speaker_id": "4", "speaker_name": " Ana Ruiz ", "speaker_kind": "person"}
    )
    assert typed.speaker == SourceIn("Ana Ruiz", "person") and typed.speaker_id is None
    picked = speaker_edit({"speaker_id": "4", "speaker_name": ""})
    assert picked.speaker_id == 4 and picked.speaker is None
    with pytest.raises(ValidationError) as raised:
        speaker_edit({"speaker_id": "", "speaker_name": ""})
    assert raised.value.errors[0]["field"] == "speaker_name"


@pytest.mark.parametrize("sent", [None, "", "abc", "-1", "1234567890"])
def test_a_form_without_its_version_is_refused(sent: str | None) -> None:
    form = {} if sent is None else {"version": sent}
    with pytest.raises(PreconditionRequiredError):
        version_of(form)


def test_a_pasted_story_keeps_its_line_breaks_as_written() -> None:
    (story,) = story_inputs({"text": "Baris satu.\r\nBaris dua.", "outlet": " ", "url": ""})
    assert story.text == "Baris satu.\nBaris dua."
    assert story.outlet is None and story.url is None


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("/documents/3?statement=4#panel", "/documents/3?statement=4#panel"),
        ("/corpus", "/corpus"),
        ("//evil.example/", "/"),
        ("/\\evil.example/", "/"),
        ("https://evil.example/", "/"),
        ("javascript:alert(1)", "/"),
        ("/x\r\nSet-Cookie: a=b", "/"),
        ("", "/"),
        (None, "/"),
    ],
)
def test_the_way_back_after_sign_in_stays_on_this_server(given: str | None, expected: str) -> None:
    assert local_path(given) == expected
