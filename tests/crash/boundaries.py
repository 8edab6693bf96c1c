"""Kill one user action at every step boundary: `python tests/crash/boundaries.py SPEC.json`.

SPEC names an operation ("import_review_copy", "approve", "restore"), a folder holding the data as it is
before the action (`before/`: the data folder and any input files) and a work folder. For n = 1, 2, 3… a
forked child copies `before/` to `work/<n>/`, opens the app there and runs the action; just before its
n-th step (an SQL statement, a commit, or a file operation: copy, rename, replace, unlink, fsync, a SQLite
connection) it kills itself with SIGKILL. The first n whose child finishes is the number of steps plus
one. Prints JSON: [{"n": …, "killed": true|false}, …]; tests/crash/test_step_boundaries.py then checks
that every `work/<n>/` database is exactly as before or exactly as after the action.

Forking once the modules are imported makes each run take milliseconds instead of a second.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import sqlite3
import sys
from pathlib import Path

from sqlalchemy import Engine, event

import idmf.services.context as app_context

_state = {"armed": False, "count": 0, "kill_at": 0}


def _step(*_args, **_kwargs) -> None:
    if _state["armed"]:
        _state["count"] += 1
        if _state["count"] == _state["kill_at"]:
            os.kill(os.getpid(), signal.SIGKILL)


def _counted(function):
    def wrapper(*args, **kwargs):
        _step()
        return function(*args, **kwargs)

    return wrapper


def _install_hooks() -> None:
    event.listen(Engine, "before_cursor_execute", _step)
    event.listen(Engine, "commit", _step)
    for module, name in ((os, "replace"), (os, "rename"), (os, "link"), (os, "unlink"), (os, "remove"),
                         (os, "fsync"), (shutil, "copyfile"), (sqlite3, "connect")):
        setattr(module, name, _counted(getattr(module, name)))
    Path.unlink = _counted(Path.unlink)


def _run(operation: str, folder: Path) -> None:
    data = folder / "data"
    os.environ["IDMF_DATA_DIR"] = str(data)
    context = app_context.open_app(f"sqlite:///{data / 'idmf.sqlite3'}")
    _state["armed"] = True
    if operation == "import_review_copy":
        context.review_files.import_file(folder / "request.idmf", person="Reviewer")
    elif operation == "approve":
        target = context.assessments.list()[0].id
        context.review.approve(target, "Quality Committee", dt.date(2026, 2, 20), "Chair", person="Secretary",
                               today=dt.date(2026, 3, 1))
    elif operation == "restore":
        context.backups.restore(next((data / "backups").glob("*.sqlite3")))
    else:
        raise SystemExit(f"unknown operation {operation}")
    _state["armed"] = False
    context.close()


def _child(operation: str, before: Path, folder: Path, kill_at: int) -> None:
    shutil.copytree(before, folder)
    _state["kill_at"] = kill_at
    try:
        _run(operation, folder)
    except BaseException:  # noqa: BLE001 - report and leave with a failure status, never a traceback to parse
        import traceback

        traceback.print_exc()
        os._exit(3)
    os._exit(0)


def main(spec_path: str) -> int:
    """Run the action killed at each step in turn; print what happened to each run."""
    spec = json.loads(Path(spec_path).read_text())
    before, work, limit = Path(spec["before"]), Path(spec["work"]), int(spec.get("limit", 500))
    _install_hooks()
    results = []
    for n in range(1, limit + 1):
        pid = os.fork()
        if pid == 0:
            _child(spec["operation"], before, work / str(n), n)
        _, status = os.waitpid(pid, 0)
        killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        if not killed and os.WEXITSTATUS(status) != 0:
            results.append({"n": n, "killed": False, "failed": True})
            break
        results.append({"n": n, "killed": killed})
        if not killed:
            break
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
