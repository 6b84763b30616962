"""A name and a colon before a quote, with no verb: 'Ana Ruiz: "…"', '- More from Ruiz: "…"'."""

from __future__ import annotations

from tracker.extract.speakers import Mention, classify
from tracker.extract.tokens import tokenize, vocab

MAX_NAME_WORDS = 6  # "Frank Newport and Jim Harter"
# Words that may open the label before the name: "More from Ruiz:", "From Ruiz:"
LABEL_OPENERS = frozenset({"from", "more"})
# What ends the text before the label: a stop, a dash of a round-up line, a line break
LABEL_BOUNDARIES = frozenset(".!?:;-–—\n")


def colon_name(text: str, lo: int, qstart: int, language: str) -> Mention | None:
    """The speaker named right before the colon that opens a quote, when a name is all there
    is between the last boundary and the colon: 'Ana Ruiz: "…"', '… - Ana Ruiz: "…"'.

    Why: round-ups, interviews and poll digests introduce a quote with its author's name
    and a colon, no verb; the quote is that name's, not the last speaker's. A colon after
    a clause ('The rule is simple: "…"') holds no name alone and is left alone."""
    gap = text[lo:qstart].rstrip()
    if not gap.endswith(":"):
        return None
    colon = lo + len(gap) - 1
    start = colon
    while start > lo and text[start - 1] not in LABEL_BOUNDARIES:
        start -= 1
    toks = [t for t in tokenize(text, start, colon) if t.text != ","]
    v = vocab(language)
    while toks and toks[0].lower in LABEL_OPENERS:
        toks = toks[1:]
    words = [t for t in toks if t.is_word]
    joins = v.lex.subject_conjunctions  # "Ana Ruiz and Tom Berg:"
    if not words or len(words) > MAX_NAME_WORDS or not words[0].is_cap:
        return None
    if not all(t.is_cap or t.lower in joins for t in words):
        return None
    if any(t.text in v.stop for t in words) or any(t.is_word and t.text.isupper() for t in toks):
        return None  # "BREAKING NEWS:", "The answer:": a label, no name
    mention = classify(text, toks, language)
    if mention is None or mention.pronoun is not None or mention.kind == "unknown":
        return None
    return mention
