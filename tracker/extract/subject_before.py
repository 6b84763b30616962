"""Who speaks before a cue ("Kim, saat …, menekankan"), and whom a sentence is about."""

from __future__ import annotations

from tracker.extract.affiliated_roles import affiliated_role
from tracker.extract.anonymous_complements import anonymous_with_complement, modified_start
from tracker.extract.noun_phrases import is_name_segment, is_role_segment, np_after, np_before
from tracker.extract.patterns import (
    anonymous_tail_possible,
    anonymous_tail_search,
    patterns_for,
)
from tracker.extract.place_participles import place_participle_start
from tracker.extract.speakers import Mention, classify, place_link, with_apposition
from tracker.extract.tokens import Token, Vocab, tokenize, vocab

# The look-behind window: attribution is local, and a bounded window keeps the extractor
# linear on a 1 MB paragraph.
BEFORE_WINDOW = 160
MAX_APPOSITION_WORDS = 12  # "X, senior associate for … at …, said"
# kinds of source a role-like apposition may describe without being a person's role
_DESCRIBED_KINDS = frozenset({"organization", "government_body"})
QUOTE_CHARS = frozenset("“”\"'‘’„«»‚‹›")


# kinds of a capitalised phrase that may be the organisation of a role before it
_NAMED_KINDS = frozenset({"organization", "person", "government_body", "unknown"})


def subject_before(text: str, lo: int, hi: int, language: str, depth: int = 0) -> Mention | None:
    """The subject of a cue starting at `hi`: "Kim, saat …, menekankan", "he also said"."""
    v = vocab(language)
    lo = max(lo, hi - BEFORE_WINDOW)
    toks = tokenize(text, lo, hi)
    i = len(toks) - 1
    while (
        i >= 0
        and toks[i].is_word
        and ((not toks[i].is_cap and _is_adverb(toks[i], v)) or toks[i].lower in v.lex.time_words)
    ):
        i -= 1  # "the Supreme Court this month rejected", "he also said"
    if i < 0:
        return None
    if toks[i].text in ",;":
        return _subject_over_comma(text, lo, toks, i, language, depth)
    if depth < 3:
        read_back, subject = _read_back(text, lo, toks, i, language, v, depth)
        if read_back:
            return subject
        placed = place_participle_start(toks, i, v)
        if placed is not None:
            # "An Ankara Radio report monitored in London said": the report speaks
            return subject_before(text, lo, toks[placed].start, language, depth + 1)
    return _subject_phrase(text, lo, hi, toks, i, language, v)


def _read_back(
    text: str, lo: int, toks: list[Token], i: int, language: str, v: Vocab, depth: int
) -> tuple[bool, Mention | None]:
    """An age, a relative clause, a parenthesis or a residence right before the cue stands
    between it and its subject: the subject is read again before them. Returns whether
    one did, and the subject found."""
    tok = toks[i]
    if tok.text.isdigit() and i > 1 and toks[i - 1].text == ",":
        # "Alvarez, 48, who coached …" read back to its relative marker: past the age
        name = subject_before(text, lo, toks[i - 1].start, language, depth + 1)
        return True, name if name is not None and name.kind == "person" else None
    if (
        tok.lower in v.lex.subject_relative_that
        and i == len(toks) - 1
        and i > 0
        and _noun_before(toks[i - 1], v)
    ):
        # "a statement that said …": "that" right before the cue is its subject, and the
        # noun before it speaks (not "races that have not been called", a passive)
        return True, subject_before(text, lo, tok.start, language, depth + 1)
    if tok.lower in v.lex.subject_relatives and i > 0:
        # "Democrats and Republicans, who have questioned …": the antecedent speaks
        j = i - 1 if toks[i - 1].text != "," else i - 2
        if j >= 0:
            return True, subject_before(text, lo, toks[j].end, language, depth + 1)
        return True, None
    if tok.text in ")":
        j = i
        while j >= 0 and toks[j].text != "(":
            j -= 1
        if j > 0:
            return True, subject_before(text, lo, toks[j].start, language, depth + 1)
        return True, None
    if tok.text == "." or tok.text in v.lex.place_abbreviations:
        k = _trailing_residence(toks, i, v)
        if k is not None:
            # "Mary Cole, of Bowie, Md., who came early, said": past the relative clause
            if k > 0:
                return True, subject_before(text, lo, toks[k].start, language, depth + 1)
            return True, None
    return False, None


