"""The start-up check of the SQLite file: tells a damaged file from a busy, full or missing one.

Only a file that SQLite says is not a database, or that fails `PRAGMA quick_check`, is ever moved aside, and
never while another process has it open. A file that is merely locked (IDMF Desktop open elsewhere), on a
full disk, or not a file at all (a folder) stays exactly where it is, and the error says which. Everything
here reads through read-only connections, so a refused file is byte for byte what it was.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import stat
import struct
import sys
import time
from pathlib import Path
from typing import Callable
from urllib.parse import quote

from idmf.errors import DatabaseBusyError, DatabaseError, DatabaseFullError, DatabaseNotAFileError

log = logging.getLogger(__name__)

BUSY_WAIT = 10.0  # seconds to wait for another program to let go of the file before saying so
LOW_SPACE = 1024 * 1024  # free bytes below which a failure to open is put down to a full disk
UNCHANGED = "Your data file has not been changed."
OPEN_ELSEWHERE = ("IDMF Desktop is open elsewhere (or another program is using your data file), so your data "
                  "cannot be opened yet.")
WaitNotice = Callable[[str], None]

OK, DAMAGED, BUSY, FULL, UNREADABLE = "ok", "damaged", "busy", "full", "unreadable"


def read_only_uri(path: Path) -> str:
    """A SQLite URI opening `path` read-only (characters such as '?' and '#' in folder names escaped)."""
    return f"file:{quote(str(Path(path).resolve()))}?mode=ro"


def disk_is_full(path: Path) -> bool:
    """Whether the disk holding `path` has (almost) no free space left."""
    try:
        return shutil.disk_usage(path.parent if not path.is_dir() else path).free < LOW_SPACE
    except OSError:
        return False


def classify(exc: sqlite3.Error, path: Path) -> str:
    """What a SQLite error says about the file: DAMAGED, BUSY, FULL or UNREADABLE (never damage by default)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "not a database" in text or "malformed" in text:
        return DAMAGED
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return BUSY
    if name == "SQLITE_FULL" or "disk is full" in text or disk_is_full(path):
        return FULL
    return UNREADABLE


def quick_check(path: Path, timeout: float) -> tuple[str, str]:
    """(verdict, SQLite's reason) for the file, read through a read-only connection."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=timeout)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return classify(exc, path), str(exc) or type(exc).__name__
    if rows != [("ok",)]:
        return DAMAGED, "; ".join(str(r[0]) for r in rows[:3])
    return OK, ""


def refuse_non_files(path: Path) -> bool:
    """False when there is nothing at `path` yet; raise DatabaseError when it is not a file (a folder)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise DatabaseError(f"Your data file {path} cannot be read ({exc.strerror or exc}). Check the folder's "
                            f"permissions. {UNCHANGED}") from None
    if stat.S_ISDIR(info.st_mode):
        raise DatabaseNotAFileError(f"Where IDMF Desktop keeps its data file ({path}) there is a folder, not a file. "
                            "Rename or move that folder (it may be yours), then start the app again. Nothing "
                            "in it was changed.")
    if not stat.S_ISREG(info.st_mode):
        raise DatabaseNotAFileError(f"Where IDMF Desktop keeps its data file ({path}) there is something that is not "
                            "an ordinary file (a device or a pipe). Remove it, then start the app again.")
    return True


def busy_error() -> DatabaseBusyError:
    """The message for a data file another program keeps locked."""
    return DatabaseBusyError(f"{OPEN_ELSEWHERE} Close the other copy of IDMF Desktop (or the other program), "
                             f"then try again. {UNCHANGED}")


def full_error(path: Path) -> DatabaseFullError:
    """The message for a data file on a full disk."""
    return DatabaseFullError(f"The disk holding your data ({path.parent}) is full, so IDMF Desktop cannot open "
                             f"your data safely. Free some space (empty the recycle bin, delete large files you "
                             f"no longer need), then try again. {UNCHANGED}")


def checked_verdict(path: Path, on_wait: WaitNotice | None, wait: float) -> tuple[str, str]:
    """quick_check, waiting up to `wait` seconds (after saying so) while another program holds the file."""
    verdict, reason = quick_check(path, timeout=min(0.5, wait))
    if verdict == BUSY and wait > 0.5:
        if on_wait is not None:
            on_wait(f"{OPEN_ELSEWHERE} Waiting up to {wait:.0f} seconds for it to let go…")
        deadline = time.monotonic() + wait
        while verdict == BUSY and time.monotonic() < deadline:
            verdict, reason = quick_check(path, timeout=max(0.1, deadline - time.monotonic()))
    if verdict == BUSY:
        raise busy_error()
    if verdict == FULL:
        raise full_error(path)
    if verdict == UNREADABLE:
        raise DatabaseError(f"Your data file {path} cannot be read ({reason}). Check that the folder can be "
                            f"written to and that no other program is using the file. {UNCHANGED}")
    return verdict, reason


# struct flock as the kernel lays it out: (l_type, l_whence, l_start, l_len, l_pid) on Linux, reordered on BSDs.
_FLOCK = {"linux": "hhqqi", "darwin": "qqihh", "freebsd": "qqihhi"}


def _locked_by_another_process(path: Path) -> bool:
    """Whether another process holds a POSIX lock on any byte of `path` (SQLite's own locks).

    Only a query (F_GETLK): nothing is locked. Closing our descriptor would drop this process's own locks
    on the file, so it is only asked before this process has opened the database.
    """
    import fcntl

    layout = next((fmt for name, fmt in _FLOCK.items() if sys.platform.startswith(name)), None)
    if layout is None or not path.exists():
        return False
    fields = {"l_type": fcntl.F_WRLCK, "l_whence": os.SEEK_SET, "l_start": 0, "l_len": 0, "l_pid": 0}
    order = ("l_type", "l_whence", "l_start", "l_len", "l_pid") if layout.startswith("hh") else \
        ("l_start", "l_len", "l_pid", "l_type", "l_whence", "l_sysid")[:len(layout)]
    query = struct.pack(layout, *(fields.get(name, 0) for name in order))
    fd = os.open(path, os.O_RDONLY)
    try:
        answer = dict(zip(order, struct.unpack(layout, fcntl.fcntl(fd, fcntl.F_GETLK, query))))
    finally:
        os.close(fd)
    return answer["l_type"] != fcntl.F_UNLCK


def in_use(path: Path) -> bool:
    """Whether another process has the database open: SQLite in WAL mode keeps locks on the file and its -shm.

    On Windows the rename that would move the file aside fails instead while the file is open.
    """
    if os.name != "posix":
        return False
    try:
        return any(_locked_by_another_process(Path(f"{path}{suffix}")) for suffix in ("", "-shm"))
    except OSError:
        return True  # cannot tell: treat as in use, so a file another program may hold is never moved
