"""Relay chains inside a sentence: who passed the statement on, and whom the speaker cites."""

from __future__ import annotations

from tracker.extract.citing_topics import authored, cited_topic
from tracker.extract.cues import CueMatch
from tracker.extract.lexicon import outlet_index
from tracker.extract.media import medium_hop
from tracker.extract.noun_phrases import glued_joint, is_name_segment, np_after
from tracker.extract.outlet_hops import outlet_np
from tracker.extract.records import fields_repr
from tracker.extract.relay_sources import (
    after_adjunct,
    glued_heading,
    parenthetical,
    parenthetical_tail,
    past_access_clause,
    past_title,
    source_tail,
)
from tracker.extract.speakers import Mention, classify
from tracker.extract.tokens import Token, Vocab, tokenize, vocab

RELAY_WINDOW = 120
MAX_RELAYS_PER_SENTENCE = 6
MAX_LEAD_WORDS = 2  # "Padahal," / "Namun demikian," before "mengacu pada X,"


class HopDraft:
    """A hop before sources get their keys: mention, relation, cue and evidence span.

    A plain class, not a dataclass (see `records`); nothing mutates it."""

    __slots__ = ("cue", "end", "mention", "relation", "start")

    def __init__(
        self,
        mention: Mention,
        relation: str,
        cue: str,
        start: int,
        end: int,
    ) -> None:
        self.mention = mention
        self.relation = relation
        self.cue = cue
        self.start = start
        self.end = end

    def _key(self) -> tuple[object, ...]:
        return (self.mention, self.relation, self.cue, self.start, self.end)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, HopDraft):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        names = ("mention", "relation", "cue", "start", "end")
        return fields_repr(self, names, self._key())


class Frame:
    """A quoted-as frame: "X quoted Y as saying", "Y was quoted by X as saying", "X
    mengutip Y yang mengatakan". Y speaks; X (`via`) relays Y's words to the writer.

    A plain class, not a dataclass (see `records`); nothing mutates it."""

    __slots__ = ("cue", "cue_end", "cue_start", "end", "speaker", "start", "verb", "via")

    def __init__(
        self,
        start: int,
        verb: int,
        end: int,
        speaker: Mention,
        via: tuple[HopDraft, ...],
        cue: str,
        cue_start: int,
        cue_end: int,
    ) -> None:
        # where the frame's words begin (X, or Y in the passive)
        self.start = start
        # where its quote verb starts ("quoted", "mengutip")
        self.verb = verb
        # where they end: after the speech verb, or a trailing "by X"
        self.end = end
        self.speaker = speaker
        # the quoter, nearest to the reader first
        self.via = via
        # the speech verb ("saying"), or the quote verb when there is none
        self.cue = cue
        self.cue_start = cue_start
        self.cue_end = cue_end

    def _key(self) -> tuple[object, ...]:
        return (
            self.start,
            self.verb,
            self.end,
            self.speaker,
            self.via,
            self.cue,
            self.cue_start,
            self.cue_end,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Frame):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        names = ("start", "verb", "end", "speaker", "via", "cue", "cue_start", "cue_end")
        return fields_repr(self, names, self._key())


class Relays:
    """Relay phrases found in one sentence, and the main clause they leave for the speaker.

    A plain class, not a dataclass (see `records`); nothing mutates it."""

    __slots__ = ("according", "frames", "main_end", "main_start", "prefix", "suffix")

    def __init__(
        self,
        prefix: tuple[HopDraft, ...],
        suffix: tuple[HopDraft, ...],
        according: tuple[HopDraft, ...],
        main_start: int,
        main_end: int,
        frames: tuple[Frame, ...] = (),
    ) -> None:
        # outer relays, nearest to the reader first
        self.prefix = prefix
        # whom the speaker cites (towards the primary source)
        self.suffix = suffix
        # "menurut X" / "according to X": the source if no cue
        self.according = according
        self.main_start = main_start
        self.main_end = main_end
        # quoted-as frames, left to right (`extract.quoted_as`)
        self.frames = frames

    def _key(self) -> tuple[object, ...]:
        return (
            self.prefix,
            self.suffix,
            self.according,
            self.main_start,
            self.main_end,
            self.frames,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Relays):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        names = ("prefix", "suffix", "according", "main_start", "main_end", "frames")
        return fields_repr(self, names, self._key())


