"""Tables pasted into an answer as tab-separated text (from Excel, Nomis or a Word table).

A run of two or more consecutive lines that each hold a tab between words is a table when at least two of
its lines have the same number of cells; shorter lines are padded with empty cells. A line whose only tabs
indent it is text, not a table row. The Word export prints such a run as a real table; the census feature
recognises pasted ONS tables in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union


@dataclass(frozen=True)
class TabTable:
    """A table found in an answer: its rows of cells and where it sits (0-based line numbers, inclusive)."""

    rows: tuple[tuple[str, ...], ...]
    first_line: int
    last_line: int

    @property
    def width(self) -> int:
        """The number of columns."""
        return len(self.rows[0])


Piece = Union[str, TabTable]  # a line of text or a table, in the order the answer holds them


def _is_row(line: str) -> bool:
    return "\t" in line.strip()


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.rstrip("\t ").split("\t")]


def _table(lines: list[str], first: int) -> TabTable | None:
    rows = [_cells(line) for line in lines]
    widths = [len(row) for row in rows]
    if len(rows) < 2 or not any(widths.count(w) >= 2 for w in set(widths)):
        return None
    width = max(widths)
    padded = tuple(tuple(row + [""] * (width - len(row))) for row in rows)
    return TabTable(padded, first, first + len(lines) - 1)


def split_pieces(text: str) -> list[Piece]:
    """An answer's lines in order, with each pasted table gathered into one TabTable."""
    lines = text.split("\n")
    pieces: list[Piece] = []
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and _is_row(lines[end]):
            end += 1
        table = _table(lines[index:end], index) if end - index >= 2 else None
        if table is not None:
            pieces.append(table)
            index = end
        else:
            pieces.append(lines[index])
            index += 1
    return pieces


def tables_in(text: str) -> list[TabTable]:
    """Every pasted table in a text."""
    return [piece for piece in split_pieces(text) if isinstance(piece, TabTable)]
