"""Import the ONS/Nomis bulk CSV files, for computers that cannot reach the Nomis API.

Two layouts are read:
- `census2021-tsNNN-{ctry,rgn,utla,ltla}.csv` from nomisweb.co.uk/sources/census_2021_bulk: `date, geography,
  geography code`, then one column per category headed "<Variable>: <Category>[; measures: Value]". The table
  comes from the file name, which ONS always sets. TS007 (single year of age) gives the template's 11 age bands
  through its band subtotal columns; the profile says it is a close substitute for TS007B.
- the ethnic group counts file (`ethnicity21_ltla21_wide_counts.csv`): 19 detailed groups per local authority;
  the five broad groups are their sums, exactly as in TS021.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from idmf.census.errors import UNCHANGED, CensusImportError
from idmf.census.records import observations
from idmf.domain.census import Area, Batch, kind_from_code
from idmf.domain.limits import (MAX_CSV_BYTES, MAX_CSV_CELLS, MAX_CSV_FIELDS, MAX_CSV_ROWS, mb, not_a_count,
                                whole_count)
from idmf.files import read_at_most
from idmf.census.tables import is_known_table, table_spec

BULK_NAME = re.compile(r"census2021-(ts\d{3}[a-z]?)-(ctry|rgn|utla|ltla)", re.IGNORECASE)
BULK_HEADER = ["date", "geography", "geography code"]
_MEASURES = re.compile(r";\s*measures:.*$", re.IGNORECASE)
# ONS's order of the broad ethnic groups (the counts file lists them alphabetically).
ETHNIC_ORDER = ("Asian", "Black", "Mixed", "White", "Other")


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, refused by its size before reading and never read past the limit."""
    try:
        if path.exists() and not path.is_file():
            raise bad_file(path, "it is a folder or a device, not a file")
        if path.stat().st_size > MAX_CSV_BYTES:
            raise too_big(path, f"it is {mb(path.stat().st_size)}")
        with open(path, "rb") as stream:
            data = read_at_most(stream, MAX_CSV_BYTES)
    except OSError as exc:
        raise CensusImportError(f"The file {path.name} could not be opened ({exc.strerror or exc}).") from None
    if data is None:
        raise too_big(path, f"it holds more than {mb(MAX_CSV_BYTES)}")
    return data


def too_big(path: Path, detail: str) -> CensusImportError:
    """The error for a file past one of the census limits."""
    return bad_file(path, f"{detail}, far more than any census or lookup file (at most {mb(MAX_CSV_BYTES)}, "
                          f"{MAX_CSV_ROWS:,} lines, {MAX_CSV_FIELDS:,} values a line and {MAX_CSV_CELLS:,} values "
                          "in all)")


def _rows(path: Path, text: str) -> list[list[str]]:
    """The non-empty rows, counted as they are read: reading stops at the first line past a limit."""
    reader = csv.reader(io.StringIO(text), strict=True)
    rows: list[list[str]] = []
    cells = 0
    try:
        for row in reader:
            if not row:
                continue
            cells += len(row)
            if len(row) > MAX_CSV_FIELDS:
                raise too_big(path, f"line {reader.line_num} has {len(row):,} values")
            if len(rows) >= MAX_CSV_ROWS or cells > MAX_CSV_CELLS:
                raise too_big(path, f"it goes on past line {reader.line_num:,}")
            rows.append(row)
    except csv.Error as exc:
        raise bad_file(path, f"line {reader.line_num} cannot be read ({exc})") from None
    return rows


def read_table(path: Path) -> tuple[list[str], list[list[str]]]:
    """A CSV file's header and rows; UTF-8 (with or without BOM), else Windows-1252 as some ONS files are."""
    data = _read_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    rows = _rows(path, text)
    if not rows:
        raise bad_file(path, "it is empty")
    return [h.strip() for h in rows[0]], rows[1:]


def bad_file(path: Path, detail: str) -> CensusImportError:
    """The error for a file that is not laid out as expected."""
    return CensusImportError(f"The file {path.name} could not be imported: {detail}. {UNCHANGED}")


def count(path: Path, line: int, text: str) -> int:
    """A count cell as a whole number (some tools write 278 as 278.0); never NaN, infinite or beyond MAX_COUNT."""
    value = whole_count(text)
    if value is None:
        raise bad_file(path, f"line {line} has {not_a_count(text)}")
    return value