def _subject_phrase(
    text: str, lo: int, hi: int, toks: list[Token], i: int, language: str, v: Vocab
) -> Mention | None:
    """The noun phrase ending at token `i` as the subject: an anonymous source ("a senior
    official"), a name or pronoun, or the subject of the clause a coordinator continues."""
    pats = patterns_for(language)
    tail_lo, tail_hi = max(lo, hi - 80), toks[i].end
    anon = (
        anonymous_tail_search(pats, text, tail_lo, tail_hi)
        if anonymous_tail_possible(pats, text, tail_lo, tail_hi)
        else None
    )
    if anon is not None and anon.start() >= lo:
        s_, e_ = anon.span("anon")
        s_ = modified_start(toks, s_, v)  # ", industry sources said"
        return Mention(text[s_:e_], s_, e_, text[s_:e_], "anonymous")
    if toks[i].is_word:
        described = anonymous_with_complement(text, lo, toks, i, language)
        if described is not None:
            return described  # "a source close to the mayor said": not the mayor
    np = np_before(text, toks, i, v)
    if not np:
        if toks[i].is_word and toks[i].lower in v.lex.coordinators:
            return clause_subject(text, lo, toks, i, language)
        return None
    pronoun = len(np) == 1 and np[0].lower in v.lex.pronouns
    if not pronoun and _prev_is_relative(toks, np[0], v):
        return None  # "perjanjian yang menyatakan": a relative clause, not a speaker
    mention = classify(text, np, language)
    if mention is None:
        return None
    if mention.kind in _NAMED_KINDS and mention.pronoun is None:
        holder = affiliated_role(text, toks, np, v, language)
        if holder is not None:
            return holder  # "Mark Lane, economist at securities house Acme Wedd said"
    k = toks.index(np[0]) - 1
    if mention.kind == "person" and mention.pronoun is None and k > 0 and toks[k].text == ",":
        j = k - 1
        while j >= 0 and toks[j].text not in ",;":
            j -= 1
        seg = toks[j + 1 : k]
        if seg and is_role_segment(seg, v) and j < 0 and is_name_segment(np, v):
            mention = with_apposition(text, mention, seg, language)
    return mention


def dash_apposition_start(text: str, lo: int, hi: int, language: str) -> int | None:
    """Where an apposition between dashes opens when the clause before a cue at `hi` ends
    with one ("Okafor -- a curator at the river museum -- said", "A manager at the ferry
    line - a firm that runs three boats - noted"): the subject stands before the opening
    dash, and the apposition's last noun ("museum") is nobody. None when the clause ends
    otherwise."""
    v = vocab(language)
    start = max(lo, hi - BEFORE_WINDOW)
    if text.find(" -", start, hi) < 0 and not any(
        text.find(d, start, hi) >= 0 for d in v.lex.dash_marks
    ):
        return None  # no dash (a hyphen inside a word is none): decided without tokenising
    toks = tokenize(text, start, hi)
    i = len(toks) - 1
    while i >= 0 and toks[i].is_word and not toks[i].is_cap and _is_adverb(toks[i], v):
        i -= 1  # "-- has long said"
    if i < 1 or not _is_dash(toks[i], v):
        return None
    k = i - 2 if toks[i].text == "-" and toks[i - 1].text == "-" else i - 1  # "--"
    while k >= 0 and not _is_dash(toks[k], v):
        k -= 1
    if k >= 1 and toks[k].text == "-" and toks[k - 1].text == "-":
        k -= 1
    if k < 1 or not toks[k - 1].is_word:
        return None  # no subject before the opening dash
    return toks[k].start


def _is_dash(tok: Token, v: Vocab) -> bool:
    """A dash mark, or a hyphen standing alone (a hyphen inside a word is part of it)."""
    return tok.text in v.lex.dash_marks or tok.text == "-"


def _noun_before(tok: Token, v: Vocab) -> bool:
    """Whether `tok` may end a noun phrase ("a statement", "the sign"): a word that is no
    function word, cue or pronoun."""
    return (
        tok.is_word
        and tok.lower not in v.function_words
        and tok.lower not in v.cue_words
        and tok.lower not in v.lex.pronouns
    )


def _is_adverb(tok: Token, v: Vocab) -> bool:
    low = tok.lower
    return low in v.adverbs or (len(low) > 4 and low.endswith(v.lex.adverb_suffixes or ("\0",)))


