"""Drive the editor's widgets the way a user does: typing, clicking, choosing. Used by the fill-in test."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from idmf.forms.schema import ColumnType, FieldType, Question

LEFT = Qt.MouseButton.LeftButton


def click(qtbot, button) -> None:
    """Click a radio button or check box in the middle, as a user would."""
    qtbot.mouseClick(button, LEFT, pos=button.rect().center())


def keys(qtbot, widget, text: str) -> None:
    """Type text as key events; QTest only knows ASCII keys, so other characters go as key events with text."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def type_into(qtbot, widget, text: str) -> None:
    """Click into an input and type text."""
    widget.setFocus()
    keys(qtbot, widget, text)


def type_date(qtbot, date_input, text: str) -> None:
    """Click into an empty date input (a field's or a cell's) and type a date as a person would."""
    line = getattr(date_input, "line", date_input)
    line.setFocus()
    qtbot.keyClicks(line, text)


def fill_row(qtbot, view, cells: list[tuple[ColumnType, str]]) -> None:
    """Type a table row cell by cell from the open editor of its first cell; Tab moves on, Enter ends."""
    for n, (kind, text) in enumerate(cells):
        cell_editor = QApplication.focusWidget()
        assert cell_editor is not None and view.isAncestorOf(cell_editor), "no cell editor is open"
        if kind == ColumnType.DATE:
            type_date(qtbot, cell_editor, text)
        else:
            keys(qtbot, cell_editor, text)
        key = Qt.Key.Key_Tab if n < len(cells) - 1 else Qt.Key.Key_Return
        qtbot.keyClick(cell_editor, key)


def iso(ddmmyyyy: str) -> str:
    """'05/01/2026' -> '2026-01-05'."""
    day, month, year = ddmmyyyy.split("/")
    return f"{year}-{month}-{day}"


def text_for(question: Question, n: int) -> str:
    """A typed answer: short, with accents and a dash so encoding problems show."""
    return f"Answer {n} café — {question.id}"


def fill_text(qtbot, field, question: Question, n: int) -> Any:
    text = text_for(question, n)
    type_into(qtbot, field.inputs()[0], text)
    return text


def fill_impact(qtbot, field, question: Question, n: int) -> Any:
    click(qtbot, field.block.boxes["positive"])
    if n % 2:
        click(qtbot, field.block.boxes["negative"])
    narrative = f"Why {n}: café"
    type_into(qtbot, field.block.narrative, narrative)
    return {"positive": True, "negative": bool(n % 2), "neutral": False, "narrative": narrative, "evidence": []}


def fill_grid(qtbot, field, question: Question, n: int) -> Any:
    answer = {}
    for r, row in enumerate(question.rows):
        choice = question.choices[(r + n) % len(question.choices)].id
        click(qtbot, field.buttons[row.id][choice])
        answer[row.id] = choice
    return answer


def fill_multiple(qtbot, field, question: Question, n: int) -> Any:
    chosen = [c.id for c in question.choices[:2]]
    for cid in chosen:
        click(qtbot, field.boxes[cid])
    return chosen


def fill_table(qtbot, field, question: Question, n: int) -> Any:
    rows = []
    for r in range(2):
        click(qtbot, field.add_button)
        row, cells = {}, []
        for column in question.columns:
            text = f"{r + 1:02d}/0{r + 3}/2027" if column.type == ColumnType.DATE else f"{column.label} {r} é"
            row[column.id] = iso(text) if column.type == ColumnType.DATE else text
            cells.append((column.type, text))
        fill_row(qtbot, field.view, cells)
        rows.append(row)
    return rows


def fill_groups(qtbot, field, question: Question, n: int) -> Any:
    combo = field.combo
    combo.setFocus()
    for _ in range(2):  # the second group of the catalogue, chosen with the arrow keys
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    click(qtbot, field.add_button)
    type_into(qtbot, combo.lineEdit(), "Shift workers")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    answers = []
    for k, entry in enumerate(field.entries):
        click(qtbot, entry.impact.boxes["negative" if k else "positive"])
        type_into(qtbot, entry.impact.narrative, f"Group {k} narrative")
        answers.append({"catalogue_id": entry.catalogue_id, "name": entry.name, "impact": {
            "positive": not k, "negative": bool(k), "neutral": False, "narrative": f"Group {k} narrative",
            "evidence": []}})
    second = question.catalogue[1]
    assert [a["catalogue_id"] for a in answers] == [second.id, None]
    assert [a["name"] for a in answers] == [second.label, "Shift workers"]
    return answers


CHOSEN = {"decision_option": "adjust", "duty_human_rights": "yes"}


def fill_choice(qtbot, field, question: Question, n: int) -> Any:
    ids = list(field.buttons)
    choice = CHOSEN.get(question.id, ids[n % len(ids)])
    click(qtbot, field.buttons[choice])
    return choice


def fill_date(qtbot, field, question: Question, n: int) -> Any:
    typed = f"{(n % 27) + 1:02d}/0{(n % 9) + 1}/2026"
    type_date(qtbot, field.edit, typed)
    return iso(typed)


FILLERS = {
    FieldType.SHORT_TEXT: fill_text, FieldType.PERSON: fill_text, FieldType.LONG_TEXT: fill_text,
    FieldType.IMPACT: fill_impact, FieldType.GRID: fill_grid, FieldType.MULTIPLE_CHOICE: fill_multiple,
    FieldType.TABLE: fill_table, FieldType.GROUP_CATALOGUE: fill_groups, FieldType.SINGLE_CHOICE: fill_choice,
    FieldType.YES_NO: fill_choice, FieldType.DATE: fill_date,
}


def fill_organisation(qtbot, field, question: Question) -> Any:
    """Choose the third organisation of the list with the arrow keys."""
    field.combo.setFocus()
    for _ in range(3):
        qtbot.keyClick(field.combo, Qt.Key.Key_Down)
    return question.choices[2].label
