"""'Hal serupa diungkapkan X. Menurut dia, …' / 'The same point was made by X. He said …'."""

from __future__ import annotations

import pytest

from tracker.extract import extract
from tracker.extract.passive_agents import passive_agent


@pytest.mark.parametrize(
    ("text", "language", "content", "speaker"),
    [
        # the agent of a passive speech verb is whom the next pronoun means
        (
            "Andi Saputra mengatakan, harga beras naik. Hal serupa juga diungkapkan Budi"
            " Hartono. Menurut dia, harga gula juga naik tajam.",
            "id",
            "harga gula juga naik tajam",
            "Budi Hartono",
        ),
        (
            "Andi Saputra mengatakan, harga beras naik. Pendapat serupa disampaikan oleh"
            ' Kepala Dinas Kesehatan Budi Hartono. "Gula juga naik," katanya.',
            "id",
            '"Gula juga naik,"',
            "Budi Hartono",
        ),
        (
            "Ana Ruiz said rice prices rose. The same point was made by Budi Hartono."
            ' "Sugar is worse," he said.',
            "en",
            '"Sugar is worse,"',
            "Budi Hartono",
        ),
        (
            "Ana Ruiz said rice prices rose. A similar concern was voiced by Budi Hartono, the"
            ' mayor. "Sugar is worse," he said.',
            "en",
            '"Sugar is worse,"',
            "Budi Hartono",
        ),
        # an agent that does not close the sentence hands nothing over
        (
            "Andi Saputra mengatakan, harga beras naik. Hal itu disampaikan Budi Hartono kepada"
            " warga di balai desa pada Senin. Menurut dia, harga gula juga naik tajam.",
            "id",
            "harga gula juga naik tajam",
            "Andi Saputra",
        ),
    ],
)
def test_a_passive_agent_takes_the_next_pronoun(
    text: str, language: str, content: str, speaker: str
) -> None:
    [st] = [s for s in extract(text, language).statements if s.text == content]
    assert st.speaker is not None and st.speaker.name == speaker


@pytest.mark.parametrize(
    ("sentence", "language", "agent"),
    [
        ("Hal serupa juga diungkapkan Budi Hartono.", "id", "Budi Hartono"),
        ("Hal itu ditegaskan oleh Badan Pangan.", "id", "Badan Pangan"),
        ("The same point was made by Budi Hartono.", "en", "Budi Hartono"),
        # active voice, no agent word, a lower-case agent, a quote: no passive agent
        ("Budi Hartono made the same point.", "en", None),
        ("The same point was made Budi Hartono.", "en", None),
        ("Hal serupa diungkapkan warga.", "id", None),
        ('"Hal serupa diungkapkan Budi Hartono."', "id", None),
    ],
)
def test_passive_agent(sentence: str, language: str, agent: str | None) -> None:
    found = passive_agent(sentence, 0, len(sentence), language)
    assert (found.name if found is not None else None) == agent
