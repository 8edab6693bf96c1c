"""Time as the app stores it: timezone-aware UTC, to the second unless asked for more.

Stored and exported values must read back exactly (audit hashes are recomputed from them, whatever the
database driver returns), so every layer writes and reads datetimes through these three functions.
"""

from __future__ import annotations

import datetime as dt


def utc(value: dt.datetime, precise: bool = False) -> dt.datetime:
    """A datetime as stored: aware UTC, to the second unless `precise` (naive values are taken as UTC)."""
    value = value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value.astimezone(dt.timezone.utc)
    return value if precise else value.replace(microsecond=0)


def utcnow(precise: bool = False) -> dt.datetime:
    """Now, as stored (comments keep microseconds, so the later of two quick changes wins a merge)."""
    return utc(dt.datetime.now(dt.timezone.utc), precise)


def aware(value: dt.datetime | None) -> dt.datetime | None:
    """A datetime read back from the database, as aware UTC with whatever precision it has."""
    return None if value is None else utc(value, precise=True)
