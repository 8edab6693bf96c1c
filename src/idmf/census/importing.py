"""Recognise and read one census or lookup file by its header (nothing is stored here)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from idmf.census import bulk, long_files, lookups
from idmf.census.errors import UNCHANGED, CensusImportError
from idmf.census.records import sum_problem
from idmf.census.tables import TOTAL
from idmf.domain.census import Batch, Observation

_READERS = (
    (bulk.is_bulk, bulk.read_bulk),
    (bulk.is_ethnic_counts, bulk.read_ethnic_counts),
    (long_files.is_ons_dataset, long_files.read_ons_dataset),
    (long_files.is_long_file, long_files.read_long_file),
    (long_files.is_country_file, long_files.read_country_file),
    (lookups.is_icb_lookup, lookups.read_icb_lookup),
    (lookups.is_county_lookup, lookups.read_county_lookup),
)


def _check_sums(path: Path, batch: Batch) -> None:
    """Refuse a file in which any area's categories do not add up to its total (never store a table that loses
    or invents people)."""
    by_area: dict[str, list[Observation]] = defaultdict(list)
    for value in batch.values:
        by_area[value.area_code].append(value)
    for area, values in by_area.items():
        total = next((v.count for v in values if v.category == TOTAL), None)
        problem = None if total is None else sum_problem(
            total, [(v.category, v.count) for v in values if v.category != TOTAL])
        if problem:
            raise bulk.bad_file(path, f"for area {area[:20]} {problem}")


def read_file(path: Path) -> Batch:
    """Read one census or lookup file, recognised by its header; CensusImportError says what it accepts."""
    header, rows = bulk.read_table(path)
    for recognises, reader in _READERS:
        if recognises(header):
            batch = reader(path, header, rows)
            _check_sums(path, batch)
            return batch
    raise CensusImportError(
        f"{path.name} is not a file the app can import. It accepts ONS census bulk files "
        "(census2021-ts021-ltla.csv and the like), ONS custom-dataset downloads (TS008, TS030, TS070), the ethnic "
        "group counts file, the long files listed in the app's census sources, and the ONS lookups of local "
        f"authorities to ICBs or of districts to counties. {UNCHANGED}")
