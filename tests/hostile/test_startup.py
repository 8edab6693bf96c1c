"""Database start-up: only a damaged file is moved aside; a busy, full, foreign or newer file is left exactly as
it was, and the message says which (idmf-cli run as a real process, each case checking the file after)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hostile.helpers import cli_env, file_hash, run_cli, state, unchanged

HOLD = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA locking_mode=EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")  # every other connection now gets SQLITE_BUSY
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
"""
KEEP_OPEN = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1])
conn.execute("SELECT COUNT(*) FROM assessment").fetchall()  # WAL: the connection keeps its locks while open
print("open", flush=True)
time.sleep(float(sys.argv[2]))
"""


def hold(path: Path, seconds: float, script: str = HOLD) -> subprocess.Popen:
    """Another process holding the database (until it exits after `seconds`)."""
    process = subprocess.Popen([sys.executable, "-c", script, str(path), str(seconds)], stdout=subprocess.PIPE,
                               text=True)
    assert process.stdout.readline().strip() in ("holding", "open")
    return process


def damage(path: Path) -> None:
    """Overwrite a stretch in the middle of the file (its pages, not its header)."""
    data = bytearray(path.read_bytes())
    for offset in range(len(data) // 2, len(data) // 2 + 4096):
        data[offset] ^= 0xA5
    path.write_bytes(bytes(data))


def test_a_locked_database_is_waited_for_then_opened(seeded):
    data, before = seeded
    holder = hold(data / "idmf.sqlite3", 5.0)
    run = run_cli(data, "list")
    holder.wait()
    assert run.code == 0, run.err
    assert "IDMF Desktop is open elsewhere" in run.err and "Waiting" in run.err
    assert "Day case unit at Hinckley" in run.out
    assert unchanged(data, before)


def test_a_database_locked_past_the_wait_is_left_alone_with_a_message(seeded):
    data, before = seeded
    holder = hold(data / "idmf.sqlite3", 14.0)
    started = time.monotonic()
    run = run_cli(data, "new", "--title", "Written while locked")
    waited = time.monotonic() - started
    holder.wait()
    assert run.refused("IDMF Desktop is open elsewhere", "close the other copy", "not been changed"), run.err
    assert 9 < waited < 14
    assert unchanged(data, before)


def test_a_damaged_file_another_process_has_open_is_not_moved(seeded):
    data, before = seeded
    path = data / "idmf.sqlite3"
    holder = hold(path, 30.0, KEEP_OPEN)
    try:
        damage(path)
        damaged = file_hash(path)
        run = run_cli(data, "list")
        assert run.refused("looks damaged", "another program", "left where it is"), run.err
        assert path.exists() and Path(f"{path}-shm").exists() and file_hash(path) == damaged
        assert not [p for p in data.iterdir() if ".damaged-" in p.name]
    finally:
        holder.kill()
        holder.wait()


def test_a_damaged_file_is_moved_with_its_wal(seeded):
    data, _before = seeded
    path = data / "idmf.sqlite3"
    conn = sqlite3.connect(path)  # as after a crash: a committed write still in the -wal beside the file
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE assessment SET title = 'In the WAL'")
    conn.commit()
    saved, wal = path.read_bytes(), Path(f"{path}-wal").read_bytes()
    conn.close()
    path.write_bytes(saved)
    Path(f"{path}-wal").write_bytes(wal)
    damage(path)
    conn.close()
    run = run_cli(data, "list")
    assert run.refused("was damaged", "moved aside", "nothing was deleted"), run.err
    assert not path.exists() and not Path(f"{path}-wal").exists()
    moved = [p for p in data.iterdir() if ".damaged-" in p.name]
    names = sorted(p.name.rsplit(".sqlite3", 1)[1] for p in moved)
    assert names == ["", "-shm", "-wal"] or names == ["", "-wal"]
    assert next(p for p in moved if p.name.endswith("-wal")).read_bytes() == wal


def test_a_folder_where_the_file_should_be_is_named_and_kept(_isolated_data):
    data = _isolated_data
    folder = data / "idmf.sqlite3"
    folder.mkdir(parents=True)
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    run = run_cli(data, "list")
    assert run.refused("there is a folder, not a file", "nothing in it was changed"), run.err
    assert folder.is_dir() and (folder / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in data.iterdir()) == ["backups", "idmf.sqlite3", "logs"] or \
        "damaged" not in " ".join(p.name for p in data.iterdir())


def test_a_pipe_where_the_file_should_be_is_refused(_isolated_data):
    data = _isolated_data
    data.mkdir(parents=True, exist_ok=True)
    os.mkfifo(data / "idmf.sqlite3")
    run = run_cli(data, "list", timeout=30)
    assert run.refused("not an ordinary file"), run.err
    assert (data / "idmf.sqlite3").is_fifo()


@pytest.mark.parametrize("journal", ["delete", "wal", "truncate", "persist"])
def test_a_newer_version_file_stays_byte_identical(seeded, journal):
    data, _before = seeded
    path = data / "idmf.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA journal_mode={journal}")
        conn.execute("UPDATE alembic_version SET version_num = 'fffffffff999'")
    conn.close()
    before = file_hash(path)
    for args in (["list"], ["new", "--title", "x"], ["backup", "create"]):
        run = run_cli(data, *args)
        assert run.refused("newer version of IDMF Desktop", "has not been changed"), run.err
    assert file_hash(path) == before
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:  # only WAL is recorded in the file itself
        assert (conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal") == (journal == "wal")
    conn.close()


def test_not_a_database_is_moved_aside_whole(_isolated_data):
    data = _isolated_data
    data.mkdir(parents=True, exist_ok=True)
    (data / "idmf.sqlite3").write_bytes(b"PK\x03\x04 this is a zip, not a database" * 50)
    run = run_cli(data, "list")
    assert run.refused("was damaged", "moved aside"), run.err
    assert run_cli(data, "list").code == 0  # the next start begins with an empty database
    moved = [p for p in data.iterdir() if ".damaged-" in p.name]
    assert len(moved) == 1 and moved[0].read_bytes().startswith(b"PK\x03\x04")


# --- a full disk: a small tmpfs of our own (root only) -----------------------------------------------------------
@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB tmpfs mounted for the test, unmounted after; skipped where mounting is not allowed."""
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs to fill needs root (CI runs as root)")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"this machine does not allow mounting a tmpfs: {done.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> None:
    """Fill the disk holding `folder` to the last byte."""
    with open(folder / "filler", "wb") as stream:
        try:
            while True:
                stream.write(b"\0" * 65536)
                stream.flush()
        except OSError:
            pass
    try:
        with open(folder / "filler2", "wb") as stream:
            while True:
                stream.write(b"\0")
                stream.flush()
    except OSError:
        pass


def test_a_new_database_on_a_full_disk_says_so(small_disk):
    data = small_disk / "data"
    data.mkdir()
    (data / "backups").mkdir()
    (data / "logs").mkdir()
    fill(small_disk)
    run = run_cli(data, "list")
    assert run.refused("is full", "free some space"), run.err
    assert not [p for p in data.iterdir() if ".damaged-" in p.name]


def test_import_onto_a_full_disk_says_so_and_keeps_the_data(small_disk, tmp_path):
    data = small_disk / "data"
    assert run_cli(data, "new", "--title", "Kept safe").code == 0
    export = tmp_path / "big.json"
    assert run_cli(data, "export", "1", "--out", str(export)).code == 0
    text = export.read_text(encoding="utf-8").replace('"version_number": 1', '"version_number": 2')
    export.write_text(text.replace("Kept safe", "Kept safe " + "x" * 200_000), encoding="utf-8")
    path = data / "idmf.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = state(path)
    fill(small_disk)
    run = run_cli(data, "import", str(export))
    assert run.refused("disk", "full"), run.err
    (small_disk / "filler").unlink()
    assert unchanged(data, before)
    listed = run_cli(data, "list")
    assert listed.code == 0 and "Kept safe" in listed.out and listed.out.count("\n") == 1


def test_the_waiting_message_is_said_once(seeded):
    data, before = seeded
    holder = hold(data / "idmf.sqlite3", 5.0)
    run = subprocess.run([sys.executable, "-c", "import sys; from idmf.cli.main import main; sys.exit(main())",
                          "list"], env=cli_env(data), capture_output=True, text=True, timeout=60)
    holder.wait()
    assert run.returncode == 0 and run.stderr.count("open elsewhere") == 1
    assert unchanged(data, before)
