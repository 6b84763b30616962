"""An outlet's report verb around another attribution of the same sentence: "Y said …, the
Kyodo news agency reported", "He said …, Jiji said", "Antara reported that Y said …",
"…, kata Y, lapor Yonhap": the outlet relays Y, so the chain is [outlet, Y]. A named
person or an anonymous source closing another's reported speech ("Y said …, Maki said",
"Y menyatakan …, kata Budi") relays it the same way."""

from __future__ import annotations

from tracker.extract.cues import CueMatch
from tracker.extract.outlet_hops import as_outlet
from tracker.extract.quotes import QuoteSpan
from tracker.extract.relays import HopDraft, Relays
from tracker.extract.run import TRAILING_PUNCT, Run
from tracker.extract.spans import comma_end
from tracker.extract.speakers import Mention
from tracker.extract.subject_before import subject_before
from tracker.extract.tokens import Token, tokenize

MAX_OUTLET_WORDS = 8  # "the official Islamic Republic News Agency (IRNA)"
MAX_ADJUNCT_WORDS = 3  # "reported last night", "said on Tuesday"
NESTED_WINDOW = 120  # "Antara reported that <speaker> said": the speaker's reach


def with_outlet_reports(
    run: Run, relays: Relays, cues: list[CueMatch], quotes: list[QuoteSpan]
) -> Relays:
    """The sentence's relays with the outlet that closes it ("…, X reported.") or opens it
    ("X reported that Y said …") as the outermost hop, and its main clause without the
    outlet's words. Only when another attribution stands in the sentence (not inside a
    quote): "The plant closed, Jiji reported." is Jiji's own report."""
    verbs = _outside_quotes([c for c in cues if c.lastgroup in ("verb", "post")], quotes)
    if len(verbs) < 2:
        return relays
    closed = _closing(run, relays, verbs, quotes)
    return closed if closed is not None else _opening(run, relays, verbs) or relays


def _outside_quotes(cues: list[CueMatch], quotes: list[QuoteSpan]) -> list[CueMatch]:
    """The cues no quote holds; both lists are in text order, so one walk of each."""
    out: list[CueMatch] = []
    k = 0
    for c in cues:
        pos = c.start()
        while k < len(quotes) and quotes[k].end <= pos:
            k += 1
        if not (k < len(quotes) and quotes[k].start < pos):
            out.append(c)
    return out


def _closing(
    run: Run, relays: Relays, verbs: list[CueMatch], quotes: list[QuoteSpan]
) -> Relays | None:
    """ "…, the Kyodo news agency reported (last night).", "…, lapor kantor berita Yonhap."."""
    text = run.text
    lo, hi = relays.main_start, relays.main_end
    last = verbs[-1]
    if last.start() < lo or last.end() > hi:
        return None
    reports = last.group().lower() in run.lex.outlet_report_verbs
    if last.lastgroup == "post":
        # Indonesian "…, lapor kantor berita Yonhap.", "…, kata Budi.": the source
        # follows the verb
        comma = text.rfind(",", lo, last.start())
        if comma < 0 or text[comma + 1 : last.start()].strip():
            return None
        outlet = _outlet(run, last.end(), hi) if reports else None
        if outlet is None and not quotes:
            outlet = _closer(run, last.end(), _words_end(run, last.end(), hi), verbs[0], lo)
        if outlet is None:
            return None
    elif not reports:
        return None
    else:
        if not _adjuncts_only(run, last.end(), hi, relays):
            return None
        comma = text.rfind(",", lo, last.start())
        outlet = _outlet(run, comma + 1, last.start()) if comma >= 0 else None
        if outlet is None and comma >= 0 and not quotes:
            outlet = _closer(run, comma + 1, last.start(), verbs[0], lo)
        if outlet is None:
            return None
    if not any(c.start() < comma for c in verbs):
        return None  # the outlet's own report: nobody else is named
    hop = HopDraft(outlet, "reported_by", last.group(), min(outlet.start, last.start()), hi)
    end = comma_end(text, lo, comma + 1)
    return Relays(
        (hop, *relays.prefix),
        relays.suffix,
        (hop, *relays.according),
        lo,
        end,
        relays.frames,
    )


def _adjuncts_only(run: Run, pos: int, hi: int, relays: Relays) -> bool:
    """Whether only times, adverbs and a relay phrase ("…, quoting financial sources")
    follow the outlet's verb."""
    for hop in relays.suffix:
        if pos <= hop.start and not run.text[pos : hop.start].strip(" ,"):
            hi = hop.start
    words = [t for t in tokenize(run.text, pos, hi) if t.is_word]
    return len(words) <= MAX_ADJUNCT_WORDS and all(
        t.lower in run.lex.time_words or t.lower in run.vocab.adverbs for t in words
    )


