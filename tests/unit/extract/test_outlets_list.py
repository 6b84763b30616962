"""The outlet list (lexicon/outlets.json): loadable, unambiguous, well-formed, and guarded."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from tracker.extract import extract
from tracker.extract.lexicon import load_outlets, outlet_index
from tracker.extract.model import SOURCE_KINDS
from tracker.store.names import normalize_name

# a host name: dot-separated labels of letters, digits and inner hyphens, a letter TLD
DOMAIN_re = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$")
COUNTRY_re = re.compile(r"^(?:[A-Z]{2})?$")

# Aliases that name something else as often as the outlet: a speaker whose name starts or
# ends with one would be taken for the outlet ("Evan Spiegel said" -> Der Spiegel).
GUARDED = (
    "Sun",
    "Times",
    "Post",
    "Mirror",
    "Star",
    "Express",
    "Independent",
    "The Independent",
    "Nation",
    "The Nation",
    "Vice",
    "Time",
    "Forbes",
    "Dawn",
    "Petra",
    "Spiegel",
    "PA",
    "PTI",
    "AAP",
    "APA",
    "PAP",
    "NRC",
    "ANC",
    "AKP",
    "NTB",
    "RBC",
    "AGI",
    "AJC",
    "Rai",
)


def test_the_list_loads_with_several_hundred_outlets() -> None:
    outlets = load_outlets()
    assert len(outlets) >= 300
    assert all(o.name and o.aliases for o in outlets)


def test_no_name_or_alias_points_to_two_outlets() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for outlet in load_outlets():
        for alias in (outlet.name, *outlet.aliases):
            owners[normalize_name(alias)].add(outlet.name)
    shared = {key: names for key, names in owners.items() if len(names) > 1}
    assert shared == {}


def test_canonical_names_are_unique_and_listed_among_the_aliases() -> None:
    names = [o.name for o in load_outlets()]
    assert len(names) == len(set(names))
    assert all(o.name in o.aliases for o in load_outlets())


def test_every_domain_is_a_host_name_of_one_outlet() -> None:
    owners: dict[str, list[str]] = defaultdict(list)
    for outlet in load_outlets():
        for domain in outlet.domains:
            assert DOMAIN_re.match(domain), (outlet.name, domain)
            owners[domain].append(outlet.name)
    assert {d: n for d, n in owners.items() if len(n) > 1} == {}


def test_kinds_and_countries_are_valid() -> None:
    for outlet in load_outlets():
        assert outlet.kind in SOURCE_KINDS, outlet.name
        assert COUNTRY_re.match(outlet.country), outlet.name


@pytest.mark.parametrize("alias", GUARDED)
def test_ambiguous_words_are_not_aliases(alias: str) -> None:
    assert alias not in outlet_index()


@pytest.mark.parametrize(
    ("name", "state_media"),
    [
        ("KCNA", True),
        ("Xinhua", True),
        ("TASS", True),
        ("Saudi Press Agency", True),
        ("Middle East News Agency", True),
        ("BBC", False),
        ("NHK", False),
        ("Australian Broadcasting Corporation", False),
        ("Voice of America", False),
    ],
)
def test_state_media_flag_follows_the_documented_rule(name: str, state_media: bool) -> None:
    assert outlet_index()[name].state_media is state_media


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("New China News Agency", "Xinhua"),
        ("Korean Central News Agency", "KCNA"),
        ("British Broadcasting Corp", "BBC"),
        ("Emirates News Agency", "WAM"),
        ("Harian Kompas", "Kompas"),
    ],
)
def test_variants_resolve_to_one_canonical_name(alias: str, canonical: str) -> None:
    assert outlet_index()[alias].name == canonical


def test_a_listed_outlet_after_told_is_the_medium_hop() -> None:
    statement = extract(
        "The plant will reopen in June, Minister Dana Holt told the Emirates News Agency.", "en"
    ).statements[0]
    assert [(h.source.name, h.source.kind) for h in statement.chain] == [
        ("WAM", "news_outlet"),
        ("Dana Holt", "person"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Snap chief executive Evan Spiegel said the app would stay free.",
        "Actress Aishwarya Rai said the film would open in May.",
    ],
)
def test_a_person_named_like_a_guarded_alias_stays_a_person(text: str) -> None:
    speaker = extract(text, "en").statements[0].speaker
    assert speaker is not None and speaker.kind == "person"
