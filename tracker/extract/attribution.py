"""Who said a quote: the attribution after its closing mark ("…," kata X / "…," he said)."""

from __future__ import annotations

import functools

from tracker.extract.cues import CueMatch, cue_at
from tracker.extract.described_names import described_name
from tracker.extract.described_persons import named_by_apposition
from tracker.extract.manner_cues import manner_cue_at
from tracker.extract.noun_phrases import MAX_NAME_TOKENS, is_name_segment, is_role_segment, np_after
from tracker.extract.patterns import patterns_for, post_cue_possible
from tracker.extract.place_appositions import name_after_places
from tracker.extract.records import fields_repr
from tracker.extract.relays import Frame, HopDraft
from tracker.extract.speakers import Mention, classify, with_apposition
from tracker.extract.subject_before import BEFORE_WINDOW, state_segment
from tracker.extract.tokens import Token, Vocab, tokenize, vocab

# The look-ahead window: attribution is local (see subject_before.BEFORE_WINDOW).
AFTER_WINDOW = 220  # room for "…," Name, director of … and a professor at …, said
MAX_AFTER_APPOSITION_TOKENS = 30
STRAY_CLOSING_MARKS = "'’"


class Attribution:
    """A cue and the speaker it names (or the pronoun standing for one).

    A plain class, not a dataclass (see `records`); nothing mutates it."""

    __slots__ = ("cue", "cue_end", "cue_start", "end", "speaker", "via")

    def __init__(
        self,
        cue: str,
        cue_start: int,
        cue_end: int,
        speaker: Mention | None,
        end: int,
        via: tuple[HopDraft, ...] = (),
    ) -> None:
        self.cue = cue
        self.cue_start = cue_start
        self.cue_end = cue_end
        self.speaker = speaker
        # where the attribution phrase ends (to chain “…,” kata X, “…”)
        self.end = end
        # "X quoted Y as saying": X, between the relays and Y
        self.via = via

    def _key(self) -> tuple[object, ...]:
        return (self.cue, self.cue_start, self.cue_end, self.speaker, self.end, self.via)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Attribution):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        names = ("cue", "cue_start", "cue_end", "speaker", "end", "via")
        return fields_repr(self, names, self._key())


def attribution_after(text: str, pos: int, limit: int, language: str) -> Attribution | None:
    """Attribution right after a closing quote: “…,” kata X / ujarnya / "…," he said."""
    v = vocab(language)
    pats = patterns_for(language)
    hi = min(limit, pos + AFTER_WINDOW)
    while pos < hi and text[pos] in STRAY_CLOSING_MARKS:
        pos += 1  # a nested quote's closing mark left after the pair: "''… 'old,''' said X"
    post_hi = min(hi, pos + 60)
    m = (
        pats.post_cue_re.match(text, pos, post_hi)
        if post_cue_possible(pats, text, pos, post_hi)
        else None
    )
    if m is not None:
        group = "nya" if m.group("nya") else "cue" if m.group("cue") else "verb"
        cs, ce = m.span(group)
        cue = text[cs:ce]
        if group == "nya":
            pron = Mention(cue, cs, ce, cue, "person", pronoun="person")
            return Attribution(cue, cs, ce, pron, ce)
        return _speaker_after_verb(text, cue, cs, ce, hi, language)
    toks = tokenize(text, pos, hi)
    k = 0
    while k < len(toks) and toks[k].text in ",":
        k += 1
    if (k < len(toks) and toks[k].text in v.lex.dash_marks) or (
        k + 1 < len(toks) and toks[k].text == "-" and toks[k + 1].text == "-"
    ):
        k += 2 if toks[k].text == "-" else 1
        np = np_after(text, toks, k, v)
        if not np:
            return None
        mention = classify(text, np, language)
        if mention is None:
            return None
        mention, end = _apposition_after(text, toks, np, mention, language, np[-1].end)
        dash = toks[k - 1]
        return Attribution(dash.text, dash.start, dash.end, mention, end)
    if k < len(toks) and toks[k].is_word:
        acc = cue_at(text, toks[k].start, language, hi)
        if acc is not None and acc.group("acc"):
            return _according_after(text, acc, hi, language)
    if k < len(toks) and toks[k].is_word and not toks[k].is_cap:
        manner = manner_cue_at(text, toks[k].start, language, hi)
        if manner is not None:  # "…," scoffed Ana Ruiz
            return _speaker_after_verb(
                text, manner.group(), manner.start(), manner.end(), hi, language
            )
    found = _np_then_cue(text, toks, k, hi, language)
    return found if found is not None else _span_then_cue(text, toks, k, hi, language)


