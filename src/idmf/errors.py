"""Failures the user can act on, shared by every layer; each message is plain English ending in what to do.

Feature packages define their own kinds (ReviewError, CensusError, FormError, InterchangeError) as
subclasses of `IdmfError`, so front ends show any of them with `friendly()` and never a traceback.
"""

from __future__ import annotations

from typing import Any


class IdmfError(Exception):
    """A failure with a message for the user (not a bug); keyword `details` become attributes for the caller."""

    def __init__(self, message: str = "", **details: Any) -> None:
        super().__init__(message)
        self.__dict__.update(details)


class NotFoundError(IdmfError, LookupError):
    """No assessment (or comment, or version) with that id."""


class ConflictError(IdmfError):
    """A write based on a stale copy: someone else changed the answer first."""

    def __init__(self, assessment_id: int, question_id: str, current_version: int) -> None:
        super().__init__(
            f"Assessment {assessment_id}: the answer '{question_id}' was changed elsewhere (another window or "
            "another user) since you opened it. Reload the assessment to see the latest text."
        )
        self.assessment_id = assessment_id
        self.question_id = question_id
        self.current_version = current_version


class LockedError(IdmfError):
    """A change to a signed-off (locked) version, whose content can never change."""

    def __init__(self, assessment_id: int) -> None:
        super().__init__(f"Assessment {assessment_id} is a signed-off version and is locked: its answers cannot be "
                         "changed. Use Revise to start a new version.")
        self.assessment_id = assessment_id


class DuplicateImportError(IdmfError, ValueError):
    """The imported assessment version is already in this database (`existing_id`)."""


class DatabaseError(IdmfError):
    """The database cannot be opened or used; the message says what to do."""


class DatabaseTooNewError(DatabaseError):
    """The database was written by a newer version of the app."""


class DatabaseBusyError(DatabaseError):
    """Another program (often IDMF Desktop open elsewhere) holds the data file; nothing was changed."""


class DatabaseFullError(DatabaseError):
    """The disk holding the data file is full; nothing was changed."""


class DatabaseNotAFileError(DatabaseError):
    """Where the data file should be there is a folder or a device; nothing was changed."""


class DatabaseDamagedError(DatabaseError):
    """The database failed its start-up check and was moved aside (`moved_to`); `backup` is the newest good
    backup (idmf.storage.backup.Backup), or None when there is none."""


class BackupError(IdmfError):
    """A backup could not be taken, verified or restored; the message says what to do."""


def first_line(exc: BaseException) -> str:
    """An exception's first line of text, or its kind when it has none (MemoryError has no message)."""
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


DISK_FULL = "the disk is full, so nothing was saved and nothing was changed. Free some space, then try again."
OPEN_ELSEWHERE = ("IDMF Desktop is open elsewhere (or another program is using your data file), so nothing was "
                  "changed. Close the other copy, then try again.")


def _database_words(exc: BaseException) -> str | None:
    """SQLite says 'disk is full' and 'locked' in words (its errors are not OSErrors, whose message names the file)."""
    words = str(getattr(exc, "orig", None) or exc).lower()
    if "disk is full" in words or "no space left" in words:
        return DISK_FULL
    if "database is locked" in words:
        return OPEN_ELSEWHERE
    return None


TEAM_REFUSAL = "IDM01"  # SQLSTATE of a team database's own refusals, worded for the user (idmf.storage.team_sql)
NOT_ALLOWED = ("The database refused this change: your login is not allowed to make it, so nothing was changed. "
               "If you need to, ask your IDMF administrator.")


def _refused_by_server(exc: BaseException) -> str | None:
    """A team database's refusal, in words: its own message, or the plain one for a privilege it withholds."""
    orig = getattr(exc, "orig", None)
    code = getattr(orig, "sqlstate", None)
    if code in (TEAM_REFUSAL, "23000"):  # 23000: the locked-version and audit-log triggers (0004, 0007)
        return first_line(getattr(getattr(orig, "diag", None), "message_primary", None) or orig)
    if code == "42501":  # insufficient_privilege, row-level security included
        return NOT_ALLOWED
    return None


def friendly(exc: BaseException) -> str | None:
    """The one-line message for a known failure, or None for a bug."""
    if isinstance(exc, IdmfError):
        return first_line(exc)
    if _refused_by_server(exc):
        return _refused_by_server(exc)
    if not isinstance(exc, OSError) and _database_words(exc):
        return _database_words(exc)
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        return f"cannot read or write a file{where}: {exc.strerror or exc}."
    return None
