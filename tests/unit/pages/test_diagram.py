"""The chain diagram's layout: rows by depth, branches side by side, links where they belong."""

from __future__ import annotations

from api.pages.diagram import COLUMN, NODE_HEIGHT, chain_diagram, name_lines
from tests.unit.walk.builders import relay, row
from tracker.walk.walker import build_walk


def test_a_relay_is_one_column_top_to_bottom() -> None:
    rows = [
        relay(1, 0, "Yonhap", relation="reported_by"),
        relay(2, 1, "KCNA", parent_walk_id=1, relation="citing", source_state_media=True),
        row(3, 2, "Kim Jong Un", parent_walk_id=2),
    ]
    diagram = chain_diagram(build_walk(10, 1, rows, 32), "A story")
    assert [n.label for n in diagram.nodes] == ["A story", "Yonhap", "KCNA", "Kim Jong Un"]
    assert len({n.x for n in diagram.nodes}) == 1, "one path: one column"
    assert [n.y for n in diagram.nodes] == sorted({n.y for n in diagram.nodes})
    assert diagram.nodes[0].shape == "entity" and diagram.nodes[0].source_id is None
    assert {n.shape for n in diagram.nodes[1:]} == {"agent"}
    assert [n.source_id for n in diagram.nodes[1:]] == [10, 20, 30]
    assert "state" in diagram.nodes[2].classes and diagram.nodes[2].note == "state media"
    assert "primary" in diagram.nodes[3].classes
    assert "primary" not in diagram.nodes[1].classes
    assert [e.label for e in diagram.edges] == ["reported by", "citing", "said"]
    for edge, child in zip(diagram.edges, diagram.nodes[1:], strict=True):
        assert edge.y2 == child.y and edge.x2 == child.cx
    assert diagram.height >= diagram.nodes[-1].y + NODE_HEIGHT


def test_branches_sit_side_by_side_under_their_relay() -> None:
    rows = [
        relay(1, 0, "Antara"),
        row(2, 1, "Minister Lee", parent_walk_id=1),
        row(3, 1, "a report", parent_walk_id=1, source_kind="document"),
    ]
    diagram = chain_diagram(build_walk(10, 1, rows, 32), "A story")
    antara, left, right = diagram.nodes[1:]
    assert right.x - left.x == COLUMN and left.y == right.y
    assert antara.cx == (left.cx + right.cx) / 2
    assert right.shape == "entity", "a document source is a PROV entity"
    assert diagram.width >= right.x + right.rx * 2


def test_a_hop_in_another_document_links_there() -> None:
    rows = [
        relay(1, 0, "Antara", upstream_statement_id=55, upstream_document_id=200),
        row(2, 1, "Kim", parent_walk_id=1, statement_id=55, document_id=200),
    ]
    diagram = chain_diagram(build_walk(10, 1, rows, 32), "A story")
    antara, kim = diagram.nodes[1:]
    assert antara.href == "/sources/10"
    assert kim.href == "/documents/200?statement=55#panel"
    assert kim.note == "in document 200"
    assert diagram.edges[1].cross_document and not diagram.edges[0].cross_document


def test_a_chain_cut_by_the_depth_bound_says_so() -> None:
    rows = [relay(1, 0, "Antara"), relay(2, 1, "Reuters", parent_walk_id=1)]
    diagram = chain_diagram(build_walk(10, 1, rows, 2), "A story")
    assert diagram.nodes[-1].note == "cut here"
    assert "primary" not in diagram.nodes[-1].classes


def test_a_long_name_takes_two_lines_and_is_never_cut() -> None:
    """The node's text is the source's whole name (issue 13: the name as its text)."""
    name = "The Ministry of Maritime Affairs and Fisheries"
    (node,) = chain_diagram(
        build_walk(10, 1, [row(1, 0, name, source_kind="government_body")], 32), "A story"
    ).nodes[1:]
    assert node.label == name
    assert node.lines == ("The Ministry of Maritime", "Affairs and Fisheries")
    assert " ".join(node.lines) == name
    assert node.title.startswith(name)


def test_name_lines() -> None:
    assert name_lines("KCNA") == ("KCNA",)
    assert name_lines("badan intelijen Korea Selatan") == ("badan intelijen", "Korea Selatan")
    assert name_lines("Kementerian_Kelautan_dan_Perikanan") == (
        "Kementerian_Kelautan_dan_Perikanan",
    )
    long_line = "Supercalifragilisticexpialidocious Agency"
    (node,) = chain_diagram(build_walk(10, 1, [row(1, 0, long_line)], 32), "A story").nodes[1:]
    assert [node.squeezed(line) for line in node.lines] == [True, False]


def test_the_document_node_is_shortened() -> None:
    diagram = chain_diagram(
        build_walk(10, 1, [row(1, 0, "Kim")], 32), "A very long story title indeed"
    )
    assert diagram.nodes[0].label.endswith("…") and len(diagram.nodes[0].label) <= 17
