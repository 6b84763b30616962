"""Noun phrases: the run of tokens before or after a cue that may name a speaker."""

from __future__ import annotations

from tracker.extract.tokens import Token, Vocab

# A noun phrase never runs longer than this; it keeps every look-behind bounded.
MAX_NP_TOKENS = 14
MAX_NAME_TOKENS = 4


def _np_token(tok: Token, v: Vocab, right_is_np: bool) -> bool:
    if tok.text == ".":
        return False
    if not tok.is_word:
        return tok.text in "'’&-"
    low = tok.lower
    if low in v.lex.pronouns or low in v.lex.determiners:
        return True
    if tok.is_cap:
        # a capitalised link inside a portfolio continues it: "Menteri Dalam Negeri Budi"
        return tok.text not in v.stop or low in v.titles or (right_is_np and low in v.links)
    if low in v.np_words or low in v.lex.pronouns:
        return True
    if right_is_np and (low in v.connectors or low in v.links):
        return True
    return tok.text[0].isdigit() and right_is_np


def trim_np(toks: list[Token], v: Vocab) -> list[Token]:
    """Drop leading linkers and sentence-initial function words that are not part of a name."""
    while (
        toks
        and toks[0].lower not in v.lex.pronouns
        and (
            not toks[0].is_word
            or toks[0].lower in v.links
            or (toks[0].lower in v.connectors and not _opens_name(toks))
            or (toks[0].text in v.stop and toks[0].lower not in v.lex.determiners)
            or (toks[0].lower in v.lex.adverbial_openers and not toks[0].is_cap)
        )
    ):
        toks = toks[1:]
    while toks and (not toks[-1].is_word or toks[-1].lower in v.links):
        toks = toks[:-1]
    return toks


def _opens_name(toks: list[Token]) -> bool:
    """A capitalised connector before a capitalised word opens a name: "Al Chaidar"."""
    return toks[0].is_cap and len(toks) > 1 and toks[1].is_word and toks[1].is_cap


def _initial_or_abbreviation(tok: Token, v: Vocab) -> bool:
    """A token a dot belongs to inside a name: "Rep.", the initial in "Ana B. Lopez" and
    run-together initials ("G.K. Lane", "J.M. Berger": the tokenizer keeps "G.K" whole, so
    without this the name stopped at "G.K")."""
    word = tok.text.strip(".")
    return word in v.abbreviations or initials(word)


def initials(word: str) -> bool:
    """ "B", "G.K", "J.R.R": single capitals joined by dots."""
    return all(len(part) == 1 and part.isupper() for part in word.split("."))


def glued_joint(text: str, toks: list[Token], i: int) -> bool:
    """A dot, hyphen or slash inside one name, touching capitalised words on both sides:
    "U.S. Judicial Conference" (after "U.S"), "A.F.L.-C.I.O.", "CNN/WMUR". The tokenizer
    splits them off, and a phrase cut there named "U.S" or "A.F.L" as the source."""
    if not (0 < i < len(toks) - 1) or toks[i].text not in _JOINTS:
        return False
    before, tok, after = toks[i - 1], toks[i], toks[i + 1]
    if tok.text == ".":
        # "U.S. Judicial", "A.F.L.-C.I.O": the dot of run-together initials, then a
        # capitalised word or a hyphen
        return (
            before.end == tok.start
            and before.is_word
            and initials(before.text)
            and ((after.is_word and after.is_cap) or after.text == "-")
        )
    initial_dot = before.text == "." and i >= 2 and initials(toks[i - 2].text)
    glued_left = before.end == tok.start and ((before.is_word and before.is_cap) or initial_dot)
    glued_right = tok.end == after.start and after.is_word and after.is_cap
    return glued_left and glued_right


_JOINTS = frozenset({".", "-", "/"})


def slash_joined(text: str, toks: list[Token]) -> bool:
    """Whether `toks` are capitalised words only, two or more of them joined by glued
    slashes ("CNN/WMUR"): one name made of names."""
    slashes = [i for i, t in enumerate(toks) if t.text == "/"]
    return (
        bool(slashes)
        and all(t.is_cap for t in toks if t.is_word)
        and all(glued_joint(text, toks, i) for i in slashes)
    )


def np_before(text: str, toks: list[Token], i: int, v: Vocab) -> list[Token]:
    """The noun phrase ending at token i (inclusive), walking left."""
    out: list[Token] = []
    while i >= 0 and len(out) < MAX_NP_TOKENS:
        tok = toks[i]
        if tok.text == "." and i > 0 and _initial_or_abbreviation(toks[i - 1], v):
            out.append(tok)
            i -= 1
            continue
        if out and tok.text in _JOINTS and glued_joint(text, toks, i):
            out.append(tok)  # "the CNN/ORC poll", "the A.F.L.-C.I.O."
            i -= 1
            continue
        if out and tok.text == ")" and _abbreviation_in_name(toks, i):
            i -= 3  # "Planning Unit (EPU) of the …": passed over, the name reads without it
            continue
        if not _np_token(tok, v, bool(out)) and not _organization_link(toks, i, out, v):
            break
        out.append(tok)
        i -= 1
    out.reverse()
    # a pronoun right before the cue is the subject on its own: "Sementara itu ia mengatakan"
    if out and out[-1].lower in v.lex.pronouns:
        return [out[-1]]
    return trim_np(out, v)


