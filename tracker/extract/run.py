"""The state of one extraction: the text, its lexicon, the source table, the statements."""

from __future__ import annotations

from tracker.extract.bare_quantifiers import bare_quantifier
from tracker.extract.cues import CueMatch
from tracker.extract.definites import resolve_definite
from tracker.extract.frames import Frames
from tracker.extract.lexicon import load_lexicon
from tracker.extract.passive_agents import passive_agent
from tracker.extract.patterns import patterns_for
from tracker.extract.pronouns import Antecedent, InternalHop, Salience
from tracker.extract.quote_paragraphs import paragraph_bounds
from tracker.extract.sources import SourceTable
from tracker.extract.speakers import Mention, classify
from tracker.extract.subject_before import leading_subject
from tracker.extract.tokens import Token, vocab

# Anonymous sources a singular pronoun (ia, he, she) may stand for.
SINGULAR = frozenset({"seorang", "salah", "sumber", "a", "an", "one", "the"})
# What `Run.trim` takes off the end of a statement.
TRAILING_PUNCT = " \t\n\r\u00a0.;:,!?…"


class Draft:
    """A statement before its sources have keys; `rule` names the sieve that made it.

    A plain class, not a dataclass: mypyc compiles this `__init__`, never a generated one.
    """

    __slots__ = (
        "cue",
        "cue_end",
        "cue_start",
        "end",
        "hops",
        "kind",
        "rule",
        "sid",
        "start",
        "surface",
    )

    def __init__(
        self,
        kind: str,
        start: int,
        end: int,
        cue: str | None,
        cue_start: int | None,
        cue_end: int | None,
        sid: int | None,
        surface: str | None,
        hops: tuple[InternalHop, ...],
        rule: str,
    ) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.cue = cue
        self.cue_start = cue_start
        self.cue_end = cue_end
        self.sid = sid
        self.surface = surface
        self.hops = hops
        self.rule = rule


