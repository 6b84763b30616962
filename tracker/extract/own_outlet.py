"""The document's own outlet: the writer, never a hop of the chains it reports."""

from __future__ import annotations

import regex

from tracker.extract.lexicon import outlet_index

_WORD_re = regex.compile(r"[\p{L}\p{N}]++")


def name_key(name: str) -> str:
    """A name compared as its case-folded words ("The Washington Post" and "washington post"
    are one key; "Kompas.com" is "kompas com")."""
    return " ".join(_WORD_re.findall(name.casefold()))


def own_outlet_keys(outlet: str | None) -> frozenset[str]:
    """Every name of the outlet the document comes from, as `name_key`s: a listed outlet
    (found by any of its aliases) stands for all its names; an unlisted one for its own."""
    if outlet is None or not outlet.strip():
        return frozenset()
    given = outlet.strip()
    index = outlet_index()
    listed = index.get(given) or index.get(given.lower())
    names = (listed.name, *listed.aliases) if listed is not None else (given,)
    keys = {name_key(n) for n in names} | {name_key(given)}
    # "The Washington Post" is also "Washington Post": the article is no part of the name
    keys |= {k.removeprefix("the ") for k in keys}
    return frozenset(k for k in keys if k)


def is_own_outlet(keys: frozenset[str], name: str, kind: str) -> bool:
    """Whether a source named `name` is the document's own outlet: one of its names, or a
    masthead word that ends one ("told the Times" in a New York Times story)."""
    if not keys or kind not in ("news_outlet", "unknown", "organization"):
        return False
    key = name_key(name).removeprefix("the ")
    if key in keys:
        return True
    if kind != "news_outlet" or outlet_index().get(name) is not None:
        return False  # a listed outlet is itself, never a short form of another
    return any(k.endswith(" " + key) for k in keys)