def _speaker_after_verb(
    text: str, cue: str, cs: int, ce: int, hi: int, language: str
) -> Attribution | None:
    """“…,” said X / “…,” kata X: the speaker follows the cue, with its apposition."""
    v = vocab(language)
    if cue.lower().endswith(v.lex.uninverted_suffixes or ("\0",)):
        return None  # '"…," echoing some commentators who …': a participle names no speaker
    toks = tokenize(text, ce, hi)
    np = _continued(text, toks, np_after(text, toks, 0, v, loose=True), v)
    if any(t.lower in v.lex.finite_auxiliaries for t in np):
        return None  # '"…," saying the city would appeal': a clause, not a speaker
    if not np:
        # "…," said 9/11 widow Terry Strada: a described name the parser cannot open
        inverted = speaker_after_cue(text, ce, hi, language)
        return Attribution(cue, cs, ce, inverted, inverted.end) if inverted else None
    mention = classify(text, np, language) or _described(text, np, v)
    if mention is None:
        return None
    end = np[-1].end
    mention, end = _apposition_after(text, toks, np, mention, language, end)
    return Attribution(cue, cs, ce, mention, end)


MAX_ROLE_TOKENS = 14  # "pakar epidemiologi Fakultas Kesehatan Masyarakat Universitas Indonesia"
MAX_CONTINUED_TOKENS = 24  # "Pelaksana Tugas Direktur Jenderal … Kementerian Kesehatan Maxi …"


def _continued(text: str, toks: list[Token], np: list[Token], v: Vocab) -> list[Token]:
    """The speaker run after a cue, carried over what breaks a noun phrase but not an
    Indonesian role-institution-name run: "dan"/"serta" ("Kementerian Koperasi dan UKM"), an
    acronym in parentheses ("PT Kereta Commuter Indonesia (KAI Commuter) Wiwik"), a number
    ("Daop 8 Surabaya"), "dr" before a name, a capitalised stop word ("Satuan Lalu Lintas").
    Each must be followed by a capitalised word; the name is then the run's last words."""
    if not np or not v.lex.np_continuers:
        return np
    out = list(np)
    k = toks.index(np[-1]) + 1
    while k < len(toks) and len(out) < MAX_CONTINUED_TOKENS:
        tok = toks[k]
        skip = 0
        if tok.text == "(":
            close = next((j for j in range(k + 1, min(len(toks), k + 8)) if toks[j].text == ")"), 0)
            skip = close - k + 1 if close else 0
        elif tok.is_word and (tok.lower in v.lex.np_continuers or tok.text[0].isdigit()):
            skip = 1
        elif tok.text in v.stop and any(t.lower in v.titles for t in out):
            skip = 1  # "Kepala Satuan Lalu Lintas", never "seorang Ketika …"
        nxt = k + skip
        if not skip or nxt >= len(toks) or not toks[nxt].is_cap or toks[nxt].text in v.stop:
            break
        more = np_after(text, toks, nxt, v)
        cut = next((i for i, t in enumerate(more) if not t.is_cap and t.lower in v.links), None)
        more = more[:cut]  # "Eva Chairunisa dalam keterangan tertulis": the name ends first
        if not more:
            break
        out.extend(toks[k:nxt])
        out.extend(more)
        k = toks.index(more[-1]) + 1
    return out