def _prev_is_relative(toks: list[Token], first: Token, v: Vocab) -> bool:
    """Whether a relative marker opens the phrase ("perjanjian yang menyatakan"): then
    it is no speaker. A marker that can be a subject itself ("who", "which") is followed
    by the relative clause's own subject when a phrase stands between it and the verb
    ("the old depot, which Ms. Adeyemi says she hopes to sell"): that one speaks."""
    idx = toks.index(first)
    prev = toks[idx - 1].lower if idx > 0 else ""
    return prev in v.lex.relative_markers and prev not in v.lex.subject_relatives


def _segment_open(toks: list[Token], end: int) -> int:
    """The comma, semicolon or bracket that opens the segment ending at token `end`, or -1
    when the segment runs from the window's start."""
    j = end - 1
    while j >= 0 and toks[j].text not in ",;(":
        j -= 1
    return j


def _aside_start(toks: list[Token], i: int) -> int:
    """Where a bracketed acronym closing the segment before the comma at token `i` opens
    ("Ramon Diaz, secretary of the Commission (PCGG), said", "Sen. Ana Lopez (D-Ohio),
    said"): no part of the subject. `i` when there is none, or the brackets hold a date,
    which the readers take as before ("Budi, di Jayapura, Jumat (25/9/2020), mengatakan").
    Wire tickers never get here: `reading.blank_tickers` made them spaces."""
    if i < 2 or toks[i - 1].text != ")":
        return i
    p = i - 2
    while p >= 0 and toks[p].text not in "()":
        p -= 1
    if p > 0 and toks[p].text == "(" and not any(t.text[:1].isdigit() for t in toks[p:i]):
        return p
    return i


def _subject_over_comma(
    text: str, lo: int, toks: list[Token], i: int, language: str, depth: int
) -> Mention | None:
    v = vocab(language)
    seg_end = _aside_start(toks, i)
    j = _segment_open(toks, seg_end)
    seg = toks[j + 1 : seg_end]
    words = [t for t in seg if t.is_word]
    if not words or depth >= 3:
        return None
    first = words[0].lower
    has_left = j >= 0 and toks[j].text == ","
    citing_first = first in {
        c.split()[0].lower() for c in (*v.lex.citing, *v.lex.reported_by, *v.lex.referring)
    }
    if has_left and (
        first in v.lex.adverbial_openers
        or first in v.lex.relative_markers
        or citing_first
        or first in v.lex.clause_breakers
    ):
        return subject_before(text, lo, toks[j].start, language, depth + 1)
    listed = _portfolio_tail(text, lo, toks, j, seg, language, depth) if has_left else None
    if listed is not None:
        return listed
    if has_left and is_role_segment(seg, v):
        titled = _titled_name(text, toks, j, seg, language)
        if titled is not None:
            return titled
        name = subject_before(text, lo, toks[j].start, language, depth + 1)
        return _described(text, name, seg, language)
    if has_left and len(words) == 1 and len(seg) == 1 and words[0].text.isdigit():
        # "Alvarez, 48, who coached …, told": the person before the age speaks
        name = subject_before(text, lo, toks[j].start, language, depth + 1)
        return name if name is not None and name.kind == "person" else None
    if has_left:
        k = _residence_start(toks, j, seg, v)
        if k is not None:
            # "Paul Ode, 61, of Fairfax, Va., said": the person before the residence speaks
            return subject_before(text, lo, toks[k].start, language, depth + 1) if k > 0 else None
    if is_name_segment(seg, v):
        mention = classify(text, seg, language)
        if mention is not None and has_left:
            k = j - 1
            while k >= 0 and toks[k].text not in ",;":
                k -= 1
            left = toks[k + 1 : j]
            if left and left[0].is_word and left[0].lower in v.titles:
                mention = with_apposition(text, mention, left, language)
        return mention
    if (
        has_left
        and len(words) <= MAX_APPOSITION_WORDS
        and (
            words[0].is_cap or first in v.lex.determiners or any(w.lower in v.roles for w in words)
        )
    ):
        # "Senator Ana Lopez, Democrat of Ohio, said": a named person before any apposition
        name = subject_before(text, lo, toks[j].start, language, depth + 1)
        return _described(text, name, seg, language)
    return None


