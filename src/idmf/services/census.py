"""The census service: import, download, search, profile and attach ONS Census 2021 figures.

`download` blocks and reports progress through a callback, so the UI runs it on a worker thread and
cancels it with a threading.Event; nothing here knows about Qt.
"""

from __future__ import annotations

import threading
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy.exc import SQLAlchemyError

from idmf.census.errors import UNCHANGED, CensusCancelled, CensusDataError, CensusError
from idmf.census.importing import read_file
from idmf.census.nomis import NomisClient, NomisSettings, ProgressFn, download
from idmf.census.profile import Profile, area_search, build_profile, resolve_area
from idmf.census.tables import PROFILE_TABLES, table_spec
from idmf.domain.assessment import Assessment
from idmf.domain.census import Area, Batch
from idmf.domain.evidence import CensusTable
from idmf.errors import first_line
from idmf.services.assessments import AssessmentService
from idmf.services.changes import ChangeNotifier, Changes
from idmf.storage.store import Store


class CensusService:
    """The census feature over one database."""

    def __init__(self, store: Store, assessments: AssessmentService, changes: ChangeNotifier) -> None:
        self.store = store
        self.cache = store.census
        self.assessments = assessments
        self.changes = changes

    def _write(self, *batches: Batch) -> None:
        """Store batches in one transaction; a database failure becomes a plain message (nothing changed)."""
        try:
            self.cache.write(*batches)
        except SQLAlchemyError as exc:
            reason = first_line(getattr(exc, "orig", None) or exc)
            raise CensusError(f"The census figures could not be saved in the app's database ({reason}). Close "
                              f"other copies of IDMF Desktop and try again. {UNCHANGED}") from exc
        self.changes.publish(Changes(census_cache=True))

    def import_files(self, paths: list[Path]) -> list[str]:
        """Import files all together (one transaction): if any file is unreadable, none is stored."""
        batches = [read_file(Path(p)) for p in paths]
        self._write(*batches)
        return [f"{Path(p).name}: {b.describe()}" for p, b in zip(paths, batches)]

    def download(self, settings: NomisSettings | None = None, cancel: threading.Event | None = None,
                 progress: ProgressFn | None = None, tables: list[str] | None = None) -> str:
        """Fetch every table from Nomis and store it (one transaction); returns a one-line summary."""
        specs = tuple(table_spec(c) for c in tables) if tables else PROFILE_TABLES
        with NomisClient(settings) as client:
            batch = download(client, specs, cancel, progress)
        if cancel is not None and cancel.is_set():  # cancelled after the last request: still store nothing
            raise CensusCancelled()
        self._write(batch)
        return " ".join([f"Downloaded {batch.describe()}.", *batch.notes])

    def has_figures(self) -> bool:
        """Whether any census figures are cached on this computer."""
        return bool(self.cache.counts())

    def area(self, code: str) -> Area | None:
        """One area by its code (None when the cache does not know it)."""
        return self.cache.area(code)

    def area_search(self, text: str, limit: int = 20) -> list[Area]:
        """Areas matching part of a name or a code."""
        return area_search(self.cache, text, limit)

    def resolve(self, text: str) -> Area:
        """The one area meant by a code or name (CensusDataError if none or several)."""
        return resolve_area(self.cache, text)

    def profile(self, area: str | Area, tables: list[str] | None = None) -> Profile:
        """The area's tables (and what is missing), compared with England."""
        place = area if isinstance(area, Area) else self.resolve(area)
        try:
            result = build_profile(self.cache, place, tables)
        except ValidationError:  # figures cached by an older version, before every count was range-checked
            raise CensusDataError(f"The census figures saved for {place.name} ({place.code}) are not plausible (a "
                                  "count beyond any real population). Download them again or re-import the ONS "
                                  "files.") from None
        if not result.tables:
            raise CensusDataError(f"There are no census figures for {place.name} ({place.code}) in the cache yet. "
                                  "Download them from Nomis or import the ONS bulk files first.")
        return result

    def attach(self, assessment: Assessment | int, tables: list[CensusTable]) -> Assessment:
        """Store the chosen tables with the assessment, replacing any attached before (refused when locked)."""
        item = assessment if isinstance(assessment, Assessment) else self.assessments.get(assessment)
        return self.assessments.attach_census(item, tables)
