"""Relay frames: a passage a relay opens holds for the statements that continue it, and ends
when another source, a new relay, the speaker's own channel or the writer's narration takes
over (texts written for these tests)."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import chain_of
from tracker.extract import extract

OPENER_EN = "The cut will start in May, Finance Minister Ahmad Rahim told the Bernama news agency."
# the same passage as a report ("according to"): Bernama's account of one statement, which
# the writer may have checked since; an interview ("told the agency") is how the writer heard
# Rahim at all, and keeps its relay past other sources (test_outlet_voices.py)
REPORT_EN = (
    "The cut will start in May, Finance Minister Ahmad Rahim said, according to the Bernama"
    " news agency."
)
OPENER_ID = (
    "Seperti dilansir Reuters, Menteri Keuangan Budi Santoso mengatakan subsidi BBM akan dipangkas."
)


@pytest.mark.parametrize(
    ("text", "language", "needle", "chain"),
    [
        # the same speaker by a pronoun, by name, by a quote with no cue
        (f"{OPENER_EN} He said the savings would go to schools.", "en", "savings", None),
        (f"{OPENER_EN} Rahim said the savings would go to schools.", "en", "savings", None),
        (f'{OPENER_EN} "The savings will go to schools."', "en", "savings", None),
        (
            f"{OPENER_EN} He said the savings would go to schools.\nRahim added that the plan"
            " was approved by the cabinet on Friday.",
            "en",
            "approved",
            None,
        ),
        # the relay speaking for itself, by a description: the frame's hops up to it
        (
            f"{OPENER_EN} The agency said the cabinet approved the plan on Friday.",
            "en",
            "cabinet",
            ["Bernama"],
        ),
        (f"{OPENER_ID} Ia menambahkan, pemangkasan dimulai Mei.", "id", "dimulai Mei", None),
        (f"{OPENER_ID} Budi juga mengatakan dana itu dialihkan.", "id", "dialihkan", None),
        (
            f'{OPENER_ID} "Dananya untuk sekolah," ujarnya.',
            "id",
            "Dananya",
            None,
        ),
        (
            "Berdasarkan laporan Yonhap yang mengutip KCNA, Kim Jong Un menyatakan bahwa latihan"
            ' itu berhasil. "Kami akan terus berlatih," sambungnya.',
            "id",
            "terus berlatih",
            ["Yonhap", "KCNA", "Kim Jong Un"],
        ),
    ],
)
def test_a_statement_continuing_the_frame_takes_its_chain(
    text: str, language: str, needle: str, chain: list[str] | None
) -> None:
    ex = extract(text, language)
    opener = ex.statements[0]
    assert len(opener.chain) >= 2  # the frame is a relayed one
    expected = chain if chain is not None else [h.source.name for h in opener.chain]
    assert chain_of(ex.statements, needle) == expected


@pytest.mark.parametrize(
    ("text", "language", "needle", "chain"),
    [
        # another source speaks: the frame is over, for it and for the speaker after it
        (
            f"{OPENER_EN} Opposition leader Tan Lee said the plan was unfair.",
            "en",
            "unfair",
            ["Tan Lee"],
        ),
        (
            f"{REPORT_EN} Opposition leader Tan Lee said the plan was unfair. Rahim said the"
            " savings would go to schools.",
            "en",
            "savings",
            ["Ahmad Rahim"],
        ),
        (
            f'{REPORT_EN} "It hurts the poor," Tan Lee said. "We will see," Rahim said.',
            "en",
            "We will see",
            ["Ahmad Rahim"],
        ),
        # a paragraph of the writer's own narration between
        (
            f"{REPORT_EN}\nThe subsidy cost the state 5 billion ringgit last year.\nHe said the"
            " savings would go to schools.",
            "en",
            "savings",
            ["Ahmad Rahim"],
        ),
        # a new relay opens a frame of its own
        (
            f"{OPENER_EN} He told Reuters that the savings would go to schools.",
            "en",
            "savings",
            ["Reuters", "Ahmad Rahim"],
        ),
        # the speaker's own channel: a statement, a post, a news conference
        (
            f"{OPENER_EN} He said in a statement on Tuesday that the savings would go to schools.",
            "en",
            "savings",
            ["Ahmad Rahim"],
        ),
        (
            f"{OPENER_EN} He wrote on Facebook that the savings would go to schools.",
            "en",
            "savings",
            ["Ahmad Rahim"],
        ),
        (
            f"{OPENER_ID} Ketua DPR Joko Susilo mengatakan rencana itu perlu dibahas.",
            "id",
            "perlu dibahas",
            ["Joko Susilo"],
        ),
        (
            f"{OPENER_ID} Ketua DPR Joko Susilo mengatakan rencana itu perlu dibahas. Budi"
            " mengatakan pemangkasan dimulai Mei.",
            "id",
            "dimulai Mei",
            ["Budi Santoso"],
        ),
        (
            f"{OPENER_ID}\nPemerintah membelanjakan Rp 50 triliun untuk subsidi tahun lalu.\nIa"
            " menambahkan, pemangkasan dimulai Mei.",
            "id",
            "dimulai Mei",
            ["Budi Santoso"],
        ),
        (
            f"{OPENER_ID} Budi mengatakan dalam keterangan tertulis bahwa pemangkasan dimulai Mei.",
            "id",
            "dimulai Mei",
            ["Budi Santoso"],
        ),
        (
            f'{OPENER_ID} "Pemangkasan dimulai Mei," ujar Budi kepada wartawan.',
            "id",
            "dimulai Mei",
            ["Budi Santoso"],
        ),
        (
            f'{OPENER_ID} "Pemangkasan dimulai Mei," tulis Budi di akun Instagram-nya.',
            "id",
            "dimulai Mei",
            ["Budi Santoso"],
        ),
    ],
)
def test_the_frame_ends(text: str, language: str, needle: str, chain: list[str]) -> None:
    ex = extract(text, language)
    assert len(ex.statements[0].chain) == 2  # the frame was opened
    assert chain_of(ex.statements, needle) == chain


@pytest.mark.parametrize(
    ("text", "language", "needle"),
    [
        # "according to" a person or a body relays its own sentence only
        (
            "Police said they would not release the video, according to lawyers for the family."
            " The officer wore no camera, police said.",
            "en",
            "no camera",
        ),
        (
            "Polisi belum akan merilis rekaman itu, menurut kuasa hukum keluarga. Petugas itu"
            " tidak memakai kamera, kata polisi.",
            "id",
            "kamera",
        ),
    ],
)
def test_according_to_a_person_or_body_opens_no_frame(
    text: str, language: str, needle: str
) -> None:
    ex = extract(text, language)
    assert len(chain_of(ex.statements, needle)) == 1


def test_a_line_wrapped_mid_sentence_is_no_paragraph_of_narration() -> None:
    text = (
        f"{OPENER_EN} He said the schools would get new buildings and\n"
        "Libraries. He said the plan was approved on Friday."
    )
    ex = extract(text, "en")
    assert chain_of(ex.statements, "approved") == ["Bernama", "Ahmad Rahim"]


@pytest.mark.parametrize(
    ("text", "language", "needle", "chain"),
    [
        # "the officials", "the spokesman" after another source and narration
        (
            "The pier may close, port officials were quoted by the Harbor Gazette as saying.\n"
            "Mayor Ana Lopez said she had not been told.\n"
            "The pier was built in 1950.\n"
            "The repairs could take a year, the officials said.",
            "en",
            "repairs",
            ["Harbor Gazette", "port officials"],
        ),
        (
            "The Harbor Gazette quoted an official of the port as saying the pier may close.\n"
            "The pier was built in 1950.\n"
            "The official added that the repairs could take a year.",
            "en",
            "repairs",
            ["Harbor Gazette", "an official of the port"],
        ),
        (
            "Harian Suara Pelabuhan mengutip sumber di pelabuhan yang mengatakan dermaga akan"
            " ditutup.\nDermaga itu dibangun pada 1950.\nSumber itu mengatakan perbaikan akan"
            " memakan waktu setahun.",
            "id",
            "perbaikan",
            ["Harian Suara Pelabuhan", "sumber di pelabuhan"],
        ),
    ],
)
def test_an_anonymous_source_heard_through_a_relay_keeps_it(
    text: str, language: str, needle: str, chain: list[str]
) -> None:
    """The writer never heard the anonymous source first-hand: its relay stays its chain."""
    assert chain_of(extract(text, language).statements, needle) == chain


def test_an_anonymous_source_heard_first_hand_stays_first_hand() -> None:
    text = (
        "The pier may close, officials told the Harbor Gazette.\n"
        "The pier was built in 1950.\n"
        "Officials said on Monday the repairs could take a year."
    )
    statements = extract(text, "en").statements
    assert chain_of(statements, "repairs") == ["Officials"]


def test_an_anonymous_source_on_a_channel_of_its_own_is_first_hand() -> None:
    text = (
        "The Harbor Gazette quoted an official of the port as saying the pier may close.\n"
        "The pier was built in 1950.\n"
        "The official said in a statement that the repairs could take a year."
    )
    statements = extract(text, "en").statements
    assert chain_of(statements, "repairs") == ["an official of the port"]
