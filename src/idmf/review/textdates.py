"""Dates written in text: "14/1/26", "14.01.2026", "14 January 2026", "14th Jan", "January 14, 2026".

A date without a year takes the year that puts it nearest to a reference date (the assessment's own dates),
which is how a reader understands "the sessions on 14th Jan" in an assessment completed in February.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterator, NamedTuple

_MONTHS = {name: n for n, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec")), start=1) for name in names}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)?\d\d)"

_NUMERIC = re.compile(r"(?<![\d/.\-])(?P<day>[0-3]?\d)\s*(?P<sep>[/.\-])\s*(?P<month>[01]?\d)\s*(?P=sep)\s*"
                      r"(?P<year>(?:19|20)?\d\d)(?![\d/.\-]?\d)")
_DAY_MONTH = re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?\b", re.I)
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I)


class TextDate(NamedTuple):
    """A date found in text and the words it was written as."""

    date: dt.date
    written: str


def _year(text: str | None, day: int, month: int, near: dt.date | None) -> int | None:
    if text:
        year = int(text)
        return year + 2000 if year < 100 else year
    if near is None:
        return None
    candidates = (near.year - 1, near.year, near.year + 1)
    return min(candidates, key=lambda y: abs((_safe(y, month, day) or dt.date(y, 1, 1)) - near))


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def dates_in(text: str, near: dt.date | None = None) -> Iterator[TextDate]:
    """Every real date written in a text, in order (a date without a year only when `near` is given)."""
    found: list[tuple[int, TextDate]] = []
    taken: list[range] = []
    for pattern in (_NUMERIC, _MONTH_DAY, _DAY_MONTH):
        for match in pattern.finditer(text or ""):
            if any(match.start() in span for span in taken):
                continue
            month = match.group("month")
            month_number = int(month) if month.isdigit() else _MONTHS[month.lower().rstrip(".")]
            day = int(match.group("day"))
            year = _year(match.group("year"), day, month_number, near)
            date = _safe(year, month_number, day) if year else None
            if date is not None:
                found.append((match.start(), TextDate(date, match.group(0).strip())))
                taken.append(range(match.start(), match.end()))
    for _, item in sorted(found):
        yield item
