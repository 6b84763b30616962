"""Speaker mentions: sorting a noun phrase into a source kind, a person's role from the name."""

from __future__ import annotations

import functools

import regex

from tracker.extract.document_sources import document_author
from tracker.extract.gates import WordGate
from tracker.extract.lexicon import load_lexicon, outlet_index
from tracker.extract.mentions import Mention as Mention  # re-exported: its old home
from tracker.extract.noun_phrases import MAX_NAME_TOKENS, initials, slash_joined, trim_np
from tracker.extract.org_names import organization_run
from tracker.extract.outlet_mentions import (
    named_outlet,
    outlet_affiliation,
    outlet_before_name,
    surname_outlet,
)
from tracker.extract.patterns import Patterns, patterns_for
from tracker.extract.tokens import Token, Vocab, vocab

# The capitalised words right after a title: "Joko Widodo" of "Presiden Joko Widodo menjadi".
_CAPS_AFTER_re = regex.compile(r"\G[ \t]++(\p{Lu}[\p{L}\p{M}'’.\-]*+)")

# Determiners that make a group: "para nelayan Desa X" is never a person named X.
_PLURAL = frozenset({"para", "sejumlah", "beberapa"})


def _settled(
    text: str, surface: str, toks: list[Token], words: list[Token], v: Vocab
) -> tuple[bool, Mention | None]:
    """A phrase decided by its form alone: one word (a pronoun, a listed name), or names
    joined by slashes ("CNN/WMUR", the pollsters of a joint poll; read apart, the second
    became a person of the first outlet). (False, None) when its words must decide."""
    start, end = toks[0].start, toks[-1].end
    if len(words) == 1:
        return _one_word(text, surface, start, end, words[0], v)
    if slash_joined(text, toks):
        return True, Mention(surface, start, end, surface, "organization")
    return False, None


INVISIBLE = dict.fromkeys(
    map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e")
)
"""Format characters a name may hold in web copy (soft hyphen, zero-width spaces and
joiners, direction marks): `str.translate` drops them from a name's surface."""


def _surface(text: str, toks: list[Token]) -> str:
    """The words of a noun phrase as written, without the invisible characters copy may
    leave inside a name (a soft hyphen in "Dana Marsh" leaves one source, "Dana Marsh")."""
    surface = text[toks[0].start : toks[-1].end]
    return surface.translate(INVISIBLE) if not surface.isascii() else surface


def classify(text: str, toks: list[Token], language: str) -> Mention | None:
    """Sort a noun phrase into a source kind and split a person's role from the name."""
    v = vocab(language)
    toks = trim_np(toks, v)
    if not toks:
        return None
    surface = _surface(text, toks)
    start, end = toks[0].start, toks[-1].end
    words = [t for t in toks if t.is_word]
    if not words:
        return None
    decided, settled = _settled(text, surface, toks, words, v)
    if decided:
        return settled
    if any(t.lower in v.lex.document_nouns for t in words):
        owner = v.lex.possessive_pronouns.get(words[0].lower)
        if owner is not None and words[-1].lower in v.lex.document_nouns:
            # "His statement said …": the statement's owner, whom the pronoun stands for
            return Mention(surface, start, end, surface, "person", pronoun=owner)
        author = document_author(text, toks, words, v, classify)
        if author is not None:
            # "a statement by ENOF", "X's annual report", "data BPS": the author speaks
            return Mention(
                surface,
                start,
                end,
                author.name,
                author.kind,
                author.role,
                author.affiliation,
                author.state_media,
            )
    pats = patterns_for(language)
    match = _outlet_match(text, start, end, pats)
    named = named_outlet(text, words, v, match)
    if named is not None:
        # "the official Tass news agency", "Yonhap news agency": an outlet, whatever its head
        return Mention(
            surface, start, end, named[0] or surface, "news_outlet", state_media=named[1]
        )
    # "the Center for Responsive Politics"; "a naval source in the Gulf"
    unlinked = _organization(text, surface, start, end, words, v) or _anonymous_in_place(
        surface, start, end, words, v
    )
    if unlinked is not None:
        return unlinked
    placed = _name_then_place(text, toks, words, v)
    if placed is not None:
        return placed
    kind = _head_kind(words, v, language)
    if kind is not None:
        return Mention(surface, start, end, surface, kind)
    outlet = _outlet(surface, start, end, words, v, match)
    if outlet is not None:
        return outlet
    if len(words) == 1 and words[0].text in v.known:
        return Mention(surface, start, end, surface, "government_body")
    unnamed = _unnamed_source(text, surface, toks, words, v, pats)
    if unnamed is not None:
        return unnamed
    return _person(text, toks, words, v, surface, match)


