"""Sources: kinds, roles and affiliations, aliases merged into one source, unnamed groups."""

from __future__ import annotations

import pytest

from tracker.extract import extract


def test_aliases_resolve_to_one_source() -> None:
    text = (
        "Presiden Lina Kartika Dewi mengatakan bahwa ekonomi tumbuh. "
        "Lina juga menyatakan bahwa inflasi turun. “Kita optimistis,” kata lina kartika."
    )
    ex = extract(text, "id")
    persons = [s for s in ex.sources if s.kind == "person"]
    assert len(persons) == 1
    assert persons[0].name == "Lina Kartika Dewi"
    assert {"Lina", "Lina Kartika Dewi"} <= set(persons[0].aliases)
    assert len({s.speaker.key for s in ex.statements if s.speaker}) == 1


@pytest.mark.parametrize(
    ("text", "language", "kind", "role", "affiliation"),
    [
        (
            "Sinta Wulan, peneliti di Lembaga Riset Pangan, mengatakan bahwa harga stabil.",
            "id",
            "person",
            "peneliti",
            "Lembaga Riset Pangan",
        ),
        (
            "Pemimpin Partai Hijau, Dodi Firmansyah, mengatakan bahwa koalisi solid.",
            "id",
            "person",
            "Pemimpin",
            "Partai Hijau",
        ),
        (
            "Sumber yang tidak mau disebutkan namanya mengatakan bahwa rapat ditunda.",
            "id",
            "anonymous",
            None,
            None,
        ),
        ("Seorang pejabat mengatakan bahwa anggaran dipangkas.", "id", "anonymous", None, None),
        (
            "Badan intelijen negara itu menyatakan bahwa ancaman meningkat.",
            "id",
            "government_body",
            None,
            None,
        ),
        (
            "Two people familiar with the matter said the merger was off.",
            "en",
            "anonymous",
            None,
            None,
        ),
        ("Officials said the airport would reopen.", "en", "anonymous", None, None),
        (
            "John Park, a professor at Seoul University, said the tests were routine.",
            "en",
            "person",
            "professor",
            "Seoul University",
        ),
        ("The police said the suspect fled.", "en", "government_body", None, None),
    ],
)
def test_source_kinds_roles_affiliations(
    text: str, language: str, kind: str, role: str | None, affiliation: str | None
) -> None:
    ex = extract(text, language)
    sp = ex.statements[0].speaker
    assert sp is not None
    assert (sp.kind, sp.role, sp.affiliation) == (kind, role, affiliation)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Most of the voters in the county say the road should be rebuilt.", "Most of the voters"),
        ("Most Americans say the economy is weak.", "Most Americans"),
        ("Several Democrats said the bill was flawed.", "Several Democrats"),
        ("Two Republicans said the bill was flawed.", "Two Republicans"),
    ],
)
def test_a_quantified_plural_is_an_anonymous_group(text: str, name: str) -> None:
    """ "Most Americans" is nobody's name: an unnamed group, never merged across stories."""
    [statement] = extract(text, "en").statements
    assert statement.speaker is not None
    assert statement.speaker.name.startswith(name)
    assert statement.speaker.kind == "anonymous"


@pytest.mark.parametrize(
    ("text", "role", "affiliation"),
    [
        ("A White House spokesman said the bill was flawed.", "spokesman", "White House"),
        ("An Israeli official said the talks had failed.", "official", "Israeli"),
        ("A Trump adviser said the bill was flawed.", "adviser", "Trump"),
        ("A Democrat said the bill was flawed.", None, "Democrat"),
    ],
)
def test_an_article_means_nobody_is_named(text: str, role: str | None, affiliation: str) -> None:
    """ "a White House spokesman" is an anonymous source (never merged across stories),
    however capitalised the words after the article are."""
    [statement] = extract(text, "en").statements
    speaker = statement.speaker
    assert speaker is not None
    assert (speaker.kind, speaker.role, speaker.affiliation) == ("anonymous", role, affiliation)


@pytest.mark.parametrize(
    ("text", "language", "content", "name"),
    [
        (
            "Pemimpin partai itu, Rudi Hartono Siregar, memuji hubungan dengan buruh.\n"
            "Berdasarkan laporan Antara, Siregar menyatakan bahwa upah akan naik tahun depan.",
            "id",
            "upah akan naik tahun depan",
            "Rudi Hartono Siregar",
        ),
        (
            "The party leader, Anna Maria Lopez, praised the union on Monday.\n"
            "Lopez said wages would rise next year.",
            "en",
            "wages would rise next year",
            "Anna Maria Lopez",
        ),
    ],
)
def test_a_short_name_is_the_person_an_earlier_sentence_was_about(
    text: str, language: str, content: str, name: str
) -> None:
    by_text = {s.text: s for s in extract(text, language).statements}
    speaker = by_text[content].speaker
    assert speaker is not None and speaker.name == name
