"""A walk's hops as a tree: paths, path text and the terminal drawing (no database)."""

from __future__ import annotations

from tests.unit.walk.builders import hop
from tracker.reports.terminal import render_walk_tree
from tracker.views import SourceBrief
from tracker.walk.model import Walk
from tracker.walk.trees import chain_paths, children_by_parent, hop_paths, path_text

BRANCHED = [
    hop(0, "AFP", is_primary=False, kind="news_outlet"),
    hop(1, "Health Ministry", parent=0, position=1),
    hop(2, "Reuters", parent=0, position=1, is_primary=False, kind="news_outlet"),
    hop(3, "Dr Ana Ruiz", parent=2, position=2, document_id=4),
    hop(4, "Second relay", is_primary=False, kind="news_outlet"),
]


def test_children_by_parent_keeps_walk_order() -> None:
    assert children_by_parent(BRANCHED) == {None: [0, 4], 0: [1, 2], 2: [3]}


def test_every_root_to_leaf_path() -> None:
    assert hop_paths(BRANCHED) == [[0, 1], [0, 2, 3], [4]]
    assert hop_paths([]) == []


def test_paths_as_text_mark_a_cut_chain() -> None:
    assert chain_paths(BRANCHED) == [
        "AFP → Health Ministry",
        "AFP → Reuters → Dr Ana Ruiz",
        "Second relay → …",
    ]
    assert path_text(BRANCHED, [0, 1]) == "AFP → Health Ministry"


def test_terminal_tree_indents_children_and_marks_primary_sources() -> None:
    walk = Walk(
        statement_id=9,
        document_id=1,
        hops=BRANCHED[:4],
        primary_sources=[SourceBrief(101, "Health Ministry", "person")],
        flags=["complete"],
    )
    assert render_walk_tree(walk).splitlines() == [
        "statement 9 (document 1)",
        "  └─ said: AFP (news_outlet)",
        "    └─ said: Health Ministry (person)  <- primary source",
        "    └─ said: Reuters (news_outlet)",
        "      └─ said: Dr Ana Ruiz (person) [document 4]  <- primary source",
        "primary sources: Health Ministry",
        "flags: complete",
    ]


def test_terminal_tree_of_a_statement_without_hops() -> None:
    lines = render_walk_tree(Walk(statement_id=2, document_id=1)).splitlines()
    assert lines[1:] == ["  (no hops)", "primary sources: none", "flags: none"]