def _organization(
    text: str, surface: str, start: int, end: int, words: list[Token], v: Vocab
) -> Mention | None:
    """ "the Center for Responsive Politics", "Cable and Wireless Plc": an organisation
    whose name holds link words, whole (`extract.org_names`)."""
    organization = organization_run(words, v)
    if organization is None:
        return None
    first, kind = organization
    if any(w.lower not in v.lex.determiners for w in words[:first]):
        return Mention(surface, start, end, text[words[first].start : end], kind)
    return Mention(surface, start, end, surface, kind)  # "The Bank of England"


def _one_word(
    text: str, surface: str, start: int, end: int, word: Token, v: Vocab
) -> tuple[bool, Mention | None]:
    """A one-word phrase that decides itself: a pronoun ("they", "They're" without its
    auxiliary) or a word that names nobody ("A", "The", "one"). Returns whether it did."""
    low = word.lower
    suffixes = v.lex.contraction_suffixes
    if suffixes and low.endswith(suffixes):
        suffix = next(x for x in suffixes if low.endswith(x))
        stem = low[: -len(suffix)]
        if stem in v.lex.pronouns:
            end = start + len(stem)  # "They're saying": the pronoun without its auxiliary
            short = text[start:end]
            return True, Mention(short, start, end, short, "person", pronoun=v.lex.pronouns[stem])
    if low in v.lex.pronouns:
        return True, Mention(surface, start, end, surface, "person", pronoun=v.lex.pronouns[low])
    if low in v.lex.empty_subjects:
        return True, None  # "A" of "A floor fight …", "The" of "The paranoia …", "one": nobody
    return False, None


def _head_kind(words: list[Token], v: Vocab, language: str) -> str | None:
    """Institutions by head noun: English heads come last ("the Trump campaign"),
    Indonesian heads first ("badan intelijen Korea"); a report noun is a document."""
    content = [t for t in words if t.lower not in v.lex.determiners]
    if not content:
        return None
    head = content[-1].lower if language == "en" else content[0].lower
    head2 = " ".join(t.lower for t in content[-2:]) if language == "en" else ""
    kind = v.heads.get(head2) or v.heads.get(head)
    if kind is None and head in v.reports:
        kind = "document"
    return kind


def _outlet_match(text: str, start: int, end: int, pats: Patterns) -> regex.Match[str] | None:
    """The first listed outlet name inside a phrase, if any."""
    if pats.outlet_hint_re.search(text, start, end) is None:
        return None  # no outlet word at all: decided without the long alternation
    return pats.outlet_re.search(text, start, end)


def _outlet(
    surface: str,
    start: int,
    end: int,
    words: list[Token],
    v: Vocab,
    outlet_match: regex.Match[str] | None,
) -> Mention | None:
    """A listed news outlet heading the phrase (state media flagged); never a person named
    like one ("Michael Bloomberg") or named after one ("CNBC's Becky Quick")."""
    if outlet_match is not None and end not in (outlet_match.end(), outlet_match.end() + 1):
        # an outlet inside a longer name ("Ketua RT Bambang") is not the head of it
        outlet_match = None if outlet_match.start() != start else outlet_match
    if outlet_match is None:
        return None
    if surname_outlet(words, outlet_match, v) or outlet_before_name(words, outlet_match, v):
        return None
    outlet = outlet_index()[outlet_match.group("outlet")]
    state = outlet.state_media or any(t.lower in v.lex.state_markers for t in words)
    return Mention(surface, start, end, outlet.name, "news_outlet", state_media=state)


