"""Citation-chain reports and PROV / JSON-LD exports on real PostgreSQL, library and CLI."""

from __future__ import annotations

import csv
import html
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import prov
import pytest
import rdflib
from click.testing import CliRunner
from litestar.testing import TestClient
from prov.model import PROV, PROV_TYPE, ProvAttribution, ProvDerivation, ProvDocument
from rdflib.namespace import PROV as PROV_NS
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from api.app import create_app
from tests.integration.reporting import kcna_document, linked_pair, small_document
from tests.keys import bearer
from tracker.cli import main
from tracker.config import Settings, get_settings
from tracker.db import transaction
from tracker.errors import NotFoundError, ValidationError
from tracker.provenance.appearances import appearances
from tracker.reports.corpus import sources_report
from tracker.reports.csv import CSV_COLUMNS
from tracker.reports.document import DocumentReport, document_report
from tracker.reports.outputs import export_document, export_walk, render

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "seed_id.txt"


@pytest.fixture
def runner(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("TRACKER_DATABASE_URL", db_url)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def _report(factory: sessionmaker[Session], document_id: int) -> DocumentReport:
    with factory() as session:
        return document_report(session, document_id)


def _relations(doc: ProvDocument) -> dict[str, set[tuple[str, str]]]:
    """(generated, used) pairs of every derivation by PROV type, plus attributions."""
    found: dict[str, set[tuple[str, str]]] = {}
    for record in doc.flattened().get_records():
        if isinstance(record, ProvDerivation):
            pair = tuple(str(v) for _, v in record.formal_attributes[:2])
            types = record.get_attribute(PROV_TYPE)
            kind = "wasDerivedFrom"
            if PROV["Quotation"] in types:
                kind = "wasQuotedFrom"
            elif PROV["PrimarySource"] in types:
                kind = "hadPrimarySource"
            found.setdefault(kind, set()).add(pair)  # type: ignore[arg-type]
        elif isinstance(record, ProvAttribution):
            pair = tuple(str(v) for _, v in record.formal_attributes[:2])
            found.setdefault("wasAttributedTo", set()).add(pair)  # type: ignore[arg-type]
    return found


# --------------------------------------------------------------------------- seed article


@pytest.fixture
def seed_report(settings: Settings, session_factory: sessionmaker[Session], editor_key: str) -> Any:
    if not SEED.exists():
        # CI checks the seed article every time: there a missing seed is a failure
        missing = f"the seed article is not at {SEED}"
        if os.environ.get("CI"):
            pytest.fail(missing)
        pytest.skip(missing)
    with TestClient(app=create_app(settings)) as client:
        response = client.post(
            "/api/v1/documents",
            json={"text": SEED.read_text(encoding="utf-8"), "language": "id"},
            headers=bearer(editor_key),
        )
        assert response.status_code == 201, response.text
    return _report(session_factory, response.json()["id"])


def test_seed_report_renders_every_chain_as_markdown_and_html(seed_report: Any) -> None:
    report: DocumentReport = seed_report
    assert report.statements
    md = render(report, "md").content
    page = render(report, "html").content
    assert "Yonhap → KCNA → Kim Jong Un" in md
    assert "Kang Dae Sik → badan intelijen Korea" in md
    for statement in report.statements:
        assert statement.paths, statement
        for path in statement.paths:
            assert path in md
            assert html.escape(path) in page
        assert f'id="statement-{statement.id}"' in page
    assert page.count("<mark>") >= 1 and "<style>" in page


def test_seed_report_csv_has_one_row_per_statement(seed_report: Any) -> None:
    report: DocumentReport = seed_report
    rows = list(csv.DictReader(io.StringIO(render(report, "csv").content)))
    assert len(rows) == len(report.statements)
    assert set(rows[0]) == set(CSV_COLUMNS)
    assert any(r["chain"] == "Yonhap → KCNA → Kim Jong Un" for r in rows)
    assert json.loads(render(report, "json").content)["summary"]["statements"] == len(rows)


# --------------------------------------------------------------------------- summary


def test_summary_shares_add_up_on_a_small_document(
    session_factory: sessionmaker[Session],
) -> None:
    stored = small_document(session_factory)
    report = _report(session_factory, stored.document.id)
    s = report.summary
    assert (s.statements, s.named_primary, s.anonymous, s.unresolved) == (4, 2, 1, 1)
    assert (s.named_primary_share, s.anonymous_share, s.unresolved_share) == (0.5, 0.25, 0.25)
    assert s.named_primary_share + s.anonymous_share + s.unresolved_share == 1.0
    assert (s.via_state_media, s.state_media_share, s.circular) == (1, 0.25, 0)
    assert (s.hops, s.unverified_hops) == (6, 6)
    first = report.statements[0]
    assert first.paths == ["Yonhap → KCNA → Kim"] and first.depth == 3
    assert {"complete", "state_media_origin"} <= set(first.flags)
    assert [p.name for p in first.primary_sources] == ["Kim"]


def test_confirmed_hops_are_not_unverified(session_factory: sessionmaker[Session]) -> None:
    stored = small_document(session_factory)
    with transaction(session_factory) as session:
        session.execute(
            text("UPDATE citation SET review_status = 'confirmed' WHERE statement_id = :id"),
            {"id": stored.document.statements[0].id},
        )
    report = _report(session_factory, stored.document.id)
    assert report.summary.unverified_hops == 3
    assert report.statements[0].unverified_hops == 0


def test_html_escapes_untrusted_text(session_factory: sessionmaker[Session]) -> None:
    stored = small_document(session_factory)
    page = render(_report(session_factory, stored.document.id), "html").content
    assert "Ties &amp; talks &lt;today&gt;" in page and "<today>" not in page


def test_unknown_document_and_format(session_factory: sessionmaker[Session]) -> None:
    with session_factory() as session, pytest.raises(NotFoundError):
        document_report(session, 424242)
    stored = small_document(session_factory)
    with pytest.raises(ValidationError):
        render(_report(session_factory, stored.document.id), "pdf")


# --------------------------------------------------------------------------- corpus


def test_sources_report_lists_the_most_cited_primary_source_first(
    session_factory: sessionmaker[Session],
) -> None:
    small_document(session_factory)
    kcna_document(session_factory)
    with session_factory() as session:
        report = sources_report(session, limit=10)
    top = report.primary_sources[0]
    assert (top.source.name, top.statements, top.documents) == ("Kim", 2, 2)
    assert [c.source.name for c in report.relaying_outlets] == ["KCNA", "Yonhap"]
    assert report.state_media_total == 2
    assert {c.paths[0] for c in report.state_media_chains} == {"Yonhap → KCNA → Kim", "KCNA → Kim"}
    assert all(
        c.state_media == ["KCNA"] and not c.ends_in_state_media for c in report.state_media_chains
    )
    md = render(report, "md").content
    assert md.index("| Kim |") < md.index("| Lee |")
    rows = list(csv.reader(io.StringIO(render(report, "csv").content)))
    assert rows[1][:3] == ["primary_source", str(top.source.id), "Kim"]
    assert "<td>Kim</td>" in render(report, "html").content


def test_state_media_reached_through_an_upstream_link(
    session_factory: sessionmaker[Session],
) -> None:
    early, later = linked_pair(session_factory)
    with session_factory() as session:
        report = sources_report(session)
    by_statement = {c.statement_id: c for c in report.state_media_chains}
    later_id = later.document.statements[0].id
    assert set(by_statement) == {early.document.statements[0].id, later_id}
    assert by_statement[later_id].paths == ["Antara → KCNA → Kim"]


def test_sources_report_limit_is_checked(session_factory: sessionmaker[Session]) -> None:
    with session_factory() as session, pytest.raises(ValidationError):
        sources_report(session, limit=0)


# --------------------------------------------------------------------------- exports


def test_prov_json_of_a_walk_loads_back_with_its_relations(
    session_factory: sessionmaker[Session],
) -> None:
    stored = small_document(session_factory)
    statement = stored.document.statements[0]
    with session_factory() as session:
        rendered = export_walk(session, statement.id, "prov-json")
    loaded = prov.read(io.StringIO(rendered.content), format="json")
    assert isinstance(loaded, ProvDocument)
    assert {str(b.identifier) for b in loaded.bundles} == {f"document:{stored.document.id}"}
    hops = [h.id for h in stored.document.statements[0].chain]
    rel = _relations(loaded)
    st = f"statement:{statement.id}"
    assert (st, f"hop:{hops[0]}") in rel["wasQuotedFrom"]
    assert (f"hop:{hops[0]}", f"hop:{hops[1]}") in rel["wasQuotedFrom"]
    assert (f"hop:{hops[1]}", f"hop:{hops[2]}") in rel["wasQuotedFrom"]
    assert rel["hadPrimarySource"] == {(st, f"hop:{hops[2]}")}
    kim = next(h.source.id for h in statement.chain if h.source.name == "Kim")
    assert (st, f"source:{kim}") in rel["wasAttributedTo"]
    assert (f"hop:{hops[2]}", f"source:{kim}") in rel["wasAttributedTo"]


def test_paraphrase_is_derived_not_quoted(session_factory: sessionmaker[Session]) -> None:
    stored = small_document(session_factory)
    statement = stored.document.statements[2]  # "exports would grow", indirect
    with session_factory() as session:
        rendered = export_walk(session, statement.id, "prov-json")
    rel = _relations(prov.read(io.StringIO(rendered.content), format="json"))  # type: ignore[arg-type]
    hop = f"hop:{statement.chain[0].id}"
    assert (f"statement:{statement.id}", hop) in rel["wasDerivedFrom"]
    assert "wasQuotedFrom" not in rel


def test_document_export_has_one_bundle_per_document_across_links(
    session_factory: sessionmaker[Session],
) -> None:
    early, later = linked_pair(session_factory)
    with session_factory() as session:
        rendered = export_document(session, later.document.id, "prov-json")
    loaded = prov.read(io.StringIO(rendered.content), format="json")
    assert isinstance(loaded, ProvDocument)
    bundles = {str(b.identifier) for b in loaded.bundles}
    assert bundles == {f"document:{early.document.id}", f"document:{later.document.id}"}
    rel = _relations(loaded)
    antara_hop = f"hop:{later.document.statements[0].chain[0].id}"
    upstream = f"statement:{early.document.statements[0].id}"
    kcna_hop = f"hop:{early.document.statements[0].chain[0].id}"
    assert (antara_hop, upstream) in rel["wasQuotedFrom"]
    assert (upstream, kcna_hop) in rel["wasQuotedFrom"]
    kim_hop = f"hop:{early.document.statements[0].chain[1].id}"
    assert (
        rel["hadPrimarySource"]
        == {
            (f"statement:{later.document.statements[0].id}", kim_hop),
            (upstream, kim_hop),
        }
        or (f"statement:{later.document.statements[0].id}", kim_hop) in rel["hadPrimarySource"]
    )


def test_jsonld_quotation_and_claim_with_appearances(
    session_factory: sessionmaker[Session],
) -> None:
    _, later = linked_pair(session_factory)
    with session_factory() as session:
        quote = json.loads(export_walk(session, later.document.statements[0].id, "jsonld").content)
    assert quote["@context"] == "https://schema.org" and quote["@type"] == "Quotation"
    assert quote["spokenByCharacter"]["name"] == "Kim"
    assert quote["firstAppearance"]["url"] == "https://antara.example/1"
    assert quote["firstAppearance"]["publisher"]["name"] == "Antara"
    assert len(quote["appearance"]) == 2
    stored = small_document(session_factory)
    with session_factory() as session:
        graph = json.loads(export_document(session, stored.document.id, "jsonld").content)
    types = [node["@type"] for node in graph["@graph"]]
    assert types == ["CreativeWork", "Quotation", "Claim", "Claim", "Claim"]
    assert graph["@graph"][2]["author"]["name"] == "an official"


def test_prov_o_turtle_parses_with_the_prov_relations(
    session_factory: sessionmaker[Session],
) -> None:
    stored = small_document(session_factory)
    with session_factory() as session:
        turtle = export_document(session, stored.document.id, "prov-o").content
    graph = rdflib.Graph().parse(data=turtle, format="turtle")
    # prov writes quotations and primary sources in PROV-O's qualified form
    for relation in (
        PROV_NS.qualifiedQuotation,
        PROV_NS.wasAttributedTo,
        PROV_NS.qualifiedPrimarySource,
    ):
        assert (None, relation, None) in graph, relation


# --------------------------------------------------------------------------- CLI


def test_cli_report_document_and_sources(
    runner: CliRunner, session_factory: sessionmaker[Session]
) -> None:
    stored = small_document(session_factory)
    md = runner.invoke(main, ["report", str(stored.document.id)])
    assert md.exit_code == 0, md.output
    assert "Yonhap → KCNA → Kim" in md.output
    rows = runner.invoke(main, ["report", str(stored.document.id), "--format", "csv"])
    assert len(list(csv.DictReader(io.StringIO(rows.output)))) == 4
    corpus = runner.invoke(main, ["report", "--sources", "--format", "json", "--limit", "5"])
    assert corpus.exit_code == 0, corpus.output
    assert json.loads(corpus.output)["primary_sources"][0]["source"]["name"] in {"Kim", "Lee"}
    provjson = runner.invoke(main, ["report", str(stored.document.id), "--format", "prov-json"])
    assert isinstance(prov.read(io.StringIO(provjson.output), format="json"), ProvDocument)


@pytest.mark.parametrize(
    "args",
    [["report"], ["report", "1", "--sources"], ["report", "--sources", "--format", "jsonld"]],
)
def test_cli_report_usage_errors_exit_2(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(main, args)
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_cli_report_unknown_document_is_one_line_exit_2(runner: CliRunner) -> None:
    result = runner.invoke(main, ["report", "777777"])
    assert result.exit_code == 2
    assert result.output.strip() == "tracker: document 777777 does not exist"


def test_report_flags_agree_with_appearances(session_factory: sessionmaker[Session]) -> None:
    """The report batches what provenance.appearances does per statement: same answers."""
    early, later = linked_pair(session_factory)
    small_document(session_factory)
    for stored in (early, later):
        report = _report(session_factory, stored.document.id)
        with session_factory() as session:
            for statement in report.statements:
                seen = appearances(session, statement.id)
                own = next(i for i in seen.items if i.statement_id == statement.id)
                assert statement.flags == own.flags
                assert statement.appearances == len(seen.items)
    later_report = _report(session_factory, later.document.id).statements[0]
    assert "single_source" in later_report.flags
    assert later_report.first_appearance is not None
    assert later_report.first_appearance["document_id"] == early.document.id
