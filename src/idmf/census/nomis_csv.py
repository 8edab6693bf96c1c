"""Read Nomis's `.data.csv` answers defensively: a damaged, cut-off or unexpected answer never reaches the cache.

The layout (NOMIS_API.md §2): upper-case headers `GEOGRAPHY_CODE, GEOGRAPHY_NAME, <DIM>_NAME, <DIM>, OBS_VALUE`,
one row per area × category. Columns are matched by name, never by position, and category codes are read
from the answer rather than trusted from public notes, which Nomis has not confirmed:
- code 0 is the table total, in the same codelist as its parts;
- some codelists add aggregates of their own categories (TS038 1001 "Disabled under the Equality Act";
  TS039 101/102, bands of hours). Leaf categories are numbered 1…n, so a code above the number of categories
  in the answer cannot be a leaf. An aggregate is kept only as the heading of the categories it names
  ("Disabled under the Equality Act: …"); any other aggregate is left out, because shown beside its own
  parts it would count the same people twice.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass

from idmf.census.errors import UNCHANGED, CensusDownloadError
from idmf.census.records import group_of, observations, sum_problem
from idmf.domain.census import Observation
from idmf.domain.limits import not_a_count, whole_count
from idmf.census.tables import CensusTableSpec

NO_FIGURES = "no figures at all"
ROW_LIMIT = 25_000  # Nomis's per-request limit for guests; a full page means the answer may be incomplete
TOTAL_CODE = "0"


class NomisAnswerError(CensusDownloadError):
    """Nomis answered, but not with a complete table the app can read; `reason` says why in a few words."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason or message


def malformed(label: str, detail: str) -> NomisAnswerError:
    """The error for an answer that is damaged, incomplete or laid out differently from what the app knows."""
    reason = "no figures from Nomis" if detail == NO_FIGURES else f"an answer the app does not recognise ({detail})"
    return NomisAnswerError(f"The Nomis census service sent {label} in a layout the app does not recognise "
                            f"({detail}). Try again later, or import the ONS bulk files instead. {UNCHANGED}", reason)


def not_adding_up(label: str, area: str, problem: str) -> NomisAnswerError:
    """The error for a table whose categories do not add up to its total: never stored, the gap named."""
    return NomisAnswerError(f"The Nomis census service sent {label}, but for {area} {problem}, so the table was "
                            f"not stored. Try again later, or import the ONS bulk files instead. {UNCHANGED}",
                            f"refused, because for {area} {problem}")


@dataclass
class Parsed:
    """One answer: area names, and per area each category code's (name, count)."""

    names: dict[str, str]  # area code -> area name
    counts: dict[str, dict[str, tuple[str, int]]]  # area code -> category code -> (category name, count)


def parse_csv(text: str, spec: CensusTableSpec, label: str) -> Parsed:
    """Read one Nomis CSV answer, checking every row, so a damaged answer can never reach the cache."""
    reader = csv.reader(io.StringIO(text), strict=True)
    try:
        header = [h.strip().upper() for h in next(reader, [])]
        wanted = ["GEOGRAPHY_CODE", "GEOGRAPHY_NAME", f"{spec.dimension.upper()}_NAME", spec.dimension.upper(),
                  "OBS_VALUE"]
        missing = [w for w in wanted if w not in header]
        if missing:
            raise malformed(label, f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}")
        at = [header.index(w) for w in wanted]
        parsed = Parsed({}, defaultdict(dict))
        for record in reader:
            if reader.line_num > ROW_LIMIT + 1:  # the most Nomis sends: stop reading, the answer is refused
                raise malformed(label, f"more than {ROW_LIMIT:,} rows, the most Nomis sends at once")
            if record:
                _add_record(parsed, record, len(header), at, label, reader.line_num)
    except csv.Error as exc:
        raise malformed(label, f"line {reader.line_num}: {exc}") from None
    _check_complete(parsed, label)
    return parsed


