"""Concurrency with real processes: five copies starting on a new database at once, five imports of one file at
once. Each process waits for a common start time after its imports, so they really collide."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hostile.helpers import Run, cli_env, run_cli, state

AT_ONCE = """
import sys, time
from idmf.cli.main import main
start = float(sys.argv[1])
while time.time() < start:
    time.sleep(0.001)
sys.exit(main(sys.argv[2:]))
"""


def together(data: Path, *args: str, count: int = 5) -> list[Run]:
    """Run `count` idmf-cli processes that all start the command at the same instant."""
    start = f"{time.time() + 4:.3f}"  # time for every interpreter to load the app first
    processes = [subprocess.Popen([sys.executable, "-c", AT_ONCE, start, *args], env=cli_env(data),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(count)]
    runs = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        runs.append(Run(process.returncode, out, err))
    return runs


@pytest.mark.parametrize("command", [["list"], ["new", "--title", "Started at once"]])
def test_five_first_starts_on_a_new_database_all_succeed(_isolated_data, command):
    data = _isolated_data
    runs = together(data, *command)
    assert [r.code for r in runs] == [0] * 5, [r.err for r in runs]
    assert not any("Traceback" in r.err or "already exists" in r.err for r in runs)
    path = data / "idmf.sqlite3"
    found = state(path)
    assert found.integrity == "ok"
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM alembic_version").fetchone()[0] == 1
    conn.close()
    assert found.rows["assessment"] == (5 if command[0] == "new" else 0)


def test_five_imports_of_one_file_give_one_assessment(_isolated_data, tmp_path):
    data = _isolated_data
    made = run_cli(data, "new", "--title", "Imported five times")
    export = tmp_path / "one.json"
    assert run_cli(data, "export", made.out.strip(), "--out", str(export)).code == 0
    other = tmp_path / "other"
    runs = together(other, "import", str(export))
    ok = [r for r in runs if r.code == 0]
    refused = [r for r in runs if r.code != 0]
    assert len(ok) == 1 and ok[0].out.strip().isdigit(), [r.err for r in runs]
    assert len(refused) == 4 and all(r.refused("already in your database", "--as-copy") for r in refused)
    found = state(other / "idmf.sqlite3")
    assert found.rows["assessment"] == 1 and found.integrity == "ok"
    assert json.loads(export.read_text(encoding="utf-8"))["assessment"]["uid"] in \
        run_cli(other, "show", ok[0].out.strip(), "--json").out


def test_an_import_while_another_writes_waits_for_it(_isolated_data, tmp_path):
    data = _isolated_data
    assert run_cli(data, "new", "--title", "First").code == 0
    export = tmp_path / "first.json"
    assert run_cli(data, "export", "1", "--out", str(export)).code == 0
    runs = together(data, "import", str(export), "--as-copy", count=3)
    assert [r.code for r in runs] == [0, 0, 0], [r.err for r in runs]
    assert state(data / "idmf.sqlite3").rows["assessment"] == 4
