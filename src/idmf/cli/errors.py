"""Turning known failures into one-line messages for the command line."""

from __future__ import annotations

from idmf.census.errors import CensusError
from idmf.forms.loader import FormError
from idmf.interchange.jsonio import InterchangeError
from idmf.services.assessments import DuplicateImportError
from idmf.storage.backup import BackupError
from idmf.storage.database import DatabaseError
from idmf.review.errors import ReviewError
from idmf.storage.repository import ConflictError, LockedError, NotFoundError


class CliError(Exception):
    """A failure the CLI reports as one line with an exit status."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


KNOWN = (BackupError, FormError, InterchangeError, DuplicateImportError, DatabaseError, ConflictError, NotFoundError,
         LockedError, ReviewError, CensusError)


def friendly(exc: Exception) -> str | None:
    """The one-line message for a known failure, or None for a bug."""
    if isinstance(exc, KNOWN):
        return str(exc).splitlines()[0]
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        return f"cannot read or write a file{where}: {exc.strerror or exc}."
    return None
