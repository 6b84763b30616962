"""Hedged claims nobody is named for ("disinyalir", "reportedly") are listed unattributed."""

from __future__ import annotations

import pytest

from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "language", "cue"),
    [
        ("Pejabat itu disinyalir menerima suap dari kontraktor.", "id", "disinyalir"),
        ("Kabarnya, pabrik itu akan ditutup.", "id", "Kabarnya"),
        ("Konon jembatan itu dibangun dalam semalam.", "id", "Konon"),
        ("Tersangka diduga membawa senjata api.", "id", "diduga"),
        ("The company reportedly lost millions.", "en", "reportedly"),
        ("The mayor allegedly took bribes.", "en", "allegedly"),
        ("It is understood that the talks collapsed.", "en", "It is understood"),
    ],
)
def test_hedges_are_unattributed(text: str, language: str, cue: str) -> None:
    ex = extract(text, language)
    assert [u.cue for u in ex.unattributed] == [cue]
    un = ex.unattributed[0]
    assert text[un.start : un.end] == un.text


def test_it_is_said_is_a_hedge() -> None:
    """ "It’s said that …" names nobody: listed as unattributed, like "it is understood"."""
    ex = extract("It’s said that the dam would fail.", "en")
    assert [u.cue.lower() for u in ex.unattributed] == ["it’s said"]
