"""Per-language lexicon data (cue verbs, relay markers, pronouns, outlets), loaded once."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

LANGUAGES: tuple[str, ...] = ("id", "en")


@dataclass(frozen=True, slots=True)
class Outlet:
    """A known wire service or news outlet; state media is flagged so chains can warn."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    domains: tuple[str, ...]
    state_media: bool
    country: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One language's words; the extractor's patterns are compiled from these, not hard-coded."""

    language: str
    function_words: tuple[str, ...]
    cue_verbs: tuple[str, ...]
    weak_cue_verbs: frozenset[str]
    post_cues: tuple[str, ...]
    nya_cues: tuple[str, ...]
    complementizers: tuple[str, ...]
    pronouns: dict[str, str]
    according_to: tuple[str, ...]
    report_nouns: tuple[str, ...]
    # "Lopez's claim that …", "a warning from the agency that …": see extract.nouns
    claim_nouns: frozenset[str]  # nouns of saying whose "that" clause is a claim
    claim_agents: frozenset[str]  # "by"/"from" naming the speaker after the noun
    claim_copulas: frozenset[str]  # "is" of "Lopez's view is that …"
    claim_possessor_after: bool  # Indonesian "klaim Lopez bahwa": the possessor follows
    possessive_pronouns: dict[str, str]  # "his claim": the pronoun kind it stands for
    possessive_pronoun_suffixes: dict[str, str]  # "klaimnya": the suffix's pronoun kind
    claim_relative_openers: frozenset[str]  # "was" of "the claim that was rejected"
    claim_relative_verbs: frozenset[str]  # "made" of "the claim that he made on Sunday"
    past_participle_suffixes: tuple[str, ...]  # "rejected" of "the claim that rejected …"
    claim_relative_tails: frozenset[str]  # "on" there: the verb has no object, "that" is relative
    citing: tuple[str, ...]
    reported_by: tuple[str, ...]
    based_on: tuple[str, ...]
    referring: tuple[str, ...]
    audience: tuple[str, ...]
    titles: tuple[str, ...]
    role_words: tuple[str, ...]
    role_affiliation_links: tuple[str, ...]
    anonymous: tuple[str, ...]
    institution_heads: dict[str, str]
    known_institutions: tuple[str, ...]
    hedges: tuple[str, ...]
    adverbial_openers: frozenset[str]
    clause_breakers: frozenset[str]
    name_connectors: frozenset[str]
    name_stopwords: frozenset[str]
    abbreviations: frozenset[str]
    pre_cue_adverbs: frozenset[str]
    determiners: frozenset[str]
    np_modifiers: frozenset[str]
    outlet_descriptors: tuple[str, ...]
    state_markers: frozenset[str]
    dash_marks: tuple[str, ...]
    honorifics: frozenset[str]
    indefinites: frozenset[str]
    # indefinites that name one source ("a", "one"): never a group however the noun ends
    singular_indefinites: frozenset[str]
    # articles that mark a phrase as unnamed: "a White House spokesman" is nobody's name
    indefinite_articles: frozenset[str]
    medium_markers: tuple[str, ...]
    relative_markers: frozenset[str]
    coordinators: frozenset[str]
    non_name_words: frozenset[str]
    weak_cues_need_complementizer: bool
    adverb_suffixes: tuple[str, ...]
    # words with an adverb's suffix that are nouns or adjectives ("family", "assembly"): a
    # subject's head, never an adverb to drop before a cue
    ly_nouns: frozenset[str]
    plural_suffixes: tuple[str, ...]
    clause_splitters: frozenset[str]
    time_words: frozenset[str]
    subject_relatives: frozenset[str]
    # "…, which state media claimed …": the relative word is the object of the cue, and the
    # noun phrase after it is the cue's subject
    object_relatives: frozenset[str]
    # finite auxiliaries ("was", "has", "would"): after a comma one resumes a clause a
    # relative interrupted ("the plan, which X said was a ploy, was …"); in a segment before
    # a name they make it a clause, never a role ("The firm is cutting jobs, CEO X said")
    finite_auxiliaries: frozenset[str]
    # Indonesian names a speaker after the cue as role, institution, name: "kata Sekretaris
    # Kementerian Koperasi dan UKM Rully Indrawan". These lower-case words (and a
    # parenthesis, a number or a capitalised stop word) inside such a run continue it.
    np_continuers: frozenset[str]
    # "He’s claiming", "They're saying": a pronoun with a contracted auxiliary is the pronoun
    contraction_suffixes: tuple[str, ...]
    # "A state audit released last year found …": a participle after a document's head
    document_participles: frozenset[str]
    strict_cue_verbs: frozenset[str]
    definite_determiners: frozenset[str]
    line_label_words: frozenset[str]
    participle_suffixes: tuple[str, ...]
    participle_connectors: frozenset[str]
    noun_markers: frozenset[str]
    possessive_suffixes: tuple[str, ...]
    empty_subjects: frozenset[str]  # a lone "A", "The", "one", "three" names nobody
    # A bare upper-case word ("TV", "C2I") is a person only where papers name people by
    # initials (Indonesian "PT" for a patient); elsewhere it is an unknown source.
    acronyms_unknown: bool
    place_abbreviations: frozenset[str]  # "Va.", "N.Y.": a residence, never a speaker
    residence_links: frozenset[str]  # "of"/"from" opening "X, of Springfield, Va., said"
    # "in"/"di": "Budi Santoso di Bandung" says where the speaker was, not who employs them
    location_links: frozenset[str]
    # "of"/"at"/"di" after a person's name open a place or employer: "Mary Lane of Ohio"
    name_place_links: frozenset[str]
    object_pronouns: dict[str, str]  # "according to her": like `pronouns`, after a preposition
    # "Experts on trade said", "All the experts I interviewed said": see extract.subjects
    subject_tail_links: frozenset[str]  # words opening a modifier after a subject's head
    subject_quantifiers: frozenset[str]  # "all", "most" before a subject's determiner
    share_words: frozenset[str]  # "percent" of "63 percent said"
    number_words: frozenset[str]  # "Twelve" of "Twelve percent said"
    group_cue_verbs: frozenset[str]  # speech and written-position verbs an unnamed group takes
    subject_conjunctions: frozenset[str]  # "and" of "The station and its defenders say"
    passive_auxiliaries: frozenset[str]  # "was" of "was backed by": the subject is spoken of
    passive_links: frozenset[str]  # "by" of "was backed by X": the agent follows
    verb_particles: frozenset[str]  # "out" of "backed out": a cue word made into another verb
    # words after a cue word that make it another word: "appeared on MSNBC" (a guest, no
    # claim), "Reporting by …" (a credit line), "eight states with …" (a noun)
    non_cue_followers: dict[str, frozenset[str]]
    apposition_links: frozenset[str]  # "such" of "the referees, such as Park and Diallo, say"
    headline_cue_verbs: frozenset[str]  # "Says" of "Moreno Says New Library Will …"
    # words opening what completes an attribution before a comma ("told me on Tuesday,",
    # "said in its annual survey,"), after which the content resumes
    attribution_adjuncts: frozenset[str]
    # "Ledger" of "told The Daily Ledger": a masthead word names an unlisted news outlet
    outlet_mastheads: frozenset[str]


def _read(name: str) -> Any:
    return json.loads(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))


@functools.cache
def load_lexicon(language: str) -> Lexicon:
    """Load a language's lexicon; raises ValueError so callers get one clear error type."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected one of {', '.join(LANGUAGES)}")
    raw = _read(f"{language}.json")

    def tup(key: str) -> tuple[str, ...]:
        return tuple(str(x) for x in raw.get(key, []))

    return Lexicon(
        language=language,
        function_words=tup("function_words"),
        cue_verbs=tup("cue_verbs"),
        weak_cue_verbs=frozenset(tup("weak_cue_verbs")),
        post_cues=tup("post_cues"),
        nya_cues=tup("nya_cues"),
        complementizers=tup("complementizers"),
        pronouns={str(k): str(v) for k, v in raw.get("pronouns", {}).items()},
        according_to=tup("according_to"),
        report_nouns=tup("report_nouns"),
        claim_nouns=frozenset(w.lower() for w in tup("claim_nouns")),
        claim_agents=frozenset(w.lower() for w in tup("claim_agents")),
        claim_copulas=frozenset(w.lower() for w in tup("claim_copulas")),
        claim_possessor_after=bool(raw.get("claim_possessor_after", False)),
        possessive_pronouns={str(k): str(v) for k, v in raw.get("possessive_pronouns", {}).items()},
        possessive_pronoun_suffixes={
            str(k): str(v) for k, v in raw.get("possessive_pronoun_suffixes", {}).items()
        },
        claim_relative_openers=frozenset(w.lower() for w in tup("claim_relative_openers")),
        claim_relative_verbs=frozenset(w.lower() for w in tup("claim_relative_verbs")),
        past_participle_suffixes=tup("past_participle_suffixes"),
        claim_relative_tails=frozenset(w.lower() for w in tup("claim_relative_tails")),
        citing=tup("citing"),
        reported_by=tup("reported_by"),
        based_on=tup("based_on"),
        referring=tup("referring"),
        audience=tup("audience"),
        titles=tup("titles"),
        role_words=tup("role_words"),
        role_affiliation_links=tup("role_affiliation_links"),
        anonymous=tup("anonymous"),
        institution_heads={str(k): str(v) for k, v in raw.get("institution_heads", {}).items()},
        known_institutions=tup("known_institutions"),
        hedges=tup("hedges"),
        adverbial_openers=frozenset(tup("adverbial_openers")),
        clause_breakers=frozenset(tup("clause_breakers")),
        name_connectors=frozenset(tup("name_connectors")),
        name_stopwords=frozenset(tup("name_stopwords")),
        abbreviations=frozenset(tup("abbreviations")),
        pre_cue_adverbs=frozenset(tup("pre_cue_adverbs")),
        determiners=frozenset(tup("determiners")),
        np_modifiers=frozenset(tup("np_modifiers")),
        outlet_descriptors=tup("outlet_descriptors"),
        state_markers=frozenset(tup("state_markers")),
        dash_marks=tup("dash_marks"),
        honorifics=frozenset(tup("honorifics")),
        indefinites=frozenset(tup("indefinites")),
        singular_indefinites=frozenset(tup("singular_indefinites")),
        indefinite_articles=frozenset(tup("indefinite_articles")),
        medium_markers=tup("medium_markers"),
        relative_markers=frozenset(tup("relative_markers")),
        coordinators=frozenset(tup("coordinators")),
        non_name_words=frozenset(tup("non_name_words")),
        weak_cues_need_complementizer=bool(raw.get("weak_cues_need_complementizer", True)),
        adverb_suffixes=tup("adverb_suffixes"),
        ly_nouns=frozenset(w.lower() for w in tup("ly_nouns")),
        plural_suffixes=tup("plural_suffixes"),
        clause_splitters=frozenset(tup("clause_splitters")),
        time_words=frozenset(tup("time_words")),
        subject_relatives=frozenset(tup("subject_relatives")),
        object_relatives=frozenset(tup("object_relatives")),
        finite_auxiliaries=frozenset(tup("finite_auxiliaries")),
        np_continuers=frozenset(tup("np_continuers")),
        contraction_suffixes=tup("contraction_suffixes"),
        document_participles=frozenset(tup("document_participles")),
        strict_cue_verbs=frozenset(tup("strict_cue_verbs")),
        definite_determiners=frozenset(tup("definite_determiners")),
        line_label_words=frozenset(w.lower() for w in tup("line_label_words")),
        participle_suffixes=tup("participle_suffixes"),
        participle_connectors=frozenset(w.lower() for w in tup("participle_connectors")),
        noun_markers=frozenset(w.lower() for w in tup("noun_markers")),
        possessive_suffixes=tup("possessive_suffixes"),
        empty_subjects=frozenset(w.lower() for w in tup("empty_subjects")),
        acronyms_unknown=bool(raw.get("acronyms_unknown", False)),
        place_abbreviations=frozenset(w.strip(".") for w in tup("place_abbreviations")),
        residence_links=frozenset(w.lower() for w in tup("residence_links")),
        location_links=frozenset(w.lower() for w in tup("location_links")),
        name_place_links=frozenset(w.lower() for w in tup("name_place_links")),
        object_pronouns={str(k): str(v) for k, v in raw.get("object_pronouns", {}).items()},
        subject_tail_links=frozenset(w.lower() for w in tup("subject_tail_links")),
        subject_quantifiers=frozenset(w.lower() for w in tup("subject_quantifiers")),
        share_words=frozenset(w.lower() for w in tup("share_words")),
        number_words=frozenset(w.lower() for w in tup("number_words")),
        group_cue_verbs=frozenset(w.lower() for w in tup("group_cue_verbs")),
        subject_conjunctions=frozenset(w.lower() for w in tup("subject_conjunctions")),
        verb_particles=frozenset(w.lower() for w in tup("verb_particles")),
        non_cue_followers={
            k.lower(): frozenset(v) for k, v in raw.get("non_cue_followers", {}).items()
        },
        passive_auxiliaries=frozenset(w.lower() for w in tup("passive_auxiliaries")),
        passive_links=frozenset(w.lower() for w in tup("passive_links")),
        apposition_links=frozenset(w.lower() for w in tup("apposition_links")),
        attribution_adjuncts=frozenset(w.lower() for w in tup("attribution_adjuncts")),
        headline_cue_verbs=frozenset(w.lower() for w in tup("headline_cue_verbs")),
        outlet_mastheads=frozenset(tup("outlet_mastheads")),
    )


@functools.cache
def load_outlets() -> tuple[Outlet, ...]:
    """Known outlets shared by all languages (a wire story cites Yonhap in any language)."""
    return tuple(
        Outlet(
            name=str(o["name"]),
            aliases=tuple(str(a) for a in o["aliases"]),
            kind=str(o.get("kind", "news_outlet")),
            domains=tuple(str(d) for d in o.get("domains", [])),
            state_media=bool(o.get("state_media", False)),
            country=str(o.get("country", "")),
        )
        for o in _read("outlets.json")
    )


@functools.cache
def outlet_index() -> dict[str, Outlet]:
    """Alias -> outlet, with a lower-cased key too so "the Associated Press" still resolves."""
    index: dict[str, Outlet] = {}
    for outlet in load_outlets():
        for alias in (outlet.name, *outlet.aliases):
            index.setdefault(alias, outlet)
            index.setdefault(alias.lower(), outlet)
    return index
