"""Census tables pasted into an answer from Nomis or an ONS page (tab-separated text), recognised so that the
editor can offer to replace them with the census table for that area: the same figures, properly laid out,
with the template's note and source line.

A pasted table is a tab-separated block (idmf.domain.tabular) with at least two rows of a label and a count,
that names a census table ("TS021") in or beside it, or looks like Nomis output (a "count" heading or a
"Total: …" row). Nothing here reads the cache: the census service matches the figures with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from idmf.domain.evidence import CensusTable
from idmf.domain.tabular import TabTable, tables_in
from idmf.forms.printed import CENSUS_NOTE

_CODE = re.compile(r"\b(TS\d{3}[A-Z]?)\b", re.IGNORECASE)
_COUNT = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")
_SOURCE = re.compile(r"^\s*source\b.*\b(ons|census|nomis)\b", re.IGNORECASE)
NEARBY = 2  # lines above and below a table searched for its code, its title line and its source line


@dataclass(frozen=True)
class PastedTable:
    """A census table found in an answer: where it is, what it seems to be, and its figures as pasted."""

    block: TabTable
    code: str | None  # the census table named in or beside it ("TS021"), if any
    places: tuple[str, ...]  # texts that may name its area: its heading cells and the line above it
    figures: tuple[tuple[str, int], ...]  # (category, count) as pasted
    total: int | None  # the "Total: …" row, when pasted
    first_line: int  # the lines it occupies with its source and disclosure note (0-based, inclusive)
    last_line: int


def label_key(text: str) -> str:
    """A category label as compared: case, spacing and a trailing colon do not matter."""
    return " ".join(text.replace("\u00a0", " ").split()).rstrip(":").casefold()


def _count(cells: tuple[str, ...]) -> int | None:
    """The first whole-number cell after the label (the count; a percentage has a decimal point)."""
    for cell in cells[1:]:
        compact = cell.replace(" ", "")
        if _COUNT.match(compact):
            return int(compact.replace(",", ""))
    return None


def _figures(block: TabTable) -> tuple[list[tuple[str, int]], int | None]:
    figures, total = [], None
    for row in block.rows:
        count = _count(row)
        if count is None or not row[0].strip():
            continue
        if label_key(row[0]).startswith("total"):
            total = count
        else:
            figures.append((row[0].strip(), count))
    return figures, total


def _extent(lines: list[str], block: TabTable) -> tuple[int, int]:
    """The table's lines plus the source line and disclosure note that follow it, as Nomis pastes them."""
    last = block.last_line
    for index in range(block.last_line + 1, min(len(lines), block.last_line + 1 + NEARBY)):
        line = lines[index].strip()
        if _SOURCE.match(line) or (line and CENSUS_NOTE.startswith(line[:60])):
            last = index
        elif line:
            break
    return block.first_line, last


def find_pasted(text: str) -> list[PastedTable]:
    """Every pasted census table in an answer, in order."""
    lines = text.split("\n")
    found = []
    for block in tables_in(text):
        figures, total = _figures(block)
        first, last = _extent(lines, block)
        above = lines[max(0, block.first_line - NEARBY):block.first_line]
        around = "\n".join(above + lines[block.first_line:last + 1 + NEARBY])
        code = _CODE.search(around)
        nomis_like = any(label_key(c) == "count" for row in block.rows[:2] for c in row) or total is not None
        if len(figures) < 2 or not (code or nomis_like):
            continue
        places = tuple(dict.fromkeys(c.strip() for row in block.rows[:2] for c in row
                                     if re.search(r"[^\W\d_]", c) and label_key(c) != "count"))
        places += tuple(line.strip() for line in above[-1:] if line.strip())
        found.append(PastedTable(block, code.group(1).upper() if code else None, places, tuple(figures), total,
                                 first, last))
    return found


def matched_share(pasted: PastedTable, table: CensusTable) -> float:
    """The share of the pasted categories that the census table has (0 to 1)."""
    known = {label_key(row.category) for row in table.rows}
    return sum(label_key(label) in known for label, _ in pasted.figures) / len(pasted.figures)


def figure_differences(pasted: PastedTable, table: CensusTable) -> list[str]:
    """Where the pasted counts differ from the census table's, in words ('' categories it lacks are listed)."""
    counts = {label_key(row.category): row.count for row in table.rows}
    found = []
    if pasted.total is not None and pasted.total != table.total:
        found.append(f"total {pasted.total:,} pasted, {table.total:,} in the census")
    for label, count in pasted.figures:
        census = counts.get(label_key(label))
        if census is None:
            found.append(f"“{label}” is not a category of {table.title} ({table.table_code})")
        elif census != count:
            found.append(f"{label}: {count:,} pasted, {census:,} in the census")
    return found


def without(text: str, pasted: PastedTable) -> str:
    """The answer with the pasted table (and its source line and note) taken out, and no run of blank lines
    left where it was."""
    lines = text.split("\n")
    kept = lines[:pasted.first_line] + lines[pasted.last_line + 1:]
    joined = "\n".join(kept)
    return re.sub(r"\n{3,}", "\n\n", joined).strip("\n")