class Run:
    """State of one extraction; lives only inside `pipeline.extract`.

    The sieves read the text and the lexicon from it and add their statements to it; the
    source table and the salience list are what resolution (pronouns, aliases) works on.
    """

    def __init__(
        self,
        text: str,
        language: str,
        original: str | None = None,
        own_outlet: frozenset[str] = frozenset(),
    ) -> None:
        self.text = text  # what the sieves read (`reading.reading_text`)
        self.original = text if original is None else original  # the input, same offsets
        self.language = language
        self.own_outlet = own_outlet  # the document's own outlet's names (`own_outlet`)
        self.frames = Frames()
        self.lex = load_lexicon(language)
        self.pats = patterns_for(language)
        self.table = SourceTable(self.lex.company_suffixes)
        self.salience = Salience(self.subject_of)
        self.statements: list[Draft] = []
        self.vocab = vocab(language)  # word sets built once per language, not per document
        self.block_end = -1  # end of a block quote taken whole after its "X added:" lead-in
        # the sentence before the one the sieves read ("the outlet named nearby")
        self.previous_sentence: tuple[int, int] = (0, 0)
        # the author of the last document of each noun ("a statement by X" -> "statement": X),
        # whom "the statement said" stands for (`definites.described_document`)
        self.document_authors: dict[str, int] = {}
        # the quoter of the last "X quoted Y as saying" and where its verb stands: a later
        # "Y was quoted as saying" with no outlet of its own is X's account (`quoted_as`)
        self.last_quoter: tuple[Mention, int] | None = None
        self._counts: dict[str, int] = {}
        self._lower_seen: dict[str, bool] = {}
        # one-word names an earlier look-back found no fuller name for (`resolution`)
        self.unmatched_names: set[str] = set()
        # sources heard through a news outlet they spoke to (`outlet_voices`)
        self.interviewed: set[int] = set()
        # the medium phrases of a colon lead-in before the sentence read (`colon_leads`)
        self.lead_media: tuple[CueMatch, ...] = ()

    def add(self, stmt: Draft | None) -> None:
        if stmt is None:
            return
        if stmt.kind == "direct" and "\n" in self.text[stmt.start : stmt.end]:
            # a quote over several paragraphs: a statement per paragraph (`quote_paragraphs`)
            for start, end in paragraph_bounds(self.text, stmt.start, stmt.end):
                self.statements.append(_with_span(stmt, start, end))
            return
        self.statements.append(stmt)

    def last_speaker(self) -> Antecedent | None:
        """Whom a quote with no cue of its own continues."""
        return self.salience.resolve("speaker")

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """The span without the spaces and punctuation around it."""
        text = self.text
        while start < end and text[start] in " \t\n\r\u00a0,:;":
            start += 1
        while end > start and text[end - 1] in TRAILING_PUNCT:
            end -= 1
        return start, end

    def named_or_unknown(self, toks: list[Token], start: int, end: int) -> Mention:
        """The source `toks` name as the speaker parser reads them, else the words of
        `start:end` as they stand, a source of unknown kind ("state law", "several people I
        spoke with"): for sieves whose construction already says that a source speaks."""
        mention = classify(self.text, toks, self.language)
        if mention is not None:
            return mention
        lo, hi = self.trim(start, end)
        surface = self.text[lo:hi]
        return Mention(surface, lo, hi, surface, "unknown")

    def subject_of(self, start: int, end: int) -> Antecedent | None:
        """The subject of a sentence, for a later pronoun (parsed only when one looks back)."""
        lead = passive_agent(self.text, start, end, self.language) or leading_subject(
            self.text, start, end, self.language
        )
        if lead is None or (lead.kind == "person" and not self.name_like(lead)):
            return None
        if bare_quantifier(lead, self.vocab):
            return None  # "Salah satu prinsip …": nobody a later "katanya" means
        singular = self.singular(lead.kind, lead.name)
        # "The paper put output at …. It quoted …": the description is the paper named before
        sid = resolve_definite(self.lex, self.table, self.salience, lead, self.text)
        if sid is None:
            sid = self.table.add(lead)
        return Antecedent(sid, self.table.kind(sid), (), (), False, None, singular)

    def singular(self, kind: str, name: str) -> bool:
        """Whether "he" may stand for a source: an anonymous one named as one ("a source",
        not "officials"), a person who is no pair or group ("Smith and Jones", "Senate
        leaders" are "they")."""
        words = name.lower().split()
        if kind == "anonymous":
            return bool(words) and words[0] in SINGULAR
        if kind != "person" or not words:
            return True
        if any(w in self.lex.subject_conjunctions for w in words):
            return False  # "Smith and Jones"
        # "Senate Republican leaders", "Democrats": a role or a party in the plural
        last, stem = words[-1], name.split()[-1]
        groups = self.lex.non_name_words
        return not any(
            last.endswith(s) and (last[: -len(s)] in self.vocab.roles or stem[: -len(s)] in groups)
            for s in self.lex.plural_suffixes
        )

    def name_like(self, mention: Mention) -> bool:
        """A sentence-initial capital is a name only if the word never appears in lower case
        elsewhere in the text ("Hubungan Korea Utara …" is not a person)."""
        first_word = mention.name.split()[0]
        first = first_word.lower()
        if mention.role is None and len(mention.name.split()) == 1 and self.count(first_word) < 2:
            return False  # a one-word "name" seen once at a sentence start: "Likewise", "Stronger"
        if first.endswith(("’s", "'s")):
            return False  # "Obama’s plan …": the subject is the thing owned
        if first_word.isupper() and len(first_word) > 3:
            return False  # a dateline: "JAKARTA, KOMPAS —"
        if self.language == "id" and first.endswith("nya"):
            return False  # "Dananya", "Akibatnya": a common noun with -nya, never a name
        # seen in lower case elsewhere ("hubungan" for "Hubungan …"): a common word
        return not self.seen_lower(first)

    def count(self, word: str) -> int:
        """`text.count(word)`, remembered: each call scans the whole text."""
        n = self._counts.get(word)
        if n is None:
            n = self._counts[word] = self.text.count(word)
        return n

    def seen_lower(self, word: str) -> bool:
        """Whether `word` occurs after a space or "(" and before a space or punctuation;
        remembered per word, since each look-up scans the whole text."""
        seen = self._lower_seen.get(word)
        if seen is None:
            seen = _occurs_between(self.text, word, " (", " ,.;:")
            self._lower_seen[word] = seen
        return seen


def _occurs_between(text: str, word: str, before: str, after: str) -> bool:
    """Whether `word` occurs right after a character of `before` and right before one of
    `after`: one pass over its occurrences, not a scan of the text per pair."""
    n, size = len(text), len(word)
    find = text.find
    pos = find(word, 1)
    while 0 <= pos <= n - size - 1:
        if text[pos - 1] in before and text[pos + size] in after:
            return True
        pos = find(word, pos + 1)
    return False


def _with_span(stmt: Draft, start: int, end: int) -> Draft:
    """The statement with another span (one paragraph of its quote)."""
    if start == stmt.start and end == stmt.end:
        return stmt
    return Draft(
        stmt.kind,
        start,
        end,
        stmt.cue,
        stmt.cue_start,
        stmt.cue_end,
        stmt.sid,
        stmt.surface,
        stmt.hops,
        stmt.rule,
    )
