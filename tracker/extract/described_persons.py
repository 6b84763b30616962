"""Person descriptions: "the campaign manager" is the person a title or apposition named."""

from __future__ import annotations

import itertools

import regex

from tracker.extract.noun_phrases import is_name_segment, np_after
from tracker.extract.speakers import Mention, classify, with_apposition
from tracker.extract.tokens import Token, Vocab, tokenize

LOOKBACK = 2500  # how far back a description looks for the name its role came with
MAX_BODY_WORDS = 8  # "the independent Vermont senator and Democratic presidential candidate"
NAME_WINDOW = 60  # the characters after a title that hold the name it leads
APPOSITION_WINDOW = 80  # the characters before a role that an apposition's name ends in
_WORD_re = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\-]*+")
_STOPS = frozenset('.!?;:"“”()')
_SENTENCE_MARKS = ("\n", ". ", "! ", "? ", '"', "“", "”")


def role_heads(mention: Mention, v: Vocab) -> tuple[str, ...]:
    """The role nouns of a definite description of one person that names nobody ("the
    two-term president" -> ("president",)), else ()."""
    if mention.kind != "person" or mention.pronoun is not None or mention.role is not None:
        return ()
    if mention.name != mention.surface or mention.affiliation is not None:
        return ()  # a name of its own: "campaign manager Ana Ruiz"
    body = _body(mention.surface, v)
    low = [w.lower() for w in body]
    link = next((k for k, w in enumerate(low) if w in v.links), len(low))
    low = low[:link]  # "the secretary of state": the head comes before its complement
    # the head of each conjunct: a role word no other role word follows ("campaign manager")
    heads = [
        w
        for k, w in enumerate(low)
        if w in v.roles and (k + 1 == len(low) or low[k + 1] not in v.roles)
    ]
    if any(_plural(w, v) for w in heads):
        return ()  # "the leaders": a group, never one person named before
    return tuple(dict.fromkeys(heads))


def _body(surface: str, v: Vocab) -> list[str]:
    """The words of a definite description between its determiner or demonstrative, or []
    for no such description ("the host of a radio show" holds an article: a phrase)."""
    words: list[str] = _WORD_re.findall(surface)
    lex = v.lex
    if len(words) < 2:
        return []
    if words[0].lower() in lex.definite_determiners:
        body = words[1:]
    elif words[-1].lower() in lex.definite_demonstratives:
        body = words[:-1]
    else:
        return []
    if len(body) > MAX_BODY_WORDS or any(
        w.endswith(lex.possessive_suffixes) or w.lower() in lex.determiners for w in body
    ):
        return []  # "the company's president" is someone the company has, not one named
    return body


def _plural(word: str, v: Vocab) -> bool:
    return any(word.endswith(s) and word[: -len(s)] in v.roles for s in v.lex.plural_suffixes)


def named_before(text: str, mention: Mention, v: Vocab, language: str) -> Mention | None:
    """The person an earlier title or apposition named with the description's role noun,
    or None: "… campaign manager Ana Ruiz … the campaign manager said …" is Ana Ruiz.

    Why: a news text introduces a person with a role once, by name ("President Ana Ruiz",
    "Ana Ruiz, the campaign's manager"), then refers to them by the role alone, and the
    speaker the guide wants is the named person. The description is a definite one ("the"
    + modifiers + a role noun, or an Indonesian role closed by "tersebut"/"itu") that names
    nobody itself; the person is the nearest one written before it (within `LOOKBACK`
    characters) with that role noun or its clipped title ("Sen." for "senator"), right
    before the name or in an apposition right after it, for the same office
    (`_same_office`). Nobody fitting: the description stays a source of its own."""
    heads = role_heads(mention, v)
    if not heads:
        return None
    clipped = [k for k, full in v.lex.title_abbreviations.items() if full in heads]
    forms = [regex.escape(h) for h in heads] + [regex.escape(k) + r"\." for k in clipped]
    pattern = regex.compile(
        r"(?<![\p{L}\p{N}\-])(?:" + "|".join(forms) + r")(?![\p{L}\p{N}\-])", regex.I
    )
    since = max(0, mention.start - LOOKBACK)
    words: list[str] = _WORD_re.findall(mention.surface)
    described = {w.lower() for w in words}
    places = {w.lower() for w in words[1:] if w[0].isupper()}
    spans: list[tuple[int, int]] = [
        (m.start(), m.end()) for m in pattern.finditer(text, since, mention.start)
    ]
    for start, end in reversed(spans):
        if not _same_office(text, start, described, places, v):
            continue
        named = _name_after(text, end, v, language, described) or _name_before(
            text, start, end, v, language
        )
        if named is not None:
            # the description is how the text named the person here: a surface of theirs
            return Mention(
                mention.surface,
                mention.start,
                mention.end,
                named.name,
                "person",
                named.role,
                named.affiliation,
            )
    return None


