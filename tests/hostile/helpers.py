"""Shared by the hostile-input tests: run idmf-cli as a real process under a 1 GB address-space limit, and
fingerprint a database so a test can prove nothing in it was lost or changed."""

from __future__ import annotations

import hashlib
import os
import resource
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ADDRESS_SPACE = 1024 * 1024 * 1024  # every hostile input is handled within 1 GB of address space
TABLES = ("assessment", "answer", "assessment_census", "census_value", "census_area", "comment", "status_event")


@dataclass
class Run:
    """What one idmf-cli process did."""

    code: int
    out: str
    err: str

    @property
    def message(self) -> str:
        return self.err.strip()

    def refused(self, *words: str) -> bool:
        """Exit status 2, one plain line on stderr holding every word, and no traceback."""
        lines = self.err.strip().splitlines()
        return (self.code == 2 and "Traceback" not in self.err and lines != [] and
                all(w.lower() in lines[-1].lower() for w in words))


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def cli_env(data: Path, **extra: str) -> dict[str, str]:
    """The environment of a CLI process on the data folder `data` (its own SQLite file)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("IDMF_", "PYTEST"))}
    env.update(PYTHONPATH=str(ROOT / "src"), IDMF_DATA_DIR=str(data), NO_PROXY="127.0.0.1,localhost",
               no_proxy="127.0.0.1,localhost", **extra)
    return env


def command(*args: str) -> list[str]:
    """The argument list that runs idmf-cli with `args` in a fresh interpreter."""
    return [sys.executable, "-c", "import sys; from idmf.cli.main import main; sys.exit(main())", *args]


def run_cli(data: Path, *args: str, timeout: float = 120, limit: bool = True, **env: str) -> Run:
    """Run idmf-cli as a real process (under the 1 GB limit unless `limit` is False)."""
    done = subprocess.run(command(*args), env=cli_env(data, **env), capture_output=True, text=True, timeout=timeout,
                          preexec_fn=_limit_memory if limit else None)
    return Run(done.returncode, done.stdout, done.stderr)


def file_hash(path: Path) -> str:
    """SHA-256 of a file and its -wal companion as bytes on disk (an empty -wal, which a read-only SQLite
    connection may leave, counts as none: it holds nothing)."""
    digest = hashlib.sha256()
    for part in (path, Path(f"{path}-wal")):
        digest.update(part.read_bytes() if part.exists() else b"")
    return digest.hexdigest()


@dataclass(frozen=True)
class State:
    """What a database holds: a hash of its full SQL dump, its row counts and its integrity check."""

    dump_sha256: str
    rows: dict
    integrity: str


def state(path: Path) -> State:
    """The database's contents, read without changing it."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        dump = "\n".join(conn.iterdump())
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        rows = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES if t in names}
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    conn.close()
    return State(hashlib.sha256(dump.encode()).hexdigest(), rows, integrity)


def unchanged(data: Path, before: State) -> bool:
    """The database in `data` holds exactly what it held, passes its integrity check, and nothing was set aside."""
    path = data / "idmf.sqlite3"
    aside = [p.name for p in data.iterdir() if ".damaged-" in p.name]
    return not aside and state(path) == before and before.integrity == "ok"