def _clause_start(text: str, lo: int, pos: int) -> bool:
    """After a comma, bracket, dash or colon, or at the sentence start; a comma a closing
    quote shuts in counts too (",'' according to X" as ", according to X")."""
    before = text[max(lo, pos - 6) : pos].rstrip().rstrip("\"”'’")
    return pos == lo or not text[lo:pos].strip() or before.endswith((",", "(", "—", ":"))


_QUOTE_MARKS = '"“”„«'


def _after_opening_quote(text: str, lo: int, pos: int) -> bool:
    """Whether an opening quote mark (one after a space or at the sentence start) comes
    right before `pos`: '"Menurut pengakuan sopir, …," ujarnya' (`pipeline` makes the
    phrase whom the quote's speaker cites); ',"' closes a quote instead."""
    k = pos
    while k > lo and text[k - 1] == " ":
        k -= 1
    if k == lo or text[k - 1] not in _QUOTE_MARKS:
        return False
    return k - 1 == lo or text[k - 2].isspace()


def source_phrase(
    text: str, toks: list[Token], k: int, language: str
) -> tuple[Mention | None, int]:
    """The source a relay phrase names at token k, and the token after it (`_np_with_name`)."""
    return _np_with_name(text, toks, k, language)


def _np_with_name(
    text: str, toks: list[Token], k: int, language: str
) -> tuple[Mention | None, int]:
    """An NP at token k, upgraded by a following name: "media resmi Korea Utara, KCNA,"."""
    v = vocab(language)
    described = outlet_np(text, toks, k, language)
    if described is not None:
        # "state news agency SPA", "Tehran's IRNA news agency"
        end = described.end
        return described, next((i for i in range(k, len(toks)) if toks[i].start >= end), len(toks))
    np = np_after(text, toks, k, v, loose=True)
    mention = classify(text, np, language) if np else None
    if mention is None:
        # After "according to" / "citing" whatever runs to the next comma is the source:
        # "according to federal statistics", "citing their attorneys".
        while k < len(toks) and toks[k].is_word and toks[k].lower in v.links:
            k += 1  # "dari media sosialnya"
        j = k
        while j < len(toks) and (toks[j].is_word or glued_joint(text, toks, j)) and j - k < 8:
            j += 1
        if j == k or (j < len(toks) and toks[j].text not in ",.;:)"):
            return None, k
        np = toks[k:j]
        mention = authored(text, np, language)
        if mention.kind == "unknown" and np[-1].lower in v.anonymous_nouns:
            # "citing Iranian sources", "quoting intelligence sources": an unnamed source
            mention = mention.with_kind("anonymous")
    k = toks.index(np[-1]) + 1
    if k + 1 < len(toks) and toks[k].text == ",":
        j = k + 1
        while j < len(toks) and toks[j].text not in ",;.":
            j += 1
        seg = toks[k + 1 : j]
        if j < len(toks) and toks[j].text == "," and seg and is_name_segment(seg, v):
            named = classify(text, seg, language)
            descriptor = {t.lower for t in np}
            if named is not None and (
                mention.kind in ("unknown", "news_outlet", "person", "anonymous")
                or named.kind == "news_outlet"
            ):
                is_media = named.kind == "news_outlet" or any(
                    d.split()[-1] in descriptor for d in v.lex.outlet_descriptors
                )
                state = named.state_media or bool(descriptor & v.lex.state_markers)
                kind = "news_outlet" if is_media else named.kind
                outlet = outlet_index().get(named.name)
                name = outlet.name if outlet is not None else named.name
                mention = Mention(
                    text[np[0].start : seg[-1].end],
                    np[0].start,
                    seg[-1].end,
                    name,
                    kind,
                    named.role,
                    named.affiliation,
                    state and kind == "news_outlet",
                )
                k = j
    return mention, k


