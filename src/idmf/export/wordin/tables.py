"""Tables in a Part B filled in Word: the Step 1 grid, impact boxes (one characteristic or one per row), the
numbered options, the legal duties, the action plan, and two-column "label | answer" tables. A row is recognised
by its first cell's words; a row that is none of these is an answer to the question above, or not placed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from idmf.domain.questions import ACTION_PLAN, DECISION_OPTION, IMPACTED
from idmf.export.wordin.regions import Item
from idmf.export.wordin.values import date_value, ticked
from idmf.export.wordin.wording import is_placeholder, key, yes_no
from idmf.forms.printed import IMPACT_RATINGS, column_heading
from idmf.forms.schema import ColumnType, FieldType

if TYPE_CHECKING:
    from idmf.export.wordin.handfilled import Filling

_RATINGS = {key(label): name for name, label in IMPACT_RATINGS} | {name: name for name, _ in IMPACT_RATINGS}


def _rows(items: list[Item]) -> list[dict[int, Item]]:
    found: dict[int, dict[int, Item]] = {}
    for item in items:
        row = found.setdefault(item.cell[1], {})
        if item.cell[2] in row:  # a cell of several paragraphs: one text, lines kept
            first = row[item.cell[2]]
            row[item.cell[2]] = Item("\n".join(t for t in (first.text, item.text) if t), cell=first.cell,
                                     struck=" ".join((first.struck, item.struck)).strip(),
                                     marked=" ".join((first.marked, item.marked)).strip())
        else:
            row[item.cell[2]] = item
    return [found[n] for n in sorted(found)]


def _text(row: dict[int, Item], column: int) -> str:
    return row[column].text.strip() if column in row else ""


def _only_ticks(text: str) -> bool:
    return all(ch in "☒☑✓✔✗✘xX■☐□ " for ch in text)


def read_table(filling: Filling, items: list[Item]) -> None:
    """Place one table's rows (items: the table's cells, in reading order)."""
    rows = _rows(items)
    header = {c: key(item.text) for c, item in rows[0].items()} if rows else {}
    ratings = {c: _RATINGS[k] for c, k in header.items() if k in _RATINGS}
    if len(ratings) >= 2 and not any(filling.words.question(_text(r, 0)) for r in rows[1:]):
        _impact_boxes(filling, rows[1:], ratings)
        return
    plan = filling.form.question(ACTION_PLAN)
    if sum(key(column_heading(c)) in header.values() or key(c.label) in header.values() for c in plan.columns) >= 2:
        _action_plan(filling, plan, rows[1:], header)
        return
    for row in rows[1:] if ratings else rows:  # an impact table's heading row is its own words: not answers
        _row(filling, row, header, ratings)


def _impact_boxes(filling: Filling, rows: list[dict[int, Item]], ratings: dict[int, str]) -> None:
    question = filling.question
    if question is None or question.type != FieldType.IMPACT:
        for row in rows:
            for item in row.values():
                if not _only_ticks(item.text):
                    filling.lost(item.text)
        return
    answer = filling.impact(question)
    for row in rows:
        for column, item in row.items():
            if column in ratings:
                answer[ratings[column]] = answer[ratings[column]] or ticked(item.text)
            elif item.text.strip():
                answer["narrative"] = "\n".join(t for t in (answer["narrative"], item.text.strip()) if t)


def _action_plan(filling: Filling, plan, rows: list[dict[int, Item]], header: dict[int, str]) -> None:
    where = {}
    for column in plan.columns:
        for c, text in header.items():
            if text in (key(column_heading(column)), key(column.label)) or text.startswith(key(column.label)):
                where[column.id] = c
    found = filling.values.setdefault(plan.id, [])
    for row in rows:
        cells = {column.id: _text(row, where[column.id]) for column in plan.columns if column.id in where}
        if not any(v and not is_placeholder(v) for v in cells.values()):
            continue
        for column in plan.columns:
            value = cells.get(column.id, "")
            if column.type == ColumnType.DATE:
                try:
                    value = date_value(value) or ""
                except ValueError:
                    filling.lost(f"{column.label}: {value}")
                    value = ""
            cells[column.id] = "" if is_placeholder(value) else value
        found.append(cells)
        for c, item in row.items():
            if c not in where.values() and item.text.strip():
                filling.lost(item.text)


def _row(filling: Filling, row: dict[int, Item], header: dict[int, str], ratings: dict[int, str]) -> None:
    label = _text(row, 0)
    words = filling.words
    grid = filling.form.question(IMPACTED)
    options = filling.form.question(DECISION_OPTION)
    grid_row = next((r for r in grid.rows if key(r.label) == key(label.split("\n")[0])), None)
    if grid_row is not None:
        _grid_row(filling, grid, grid_row.id, row, header)
        return
    choice = words.choice(options, label) if label and not words.question(label) else None
    if choice is not None and len(row) > 1:
        if any(ticked(_text(row, c)) for c in row if c > 0):
            filling.set_value(options, choice)
        filling.question = options
        return
    question = words.question(label.split("\n")[0]) if label else None
    if question is not None:
        filling.question, filling.section = question, words.section_of(question)
        rest = [item for c, item in sorted(row.items()) if c > 0]
        if question.type == FieldType.YES_NO:
            _duty(filling, question, row, header)
        elif question.type == FieldType.IMPACT and ratings:
            answer = filling.impact(question)
            for c, item in row.items():
                if c in ratings:
                    answer[ratings[c]] = ticked(item.text)
                elif c > 0 and item.text.strip():
                    answer["narrative"] = "\n".join(t for t in (answer["narrative"], item.text.strip()) if t)
        else:
            for item in rest:
                if (item.text.strip() and not is_placeholder(item.text) and not words.is_template(item.text)
                        and not filling._answer_text(question, item)):
                    filling.lost(item.text)
        return
    for c, item in sorted(row.items()):
        if not item.text.strip() or _only_ticks(item.text) or is_placeholder(item.text):
            continue
        if words.section(item.text) or words.is_template(item.text) or words.question(item.text):
            continue
        if filling.question is None or not filling._answer_text(filling.question, item):
            filling.lost(item.text)


def _grid_row(filling: Filling, grid, row_id: str, row: dict[int, Item], header: dict[int, str]) -> None:
    columns = grid.printed_columns()
    by_heading = {key(heading): ids for heading, ids in columns}
    for c, item in row.items():
        if c == 0 or not ticked(item.text):
            continue
        ids = by_heading.get(header.get(c, "")) or (columns[c - 1][1] if c - 1 < len(columns) else ())
        if not ids:
            continue
        said = key(item.text[1:])
        filling.values.setdefault(grid.id, {})[row_id] = next(
            (i for i in ids if key(grid.choice_label(i)) == said), ids[0])


def _duty(filling: Filling, question, row: dict[int, Item], header: dict[int, str]) -> None:
    columns = {c: h for c, h in header.items() if h in ("yes", "no")}
    if columns:
        chosen = {columns[c] for c, item in row.items() if c in columns and ticked(item.text)}
        if len(chosen) == 1:
            filling.set_value(question, chosen.pop())
        return
    for c, item in sorted(row.items()):
        if c > 0 and item.text.strip():
            value = yes_no(item)
            if value is not None:
                filling.set_value(question, value)
            elif not is_placeholder(item.text):
                filling.lost(item.text)