def _unnamed_source(
    text: str, surface: str, toks: list[Token], words: list[Token], v: Vocab, pats: Patterns
) -> Mention | None:
    """An anonymous source: an indefinite group ("a police spokesman", "para nelayan",
    "several Democrats"), a phrase after an article ("a White House spokesman"), or a
    listed anonymous phrase ("sumber", "officials")."""
    start, end = toks[0].start, toks[-1].end
    first = words[0].lower
    cut = next(
        (k for k, t in enumerate(words) if k and t.lower in v.links and not t.is_cap), len(words)
    )
    if (
        first in v.lex.indefinites
        and first in v.lex.determiners
        and (
            not any(t.is_cap for t in words[1:cut])
            or (first in _PLURAL and len(words) > 1 and not words[1].is_cap)
            # "Most Americans", "several Democrats": a quantifier and a plural is a group
            or (
                first not in v.lex.singular_indefinites
                and len(words) > 1
                and words[-1].lower.endswith(v.lex.plural_suffixes or ("\0",))
            )
        )
    ):
        # "a police spokesman", "a communications aide for Mr. Lyovochkin", "para nelayan"
        affiliation = _surface(text, words[cut + 1 :]) if cut + 1 < len(words) else None
        affiliation = affiliation or _caps_tail(text, words, v)
        return Mention(surface, start, end, surface, "anonymous", affiliation=affiliation)
    if first in v.lex.indefinite_articles and len(words) > 1 and toks[1].text != ".":
        # "a White House spokesman", "an Israeli official", "a Democrat": an article before
        # the phrase means nobody is named, however capitalised the words after it are
        return _unnamed(text, surface, start, end, words[1:])
    anon = (
        pats.anonymous_re.match(text, start, end)
        if _anonymous_gate(v.lex.language).may_start(text, start, end)
        else None
    )
    if anon is not None and (first in v.lex.indefinites or not _has_person_tail(words, v)):
        affiliation = _caps_tail(text, words, v)
        return Mention(surface, start, end, surface, "anonymous", affiliation=affiliation)
    return None


@functools.cache
def _anonymous_gate(language: str) -> WordGate:
    """The anonymous phrases `anonymous_re` matches, to rule out most phrases before it."""
    return WordGate(load_lexicon(language).anonymous)


def _anonymous_in_place(
    surface: str, start: int, end: int, words: list[Token], v: Vocab
) -> Mention | None:
    """ "a British naval source in the Gulf", "Western diplomats in Khartoum": an unnamed
    source with where it was; read as a name, the place became the speaker."""
    k = place_link(words, v)
    if k is None or words[k].lower not in v.lex.location_links:
        return None
    if words[0].lower in v.lex.definite_determiners:
        return None  # "the spokesman in Manila" may be someone named before
    head = words[:k]
    if head[-1].is_cap or head[-1].lower not in v.anonymous_nouns:
        return None
    return Mention(surface, start, end, surface, "anonymous")


