"""An unnamed source described by whom it is near ("a source close to the mayor", "two people
familiar with the talks", "sumber yang dekat dengan wali kota") is the speaker, whole: not
the person it is close to, and none of it left in the words it spoke. The modifiers a comma
sets off with an unnamed source (", industry sources said") are the source's too."""

from __future__ import annotations

import pytest

from tracker.extract import extract


def _statements(text: str, language: str) -> list[tuple[str, str | None, str | None, list[str]]]:
    return [
        (
            s.text,
            s.speaker.name if s.speaker else None,
            s.speaker.kind if s.speaker else None,
            [h.source.name for h in s.chain],
        )
        for s in extract(text, language).statements
        if s.kind != "partial"
    ]


@pytest.mark.parametrize(
    ("text", "language", "content", "speaker"),
    [
        (
            "The ferry line will drop its night crossings, a source close to the harbour"
            " master said.",
            "en",
            "The ferry line will drop its night crossings",
            "a source close to the harbour master",
        ),
        (
            "The ferry line will drop its night crossings, two people familiar with the talks"
            " said.",
            "en",
            "The ferry line will drop its night crossings",
            "two people familiar with the talks",
        ),
        (
            "A person familiar with the tender said the ferry line will drop its night crossings.",
            "en",
            "the ferry line will drop its night crossings",
            "A person familiar with the tender",
        ),
        (
            "An official briefed on the plan said the ferry line will drop its night crossings.",
            "en",
            "the ferry line will drop its night crossings",
            "An official briefed on the plan",
        ),
        (
            "The ferry line will drop its night crossings, industry sources close to the"
            " operator said.",
            "en",
            "The ferry line will drop its night crossings",
            "industry sources close to the operator",
        ),
        (
            "Sumber yang dekat dengan wali kota mengatakan dewan kota akan menunda proyek"
            " jembatan itu.",
            "id",
            "dewan kota akan menunda proyek jembatan itu",
            "Sumber yang dekat dengan wali kota",
        ),
        (
            "Dua orang yang mengetahui pembicaraan itu mengatakan dewan kota akan menunda"
            " proyek jembatan itu.",
            "id",
            "dewan kota akan menunda proyek jembatan itu",
            "Dua orang yang mengetahui pembicaraan itu",
        ),
        (
            "Dewan kota akan menunda proyek jembatan itu, kata sumber yang dekat dengan wali kota.",
            "id",
            "Dewan kota akan menunda proyek jembatan itu",
            "sumber yang dekat dengan wali kota",
        ),
        (
            "Dewan kota akan menunda proyek jembatan itu, ujar orang yang mengetahui"
            " pembicaraan itu.",
            "id",
            "Dewan kota akan menunda proyek jembatan itu",
            "orang yang mengetahui pembicaraan itu",
        ),
    ],
)
def test_the_described_source_speaks_whole(
    text: str, language: str, content: str, speaker: str
) -> None:
    assert _statements(text, language) == [(content, speaker, "anonymous", [speaker])]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The ferry line will drop its night crossings, industry sources said.",
            "The ferry line will drop its night crossings",
            "industry sources",
        ),
        (
            "The ferry line will drop its night crossings, Western diplomats said.",
            "The ferry line will drop its night crossings",
            "Western diplomats",
        ),
        (
            "The ferry line will drop its night crossings, law enforcement officials said.",
            "The ferry line will drop its night crossings",
            "law enforcement officials",
        ),
    ],
)
def test_modifiers_set_off_with_an_unnamed_source_are_its_own(
    text: str, content: str, speaker: str
) -> None:
    assert _statements(text, "en") == [(content, speaker, "anonymous", [speaker])]


def test_a_described_source_closing_another_speakers_words_relays_them() -> None:
    text = (
        "Mayor Ana Ruiz said the ferry line will drop its night crossings, a source close to"
        " the harbour master said."
    )
    assert _statements(text, "en") == [
        (
            "the ferry line will drop its night crossings",
            "Ana Ruiz",
            "person",
            ["a source close to the harbour master", "Ana Ruiz"],
        )
    ]


@pytest.mark.parametrize(
    ("text", "language", "content", "speaker", "kind"),
    [
        # the named person who is near nobody speaks in their own name
        (
            "Harbour master Ana Ruiz said the ferry line will drop its night crossings.",
            "en",
            "the ferry line will drop its night crossings",
            "Ana Ruiz",
            "person",
        ),
        # a modifier that opens a clause is no part of the source
        (
            "The ferry line kept its night crossings, while others said it should drop them.",
            "en",
            "it should drop them",
            "others",
            "anonymous",
        ),
        (
            "Wali kota mengatakan dewan kota akan menunda proyek jembatan itu.",
            "id",
            "dewan kota akan menunda proyek jembatan itu",
            "Wali kota",
            "person",
        ),
    ],
)
def test_sources_not_described_by_whom_they_are_near_are_unchanged(
    text: str, language: str, content: str, speaker: str, kind: str
) -> None:
    assert _statements(text, language) == [(content, speaker, kind, [speaker])]
