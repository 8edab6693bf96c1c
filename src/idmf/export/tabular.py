"""Tables to files: CSV (one table) and Excel (one sheet per table), safe to open in a spreadsheet.

A cell whose text starts like a formula (=, +, -, @) is kept as text: in the CSV it gets a leading apostrophe
(as spreadsheets themselves do), in Excel it is stored as a string, so a typed "=HYPERLINK(…)" is never run.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any, Sequence

from idmf.files import atomic_write, atomic_write_text

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SHEET_NAME_MAX = 31  # Excel's limit


def _csv_cell(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_csv(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> Path:
    """One table as UTF-8 CSV with a byte-order mark (so Excel reads the accents right)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows([_csv_cell(v) for v in row] for row in rows)
    return atomic_write_text(Path(path), "\ufeff" + buffer.getvalue())


def write_xlsx(path: Path, tables: dict[str, tuple[Sequence[str], Sequence[Sequence[Any]]]]) -> Path:
    """Every table on a sheet of its own, headers in bold and frozen, columns sized to their text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for name, (headers, rows) in tables.items():
        sheet = book.create_sheet(name[:SHEET_NAME_MAX])
        sheet.append(list(headers))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(list(row))
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                    cell.data_type = "s"  # text, never a formula
        sheet.freeze_panes = "A2"
        for column in sheet.columns:
            width = max(len(str(c.value)) for c in column if c.value is not None) if column else 10
            sheet.column_dimensions[column[0].column_letter].width = min(60, max(10, width + 2))
    return atomic_write(Path(path), book.save)