def _name_then_place(text: str, toks: list[Token], words: list[Token], v: Vocab) -> Mention | None:
    """ "Mary Lane of Ohio", "Jeffrey Lewis of the Middlebury Institute", "Budi Santoso di
    Bandung", "Bank of America": capitalised words, a lower-case link, capitalised words.

    Read right to left like any other name, these made the place the speaker ("Ohio",
    "Bandung") and the person a role. A person's name before the link keeps the name and
    takes the words after it as affiliation, except after a location link ("in", "di"),
    which says where the speaker was. A lone institution head before the link ("Bank of
    America", "Department of Justice") names the institution."""
    k = place_link(words, v)
    if k is None:
        return None
    head, tail = words[:k], words[k + 1 :]
    if head[0].lower in v.lex.definite_determiners:
        head = head[1:]  # "The Department of Justice"
    if tail and tail[0].lower in v.lex.determiners and not tail[0].is_cap:
        tail = tail[1:]  # "of the Middlebury Institute"
    if (
        not tail
        or not tail[0].is_cap
        or not tail[-1].is_cap
        or not all(t.is_cap or t.lower in v.links or t.lower in v.connectors for t in tail)
        or not head
        or not all(t.is_cap for t in head)
    ):
        return None
    start, end = toks[0].start, toks[-1].end
    surface = text[start:end]
    if head[-1].lower in v.heads:
        # "the Department of Veterans Affairs", "the Bankruptcy Court in Manhattan"
        kind = v.heads[head[-1].lower]
        if words[k].lower in v.lex.location_links:
            return Mention(surface, start, end, _surface(text, head), kind)
        return Mention(surface, start, end, surface, kind)
    named = [
        t
        for t in head
        if t.lower not in v.titles
        and t.text.strip(".") not in v.honorifics
        and t.text not in v.lex.non_name_words
    ]
    if not named or named[-1] is not head[-1] or (len(named) == 1 and len(head) == 1):
        # "Secretary of State …", "UMWA Director of …": no personal name before the link
        return None
    head_toks = [t for t in toks if t.end <= head[-1].end]
    person = _person(text, head_toks, head, v, _surface(text, head_toks))
    if person is None or person.kind != "person":
        return None
    link = words[k].lower
    affiliation = person.affiliation
    if affiliation is None and link not in v.lex.location_links:
        affiliation = _surface(text, tail)
    return Mention(surface, start, end, person.name, "person", person.role, affiliation)


def _unnamed(text: str, surface: str, start: int, end: int, rest: list[Token]) -> Mention:
    """An anonymous source with its affiliation (the first capitalised run) and its role
    (the lower-case words that end the phrase): "a White House spokesman"."""
    k = next((i for i, t in enumerate(rest) if t.is_cap), len(rest))
    j = k
    while j < len(rest) and rest[j].is_cap:
        j += 1
    affiliation = _surface(text, rest[k:j]) if j > k else None
    tail = rest[j:] if j > k else rest
    role = _surface(text, tail) if tail and not any(t.is_cap for t in tail) else None
    return Mention(surface, start, end, surface, "anonymous", role, affiliation)


def _has_person_tail(words: list[Token], v: Vocab) -> bool:
    return bool(words) and words[-1].is_cap and words[-1].lower not in v.titles


def _caps_tail(text: str, words: list[Token], v: Vocab) -> str | None:
    tail: list[Token] = []
    for tok in reversed(words[1:]):
        if not tok.is_cap:
            break
        tail.append(tok)
    tail.reverse()
    return _surface(text, tail) if tail else None


