"""'…, an official at joint lead manager Acme Bank said': the official speaks, not the bank."""

from __future__ import annotations

import pytest

from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "language", "content", "speaker", "kind"),
    [
        # an article before the role: an unnamed source that keeps its organisation
        (
            "Prices rose, an official at joint lead manager Acme Bank said.",
            "en",
            "Prices rose",
            "an official at joint lead manager Acme Bank",
            "anonymous",
        ),
        (
            "Prices rose, an official at Acme Bank said.",
            "en",
            "Prices rose",
            "an official at Acme Bank",
            "anonymous",
        ),
        # a name before the role's comma: the named person
        (
            "Prices rose, Mark Lane, economist at securities house Acme Wedd said.",
            "en",
            "Prices rose",
            "Mark Lane",
            "person",
        ),
        (
            "Harga naik, seorang pejabat di bank pelaksana Bank Ruritania mengatakan.",
            "id",
            "Harga naik",
            "seorang pejabat di bank pelaksana Bank Ruritania",
            "anonymous",
        ),
        # a place after "at" in the content is no role's organisation
        (
            "The plan failed at Acme Bank, Lane said.",
            "en",
            "The plan failed at Acme Bank",
            "Lane",
            "person",
        ),
    ],
)
def test_a_role_at_an_organisation_speaks(
    text: str, language: str, content: str, speaker: str, kind: str
) -> None:
    [st] = [s for s in extract(text, language).statements if s.text == content]
    assert st.speaker is not None
    assert (st.speaker.name, st.speaker.kind) == (speaker, kind)