def _according_after(text: str, acc: CueMatch, hi: int, language: str) -> Attribution | None:
    """“…,” according to Judicial Review. — the source follows "according to"."""
    toks = tokenize(text, acc.end(), hi)
    np = np_after(text, toks, 0, vocab(language), loose=True)
    mention = classify(text, np, language) if np else None
    if mention is None or mention.pronoun is not None:
        return None
    return Attribution(acc.group(), acc.start(), acc.end(), mention, np[-1].end)


def _span_then_cue(
    text: str, toks: list[Token], k: int, hi: int, language: str
) -> Attribution | None:
    """Fallback: whatever short phrase sits between the quote and a cue is the speaker —
    "panel Chairman Rep. Jason Chaffetz (R-Utah) said", "Senate Majority Leader X, R-Ky., said"."""
    v = vocab(language)
    for j in range(k, min(len(toks), k + 14)):
        tok = toks[j]
        if tok.text in '.!?;:"“”' and not (j > k and toks[j - 1].text in v.abbreviations):
            return None
        if not tok.is_word or j == k:
            continue
        cm = cue_at(text, tok.start, language, hi) or manner_cue_at(text, tok.start, language, hi)
        if cm is None or not (cm.group("verb") or cm.group("post")):
            continue
        words = [t for t in toks[k:j] if t.is_word]
        described = described_name(text, words, language) if words else None
        if described is not None:
            return Attribution(cm.group(), cm.start(), cm.end(), described, cm.end())
        if not words or not (
            words[0].is_cap
            or words[0].lower in v.lex.determiners
            or words[0].lower in v.lex.noun_markers  # "…," my father often said
            or _titled_run(words, v)  # "…," panel Chairman Rep. Ana Lopez (R-Utah) said
        ):
            return None
        run = toks[k:j]
        paren = next((i for i, t in enumerate(run) if t.text == "("), len(run))
        if paren and run[-1].text == ")":
            run = run[:paren]  # "Ana Lopez (R-Utah)": the party is no part of the name
        np = [t for t in run if t.text not in ",("]
        while np and (np[-1].text in ",)" or (len(np) > 1 and np[-1].lower in v.adverbs)):
            np.pop()  # "my father often said": the adverb is no part of the speaker
        mention = classify(text, np, language) if np else None
        if mention is None:
            words = [t for t in np if t.is_word] or words
            surface = text[words[0].start : words[-1].end]
            mention = Mention(surface, words[0].start, words[-1].end, surface, "unknown")
        return Attribution(cm.group(), cm.start(), cm.end(), mention, cm.end())
    return None


def _titled_run(words: list[Token], v: Vocab) -> bool:
    """ "panel Chairman Rep. Ana Lopez": a lower-case word or two before a title and the
    capitalised name it leads, which ends the run before the cue."""
    k = 0
    while k < min(2, len(words)) and not words[k].is_cap:
        k += 1
    rest = words[k:]
    return 0 < k and len(rest) >= 2 and rest[0].lower in v.titles and rest[-1].is_cap


def _described(text: str, np: list[Token], v: Vocab) -> Mention | None:
    """ "…," said the designer: a definite common noun the parser knows no kind for is
    still the speaker, of unknown kind (resolution may name it)."""
    words = [t for t in np if t.is_word]
    if (
        len(words) < 2
        or words[0].lower not in v.lex.definite_determiners
        or any(t.is_cap for t in words[1:])
        or any(t.lower in v.function_words or t.lower in v.lex.pronouns for t in words[1:])
    ):
        return None
    surface = text[words[0].start : words[-1].end]
    return Mention(surface, words[0].start, words[-1].end, surface, "unknown")


