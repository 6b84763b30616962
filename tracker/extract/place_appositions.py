"""Places between a role and its name: "kata pengelola taman RT 8, Kelurahan Sukamaju, Siti"."""

from __future__ import annotations

from tracker.extract.noun_phrases import is_name_segment
from tracker.extract.speakers import Mention, classify
from tracker.extract.tokens import Token, Vocab

# How many place segments ("Kelurahan Sukamaju", "Kecamatan Tebet") may stand between the
# role and the name; more commas than that and the name is no longer this speaker's.
MAX_PLACE_SEGMENTS = 2
MAX_SEGMENT_TOKENS = 6


def name_after_places(
    text: str, toks: list[Token], k: int, v: Vocab, language: str
) -> tuple[Mention, int] | None:
    """The person named after place appositions, from the comma at token k: "…, Kelurahan
    Sukamaju, Siti Aminah." A place segment opens with a word no name has (the lexicon's
    `non_name_words`: "Kelurahan", "Kota", "Dinas"); the name segment closes the phrase
    (a full stop, a comma or the end after it). Returns the name and its end, or None."""
    places = 0
    while k < len(toks) and toks[k].text == ",":
        j = k + 1
        while j < len(toks) and toks[j].text not in ",.;:" and j - k <= MAX_SEGMENT_TOKENS:
            j += 1
        seg = toks[k + 1 : j]
        closes = j >= len(toks) or toks[j].text in ",.;"
        if not seg or not closes or not is_name_segment(seg, v):
            return None
        if seg[0].text in v.lex.non_name_words:
            places += 1
            if places > MAX_PLACE_SEGMENTS:
                return None
            k = j
            continue
        if not places:
            return None  # no place stood between: the caller's own reading holds
        named = classify(text, seg, language)
        if named is None or named.kind != "person":
            return None
        return named, seg[-1].end
    return None
