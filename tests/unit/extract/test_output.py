"""The text listing and the JSON shape the CLI prints."""

from __future__ import annotations

import json

from tracker.extract import EXTRACTOR_VERSION, extract, render_text

TEXT = (
    "Berdasarkan laporan Reuters yang mengutip kantor berita resmi Iran, IRNA, Menteri Hasan"
    " Karimi menyatakan bahwa perundingan akan dilanjutkan. Kabarnya, delegasi sudah tiba."
)


def test_render_text_draws_the_chain() -> None:
    out = render_text(extract(TEXT, "id"), "berita.txt")
    assert out.startswith("berita.txt  [id]")
    assert "Reuters → IRNA [state media] → Hasan Karimi" in out
    assert "(Kabarnya)" in out


def test_to_dict_is_json_and_keeps_offsets() -> None:
    ex = extract(TEXT, "id")
    data = json.loads(json.dumps(ex.to_dict(), ensure_ascii=False))
    (st,) = data["statements"]
    assert TEXT[st["start"] : st["end"]] == st["text"]
    assert [h["name"] for h in st["chain"]] == ["Reuters", "IRNA", "Hasan Karimi"]
    assert [h["relation"] for h in st["chain"]] == ["reported_by", "citing", "said"]
    assert data["unattributed"][0]["cue"] == "Kabarnya"


def test_extractor_version_is_a_rules_version() -> None:
    assert EXTRACTOR_VERSION.startswith("rules-")
