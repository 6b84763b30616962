"""The source of an according-to phrase as news copy writes it, and where its clause starts.

"Menurut Direktur Asosiasi Gula Indonesia (AGI) Budi Hidayat, Rabu (29/4/2020), harga …":
an acronym in parentheses inside the name and a date after it; "Menurut Dekan Fakultas
Hukum, Yogyakarta, Sigit Riyanto, …": a place, then the name; "Kejadian itu, menurut Ahmad,
ditemukan …": the phrase set off inside the clause it attributes; "Dianggap berakhir
Menurut X, …": a subheading glued to the sentence (the copy lost its line break).
"""

from __future__ import annotations

from tracker.extract.cues import CueMatch
from tracker.extract.document_sources import AUTHOR_KINDS
from tracker.extract.noun_phrases import (
    MAX_NAME_TOKENS,
    is_name_segment,
    is_role_segment,
    np_after,
)
from tracker.extract.speakers import Mention, classify
from tracker.extract.tokens import Token, Vocab, vocab

MIN_PARENTHETICAL_WORDS = 2  # words of the clause after ", menurut X," for it to resume


def glued_heading(text: str, lo: int, m: CueMatch) -> bool:
    """Whether a capitalised "Menurut"/"According" follows a word with no punctuation
    between: a subheading the copy glued to the sentence, which really starts here."""
    if m.start() <= lo or not m.group()[:1].isupper():
        return False
    before = text[lo : m.start()].rstrip()
    return bool(before) and before[-1].isalnum()


def parenthetical(toks: list[Token], k: int, v: Vocab) -> bool:
    """Whether the source at token `k` is set off by commas with the clause going on after
    it ("Kejadian itu, menurut Ahmad, ditemukan di Bali")."""
    if k >= len(toks) or toks[k].text != ",":
        return False
    rest = [t for t in toks[k + 1 :] if t.is_word]
    return len(rest) >= MIN_PARENTHETICAL_WORDS and rest[0].lower not in v.lex.complementizers


def source_tail(
    text: str, toks: list[Token], source: Mention, k: int, language: str
) -> tuple[Mention, int]:
    """The source with the rest of its name: past an acronym in parentheses ("Asosiasi
    Gula Indonesia (AGI) Budi Hidayat"), or past a one-word place to the name after it
    ("Dekan Fakultas Hukum, Yogyakarta, Sigit Riyanto"). Returns it and the index of the
    token after it."""
    v = vocab(language)
    n = len(toks)
    if source.kind == "document" and k + 1 < n and toks[k].lower in v.lex.claim_agents:
        # "according to recent data from comScore": the document's author is the source
        for np in (np_after(text, toks, k + 1, v), _word_run(toks, k + 1)):
            author = _author_of(text, np, language)
            if author is not None:
                return author, toks.index(np[-1]) + 1
    longer_role = _role_with_coordinator(text, toks, source, k, language)
    if longer_role is not None:
        return longer_role
    if k + 3 < n and toks[k].text == "(" and toks[k + 2].text == ")" and toks[k + 1].is_word:
        j = k + 3
        while j < n and j - k - 3 < MAX_NAME_TOKENS and toks[j].is_word and toks[j].is_cap:
            j += 1
        if j > k + 3 and (j == n or toks[j].text == ","):
            first = next(i for i, t in enumerate(toks) if t.start >= source.start)
            longer = classify(text, toks[first:j], language)
            if longer is not None and longer.kind == "person":
                return longer, j
    if k < n and toks[k].text == "," and len(source.name.split()) == 1 and source.kind == "person":
        j = k + 1
        while j < n and toks[j].text not in ",;.":
            j += 1
        seg = toks[k + 1 : j]
        words = [t for t in seg if t.is_word]
        if j < n and toks[j].text == "," and len(words) >= 2 and is_name_segment(seg, v):
            named = classify(text, seg, language)
            if named is not None and named.kind == "person":
                surface = text[source.start : named.end]
                role = text[source.start : toks[k].start]
                return Mention(surface, source.start, named.end, named.name, "person", role), j
    return source, k


MAX_ROLE_TOKENS = 16  # "Kepala Seksi Pasca Panen dan Pengolahan Hasil Pertanian DKPKP Eti Rohaeti"


def _role_with_coordinator(
    text: str, toks: list[Token], source: Mention, k: int, language: str
) -> tuple[Mention, int] | None:
    """ "Menurut Kepala Seksi Pasca Panen dan Pengolahan Hasil X Eti Rohaeti, …",
    "according to Minister of Trade and Industry Ana Lopez, …": a role whose name holds
    "dan"/"and" runs on, in capitalised words, to the person's name before the comma."""
    v = vocab(language)
    n = len(toks)
    if not (k < n and toks[k].is_word and toks[k].lower in v.lex.coordinators):
        return None
    j = k + 1
    while j < n and j - k <= MAX_ROLE_TOKENS and toks[j].is_word and toks[j].is_cap:
        j += 1
    if j == k + 1 or (j < n and toks[j].text != ","):
        return None
    first = next(i for i, t in enumerate(toks) if t.start >= source.start)
    if source.role is None and toks[first].lower not in v.titles:
        return None  # "according to Lopez and Ruiz": two people, no role's name
    longer = classify(text, toks[first:j], language)
    return (longer, j) if longer is not None and longer.kind == "person" else None


def _author_of(text: str, np: list[Token], language: str) -> Mention | None:
    """The author a phrase after "from"/"by" names: a person, a body, an outlet, an
    anonymous group, or a name the parsers do not know ("comScore")."""
    if not np:
        return None
    author = classify(text, np, language)
    if (author is None or author.kind == "unknown") and _named(np):
        name = text[np[0].start : np[-1].end]
        return Mention(name, np[0].start, np[-1].end, name, "organization")
    if author is None or author.pronoun is not None:
        return None
    return author if author.kind in AUTHOR_KINDS or author.kind == "anonymous" else None


