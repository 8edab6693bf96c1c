"""Links that make the Step 4 judgement exact: which action rows mitigate an impact, and which evidence backs it.

Rows of a table answer carry a stable id under `ROW_ID` (given when the row is made), so a link to an action
or an engagement finding survives reordering and deleting other rows. Evidence is a list of references, each
"kind:target":

    census:TS021         an attached census table (by its table code)
    finding:<row id>     a key finding of the engagement (Step 3)
    document:<id>        an attached document

Older assessments hold rows without ids and free-text evidence; both are kept as they are.
"""

from __future__ import annotations

import uuid
from typing import Any, Iterable, NamedTuple

ROW_ID = "row_id"  # the key of a table row's stable id (never a column of the form)
CENSUS, FINDING, DOCUMENT = "census", "finding", "document"
KINDS = (CENSUS, FINDING, DOCUMENT)


def new_row_id() -> str:
    """A fresh stable id for a table row (short: it is stored in every link to the row)."""
    # Never digits only (1 in 280 would be): a link target of digits alone names a row made before rows had ids.
    while (made := uuid.uuid4().hex[:12]).isdigit():
        pass
    return made


def row_id(row: Any) -> str | None:
    """The stable id of a table row (None for a row made before rows had ids)."""
    value = row.get(ROW_ID) if isinstance(row, dict) else None
    return value if isinstance(value, str) and value else None


def with_row_ids(rows: Iterable[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """The rows, each with a stable id (rows that have one keep it)."""
    return [row if row_id(row) else {**row, ROW_ID: new_row_id()} for row in rows or []]


def cells(row: dict[str, Any]) -> dict[str, Any]:
    """A row's cells without its id (what the user typed)."""
    return {key: value for key, value in row.items() if key != ROW_ID}


class EvidenceRef(NamedTuple):
    """One evidence reference, split: kind (census, finding, document, or '' for free text) and target."""

    kind: str
    target: str

    @property
    def text(self) -> str:
        return f"{self.kind}:{self.target}" if self.kind else self.target


def parse_ref(text: str) -> EvidenceRef:
    """Split 'census:TS021' into its kind and target (free text from older files has kind '')."""
    kind, sep, target = text.partition(":")
    return EvidenceRef(kind, target) if sep and kind in KINDS and target else EvidenceRef("", text)


def ref(kind: str, target: str) -> str:
    """The stored form of a reference."""
    return EvidenceRef(kind, target).text


def row_number(rows: Iterable[Any], wanted: str) -> int | None:
    """The 1-based position of the row with this id (None when no row has it)."""
    return next((n for n, row in enumerate(rows or [], start=1) if row_id(row) == wanted), None)
