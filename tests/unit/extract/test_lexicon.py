"""The lexicon files decode into the lexicon types, and a misspelt key is an error."""

from __future__ import annotations

import json

import pytest

from tracker.extract.lexicon import (
    LANGUAGES,
    Lexicon,
    decode_lexicon,
    decode_outlets,
    load_lexicon,
    load_outlets,
)


def test_a_misspelt_key_is_an_error_naming_it() -> None:
    """Before msgspec a misspelt key silently became an empty list (no cue verbs at all)."""
    with pytest.raises(ValueError, match="cue_verb"):
        decode_lexicon(json.dumps({"cue_verb": ["said"]}), "en")


def test_a_value_of_the_wrong_type_is_an_error() -> None:
    with pytest.raises(ValueError, match="cue_verbs"):
        decode_lexicon(json.dumps({"cue_verbs": "said"}), "en")
    with pytest.raises(ValueError, match="acronyms_unknown"):
        decode_lexicon(json.dumps({"acronyms_unknown": "yes"}), "en")


def test_missing_keys_are_empty_and_flags_keep_their_defaults() -> None:
    lexicon = decode_lexicon(json.dumps({"cue_verbs": ["said", "told"]}), "en")
    assert lexicon.cue_verbs == ("said", "told")
    assert lexicon.hedges == ()
    assert lexicon.pronouns == {}
    assert lexicon.weak_cues_need_complementizer is True
    assert lexicon.acronyms_unknown is False


def test_words_compared_with_lower_cased_tokens_are_lower_cased() -> None:
    lexicon = decode_lexicon(
        json.dumps(
            {
                "claim_nouns": ["Claim", "WARNING"],
                "place_abbreviations": ["Va.", "N.Y."],
                "non_cue_followers": {"Appeared": ["on"]},
                "cue_verbs": ["Said"],  # order and case of cue phrases are the file's
            }
        ),
        "en",
    )
    assert lexicon.claim_nouns == frozenset({"claim", "warning"})
    assert lexicon.place_abbreviations == frozenset({"Va", "N.Y"})
    assert lexicon.non_cue_followers == {"appeared": frozenset({"on"})}
    assert lexicon.cue_verbs == ("Said",)


def test_the_language_is_the_one_asked_for() -> None:
    assert decode_lexicon(json.dumps({"language": "xx"}), "id").language == "id"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_shipped_lexicons_load(language: str) -> None:
    lexicon = load_lexicon(language)
    assert isinstance(lexicon, Lexicon)
    assert lexicon.language == language
    assert lexicon.cue_verbs and lexicon.according_to and lexicon.pronouns
    assert all(w == w.lower() for w in lexicon.claim_nouns)


def test_unknown_language_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        load_lexicon("fr")


def test_outlets_decode_with_defaults_and_reject_unknown_keys() -> None:
    (outlet,) = decode_outlets(json.dumps([{"name": "Harbor Wire", "aliases": ["HW"]}]))
    assert (outlet.kind, outlet.domains, outlet.state_media) == ("news_outlet", (), False)
    with pytest.raises(ValueError, match="state_medium"):
        decode_outlets(json.dumps([{"name": "X", "aliases": [], "state_medium": True}]))
    assert any(o.state_media for o in load_outlets())
