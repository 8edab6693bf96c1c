"""One user action is one transaction: killed (SIGKILL) before any of its steps, the database is exactly as it
was before the action or exactly as after it, never in between.

The actions: importing a review request that replaces an older copy of the same version (delete, add, mark,
merge comments, record the file), approving (answers, status, audit entry, sign-off row, lock, after a
backup), and restoring a backup in the running app (safety backup, copies, the swap, reopening).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from idmf.services.context import open_app
from tests.people import enrol
from tests.review.helpers import ready_answers, store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and fork are POSIX")

DRIVER = Path(__file__).with_name("boundaries.py")
ROOT = Path(__file__).resolve().parents[2]
# Columns that hold the moment of writing (and hashes over it): they differ between any two runs.
VOLATILE = {"created_at", "updated_at", "received_at", "verdict_at", "changed_at", "resolved_at", "at", "signed_at",
            "hash", "prev_hash", "signature", "document"}  # signatures and the signed document cover those times


def snapshot(database: Path) -> dict[str, list]:
    """Every row of every table, without the columns that record when; fails on a damaged file."""
    assert database.is_file(), f"{database} is missing: the action left no database at all"
    with sqlite3.connect(database) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        out = {}
        for table in sorted(tables):
            cursor = conn.execute(f'SELECT * FROM "{table}"')
            keep = [n for n, d in enumerate(cursor.description) if d[0] not in VOLATILE]
            out[table] = sorted((tuple(row[n] for n in keep) for row in cursor), key=repr)
    conn.close()
    return out


def run_killed_at_every_step(operation: str, before: Path, work: Path) -> list[dict]:
    spec = work.parent / f"{operation}.json"
    spec.write_text(json.dumps({"operation": operation, "before": str(before), "work": str(work)}))
    done = subprocess.run([sys.executable, str(DRIVER), str(spec)], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def assert_before_or_after(operation: str, before: Path, work: Path, minimum_steps: int) -> None:
    results = run_killed_at_every_step(operation, before, work)
    last = results[-1]
    assert not last.get("failed"), f"the action itself failed (n={last['n']})"
    assert not last["killed"] and len(results) > minimum_steps, results
    database = "data/idmf.sqlite3"
    scratch = work.parent / "before-copy"
    shutil.copytree(before, scratch)
    was, now = snapshot(scratch / database), snapshot(work / str(last["n"]) / database)
    assert was != now, "the action changed nothing, so this test would prove nothing"
    states = {"before": 0, "after": 0}
    for result in results[:-1]:
        seen = snapshot(work / str(result["n"]) / database)
        assert seen in (was, now), f"killed before step {result['n']}: the database is half-changed"
        states["before" if seen == was else "after"] += 1
    assert states["before"] > 0  # kills early in the action leave it undone…
    print(f"{operation}: {len(results) - 1} steps, killed before each: {states}")


@pytest.fixture
def before(tmp_path) -> Path:
    folder = tmp_path / "before"
    (folder / "data").mkdir(parents=True)
    return folder


def _database(folder: Path) -> str:
    return f"sqlite:///{folder / 'data' / 'idmf.sqlite3'}"


def test_importing_a_review_copy_is_all_or_nothing(tmp_path, before, form, monkeypatch):
    lead = open_app(f"sqlite:///{tmp_path / 'lead.sqlite3'}")
    item = store(lead, form, ready_answers(form))
    first = lead.review_files.export_request(item.id, tmp_path / "first.idmf", person="Lead")
    monkeypatch.setenv("IDMF_DATA_DIR", str(before / "data"))
    reviewer = open_app(_database(before))
    copy = reviewer.review_files.import_file(first, person="Reviewer")
    reviewer.comments.add(copy.assessment_id, "summary", "Which wards?", "Priya", "reviewer")
    reviewer.close()
    # The lead changes an answer and sends the same version again: the reviewer's old copy is replaced.
    lead.assessments.set_answer(lead.assessments.get(item.id), "summary", "A different summary, re-sent.")
    lead.review_files.export_request(item.id, before / "request.idmf", person="Lead")
    lead.close()
    assert_before_or_after("import_review_copy", before, tmp_path / "work", minimum_steps=8)


def test_approving_is_all_or_nothing(tmp_path, before, form, monkeypatch):
    monkeypatch.setenv("IDMF_DATA_DIR", str(before / "data"))
    monkeypatch.setenv("IDMF_KEY_STORE", "file")  # the keys travel with the data folder into each killed run
    context = open_app(_database(before))
    enrol(context, tmp_path / "lists", (("Lead", "lead"), ("Priya", "reviewer"), ("Secretary", "committee")))
    item = store(context, form, ready_answers(form))
    today = dt.date(2026, 3, 1)
    context.review.transition(item.id, "submit_for_review", person="Lead", role="lead", today=today)
    context.review.transition(item.id, "submit_for_committee", person="Priya", role="reviewer", today=today)
    context.close()
    assert_before_or_after("approve", before, tmp_path / "work", minimum_steps=8)


def test_restoring_a_backup_is_all_or_nothing(tmp_path, before, monkeypatch):
    monkeypatch.setenv("IDMF_DATA_DIR", str(before / "data"))
    context = open_app(_database(before))
    context.assessments.create("Backed up")
    context.backups.create("manual")
    context.assessments.create("Written after the backup")
    context.close()
    assert_before_or_after("restore", before, tmp_path / "work", minimum_steps=5)
