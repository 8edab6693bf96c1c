"""An answer read back from the paragraphs and table cells Word shows for it: the JSON value the app stores.

Each reader takes the items of one answer (regions.Item, in reading order) and the value the file's data held
(for what Word cannot show: linked evidence, a group's catalogue entry) and returns the new JSON value, or
raises UnreadableAnswer with one plain sentence saying what could not be read.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from idmf.domain.answer_text import CELL_SEPARATOR, evidence_text
from idmf.domain.answers import ImpactAnswer, to_json
from idmf.domain.questions import NO, YES
from idmf.export.wordin.regions import Item
from idmf.forms.printed import column_heading
from idmf.forms.schema import ColumnType, FieldType, Question

TICKED = frozenset("☒☑✓✔✗✘xX■")
NOT_ANSWERED = "Not answered"
_DATE = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
PLACEHOLDER_DATE = "dd/mm/yyyy"


class UnreadableAnswer(ValueError):
    """Text in Word that does not fit its question (a date that is not a date, two options ticked)."""


def norm(text: str) -> str:
    """Text compared leniently: case, accents of punctuation, spaces and trailing colons ignored."""
    text = unicodedata.normalize("NFKC", text).replace("–", "-").replace("—", "-").replace("’", "'")
    return " ".join(text.casefold().rstrip(": ").split())


def ticked(text: str) -> bool:
    """A cell or line that starts with a tick: ☒, ☑, ✓, ✔ or X."""
    text = text.strip()
    return bool(text) and text[0] in TICKED and (len(text) == 1 or not text[1].isalpha())


def is_marker(text: str) -> bool:
    """The export's gap marker ("Not answered", "Not answered – no rows"), which is not an answer."""
    return text.startswith(NOT_ANSWERED)


def rows(items: list[Item]) -> list[dict[int, str]]:
    """The table rows among the items, each {column: text} (a cell's paragraphs joined by new lines)."""
    found: dict[tuple[int, int], dict[int, str]] = {}
    for item in items:
        if item.cell is not None:
            row = found.setdefault(item.cell[:2], {})
            text = item.text if not is_marker(item.text) else ""
            row[item.cell[2]] = "\n".join(t for t in (row.get(item.cell[2], ""), text) if t)
    return list(found.values())


def lines(items: list[Item]) -> list[str]:
    """The answer's lines: paragraphs, and each table row as its cells separated by tabs (as pasted)."""
    out: list[str] = []
    seen_rows: set[tuple[int, int]] = set()
    by_row = {}
    for item in items:
        if item.cell is not None:
            by_row.setdefault(item.cell[:2], []).append(item)
    for item in items:
        if item.cell is None:
            if item.text and not is_marker(item.text):
                out.append(item.text)
        elif item.cell[:2] not in seen_rows:
            seen_rows.add(item.cell[:2])
            cells = rows(by_row[item.cell[:2]])[0]
            out.append("\t".join(cells.get(c, "") for c in range(max(cells) + 1)))
    return out


def date_value(text: str) -> str | None:
    """DD/MM/YYYY (or YYYY-MM-DD) as an ISO date; None for a blank or the template's placeholder."""
    text = text.strip()
    if not text or norm(text) == PLACEHOLDER_DATE or is_marker(text):
        return None
    match, iso = _DATE.match(text), _ISO.match(text)
    try:
        if match:
            return dt.date(int(match[3]), int(match[2]), int(match[1])).isoformat()
        if iso:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
    except ValueError:
        pass
    raise UnreadableAnswer(f"“{text}” is not a date written as DD/MM/YYYY")


def _choice(question: Question, text: str) -> str:
    wanted = norm(text)
    for choice in question.choices:
        if wanted in (norm(choice.label), norm(choice.id)):
            return choice.id
    raise UnreadableAnswer(f"“{text}” is not one of the choices ({', '.join(c.label for c in question.choices)})")


def text_value(question: Question, items: list[Item], original: Any) -> Any:
    text = "\n".join(lines(items))
    if not text.strip():
        return None
    if question.choices:  # a suggested choice (the organisation list) is stored by its id
        try:
            return _choice(question, text)
        except UnreadableAnswer:
            return text
    return text


def _ticked_rows(items: list[Item]) -> list[int]:
    return [n for n, row in enumerate(rows(items)) if any(ticked(t) for c, t in row.items() if c > 0)]


def choice_value(question: Question, items: list[Item], original: Any) -> Any:
    if not question.tick_heading:
        found = [_choice(question, line) for line in lines(items)]
        if question.type == FieldType.MULTIPLE_CHOICE:
            return found
        if len(found) > 1:
            raise UnreadableAnswer("more than one option is written where one is chosen")
        return found[0] if found else None
    data = [row for row in rows(items) if norm(row.get(0, "")) != norm(question.label)]
    chosen = [question.choices[n].id for n, row in enumerate(data[:len(question.choices)])
              if any(ticked(t) for c, t in row.items() if c > 0)]
    if len(chosen) > 1:
        raise UnreadableAnswer(f"{len(chosen)} options are ticked; tick one box")
    return chosen[0] if chosen else None