def _portfolio_tail(
    text: str, lo: int, toks: list[Token], j: int, seg: list[Token], language: str, depth: int
) -> Mention | None:
    """ "He Lin, Minister of Agriculture, Fisheries and Forestry, said": the segment before
    the cue ends a portfolio list a title opened, so the person before the title speaks
    ("Forestry" is no name)."""
    v = vocab(language)
    words = [t for t in seg if t.is_word]
    joins = v.lex.subject_conjunctions
    if depth >= 2 or not any(t.lower in joins for t in words):
        return None
    if not all(t.is_cap or t.lower in joins for t in words):
        return None
    k = j - 1
    while k >= 0 and toks[k].text not in ",;":
        k -= 1
    left = toks[k + 1 : j]
    if k < 1 or toks[k].text != "," or not left or not left[0].is_word:
        return None
    if left[0].lower not in v.titles and not is_role_segment(left, v):
        return None
    name = subject_before(text, lo, toks[k].start, language, depth + 1)
    if name is None or name.kind != "person" or name.pronoun is not None:
        return None
    return _described(text, name, [*left, *seg], language)


def _titled_name(
    text: str, toks: list[Token], j: int, seg: list[Token], language: str
) -> Mention | None:
    """ "Kandidat doktor Universitas Kobe, dokter Adam Prabata, mengatakan": the segment
    before the cue is a lower-case title and a name, so the name speaks; the words before
    its comma (a role) are its role, not the speaker."""
    v = vocab(language)
    words = [t for t in seg if t.is_word]
    if len(words) < 3 or words[0].is_cap or words[0].lower not in v.titles:
        return None
    if not all(t.is_cap for t in words[1:]):
        return None
    named = classify(text, seg, language)
    if named is None or named.kind != "person" or named.pronoun is not None:
        return None
    k = j - 1
    while k >= 0 and toks[k].text not in ",;":
        k -= 1
    left = toks[k + 1 : j]
    return with_apposition(text, named, left, language) if is_role_segment(left, v) else named


def _described(text: str, name: Mention | None, seg: list[Token], language: str) -> Mention | None:
    """The subject before an apposition `seg`: a named person takes it as role and
    affiliation; a named body is described by it ("National Nurses United, the super PAC,
    has reported", "The Society for River Safety, a charity, said"); anyone else is none."""
    if name is None or name.pronoun is not None:
        return None
    if name.kind == "person":
        return with_apposition(text, name, seg, language)
    if name.kind in _DESCRIBED_KINDS and name.name[:1].isupper():
        return name
    return None


def _residence_start(toks: list[Token], j: int, seg: list[Token], v: Vocab) -> int | None:
    """Where a residence apposition before a cue opens: "…, of Fairfax, Va.,", "…, of
    Dayton, Ohio,", "…, 61, of Bowie, Md.,". `seg` is the segment after the comma at `j`.

    Returns the index of the comma before the residence (and an age before it), -1 when it
    is a residence with no parseable subject before it, or None when `seg` is no residence.
    The state of "Fairfax, Va." must not become the speaker."""
    if _residence_link(seg, v):
        k = j
    elif state_segment(seg, v) or is_name_segment(seg, v):
        k = j - 1
        while k >= 0 and toks[k].text not in ",;(":
            k -= 1
        left = toks[k + 1 : j]
        if not _residence_link(left, v):
            if _name_in_place(left, seg, v):
                return j  # "Budi Santoso di Bandung, Jawa Barat, mengatakan": Budi speaks
            # "officials at a house in Chappaqua, N.Y., said": the place ends a longer subject
            return -1 if state_segment(seg, v) else None
        if k < 0 or toks[k].text != ",":
            return -1
    else:
        return None
    m = k - 1
    while m >= 0 and toks[m].text not in ",;(":
        m -= 1
    age = toks[m + 1 : k]
    if m >= 0 and toks[m].text == "," and len(age) == 1 and age[0].text.isdigit():
        k = m  # "Mary Cole, 61, of Bowie, Md.,"
    return k


def _trailing_residence(toks: list[Token], i: int, v: Vocab) -> int | None:
    """`_residence_start` for a state abbreviation that ends the window ("…, Md.")."""
    j = i - 1 if toks[i].text == "." else i
    if j < 1 or toks[j].text not in v.lex.place_abbreviations or toks[j - 1].text != ",":
        return None
    return _residence_start(toks, j - 1, toks[j : i + 1], v)


def _residence_link(seg: list[Token], v: Vocab) -> bool:
    """ "of Fairfax", "from Bowie": a residence link and capitalised place words."""
    words = [t for t in seg if t.is_word]
    return (
        len(words) >= 2
        and words[0].lower in v.lex.residence_links
        and all(t.is_cap for t in words[1:])
    )


