"""Quoted-as frames: "X quoted Y as saying", "Y was quoted by X as saying", "X mengutip Y yang
mengatakan": Y speaks, X relays Y's words to the writer (the chain is [X, Y])."""

from __future__ import annotations

import functools

from tracker.extract.cues import CueMatch, cue_at
from tracker.extract.lexicon import outlet_index
from tracker.extract.noun_phrases import is_role_segment
from tracker.extract.outlet_hops import as_outlet, outlet_np
from tracker.extract.patterns import patterns_for
from tracker.extract.pronouns import InternalHop
from tracker.extract.relays import Frame, HopDraft, Relays, cue_of
from tracker.extract.run import Draft, Run
from tracker.extract.speakers import Mention, classify, with_apposition
from tracker.extract.subject_before import subject_before
from tracker.extract.tokens import Token, tokenize, vocab

FRAME_WINDOW = 220  # the quote verb to the speech verb: "quoted Yang Jike, vice-governor …, as"
MAX_OBJECT_TOKENS = 30
MAX_AGENT_TOKENS = 12  # "by the official Antara news agency", "in today's edition of …"
MAX_SKIPPED_RELAY_CHARS = 80  # ", monitored by the British Broadcasting Corporation,"


def with_frames(run: Run, relays: Relays, markers: list[CueMatch], s: int, e: int) -> Relays:
    """The sentence's relays with its quoted-as frames, left to right. A relay phrase inside
    a frame ("quoted by" of "was quoted by X as saying", "mengutip" of "X mengutip Y yang
    …") is the frame's, so it leaves the prefix and suffix hops."""
    verbs = run.lex.quote_verbs
    if not verbs:
        return relays
    frames: list[Frame] = []
    for m in markers:
        first = cue_of(m).split()[0].lower()
        if first not in verbs or (frames and m.start() < frames[-1].end):
            continue
        frame = _frame_at(run, m, first, s, e, markers)
        if frame is not None:
            frames.append(frame)
    if not frames:
        return relays
    inside = [(f.verb, f.end) for f in frames]

    def kept(hops: tuple[HopDraft, ...]) -> tuple[HopDraft, ...]:
        return tuple(h for h in hops if not any(a <= h.start < b for a, b in inside))

    return Relays(
        kept(relays.prefix),
        kept(relays.suffix),
        kept(relays.according),
        relays.main_start,
        relays.main_end,
        tuple(frames),
    )


def _frame_at(
    run: Run, m: CueMatch, verb: str, s: int, e: int, markers: list[CueMatch]
) -> Frame | None:
    """The frame whose quote verb opens marker `m`, passive or active, if it is one."""
    verb_end = m.start() + len(verb)
    aux = _auxiliary_before(run, s, m.start())
    toks = tokenize(run.text, verb_end, min(e, verb_end + FRAME_WINDOW))
    if aux is not None:
        return _passive(run, m.start(), verb_end, aux, toks, s, e)
    return _active(run, m.start(), verb_end, toks, s, markers)


def _auxiliary_before(run: Run, s: int, pos: int) -> int | None:
    """Where the passive auxiliary before the quote verb starts ("was quoted", "were
    also quoted", "had been quoted"), if there is one."""
    aux: int | None = None
    for tok in reversed(tokenize(run.text, max(s, pos - 40), pos)):
        if not tok.is_word:
            break
        if tok.lower in run.lex.passive_auxiliaries:
            aux = tok.start
        elif tok.lower not in run.vocab.adverbs:
            break
    return aux


def _speech_at(run: Run, toks: list[Token], k: int) -> CueMatch | None:
    """The speech verb at token k ("saying", "telling", "mengatakan"), if it is one."""
    if k >= len(toks) or not toks[k].is_word:
        return None
    cue = cue_at(run.text, toks[k].start, run.language)
    return cue if cue is not None and cue.lastgroup == "verb" else None


