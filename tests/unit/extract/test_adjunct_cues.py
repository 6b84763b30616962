"""'X, who told Congress when asked about it: "…"': a cue in a time adjunct leads in nothing."""

from __future__ import annotations

import pytest

from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "language", "quote", "speaker"),
    [
        (
            "Any decision would involve Attorney General Ana Ruiz, who told Congress when"
            ' asked last month about the inquiry: "That matter is handled by career agents."',
            "en",
            '"That matter is handled by career agents."',
            "Ana Ruiz",
        ),
        (
            "Every vote would need Senator Ana Ruiz, who told reporters after being asked"
            ' about the bill: "We will not sign it."',
            "en",
            '"We will not sign it."',
            "Ana Ruiz",
        ),
        (
            "Budi Hartono mengatakan kepada DPR ketika ditanya soal kasus itu:"
            ' "Perkara itu ditangani penyidik."',
            "id",
            '"Perkara itu ditangani penyidik."',
            "Budi Hartono",
        ),
        # a lead-in that opens with the adjunct still has its own cue
        (
            'When asked about it, Ana Ruiz said: "We will not sign."',
            "en",
            '"We will not sign."',
            "Ana Ruiz",
        ),
    ],
)
def test_a_time_adjunct_cue_is_no_lead_in(
    text: str, language: str, quote: str, speaker: str
) -> None:
    [st] = [s for s in extract(text, language).statements if s.text == quote]
    assert st.speaker is not None and st.speaker.name == speaker
