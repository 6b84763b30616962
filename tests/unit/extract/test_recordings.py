"""'"…," X said, according to audio obtained by Y': a recording of X's words is no hop."""

from __future__ import annotations

import pytest

from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "language", "content", "chain"),
    [
        # a recording, a video, a transcript of the speaker: a channel, first-hand
        (
            '"We are still winning," Mr. Lane said during the closed meeting, according to'
            " audio provided to the Ledger.",
            "en",
            '"We are still winning,"',
            ["Lane"],
        ),
        (
            '"We are still winning," Mr. Lane said, according to a leaked video of the meeting.',
            "en",
            '"We are still winning,"',
            ["Lane"],
        ),
        (
            '"Kami masih unggul," kata Budi dalam rapat tertutup, menurut rekaman yang'
            " diperoleh Harian Pagi.",
            "id",
            '"Kami masih unggul,"',
            ["Budi"],
        ),
        # people who heard it stay the hop they are
        (
            '"We are still winning," Mr. Lane said, according to two people at the meeting.',
            "en",
            '"We are still winning,"',
            ["two people at the meeting", "Lane"],
        ),
        (
            '"Kami masih unggul," kata Budi, menurut sumber yang hadir.',
            "id",
            '"Kami masih unggul,"',
            ["sumber", "Budi"],
        ),
        # with nobody speaking, the recording is the source
        (
            "The plan is dead, according to a recording of the meeting.",
            "en",
            "The plan is dead",
            ["a recording of the meeting"],
        ),
    ],
)
def test_a_recording_of_the_speaker_is_no_hop(
    text: str, language: str, content: str, chain: list[str]
) -> None:
    [st] = [s for s in extract(text, language).statements if s.text == content]
    assert [h.source.name for h in st.chain] == chain