def _link_then_speech(run: Run, toks: list[Token]) -> tuple[int, CueMatch] | None:
    """The index of the link ("as", "yang") followed by a speech verb, within the object's
    reach; a sentence stop or a quote mark before it ends the search."""
    links = run.lex.quote_links
    abbreviations = run.vocab.abbreviations
    for k, tok in enumerate(toks[: MAX_OBJECT_TOKENS + 1]):
        if tok.text in '!?;"“”' or (
            tok.text == "."
            and not (k and (toks[k - 1].text in abbreviations or len(toks[k - 1].text) == 1))
        ):
            return None
        if k and tok.is_word and tok.lower in links:
            cue = _speech_at(run, toks, k + 1)
            if cue is not None:
                return k, cue
    return None


def _active(
    run: Run, verb_start: int, verb_end: int, toks: list[Token], s: int, markers: list[CueMatch]
) -> Frame | None:
    """ "X quoted Y as saying", "X reported Y as saying", "X mengutip Y yang mengatakan", and
    with a participle right after the object, "X quoted Y saying"."""
    text = run.text
    found = _link_then_speech(run, toks) or _bare_speech(run, toks)
    if found is None:
        return None
    k, cue = found
    speaker = _object(run, toks[:k])
    if speaker is None:
        return None
    subject_end = _skip_relay_before(run, s, verb_start, markers)
    quoter = subject_before(text, s, subject_end, run.language) or _outlet_subject(
        run, s, subject_end
    )
    if quoter is None or quoter.kind == "unknown":
        return None
    quoter = as_outlet(text, quoter, run.language, s)
    if quoter.pronoun is None:
        run.last_quoter = (quoter, verb_start)
    via = HopDraft(quoter, "quoted_by", text[verb_start:verb_end], verb_start, verb_end)
    return Frame(
        quoter.start, verb_start, cue.end(), speaker, (via,), cue_of(cue), cue.start(), cue.end()
    )


MAX_OUTLET_SUBJECT_WORDS = 6


def _outlet_subject(run: Run, s: int, pos: int) -> Mention | None:
    """A quoter the name parser misses, when it describes an outlet: "The daily al-Riyadh
    reported …" (a lower-case "al-" name), the clause's words before the verb."""
    text = run.text
    lo = max(s, text.rfind(",", s, pos) + 1)
    toks = tokenize(text, lo, pos)
    words = [t for t in toks if t.is_word]
    if not words or len(words) > MAX_OUTLET_SUBJECT_WORDS or len(words) < len(toks):
        return None
    surface = text[toks[0].start : toks[-1].end]
    raw = Mention(surface, toks[0].start, toks[-1].end, surface, "unknown")
    outlet = as_outlet(text, raw, run.language)
    return outlet if outlet.kind == "news_outlet" else None


def _bare_speech(run: Run, toks: list[Token]) -> tuple[int, CueMatch] | None:
    """ "quoted VW chairman Carl Hahn saying": a participle speech verb right after a
    short object with no comma in it ("VW managing board chairman": a participle that
    is no speech verb is a word of the object)."""
    suffixes = run.lex.participle_suffixes or ("\0",)
    for k, tok in enumerate(toks[:MAX_AGENT_TOKENS]):
        if not tok.is_word:
            return None
        if k and tok.lower.endswith(suffixes):
            cue = _speech_at(run, toks, k)
            if cue is not None:
                return k, cue
            # "managing" of "managing board chairman": a participle in the object goes on
    return None


def _object(run: Run, toks: list[Token]) -> Mention | None:
    """The speaker of an active frame: the object, with its apposition ("Yang Jike,
    vice-governor of Anhui,"), or an object pronoun ("him", "them")."""
    cut = next((i for i, t in enumerate(toks) if t.text == ","), len(toks))
    head = toks[:cut]
    if not head:
        return None
    if len(head) == 1 and head[0].lower in run.lex.object_pronouns:
        tok = head[0]
        kind = run.lex.object_pronouns[tok.lower]
        return Mention(tok.text, tok.start, tok.end, tok.text, "person", pronoun=kind)
    mention = classify(run.text, head, run.language)
    if (
        mention is None
        or mention.kind in ("unknown", "document")
        or _unnamed_group(run, head, mention)
    ):
        # "law enforcement officials with knowledge of the investigation" is no document
        mention = _anonymous(run, head) or (
            mention if mention and mention.kind == "document" else None
        )
    if mention is None:
        return None
    seg = [t for t in toks[cut + 1 :] if t.text != ","]
    if seg and mention.kind == "person" and is_role_segment(seg, run.vocab):
        mention = with_apposition(run.text, mention, seg, run.language)
    return mention