def find_relays(
    text: str,
    start: int,
    end: int,
    language: str,
    markers: list[CueMatch],
    media: list[CueMatch],
) -> Relays:
    """Find relay phrases; "mengacu pada X" counts only when it opens a clause (citing X).

    `markers` and `media` are the relay and medium phrases spotted in this sentence.
    """
    if not markers and not media:
        return Relays((), (), (), start, end)
    found = _Found(start, end, start, end, start)
    by_start = {m.start(): m for m in markers}
    count = 0
    for m in markers:
        if m.start() < found.consumed:
            continue
        count += 1
        if count > MAX_RELAYS_PER_SENTENCE:
            break
        _relay(text, language, m, by_start, found)
    _medium(text, language, media, found)
    return Relays(
        tuple(found.prefix),
        tuple(found.suffix),
        tuple(found.according),
        found.main_start,
        found.main_end,
    )


class _Found:
    """The relays of one sentence as they are found, and the main clause they leave.

    A plain class, not a dataclass: mypyc compiles this `__init__`, never a generated one.
    """

    __slots__ = (
        "according",
        "consumed",
        "end",
        "main_end",
        "main_start",
        "prefix",
        "start",
        "suffix",
    )

    def __init__(
        self,
        start: int,
        end: int,
        main_start: int,
        main_end: int,
        consumed: int,
    ) -> None:
        self.start = start  # the sentence
        self.end = end
        self.main_start = main_start
        self.main_end = main_end
        self.consumed = consumed  # markers before this are inside a relay already read
        self.prefix: list[HopDraft] = []
        self.suffix: list[HopDraft] = []
        self.according: list[HopDraft] = []


def _relay(
    text: str, language: str, m: CueMatch, by_start: dict[int, CueMatch], found: _Found
) -> None:
    """One relay marker, read by its kind."""
    kind = m.lastgroup
    toks = tokenize(text, m.end(), min(found.end, m.end() + RELAY_WINDOW))
    at_start = (
        _clause_start(text, found.start, m.start())
        or glued_heading(text, found.start, m)
        or (
            cue_of(m).lower() in vocab(language).lex.according_to
            and _after_opening_quote(text, found.start, m.start())
        )
    )
    if kind == "based_on" and at_start:
        _based_on(text, language, m, toks, by_start, found)
    elif kind == "reported_by":
        _reported_by(text, language, m, toks, found)
    elif kind == "citing":
        cited, k = _np_with_name(text, toks, 0, language)
        if cited is None or cited_topic(text, cited, vocab(language)):
            return
        opens = not text[found.start : m.start()].strip()
        if opens and cue_of(m).lower() in vocab(language).lex.writer_citing:
            _writer_citing(text, m, cited, toks, k, found)
            return
        found.suffix.append(HopDraft(cited, "citing", cue_of(m), m.start(), cited.end))
        found.consumed = cited.end
    elif kind == "referring" and at_start:
        cited, k = _np_with_name(text, toks, 0, language)
        k = past_title(toks, k, vocab(language))  # "mengacu pada data X ”judul”, …"
        if cited is None or not (k < len(toks) and toks[k].text == ","):
            return  # "mengacu pada X dengan nama …" means *refers to*: no hop
        found.suffix.append(HopDraft(cited, "citing", cue_of(m), m.start(), cited.end))
        found.consumed = toks[k].end
        lead = text[found.start : m.start()].strip()
        if not lead or (lead.endswith(",") and len(lead.split()) <= MAX_LEAD_WORDS):
            found.main_start = found.consumed  # "Padahal, mengacu pada riset X, …"


