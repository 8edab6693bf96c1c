"""The dashboard's first screen read with the standard library's sqlite3, before SQLAlchemy is even imported.

Only for the one case where that is certainly safe: the app's own local SQLite file, there already, passing
SQLite's quick check, at exactly the migration this app ships, not locked, no crashed write waiting to be
rolled back, on a disk the app does not warn about. Anything else (first run, a damaged, too-new, older or busy
file, a database server) returns None and the app starts the usual way, with its usual messages. Nothing here
writes: the file is opened read-only.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from contextlib import closing
from pathlib import Path

from idmf.domain.status import Status
from idmf.domain.summary import AssessmentSummary
from idmf.domain.times import utc
from idmf.storage.file_check import read_only_uri
from idmf.storage.location import storage_warning
from idmf.storage.revisions import shipped_head

DATABASE_FILE = "idmf.sqlite3"
SQLITE_MAGIC = b"SQLite format 3\x00"
# The columns of AssessmentSummary, in its order; storage.assessments selects the same ones.
SUMMARY_COLUMNS = ("id", "uid", "version_number", "title", "organisation", "lead", "status", "steps_complete",
                   "created_at", "updated_at", "review_date", "archived")
# The dashboard's order (storage.assessments._listing): most recently edited first, id breaking ties.
_LISTING = f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM assessment ORDER BY updated_at DESC, id DESC"


def local_file(url: str | None, data_folder: Path) -> Path | None:
    """The SQLite file a database URL plainly names (default: the data folder's), or None when in any doubt.

    A server URL, an in-memory database, query options or %-escapes are left to SQLAlchemy's own parsing.
    """
    url = url or os.environ.get("IDMF_DATABASE_URL") or ""
    if not url:
        return data_folder / DATABASE_FILE
    prefix = "sqlite:///"
    rest = url[len(prefix):] if url.startswith(prefix) else ""
    if not rest or rest == ":memory:" or any(c in rest for c in "?%#"):
        return None
    return Path(rest).expanduser()


def _safe_to_read(path: Path) -> bool:
    """Cheap file-level checks, before SQLite opens anything."""
    try:
        if not path.is_file() or path.stat().st_size < 512:
            return False
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                return False
        journal = Path(f"{path}-journal")
        if journal.exists() and journal.stat().st_size > 0:
            return False  # a write was cut off: the usual start rolls it back first
    except OSError:
        return False
    return storage_warning(path) is None  # the usual start says where the file is before showing the window


def _summary(row: tuple) -> AssessmentSummary:
    (id_, uid, version, title, organisation, lead, status, steps, created, updated, review, archived) = row
    return AssessmentSummary(
        id=int(id_), uid=str(uid), version_number=int(version), title=str(title),
        organisation=str(organisation), lead=str(lead), status=Status(status), steps_complete=int(steps),
        created_at=utc(dt.datetime.fromisoformat(created), precise=True),
        updated_at=utc(dt.datetime.fromisoformat(updated), precise=True),
        review_date=dt.date.fromisoformat(review) if review else None, archived=bool(archived))


def read_first_screen(path: Path) -> list[AssessmentSummary] | None:
    """Every assessment's summary in the dashboard's order, or None when the usual start must decide."""
    head = shipped_head()
    if head is None or not _safe_to_read(path):
        return None
    try:
        with closing(sqlite3.connect(read_only_uri(path), uri=True, timeout=0)) as conn:
            if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                return None
            if conn.execute("SELECT version_num FROM alembic_version").fetchall() != [(head,)]:
                return None
            return [_summary(row) for row in conn.execute(_LISTING)]
    except (sqlite3.Error, ValueError, TypeError):
        return None
