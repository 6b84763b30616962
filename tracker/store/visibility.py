"""Which statements reads see: rejected ones only when the transaction asks for them.

One predicate, ``visible_sql``, is in every read query that lists, walks, matches or
counts statements (the walk, appearances, lookups, document and corpus reports, lists,
linking). Whether rejected statements count is a setting of the transaction
(``show_rejected``), so the walk, the matcher and the reports need no flag threaded
through every call, and a query cannot forget to pass one: left alone, it hides them.
A rejected statement stays readable by id (``GET /statements/{id}``) with its status.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ColumnElement, literal_column, text

from tracker.errors import NotFoundError
from tracker.store.layout import is_citus
from tracker.vocabulary import REJECTED

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

INCLUDE_REJECTED_SETTING = "tracker.include_rejected"
"""The transaction-local setting ``show_rejected`` turns on (``?include=rejected``)."""

_SHOW_REJECTED_SQL = text(f"SET LOCAL {INCLUDE_REJECTED_SETTING} = on")
_PROPAGATE_SET_SQL = text("SET LOCAL citus.propagate_set_commands = 'local'")
_REVIEW_STATUS_SQL = text("SELECT review_status FROM statement WHERE id = :id")


def visible_sql(alias: str) -> str:
    """SQL: the statement ``alias`` (a table name or alias in the query) is one reads see.

    ``current_setting(..., true)`` is NULL when never set, so the default hides.
    """
    return (
        f"({alias}.review_status <> '{REJECTED}' "
        f"OR current_setting('{INCLUDE_REJECTED_SETTING}', true) = 'on')"
    )


def visible(alias: str = "statement") -> ColumnElement[bool]:
    """``visible_sql`` as a Core condition, for queries built with SQLAlchemy."""
    return literal_column(visible_sql(alias), type_=Boolean)


def show_rejected(session: Session) -> None:
    """Let this transaction's reads see rejected statements too (ends with it).

    On Citus the setting must reach the workers, where the predicate is evaluated: SET
    LOCAL is passed on to them only once ``citus.propagate_set_commands`` says so.
    """
    if is_citus(session):
        session.execute(_PROPAGATE_SET_SQL)
    session.execute(_SHOW_REJECTED_SQL)


class RejectedStatementError(NotFoundError):
    """A rejected statement asked for where rejected statements are hidden (404)."""

    def __init__(self, statement_id: int) -> None:
        super().__init__("statement", statement_id)
        self.args = (f"statement {statement_id} was rejected in review; include=rejected shows it",)


def require_visible(session: Session, statement_id: int) -> None:
    """Raise NotFoundError for a missing statement, RejectedStatementError for a hidden one."""
    status = session.execute(_REVIEW_STATUS_SQL, {"id": statement_id}).scalar_one_or_none()
    if status is None:
        raise NotFoundError("statement", statement_id)
    if status == REJECTED and not _showing_rejected(session):
        raise RejectedStatementError(statement_id)


def _showing_rejected(session: Session) -> bool:
    value = session.execute(
        text("SELECT current_setting(:name, true)"), {"name": INCLUDE_REJECTED_SETTING}
    ).scalar_one_or_none()
    return value == "on"