def _based_on(
    text: str,
    language: str,
    m: CueMatch,
    toks: list[Token],
    by_start: dict[int, CueMatch],
    found: _Found,
) -> None:
    """ "Menurut X, …", "Berdasarkan laporan X yang mengutip Y, …", "…, according to X":
    X (and whom X cites) relays the clause, the whole sentence when it comes last."""
    v = vocab(language)
    cue = cue_of(m)
    start, end = found.start, found.end
    k = 0
    noun = ""
    if toks and toks[0].lower in v.lex.report_nouns:
        noun = toks[0].text
        k = 1
        j = k
        while j < len(toks) - 1 and toks[j].lower in v.lex.document_modifiers:
            j += 1
        if j > k and toks[j].is_word:
            k = j  # "laporan harian oleh X": the report's kind, no source ("data terbaru" stays)
    source, k = _np_with_name(text, toks, k, language)
    named_before = bool(found.according) or bool(text[start : m.start()].strip())
    if source is None or (noun and named_before and _no_source(source, v)):
        return  # "Menurut X, berdasarkan data 2017, …": X speaks; a year wrote nothing
    relation = "reported_by" if noun else "according_to"
    hops = [HopDraft(source, relation, f"{cue} {noun}".strip(), m.start(), source.end)]
    if k < len(toks):
        k2 = k + 1 if toks[k].text == "," else k
        cm = by_start.get(toks[k2].start) if k2 < len(toks) else None
        if cm is None and k2 + 1 < len(toks) and toks[k2].lower in v.lex.relative_markers:
            cm = by_start.get(toks[k2 + 1].start)  # "yang mengutip" / "which cited"
        if cm is not None and cm.lastgroup == "citing":
            ctoks = tokenize(text, cm.end(), min(end, cm.end() + RELAY_WINDOW))
            cited, ck = _np_with_name(text, ctoks, 0, language)
            if cited is not None:
                hops.append(HopDraft(cited, "citing", cue_of(cm), cm.start(), cited.end))
                toks, k = ctoks, ck
    source, k = source_tail(text, toks, source, k, language)
    hops[0] = HopDraft(source, relation, hops[0].cue, m.start(), source.end)
    leading = not text[start : m.start()].strip() or glued_heading(text, start, m)
    if leading:
        k = past_access_clause(toks, past_title(toks, k, v), v)  # "data X yang dikutip …"
        if k < len(toks) and toks[k].text == ",":
            k = _set_off_monitor(text, language, toks, k, by_start, hops)
            found.main_start = after_adjunct(text, toks, k, v)
            found.consumed = found.main_start
            found.prefix.extend(hops)
            found.according.extend(hops)
    elif parenthetical(toks, k, v) and (tail := parenthetical_tail(text, toks, k, language)):
        # "Kejadian itu, menurut Ahmad, ditemukan di Bali", "Fundraising, according to X, has
        # …": the phrase is set off inside the clause, which is X's claim whole and goes on
        # after it (past a role apposition of X); an adverbial lead ("Since May, according
        # to X, …") is no part of it
        first = text[start : m.start()].split(None, 1)[0].strip(",").lower()
        if first in v.lex.adverbial_openers:
            found.main_start = tail
        found.consumed = tail
        found.prefix[:0] = hops
        found.according[:0] = hops
    else:
        # "…, Y said, according to X": X relays the whole sentence.
        found.main_end = min(found.main_end, _comma_before(text, start, m.start()))
        found.prefix[:0] = hops
        found.according[:0] = hops
        found.consumed = end


def _set_off_monitor(
    text: str,
    language: str,
    toks: list[Token],
    k: int,
    by_start: dict[int, CueMatch],
    hops: list[HopDraft],
) -> int:
    """ "According to the report, monitored by the BBC, …": a monitor set off after the
    source is the outermost hop (the writer got the report from it); the index of the
    comma that closes it, else `k` (the comma after the source)."""
    cm = by_start.get(toks[k + 1].start) if k + 1 < len(toks) else None
    if cm is None or cm.lastgroup != "reported_by" or "monitor" not in cue_of(cm).lower():
        return k
    rest = tokenize(text, cm.end(), toks[-1].end)
    monitor, j = _np_with_name(text, rest, 0, language)
    if monitor is None or j >= len(rest) or rest[j].text != ",":
        return k
    comma = next((i for i in range(k + 1, len(toks)) if toks[i].start == rest[j].start), None)
    if comma is None:
        return k
    hops.insert(0, HopDraft(monitor, "monitored_by", cue_of(cm), cm.start(), monitor.end))
    return comma