def _unnamed_group(run: Run, head: list[Token], mention: Mention) -> bool:
    """ "the officials", "unnamed economists", "Bank of Japan sources": a person mention
    naming a group by a lower-case plural, no one's name (a singular "the minister" is a
    description of someone named, left as it is)."""
    words = [t for t in head if t.is_word]
    last = words[-1]
    return (
        mention.kind == "person"
        and not last.is_cap
        and last.lower.endswith(run.lex.plural_suffixes or ("\0",))
    )


def _anonymous(run: Run, head: list[Token]) -> Mention | None:
    """An object that names nobody: "unnamed sources", "the sources", "Bank of Japan
    sources", "law enforcement officials with knowledge of the investigation". Its head
    noun (the last word, or the last before a link word) is an anonymous noun; the
    capitalised words before that noun are the affiliation."""
    v = run.vocab
    nouns = _anonymous_nouns(run.language)
    words = [t for t in head if t.is_word]
    k = len(words) - 1
    if words[k].is_cap or words[k].lower not in nouns:
        k = (
            next((i for i, t in enumerate(words) if i and not t.is_cap and t.lower in v.links), 0)
            - 1
        )
        if k < 0 or words[k].is_cap or words[k].lower not in nouns:
            return None
    text = run.text
    caps = [t for t in words[:k] if t.is_cap]
    affiliation = text[caps[0].start : caps[-1].end] if caps else None
    surface = text[head[0].start : head[-1].end]
    return Mention(
        surface, head[0].start, head[-1].end, surface, "anonymous", affiliation=affiliation
    )


def _skip_relay_before(run: Run, s: int, pos: int, markers: list[CueMatch]) -> int:
    """Where the quoter's name ends: before a relay phrase set off by commas right before
    the verb ("Radio Kabul, monitored by the BBC, quoted …"), else at the verb."""
    text = run.text
    before = text[s:pos].rstrip()
    if not before.endswith(","):
        return pos
    for m in markers:
        if m.lastgroup != "reported_by" or not 0 < pos - m.start() <= MAX_SKIPPED_RELAY_CHARS:
            continue
        lead = text[s : m.start()].rstrip()
        if lead.endswith(",") and "," not in text[m.end() : s + len(before) - 1]:
            return s + len(lead) - 1
    return pos


def _passive(
    run: Run, verb_start: int, verb_end: int, aux: int, toks: list[Token], s: int, e: int
) -> Frame | None:
    """ "Y was quoted by X as saying", "Y was quoted in X as saying", "Y was quoted as
    saying by X", "…, Y was quoted by X.", and "Y was quoted as saying" with the outlet
    named nearby (else Y alone: an outlet is never guessed)."""
    text = run.text
    speaker = subject_before(text, s, aux, run.language)
    if speaker is None or speaker.kind == "unknown":
        return None
    k = _skip_times(run, toks, 0)
    agent, k = _agent(run, toks, k)
    k = _skip_times(run, toks, k)
    cue: CueMatch | None = None
    if k + 1 < len(toks) and toks[k].lower in run.lex.quote_links:
        cue = _speech_at(run, toks, k + 1)
        if cue is not None:
            k += 2
            if agent is None:
                agent, k = _agent(run, toks, k)
    if cue is None and (
        agent is None or text[verb_start:verb_end].lower() not in run.lex.quote_verbs_alone
    ):
        # "the shares are quoted in London", "the letter was first reported by X": no speech
        return None
    end = toks[k - 1].end if k else verb_end
    via: tuple[HopDraft, ...] = ()
    verb = text[verb_start:verb_end]
    if agent is not None:
        via = (HopDraft(agent, "quoted_by", verb, verb_start, agent.end),)
        if agent.pronoun is None:
            run.last_quoter = (agent, verb_start)
    else:
        nearby = _outlet_nearby(run, speaker.start) or _last_quoter(run, verb_start)
        if nearby is not None:
            via = (HopDraft(nearby, "quoted_by", verb, verb_start, verb_end),)
    if cue is None:
        return Frame(speaker.start, verb_start, end, speaker, via, verb, verb_start, verb_end)
    return Frame(speaker.start, verb_start, end, speaker, via, cue_of(cue), cue.start(), cue.end())


