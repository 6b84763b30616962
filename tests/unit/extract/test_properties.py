"""Properties that hold for any input: never raises, exact offsets, deterministic."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extract import Extraction, extract

QUOTEY = st.lists(
    st.sampled_from(
        [
            *list("“”\"'‘’„«»‹›—–-,.:;!?… \n"),
            "kata",
            "ujarnya",
            "said",
            "Kim",
            "menurut",
            "according to",
            "mengutip",
            "citing",
            "Yonhap",
            "ia",
            "he",
            "bahwa",
            "that",
            "Reuters",
            "mengacu pada",
            "x",
            "A",
            "B",
        ]
    ),
    max_size=40,
).map("".join)


def _check(text: str, ex: Extraction) -> None:
    for s in ex.statements:
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start : s.end] == s.text
        if s.cue_start is not None and s.cue_end is not None:
            assert 0 <= s.cue_start <= s.cue_end <= len(text)
        for hop in s.chain:
            if hop.start is not None and hop.end is not None:
                assert 0 <= hop.start <= hop.end <= len(text)
        assert s.kind in ("direct", "indirect", "mixed", "partial")
    for u in ex.unattributed:
        assert text[u.start : u.end] == u.text
    keys = {src.key for src in ex.sources}
    for s in ex.statements:
        if s.speaker is not None:
            assert s.speaker.key in keys


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_never_raises_and_offsets_hold(text: str) -> None:
    for language in ("id", "en", "auto"):
        ex = extract(text, language)
        _check(text, ex)


@settings(max_examples=300, deadline=None)
@given(st.lists(QUOTEY, max_size=12).map(" ".join))
def test_quote_heavy_text(text: str) -> None:
    first = extract(text, "auto")
    _check(text, first)
    assert extract(text, "auto") == first
    assert first.to_dict() == extract(text, "auto").to_dict()


@pytest.mark.parametrize(
    "text",
    [
        "“" * 10_000,
        "”" * 10_000,
        '"' * 10_001,
        "‘’" * 5_000,
        "“a ‘b “c ‘d " * 2_000,
        "x" * 200_000,
        ("kata Kim, " * 20_000),
        ("Menurut laporan Yonhap yang mengutip KCNA, " * 5_000),
        ("Kim said it rained, but Lee said it snowed, " * 5_000),
        "\n" * 50_000 + "“" + "\n" * 50_000,
    ],
    ids=[
        "open",
        "close",
        "ascii",
        "pairs",
        "nesting",
        "nospace",
        "cues",
        "relays",
        "clauses",
        "newlines",
    ],
)
def test_adversarial_inputs_are_fast_and_valid(text: str) -> None:
    t0 = time.perf_counter()
    ex = extract(text, "id")
    elapsed = time.perf_counter() - t0
    _check(text, ex)
    assert elapsed < 30  # generous: a guard against quadratic blow-ups, not a benchmark
