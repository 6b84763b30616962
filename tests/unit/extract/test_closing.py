"""A clause closed by an attribution ("X plans A, Y said.", "…, kata Y.", "…, the agency
reported.", "…, according to Y."): a cue naming an act or a state inside it is Y's content,
not X's attribution; a verb of saying there keeps its own speaker."""

from __future__ import annotations

import pytest

from tracker.extract import extract


def _chains(text: str, language: str) -> dict[str, list[str]]:
    return {
        s.text: [h.source.name for h in s.chain]
        for s in extract(text, language).statements
        if s.kind != "partial"
    }


@pytest.mark.parametrize(
    ("text", "language", "content", "chain"),
    [
        (
            "The port authority plans to close the north pier in June, a spokesman for the"
            " Harbour Board said.",
            "en",
            "The port authority plans to close the north pier in June",
            ["a spokesman for the Harbour Board"],
        ),
        (
            "The water company is expected to raise its tariffs next month, union leaders"
            " said on Friday.",
            "en",
            "The water company is expected to raise its tariffs next month",
            ["union leaders"],
        ),
        (
            "Mayor Ines Paredes rejected a request by bus drivers to delay the new routes,"
            " the Transport Workers Union said.",
            "en",
            "Mayor Ines Paredes rejected a request by bus drivers to delay the new routes",
            ["the Transport Workers Union"],
        ),
        (
            "The coastal province decided to ban trawling near the reefs, the Lusa news agency"
            " reported.",
            "en",
            "The coastal province decided to ban trawling near the reefs",
            ["Lusa"],
        ),
        (
            "The school board sought bids from three builders, according to people familiar"
            " with the tender.",
            "en",
            "The school board sought bids from three builders",
            ["people familiar with the tender"],
        ),
        (
            "According to the union, the mill wants to cut two shifts in the spring.",
            "en",
            "the mill wants to cut two shifts in the spring",
            ["the union"],
        ),
        (
            "Pemerintah kota berencana menutup pasar ikan lama pada bulan Juni, kata Kepala"
            " Dinas Perdagangan Sari Wulandari.",
            "id",
            "Pemerintah kota berencana menutup pasar ikan lama pada bulan Juni",
            ["Sari Wulandari"],
        ),
        (
            "Pabrik itu berharap izin ekspor terbit pekan depan, ujar Ketua Serikat Pekerja"
            " Anton Wibisono.",
            "id",
            "Pabrik itu berharap izin ekspor terbit pekan depan",
            ["Anton Wibisono"],
        ),
    ],
)
def test_a_closing_attribution_takes_the_clause_whole(
    text: str, language: str, content: str, chain: list[str]
) -> None:
    got = _chains(text, language).get(content)
    assert got is not None and len(got) == len(chain)
    assert all(name.endswith(want) for name, want in zip(got, chain, strict=True))


@pytest.mark.parametrize(
    ("text", "language", "content", "speaker"),
    [
        (
            # a verb of saying keeps its speaker however the sentence closes
            "Minister Ivo Kral said the port would be sold, the Tanjug news agency reported.",
            "en",
            "the port would be sold",
            "Ivo Kral",
        ),
        (
            # no closing attribution: the act verb is the only cue, its subject speaks
            "The governor plans to veto the budget bill.",
            "en",
            "to veto the budget bill",
            "The governor",
        ),
        (
            "Menteri Budi Hartono mengatakan impor beras akan naik, lapor kantor berita Antara.",
            "id",
            "impor beras akan naik",
            "Budi Hartono",
        ),
    ],
)
def test_a_speech_verb_or_a_lone_cue_keeps_its_speaker(
    text: str, language: str, content: str, speaker: str
) -> None:
    by_text = {s.text: s for s in extract(text, language).statements if s.kind != "partial"}
    assert content in by_text
    found = by_text[content].speaker
    assert found is not None and found.name.endswith(speaker)


@pytest.mark.parametrize(
    ("text", "content", "chain"),
    [
        (
            # "found himself" is no finding: the relay's statement
            "The senator has found himself in a difficult position, according to his aide"
            " Mara Quist.",
            "The senator has found himself in a difficult position",
            ["Mara Quist"],
        ),
        (
            # a finding keeps its finder, relayed
            "The Justice Department has found 300 unpaid invoices, according to Politico.",
            "300 unpaid invoices",
            ["Politico", "Justice Department"],
        ),
    ],
)
def test_found_is_a_finding_unless_reflexive(text: str, content: str, chain: list[str]) -> None:
    got = _chains(text, "en").get(content)
    assert got is not None and len(got) == len(chain)
    assert all(name.endswith(want) for name, want in zip(got, chain, strict=True))


@pytest.mark.parametrize(
    ("text", "language", "content", "source"),
    [
        (
            "The senator came back for the last minutes of the lunch and said little,"
            " according to an aide.",
            "en",
            "The senator came back for the last minutes of the lunch and said little",
            "an aide",
        ),
        (
            "Ia kembali ke kantor pada sore hari dan mengatakan sedikit, menurut seorang pegawai.",
            "id",
            "Ia kembali ke kantor pada sore hari dan mengatakan sedikit",
            "seorang pegawai",
        ),
    ],
)
def test_a_cue_with_no_claim_leaves_the_clause_to_its_closing_relay(
    text: str, language: str, content: str, source: str
) -> None:
    assert _chains(text, language).get(content) == [source]


@pytest.mark.parametrize(
    ("text", "language", "content", "chain"),
    [
        ("The police said the north pier would close, he said.", "en",
         "the north pier would close", ["The police"]),
        ("Polisi menyatakan dermaga utara akan ditutup, katanya.", "id",
         "dermaga utara akan ditutup", ["Polisi"]),
        ("Polisi menyatakan dermaga utara akan ditutup sampai Senin, ujarnya.", "id",
         "dermaga utara akan ditutup sampai Senin", ["Polisi"]),
    ],
)  # fmt: skip
def test_a_pronoun_tag_closing_reported_speech_is_not_in_its_words(
    text: str, language: str, content: str, chain: list[str]
) -> None:
    """ "…, he said." / "…, katanya.": the tag attributes the words, it is not among them;
    a pronoun relays nobody (it may be the opener again)."""
    chains = _chains(text, language)
    assert chains.get(content) == chain, chains
