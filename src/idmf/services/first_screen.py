"""The dashboard's rows before the services are loaded: the front end's one door to the quick first screen.

Light on purpose (standard library sqlite3, no SQLAlchemy, no pydantic): see idmf.storage.quick_list for when
the rows are read and when the app must start the usual way instead.
"""

from __future__ import annotations

from idmf.domain.summary import AssessmentSummary
from idmf.paths import data_dir
from idmf.storage.quick_list import local_file, read_first_screen


def first_screen_rows(database_url: str | None) -> list[AssessmentSummary] | None:
    """Every assessment's summary, read without the services, or None: open the database the usual way."""
    path = local_file(database_url, data_dir())
    return read_first_screen(path) if path is not None else None