def _skip_times(run: Run, toks: list[Token], k: int) -> int:
    """Past adverbs and times ("today", "at the weekend", "yesterday")."""
    while (
        k < len(toks)
        and toks[k].is_word
        and (toks[k].lower in run.lex.time_words or toks[k].lower in run.vocab.adverbs)
    ):
        k += 1
    return k


def _agent(run: Run, toks: list[Token], k: int) -> tuple[Mention | None, int]:
    """The quoter after "by" or "in" ("by the official Antara news agency", "in today's
    edition of the armed forces newspaper Harian AB"), and the index after it."""
    if k >= len(toks) or not toks[k].is_word:
        return None, k
    low = toks[k].lower
    if low not in run.lex.passive_links and low not in run.lex.location_links:
        return None, k
    j = k + 1
    links = run.lex.quote_links
    while j < len(toks) and j - k <= MAX_AGENT_TOKENS and toks[j].text not in ',;.:!?"“”':
        if toks[j].is_word and toks[j].lower in links and _speech_at(run, toks, j + 1):
            break
        j += 1
    span = toks[k + 1 : j]
    # "in today's edition of the … newspaper X": the outlet follows the last "of"
    last_of = max((i for i, t in enumerate(span) if t.lower in run.lex.residence_links), default=-1)
    span = span[last_of + 1 :]
    while span and span[-1].is_word and span[-1].lower in run.lex.time_words:
        span = span[:-1]
    if not span:
        return None, k
    text = run.text
    listed = outlet_np(text, span, 0, run.language)
    mention = listed if listed is not None else classify(text, span, run.language)
    if mention is None or mention.kind == "unknown":
        # "by the daily al-Tariq": an unlisted outlet the classifier does not sort
        surface = text[span[0].start : span[-1].end]
        raw = Mention(surface, span[0].start, span[-1].end, surface, "unknown")
        mention = as_outlet(text, raw, run.language)
        if mention.kind != "news_outlet":
            return None, k
    return as_outlet(text, mention, run.language), j


MAX_QUOTER_DISTANCE = 600  # characters back to the quoter a "was quoted" still follows


def _last_quoter(run: Run, pos: int) -> Mention | None:
    """The quoter of the last "X quoted Y as saying" shortly before `pos`: "A spokesman
    quoted Wallis as saying … . Wallis was also quoted as saying …" is the spokesman's
    account too."""
    if run.last_quoter is None:
        return None
    quoter, at = run.last_quoter
    return quoter if 0 < pos - at <= MAX_QUOTER_DISTANCE else None


def _outlet_nearby(run: Run, pos: int) -> Mention | None:
    """The one outlet named in this sentence before `pos` or in the sentence before it:
    "The agency Antara reported … . The minister was quoted as saying …"."""
    lo = run.previous_sentence[0]
    pats = patterns_for(run.language)
    text = run.text
    if lo >= pos or pats.outlet_hint_re.search(text, lo, pos) is None:
        return None
    named: dict[str, Mention] = {}
    for m in pats.outlet_re.finditer(text, lo, pos):
        outlet = outlet_index()[m.group("outlet")]
        mention = Mention(
            m.group(),
            m.start(),
            m.end(),
            outlet.name,
            "news_outlet",
            state_media=outlet.state_media,
        )
        named.setdefault(outlet.name, mention)
    return next(iter(named.values())) if len(named) == 1 else None


