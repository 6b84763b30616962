"""The walk's flags: what one walked chain says about where its words come from.

Pure rules over the walk query's rows; the flags a statement's other appearances add
(altered or misattributed against the first appearance, single_source) live in
``tracker.provenance.rules``.
"""

from __future__ import annotations

from collections.abc import Iterable

from tracker.store.names import names_compatible
from tracker.vocabulary import NAMED_PRIMARY_KINDS
from tracker.walk.model import WalkRow

CUT_FLAGS = frozenset({"circular", "truncated", "broken"})
"""Flags of a walk that did not reach every end: such a chain is never ``complete``."""


def is_truncated(row: WalkRow, max_depth: int) -> bool:
    """The depth bound stopped the walk at this hop although it could go on."""
    return row.depth >= max_depth - 1 and not row.is_leaf and not row.is_broken


def is_primary(row: WalkRow, truncated: bool) -> bool:
    """The walk ends here: nothing cites further, or the link points nowhere."""
    return (row.is_leaf or row.is_broken) and not truncated


def is_fuzzy_link(similarity: float | None) -> bool:
    """A link made on similar, not identical, words: the wording drifted (``altered``)."""
    return similarity is not None and similarity < 1.0


def names_another_speaker(upstream_speaker: str | None, speaker: str | None) -> bool:
    """The linked upstream statement names a speaker incompatible with this one's."""
    if upstream_speaker is None or speaker is None:
        return False
    return not names_compatible(upstream_speaker, speaker)


def hop_flags(row: WalkRow, speaker: str | None, truncated: bool) -> set[str]:
    """The flags one hop raises for the walk of a statement spoken by ``speaker``."""
    flags: set[str] = set()
    if row.is_broken:
        flags.add("broken")
    if row.inverted_statement_id is not None:
        flags.add("time_inversion")
    if is_fuzzy_link(row.link_similarity):
        flags.add("altered")
    if names_another_speaker(row.upstream_speaker_name, speaker):
        flags.add("misattributed")
    if row.source_state_media:
        flags.add("state_media_origin")
    if truncated:
        flags.add("truncated")
    return flags


def end_flags(primary_kinds: Iterable[str], hop_flags: set[str]) -> set[str]:
    """What the ends of the walk add: ``anonymous``, ``anonymous_only``, ``complete``.

    ``complete`` needs every end named and nothing cut (cycle, depth bound, dead link).
    """
    kinds = list(primary_kinds)
    flags: set[str] = set()
    if "anonymous" in kinds:
        flags.add("anonymous")
        if all(k == "anonymous" for k in kinds):
            flags.add("anonymous_only")
    if kinds and set(kinds) <= NAMED_PRIMARY_KINDS and not hop_flags & CUT_FLAGS:
        flags.add("complete")
    return flags
