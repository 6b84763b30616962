"""According to: "Menurut polisi, …", "…, according to the agency", "As reported by X, …"."""

from __future__ import annotations

from tracker.extract.attribution import Attribution
from tracker.extract.cues import CueMatch
from tracker.extract.noun_phrases import np_after
from tracker.extract.quotes import QuoteSpan
from tracker.extract.relays import HopDraft, Relays
from tracker.extract.resolution import finish
from tracker.extract.run import Draft, Run
from tracker.extract.spans import comma_end
from tracker.extract.speakers import classify
from tracker.extract.tokens import tokenize


def according_to_inline(
    run: Run,
    m: CueMatch,
    lo: int,
    hi: int,
    relays: Relays,
    partials: list[QuoteSpan],
) -> Draft | None:
    """ "The race is tied according to a new poll", "According to X the plan …": an
    according-to phrase the relay reading left (no comma before it), read as a cue. Its
    source is the noun phrase after it; the content is the clause before it, or the one
    after its comma when it opens the clause."""
    text = run.text
    toks = tokenize(text, m.end(), min(hi, m.end() + 120))
    np = np_after(text, toks, 0, run.vocab)
    if not np:
        return None
    speaker = classify(text, np, run.language)
    if speaker is None:
        return None
    attribution = Attribution(m.group(), m.start(), m.end(), speaker, np[-1].end)
    k = toks.index(np[-1]) + 1
    if not text[lo : m.start()].strip():
        if k < len(toks) and toks[k].text == ",":
            start = toks[k].end
            rule = "according_to_inline"
            return finish(run, rule, "indirect", start, hi, attribution, relays, partials)
        return None
    end = comma_end(text, lo, m.start())
    return finish(run, "according_to_inline", "indirect", lo, end, attribution, relays, partials)


def according_to(run: Run, relays: Relays, partials: list[QuoteSpan]) -> Draft | None:
    """ "Menurut polisi, …", "According to the agency, …", "As first reported by X, …":
    no cue of the sentence spoke, and its relay phrases name its source (the last
    according-to hop, when every outer relay is one)."""
    if relays.according and not relays.prefix[len(relays.according) :]:
        lo, hi = relays.main_start, relays.main_end
        return finish(run, "according_to", "indirect", lo, hi, None, relays, partials)
    opening = _opening_reference(run, relays)
    if opening is not None:
        # "Mengacu pada data Bank Dunia, ada 114 juta orang …": with nobody speaking, the
        # cited document's author is the clause's source
        alone = Relays((), (), (opening,), relays.main_start, relays.main_end, relays.frames)
        lo, hi = relays.main_start, relays.main_end
        return finish(run, "according_to", "indirect", lo, hi, None, alone, partials)
    return None


def _opening_reference(run: Run, relays: Relays) -> HopDraft | None:
    """The one hop of "mengacu pada X, …" / "referring to X, …" opening the clause, when
    it is the sentence's only relay and X is a source: "Referring to the vote, she
    smiled" names what the clause is about, not who told it (an unknown kind, and no
    document noun in it: "pangkalan data provinsi", a database, still is one)."""
    if relays.prefix or len(relays.suffix) != 1:
        return None
    hop = relays.suffix[0]
    if hop.end > relays.main_start or hop.cue.lower() not in {r.lower() for r in run.lex.referring}:
        return None
    if hop.mention.kind == "unknown" and not _names_a_document(run, hop.mention.surface):
        return None
    return hop


def _names_a_document(run: Run, surface: str) -> bool:
    """Whether a word of ``surface`` is a document noun ("data", "laporan", "figures")."""
    nouns = run.lex.document_nouns
    return any(word in nouns for word in surface.lower().split())
