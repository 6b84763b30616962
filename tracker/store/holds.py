"""Row locks that keep a link from being written into a statement a concurrent write removes.

Hops point at statements of other documents (``upstream_statement_id``,
``inverted_statement_id``) with no foreign key (Citus cannot hold one between two
distributed rows), so a delete and a link that run at once could leave a hop pointing at
nothing: the delete looks for links into its statements before the link commits, and the
link checks its target before the delete commits. The document row is the lock both take:
a write that removes a document's statements (deleting the document, re-extracting it)
locks it FOR UPDATE before it looks for links into them; a write that links into it locks
it FOR KEY SHARE and then checks the target statement is still there. Whichever comes
second waits for the first, then sees what it did. Linkers never block one another, and
editing the document's own fields (a review) does not block them either.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy import text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_SHARE_DOCUMENT_SQL = text("SELECT id FROM document WHERE id = :id FOR KEY SHARE")
_LOCK_DOCUMENT_SQL = text("SELECT id FROM document WHERE id = :id FOR UPDATE")
_STATEMENT_THERE_SQL = text(
    "SELECT id FROM statement WHERE id = :id AND document_id = :document_id"
)


def lock_for_removal(session: Session, document_id: int) -> bool:
    """Lock the document before removing its statements; False when it is gone. Waits for
    writes linking into it to commit, so their links are seen and handled."""
    return session.execute(_LOCK_DOCUMENT_SQL, {"id": document_id}).first() is not None


def hold_targets(session: Session, targets: Iterable[tuple[int, int]]) -> set[int]:
    """Hold the documents of ``(statement id, document id)`` link targets until commit, and
    return the statement ids still there: a link into any other would dangle."""
    pairs = sorted(set(targets), key=lambda pair: (pair[1], pair[0]))
    held: set[int] = set()
    there: set[int] = set()
    for statement_id, document_id in pairs:
        if document_id not in held:
            if session.execute(_SHARE_DOCUMENT_SQL, {"id": document_id}).first() is None:
                continue
            held.add(document_id)
        params = {"id": statement_id, "document_id": document_id}
        if session.execute(_STATEMENT_THERE_SQL, params).first() is not None:
            there.add(statement_id)
    return there