def _same_office(text: str, pos: int, described: set[str], places: set[str], v: Vocab) -> bool:
    """Whether the title at `pos` is the office the description names: "Vice President
    Ana" is no "the president", "President Ana" no "the former president" (the qualifiers
    before the title and in the description are the same), and "Florida Gov. Ana" no "the
    Ohio governor" (capitalised words before the title, when both have some, share one)."""
    window = text[max(0, pos - 40) : pos]
    cut = max(window.rfind(mark) for mark in _SENTENCE_MARKS)
    qualifiers = v.lex.office_qualifiers
    caps: set[str] = set()
    found: set[str] = set()
    for word in reversed(_WORD_re.findall(window[cut + 1 :])[-4:]):
        low = word.lower()
        if low in qualifiers:
            found.add(low)
        elif word[0].isupper():
            caps.add(low)
        else:
            break
    if found != described & qualifiers:
        return False
    return not (places and caps) or not places.isdisjoint(caps)


def _name_after(
    text: str, pos: int, v: Vocab, language: str, described: set[str]
) -> Mention | None:
    """ "President Ana Ruiz", "campaign manager Ana Ruiz": the name a title leads. Words
    between the title and the name say whose title it is ("Gubernur Jawa Barat Ana"): the
    description must hold them, or it describes someone else's ("the Ohio governor")."""
    toks = tokenize(text, pos, min(len(text), pos + NAME_WINDOW))
    if not toks or not toks[0].is_cap:
        return None
    run = np_after(text, toks, 0, v)
    k = toks.index(run[-1]) + 1 if run else 0
    if k < len(toks) and toks[k].text == ",":
        seg = list(itertools.takewhile(lambda t: t.text not in ",.;:", toks[k + 1 :]))
        if seg and is_name_segment(seg, v):
            return None  # "Wali Kota Bandar Lestari, Ana": a place or a name, unsure which
    named = _person(text, run, v, language)
    if named is None:
        return None
    at = text.find(named.name, pos)
    between = _WORD_re.findall(text[pos:at]) if at > pos else []
    if any(w.lower() not in described for w in between):
        return None
    return named


def _name_before(text: str, pos: int, end: int, v: Vocab, language: str) -> Mention | None:
    """ "Ana Ruiz, the campaign's manager,": the name an apposition with the role closes
    follows; the apposition ends at the role (a comma or a stop after it)."""
    after = text[end : end + 2].lstrip(" ")
    if not after or after[0] not in ",.;)":
        return None  # "in Chelsea, the mayor also said": a subject, no apposition
    toks = tokenize(text, max(0, pos - APPOSITION_WINDOW), pos)
    comma = next((j for j in range(len(toks) - 1, -1, -1) if toks[j].text == ","), None)
    if comma is None or any(t.text in _STOPS for t in toks[comma + 1 :]):
        return None
    between = [t for t in toks[comma + 1 :] if t.is_word]
    if not between or (between[0].lower not in v.lex.determiners and not between[0].is_cap):
        return None  # an apposition opens with a determiner or a possessor's name
    start = comma
    while start > 0 and (toks[start - 1].is_cap or toks[start - 1].lower in v.connectors):
        start -= 1
    run = toks[start:comma]
    if not run or not is_name_segment(run, v):
        return None
    return _person(text, run, v, language)


def _person(text: str, toks: list[Token], v: Vocab, language: str) -> Mention | None:
    words = [t for t in toks if t.is_word]
    if not words or not all(t.is_cap or t.lower in v.connectors for t in words):
        return None
    if words[-1].lower.endswith(v.lex.possessive_suffixes):
        return None  # "nominee Ana Ruiz’s rival": the name of someone else's
    mention = classify(text, toks, language)
    if mention is None or mention.kind != "person" or mention.pronoun is not None:
        return None
    return mention


def named_by_apposition(
    text: str, np: list[Token], mention: Mention, seg: list[Token], language: str, v: Vocab
) -> Mention | None:
    """ "…," the city spokesman, Ana Ruiz, said: the description's name in the commas
    after it is the speaker, with the description as the role; None when `mention` is no
    such description or `seg` no person's name."""
    if mention.kind not in ("person", "anonymous") or mention.pronoun is not None:
        return None
    if mention.name != mention.surface or not any(t.lower in v.roles for t in np):
        return None
    if not seg or not is_name_segment(seg, v):
        return None
    named = classify(text, seg, language)
    if named is None or named.kind != "person" or named.pronoun is not None:
        return None
    return with_apposition(text, named, np, language)
