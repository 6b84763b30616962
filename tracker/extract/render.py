"""Readable text listing of an Extraction, for `tracker extract --format text`."""

from __future__ import annotations

from tracker.extract.model import Extraction, Hop, Statement

_SNIPPET = 160


def _chain(hops: tuple[Hop, ...]) -> str:
    parts = []
    for hop in hops:
        label = hop.source.name
        if hop.source.state_media:
            label += " [state media]"
        parts.append(label)
    return " → ".join(parts)


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _SNIPPET else flat[: _SNIPPET - 1] + "…"


def _speaker(st: Statement) -> str:
    if st.speaker is None:
        return f"(unresolved: {st.speaker_surface})" if st.speaker_surface else "(unknown)"
    sp = st.speaker
    details = [d for d in (sp.role, sp.affiliation) if d]
    extra = f", {', '.join(details)}" if details else ""
    via = f" via “{st.speaker_surface}”" if st.speaker_surface not in (None, sp.name) else ""
    return f"{sp.name} ({sp.kind}{extra}){via}"


def render_text(extraction: Extraction, path: str) -> str:
    """One block per statement with its chain drawn as `Yonhap → KCNA → Kim Jong Un`."""
    lines = [
        f"{path}  [{extraction.language}]  {len(extraction.statements)} statements, "
        f"{len(extraction.sources)} sources, {len(extraction.unattributed)} unattributed"
    ]
    for i, st in enumerate(extraction.statements, 1):
        lines.append(f"{i:>3}. {st.kind:<8} [{st.start}:{st.end}] {_snippet(st.text)}")
        cue = f"  cue: {st.cue}" if st.cue else ""
        lines.append(f"     speaker: {_speaker(st)}{cue}")
        if st.chain:
            lines.append(f"     chain:   {_chain(st.chain)}")
    if extraction.unattributed:
        lines.append("unattributed:")
        for un in extraction.unattributed:
            lines.append(f"  - ({un.cue}) [{un.start}:{un.end}] {_snippet(un.text)}")
    return "\n".join(lines) + "\n"
