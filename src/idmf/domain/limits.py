"""The limits the app holds every file, download and number to, so a hostile or broken input is refused with a
plain message before it can fill the memory or the disk (README "Your data" lists them for users).

Each limit is far beyond anything real: the largest real assessment export is well under 1 MB (plus, at most,
20 MB of attached documents), the largest
ONS census file the app reads is about 1 MB with 12,579 rows and 116 columns, and a Nomis answer is at most
25,000 rows (about 3 MB).
"""

from __future__ import annotations

import math
from typing import Annotated, Any

from pydantic import Field

MB = 1024 * 1024

MAX_ASSESSMENT_BYTES = 40 * MB  # a .json export, or the assessment inside a Word file, once decompressed: room
# for 20 MB of attached documents (27 MB as base64) beside the answers
MAX_ANSWER_CHARS = 1_000_000  # the text of one answer, all its parts together (about 400 pages)
MAX_JSON_DEPTH = 32  # lists and sets of fields inside one another (a real export uses 6)
MAX_ZIP_PART_BYTES = 40 * MB  # any one part read from a Word or review file, once decompressed (the assessment part)
MAX_ZIP_RATIO = 100  # decompressed size / compressed size, for parts larger than RATIO_FLOOR
RATIO_FLOOR = 8 * MB  # real parts can compress very well (a repeated answer), so the ratio applies above this
MAX_ZIP_ENTRIES = 5_000  # entries in a Word file's table of contents

MAX_CSV_BYTES = 32 * MB  # one census or lookup CSV file
MAX_CSV_ROWS = 250_000
MAX_CSV_FIELDS = 1_000  # values on one line
MAX_CSV_CELLS = 1_000_000  # values in the whole file
MAX_NOMIS_BYTES = 32 * MB  # one Nomis answer, once decompressed
NOMIS_DEADLINE = 300.0  # seconds for one whole Nomis answer, from asking to its last byte

MAX_COUNT = 100_000_000  # people in one census figure (the UK has about 67 million)
MAX_VERSION = 9_999  # versions of one assessment
UID_PATTERN = r"^[0-9a-f]{1,32}$"  # an assessment's id across computers (the app writes 32 hex digits)

# Pydantic types for the domain's numbers: whole counts in range, finite percentages and shares.
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
Percent = Annotated[float, Field(ge=0.0, le=100.0, allow_inf_nan=False)]
VersionNumber = Annotated[int, Field(ge=1, le=MAX_VERSION)]
Uid = Annotated[str, Field(pattern=UID_PATTERN)]


def mb(size: int) -> str:
    """A size in megabytes for messages ('20 MB', '1.5 MB')."""
    return f"{size / MB:.1f}".removesuffix(".0") + " MB"


def answer_chars(raw: Any) -> int:
    """How many characters of text an answer holds, all its parts together (JSON or typed)."""
    if isinstance(raw, str):
        return len(raw)
    if isinstance(raw, dict):
        return sum(answer_chars(v) for v in raw.values())
    if isinstance(raw, (list, tuple)):
        return sum(answer_chars(v) for v in raw)
    return 0


def too_long(question_id: str, raw: Any) -> str | None:
    """Why an answer is too long to keep (a clause for a message), or None when it fits."""
    size = answer_chars(raw)
    if size <= MAX_ANSWER_CHARS:
        return None
    return f"the answer to '{question_id}' is {size:,} characters long; one answer holds at most {MAX_ANSWER_CHARS:,}"


def whole_count(text: str) -> int | None:
    """A census count written as text ('278', '278.0', ' 1e3 ') as a whole number of people, or None when it
    is not one: negative, fractional, NaN, infinite, or above MAX_COUNT."""
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(value) or value < 0 or value > MAX_COUNT or value != int(value):
        return None
    return int(value)


def not_a_count(text: str) -> str:
    """Why `text` is not a count, for a message: "'abc' where a count should be" or "'-3', which is not…"."""
    try:
        float(text)
    except (TypeError, ValueError):
        return f"'{text[:20]}' where a count should be"
    return f"'{text[:20]}', which is not a count of people (a whole number from 0 to {MAX_COUNT:,})"


def share(text: str) -> float | None:
    """A share between 0 and 1 written as text, or None when it is not one (NaN, infinite, out of range)."""
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) and 0.0 <= value <= 1.0 else None