def _abbreviation_in_name(toks: list[Token], i: int) -> bool:
    """Whether the ")" at token i closes an abbreviation between a capitalised name and
    what follows it: "the Economic Planning Unit (EPU) of the Prime Minister's Department"
    is one subject, whose head is the unit, not the department."""
    return (
        i >= 3
        and toks[i - 2].text == "("
        and toks[i - 1].is_word
        and toks[i - 1].text.isupper()
        and toks[i - 3].is_word
        and toks[i - 3].is_cap
    )


def _organization_link(toks: list[Token], i: int, out: list[Token], v: Vocab) -> bool:
    """Whether the link word at token i ("and" of "Cable and Wireless Plc", "dan" of
    "Badan Pengawas Obat dan Makanan") joins the capitalised words before it to `out` (read
    right to left) in one organisation's name: an organisation's head opens the words
    before it, or a company suffix closes the words after it."""
    if not out or toks[i].lower not in v.lex.organization_links or toks[i].is_cap:
        return False
    j = i
    while j > 0 and toks[j - 1].is_word and toks[j - 1].is_cap:
        j -= 1
    if j == i:
        return False
    # "Center for Economic and Policy Research": the head stands before an earlier link
    k = j
    while k > 1 and toks[k - 1].lower in v.lex.organization_links and toks[k - 2].is_cap:
        k -= 1
        while k > 0 and toks[k - 1].is_word and toks[k - 1].is_cap:
            k -= 1
    heads = v.lex.organization_heads
    if k < j and any(t.lower in heads for t in toks[k:j]):
        # after "and", a name with a head of its own ("Bank Indonesia") is a second speaker
        j = j if any(t.lower in heads for t in out) else k
    return out[0].text.strip(".") in v.lex.company_suffixes or any(
        t.lower in heads for t in toks[j:i]
    )


def _document_head(toks: list[Token], i: int, v: Vocab) -> bool:
    """ "calculations by X", "polling by X": a bare document noun with its author after
    it opens a phrase read like a determiner's ("a report by X")."""
    return (
        i + 1 < len(toks)
        and toks[i].lower in v.lex.document_nouns
        and toks[i + 1].lower in v.lex.claim_agents
    )


def plural_document(word: Token, v: Vocab) -> bool:
    """ "polls", "surveys": a document noun in the plural."""
    low, nouns = word.lower, v.lex.document_nouns
    return any(low.endswith(s) and low[: -len(s)] in nouns for s in v.lex.plural_suffixes)


MAX_HEAD_RUN = 5  # the words a bare document noun may have before its participle


def _bare_document_run(text: str, toks: list[Token], i: int, v: Vocab) -> list[Token]:
    """ "excerpts of her speech released by X": a document noun with no determiner, a few
    words, then an authoring participle and its agent; [] for anything else."""
    if i >= len(toks) or not (toks[i].lower in v.lex.document_nouns or plural_document(toks[i], v)):
        return []
    j = i + 1
    while j < len(toks) and j - i <= MAX_HEAD_RUN and toks[j].is_word:
        if toks[j].lower in v.lex.authoring_participles:
            break
        j += 1
    return _authored_document(text, toks, i, j, v)


def _authored_document(text: str, toks: list[Token], i: int, j: int, v: Vocab) -> list[Token]:
    """ "a survey conducted by Gallup", "the average of recent polls compiled by X": a
    document phrase (toks[i:j]) stopped at a participle that its agent follows runs on over
    the agent, the document's author; [] for any other stop."""
    lex = v.lex
    if not (
        i < j < len(toks) - 2
        and toks[j].lower in lex.authoring_participles
        and toks[j + 1].lower in lex.claim_agents
        and any(t.lower in lex.document_nouns or plural_document(t, v) for t in toks[i:j])
    ):
        return []
    author = np_after(text, toks, j + 2, v)
    return toks[i : toks.index(author[-1]) + 1] if author else []


def _opens_organization(out: list[Token], v: Vocab) -> bool:
    """Whether the capitalised words read so far (left to right) open an organisation's
    name, so a link word after them continues it."""
    heads = v.lex.organization_heads
    return bool(out) and all(t.is_cap for t in out) and any(t.lower in heads for t in out)


def opens_named_np(tok: Token, v: Vocab) -> bool:
    """False when `np_after` from this first token returns nothing or a lone pronoun.

    Mirrors the first step of `np_after` (strict mode) so a caller can skip tokenising a
    window whose first token already decides the answer.
    """
    if not tok.is_word or tok.lower in v.lex.pronouns or tok.lower in v.links:
        return False
    return (tok.is_cap and tok.text not in v.stop) or tok.lower in v.np_words


