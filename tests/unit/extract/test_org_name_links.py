"""'The Center for Economic and Policy Research said': a head before an earlier link word."""

from __future__ import annotations

import pytest

from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "language", "content", "speaker"),
    [
        # the head ("Center") stands before "for", the "and" comes later: one name, whole
        (
            "The Center for Economic and Policy Research said the levy would raise $20 billion.",
            "en",
            "the levy would raise $20 billion",
            "The Center for Economic and Policy Research",
        ),
        # "Research" closing an organisation's name is no document whose author speaks
        (
            "A 2010 report by the Institute for Trade and Policy Research found that the levy"
            " would raise $20 billion.",
            "en",
            "the levy would raise $20 billion",
            "the Institute for Trade and Policy Research",
        ),
        # after "and", a name with a head of its own is a second speaker, as before
        (
            "The Ministry of Finance and Bank Ruritania said the levy is bad.",
            "en",
            "the levy is bad",
            "Bank Ruritania",
        ),
        (
            "Lembaga Penyelidikan Ekonomi dan Masyarakat mengatakan harga naik.",
            "id",
            "harga naik",
            "Lembaga Penyelidikan Ekonomi dan Masyarakat",
        ),
    ],
)
def test_organisation_names_with_links(
    text: str, language: str, content: str, speaker: str
) -> None:
    [st] = [s for s in extract(text, language).statements if s.text == content]
    assert st.speaker is not None and st.speaker.name == speaker