def _add_record(parsed: Parsed, record: list[str], width: int, at: list[int], label: str, line: int) -> None:
    if len(record) != width:
        raise malformed(label, f"line {line} has {len(record)} values instead of {width}")
    code, name, category, category_code, value = (record[i].strip() for i in at)
    count = whole_count(value)
    if count is None:
        raise malformed(label, f"line {line} has {not_a_count(value)}")
    if not code or category_code in parsed.counts[code]:
        raise malformed(label, f"line {line} is empty or repeated")
    parsed.names[code] = name
    parsed.counts[code][category_code] = (category, count)


def _check_complete(parsed: Parsed, label: str) -> None:
    if not parsed.counts:
        raise malformed(label, NO_FIGURES)
    if sum(len(c) for c in parsed.counts.values()) >= ROW_LIMIT:
        raise malformed(label, f"{ROW_LIMIT:,} rows, the most Nomis sends at once, so some may be missing")
    shapes = {frozenset(c) for c in parsed.counts.values()}
    if len(shapes) > 1:
        # A body cut off between rows loses the last area's later categories: every area must be complete.
        raise malformed(label, "some areas are missing categories, so the answer is incomplete")
    for cells in parsed.counts.values():
        if TOTAL_CODE in cells and any(n > cells[TOTAL_CODE][1] for _, n in cells.values()):
            raise malformed(label, "a category larger than its area's total")
    if shapes <= {frozenset({TOTAL_CODE})}:
        # Nomis sends only a dimension's default (the total) if it ignored the request's categories.
        raise malformed(label, "only the table total, without its categories")


def _aggregates(cells: dict[str, tuple[str, int]]) -> set[str]:
    """Codes that cannot be leaves: leaves are numbered 1…n, so anything above n is an aggregate of them.

    A code that is not a number is kept as a leaf: showing an unexpected category beats hiding people."""
    parts = [code for code in cells if code != TOTAL_CODE]
    return {code for code in parts if code.isdigit() and int(code) > len(parts)}


def _left_out(cells: dict[str, tuple[str, int]]) -> set[str]:
    """The aggregate codes that would count their parts twice (those that are not a heading of their parts)."""
    aggregates = _aggregates(cells)
    leaf_names = {cells[code][0] for code in cells if code != TOTAL_CODE and code not in aggregates}
    return {code for code in aggregates if not any(group_of(leaf, {cells[code][0]}) == cells[code][0]
                                                   for leaf in leaf_names)}


def category_rows(cells: dict[str, tuple[str, int]]) -> tuple[int | None, list[tuple[str, int]], list[str]]:
    """(the table total if Nomis sent it, the categories to show in Nomis's order, the names left out).

    Aggregates are left out only when the rest then add up to the total; when they do not (the codes were not
    what the app expects), every category is kept if that adds up instead; a refusal is the caller's to make."""
    total = cells[TOTAL_CODE][1] if TOTAL_CODE in cells else None
    left_out = _left_out(cells)
    kept = [(name, n) for code, (name, n) in cells.items() if code != TOTAL_CODE and code not in left_out]
    if left_out and total is not None and sum_problem(total, kept) is not None:
        everything = [(name, n) for code, (name, n) in cells.items() if code != TOTAL_CODE]
        if sum_problem(total, everything) is None:
            return total, everything, []
    return total, kept, [cells[code][0] for code in cells if code in left_out]


def to_observations(parsed: Parsed, spec: CensusTableSpec, label: str = "") -> tuple[list[Observation], list[str]]:
    """Every area's counts, and the categories left out because they add up others (named for the user).

    The total is Nomis's own code 0, else the sum of the top-level categories; a table whose categories do not
    add up to its total is refused (NomisAnswerError naming the area and the difference)."""
    out: list[Observation] = []
    left_out: dict[str, None] = {}
    for area, cells in parsed.counts.items():
        total, rows, dropped = category_rows(cells)
        problem = sum_problem(total, rows) if total is not None else None
        if problem:
            raise not_adding_up(label or f"{spec.title} ({spec.code})", parsed.names.get(area, area), problem)
        left_out.update(dict.fromkeys(dropped))
        out += observations(spec.code, area, total, rows, spec.sum_groups)
    return out, list(left_out)
