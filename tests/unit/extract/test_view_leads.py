"""A sentence that opens "In X's view," is X's statement (sieves.view_leads)."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import with_text
from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "In Professor Amal Haddad's view, the levy would cut fuel use by a tenth.",
            "the levy would cut fuel use by a tenth",
            "Amal Haddad",
        ),
        (
            "Mayor Ana Ortiz spoke on Monday. In her mind, the bridge must close.",
            "the bridge must close",
            "Ana Ortiz",
        ),
    ],
)
def test_opening_view_is_the_possessors(text: str, content: str, speaker: str) -> None:
    st = with_text(extract(text, "en").statements, content)
    assert st.rule == "view_lead"
    assert st.speaker is not None and st.speaker.name == speaker


@pytest.mark.parametrize(
    "text",
    [
        "In my view, the levy would cut fuel use.",  # the writer's own view
        "In Monday's view, the levy would cut fuel use.",  # a time owns nothing
        "In the view from the hill, the town looked small.",  # no possessor
        "In Lee's garden, the roses bloomed early.",  # no noun of opinion
    ],
)
def test_no_view_lead_without_a_possessed_view(text: str) -> None:
    assert not [s for s in extract(text, "en").statements if s.rule == "view_lead"]
