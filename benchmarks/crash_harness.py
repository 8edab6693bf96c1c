"""Kill the real app with SIGKILL while it types, many times, and measure what survives.

Each run starts the app (offscreen) with tests/crash/driver.py typing into one long-text question at human
speed, kills it 0.3-3 s after typing starts, then opens the database with plain sqlite3 and checks
`PRAGMA integrity_check`, `PRAGMA foreign_key_check` and how much typing was lost: how long before the kill
the oldest keystroke missing from the saved answer was typed. The next start must reopen the same
assessment on the same page. Run it:

    PYTHONPATH=src python benchmarks/crash_harness.py --kills 200 --workers 2

tests/crash/test_kill_harness.py runs the same code.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECTION = "aims"
START_TIMEOUT_S = 60.0


@dataclass
class Figures:
    """What a harness run found."""

    kills: int = 0
    losses: list[float] = field(default_factory=list)
    integrity_failures: int = 0
    wrong_text: int = 0
    wrong_place: int = 0
    start_failures: int = 0
    wall_s: float = 0.0

    @property
    def worst(self) -> float:
        return max(self.losses, default=0.0)

    def over(self, limit_s: float) -> list[float]:
        """The losses longer than `limit_s` seconds."""
        return [loss for loss in self.losses if loss > limit_s]

    @property
    def median(self) -> float:
        return statistics.median(self.losses) if self.losses else 0.0

    def merge(self, other: "Figures") -> None:
        """Add another worker's figures to these."""
        self.kills += other.kills
        self.losses += other.losses
        for name in ("integrity_failures", "wrong_text", "wrong_place", "start_failures"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def summary(self) -> str:
        """One line of figures."""
        return (f"kills={self.kills} worst_loss={self.worst:.2f}s median_loss={self.median:.2f}s "
                f"over_2s={len(self.over(2.0))} "
                f"integrity_failures={self.integrity_failures} wrong_text={self.wrong_text} "
                f"wrong_place={self.wrong_place} start_failures={self.start_failures} wall={self.wall_s:.0f}s")


def _env(data: Path, side: Path, seed: int, mode: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", IDMF_DATA_DIR=str(data), CRASH_SIDE_FILE=str(side),
               CRASH_SEED=str(seed), CRASH_MODE=mode, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]))
    env.pop("IDMF_DATABASE_URL", None)
    return env


def prepare(data: Path) -> int:
    """A data folder with one assessment, left open on the Aims page; returns its id."""
    code = ("from idmf.services.context import open_app; c = open_app(); a = c.assessments.create('Crash test'); "
            "print(a.id); c.close()")
    env = _env(data, data / "unused", 0, "check")
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
    assessment_id = int(out.stdout.strip().splitlines()[-1])
    (data / "settings.ini").write_text(f"[last]\nassessment_id={assessment_id}\nsection_id={SECTION}\n")
    return assessment_id


def _read_side(side: Path) -> tuple[list[str] | None, list[tuple[int, float]]]:
    opened, chars = None, []
    if not side.exists():
        return None, chars
    for line in side.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts and parts[0] == "opened" and len(parts) == 4:
            opened = parts[1:]
        elif parts and parts[0] == "c" and len(parts) == 3:
            chars.append((int(parts[1]), float(parts[2])))
    return opened, chars


