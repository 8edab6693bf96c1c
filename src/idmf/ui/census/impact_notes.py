"""Step 4: beside each protected characteristic, a short note where the area differs notably from England.

The lead sees the census evidence where the judgement is made. The figures come from the tables kept in the
evidence base; until some are kept, from the profile on show in Step 2 (and the note says so).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from idmf.census.deprivation import IMD_CODE
from idmf.census.profile import Profile
from idmf.domain.evidence import CensusRow, CensusTable
from idmf.domain.questions import (IH_DEPRIVATION, IH_GROUPS, PC_AGE, PC_DISABILITY, PC_GENDER_REASSIGNMENT, PC_MARRIAGE, PC_RACE,
                                   PC_RELIGION, PC_SEX, PC_SEXUAL_ORIENTATION)
from idmf.ui.census import deprivation
from idmf.ui.editor.host import EditorHost

SECTION_ID = "impact"
# "Notably": a group's share of the area differs from England's by at least this many percentage points.
NOTABLE_POINTS = 5.0
MAX_LINES = 3  # the largest few differences: a note, not a second copy of the table
# Census table → the Step 4 question it informs (TS007 stands in for TS007B; unpaid carers → the groups list).
QUESTION_OF_TABLE = {
    "TS007B": PC_AGE, "TS007": PC_AGE, "TS008": PC_SEX, "TS021": PC_RACE, "TS030": PC_RELIGION,
    "TS079": PC_SEXUAL_ORIENTATION, "TS077": PC_SEXUAL_ORIENTATION, "TS070": PC_GENDER_REASSIGNMENT, "TS038": PC_DISABILITY,
    "TS002": PC_MARRIAGE, "TS039": IH_GROUPS, IMD_CODE: IH_DEPRIVATION,
}
STYLE = "QLabel { background: #E8F1FA; border-left: 4px solid #005EB8; padding: 6px; }"


def notable_rows(table: CensusTable) -> list[CensusRow]:
    """Rows at least NOTABLE_POINTS from England, largest first; a detailed group under a notable one is left out."""
    rows = [r for r in table.rows if r.difference is not None and abs(r.difference) >= NOTABLE_POINTS]
    notable = {r.category for r in rows}
    rows = [r for r in rows if r.parent not in notable]  # its broad group already says it
    return sorted(rows, key=lambda r: abs(r.difference or 0), reverse=True)[:MAX_LINES]


def _line(row: CensusRow) -> str:
    mark, word = ("▲", "more") if (row.difference or 0) > 0 else ("▼", "less")
    return (f"{mark} {row.category}: {row.percent:.1f}% here, {row.england_percent:.1f}% in England "
            f"({abs(row.difference or 0):.1f} percentage points {word})")


def note_text(table: CensusTable, kept: bool) -> str:
    """The note for one table ('' when nothing differs notably)."""
    rows = notable_rows(table)
    if not rows:
        return ""
    where = ("the census tables in your evidence base" if kept
             else "the census profile shown in Step 2 (not yet added to your evidence base)")
    head = (f"Census 2021: {table.area_name}'s {table.title.lower()} profile differs notably from England's "
            f"({table.table_code}, from {where}):")
    return "\n".join([head, *(_line(r) for r in rows)])


class ImpactNotes:
    """One note label after each characteristic question of Step 4, shown only when it has something to say."""

    def __init__(self, editor: EditorHost, panel) -> None:
        self.editor = editor
        self.panel = panel
        self.labels: dict[str, QLabel] = {}
        shown = editor.question_ids(SECTION_ID)
        for question_id in dict.fromkeys(QUESTION_OF_TABLE.values()):
            if question_id in shown:
                self.labels[question_id] = self._label()
                editor.add_panel(SECTION_ID, self.labels[question_id], after_question_id=question_id)
        panel.sig_profile.connect(lambda _profile: self.refresh())
        editor.sig_assessment_changed.connect(self.refresh)
        self.refresh()

    @staticmethod
    def _label() -> QLabel:
        label = QLabel()
        label.setObjectName("census_note")
        label.setWordWrap(True)
        label.setStyleSheet(STYLE)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        return label

    def sources(self) -> tuple[list[CensusTable], bool]:
        """The tables the notes come from, and whether they are the kept ones."""
        kept = list(self.editor.assessment.census_tables)
        if kept:
            return kept, True
        profile: Profile | None = self.panel.profile
        if profile is None:
            return [], False
        return list(profile.tables) + ([profile.deprivation] if profile.deprivation else []), False

    def refresh(self) -> None:
        """Rewrite every note from the current tables."""
        tables, kept = self.sources()
        texts: dict[str, list[str]] = {}
        for table in tables:
            question_id = QUESTION_OF_TABLE.get(table.table_code)
            text = deprivation.note_text(table, kept) if table.deprivation else note_text(table, kept)
            if question_id in self.labels and text:
                texts.setdefault(question_id, []).append(text)
        for question_id, label in self.labels.items():
            text = "\n\n".join(texts.get(question_id, []))
            label.setText(text)
            label.setAccessibleName(f"Census note: {text}" if text else "")
            label.setVisible(bool(text))