def _person(
    text: str,
    toks: list[Token],
    words: list[Token],
    v: Vocab,
    surface: str,
    match: regex.Match[str] | None = None,
) -> Mention | None:
    start, end = toks[0].start, toks[-1].end
    name = _name_run(words, v)
    if not name:
        if len(words) == 1 and words[0].is_cap and words[0].lower in v.titles:
            named = titled_antecedent(text, start, words[0].text, v)
            if named is not None:
                return Mention(surface, start, end, named, "person", words[0].text)
        if any(t.lower in v.roles or t.lower in v.titles for t in words):
            return Mention(surface, start, end, surface, "person")
        return None
    if (
        len(words) > 1
        and words[1] is name[0]
        and words[0].lower in v.lex.noun_markers
        and words[0].lower not in v.lex.indefinites
        and words[0].lower not in v.lex.definite_determiners
    ):
        return None  # "his TV show", "their Senate seats": a name after a possessive is a thing
    if (
        words[0].lower in v.lex.definite_determiners
        and words[0].is_cap
        and len(words) > 1
        and words[1] is name[0]
    ):
        # "The Sierra Club": a name after "the" is an organisation, never a person
        return Mention(surface, start, end, surface, "organization")
    if (
        v.lex.acronyms_unknown
        and len(words) == 1
        and len(name[0].text) > 1
        and name[0].text.isupper()
        and not initials(name[0].text)
    ):
        # "TV" of "the reality TV show", "C2I plans": a bare acronym is no person we know
        return Mention(surface, start, end, surface, "unknown")
    prefix = [t for t in words if t.end <= name[0].start and t.text.strip(".") not in v.honorifics]
    role, affiliation = split_role(text, prefix, v)
    outlet_end = _outlet_prefix(text, name, v)
    if outlet_end is not None:
        # "the editorial board of the Washington Post Trump said" (a comma lost after the
        # paper): the outlet opening the name run, and the words before it, describe the
        # outlet, not the person; they are neither name nor role nor affiliation
        role, affiliation = None, None
        name = [t for t in name if t.start >= outlet_end]
    employer = outlet_affiliation(text, [t for t in words if t.end <= name[0].start], v, match)
    if employer is not None:
        role, affiliation = employer  # "Fox News host Sean Hannity": the host's outlet
    name_text = _surface(text, name)
    if len(name) > 1 and name[-1].text.strip(".") in v.lex.company_suffixes:
        return Mention(surface, start, end, name_text, "organization", None, affiliation)
    return Mention(surface, start, end, name_text, "person", role, affiliation)


TITLE_LOOKBACK = 6000  # how far back "Presiden" looks for "Presiden Joko Widodo"


def titled_antecedent(text: str, pos: int, title: str, v: Vocab) -> str | None:
    """The name a bare title stands for: "Menurut Presiden, …" after "Presiden Joko
    Widodo meresmikan …" is Joko Widodo (the last person named with that title before
    it, not with a longer title such as "Wakil Presiden")."""
    lo = max(0, pos - TITLE_LOOKBACK)
    found: str | None = None
    k = text.find(title, lo, pos)
    while k >= 0:
        after = k + len(title)
        before = text[max(lo, k - 24) : k].split()
        longer = bool(before) and f"{before[-1].lower()} {title.lower()}" in v.title_phrases
        if not longer and (k == 0 or not text[k - 1].isalnum()):
            toks = [t for t in _CAPS_AFTER_re.findall(text, after, min(pos, after + 60))]
            if toks:
                named = _name_run([Token(0, len(w), w) for w in (title, *toks)], v)
                if named:
                    found = " ".join(t.text for t in named)
        k = text.find(title, after, pos)
    return found


def _name_run(words: list[Token], v: Vocab) -> list[Token]:
    """The personal name ending the phrase, read right to left: capitalised words and
    connectors, up to a title, a determiner, an acronym or a portfolio before the name."""
    name: list[Token] = []
    for tok in reversed(words):
        if len(name) >= MAX_NAME_TOKENS:
            break
        if tok.lower in v.lex.determiners and not tok.is_cap:
            break  # "para": never part of a personal name
        titled = tok.lower in v.titles and (bool(name) or len(words) == 1)
        if tok.is_cap and not titled and tok.text.strip(".") not in v.honorifics:
            if (
                name
                and tok.text.isupper()
                and len(tok.text) > 1
                and not name[-1].text.isupper()
                and not initials(tok.text)
            ):
                break  # an acronym before a name is an affiliation: Bank OCBC NISP Parwati
            if name and tok.text in v.lex.non_name_words:
                break  # a portfolio or place before the name: Menteri Pertanian Budi
            name.append(tok)
        elif name and tok.lower in v.connectors:
            name.append(tok)
        else:
            break
    stopped_by = None
    if len(name) < len(words):
        stopped_by = words[len(words) - len(name) - 1]
    while name and name[-1].lower in v.connectors and not (name[-1].is_cap and len(name) > 1):
        name.pop()  # "de" of "Menteri de …"; a capitalised one opens the name: "Al Chaidar"
    name.reverse()
    if (
        name
        and len(name) < len(words)
        and all(t.text in v.lex.non_name_words for t in name)
        and any(t.lower in v.titles or t.lower in v.roles for t in words)
    ):
        return []  # "Kepala Dinas Pariwisata DKI Jakarta": a role with no personal name
    if (
        len(name) >= 3
        and stopped_by is not None
        and stopped_by.lower not in v.titles
        and (stopped_by.text.isupper() or stopped_by.text in v.lex.non_name_words)
    ):
        name = name[1:]  # "Komisioner KPU Sulut Meidy Tinangon": the place goes with KPU
    return name


