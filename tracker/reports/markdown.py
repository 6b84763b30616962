"""Reports as Markdown: a summary table, then each statement with its chain."""

from __future__ import annotations

from tracker.reports.corpus import SourceCount, SourcesReport
from tracker.reports.document import DocumentReport, StatementReport
from tracker.reports.safety import markdown_text, web_link


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def _md(value: object) -> str:
    """Untrusted text on one Markdown line: no HTML, link or emphasis can form, and table
    cells cannot break their table (pipes escaped, lines joined)."""
    return markdown_text(value).replace("\n", " ")


def _url(url: str | None) -> str:
    """An autolink for a web URL; any other URL as plain escaped text."""
    if not url:
        return ""
    link = web_link(url)
    return f" · <{link}>" if link else f" · {_md(url)}"


def document_markdown(report: DocumentReport) -> str:
    meta, s = report.document, report.summary
    title = _md(meta["title"]) if meta["title"] else f"Document {meta['id']}"
    url = _url(meta["url"])
    lines = [
        f"# Citation chains: {title}",
        "",
        f"Document {meta['id']} · {_md(meta['outlet'] or 'outlet unknown')} · "
        f"{meta['published_at'] or 'date unknown'}{url}",
        "",
        "## Summary",
        "",
        "| measure | value |",
        "|---|---|",
        f"| statements | {s.statements} |",
        f"| traced to a named primary source | {s.named_primary} "
        f"({_percent(s.named_primary_share)}) |",
        f"| ending anonymous | {s.anonymous} ({_percent(s.anonymous_share)}) |",
        f"| unresolved | {s.unresolved} ({_percent(s.unresolved_share)}) |",
        f"| via state media | {s.via_state_media} ({_percent(s.state_media_share)}) |",
        f"| unverified hops | {s.unverified_hops} of {s.hops} |",
        f"| circular chains | {s.circular} |",
        "",
        "## Statements",
    ]
    for st in report.statements:
        lines.extend(_statement_markdown(st))
    return "\n".join(lines) + "\n"


def _statement_markdown(st: StatementReport) -> list[str]:
    speaker = _md(st.speaker.name) if st.speaker else "unknown"
    lines = [
        "",
        f"### Statement {st.id} ({st.kind}, {speaker})",
        "",
        "> " + _md(st.text),
        "",
    ]
    lines += [f"- chain: {_md(path)}" for path in st.paths] or ["- chain: (none)"]
    primaries = _md(", ".join(p.name for p in st.primary_sources)) or "none"
    lines += [
        f"- primary sources: {primaries}",
        f"- depth: {st.depth}",
        f"- flags: {', '.join(st.flags) or 'none'}",
        f"- unverified hops: {st.unverified_hops}",
    ]
    if st.first_appearance:
        first = st.first_appearance
        lines.append(
            f"- first appearance: statement {first['statement_id']} in document "
            f"{first['document_id']} ({_md(first['outlet'] or 'outlet unknown')}, "
            f"{first['published_at'] or 'date unknown'})"
        )
    return lines


def sources_markdown(report: SourcesReport) -> str:
    lines = ["# Sources across the corpus", "", "## Most-cited primary sources", ""]
    lines += _counts_table(report.primary_sources)
    lines += ["", "## Outlets that relay the most", ""]
    lines += _counts_table(report.relaying_outlets)
    lines += [
        "",
        f"## Chains through state media ({report.state_media_total} statements)",
        "",
        "| statement | document | chain | state media | ends there |",
        "|---|---|---|---|---|",
    ]
    for c in report.state_media_chains:
        lines.append(
            f"| {c.statement_id} | {c.document_id} | {_md('; '.join(c.paths))} | "
            f"{_md(', '.join(c.state_media))} | {'yes' if c.ends_in_state_media else 'no'} |"
        )
    return "\n".join(lines) + "\n"


def _counts_table(counts: list[SourceCount]) -> list[str]:
    lines = ["| source | kind | statements | documents |", "|---|---|---|---|"]
    for c in counts:
        mark = " (state media)" if c.source.state_media else ""
        lines.append(
            f"| {_md(c.source.name)}{mark} | {c.source.kind} | {c.statements} | {c.documents} |"
        )
    return lines
