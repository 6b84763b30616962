"""Domain errors: raised by tracker, mapped to HTTP by api/ and to exit codes by the CLI."""

from __future__ import annotations


class TrackerError(Exception):
    """Base of every error a user can cause; the message is safe to show them."""

    title = "Tracker error"


class ConfigError(TrackerError):
    """A TRACKER_* setting has a value tracker cannot use."""

    title = "Bad configuration"


class NotFoundError(TrackerError):
    """An id names no row."""

    title = "Not found"

    def __init__(self, what: str, ident: object) -> None:
        super().__init__(f"{what} {ident} does not exist")
        self.what = what
        self.ident = ident


class ValidationError(TrackerError):
    """Input that is well-formed but wrong: offsets out of range, unknown kinds, empty text."""

    title = "Invalid input"

    def __init__(self, message: str, errors: list[dict[str, str]] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or [{"message": message}]


class ParameterError(ValidationError):
    """A malformed parameter or option: a cursor this API never issued, an unknown format
    or kind, a quote without words. The API answers 400 (the request itself is malformed),
    where a well-formed body that fails validation gets 422."""

    title = "Invalid parameters"


class InputFormatError(ValidationError):
    """A file or body unreadable as the format it claims (bad UTF-8, bad JSON, no article)."""

    title = "Unreadable input"


class TooLargeError(TrackerError):
    """Input above the configured size limit."""

    title = "Input too large"


class DatabaseUnavailableError(TrackerError):
    """PostgreSQL cannot be reached or started."""

    title = "Database unavailable"


class ConflictError(TrackerError):
    """The request contradicts the stored state: a key name taken, a source already
    merged, an anonymous source asked to merge."""

    title = "Conflict"


class PreconditionFailedError(TrackerError):
    """The version the client last read (If-Match) is no longer the stored one."""

    title = "Precondition failed"


class PreconditionRequiredError(TrackerError):
    """An edit without the version it was made against (If-Match): it could overwrite
    someone else's edit unseen, so it is refused."""

    title = "Precondition required"
