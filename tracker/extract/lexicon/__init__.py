"""Per-language lexicon data (cue verbs, relay markers, pronouns, outlets), loaded once."""

from __future__ import annotations

import functools
from importlib import resources

import msgspec

LANGUAGES: tuple[str, ...] = ("id", "en")


class Outlet(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A known wire service or news outlet; state media is flagged so chains can warn."""

    name: str
    aliases: tuple[str, ...]
    kind: str = "news_outlet"
    domains: tuple[str, ...] = ()
    state_media: bool = False
    country: str = ""


# Lexicon fields lower-cased on load (their words are compared with lower-cased tokens).
_LOWER_CASED: tuple[str, ...] = (
    "title_nouns",
    "quote_lead_verbs",
    "infinitive_markers",
    "view_nouns",
    "view_links",
    "plain_say_verbs",
    "document_say_verbs",
    "subject_say_question_words",
    "subject_say_openers",
    "subject_say_tails",
    "coordinated_say_adverbs",
    "quote_joiners",
    "predicative_markers",
    "office_qualifiers",
    "outcome_nouns",
    "authoring_participles",
    "place_participles",
    "company_descriptors",
    "document_cue_verbs",
    "condition_openers",
    "title_markers",
    "passive_speech_verbs",
    "recording_nouns",
    "adjunct_subordinators",
    "claim_nouns",
    "claim_agents",
    "claim_copulas",
    "intent_nouns",
    "intent_markers",
    "poll_leads",
    "poll_nouns",
    "claim_relative_openers",
    "claim_relative_verbs",
    "claim_relative_tails",
    "ly_nouns",
    "line_label_words",
    "participle_connectors",
    "noun_markers",
    "empty_subjects",
    "residence_links",
    "location_links",
    "name_place_links",
    "subject_tail_links",
    "complement_predicates",
    "subject_quantifiers",
    "share_words",
    "share_approximators",
    "share_fractions",
    "share_links",
    "share_ratio_links",
    "share_openers",
    "poll_participles",
    "number_words",
    "group_cue_verbs",
    "subject_conjunctions",
    "verb_particles",
    "passive_auxiliaries",
    "passive_links",
    "passive_agent_links",
    "passive_backing_cues",
    "participle_openers",
    "question_cues",
    "apposition_links",
    "attribution_adjuncts",
    "headline_cue_verbs",
    "definite_demonstratives",
    "channel_cues",
    "channel_phrases",
    "quote_verbs",
    "quote_links",
    "quote_verbs_alone",
    "writer_citing",
    "outlet_heads",
    "broadcast_heads",
    "name_qualifiers",
    "outlet_report_verbs",
    "relayed_speech_verbs",
    "non_speech_cues",
    "medium_nouns",
    "medium_modifiers",
    "programme_nouns",
    "programme_links",
    "clause_markers",
    "negations",
    "prefixed_non_verbs",
    "document_nouns",
    "document_modifiers",
    "organization_links",
    "organization_heads",
)


class Lexicon(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """One language's words; the extractor's patterns are compiled from these, not hard-coded.

    Decoded from `<language>.json` by msgspec: a key that is no field here (a misspelt
    one) is an error, not an empty list; a missing key is an empty one.
    """

    language: str = ""
    function_words: tuple[str, ...] = ()
    cue_verbs: tuple[str, ...] = ()
    weak_cue_verbs: frozenset[str] = frozenset()
    post_cues: tuple[str, ...] = ()
    # "barked", "shot back": verbs of the manner of speaking that attribute a quote right
    # before them ('"…," Ana barked', '"…," scoffed Ana') and nothing else ("Ana barked
    # orders" reports no speech), so they are read only after a closing quote mark
    quote_manner_verbs: frozenset[str] = frozenset()
    # "chanted", "asking": verbs that attribute a quote right after them ('the crowd
    # chanted "…"', 'before asking her, "…"') and nothing elsewhere ("asking for tax
    # breaks"), read only right before an opening quote mark (sieves.lead_in)
    quote_lead_verbs: frozenset[str] = frozenset()
    # "to" of "Lee went on to say, “…”": an infinitive cue speaks for its clause's subject
    infinitive_markers: frozenset[str] = frozenset()
    # "In Lee's view, …", "in her words, “…”": a possessed noun of opinion or wording that
    # attributes the clause or quote after it to its possessor (sieves.possessive_views)
    view_nouns: frozenset[str] = frozenset()
    view_links: frozenset[str] = frozenset()  # "in" of "in Lee's view"
    # "referring to", "alluding to": a participle phrase after a quote's attribution
    # ('"…," Lee said, referring to the audit') names what that speaker spoke of, an
    # object as often as a clause (sieves.reference_tails)
    reference_tails: tuple[str, ...] = ()
    # "say", "said": verbs of saying whose subject speaks the clause after them even when
    # the subject finders read no subject (sieves.subject_says); the words that make the
    # words before them no subject: a question word anywhere ("What Lee says"), an opener
    # ("You say", "Let's say"), a last word ("to say", "do not say"; a pronoun subject
    # alone is the subject finders' to read)
    plain_say_verbs: frozenset[str] = frozenset()
    # "shows", "found": the same for a subject headed by a document noun ("Polls show …")
    document_say_verbs: frozenset[str] = frozenset()
    subject_say_question_words: frozenset[str] = frozenset()
    subject_say_openers: frozenset[str] = frozenset()
    subject_say_tails: frozenset[str] = frozenset()
    # "then", "later" of "…, and then said …": adverbs between a coordinator and the verb
    coordinated_say_adverbs: frozenset[str] = frozenset()
    # "and", "or" of 'the crowd chanted "…" and "…"': quotes joined by these are one
    # list of words, quoted by one speaker (extract.quote_lists)
    quote_joiners: frozenset[str] = frozenset()
    # "as" of 'described Lee as, "…"', 'says things such as, "…"': a quote after it is
    # what the object is called, the writer's clause in part quoted (sieves.reported_leads)
    predicative_markers: frozenset[str] = frozenset()
    nya_cues: tuple[str, ...] = ()
    complementizers: tuple[str, ...] = ()
    pronouns: dict[str, str] = {}
    according_to: tuple[str, ...] = ()
    report_nouns: tuple[str, ...] = ()
    # "Lopez's claim that …", "a warning from the agency that …": see extract.nouns
    claim_nouns: frozenset[str] = frozenset()  # nouns of saying whose "that" clause is a claim
    claim_agents: frozenset[str] = frozenset()  # "by"/"from" naming the speaker after the noun
    claim_copulas: frozenset[str] = frozenset()  # "is" of "Lopez's view is that …"
    # "Lopez's refusal to testify", "her promise to cut fares": nouns of a stated stance
    # whose infinitive is the owner's position (see extract.nouns)
    intent_nouns: frozenset[str] = frozenset()
    intent_markers: frozenset[str] = frozenset()  # "to" of "his pledge to …", "untuk"
    # "In a new Gallup poll, 40 percent back Lee": the preposition and the nouns of a poll
    # whose finding opens the sentence (sieves.poll_leads)
    poll_leads: frozenset[str] = frozenset()
    poll_nouns: frozenset[str] = frozenset()
    claim_possessor_after: bool = False  # Indonesian "klaim Lopez bahwa": the possessor follows
    possessive_pronouns: dict[str, str] = {}  # "his claim": the pronoun kind it stands for
    possessive_pronoun_suffixes: dict[str, str] = {}  # "klaimnya": the suffix's pronoun kind
    claim_relative_openers: frozenset[str] = frozenset()  # "was" of "the claim that was rejected"
    # "made" of "the claim that he made on Sunday"
    claim_relative_verbs: frozenset[str] = frozenset()
    past_participle_suffixes: tuple[str, ...] = ()  # "rejected" of "the claim that rejected …"
    # "on" there: the verb has no object, "that" is relative
    claim_relative_tails: frozenset[str] = frozenset()
    citing: tuple[str, ...] = ()
    reported_by: tuple[str, ...] = ()
    # "quoted" of "X quoted Y as saying", "mengutip" of "X mengutip Y yang mengatakan": the
    # verb of a quoted-as frame, and the link before its speech verb ("as", "yang")
    quote_verbs: frozenset[str] = frozenset()
    quote_links: frozenset[str] = frozenset()
    # "quoted" of "…, Y was quoted by X.": a quote verb that frames speech with no speech
    # verb after it ("the letter was reported by X" frames none)
    quote_verbs_alone: frozenset[str] = frozenset()
    # "Mengutip X, …" opening a sentence: the writer's own relay, not whom the speaker cites
    writer_citing: frozenset[str] = frozenset()
    # "reported" of "Y said …, the Kyodo news agency reported" and "Antara reported that Y
    # said …": an outlet's verb around another attribution makes the outlet Y's relay
    outlet_report_verbs: frozenset[str] = frozenset()
    # "said" of "Antara reported that Y said …": a speaker's verb inside an outlet's report
    # ("… reports Beck will endorse Cruz" has none)
    relayed_speech_verbs: frozenset[str] = frozenset()
    # "plans" of "X plans A, Y said": a cue naming an act or a state, which a closing
    # attribution makes part of its speaker's content (extract.sieves.closing)
    non_speech_cues: frozenset[str] = frozenset()
    based_on: tuple[str, ...] = ()
    referring: tuple[str, ...] = ()
    audience: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    role_words: tuple[str, ...] = ()
    role_affiliation_links: tuple[str, ...] = ()
    anonymous: tuple[str, ...] = ()
    institution_heads: dict[str, str] = {}
    known_institutions: tuple[str, ...] = ()
    hedges: tuple[str, ...] = ()
    adverbial_openers: frozenset[str] = frozenset()
    clause_breakers: frozenset[str] = frozenset()
    name_connectors: frozenset[str] = frozenset()
    name_stopwords: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()
    pre_cue_adverbs: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    np_modifiers: frozenset[str] = frozenset()
    outlet_descriptors: tuple[str, ...] = ()
    state_markers: frozenset[str] = frozenset()
    dash_marks: tuple[str, ...] = ()
    honorifics: frozenset[str] = frozenset()
    indefinites: frozenset[str] = frozenset()
    # indefinites that name one source ("a", "one"): never a group however the noun ends
    singular_indefinites: frozenset[str] = frozenset()
    # articles that mark a phrase as unnamed: "a White House spokesman" is nobody's name
    indefinite_articles: frozenset[str] = frozenset()
    medium_markers: tuple[str, ...] = ()
    relative_markers: frozenset[str] = frozenset()
    coordinators: frozenset[str] = frozenset()
    non_name_words: frozenset[str] = frozenset()
    weak_cues_need_complementizer: bool = True
    adverb_suffixes: tuple[str, ...] = ()
    # words with an adverb's suffix that are nouns or adjectives ("family", "assembly"): a
    # subject's head, never an adverb to drop before a cue
    ly_nouns: frozenset[str] = frozenset()
    plural_suffixes: tuple[str, ...] = ()
    clause_splitters: frozenset[str] = frozenset()
    time_words: frozenset[str] = frozenset()
    subject_relatives: frozenset[str] = frozenset()
    # "…, which state media claimed …": the relative word is the object of the cue, and the
    # noun phrase after it is the cue's subject
    object_relatives: frozenset[str] = frozenset()
    # finite auxiliaries ("was", "has", "would"): after a comma one resumes a clause a
    # relative interrupted ("the plan, which X said was a ploy, was …"); in a segment before
    # a name they make it a clause, never a role ("The firm is cutting jobs, CEO X said")
    finite_auxiliaries: frozenset[str] = frozenset()
    # Indonesian names a speaker after the cue as role, institution, name: "kata Sekretaris
    # Kementerian Koperasi dan UKM Rully Indrawan". These lower-case words (and a
    # parenthesis, a number or a capitalised stop word) inside such a run continue it.
    np_continuers: frozenset[str] = frozenset()
    # "He’s claiming", "They're saying": a pronoun with a contracted auxiliary is the pronoun
    contraction_suffixes: tuple[str, ...] = ()
    # "A state audit released last year found …": a participle after a document's head
    document_participles: frozenset[str] = frozenset()
    strict_cue_verbs: frozenset[str] = frozenset()
    definite_determiners: frozenset[str] = frozenset()
    # "the agency", "the paper", "kementerian tersebut": a definite description's head noun
    # and the kinds of named source it may stand for (see extract.definites)
    definite_heads: dict[str, tuple[str, ...]] = {}
    # "tersebut", "itu" closing an Indonesian definite description ("lembaga itu")
    definite_demonstratives: frozenset[str] = frozenset()
    # "Sen." for "senator": a clipped title before a name, lower-cased without its dot, and
    # the role noun a later description uses (extract.described_persons)
    title_abbreviations: dict[str, str] = {}
    # "vice", "former", "wakil": a word before a title that makes it another office ("Vice
    # President Ana" is no "the president") (extract.described_persons)
    office_qualifiers: frozenset[str] = frozenset()
    # "the results", "hasil": what a document found, standing for the author of the last
    # document the text named, whatever its noun ("a Gallup poll … the results")
    outcome_nouns: frozenset[str] = frozenset()
    # "conducted", "compiled": a participle whose agent wrote the document ("a survey
    # conducted by X"), unlike "obtained" or "reviewed" (extract.noun_phrases)
    authoring_participles: frozenset[str] = frozenset()
    # "monitored", "heard": a participle whose place ("monitored in London") ends the
    # subject before a cue; the place is no speaker (extract.place_participles)
    place_participles: frozenset[str] = frozenset()
    # "democrat" -> "D": a party noun closing a description of a politician named before,
    # and the letter of the party's tag ("(D-Ohio)") (extract.party_members)
    party_nouns: dict[str, str] = {}
    # "giant", "retailer": a noun describing a company right before its name ("the oil
    # giant Exxon"), which a later "the company" stands for (extract.company_descriptions)
    company_descriptors: frozenset[str] = frozenset()
    # "menunjukkan": a cue verb that reports a claim only when a document is its subject
    # ("Data BPS menunjukkan, …"), never a person showing a thing (extract.document_cues)
    document_cue_verbs: frozenset[str] = frozenset()
    # "-ing": the suffix of a participle opening a clause of its own after a set-off
    # according-to phrase ("…, according to X, taking …"); Indonesian has none: a "-kan"
    # verb there is the clause's own ("Kejadian itu, menurut X, ditemukan …")
    clause_participle_suffixes: tuple[str, ...] = ()
    # "if", "as long as", "jika": a condition opening a clause, whose verb claims nothing
    # when a later cue speaks (extract.conditional_cues)
    condition_openers: frozenset[str] = frozenset()
    # "bertajuk", "titled": a document's title in quote marks follows (extract.relay_sources)
    title_markers: frozenset[str] = frozenset()
    # "wrote", "tweeted": a cue of the speaker's own channel (extract.channels)
    channel_cues: frozenset[str] = frozenset()
    # "in a statement", "on his Facebook page", "dalam keterangan tertulis": a channel of the
    # speaker's own named right after the cue or the speaker (extract.channels)
    channel_phrases: frozenset[str] = frozenset()
    # "Corp", "Inc", "Tbk" closing a name: a company, never a person ("Exxon Corp said")
    company_suffixes: frozenset[str] = frozenset()
    line_label_words: frozenset[str] = frozenset()
    participle_suffixes: tuple[str, ...] = ()
    participle_connectors: frozenset[str] = frozenset()
    noun_markers: frozenset[str] = frozenset()
    possessive_suffixes: tuple[str, ...] = ()
    empty_subjects: frozenset[str] = frozenset()  # a lone "A", "The", "one", "three" names nobody
    # A bare upper-case word ("TV", "C2I") is a person only where papers name people by
    # initials (Indonesian "PT" for a patient); elsewhere it is an unknown source.
    acronyms_unknown: bool = False
    place_abbreviations: frozenset[str] = frozenset()  # "Va.", "N.Y.": a residence, never a speaker
    # "of"/"from" opening "X, of Springfield, Va., said"
    residence_links: frozenset[str] = frozenset()
    # "in"/"di": "Budi Santoso di Bandung" says where the speaker was, not who employs them
    location_links: frozenset[str] = frozenset()
    # "of"/"at"/"di" after a person's name open a place or employer: "Mary Lane of Ohio"
    name_place_links: frozenset[str] = frozenset()
    object_pronouns: dict[str, str] = {}  # "according to her": like `pronouns`, after a preposition
    # "Experts on trade said", "All the experts I interviewed said": see extract.subjects
    # words opening a modifier after a subject's head
    subject_tail_links: frozenset[str] = frozenset()
    # anonymous phrases ending in a word that takes a noun phrase after it ("a source close
    # to [the mayor]", "people familiar with [the talks]"): see extract.anonymous_complements
    anonymous_open: tuple[str, ...] = ()
    # predicates that take a clause of their own ("said it is likely that …", "mengatakan
    # sangat mungkin bahwa …"): between a cue and a complementizer they open the content
    complement_predicates: frozenset[str] = frozenset()
    # "that" of "a statement that said …": right before a cue, a relative subject whose
    # antecedent speaks (English only: Indonesian "yang" is read by the relative readers)
    subject_relative_that: frozenset[str] = frozenset()
    # endings of cue verbs that never have their speaker after them ('"…," echoing some
    # commentators': a participle, unlike '"…," said Ana'); Indonesian "-kan" verbs may
    uninverted_suffixes: tuple[str, ...] = ()
    # whether a noun's modifiers stand before it ("industry sources", not "sumber industri")
    modifiers_before_noun: bool = False
    subject_quantifiers: frozenset[str] = frozenset()  # "all", "most" before a subject's determiner
    share_words: frozenset[str] = frozenset()  # "percent" of "63 percent said"
    number_words: frozenset[str] = frozenset()  # "Twelve" of "Twelve percent said"
    # poll shares as subjects (extract.shares): "nearly" of "nearly half said", "a third"
    # of "a third of independents say", "of"/"among" before the group, "surveyed" of
    # "those surveyed said"
    share_approximators: frozenset[str] = frozenset()
    share_fractions: frozenset[str] = frozenset()
    share_links: frozenset[str] = frozenset()
    share_ratio_links: frozenset[str] = frozenset()  # "in" of "eight in 10"
    share_openers: frozenset[str] = frozenset()  # "while" of "while 22 percent said"
    poll_participles: frozenset[str] = frozenset()
    # speech and written-position verbs an unnamed group takes
    group_cue_verbs: frozenset[str] = frozenset()
    # "and" of "The station and its defenders say"
    subject_conjunctions: frozenset[str] = frozenset()
    # "was" of "was backed by": the subject is spoken of
    passive_auxiliaries: frozenset[str] = frozenset()
    passive_links: frozenset[str] = frozenset()  # "by" of "was backed by X": the agent follows
    # "by" of "was rejected by the council": the agent said something of the subject
    passive_agent_links: frozenset[str] = frozenset()
    # "supported" of "was supported by X": X backs the subject, says nothing of it
    passive_backing_cues: frozenset[str] = frozenset()
    # "instead of" of "Instead of calling …, X said": words a participle lead opens with
    participle_openers: frozenset[str] = frozenset()
    # "asked" of "Asked about the audit, Lopez said": what was asked opens the clause
    question_cues: frozenset[str] = frozenset()
    # "out" of "backed out": a cue word made into another verb
    verb_particles: frozenset[str] = frozenset()
    # words after a cue word that make it another word: "appeared on MSNBC" (a guest, no
    # claim), "Reporting by …" (a credit line), "eight states with …" (a noun)
    non_cue_followers: dict[str, frozenset[str]] = {}
    # "such" of "the referees, such as Park and Diallo, say"
    apposition_links: frozenset[str] = frozenset()
    headline_cue_verbs: frozenset[str] = frozenset()  # "Says" of "Moreno Says New Library Will …"
    # words opening what completes an attribution before a comma ("told me on Tuesday,",
    # "said in its annual survey,"), after which the content resumes
    attribution_adjuncts: frozenset[str] = frozenset()
    # "Ledger" of "told The Daily Ledger": a masthead word names an unlisted news outlet
    outlet_mastheads: frozenset[str] = frozenset()
    # "newspaper" of "the armed forces newspaper Harian AB": a relay hop with such a word
    # and a name is a news outlet, listed or not
    outlet_heads: frozenset[str] = frozenset()
    # "radio" of "Tehran radio said": a broadcast head after a place names the broadcaster
    # with the place ("Tehran radio", "Turkish television"), not the place alone
    broadcast_heads: frozenset[str] = frozenset()
    # "Pol" of "Brigadir Jenderal (Pol) Budi", "ret." of "Gen. (ret.) Ann Lee": a rank's
    # qualifier in parentheses inside a name, read as a space so the name stays whole
    name_qualifiers: frozenset[str] = frozenset()
    # nouns that make a phrase a news outlet ("the official X news agency", "state
    # television", "harian X"): its head, last in English, first in Indonesian
    medium_nouns: frozenset[str] = frozenset()
    # "official" of "the official X news agency": lower-case words such a phrase may hold
    # ("a white paper" is a document, no outlet)
    medium_modifiers: frozenset[str] = frozenset()
    # "said on a Sunday talk show on NBC": a programme noun, then a link to its outlet
    programme_nouns: frozenset[str] = frozenset()
    # "tidak", "akan", "harus": a clause follows a weak cue that has no complementizer
    # ("Zudan memastikan tidak ada …"), not an object ("memastikan keamanan warga")
    clause_markers: frozenset[str] = frozenset()
    negations: frozenset[str] = frozenset()  # "tidak bisa memastikan": a cue denied, no claim
    # "men-" of "menciptakan": a verb's prefix ("UU itu menciptakan …" is a clause), and
    # words with it that are no verbs ("mengenai", "melalui")
    verb_prefixes: tuple[str, ...] = ()
    # "a statement by X", "X's annual report", "data BPS": nouns of documents whose author
    # is the source, and the words that may stand between the noun and its author
    document_nouns: frozenset[str] = frozenset()
    document_modifiers: frozenset[str] = frozenset()
    # "Tass reported …" then "the report": the document a reporting verb makes, whose
    # author is the verb's subject (extract.report_authors)
    report_verb_documents: dict[str, str] = {}
    prefixed_non_verbs: frozenset[str] = frozenset()
    programme_links: frozenset[str] = frozenset()
    # "French" of "the French newspaper": an adjective of origin, never a masthead
    demonym_suffixes: tuple[str, ...] = ()
    # "for" of "Center for Responsive Politics", "dan" of "Lembaga Penyelidikan Ekonomi dan
    # Masyarakat": lower-case words inside an organisation's name, and the heads ("center",
    # "lembaga") that make such a run an organisation (extract.org_names)
    organization_links: frozenset[str] = frozenset()
    organization_heads: frozenset[str] = frozenset()
    # "Hal serupa diungkapkan X.", "The same point was made by X.": passive speech verbs
    # whose agent closes the sentence and is whom a later "dia" / "he" means
    # (extract.passive_agents)
    passive_speech_verbs: frozenset[str] = frozenset()
    # "…," X said, according to audio obtained by Y: a recording of the speaker's own words
    # is a channel, no hop (extract.recordings)
    recording_nouns: frozenset[str] = frozenset()
    # "when asked", "ketika ditanya": a cue after one of these is the occasion of a
    # statement, not its predicate (extract.adjunct_cues)
    adjunct_subordinators: frozenset[str] = frozenset()
    # "in his 2012 book, “An American Son.”", "the author of “Hacked World Order,”": nouns
    # naming a work, whose Title Case quote after them is a title, not speech
    # (sieves.quote_cues)
    title_nouns: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        # Words compared with lower-cased tokens are kept lower-cased, whatever the file says.
        for name in _LOWER_CASED:
            lowered = frozenset(w.lower() for w in getattr(self, name))
            msgspec.structs.force_setattr(self, name, lowered)
        places = frozenset(w.strip(".") for w in self.place_abbreviations)  # "Va." -> "Va"
        msgspec.structs.force_setattr(self, "place_abbreviations", places)
        followers = {k.lower(): v for k, v in self.non_cue_followers.items()}
        msgspec.structs.force_setattr(self, "non_cue_followers", followers)
        heads = {k.lower(): v for k, v in self.definite_heads.items()}
        msgspec.structs.force_setattr(self, "definite_heads", heads)


def decode_lexicon(data: bytes | str, language: str) -> Lexicon:
    """A lexicon from its JSON; ValueError (naming the key) for an unknown key or a value of
    the wrong type."""
    try:
        lexicon = msgspec.json.decode(data, type=Lexicon)
    except msgspec.ValidationError as exc:
        raise ValueError(f"lexicon {language!r}: {exc}") from None
    if lexicon.language != language:
        lexicon = msgspec.structs.replace(lexicon, language=language)
    return lexicon


def decode_outlets(data: bytes | str) -> tuple[Outlet, ...]:
    """The outlet list from its JSON; ValueError for an unknown key or a wrong type."""
    try:
        return msgspec.json.decode(data, type=tuple[Outlet, ...])
    except msgspec.ValidationError as exc:
        raise ValueError(f"outlets: {exc}") from None


def _read(name: str) -> bytes:
    return resources.files(__name__).joinpath(name).read_bytes()


@functools.cache
def load_lexicon(language: str) -> Lexicon:
    """Load a language's lexicon; raises ValueError so callers get one clear error type."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected one of {', '.join(LANGUAGES)}")
    return decode_lexicon(_read(f"{language}.json"), language)


@functools.cache
def load_outlets() -> tuple[Outlet, ...]:
    """Known outlets shared by all languages (a wire story cites Yonhap in any language)."""
    return decode_outlets(_read("outlets.json"))


@functools.cache
def outlet_index() -> dict[str, Outlet]:
    """Alias -> outlet, with a lower-cased key too so "the Associated Press" still resolves."""
    index: dict[str, Outlet] = {}
    for outlet in load_outlets():
        for alias in (outlet.name, *outlet.aliases):
            index.setdefault(alias, outlet)
            index.setdefault(alias.lower(), outlet)
    return index
