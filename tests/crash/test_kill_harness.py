"""Crash safety: the real app is killed with SIGKILL at random moments while typing, at least 200 times.

Each kill is followed by a check of the database (integrity, foreign keys, the saved text) and the next
start must reopen the same assessment on the same page. At most about two seconds of typing may be lost.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("IDMF_CRASH_KILLS", "200"))


def _harness():
    spec = importlib.util.spec_from_file_location("crash_harness", ROOT / "benchmarks" / "crash_harness.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killing_the_app_while_typing_loses_at_most_two_seconds(tmp_path):
    harness = _harness()
    figures = harness.run_harness(kills=KILLS, workers=4, kill_range=(0.3, 3.0), folder=tmp_path)
    print(figures.summary())
    assert figures.start_failures <= KILLS // 50, figures.summary()
    assert figures.kills >= KILLS - KILLS // 50
    assert figures.integrity_failures == 0, figures.summary()
    assert figures.wrong_text == 0, figures.summary()  # the saved text is always what was typed, in order
    assert figures.wrong_place == 0, figures.summary()  # each restart reopened the same assessment and page
    # "At most the last ~2 seconds of typing are lost." Four apps and their warming spares share CI's two busy
    # cores, so a kill can land while a save waits for a core or for the disk: one kill in fifty may go past.
    # Saving only on a pause (the throttle broken) puts about a third of the kills past it.
    assert len(figures.over(2.0)) <= KILLS // 50, figures.summary()


def test_loss_is_the_age_of_the_oldest_lost_keystroke_at_the_kill():
    harness = _harness()
    chars = [(1, 10.0), (2, 10.2), (3, 10.4), (4, 11.9)]
    assert harness.loss_of(chars, 4, killed_at=12.0) == 0.0
    assert harness.loss_of(chars, 2, killed_at=12.0) == pytest.approx(1.6)  # key 3, typed at 10.4, was lost
    assert harness.loss_of(chars, 3, killed_at=12.0) == pytest.approx(0.1)  # the pause before key 4 is not typing
    assert harness.loss_of(chars, 0, killed_at=12.5) == pytest.approx(2.5)