@functools.cache
def _anonymous_nouns(language: str) -> frozenset[str]:
    """The nouns of the listed anonymous phrases, and the role words, as heads of an
    unnamed group ("sources", "officials", "economists", "dealers")."""
    lex = vocab(language).lex
    nouns = {p.split()[-1].lower() for p in lex.anonymous} | {
        w for w in lex.indefinites if w not in lex.determiners
    }
    return frozenset(nouns | vocab(language).roles)


LATE_QUOTER_RELATIONS = frozenset({"told", "quoted_by", "reported_by", "monitored_by"})


def name_late_quoters(run: Run) -> None:
    """ "Y was quoted as saying …" with no outlet named in its sentence or the one before:
    the outlet nearby that quoted Y (CHAINS_GUIDE.md) is the one named shortly after ("Y
    told the daily X …", "He was quoted by X as saying …": the quoted statement and Y's
    statements up to X's take X's relays), else the outlet that spoke shortly before ("…,
    the daily al-Qabas said. … The sources were quoted as saying …": Y's statements from
    here on take it). Another source's relays, or none within reach, leave them first-hand."""
    drafts = run.statements
    for i, draft in enumerate(drafts):
        if draft.rule != "quoted_as" or len(draft.hops) != 1 or draft.sid is None:
            continue
        if not _quoter_after(run, drafts, i):
            _quoter_before(run, drafts, i)


def _quoter_after(run: Run, drafts: list[Draft], i: int) -> bool:
    draft = drafts[i]
    for j in range(i + 1, len(drafts)):
        later = drafts[j]
        if later.start - draft.end > MAX_QUOTER_DISTANCE:
            return False
        relays = _outlet_relays(run, later, draft.sid or 0)
        if relays:
            for between in drafts[i:j]:
                if between.sid == draft.sid and len(between.hops) == 1:
                    between.hops = (*relays, *between.hops)
            return True
    return False


def _quoter_before(run: Run, drafts: list[Draft], i: int) -> None:
    draft = drafts[i]
    for k in range(i - 1, -1, -1):
        earlier = drafts[k]
        if draft.start - earlier.end > MAX_QUOTER_DISTANCE:
            return
        first = earlier.hops[0] if earlier.hops else None
        if first is None or first.sid == draft.sid:
            continue
        if run.table.kind(first.sid) != "news_outlet" or first.relation == "monitored_by":
            continue
        if _coordinated(run, earlier):
            return  # "Bernama and Antara reported …": which one quoted Y is not known
        quoter = InternalHop(first.sid, "quoted_by", draft.cue, draft.cue_start, draft.cue_end)
        last = draft.end
        for later in drafts[i:]:
            if later.start - last > MAX_QUOTER_DISTANCE:
                break
            if later.sid == draft.sid and len(later.hops) == 1:
                later.hops = (quoter, *later.hops)
                last = later.end
        return


def _coordinated(run: Run, draft: Draft) -> bool:
    """Whether the draft's speaker is named as one of two joined by "and"/"dan"
    ("Bernama and Antara reported …")."""
    surface, cue = draft.surface, draft.cue_start
    if not surface or cue is None:
        return False
    at = run.text.rfind(surface, max(0, cue - len(surface) - 40), cue)
    before = run.text[max(0, at - 6) : at].split() if at >= 0 else []
    return bool(before) and before[-1].lower() in run.lex.coordinators


def _outlet_relays(run: Run, draft: Draft, sid: int) -> tuple[InternalHop, ...]:
    """The hops before speaker `sid` in the draft's chain when they are outlets that had it
    from the speaker ("told the daily X", "quoted by X"), else none."""
    hops = draft.hops
    if draft.sid != sid or len(hops) < 2 or hops[-1].sid != sid:
        return ()
    relays = hops[:-1]
    if all(
        h.relation in LATE_QUOTER_RELATIONS and run.table.kind(h.sid) == "news_outlet"
        for h in relays
    ):
        return relays
    return ()
