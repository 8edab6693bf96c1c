"""Periodic backups: taken only after changes, and not more often than the interval."""

from __future__ import annotations

import datetime as dt

from idmf.services.backups import PeriodicBackup
from idmf.storage.backup import list_backups


def test_backs_up_after_changes_at_most_once_per_interval(context):
    scheduler = PeriodicBackup(context.database, interval=dt.timedelta(minutes=15))
    start = dt.datetime(2026, 11, 22, 9, 0)
    assert scheduler.tick(start) is None  # nothing changed yet

    item = context.assessments.create("Periodic")
    scheduler.note_change()
    first = scheduler.tick(start)
    assert first is not None and first.exists()

    context.assessments.set_answer(item, "summary", "more work")
    scheduler.note_change()
    assert scheduler.tick(start + dt.timedelta(minutes=5)) is None  # too soon
    assert scheduler.tick(start + dt.timedelta(minutes=16)) is not None
    assert scheduler.tick(start + dt.timedelta(minutes=40)) is None  # nothing new since
    assert [b.reason for b in list_backups()] == ["periodic", "periodic"]
