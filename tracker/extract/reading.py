"""The text the sieves read: wire copy's wrapped lines joined and its tickers blanked.

Every change keeps the length (a character becomes a space), so each offset into the text
the sieves read is an offset into the input, and statements take their text from the input.
"""

from __future__ import annotations

import functools

import regex

from tracker.extract.lexicon import load_lexicon

# A hard-wrapped line of wire copy: a single newline between a word (or a comma) and the
# word that goes on with the sentence ("Continental Illinois said if the\nBrazilian debt").
# Before a quote mark only after a lower-case word ("Mulroney said\n"significant …"): a
# line ending with a name ("― Ana Lopez\n“…”") is a quote's credit, then a new paragraph.
_WRAP_re = regex.compile(r"(?<=[\p{L}\p{N},-])\n(?=[\p{L}\p{N}])|(?<=\s\p{Ll}++)\n(?=[\"“])")
# A lower-case word of four letters or more: a line that has one is not a title-case
# headline ("Huckabee Makes Joke To Bash Fed Chair\n" ends its own paragraph).
_LOWER_WORD_re = regex.compile(r"(?<![\p{L}\p{N}'’])\p{Ll}\p{L}{3,}")
MIN_WRAPPED_LINE_WORDS = 4  # "Council meeting\n" is a label; a wrapped line is longer
# Wire copy wraps at 60 to 80 characters: a line this long reads as prose even with no
# lower-case word of four letters ("Ramon Diaz, Secretary of the Presidential Commission
# on\nGood Government (PCGG), said"); headlines run shorter
LONG_WRAPPED_LINE = 50


# A stock ticker after a company's name in wire copy ("Volvo AB <VOLV ST> said"), and a
# company's name in angle brackets ("<Toronto Sun Publishing Corp> said").
_TICKER_re = regex.compile(r"<[\p{Lu}\p{N}.\- ]{1,16}>")
_BRACKETED_NAME_re = regex.compile(
    r"<(?=\p{Lu}[\p{L}\p{N}.&'’\- \n]{1,60}>)|(?<=<\p{Lu}[\p{L}\p{N}.&'’\- \n]{1,60})>"
)


def reading_text(text: str, language: str = "") -> str:
    """What the sieves read: `unwrap_lines`, `blank_tickers`, then (given the language)
    `blank_qualifiers`; same length as `text`."""
    read = blank_tickers(unwrap_lines(text))
    return blank_qualifiers(read, language) if language and "(" in read else read


def blank_qualifiers(text: str, language: str) -> str:
    """The text with a rank's qualifier in parentheses inside a name made spaces
    ("Brigadir Jenderal (Pol) Raden Argo" reads "Brigadir Jenderal       Raden Argo"), so
    that the name parser does not take the parenthesis for the name's end."""
    pattern = _qualifier_re(language)
    if pattern is None:
        return text
    blanked: str = pattern.sub(lambda m: " " * len(m.group()), text)
    return blanked


@functools.cache
def _qualifier_re(language: str) -> regex.Pattern[str] | None:
    """Between a capitalised word and a capitalised word: "(Pol)", "(ret.)"."""
    words = sorted(load_lexicon(language).name_qualifiers)  # lower case
    if not words:
        return None
    return regex.compile(
        r"(?<=\p{Lu}[\p{L}.]*\s)\((?:\L<q>)\)(?=\s\p{Lu})",
        q=[*words, *(w[:1].upper() + w[1:] for w in words)],
    )


def blank_tickers(text: str) -> str:
    """The text with wire tickers made spaces ("Volvo AB <VOLV ST> said" reads "Volvo AB
    said") and the angle brackets around a company's name too ("<Toronto Sun Publishing
    Corp> said"), so that the name parser reads the name and nothing else."""
    if "<" not in text:
        return text
    blanked: str = _TICKER_re.sub(lambda m: " " * len(m.group()), text)
    named: str = _BRACKETED_NAME_re.sub(" ", blanked)
    return named


def unwrap_lines(text: str) -> str:
    """The text with the newlines that only wrap a line of a sentence made spaces (wire
    copy is hard-wrapped mid-sentence: "Volvo said its\nshares are to be listed"), so that
    a sentence, a name or a cue is never cut there. Same length, so every offset holds.

    A newline wraps a line when no stop comes before it, a word comes after it, and the
    line before it reads as prose (four words or more, one of them a lower-case word or the
    line as long as wire copy wraps, and no colon): a short title-case headline, a short
    label or a labelled line ends its paragraph."""
    if "\n" not in text:
        return text
    chars: list[str] | None = None
    for m in _WRAP_re.finditer(text):
        pos = m.start()
        line_start = text.rfind("\n", 0, pos) + 1
        if (
            (
                pos - line_start < LONG_WRAPPED_LINE
                and _LOWER_WORD_re.search(text, line_start, pos) is None
            )
            or text.count(" ", line_start, pos) < MIN_WRAPPED_LINE_WORDS - 1
            or ":" in text[line_start:pos]  # "Survey: most back the plan\n", a labelled line
        ):
            continue
        if chars is None:
            chars = list(text)
        chars[pos] = " "
    return text if chars is None else "".join(chars)