def _opening(run: Run, relays: Relays, verbs: list[CueMatch]) -> Relays | None:
    """ "Antara reported that Siregar said …", "The official Tanjug news agency reported
    last night the government said …": the outlet's report is another's statement."""
    text = run.text
    lo, hi = relays.main_start, relays.main_end
    first = next((c for c in verbs if c.start() >= lo), None)
    if first is None or first.group().lower() not in run.lex.outlet_report_verbs:
        return None
    subject = subject_before(text, lo, first.start(), run.language)
    if subject is None:
        return None
    outlet = as_outlet(text, subject, run.language, lo)
    if not _names_outlet(outlet) or text[lo : outlet.start].strip():
        return None  # the outlet opens the clause
    start = _after_adjuncts(run, first.end(), hi)
    inner = next((c for c in verbs if c.start() > start), None)
    if inner is None or inner.start() - start > NESTED_WINDOW or "," in text[start : inner.start()]:
        return None
    if inner.group().lower() not in run.lex.relayed_speech_verbs:
        return None  # "… reports Beck will endorse Cruz": a verb of the content, no speech
    speaker = subject_before(text, start, inner.start(), run.language)
    if speaker is None or text[start : speaker.start].strip():
        return None  # "… reported that shares rose, analysts said": no speaker opens it
    hop = HopDraft(outlet, "reported_by", first.group(), outlet.start, first.end())
    return Relays((*relays.prefix, hop), relays.suffix, relays.according, start, hi, relays.frames)


def _after_adjuncts(run: Run, pos: int, hi: int) -> int:
    """Past times, adverbs and a complementizer after the outlet's verb ("reported last
    night that")."""
    for tok in tokenize(run.text, pos, min(hi, pos + 60)):
        low = tok.lower
        if not tok.is_word:
            return tok.start
        if low in run.lex.complementizers:
            return tok.end
        if low not in run.lex.time_words and low not in run.vocab.adverbs:
            return tok.start
    return pos


def _without_closing_punct(run: Run, a: int, b: int) -> list[Token]:
    """The tokens of text[a:b] without the sentence's closing punctuation."""
    toks = tokenize(run.text, a, b)
    while toks and toks[-1].text in TRAILING_PUNCT:
        toks.pop()
    return toks


def _outlet(run: Run, a: int, b: int) -> Mention | None:
    """The outlet the words text[a:b] name, if they name one (listed, or unlisted with a
    media head: "the official APP news agency", "the Moroccan news agency MAP")."""
    text = run.text
    toks = _without_closing_punct(run, a, b)
    words = [t for t in toks if t.is_word]
    if not words or len(words) > MAX_OUTLET_WORDS:
        return None
    surface = text[toks[0].start : toks[-1].end]
    raw = Mention(surface, toks[0].start, toks[-1].end, surface, "unknown")
    outlet = as_outlet(text, raw, run.language)
    return outlet if _names_outlet(outlet) else None


CLOSER_KINDS = frozenset({"person", "anonymous"})


def _words_end(run: Run, a: int, b: int) -> int:
    """Where the words of text[a:b] end, the sentence's closing punctuation left out."""
    toks = _without_closing_punct(run, a, b)
    return toks[-1].end if toks else a


def _closer(run: Run, a: int, b: int, first: CueMatch, lo: int) -> Mention | None:
    """ "Lyng said …, Maki said.", "Nakasone said …, the sources said.", "BI menyatakan
    …, kata Budi.": a named person or an anonymous source closing a sentence (with no
    quote) that opens with another speaker and its speech verb is who told the writer
    what that one said (``text[a:b]`` holds the closer's words alone). A pronoun, a
    body or a description ("the candidate": the opener again, likely) is left alone."""
    text = run.text
    if first.group().lower() not in run.lex.relayed_speech_verbs:
        return None  # "The congressman plans to …, Welch said": the opener said nothing
    mention = subject_before(text, a, b, run.language)
    if mention is None or mention.pronoun is not None or mention.kind not in CLOSER_KINDS:
        return None
    lead = [w.lower() for w in text[a : mention.start].split()]
    determined = any(w in run.lex.definite_determiners for w in lead)
    if any(w not in run.lex.definite_determiners for w in lead) or (
        mention.kind == "person" and (determined or not mention.name[:1].isupper())
    ):
        return None  # "the" of "the sources said" is all that may stand before it
    opener = subject_before(text, lo, first.start(), run.language)
    if opener is None or text[lo : opener.start].strip() or opener.pronoun is not None:
        return None  # the sentence must open with the other speaker and its verb
    return mention if opener.name != mention.name else None


def _names_outlet(mention: Mention) -> bool:
    """A news outlet named by a name, not only described ("the newspaper")."""
    words = mention.name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return mention.kind == "news_outlet" and any(w[:1].isupper() for w in words)
