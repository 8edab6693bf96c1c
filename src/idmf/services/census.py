"""The census service: import, download, search, profile and attach ONS Census 2021 figures.

`download` blocks and reports progress through a callback, so the UI runs it on a worker thread and
cancels it with a threading.Event; nothing here knows about Qt.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from pydantic import ValidationError
from sqlalchemy.exc import SQLAlchemyError

from idmf.census import bundle as shipped
from idmf.census.deprivation import deprivation_table, ranked
from idmf.census.errors import (UNCHANGED, CensusCancelled, CensusDataError, CensusDownloadError, CensusError,
                               CensusImportError)
from idmf.census.importing import read_file
from idmf.census.nomis_settings import NomisSettings, ProgressFn
from idmf.census.pasted import PastedTable, figure_differences, find_pasted, label_key, matched_share, without
from idmf.census.profile import Profile, area_search, build_profile, resolve_area
from idmf.census.tables import PROFILE_TABLES, table_spec
from idmf.domain.assessment import Assessment
from idmf.domain.census import Area, Batch
from idmf.domain.evidence import CensusTable, DeprivationFigure, merged_tables
from idmf.errors import first_line
from idmf.services.assessments import AssessmentService
from idmf.services.changes import ChangeNotifier, Changes
from idmf.storage.store import Store


MIN_SHARE = 0.6  # at least this share of the pasted categories must be the census table's own


@dataclass(frozen=True)
class PastedMatch:
    """A census table pasted into an answer, and what the app can offer for it."""

    question_id: str
    pasted: PastedTable
    table: CensusTable | None  # the census table with the same figures, to put in its place (None: no offer)
    message: str  # what the editor tells the user, in plain English


@dataclass(frozen=True)
class DownloadResult:
    """What a download did: the one-line summary, and the tables that failed (to offer "Retry failed tables")."""

    summary: str
    failed: list[str]

    def __str__(self) -> str:
        return self.summary


def _kept(previous: tuple[str, dt.date] | None) -> str:
    """What the user still has for a failed table."""
    if previous is None:
        return "there were no earlier figures for it"
    source, when = previous
    if source == shipped.SHIPPED_SOURCE:
        return "kept the figures shipped with the app"
    return f"kept the figures from {when:%d/%m/%Y}"


class CensusService:
    """The census feature over one database."""

    def __init__(self, store: Store, assessments: AssessmentService, changes: ChangeNotifier) -> None:
        self.store = store
        self.cache = store.census
        self.assessments = assessments
        self.changes = changes
        self._shipped_checked = False
        self._imd: dict[str, DeprivationFigure] | None = None
        self.shipped_problem = ""  # why the shipped figures could not be loaded ("" when they were)

    def ensure_shipped(self) -> None:
        """On first use, fill every table the cache lacks from the census figures shipped with the app (no
        network; one transaction). Tables already downloaded or imported are never touched."""
        if self._shipped_checked:
            return
        self._shipped_checked = True
        path = shipped.bundle_path()
        have = self.cache.counts()
        if path is None or all(code in have for code in shipped.SHIPPED_TABLES):
            return
        try:
            bundle = shipped.read(path)
        except CensusImportError as exc:
            self.shipped_problem = str(exc)
            return
        missing = [code for code in bundle["tables"] if code not in have]
        tables = (shipped.table_batch(bundle, code) for code in missing)  # one table in memory at a time
        self._write(shipped.lookup_batch(bundle, with_icbs=not self.cache.has_icb_lookup(),
                                         with_parents=not have), then=tables)

    def _write(self, *batches: Batch, then: Iterable[Batch] = ()) -> None:
        """Store batches in one transaction; a database failure becomes a plain message (nothing changed)."""
        try:
            self.cache.write(*batches, then=then)
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
                 progress: ProgressFn | None = None, tables: list[str] | None = None) -> DownloadResult:
        """Fetch the tables from Nomis and store each one that arrived whole in its own transaction; a table that
        failed keeps its previous figures and is named in the summary. Nothing is stored when cancelled, and a
        CensusDownloadError (cache unchanged) when no table arrived."""
        from idmf.census.nomis import NomisClient, download  # the HTTP client: imported when a download starts

        specs = tuple(table_spec(c) for c in tables) if tables else PROFILE_TABLES
        with NomisClient(settings) as client:
            results = download(client, specs, cancel, progress)
        if cancel is not None and cancel.is_set():  # cancelled after the last request: still store nothing
            raise CensusCancelled()
        arrived = [r.batch for r in results if r.batch is not None]
        failed = [r for r in results if r.batch is None]
        if not arrived:
            raise CensusDownloadError(failed[0].message)
        kept = self.cache.table_dates([r.spec.code for r in failed])
        for batch in arrived:
            self._write(batch)
        notes = [note for batch in arrived for note in batch.notes]
        if not failed:
            merged = Batch("Nomis API", [v for b in arrived for v in b.values])
            return DownloadResult(" ".join([f"Downloaded {merged.describe()}.", *notes]), [])
        lines = [f"{r.spec.title} ({r.spec.code}): {r.reason} \u2014 {_kept(kept.get(r.spec.code))}" for r in failed]
        summary = f"{len(arrived)} of {len(results)} tables updated; " + "; ".join(lines) + "."
        return DownloadResult(" ".join([summary, *notes]), [r.spec.code for r in failed])

    def has_figures(self) -> bool:
        """Whether any census figures are cached on this computer."""
        self.ensure_shipped()
        return bool(self.cache.counts())

    def area(self, code: str) -> Area | None:
        """One area by its code (None when the cache does not know it)."""
        self.ensure_shipped()
        return self.cache.area(code)

    def area_search(self, text: str, limit: int = 20) -> list[Area]:
        """Areas matching part of a name or a code."""
        self.ensure_shipped()
        return area_search(self.cache, text, limit)

    def resolve(self, text: str) -> Area:
        """The one area meant by a code or name (CensusDataError if none or several)."""
        self.ensure_shipped()
        return resolve_area(self.cache, text)

    def profile(self, area: str | Area, tables: list[str] | None = None) -> Profile:
        """The area's tables (and what is missing), compared with England."""
        self.ensure_shipped()
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
        figures, note = self.deprivation(place)
        result.deprivation = deprivation_table(place, figures, note)
        if result.deprivation is None and note:
            result.missing.append(f"Deprivation (IMD 2019): {note}")
        return result

    def deprivation(self, area: str | Area) -> tuple[list[DeprivationFigure], str]:
        """IMD 2019 for a local authority, or for each best-fit authority of an ICB or district of a county;
        with a line saying why there is none (or what is left out)."""
        place = area if isinstance(area, Area) else self.resolve(area)
        figures = self._imd_figures()
        if not figures:  # none when the shipped figures are switched off (IDMF_CENSUS_BUNDLE=none) or unreadable
            return [], self.shipped_problem
        codes = [place.code] if place.kind == "ltla" else self._parts(place)
        found = [figures[c] for c in codes if c in figures]
        lacking = [c for c in codes if c not in figures]
        if not codes:
            return [], f"IMD 2019 summaries are published for local authorities, not for a {place.kind_label.lower()}."
        if lacking:
            names = self.cache.names(lacking)
            listed = ", ".join(names.get(c, c) for c in lacking[:5])
            return found, (f"No IMD 2019 summary for {listed}: IMD 2019 uses 2019 local authority boundaries, "
                           "and this authority was created or changed later.")
        return found, ""

    def _parts(self, place: Area) -> list[str]:
        if place.kind == "icb":
            return [m.lad_code for m in self.cache.icb_links(place.code) if m.icb_code == place.code and m.best_fit]
        if place.kind == "utla":
            return [a.code for a in self.cache.children(place.code)]
        return []

    def _imd_figures(self) -> dict[str, DeprivationFigure]:
        if self._imd is None:
            self.ensure_shipped()
            path = shipped.bundle_path()
            try:
                areas = shipped.read(path)["deprivation"]["areas"] if path is not None else {}
            except CensusImportError as exc:
                self.shipped_problem, areas = str(exc), {}
            self._imd = ranked(areas, self.cache.names(areas))
        return self._imd

    def attach(self, assessment: Assessment | int, tables: list[CensusTable]) -> Assessment:
        """Store the chosen tables with the assessment, replacing any attached before (refused when locked)."""
        item = assessment if isinstance(assessment, Assessment) else self.assessments.get(assessment)
        return self.assessments.attach_census(item, tables)

    # --- census tables pasted into answers ----------------------------------------------------------------
    def pasted_tables(self, assessment: Assessment, question_id: str) -> list[PastedMatch]:
        """The census tables pasted into one answer, each matched with the census table for its area."""
        self.ensure_shipped()
        return [self._match(assessment, question_id, pasted) for pasted in find_pasted(assessment.text(question_id))]

    def replace_pasted(self, assessment: Assessment, match: PastedMatch) -> Assessment:
        """Take the pasted table out of the answer and keep the census table in the evidence base instead
        (one transaction; refused when the answer no longer holds that table)."""
        current = [p for p in find_pasted(assessment.text(match.question_id)) if p.block == match.pasted.block]
        if match.table is None or not current:
            raise CensusDataError("That answer no longer holds the pasted census table, so nothing was replaced. "
                                  f"{UNCHANGED}")
        text = without(assessment.text(match.question_id), current[0])
        tables = merged_tables(list(assessment.census_tables), [match.table])
        return self.assessments.set_answer_and_census(assessment, match.question_id, text or None, tables)

    def _candidates(self, assessment: Assessment, pasted: PastedTable) -> tuple[list[CensusTable], str]:
        """Census tables for the pasted table's area (attached ones first), or why there are none."""
        places = {label_key(p) for p in pasted.places}
        attached = [t for t in assessment.census_tables if label_key(t.area_name) in places
                    and (pasted.code is None or t.table_code == pasted.code)]
        if attached:
            return attached, ""
        areas = [a for place in pasted.places for a in area_search(self.cache, place, 5)
                 if label_key(a.name) == label_key(place)]
        if not areas:
            return [], ("choose its area in the census profile of Step 2 (the pasted table does not name an area "
                        "the app has census figures for)")
        codes = [pasted.code] if pasted.code else None
        try:
            tables = build_profile(self.cache, areas[0], codes).tables
        except CensusDataError as exc:
            return [], str(exc)
        return tables, "" if tables else (f"first download or import the census figures for {areas[0].name} "
                                          "(Step 2, census profile)")

    def _match(self, assessment: Assessment, question_id: str, pasted: PastedTable) -> PastedMatch:
        named = f" ({pasted.code})" if pasted.code else ""
        tables, why = self._candidates(assessment, pasted)
        best = max(tables, key=lambda t: matched_share(pasted, t), default=None)
        if best is None or matched_share(pasted, best) < MIN_SHARE:
            reason = why or "its categories are not those of a census table the app keeps"
            return PastedMatch(question_id, pasted, None, f"This answer holds a pasted census table{named}. To "
                               f"replace it with a laid-out census table, {reason[0].lower()}{reason[1:]}".rstrip(".")
                               + ".")
        what = f"{best.title} ({best.table_code}) for {best.area_name}"
        differences = figure_differences(pasted, best)
        if differences:
            listed = "; ".join(differences[:3]) + ("; …" if len(differences) > 3 else "")
            return PastedMatch(question_id, pasted, None, f"This answer holds a pasted census table that looks like "
                               f"{what}, but its figures differ from the census: {listed}. Check the area and the "
                               "table; the pasted text is left as it is.")
        return PastedMatch(question_id, pasted, best, f"This answer holds a pasted census table: {what}, with the "
                           "same figures as the census. Replace it with the census table, laid out with its note and "
                           "source line under \u201cCensus profile of the area\u201d in the Word document.")
