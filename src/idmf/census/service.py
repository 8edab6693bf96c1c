"""What the window and the command line call: import, download, search, profile and attach.

`CensusService.download` blocks and reports progress through a callback, so the UI runs it on a worker
thread and cancels it with a threading.Event; nothing here knows about Qt.
"""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import Engine

from idmf.census import bulk, lookups
from idmf.census.cache import CensusCache
from idmf.census.errors import UNCHANGED, CensusCancelled, CensusDataError, CensusImportError
from idmf.census.nomis import NomisClient, NomisSettings, ProgressFn, download
from idmf.census.profile import Profile, area_search, build_profile, resolve_area
from idmf.census.records import Area, Batch
from idmf.census.tables import PROFILE_TABLES, table_spec
from idmf.domain.evidence import CensusTable
from idmf.storage.repository import AssessmentRepository

_READERS = (
    (bulk.is_bulk, bulk.read_bulk),
    (bulk.is_ethnic_counts, bulk.read_ethnic_counts),
    (lookups.is_icb_lookup, lookups.read_icb_lookup),
    (lookups.is_county_lookup, lookups.read_county_lookup),
)


def read_file(path: Path) -> Batch:
    """Read one census or lookup file, recognised by its header; nothing is stored yet."""
    header, rows = bulk.read_table(path)
    for recognises, reader in _READERS:
        if recognises(header):
            return reader(path, header, rows)
    raise CensusImportError(
        f"{path.name} is not a file the app can import. It accepts ONS census bulk files "
        "(census2021-ts021-ltla.csv and the like), the ethnic group counts file, and the ONS lookups of local "
        f"authorities to ICBs or of districts to counties. {UNCHANGED}")


class CensusService:
    """The census feature over one database."""

    def __init__(self, engine: Engine) -> None:
        self.cache = CensusCache(engine)

    def import_files(self, paths: list[Path]) -> list[str]:
        """Import files all together (one transaction): if any file is unreadable, none is stored."""
        batches = [read_file(Path(p)) for p in paths]
        self.cache.write(*batches)
        return [f"{Path(p).name}: {b.describe()}" for p, b in zip(paths, batches)]

    def download(self, settings: NomisSettings | None = None, cancel: threading.Event | None = None,
                 progress: ProgressFn | None = None, tables: list[str] | None = None) -> str:
        """Fetch every table from Nomis and store it (one transaction); returns a one-line summary."""
        specs = tuple(table_spec(c) for c in tables) if tables else PROFILE_TABLES
        with NomisClient(settings) as client:
            batch = download(client, specs, cancel, progress)
        if cancel is not None and cancel.is_set():  # cancelled after the last request: still store nothing
            raise CensusCancelled()
        self.cache.write(batch)
        return " ".join([f"Downloaded {batch.describe()}.", *batch.notes])

    def area_search(self, text: str, limit: int = 20) -> list[Area]:
        """Areas matching part of a name or a code."""
        return area_search(self.cache, text, limit)

    def resolve(self, text: str) -> Area:
        """The one area meant by a code or name (CensusDataError if none or several)."""
        return resolve_area(self.cache, text)

    def profile(self, area: str | Area, tables: list[str] | None = None) -> Profile:
        """The area's tables (and what is missing), compared with England."""
        place = area if isinstance(area, Area) else self.resolve(area)
        result = build_profile(self.cache, place, tables)
        if not result.tables:
            raise CensusDataError(f"There are no census figures for {place.name} ({place.code}) in the cache yet. "
                                  "Download them from Nomis or import the ONS bulk files first.")
        return result

    def attach(self, repository: AssessmentRepository, assessment_id: int, tables: list[CensusTable]) -> None:
        """Store the chosen tables with the assessment, replacing any attached before."""
        # The repository refuses a signed-off (locked) version with its own plain message.
        repository.attach_census_tables(assessment_id, tables)