def _np_then_cue(
    text: str, toks: list[Token], k: int, hi: int, language: str
) -> Attribution | None:
    """“…,” Kim said / "…," he added / "…," Smith, the role, said."""
    v = vocab(language)
    np = np_after(text, toks, k, v)
    if not np:
        return None
    mention = classify(text, np, language)
    if mention is None:
        return None
    k = _after_parenthetical(toks, toks.index(np[-1]) + 1)
    if k < len(toks) and toks[k].text == "." and np[-1].text in v.abbreviations:
        k += 1  # "…," James Lane Jr. said
    if k < len(toks) and toks[k].text == ",":
        j = k + 1
        while j < len(toks) and toks[j].text not in ",.;":
            j += 1
        seg = toks[k + 1 : j]
        closed = j < len(toks) and toks[j].text == ","
        named = named_by_apposition(text, np, mention, seg, language, v) if closed else None
        if named is not None:
            mention, k = named, j + 1  # "…," the city spokesman, Ana Ruiz, said
        elif closed and is_role_segment(seg, v):
            mention = with_apposition(text, mention, seg, language)
            k = j + 1
        elif (
            j < len(toks) and toks[j].text == "," and seg and seg[0].lower in v.lex.relative_markers
        ):
            k = j + 1  # "Paris, who used to work on Capitol Hill, said"
        else:
            k = _apposition_before_cue(text, toks, k, hi, language, mention)
    while k < len(toks) and toks[k].is_word and toks[k].lower in v.adverbs:
        k += 1
    if k >= len(toks):
        return None
    cm = cue_at(text, toks[k].start, language, hi) or manner_cue_at(
        text, toks[k].start, language, hi
    )
    if cm is None or not (cm.group("verb") or cm.group("post")):
        return None
    return Attribution(cm.group(), cm.start(), cm.end(), mention, cm.end())


def _after_parenthetical(toks: list[Token], k: int) -> int:
    """Past a short parenthetical right after a name: Rep. John Mica (R-Fla.) said."""
    if k < len(toks) and toks[k].text == "(":
        j = k + 1
        while j < len(toks) and toks[j].text != ")" and j - k < 12:
            j += 1
        if j < len(toks) and toks[j].text == ")":
            return j + 1
    return k


def _apposition_before_cue(
    text: str, toks: list[Token], k: int, hi: int, language: str, mention: Mention
) -> int:
    """ "…," Ana Lopez, R-Ky., said / Mark Lee, a writer for The Harbor, said / X, director
    of … and a professor at …, said: any apposition of a named speaker that a cue closes.

    Returns the token index after the apposition's closing comma when a speech cue follows
    it, else `k` (the opening comma) unchanged. Abbreviation dots ("R-Ky.", "Jr.") do not
    end the apposition; a sentence stop or a semicolon does."""
    if mention.kind != "person" or mention.pronoun is not None:
        return k
    v = vocab(language)
    j = k + 1
    # "X, a spokesman …", "X, economist at …": an article or a bare lower-case role opens it
    article = j < len(toks) and (
        toks[j].lower in v.lex.determiners or (not toks[j].is_cap and toks[j].lower in v.roles)
    )
    while j < len(toks) and j - k <= MAX_AFTER_APPOSITION_TOKENS and toks[j].text not in ",;":
        if toks[j].text in '.!?"“”' and not (toks[j].text == "." and _abbreviated(toks[j - 1], v)):
            return k
        if article and _unclosed_role_ends(text, toks, k, j, hi, language):
            return j  # "…," Ana Lopez, a spokeswoman for Senator Carl Hobbs told the Herald
        j += 1
    if j + 1 >= len(toks) or toks[j].text != "," or j == k + 1:
        return k
    if j + 3 < len(toks) and state_segment(toks[j + 1 : j + 3], v) and toks[j + 3].text == ",":
        j += 3  # "…," Mary Cole, of Bowie, Md., said
    cm = cue_at(text, toks[j + 1].start, language, hi)
    if cm is None or not (cm.group("verb") or cm.group("post")):
        return k
    return j + 1


