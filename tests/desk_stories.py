"""Stories for the desk's tests, written for them: a Yonhap-citing-KCNA relay of Kim Jong Un's
words, a later story that alters them, and a story whose text holds markup."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from tracker.service import TrackerService
from tracker.store.inputs import DocumentIn

QUOTE = "tak terkalahkan dan abadi"
ALTERED_QUOTE = "tak terkalahkan dan kekal"

EARLY_STORY = (
    "Seoul - Pemimpin Korea Utara Kim Jong Un memuji hubungan negaranya dengan Rusia pada "
    "Selasa.\n"
    "Berdasarkan laporan Yonhap yang mengutip media resmi Korea Utara, KCNA, Kim Jong Un "
    f'menyatakan bahwa persahabatan kedua negara "{QUOTE}" dalam sebuah pesan kepada '
    "Presiden Rusia.\n"
    "Menteri Luar Negeri Korea Selatan Cho Tae-yul mengatakan pemerintahnya terus memantau "
    "perkembangan tersebut."
)
LATER_STORY = (
    "Jakarta - Kim Jong Un kembali memuji Rusia.\n"
    "Berdasarkan laporan Yonhap yang mengutip media resmi Korea Utara, KCNA, Kim Jong Un "
    f'menyatakan bahwa persahabatan kedua negara "{ALTERED_QUOTE}" dalam sebuah pesan kepada '
    "Presiden Rusia."
)
SCRIPT_STORY = (
    "Warga menulis <script>document.title='pwned'</script> di forum. "
    "Budi Santoso mengatakan <b>harga beras</b> akan turun bulan depan."
)


@dataclass(frozen=True, slots=True)
class DeskStories:
    """The ids the tests look for."""

    early: int
    later: int
    script: int

    @staticmethod
    def statement_with(service: TrackerService, document_id: int, words: str, kind: str) -> int:
        """The statement of ``kind`` in the document whose text holds ``words``."""
        document = service.get_document(document_id)
        return next(s.id for s in document.statements if words in s.text and s.kind == kind)


def store_stories(service: TrackerService) -> DeskStories:
    """Extract and store the three stories (the extractor runs, as for a pasted story)."""
    early = service.create_document(
        DocumentIn(
            text=EARLY_STORY,
            language="id",
            outlet="Kantor Berita Contoh",
            title="Kim memuji hubungan dengan Rusia",
            published_at=datetime(2026, 10, 6, 8, 0, tzinfo=UTC),
        )
    )
    later = service.create_document(
        DocumentIn(
            text=LATER_STORY,
            language="id",
            outlet="Harian Contoh",
            title="Kim kembali memuji Rusia",
            published_at=datetime(2026, 10, 8, 9, 30, tzinfo=UTC),
        )
    )
    script = service.create_document(
        DocumentIn(text=SCRIPT_STORY, language="id", title="<script>alert(1)</script> judul")
    )
    return DeskStories(early.document.id, later.document.id, script.document.id)