def _wait_for(side: Path, proc: subprocess.Popen, ready, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if ready(*_read_side(side)):
            return True
        time.sleep(0.02)
    return False


def check_database(path: Path) -> tuple[bool, str]:
    """(integrity and foreign keys pass, the saved answer's text), opened the way the next start would."""
    with sqlite3.connect(path, timeout=10) as conn:
        ok = conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        ok = ok and conn.execute("PRAGMA foreign_key_check").fetchall() == []
        row = conn.execute("SELECT value FROM answer WHERE question_id = 'summary'").fetchone()
    conn.close()
    return ok, (json.loads(row[0]) or "") if row else ""


def loss_of(chars: list[tuple[int, float]], saved_length: int, killed_at: float) -> float:
    """How old the oldest lost keystroke was when the app was killed (0 when nothing was lost).

    "At most the last two seconds of typing are lost" means every key typed more than two seconds before the
    kill is in the database. A thinking pause before the lost keys is not typing, so it does not count.
    """
    lost = [t for length, t in chars if length > saved_length]
    return max(0.0, killed_at - lost[0]) if lost else 0.0


class Worker:
    """One data folder, killed again and again; the figures it found."""

    def __init__(self, folder: Path, seed: int) -> None:
        self.data = folder
        self.data.mkdir(parents=True, exist_ok=True)
        self.random = random.Random(seed)
        self.seed = seed
        self.assessment_id = prepare(self.data)
        self.saved = ""
        self.figures = Figures()
        self.spare: tuple[subprocess.Popen, Path] | None = None

    def _spawn(self, run: int, mode: str, wait_go: bool) -> tuple[subprocess.Popen, Path]:
        side = self.data / f"side-{run}.txt"
        env = _env(self.data, side, self.seed * 100_000 + run, mode)
        if wait_go:
            env["CRASH_WAIT_GO"] = "1"
        proc = subprocess.Popen([sys.executable, "-m", "tests.crash.driver"], cwd=ROOT, env=env, text=True,
                                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return proc, side

    def _start(self, run: int, mode: str) -> tuple[subprocess.Popen, Path]:
        """The warmed-up spare process (its imports done) told to go, or a new process."""
        if self.spare is None:
            return self._spawn(run, mode, wait_go=False)
        (proc, side), self.spare = self.spare, None
        proc.stdin.write("go\n")
        proc.stdin.flush()
        return proc, side

    def _opened_right(self, opened: list[str] | None) -> bool:
        return opened == [str(self.assessment_id), SECTION, str(len(self.saved))]

    def run_once(self, run: int, kill_range: tuple[float, float]) -> None:
        """Start, wait for typing, kill at a random moment, then check the database."""
        proc, side = self._start(run, "type")
        started = _wait_for(side, proc, lambda opened, chars: bool(chars), START_TIMEOUT_S)
        if started:
            kill_at = time.monotonic() + self.random.uniform(*kill_range)
            if run + 1 < self.kills:  # warm the next start up while this one types
                self.spare = self._spawn(run + 1, "type", wait_go=True)
            time.sleep(max(0.0, kill_at - time.monotonic()))
        killed_at = time.monotonic()  # CLOCK_MONOTONIC: the same clock as the child's timestamps
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        opened, chars = _read_side(side)
        if not started:
            self.figures.start_failures += 1
            return
        self.figures.kills += 1
        self.figures.wrong_place += not self._opened_right(opened)
        self._check_after_kill(run, chars, killed_at)
        side.unlink()

    def _check_after_kill(self, run: int, chars: list[tuple[int, float]], killed_at: float) -> None:
        from tests.crash.driver import typed_text

        try:
            ok, text = check_database(self.data / "idmf.sqlite3")
        except sqlite3.DatabaseError:
            ok, text = False, ""
        self.figures.integrity_failures += not ok
        expected = self.saved + typed_text(self.seed * 100_000 + run)
        if not expected.startswith(text) or len(text) < len(self.saved) or len(text) > chars[-1][0]:
            self.figures.wrong_text += 1
        self.figures.losses.append(loss_of(chars, len(text), killed_at))
        self.saved = text

    def final_check(self, run: int) -> None:
        """One last start: it must reopen the same assessment and page."""
        proc, side = self._start(run, "check")
        _wait_for(side, proc, lambda opened, chars: opened is not None, START_TIMEOUT_S)
        proc.kill()
        proc.wait()
        self.figures.wrong_place += not self._opened_right(_read_side(side)[0])

    def run(self, kills: int, kill_range: tuple[float, float]) -> Figures:
        """Kill the app `kills` times, then check the last restart."""
        self.kills = kills
        for run in range(kills):
            self.run_once(run, kill_range)
        self.final_check(kills)
        return self.figures


def run_harness(kills: int = 200, workers: int = 2, kill_range: tuple[float, float] = (0.3, 3.0),
                folder: Path | None = None, seed: int = 1) -> Figures:
    """Run `kills` kills spread over `workers` parallel data folders; returns the combined figures."""
    began = time.monotonic()
    folder = folder or Path(tempfile.mkdtemp(prefix="idmf-crash-"))
    shares = [kills // workers + (n < kills % workers) for n in range(workers)]
    results = [Figures() for _ in shares]

    def work(n: int) -> None:
        results[n] = Worker(folder / f"worker-{n}", seed * 10 + n).run(shares[n], kill_range)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    total = Figures()
    for result in results:
        total.merge(result)
    total.wall_s = time.monotonic() - began
    return total


def main(argv: list[str] | None = None) -> int:
    """Command line: run the harness and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    figures = run_harness(args.kills, args.workers, seed=args.seed)
    print(figures.summary())
    return 0 if figures.integrity_failures == 0 and figures.wrong_text == 0 and figures.wrong_place == 0 else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
