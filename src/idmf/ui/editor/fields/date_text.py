"""Reading a typed date the way a person writes it (no Qt): 31/03/2026, 1/3/26, 2026-03-31, 1 March 2026.

`read_date(text)` returns the date, or the reason in words why the text is not one. Nothing is guessed
silently: an impossible day (31/02/2025) or an unreadable text is refused with a message, never rounded.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

SHOWN_FORMAT = "%d/%m/%Y"  # how a date is shown back: 31/03/2026
EXAMPLE = "31/03/2026 or 1 March 2026"
FIRST_YEAR, LAST_YEAR = 1900, 2199

MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): n for n, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9

_NUMERIC = re.compile(r"^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$")
_DIGITS = re.compile(r"^(\d{2})(\d{2})(\d{2}|\d{4})$")  # 31032026 or 310326
_DAY_MONTH_NAME = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s*(?:of\s+)?([a-z]+)\.?,?\s*(\d{2}|\d{4})$")
_MONTH_NAME_DAY = re.compile(r"^([a-z]+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?,?\s*(\d{2}|\d{4})$")


@dataclass(frozen=True)
class DateReading:
    """What a typed text means: a date, no date (empty text), or a problem in words."""

    date: dt.date | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        """True for a real date and for an empty text (no date)."""
        return not self.problem


def shown(date: dt.date | None) -> str:
    """A date as the app shows it (31/03/2026); '' for no date."""
    return date.strftime(SHOWN_FORMAT) if date else ""


def read_date(text: str) -> DateReading:
    """Read a typed date: day, month and year in the British order, ISO, or with the month's name."""
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        return DateReading()
    parts = _parts(cleaned)
    if parts is None:
        return DateReading(problem=f"“{text.strip()}” is not a date this box can read. Type the day, month "
                                   f"and year, for example {EXAMPLE}.")
    return _checked(text.strip(), *parts)


def _parts(cleaned: str) -> tuple[int, int | str, str] | None:
    """(day, month number or name, year digits) from the first pattern that matches, else None."""
    if match := _ISO.match(cleaned):
        return int(match[3]), int(match[2]), match[1]
    if match := (_NUMERIC.match(cleaned) or _DIGITS.match(cleaned)):
        return int(match[1]), int(match[2]), match[3]
    if match := _DAY_MONTH_NAME.match(cleaned):
        return int(match[1]), match[2], match[3]
    if match := _MONTH_NAME_DAY.match(cleaned):
        return int(match[2]), match[1], match[3]
    return None


def _checked(typed: str, day: int, month: int | str, year_text: str) -> DateReading:
    """The date if day, month and year make one; else which part is wrong, in words."""
    if isinstance(month, str):
        if month not in MONTHS:
            return DateReading(problem=f"“{typed}”: “{month}” is not the name of a month. "
                                       f"Type the date as {EXAMPLE}.")
        month = MONTHS[month]
    year = int(year_text) + (2000 if len(year_text) == 2 else 0)  # '26' is 2026: assessments are this century
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return DateReading(problem=f"“{typed}”: the year {year_text} looks wrong. Type the year in full, "
                                   f"for example {EXAMPLE}.")
    if not 1 <= month <= 12:
        return DateReading(problem=f"“{typed}” is not a date: there is no month {month}. Type the day first, "
                                   f"then the month, for example {EXAMPLE}.")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return DateReading(problem=f"“{typed}” is not a date: {calendar.month_name[month]} {year} has "
                                   f"{days} days. Please check the day.")
    return DateReading(date=dt.date(year, month, day))