def _reported_by(text: str, language: str, m: CueMatch, toks: list[Token], found: _Found) -> None:
    """ "…, as reported by X", "dikutip dari X", "…, monitored by X,": X passed the
    sentence on (a monitor is the outermost hop: the writer got the broadcast from it)."""
    cue = cue_of(m)
    source, k = _np_with_name(text, toks, 0, language)
    if source is None or _no_source(source, vocab(language)):
        return  # "kasus dilaporkan akhir Maret lalu": a passive verb, no relay
    low = cue.lower()
    relation = "quoted_by" if "quot" in low or "kutip" in low else ""
    relation = relation or ("monitored_by" if "monitor" in low else "reported_by")
    hop = HopDraft(source, relation, cue, m.start(), source.end)
    found.prefix.insert(0, hop)
    found.consumed = source.end
    leading = not text[found.start : m.start()].strip()
    if leading and k < len(toks) and toks[k].text == ",":
        found.main_start = toks[k].end
        # "As first reported by X, the mayor will resign.": with no speaker of its
        # own, the clause is X's report, as after "according to X,"
        found.according.append(hop)
    elif (
        not leading
        and text[found.start : m.start()].rstrip().endswith(",")
        and _closes_sentence(text, source.end, found.end)
    ):
        # "…, kata X, seperti dikutip Antara.": the relay is no part of the content
        found.main_end = min(found.main_end, _comma_before(text, found.start, m.start()))


def _no_source(mention: Mention, v: Vocab) -> bool:
    """A phrase after a relay marker that names nobody: lower-case words nothing
    classified ("akhir Maret lalu", "kecil"), or a time ("Minggu (26/7/2020)")."""
    words = mention.name.split()
    if not words:
        return True
    if all(w.lower() in v.lex.time_words or w.isdigit() for w in words):
        return True
    return mention.kind == "unknown" and not words[0][:1].isupper()


def _closes_sentence(text: str, pos: int, end: int) -> bool:
    """Whether only punctuation follows `pos` up to the sentence end."""
    return not text[pos:end].strip(' \t\n.;:!?,)"”’')


def _writer_citing(
    text: str, m: CueMatch, cited: Mention, toks: list[Token], k: int, found: _Found
) -> None:
    """ "Mengutip Reuters, pejabat itu mengatakan …": opening the sentence, the phrase
    names where the writer took it from, the outermost hop (like "seperti dikutip X")."""
    hop = HopDraft(cited, "quoted_by", cue_of(m), m.start(), cited.end)
    found.prefix.insert(0, hop)
    found.consumed = cited.end
    if k < len(toks) and toks[k].text == ",":
        found.main_start = toks[k].end
        found.according.append(hop)


def _medium(text: str, language: str, media: list[CueMatch], found: _Found) -> None:
    """ "told Reuters", "in an interview with a Tokyo daily", "said on CNN's State of the
    Union": the first outlet a speaker told is the outermost hop (`extract.media`)."""
    for marker in media:
        mention = medium_hop(text, language, marker, found.end)
        if mention is not None:
            hop = HopDraft(mention, "told", cue_of(marker), marker.start(), mention.end)
            # "told the radio, monitored by the BBC": the monitor stays outermost
            at = 0
            while at < len(found.prefix) and _monitors_later(found.prefix[at], marker):
                at += 1
            found.prefix.insert(at, hop)
            break


def _monitors_later(hop: HopDraft, marker: CueMatch) -> bool:
    return hop.relation == "monitored_by" and hop.start > marker.start()


def cue_of(m: CueMatch) -> str:
    """The surface of a spotted phrase (always present for a spotted match)."""
    return m.group() or ""


def _comma_before(text: str, start: int, pos: int) -> int:
    k = pos
    while k > start and text[k - 1] in " ,\t":
        k -= 1
    return k