def _name_in_place(seg: list[Token], region: list[Token], v: Vocab) -> bool:
    """ "Mary Lane of Springfield", "Budi Santoso di Bandung": a capitalised name, a link and
    a capitalised place, so the region after the next comma ("Ill.", "Jawa Barat") belongs
    to the place, and the name before the link speaks.

    After a role ("Epidemiolog Indonesia di Griffith University, Dicky Budiman,") the
    segment after the comma is the person's name, unless it is one word ("…, Papua,")."""
    words = [t for t in seg if t.is_word]
    m = place_link(words, v)
    if m is None:
        return False
    head, place = words[:m], words[m + 1 :]
    if not all(t.is_cap for t in head) or not all(t.is_cap for t in place):
        return False
    titled = any(t.lower in v.titles or t.lower in v.roles for t in head)
    return not titled or len([t for t in region if t.is_word]) == 1


def state_segment(seg: list[Token], v: Vocab) -> bool:
    """ "Va." or "N.Y.": a state abbreviation standing alone between commas."""
    words = [t for t in seg if t.is_word]
    return len(words) == 1 and words[0].text.strip(".") in v.lex.place_abbreviations


def clause_subject(text: str, lo: int, toks: list[Token], i: int, language: str) -> Mention | None:
    """The subject opening the clause: "Kim memuji … dan menyatakan" -> Kim."""
    v = vocab(language)
    j = i - 1
    while j >= 0 and toks[j].text not in ",;:":
        j -= 1
    np = np_after(text, toks, j + 1, v)
    if not np:
        return None
    return classify(text, np, language)


def leading_subject(text: str, start: int, end: int, language: str) -> Mention | None:
    """The person a sentence is about, for later pronouns: "Pemimpin Korea Utara, Kim Jong Un,"."""
    v = vocab(language)
    if text[start] in QUOTE_CHARS:
        return None  # a sentence opening with a quote has no narrative subject
    toks = tokenize(text, start, min(end, start + 120))
    segs: list[list[Token]] = []
    cur: list[Token] = []
    for tok in toks:
        if tok.text in ",;:":
            segs.append(cur)
            cur = []
            if len(segs) >= 4:
                break
        else:
            cur.append(tok)
    else:
        segs.append(cur)
    for k, seg in enumerate(segs[:3]):
        words = [t for t in seg if t.is_word]
        if not words:
            continue
        first = words[0].lower
        if first in v.lex.adverbial_openers or first in {b.lower() for b in v.lex.based_on}:
            continue
        # "Pengajar sosiologi UNJ, Rakhmat,", "An economist at the bank, Mark Brett,"
        titled = first in v.titles or is_role_segment(seg, v)
        if titled and k + 1 < len(segs) and is_name_segment(segs[k + 1], v):
            named = classify(text, segs[k + 1], language)
            if named is not None and named.kind == "person":
                return with_apposition(text, named, seg, language)
        np = np_after(text, seg, 0, v)
        if not np:
            return None
        mention = classify(text, np, language)
        if mention is None or mention.pronoun is not None or mention.kind == "unknown":
            return None
        if mention.kind == "person":
            if mention.name == mention.surface and mention.role is None and not np[-1].is_cap:
                return None
            if k + 1 < len(segs) and _company_apposition(segs[k + 1], v):
                return _as_company(mention)
        return mention  # organisations and groups too: "They"/"mereka" may mean them
    return None


# Words that end a company apposition's head: "the parent company of Google".
_HEAD_ENDS = frozenset({"of", "for", "in", "behind", "that", "which"})


def _company_apposition(seg: list[Token], v: Vocab) -> bool:
    """Whether an apposition says its name is a company: "Betacorp, the parent company of
    Gamma," (a determiner, then a head noun only a company has before "of" or the end);
    "Smith, the company's chief," has the role as its head and stays a person."""
    words = [t.lower for t in seg if t.is_word]
    if len(words) < 2 or words[0] not in v.lex.definite_determiners:
        return False
    body = words[1:]
    cut = next((i for i, w in enumerate(body) if w in _HEAD_ENDS), len(body))
    if cut == 0:
        return False
    kinds = v.lex.definite_heads.get(body[cut - 1])
    return kinds == ("organization",)


def _as_company(mention: Mention) -> Mention:
    """The bare name an apposition called a company, as an organisation: a later "the
    company" may stand for it."""
    return Mention(
        mention.surface,
        mention.start,
        mention.end,
        mention.name,
        "organization",
        None,
        mention.affiliation,
        mention.state_media,
        mention.pronoun,
    )
