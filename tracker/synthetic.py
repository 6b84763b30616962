"""Synthetic news articles from the project's own templates, for benches and load tests.

Each article is built from short paragraphs written for tracker (never corpus text):
direct quotes with post- and pre-attribution, indirect speech, relay chains through
wire services, anonymous sources and the outlet's own analysis, in Indonesian or
English. Deterministic for a given seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

PEOPLE = (
    ("Budi Santoso", "Menteri Keuangan", "Finance Minister"),
    ("Siti Rahmawati", "Gubernur Jawa Barat", "Governor of West Java"),
    ("Andi Pratama", "juru bicara Kepolisian", "police spokesman"),
    ("Dewi Lestari", "ekonom senior", "senior economist"),
    ("Maria Lopez", "Wali Kota", "Mayor"),
    ("John Carter", "Senator", "Senator"),
    ("Aiko Tanaka", "direktur riset", "research director"),
    ("Rahul Mehta", "analis energi", "energy analyst"),
    ("Ahmad Fauzi", "Kepala Bappenas", "head of the planning agency"),
    ("Laura Schmidt", "Menteri Luar Negeri", "Foreign Minister"),
)
WIRES = ("Antara", "Reuters", "AFP", "Yonhap", "Kyodo", "Xinhua", "Bloomberg", "AP")
STATE = ("KCNA", "TASS", "Xinhua", "Antara")
TOPICS_ID = (
    ("harga beras", "turun dalam dua bulan ke depan"),
    ("proyek jalan tol", "selesai sebelum akhir tahun"),
    ("inflasi", "tetap terkendali di bawah tiga persen"),
    ("ekspor nikel", "naik tajam tahun ini"),
    ("program vaksinasi", "menjangkau seluruh provinsi"),
)
TOPICS_EN = (
    ("rice prices", "fall within two months"),
    ("the toll road project", "be finished before the end of the year"),
    ("inflation", "stay below three percent"),
    ("nickel exports", "rise sharply this year"),
    ("the vaccination drive", "reach every province"),
)
OUTLETS = ("Kompas", "Tempo", "Detik", "Harian Nusantara", "The Jakarta Post", "Metro Herald")


@dataclass(frozen=True, slots=True)
class SyntheticArticle:
    """One generated article with the metadata an ingest record carries."""

    text: str
    language: str
    url: str
    title: str
    outlet: str
    published_at: datetime

    def to_record(self) -> dict[str, str]:
        """The JSON Lines record `tracker ingest` reads."""
        return {
            "text": self.text,
            "language": self.language,
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
            "published_at": self.published_at.isoformat(),
        }


def _paragraphs_id(rng: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        name, role_id, _ = rng.choice(PEOPLE)
        topic, outcome = rng.choice(TOPICS_ID)
        wire, state = rng.choice(WIRES), rng.choice(STATE)
        number = rng.randint(2, 98)
        form = rng.randrange(7)
        if form == 0:
            out.append(f"“Kami yakin {topic} akan {outcome},” kata {name}, {role_id}, di Jakarta.")
        elif form == 1:
            out.append(
                f"{role_id.capitalize()} {name} mengatakan bahwa {topic} akan {outcome}. "
                f"“Angkanya sudah {number} persen,” ujarnya."
            )
        elif form == 2:
            out.append(
                f"Berdasarkan laporan {wire} yang mengutip media resmi {state}, {name} "
                f"menyatakan bahwa {topic} akan {outcome}."
            )
        elif form == 3:
            out.append(
                f"Menurut {name}, {topic} akan {outcome} karena permintaan naik {number} persen."
            )
        elif form == 4:
            out.append(
                f"Seorang pejabat yang tidak mau disebutkan namanya mengungkapkan bahwa {topic} "
                f"bisa {outcome}."
            )
        elif form == 5:
            out.append(
                f"Seperti dilansir {wire}, {name} menegaskan {topic} akan {outcome} "
                f"dalam {number} hari."
            )
        else:
            out.append(
                f"Data menunjukkan {topic} bergerak {number} persen sepanjang kuartal lalu, "
                "sementara pasar masih menunggu kebijakan baru."
            )
    return out


def _paragraphs_en(rng: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        name, _, role_en = rng.choice(PEOPLE)
        topic, outcome = rng.choice(TOPICS_EN)
        wire, state = rng.choice(WIRES), rng.choice(STATE)
        number = rng.randint(2, 98)
        form = rng.randrange(7)
        if form == 0:
            out.append(f"“We are confident {topic} will {outcome},” said {name}, the {role_en}.")
        elif form == 1:
            out.append(
                f"{name} said {topic} would {outcome}. “The figure is already {number} percent,” "
                "she said."
            )
        elif form == 2:
            out.append(
                f"{wire}, citing {state}, reported that {name} expects {topic} to {outcome}."
            )
        elif form == 3:
            out.append(
                f"According to {name}, {topic} will {outcome} as demand rose {number} percent."
            )
        elif form == 4:
            out.append(
                f"Two officials familiar with the matter said {topic} could {outcome}, "
                f"according to {wire}."
            )
        elif form == 5:
            out.append(f"{name} told {wire} that {topic} would {outcome} within {number} days.")
        else:
            out.append(
                f"Figures show {topic} moved {number} percent last quarter, while markets wait "
                "for new policy."
            )
    return out


def generate(
    count: int, seed: int = 7, paragraphs: tuple[int, int] = (6, 12)
) -> Iterator[SyntheticArticle]:
    """``count`` articles, alternating Indonesian and English, streamed one at a time."""
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for i in range(count):
        language = "id" if i % 2 == 0 else "en"
        n = rng.randint(*paragraphs)
        paras = _paragraphs_id(rng, n) if language == "id" else _paragraphs_en(rng, n)
        outlet = rng.choice(OUTLETS)
        yield SyntheticArticle(
            text="\n".join(paras) + f"\n(ref {seed}-{i})",
            language=language,
            url=f"https://news.example/{seed}/{i}",
            title=f"Article {i}",
            outlet=outlet,
            published_at=start + timedelta(minutes=i),
        )
