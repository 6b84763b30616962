"""The walk's rows turned into hops, primary sources and flags (no database)."""

from __future__ import annotations

import pytest

from tests.unit.walk.builders import relay, row
from tracker.walk.flags import end_flags, is_fuzzy_link, names_another_speaker
from tracker.walk.model import WALK_HOP_FIELDS, Walk
from tracker.walk.walker import build_walk


def test_relay_chain_ends_at_its_speaker() -> None:
    rows = [
        relay(1, 0, "Yonhap", relation="reported_by"),
        relay(2, 1, "KCNA", parent_walk_id=1, source_state_media=True),
        row(3, 2, "Kim Jong Un", parent_walk_id=2),
    ]
    walk = build_walk(7, 3, rows, max_depth=32, speaker_name="Kim Jong Un")
    assert [h.source.name for h in walk.hops] == ["Yonhap", "KCNA", "Kim Jong Un"]
    assert [h.parent for h in walk.hops] == [None, 0, 1]
    assert [h.is_primary for h in walk.hops] == [False, False, True]
    assert [s.name for s in walk.primary_sources] == ["Kim Jong Un"]
    assert walk.flags == ["complete", "state_media_origin"]
    assert walk.depth == 3


def test_branches_keep_every_primary_source_once() -> None:
    rows = [
        relay(1, 0, "AFP"),
        row(2, 1, "Health Ministry", parent_walk_id=1, source_kind="government_body"),
        row(3, 1, "Dr Ana Ruiz", parent_walk_id=1),
        row(4, 1, "Dr Ana Ruiz", parent_walk_id=1, source_id=30),  # same source again
    ]
    walk = build_walk(1, 1, rows, max_depth=32)
    assert [h.parent for h in walk.hops] == [None, 0, 0, 0]
    assert [s.name for s in walk.primary_sources] == ["Health Ministry", "Dr Ana Ruiz"]
    assert walk.flags == ["complete"]


def test_a_hop_met_twice_on_a_path_is_circular_and_not_shown() -> None:
    rows = [
        relay(1, 0, "Daily B", upstream_statement_id=5, upstream_document_id=2),
        relay(2, 1, "Daily A", parent_walk_id=1, upstream_statement_id=6),
        relay(1, 2, "Daily B", parent_walk_id=2, is_cycle=True),
    ]
    walk = build_walk(6, 1, rows, max_depth=32)
    assert [h.source.name for h in walk.hops] == ["Daily B", "Daily A"]
    assert walk.flags == ["circular"]
    assert walk.primary_sources == []


def test_the_depth_bound_cuts_and_flags_truncated() -> None:
    rows = [relay(1, 0, "Relay 0"), relay(2, 1, "Relay 1", parent_walk_id=1)]
    walk = build_walk(1, 1, rows, max_depth=2)
    assert walk.flags == ["truncated"]
    assert not any(h.is_primary for h in walk.hops)
    # the same last hop as a real end of the chain is a primary source, not a cut
    ends = build_walk(1, 1, [rows[0], row(2, 1, "Origin", parent_walk_id=1)], max_depth=2)
    assert ends.flags == ["complete"]


def test_a_link_to_a_missing_statement_is_broken_and_never_complete() -> None:
    rows = [relay(1, 0, "Relay", upstream_statement_id=99, is_broken=True, link_method="manual")]
    walk = build_walk(1, 1, rows, max_depth=32)
    assert walk.flags == ["broken"]
    assert [s.name for s in walk.primary_sources] == ["Relay"]  # where the walk ends
    assert walk.hops[0].link == {"method": "manual", "similarity": None}


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        (["anonymous"], ["anonymous", "anonymous_only"]),
        (["anonymous", "person"], ["anonymous"]),
        (["person", "document"], ["complete"]),
        (["unknown"], []),
        ([], []),
    ],
)
def test_what_the_ends_of_a_walk_add(kinds: list[str], expected: list[str]) -> None:
    assert sorted(end_flags(kinds, set())) == expected


@pytest.mark.parametrize("cut", ["circular", "truncated", "broken"])
def test_a_cut_walk_is_never_complete(cut: str) -> None:
    assert end_flags(["person"], {cut}) == set()


@pytest.mark.parametrize(
    ("similarity", "altered"), [(None, False), (1.0, False), (0.99, True), (0.8, True)]
)
def test_a_fuzzy_link_means_altered_words(similarity: float | None, altered: bool) -> None:
    assert is_fuzzy_link(similarity) is altered
    walk = build_walk(
        1,
        1,
        [row(1, 0, "Antara", link_method="fuzzy", link_similarity=similarity)],
        max_depth=32,
    )
    assert ("altered" in walk.flags) is altered


@pytest.mark.parametrize(
    ("upstream", "speaker", "misattributed"),
    [
        ("Vladimir Putin", "Kim Jong Un", True),
        ("Kim", "Kim Jong Un", False),  # a short form of the same name
        ("Presiden Kim Jong-un", "kim jong un", False),
        (None, "Kim Jong Un", False),
        ("Kim Jong Un", None, False),
    ],
)
def test_an_upstream_statement_naming_someone_else_is_misattributed(
    upstream: str | None, speaker: str | None, misattributed: bool
) -> None:
    assert names_another_speaker(upstream, speaker) is misattributed
    rows = [relay(1, 0, "Antara", upstream_statement_id=4, upstream_speaker_name=upstream)]
    walk = build_walk(1, 1, rows, max_depth=32, speaker_name=speaker)
    assert ("misattributed" in walk.flags) is misattributed


def test_a_later_statement_of_the_cited_outlet_is_a_time_inversion() -> None:
    walk = build_walk(1, 1, [row(1, 0, "Antara", inverted_statement_id=12)], max_depth=32)
    assert "time_inversion" in walk.flags
    assert walk.hops[0].inverted_statement_id == 12


def test_the_walk_json_keeps_its_fields_and_leaves_review_status_out() -> None:
    walk = build_walk(1, 2, [row(1, 0, "Kim", review_status="confirmed")], max_depth=5)
    assert walk.hops[0].review_status == "confirmed"
    data = walk.to_json()
    assert list(data) == [
        "statement_id",
        "document_id",
        "hops",
        "primary_sources",
        "flags",
        "max_depth",
    ]
    assert tuple(data["hops"][0]) == WALK_HOP_FIELDS
    assert data["hops"][0]["source"] == {
        "id": 10,
        "name": "Kim",
        "kind": "person",
        "state_media": False,
    }
    assert list(walk.to_dict())[-2:] == ["depth", "max_depth"]
    assert walk.to_dict()["depth"] == 1


def test_a_statement_without_hops_walks_to_nothing() -> None:
    walk = build_walk(1, 2, [], max_depth=32)
    assert (walk.hops, walk.primary_sources, walk.flags, walk.depth) == ([], [], [], 0)
    assert Walk(1, 2).to_json()["hops"] == []