def np_after(text: str, toks: list[Token], i: int, v: Vocab, loose: bool = False) -> list[Token]:
    """The noun phrase starting at token i, walking right.

    `loose` (after "citing"/"according to") lets a determiner-led phrase run over common
    nouns up to the next comma: "citing the defence ministry, …".
    """
    out: list[Token] = []
    n = len(toks)
    if loose and _document_head(toks, i, v):
        # "calculations by Amy Lane of the institute": the noun, its agent, the author
        author = np_after(text, toks, i + 2, v)
        return toks[i : toks.index(author[-1]) + 1] if author else []
    bare = _bare_document_run(text, toks, i, v) if loose else []
    if bare:
        return bare  # "excerpts of her speech released by X"
    if loose and i < n and toks[i].lower in v.lex.determiners:
        j = i
        while (
            j < n
            and (toks[j].is_word or glued_joint(text, toks, j))
            and j - i < 8
            and toks[j].lower not in v.lex.clause_breakers
            and not (j > i + 1 and toks[j].lower.endswith("ed") and not toks[j].is_cap)
        ):
            j += 1  # stops at "filed" in "a lawsuit filed in Manhattan by …"
        authored = _authored_document(text, toks, i, j, v)
        if authored:
            return authored  # "a survey conducted by Gallup": the document with its author
        if (
            j == n
            or not toks[j].is_word
            or (j > i + 1 and toks[j].lower.endswith("ed"))
            or (j > i + 1 and toks[j].lower in v.lex.relative_markers)
        ):
            # "seorang mantan ajudan yang enggan …": a relative clause describes the phrase
            return trim_np(toks[i:j], v)
    while i < n and len(out) < MAX_NP_TOKENS:
        tok = toks[i]
        if tok.text == "." and out and _initial_or_abbreviation(out[-1], v):
            out.append(tok)
            i += 1
            continue
        if out and tok.text in _JOINTS and glued_joint(text, toks, i):
            out.append(tok)  # "A.F.L.-C.I.O.", "CNN/WMUR"
            i += 1
            continue
        if tok.is_word and tok.lower in v.lex.pronouns and not out:
            return [tok]
        nxt_np = i + 1 < n and toks[i + 1].is_word and toks[i + 1].is_cap
        if tok.is_word and not tok.is_cap and (tok.lower in v.connectors) and out and nxt_np:
            out.append(tok)
            i += 1
            continue
        if nxt_np and tok.lower in v.lex.organization_links and _opens_organization(out, v):
            out.append(tok)  # "Pusat Studi Kelautan dan Perikanan", "Union of Harbour Pilots"
            i += 1
            continue
        if not tok.is_word or (tok.lower in v.links and not out):
            break
        if not (tok.is_cap and tok.text not in v.stop) and tok.lower not in v.np_words:
            break
        out.append(tok)
        i += 1
    return trim_np(out, v)


def is_name_segment(toks: list[Token], v: Vocab) -> bool:
    """A short run of capitalised words: the NAME in "Pemimpin Korea Utara, Kim Jong Un,"."""
    words = [t for t in toks if t.is_word]
    if not 1 <= len(words) <= MAX_NAME_TOKENS + 1:
        return False
    return (
        all((t.is_cap and t.text not in v.stop) or t.lower in v.connectors for t in words)
        and words[0].is_cap
    )


def is_role_segment(toks: list[Token], v: Vocab) -> bool:
    """An apposition that describes someone: "direktur di …", "a senior adviser to …"."""
    words = [t for t in toks if t.is_word]
    if not words or _finite_clause(words, v):
        return False  # "The firm is cutting jobs, CEO Sara Moss said": a clause, no role
    first = words[0].lower
    if first in v.links:
        return False  # "of Fairfax": a residence (the "of" of "chief of staff" is no role)
    if first in v.lex.determiners and len(words) > 1:
        if words[1].lower in v.roles or words[1].lower in v.np_words or words[1].is_cap:
            return True
        # "the campaign’s press secretary": a role word anywhere in a short apposition
        return len(words) <= 12 and any(w.lower in v.roles for w in words[2:])
    if first in v.roles or first in v.titles:
        return True
    # "legal director for …", "senior associate at …": one modifier before the role word
    second = words[1].lower if len(words) > 1 else ""
    return not words[0].is_cap and (second in v.roles or second in v.titles)


def _finite_clause(words: list[Token], v: Vocab) -> bool:
    """A finite auxiliary before any relative word: "the company is cutting jobs" is a
    clause, while "an economist who is now at X" is an apposition with a relative clause."""
    for tok in words:
        if tok.lower in v.lex.relative_markers:
            return False
        if tok.lower in v.lex.finite_auxiliaries:
            return True
    return False
