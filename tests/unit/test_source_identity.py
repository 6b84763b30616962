"""Source identity before any row: keys, enrichment, aliases, affiliations (no database)."""

from __future__ import annotations

import pytest

from tracker.store.inputs import SourceIn
from tracker.store.resolver import TYPED_SPOT, SourceFields, SourcePlan, enrich


@pytest.mark.parametrize(
    ("current", "mention", "expected"),
    [
        (None, SourceIn(" Kim ", "person", "Leader"), SourceFields("Kim", "Leader", False)),
        (SourceFields("Kim", None, False), SourceIn("Kim Jong Un", "person"),
         SourceFields("Kim Jong Un", None, False)),
        (SourceFields("Kim Jong Un", None, False), SourceIn("Kim", "person"),
         SourceFields("Kim Jong Un", None, False)),
        (SourceFields("Kim", "Leader", False), SourceIn("Kim", "person", "Supreme Leader"),
         SourceFields("Kim", "Supreme Leader", False)),
        (SourceFields("Kim", "Supreme Leader", False), SourceIn("Kim", "person", "Leader"),
         SourceFields("Kim", "Supreme Leader", False)),
        (SourceFields("Kim", "Leader", False), SourceIn("Kim", "person", "Chairman"),
         SourceFields("Kim", "Leader", False)),
        (SourceFields("Kim", "Leader", True), SourceIn("Kim", "person"),
         SourceFields("Kim", "Leader", True)),
    ],
)  # fmt: skip
def test_enrichment_adds_and_never_takes_away(
    current: SourceFields | None, mention: SourceIn, expected: SourceFields
) -> None:
    assert enrich(current, mention) == expected


def test_a_known_outlet_is_keyed_by_its_list_name_and_keeps_both_names() -> None:
    plan = SourcePlan()
    plan.add(0, SourceIn("AP", "news_outlet"))
    plan.add(0, SourceIn("The Associated Press", "news_outlet"), "the AP")
    [key] = plan.typed
    assert key == ("associated press", "news_outlet")
    assert [a for _, a in plan.aliases] == [
        "AP", "Associated Press", "The Associated Press", "the AP",
    ]  # fmt: skip


def test_names_differing_only_in_titles_and_marks_are_one_key() -> None:
    plan = SourcePlan()
    for name in ("Presiden Kim Jong-un", "kim jong un", "Kim Jong Un"):
        plan.add(0, SourceIn(name, "person"))
    assert list(plan.typed) == [("kim jong un", "person")]
    assert len(plan.typed[("kim jong un", "person")]) == 3


def test_anonymous_mentions_are_per_document_and_untyped_ones_per_position() -> None:
    plan = SourcePlan()
    official = SourceIn("an official", "anonymous")
    plan.add(0, official)
    plan.add(1, official)
    plan.add(1, official)
    plan.add(0, SourceIn("GLPX", "unknown"))
    plan.add(2, SourceIn("GLPX", "unknown"))
    assert list(plan.anonymous) == [(0, "an official"), (1, "an official")]
    assert list(plan.unknown) == [(0, "glpx"), (2, "glpx")]
    assert not plan.typed


def test_an_affiliation_is_an_organization_of_the_same_document() -> None:
    plan = SourcePlan()
    plan.add(3, SourceIn("Ana Ruiz", "person", "Minister", "Ministry of Ports"))
    plan.add(3, SourceIn("a spokesman", "anonymous", None, "Ministry of Ports"))
    assert plan.affiliations == [
        ((TYPED_SPOT, ("ana ruiz", "person")), ("ministry of ports", "organization"))
    ]
    assert plan.first_seen[("ministry of ports", "organization")] == 3
