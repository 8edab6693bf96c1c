"""Make user text safe for a Word document without ever failing on it.

XML 1.0 (and so Word) cannot hold C0 control characters other than tab, line feed and carriage return,
lone UTF-16 surrogates, or U+FFFE / U+FFFF. Those are removed, with a logged warning naming where they
were; everything else (XML metacharacters, template syntax, right-to-left text, emoji) is kept as typed.
"""

from __future__ import annotations

import logging
from typing import Any

from pydantic import BaseModel

from idmf.domain.answers import NOT_IN_WORD
from idmf.domain.assessment import Assessment

log = logging.getLogger("idmf.export")


def clean(text: object, where: str = "") -> str:
    """Text with line endings normalised to '\\n' and characters XML cannot hold removed (logged)."""
    value = text if isinstance(text, str) else str(text)
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value, removed = NOT_IN_WORD.subn("", value)
    if removed:
        log.warning("Word export: removed %d character(s) that a Word document cannot hold from %s "
                    "(control characters or broken Unicode).", removed, where or "the text")
    return value


def lines(text: object, where: str = "") -> list[str]:
    """Cleaned text split into lines (one Word paragraph each), trailing blank lines dropped."""
    value = clean(text, where).rstrip("\n")
    return value.split("\n")


def _scrub(value: Any) -> tuple[Any, int]:
    """A copy of an answer value (text, lists, dicts, pydantic models) with illegal characters removed."""
    if isinstance(value, str):
        return NOT_IN_WORD.subn("", value.replace("\r\n", "\n").replace("\r", "\n"))
    if isinstance(value, BaseModel):
        updates, removed = {}, 0
        for name in type(value).model_fields:
            updates[name], count = _scrub(getattr(value, name))
            removed += count
        return value.model_copy(update=updates), removed
    if isinstance(value, (list, tuple)):
        pairs = [_scrub(v) for v in value]
        return type(value)(v for v, _ in pairs), sum(n for _, n in pairs)
    if isinstance(value, dict):
        pairs = {k: _scrub(v) for k, v in value.items()}
        return {k: v for k, (v, _) in pairs.items()}, sum(n for _, n in pairs.values())
    return value, 0


def clean_assessment(item: Assessment) -> Assessment:
    """A copy of the assessment safe to render, with one warning per answer that lost characters.

    The original is left untouched (the JSON embedded in the document keeps exactly what was typed)."""
    answers = {}
    for question_id, value in item.answers.items():
        answers[question_id], removed = _scrub(value)
        if removed:
            log.warning("Word export: removed %d character(s) that a Word document cannot hold from answer '%s' "
                        "(control characters or broken Unicode).", removed, question_id)
    tables, removed = _scrub(list(item.census_tables))
    if removed:
        log.warning("Word export: removed %d character(s) from the census tables.", removed)
    return item.model_copy(update={"answers": answers, "census_tables": tables})
