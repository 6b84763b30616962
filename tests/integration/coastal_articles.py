"""Fifty short harbour-news articles written for the write-path parity test (never corpus
text): both languages, relays through wires and state media, anonymous officials, a
speaker named in full then by surname, a pronoun speaker ("ujarnya", "she said"), an
acronym the extractor cannot type in one sentence and types in another, and outlets
given by name, by a known alias or not at all."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

PEOPLE_ID = (
    ("Rina Wulandari", "Menteri Perdagangan"),
    ("Hendra Gunawan", "Kepala Badan Pangan"),
    ("Yusuf Hakim", "juru bicara Pelindo"),
    ("Sari Kusumawati", "Gubernur Sulawesi Utara"),
)
PEOPLE_EN = (
    ("Clara Jensen", "trade envoy"),
    ("Tomas Varga", "harbor commissioner"),
    ("Nadia Okafor", "chief economist"),
    ("Peter Lindqvist", "fisheries minister"),
)
WIRES = ("Antara", "Reuters", "AFP", "Kyodo", "Bernama")
STATE_MEDIA = ("KCNA", "TASS", "Xinhua")
ACRONYMS = ("GLPX", "FRMA")
TOPICS_ID = (
    ("harga ikan", "stabil hingga akhir bulan"),
    ("pelabuhan baru", "beroperasi pada bulan Maret"),
    ("stok garam", "cukup untuk enam bulan"),
    ("tarif bongkar muat", "turun sepuluh persen"),
)
TOPICS_EN = (
    ("fish prices", "hold steady until the end of the month"),
    ("the new port", "open in March"),
    ("salt stocks", "last for six months"),
    ("loading fees", "drop by ten percent"),
)
OUTLETS = ("Kompas", "Tempo", "Harian Bahari", "The Coastal Times", "Agence France-Presse")
FORMS = 8


def _surname(name: str) -> str:
    return name.split()[-1]


def _paragraph_id(rng: random.Random, form: int) -> str:
    name, role = rng.choice(PEOPLE_ID)
    topic, outcome = rng.choice(TOPICS_ID)
    wire, state = rng.choice(WIRES), rng.choice(STATE_MEDIA)
    n = rng.randint(3, 90)
    forms = (
        f"“Kami memastikan {topic} akan {outcome},” kata {name}, {role}, di Manado. "
        f"“Pasokan naik {n} persen,” ujarnya.",
        f"{role[0].upper() + role[1:]} {name} mengatakan bahwa {topic} akan {outcome}. "
        f"{_surname(name)} menambahkan bahwa antrean kapal berkurang {n} persen.",
        f"Berdasarkan laporan {wire} yang mengutip kantor berita {state}, {name} menyatakan "
        f"bahwa {topic} akan {outcome}.",
        f"Seperti dilansir {wire}, {name} menegaskan {topic} akan {outcome} dalam {n} hari.",
        f"Seorang pejabat yang enggan disebutkan namanya mengatakan bahwa {topic} bisa {outcome}.",
        f"Menurut Koperasi Nelayan Samudra, {topic} akan {outcome} jika cuaca membaik.",
        f"{rng.choice(ACRONYMS)} mengatakan bahwa {topic} belum tentu {outcome}.",
        f"Catatan pelabuhan menunjukkan {n} kapal bersandar pekan lalu.",
    )
    return forms[form]


def _paragraph_en(rng: random.Random, form: int) -> str:
    name, role = rng.choice(PEOPLE_EN)
    topic, outcome = rng.choice(TOPICS_EN)
    wire, state = rng.choice(WIRES), rng.choice(STATE_MEDIA)
    acronym = rng.choice(ACRONYMS)
    n = rng.randint(3, 90)
    forms = (
        f"“We expect {topic} to {outcome},” said {name}, the {role}. "
        f"“Demand is up {n} percent,” she said.",
        f"{name}, the {role}, said {topic} would {outcome}. "
        f"{_surname(name)} said queues at the docks were {n} percent shorter.",
        f"{wire}, citing {state}, reported that {name} expects {topic} to {outcome}.",
        f"Officials who asked not to be named said {topic} could {outcome}.",
        f"According to the Harbor Users Association, {topic} will {outcome} if the weather holds.",
        f"{acronym} said {topic} might not {outcome}.",
        f"Meanwhile, the local group {acronym} said the plan ignored small boats.",
        f"Port records show {n} ships docked last week.",
    )
    return forms[form]


def coastal_articles(count: int = 50, seed: int = 2026) -> list[dict[str, str]]:
    """``count`` JSON Lines records (the shape `tracker ingest` reads and the API takes),
    alternating Indonesian and English; some without outlet or language. Deterministic."""
    rng = random.Random(seed)
    start = datetime(2026, 3, 1, tzinfo=UTC)
    records = []
    for i in range(count):
        language = "id" if i % 2 == 0 else "en"
        paragraph = _paragraph_id if language == "id" else _paragraph_en
        forms = rng.sample(range(FORMS), rng.randint(4, 7))
        record = {
            "text": "\n".join(paragraph(rng, form) for form in forms) + f"\n(berkas {i})",
            "url": f"https://coast.example/{i}",
            "published_at": (start + timedelta(hours=i)).isoformat(),
        }
        if i % 3:
            record["outlet"] = rng.choice(OUTLETS)
        if i % 4:
            record["language"] = language
        records.append(record)
    return records