def yes_no_value(question: Question, items: list[Item], original: Any) -> Any:
    row = rows(items)[0] if rows(items) else {}
    yes, no = ticked(row.get(1, "")), ticked(row.get(2, ""))
    if yes and no:
        raise UnreadableAnswer("both YES and NO are ticked")
    return YES if yes else NO if no else None


def grid_value(question: Question, items: list[Item], original: Any) -> Any:
    columns = question.printed_columns()
    by_label = {norm(row.label): row.id for row in question.rows}
    grid: dict[str, str] = {}
    for row in rows(items):
        row_id = by_label.get(norm(row.get(0, "").split("\n")[0]))
        marks = [(c, t) for c, t in row.items() if c > 0 and ticked(t)]
        if row_id is None or not marks:
            continue
        if len(marks) > 1:
            raise UnreadableAnswer(f"“{row[0].splitlines()[0]}” has {len(marks)} boxes ticked; tick one")
        column, text = marks[0]
        if column - 1 >= len(columns):
            raise UnreadableAnswer(f"“{row[0].splitlines()[0]}” is ticked in a column the template does not have")
        choice_ids = columns[column - 1][1]
        label = text.strip()[1:].strip()
        grid[row_id] = next((c for c in choice_ids if norm(question.choice_label(c)) == norm(label)), choice_ids[0])
    return grid or None


def impact_value(question: Question, items: list[Item], original: Any, prefix: str = "") -> Any:
    before = original if isinstance(original, ImpactAnswer) else ImpactAnswer.model_validate(original or {})
    tick_row = rows([i for i in items if i.part == prefix + "t"])
    boxes = tick_row[0] if tick_row else {}
    narrative = [i for i in items if i.cell is None and i.part in (prefix + "t", prefix + "n")]
    text = [line for line in lines(narrative) if line != evidence_text(before)]
    return to_json(before.model_copy(update={
        "positive": ticked(boxes.get(0, "")), "negative": ticked(boxes.get(1, "")),
        "neutral": ticked(boxes.get(2, "")), "narrative": "\n".join(text)}))


def groups_value(question: Question, items: list[Item], original: Any) -> Any:
    before = [to_json(g) for g in (original or [])]
    numbers = sorted({int(m[1]) for i in items if (m := re.match(r"g(\d+)", i.part))})
    groups = []
    for number in numbers:
        mine = [i for i in items if re.fullmatch(rf"g{number}[tn]?", i.part)]
        old = before[number - 1] if number <= len(before) else {"catalogue_id": None, "name": "", "impact": {}}
        name = " ".join(i.text for i in mine if i.part == f"g{number}")
        name = "" if re.fullmatch(r"Group \d+ \(name not given\)", name) else name
        impact = impact_value(question, mine, old.get("impact"), f"g{number}")
        groups.append({**old, "name": name, "impact": impact})
    return groups


def table_value(question: Question, items: list[Item], original: Any) -> Any:
    headings = [norm(column_heading(c)) for c in question.columns]
    found = []
    if not any(i.cell for i in items):  # a front-matter table prints each row as one line
        for line in lines(items):
            cells = line.split(CELL_SEPARATOR)
            if len(cells) != len(question.columns):
                raise UnreadableAnswer(f"“{line}” does not have the {len(question.columns)} parts of a row")
            found.append(dict(zip((c.id for c in question.columns), cells)))
        return found
    for row in rows(items):
        cells = [row.get(n, "").strip() for n in range(len(question.columns))]
        if [norm(c) for c in cells] == headings or not any(cells):
            continue
        found.append({column.id: (date_value(cell) if column.type == ColumnType.DATE else cell) or ""
                      for column, cell in zip(question.columns, cells)})
    return found


READERS: dict[FieldType, Callable[[Question, list[Item], Any], Any]] = {
    FieldType.SHORT_TEXT: text_value, FieldType.LONG_TEXT: text_value, FieldType.PERSON: text_value,
    FieldType.DATE: lambda q, items, o: date_value(" ".join(lines(items))),
    FieldType.SINGLE_CHOICE: choice_value, FieldType.MULTIPLE_CHOICE: choice_value,
    FieldType.YES_NO: yes_no_value, FieldType.GRID: grid_value, FieldType.IMPACT: impact_value,
    FieldType.GROUP_CATALOGUE: groups_value, FieldType.TABLE: table_value,
}


def read_value(question: Question, items: list[Item], original: Any) -> Any:
    """The JSON answer the items show for a question (UnreadableAnswer when they cannot be read as one)."""
    return READERS[question.type](question, items, original)