def _named(words: list[Token]) -> bool:
    return any(not ch.islower() for t in words for ch in t.text if ch.isalpha())


def _word_run(toks: list[Token], k: int) -> list[Token]:
    """The words from `k` up to punctuation ("comScore" of "data from comScore."), at most
    a name's length; empty when punctuation does not close them."""
    j = k
    while j < len(toks) and toks[j].is_word and j - k <= MAX_NAME_TOKENS:
        j += 1
    return toks[k:j] if j > k and (j == len(toks) or not toks[j].is_word) else []


def after_adjunct(text: str, toks: list[Token], k: int, v: Vocab) -> int:
    """Where the clause starts after the comma at token `k`: past a date set off by commas
    ("…, Rabu (29/4/2020), harga …"), else right after the comma."""
    j = k + 1
    seen = False
    while j < len(toks) and toks[j].text != ",":
        tok = toks[j]
        if tok.is_word and tok.lower not in v.lex.time_words and not tok.text[0].isdigit():
            return toks[k].end
        seen = seen or tok.is_word
        if not tok.is_word and tok.text not in "()/.-":
            return toks[k].end
        j += 1
    if seen and j < len(toks):
        return toks[j].end
    return toks[k].end


MAX_ACCESS_TOKENS = 12  # "yang dikutip pada Senin (16/11/2020)"


def past_access_clause(toks: list[Token], k: int, v: Vocab) -> int:
    """The comma after a publication participle and its time that close a source phrase
    ("data from X released Sunday, …", "data X yang dikutip Minggu (26/7/2020), …"): when
    and how the writer got the document, no part of the clause after it. `k` unchanged when
    the words at `k` are no such participle, or hold more than a time."""
    lex = v.lex
    j = k
    if j + 2 < len(toks) and toks[j].text == "(" and toks[j + 2].text == ")":
        j += 3  # "data Badan Pusat Statistik (BPS) yang dikutip …": the acronym first
    if j < len(toks) and toks[j].lower in lex.relative_markers:
        j += 1
    if j >= len(toks) or toks[j].lower not in lex.document_participles:
        return k
    end = min(len(toks), j + MAX_ACCESS_TOKENS)
    j += 1
    while j < end and toks[j].text != ",":
        tok = toks[j]
        if tok.is_word:
            low = tok.lower
            if not (low in lex.time_words or low in v.links or tok.text[0].isdigit()):
                return k
        elif tok.text not in "()/.-":
            return k
        j += 1
    return j if j < end else k


MAX_TITLE_TOKENS = 24  # a report's title in quote marks
_TITLE_MARKS = frozenset('"“”„«»')


def past_title(toks: list[Token], k: int, v: Vocab) -> int:
    """Past a document's title in quote marks after its source ("data Bank Dunia bertajuk
    ”…”, …", "a report titled “…”, …"): the title names the document, no quotation. `k`
    unchanged when no closed title stands there."""
    j = k + 1 if k < len(toks) and toks[k].lower in v.lex.title_markers else k
    if j >= len(toks) or toks[j].text not in _TITLE_MARKS:
        return k
    end = min(len(toks), j + MAX_TITLE_TOKENS)
    close = next((x for x in range(j + 1, end) if toks[x].text in _TITLE_MARKS), None)
    if close is None or close + 1 >= len(toks) or toks[close + 1].text != ",":
        return k
    return close + 1


MIN_TAIL_WORDS = 3  # "…, according to X, the plan failed": words of the clause after X


def parenthetical_tail(text: str, toks: list[Token], k: int, language: str) -> int | None:
    """Where the clause resumes after "according to X," set off inside it (past a role
    apposition of X: "according to Dana Ross, a former envoy, was …"), or None when X ends
    the sentence or a new clause follows it ("…, according to X, although …"); a
    conditional goes on with X's claim ("Sebab, menurut dia, jika …, masyarakat …")."""
    v = vocab(language)
    if k >= len(toks) or toks[k].text != ",":
        return None
    j = k + 1
    while j < len(toks) and toks[j].text not in ",;.":
        j += 1
    seg = toks[k + 1 : j]
    if (
        j < len(toks)
        and toks[j].text == ","
        and seg
        and is_role_segment(seg, v)
        and not any(_prefixed_verb(t, v) for t in seg)
    ):
        k = j  # "according to Dana Ross, a former envoy, …" (not "menurut X, beberapa
        # daerah mengalami …,": a clause with its verb is X's claim)
    rest = toks[k + 1 :]
    words = [t for t in rest if t.is_word]
    if len(words) < MIN_TAIL_WORDS or not (rest[0].is_word or rest[0].text in "$€£\"“‘'"):
        return None
    first = rest[0].lower
    if (
        first in v.lex.coordinators
        or first in v.lex.relative_markers
        or first in v.lex.clause_splitters
    ):
        return None  # "…, according to X, although Y": X's statement ends before it
    return toks[k].end


def _prefixed_verb(tok: Token, v: Vocab) -> bool:
    """An Indonesian verb by its prefix ("mengalami", "berharap"), no role or known
    non-verb ("mengenai", "beberapa"); none in a language without verb prefixes."""
    low = tok.lower
    return (
        bool(v.lex.verb_prefixes)
        and low.startswith(v.lex.verb_prefixes)
        and len(low) > 5
        and low not in v.lex.prefixed_non_verbs
        and low not in v.roles
        and low not in v.titles
    )