def _unclosed_role_ends(
    text: str, toks: list[Token], k: int, j: int, hi: int, language: str
) -> bool:
    """Whether a speech verb at token `j` ends a role apposition that opens with an article
    (the caller checks it) after the comma at `k` and was not closed by its own comma:
    "X, a spokesman for Senator Y told the paper". Why: copy often drops that comma, and
    the name nearest the verb (Y) is then the one the role relates to, not the speaker.
    The article, the role and its link word ("for", "of", "at") say it is an apposition,
    not a list ("X, Y and Z said") or a titled name ("X, the lawyer Y said")."""
    v = vocab(language)
    if j < k + 4 or not toks[j].is_word:
        return False
    seg = toks[k + 1 : j]
    if not any(t.lower in v.links for t in seg):
        return False
    cm = cue_at(text, toks[j].start, language, hi)
    return cm is not None and bool(cm.group("verb")) and is_role_segment(seg, v)


def _abbreviated(tok: Token, v: Vocab) -> bool:
    """A word a dot may follow inside a name or apposition: "Rep.", "R-Ky.", "B." """
    word = tok.text
    return word in v.abbreviations or (word[:1].isupper() and ("-" in word or len(word) == 1))


def _apposition_after(
    text: str, toks: list[Token], np: list[Token], mention: Mention, language: str, end: int
) -> tuple[Mention, int]:
    """“…,” kata Jeffrey Lewis, direktur di … — the apposition gives role and affiliation."""
    v = vocab(language)
    k = _after_parenthetical(toks, toks.index(np[-1]) + 1)
    if k < len(toks) and toks[k].text == ",":
        j = k + 1
        while j < len(toks) and toks[j].text not in ",.;:" and j - k < 16:
            j += 1
        seg = toks[k + 1 : j]
        at_end = j >= len(toks) or toks[j].text in ",.;"
        if (
            seg
            and at_end
            and is_name_segment(seg, v)
            and np[0].is_word
            and (np[0].lower in v.titles or np[0].lower in v.roles or _unnamed_role(np, v))
        ):
            # “…,” kata Ketua KPUD Muna, Kubais. — role first, then the name; places may
            # stand between ("…, Kelurahan Sukamaju, Siti.")
            placed = name_after_places(text, toks, k, v, language)
            named = placed[0] if placed else classify(text, seg, language)
            if named is not None and named.kind == "person":
                end = placed[1] if placed else seg[-1].end
                return with_apposition(text, named, np, language), end
        if seg and is_role_segment(seg, v) and mention.kind == "person":
            return with_apposition(text, mention, seg, language), seg[-1].end
        if seg and mention.kind == "anonymous" and is_name_segment(seg, v):
            named = classify(text, seg, language)
            if named is not None and named.kind == "person":
                return with_apposition(text, named, np, language), seg[-1].end
    elif _unnamed_role(np, v) or _role_without_name(np, mention, v):
        return _named_after_role(text, toks, np, mention, language, end)
    return mention, end


def _role_without_name(np: list[Token], mention: Mention, v: Vocab) -> bool:
    """ "pengelola Gang Mawar RT 8": a role and the place it serves, where the classifier
    found no name (the whole phrase came back as the name); the name follows later."""
    return (
        np[0].lower in v.roles
        and mention.kind == "person"
        and mention.name == mention.surface
        and mention.role is None
    )


def _unnamed_role(np: list[Token], v: Vocab) -> bool:
    """ "the chief economist at the bank", "pakar": a role in lower case, no name in it."""
    return not any(t.is_cap for t in np) and any(t.lower in v.roles for t in np)


def _named_after_role(
    text: str, toks: list[Token], np: list[Token], mention: Mention, language: str, end: int
) -> tuple[Mention, int]:
    """“…,” kata pakar epidemiologi Universitas Indonesia, Tri Yunis Miko. — a role with
    no name ("pakar"), its institution, then the name closing the attribution."""
    v = vocab(language)
    first = toks.index(np[0])
    comma = next(
        (
            j
            for j in range(first, min(len(toks), first + MAX_ROLE_TOKENS))
            if toks[j].text in ",.;:"
        ),
        None,
    )
    if comma is None or toks[comma].text != ",":
        return mention, end
    placed = name_after_places(text, toks, comma, v, language)
    if placed is not None:
        return with_apposition(text, placed[0], toks[first:comma], language), placed[1]
    j = comma + 1
    while j < len(toks) and toks[j].text not in ",.;:" and j - comma <= MAX_NAME_TOKENS + 1:
        j += 1
    seg = toks[comma + 1 : j]
    if not seg or not (j >= len(toks) or toks[j].text in ",.;") or not is_name_segment(seg, v):
        return mention, end
    named = classify(text, seg, language)
    if named is None or named.kind != "person":
        return mention, end
    return with_apposition(text, named, toks[first:comma], language), seg[-1].end


