"""Name normalization: the matching key that makes mentions of one source meet."""

from __future__ import annotations

import functools
import unicodedata

import regex

HONORIFICS: frozenset[str] = frozenset(
    {
        # Indonesian titles and honorifics
        "bapak", "pak", "ibu", "bu", "saudara", "sdr", "presiden", "wakil", "menteri",
        "gubernur", "bupati", "walikota", "jenderal", "jend", "mayjen", "brigjen", "letjen",
        "kolonel", "kapten", "kompol", "kombes", "irjen", "ajun", "dr", "drs", "ir", "prof",
        "haji", "hj", "h", "kh", "raden", "tuan", "nyonya",
        # English titles and honorifics
        "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "president", "minister", "senator",
        "sen", "rep", "gov", "governor", "gen", "general", "col", "colonel", "lt", "sgt",
        "capt", "captain", "rev", "judge", "justice", "secretary", "chairman", "mayor",
        "prime", "vice", "the", "doctor", "professor",
    }
)  # fmt: skip
"""Leading words that say what a person is, not who: dropped from the matching key."""

_punct_re = regex.compile(r"[\p{P}\p{S}]+")
_space_re = regex.compile(r"\s+")


@functools.lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """The matching key of a name: casefolded, without diacritics, titles or punctuation.

    "Presiden Kim Jong-un", "kim jong un" and "Kim Jong Un" share one key, so a later
    document's mention finds the source an earlier one created.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    words = _space_re.sub(" ", _punct_re.sub(" ", bare)).strip().split(" ")
    while len(words) > 1 and words[0] in HONORIFICS:
        words.pop(0)
    return " ".join(w for w in words if w)


def names_compatible(a: str, b: str) -> bool:
    """Whether two names can denote one source: equal keys, or one's words within the other's.

    "Kim" and "Kim Jong Un" are compatible (a short form of the full name); "Kim Jong Un"
    and "Vladimir Putin" are not. Used to tell a misattribution from a short form.
    """
    ka, kb = normalize_name(a), normalize_name(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    wa, wb = set(ka.split()), set(kb.split())
    return wa <= wb or wb <= wa