def place_link(words: list[Token], v: Vocab) -> int | None:
    """The index of the first lower-case place link ("of", "at", "di") with words on both
    sides: "Mary Lane of Ohio", "Budi Santoso di Bandung"."""
    for i in range(1, len(words) - 1):
        if not words[i].is_cap and words[i].lower in v.lex.name_place_links:
            return i
    return None


def _outlet_prefix(text: str, name: list[Token], v: Vocab) -> int | None:
    """Where a listed news outlet that opens a name run ends, when a name follows it."""
    if len(name) < 2:
        return None
    pats = patterns_for(v.lex.language)
    start, end = name[0].start, name[-1].end
    if pats.outlet_hint_re.search(text, start, end) is None:
        return None  # no outlet word at all: decided without the long alternation
    found = pats.outlet_re.match(text, start, end)
    return None if found is None or found.end() >= name[-1].start else found.end()


def split_role(text: str, prefix: list[Token], v: Vocab) -> tuple[str | None, str | None]:
    """Split "direktur di James Martin Center" or "Pemimpin Korea Utara" into role/affiliation."""
    prefix = [t for t in prefix if t.is_word]
    while prefix and prefix[0].lower in v.lex.determiners and prefix[0].lower not in v.roles:
        prefix = prefix[1:]
    if not prefix:
        return None, None
    for k, tok in enumerate(prefix):
        # a capitalised link word belongs to a proper name: "Menteri Dalam Negeri"
        if k and tok.lower in v.links and not tok.is_cap and k + 1 < len(prefix):
            return _surface(text, prefix[:k]), _affiliation(text, prefix[k + 1 :], v)
    k = 0
    while k < len(prefix) and (
        prefix[k].lower in v.titles or prefix[k].lower in v.roles or not prefix[k].is_cap
    ):
        k += 1
    if k == 0:
        return None, _affiliation(text, prefix, v)
    role = _surface(text, prefix[:k])
    affiliation = _affiliation(text, prefix[k:], v) if k < len(prefix) else None
    return role, affiliation


def _affiliation(text: str, words: list[Token], v: Vocab) -> str | None:
    """The affiliation's surface: without a trailing "dr" that belongs to the name after it,
    and with the closing parenthesis of "PT Kereta Commuter Indonesia (KAI Commuter)"."""
    while words and words[-1].lower in v.lex.np_continuers:
        words = words[:-1]
    if not words:
        return None
    start, end = words[0].start, words[-1].end
    if text.count("(", start, end) > text.count(")", start, end) and text[end : end + 1] == ")":
        end += 1
    return text[start:end]


def with_apposition(text: str, mention: Mention, role_toks: list[Token], language: str) -> Mention:
    """Attach an apposition's role and affiliation to a person mention."""
    v = vocab(language)
    words = [t for t in role_toks if t.is_word]
    if not words or mention.kind not in ("person", "unknown"):
        return mention
    role, affiliation = split_role(text, words, v)
    if role is None and affiliation is not None:
        role, affiliation = affiliation, None
    return Mention(
        mention.surface,
        mention.start,
        mention.end,
        mention.name,
        "person",
        role or mention.role,
        affiliation or mention.affiliation,
        mention.state_media,
        mention.pronoun,
    )
