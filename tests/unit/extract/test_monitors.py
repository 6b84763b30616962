"""Monitors: an outlet "monitored by X" reached the writer through X, in all it said.

(The Indonesian lexicon has no monitor cue: wire copy in Indonesian names none.)"""

from __future__ import annotations

import pytest

from tracker.extract import extract


def _chain(text: str, content: str) -> list[str]:
    [st] = [s for s in extract(text, "en").statements if s.text == content]
    return [h.source.name for h in st.chain]


@pytest.mark.parametrize(
    ("content", "chain"),
    [
        # before the monitor is named, and after it
        ("The border crossing would reopen on Monday", ["BBC", "Radio Kabul"]),
        ("the army had retaken the town", ["BBC", "Radio Kabul", "the defence minister"]),
        ("fuel prices would be cut", ["BBC", "Radio Kabul"]),
    ],
)
def test_a_monitored_outlet_is_monitored_throughout(content: str, chain: list[str]) -> None:
    text = (
        "The border crossing would reopen on Monday, Radio Kabul said.\n"
        "Radio Kabul, monitored by the BBC, quoted the defence minister as saying the army had"
        " retaken the town.\n"
        "Radio Kabul also said fuel prices would be cut."
    )
    assert _chain(text, content) == chain


def test_another_source_keeps_its_own_chain() -> None:
    text = (
        "Radio Kabul, monitored by the BBC, said the town had fallen.\n"
        "Mayor Ana Ruiz said talks would resume in May."
    )
    assert _chain(text, "talks would resume in May") == ["Ana Ruiz"]


def test_no_monitor_named_no_monitor_hop() -> None:
    text = "The border crossing would reopen on Monday, Radio Kabul said."
    assert _chain(text, "The border crossing would reopen on Monday") == ["Radio Kabul"]


@pytest.mark.parametrize(
    ("content", "chain"),
    [
        ("the army had retaken the town", ["BBC", "Tehran Radio", "Ali Karimi"]),
        ('"We hold the bridge,"', ["BBC", "Tehran Radio", "Ali Karimi"]),
        # the broadcast's own report elsewhere in the text came through the monitor too
        ("the bridge was shelled", ["BBC", "Tehran Radio"]),
    ],
)
def test_a_medium_the_speaker_told_keeps_its_monitor_outermost(
    content: str, chain: list[str]
) -> None:
    """ "told the radio, monitored by the BBC": [monitor, radio, speaker], not the radio
    first."""
    text = (
        "Defence Minister Ali Karimi told Tehran Radio the army had retaken the town.\n"
        '"We hold the bridge," Karimi told the radio, monitored by the BBC.\n'
        "Tehran Radio reported that the bridge was shelled."
    )
    assert _chain(text, content) == chain