class Rows:
    """Area rows of one file: a repeated area is skipped when identical and refused when it differs."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.seen: dict[str, tuple[int, list[str]]] = {}

    def is_new(self, area_code: str, line: int, row: list[str]) -> bool:
        """True the first time an area appears; False for an identical repeat; CensusImportError otherwise."""
        cells = [cell.strip() for cell in row]
        first = self.seen.setdefault(area_code, (line, cells))
        if first[0] == line:
            return True
        if first[1] == cells:
            return False
        raise bad_file(self.path, f"line {line} repeats area {area_code[:20]} (first on line {first[0]}) with "
                                  "different figures, so the app cannot tell which is right")


def check_total(path: Path, line: int, total: int | None, counts: list[tuple[str, int]]) -> None:
    """Refuse a row whose category is larger than its own total."""
    if total is not None and any(n > total for _, n in counts):
        raise bad_file(path, f"line {line} has a category larger than its total")


def is_bulk(header: list[str]) -> bool:
    return [h.lower() for h in header[:3]] == BULK_HEADER


def is_ethnic_counts(header: list[str]) -> bool:
    return bool(header) and re.fullmatch(r"ltla\d\d_code", header[0].lower()) is not None and any(
        "(sum of detailed)" in h for h in header)


def category_of(heading: str) -> str:
    """'Age: Aged 4 years and under; measures: Value' -> 'Aged 4 years and under'."""
    heading = _MEASURES.sub("", heading).strip()
    return heading.partition(": ")[2].strip() or heading


def is_total(category: str) -> bool:
    """ONS heads the total column 'Total', 'Total: All usual residents' or, in TS008, 'All persons'."""
    return category.lower().startswith(("total", "all persons", "all usual residents"))


def read_bulk(path: Path, header: list[str], rows: list[list[str]]) -> Batch:
    """One ONS bulk file of one table at one geography level."""
    match = BULK_NAME.search(path.name)
    if match is None:
        raise bad_file(path, "the file name does not say which table it is; keep the name ONS gave it, "
                             "e.g. census2021-ts021-ltla.csv")
    code = match.group(1).upper()
    if not is_known_table(code):
        raise bad_file(path, f"{code} is not one of the census tables the app uses")
    spec = table_spec(code)
    categories = [category_of(h) for h in header[3:]]
    total_at = next((i for i, c in enumerate(categories) if is_total(c)), None)
    keep = [i for i, c in enumerate(categories) if i != total_at and (spec.categories is None or c in spec.categories)]
    if not keep:
        raise bad_file(path, f"none of its columns are {spec.title.lower()} categories the app expects")
    batch = Batch(source="ONS bulk file", dataset_ids={spec.code: path.name})
    seen = Rows(path)
    for line, row in enumerate(rows, start=2):
        if len(row) != len(header):
            raise bad_file(path, f"line {line} has {len(row)} values instead of {len(header)}")
        area_code, name = row[2].strip(), row[1].strip()
        if not seen.is_new(area_code, line, row[1:]):
            continue
        cells = row[3:]
        counts = [(categories[i], count(path, line, cells[i])) for i in keep]
        total = count(path, line, cells[total_at]) if total_at is not None else None
        check_total(path, line, total, counts)
        batch.values += observations(spec.code, area_code, total, counts, spec.sum_groups)
        batch.areas.append(Area(area_code, name, kind_from_code(area_code)))
    return batch


def _ethnic_rank(heading: str) -> int:
    return next((i for i, word in enumerate(ETHNIC_ORDER) if heading.startswith(word)), len(ETHNIC_ORDER))


def read_ethnic_counts(path: Path, header: list[str], rows: list[list[str]]) -> Batch:
    """The wide ethnic group counts file: TS021 for every local authority."""
    detailed = [i for i, h in enumerate(header) if i >= 2 and ": " in h and "(sum of" not in h]
    detailed.sort(key=lambda i: _ethnic_rank(header[i]))  # stable: detailed order within a group is kept
    total_at = next((i for i, h in enumerate(header) if h.lower().startswith("total")), None)
    batch = Batch(source="ONS bulk file", dataset_ids={"TS021": path.name})
    seen = Rows(path)
    for line, row in enumerate(rows, start=2):
        if len(row) != len(header):
            raise bad_file(path, f"line {line} has {len(row)} values instead of {len(header)}")
        area_code, name = row[0].strip(), row[1].strip()
        if not seen.is_new(area_code, line, row):
            continue
        counts = [(header[i], count(path, line, row[i])) for i in detailed]
        total = count(path, line, row[total_at]) if total_at is not None else None
        check_total(path, line, total, counts)
        batch.values += observations("TS021", area_code, total, counts, sum_groups=True)
        batch.areas.append(Area(area_code, name, kind_from_code(area_code)))
    return batch