@functools.cache
def _role_modifiers(language: str) -> frozenset[str]:
    """Whole role words and noun modifiers ("lobbyist", "senior"), built once per
    language: the words that may open an inverted speaker before its name."""
    lex = vocab(language).lex
    return frozenset(lex.role_words) | lex.np_modifiers


MAX_INVERTED_GROUP_WORDS = 8  # "said a handful of Democrats" before "who …" or the end


MAX_DESCRIBED_LEAD = 4  # "9/11 widow" of "said 9/11 widow Terry Strada"


def _described_lead(toks: list[Token], v: Vocab) -> int:
    """The tokens of a short description opening with a number before a name ("9/11
    widow", "73-year-old retiree"), to be read like a role; 0 when there is none."""
    if not toks or not toks[0].text[:1].isdigit():
        return 0
    k = 0
    while k < len(toks) and k < MAX_DESCRIBED_LEAD and not toks[k].is_cap:
        tok = toks[k]
        if tok.is_word and (tok.lower in v.function_words or tok.lower in v.lex.time_words):
            return 0  # "said 40 percent of the …", "said 10 days ago"
        if not tok.is_word and tok.text not in "/-":
            return 0
        k += 1
    return k if k < len(toks) and toks[k].is_cap else 0


def speaker_after_cue(text: str, pos: int, hi: int, language: str) -> Mention | None:
    """The speaker of "…, said <speaker>." when it opens with a lower-case word, which
    `np_after` leaves alone: roles before a name ("said lobbyist and strategist Ana Ruiz")
    or a counted group ("said a handful of Democrats who …", "said two aides").

    The group runs to the sentence end, a comma or a relative word ("who …" describes it);
    it must classify as a source (not a pronoun or an unknown phrase)."""
    v = vocab(language)
    lex = v.lex
    toks = tokenize(text, pos, min(hi, pos + BEFORE_WINDOW))
    roles = _role_modifiers(language)
    k = _described_lead(toks, v)
    while k < len(toks) and toks[k].is_word and not toks[k].is_cap:
        low = toks[k].lower
        if low not in roles and not (k > 0 and low in lex.subject_conjunctions):
            break
        k += 1
    if 0 < k < len(toks) and toks[k].is_cap:
        np = np_after(text, toks, k, v)
        mention = classify(text, np, language) if np else None
        if mention is None or mention.kind != "person" or mention.pronoun is not None:
            return None
        return with_apposition(text, mention, toks[:k], language)
    if not toks or toks[0].lower not in lex.determiners:
        return None
    j = 0
    while j < len(toks) and toks[j].is_word and toks[j].lower not in lex.clause_breakers:
        j += 1
    if j > MAX_INVERTED_GROUP_WORDS or j < 2:
        return None
    if j < len(toks) and toks[j].is_word and toks[j].lower not in lex.relative_markers:
        return None  # "said a deal was near": a clause, not a speaker
    mention = classify(text, toks[:j], language)
    if mention is None or mention.pronoun is not None or mention.kind == "unknown":
        return None
    return mention


def frame_attribution(frame: Frame) -> Attribution:
    """The attribution a quoted-as frame makes: its speech verb, its speaker (the one
    quoted) and the quoter as the hop before the speaker."""
    return Attribution(
        frame.cue, frame.cue_start, frame.cue_end, frame.speaker, frame.end, frame.via
    )
