"""Assembly: the drafts of one run become the Extraction, sources keyed, duplicates gone."""

from __future__ import annotations

from tracker.extract.model import Extraction, Hop, Statement, Unattributed
from tracker.extract.run import Run

# Statements sort by start; at one start a whole statement comes before a partial quote.
_KIND_ORDER = {"direct": 0, "indirect": 0, "mixed": 0, "partial": 1}


def assemble(run: Run, unattributed: list[Unattributed]) -> Extraction:
    """Key the sources the statements use, and keep the first statement of each span and
    kind (an earlier sieve's reading wins over a later one's)."""
    used: set[int] = set()
    for st in run.statements:
        if st.sid is not None:
            used.add(st.sid)
        used.update(h.sid for h in st.hops)
    sources, refs = run.table.finalize(used)
    order = _KIND_ORDER
    statements: list[Statement] = []
    seen: set[tuple[int, int, str]] = set()
    for st in sorted(run.statements, key=lambda x: (x.start, order[x.kind], x.end)):
        if (st.start, st.end, st.kind) in seen:
            continue
        seen.add((st.start, st.end, st.kind))
        chain = tuple(Hop(refs[h.sid], h.relation, h.cue, h.start, h.end) for h in st.hops)
        statements.append(
            Statement(
                st.kind,
                st.start,
                st.end,
                run.original[st.start : st.end],
                st.cue,
                st.cue_start,
                st.cue_end,
                refs[st.sid] if st.sid is not None else None,
                st.surface,
                chain,
                st.rule,
            )
        )
    return Extraction(run.language, tuple(statements), tuple(sources), tuple(unattributed))
