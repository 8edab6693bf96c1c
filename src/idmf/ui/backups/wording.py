"""Plain-English times and sizes for backup messages ("14:05 today", "2.1 MB")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path


def when(moment: dt.datetime, now: dt.datetime | None = None) -> str:
    """'14:05 today', '09:30 yesterday' or '16:20 on Monday 2 March 2026'."""
    today = (now or dt.datetime.now()).date()
    clock = f"{moment:%H:%M}"
    if moment.date() == today:
        return f"{clock} today"
    if moment.date() == today - dt.timedelta(days=1):
        return f"{clock} yesterday"
    return f"{clock} on {moment:%A} {moment.day} {moment:%B %Y}"


def size(n_bytes: int) -> str:
    """A file size people read at a glance."""
    if n_bytes < 1024 * 1024:
        return f"{max(1, round(n_bytes / 1024))} KB"
    return f"{n_bytes / (1024 * 1024):.1f} MB"


def last_written(path: Path | None) -> dt.datetime | None:
    """When a file was last changed (None if it cannot be read)."""
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime) if path is not None else None
    except OSError:
        return None


def what_would_be_lost(backup_time: dt.datetime, changed_until: dt.datetime | None,
                       now: dt.datetime | None = None) -> str:
    """'Your last backup is from 14:05 today; changes after that would be lost (until 16:20 today).'"""
    text = f"Your last backup is from {when(backup_time, now)}; changes after that would be lost"
    if changed_until is not None and changed_until > backup_time + dt.timedelta(minutes=1):
        text += f" (you last changed your data at {when(changed_until, now)})"
    return text + "."
