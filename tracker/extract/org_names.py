"""Names of organisations with link words inside: "Center for Responsive Politics",
"Communications Workers of America", "Cable and Wireless Plc", "Lembaga Penyelidikan Ekonomi
dan Masyarakat".

Why: a personal name is read right to left as a run of capitalised words, so a link word
inside an organisation's name cut it ("Responsive Politics" spoke, a person, with "Center
for" as a role). A run of capitalised words and link words whose head (a word such as
"Center", "Union", "Lembaga", before the first link) names an organisation, or which ends
with a company suffix, is that organisation, whole.
"""

from __future__ import annotations

from tracker.extract.tokens import Token, Vocab

MAX_ORGANIZATION_WORDS = 8


def organization_run(words: list[Token], v: Vocab) -> tuple[int, str] | None:
    """The index where an organisation's name opens the phrase `words` (after lower-case
    determiners and modifiers only), and its kind; None when the phrase names none."""
    links = v.lex.organization_links
    k = len(words)
    while k > 0 and (words[k - 1].is_cap or (words[k - 1].lower in links and k < len(words))):
        k -= 1
    while k < len(words) and (not words[k].is_cap or words[k].lower in v.lex.determiners):
        k += 1  # a run opens with a capitalised word, not "The"
    run = words[k:]
    if not 2 < len(run) <= MAX_ORGANIZATION_WORDS:
        return None
    if any(w.lower in v.links or w.lower in links or w.lower in v.roles for w in words[:k]):
        return None  # "experts of the Ministry of Electric Power": the ministry is their employer
    first_link = next((i for i, w in enumerate(run) if not w.is_cap), None)
    if first_link is None or run[first_link + 1 :] == []:
        return None
    heads = v.lex.organization_heads
    if any(
        w.is_cap and (w.lower in v.titles or w.lower in v.roles)
        for w in run
        if w.lower not in heads
    ):
        return None  # "Bank of Japan Governor Haruhiko Kuroda": a person of the bank
    if run[-1].text.strip(".") in v.lex.company_suffixes:
        return k, "organization"
    head = next((w.lower for w in run[:first_link] if w.lower in heads), None)
    if head is None:
        return None
    return k, v.heads.get(head, "organization")
