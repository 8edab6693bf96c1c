"""Read census files in "long" layouts: one row per area × category (see ../shared/census/SOURCES.md).

- ONS "create a custom dataset" CSVs: `<Geography> Code, <Geography>, <Variable> (N categories) Code,
  <Variable> (N categories), Observation`. The table comes from the variable ("Sex" is TS008). There is no total
  row: the total is the sum of the categories. Code -8 "Does not apply" is always 0 in these tables; a -8 row
  holding people is refused rather than dropped.
- Long files made from the Nomis bulk files: `ltlaNN_code, ltlaNN_name, total_…, <variable>, n, prop`, the
  variable column naming the table; category names may keep Nomis's "; measures: Value".
- Country files: `geography_code, geography_name, category, [level,] count`, the table in the file name
  (ts021…, ts030…), the total row named "Total: …".
"""

from __future__ import annotations

import re
from pathlib import Path

from idmf.census.bulk import bad_file, count, is_total
from idmf.census.records import observations
from idmf.census.tables import CensusTableSpec, spec_for_variable, table_spec
from idmf.domain.census import Area, Batch, kind_from_code

_ONS_VARIABLE = re.compile(r"(.+?) \(\d+ categories\) code", re.IGNORECASE)
# The variable column of the long files built from Nomis bulk files, and the table each holds.
LONG_COLUMNS = {"disability_level": "TS038", "legal_partnership": "TS002", "sexual_orientation": "TS077"}
_TABLE_IN_NAME = re.compile(r"(?<![a-z])ts(\d{3}[a-z]?)(?![0-9])", re.IGNORECASE)
DOES_NOT_APPLY = "-8"
_MEASURES = re.compile(r";\s*measures:.*$", re.IGNORECASE)


def is_ons_dataset(header: list[str]) -> bool:
    """The ONS custom-dataset layout: five columns, the third '<Variable> (N categories) Code'."""
    return (len(header) == 5 and header[0].lower().endswith(" code") and header[4].lower() == "observation"
            and _ONS_VARIABLE.fullmatch(header[2]) is not None)


def is_long_file(header: list[str]) -> bool:
    """A long file built from a Nomis bulk file: ltlaNN_code first, a total column, a known variable, n."""
    lower = [h.lower() for h in header]
    return (bool(lower) and re.fullmatch(r"ltla\d\d_code", lower[0]) is not None and "n" in lower
            and any(h.startswith("total") for h in lower) and any(h in LONG_COLUMNS for h in lower))


def is_country_file(header: list[str]) -> bool:
    """A long file of country (or other area) rows: geography_code, geography_name, category, …, count."""
    lower = [h.lower() for h in header]
    return lower[:3] == ["geography_code", "geography_name", "category"] and lower[-1] == "count"


class _Areas:
    """Rows grouped by area, in file order, each area's categories kept once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.names: dict[str, str] = {}
        self.rows: dict[str, list[tuple[str, int]]] = {}
        self.totals: dict[str, int | None] = {}

    def add(self, line: int, code: str, name: str, category: str, value: int, total: int | None = None) -> None:
        if not code:
            raise bad_file(self.path, f"line {line} has no area code")
        rows = self.rows.setdefault(code, [])
        if any(seen == category for seen, _ in rows):
            raise bad_file(self.path, f"line {line} repeats {category[:60]} for area {code[:20]}")
        if self.totals.setdefault(code, total) != total:
            raise bad_file(self.path, f"line {line} gives area {code[:20]} a different total from its first line")
        self.names[code] = name
        rows.append((category, value))

    def batch(self, spec: CensusTableSpec) -> Batch:
        if not self.rows:
            raise bad_file(self.path, "it holds no figures")
        batch = Batch(source="ONS bulk file", dataset_ids={spec.code: self.path.name})
        for code, rows in self.rows.items():
            batch.values += observations(spec.code, code, self.totals[code], rows, spec.sum_groups)
            batch.areas.append(Area(code, self.names[code], kind_from_code(code)))
        return batch


def read_ons_dataset(path: Path, header: list[str], rows: list[list[str]]) -> Batch:
    """An ONS custom-dataset CSV (TS008 sex, TS030 religion, TS070 gender identity)."""
    variable = _ONS_VARIABLE.fullmatch(header[2]).group(1)  # type: ignore[union-attr]  # checked by is_ons_dataset
    spec = spec_for_variable(variable)
    if spec is None:
        raise bad_file(path, f"its variable \u201c{variable[:60]}\u201d is not one of the census tables the app uses")
    areas = _Areas(path)
    for line, row in enumerate(rows, start=2):
        if len(row) != 5:
            raise bad_file(path, f"line {line} has {len(row)} values instead of 5")
        code, name, category_code, category, text = (cell.strip() for cell in row)
        value = count(path, line, text)
        if category_code == DOES_NOT_APPLY:
            if value:
                raise bad_file(path, f"line {line} puts {value:,} people under \u201c{category[:40]}\u201d, which "
                                     "the app cannot place in the table")
            continue
        areas.add(line, code, name, category, value)
    return areas.batch(spec)


def _column(header: list[str], wanted) -> int:
    return next(i for i, h in enumerate(header) if wanted(h.lower()))


def read_long_file(path: Path, header: list[str], rows: list[list[str]]) -> Batch:
    """A long file built from a Nomis bulk file (TS038 disability, TS002 legal partnership, TS077)."""
    variable = _column(header, lambda h: h in LONG_COLUMNS)
    spec = table_spec(LONG_COLUMNS[header[variable].lower()])
    total_at, n_at = _column(header, lambda h: h.startswith("total")), _column(header, lambda h: h == "n")
    areas = _Areas(path)
    for line, row in enumerate(rows, start=2):
        if len(row) != len(header):
            raise bad_file(path, f"line {line} has {len(row)} values instead of {len(header)}")
        # Nested categories keep their full names ("Married or …: Married"), so the profile can indent them.
        code, category = row[0].strip(), _MEASURES.sub("", row[variable]).strip()
        areas.add(line, code, row[1].strip(), category, count(path, line, row[n_at]),
                  count(path, line, row[total_at]))
    return areas.batch(spec)


def read_country_file(path: Path, header: list[str], rows: list[list[str]]) -> Batch:
    """A long country file (TS021, TS030 for England and Wales); the table is named in the file name."""
    match = _TABLE_IN_NAME.search(path.stem)
    if match is None:
        raise bad_file(path, "the file name does not say which table it is (e.g. ts021_ctry_….csv)")
    spec = table_spec(f"TS{match.group(1)}")
    areas = _Areas(path)
    totals: dict[str, int] = {}
    for line, row in enumerate(rows, start=2):
        if len(row) != len(header):
            raise bad_file(path, f"line {line} has {len(row)} values instead of {len(header)}")
        code, name, category = (cell.strip() for cell in row[:3])
        value = count(path, line, row[-1])
        if is_total(category):
            totals[code] = value
            continue
        areas.add(line, code, name, category, value)
    for code in areas.rows:
        areas.totals[code] = totals.get(code)
    return areas.batch(spec)
