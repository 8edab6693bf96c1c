"""The committed screenshot script runs offscreen on its own throwaway data and writes 1280x800 PNGs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

import idmf
from tools.screenshots import base as screenshots

ROOT = Path(__file__).resolve().parents[2]  # the repository, which holds tools/


def test_usage_without_a_folder(capsys):
    assert screenshots.main([]) == 2
    assert "usage" in capsys.readouterr().err


def test_script_writes_first_run_and_dashboard(tmp_path, _isolated_data):
    src = Path(idmf.__file__).resolve().parents[1]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join([str(src), str(ROOT), os.environ.get("PYTHONPATH", "")])}
    out = tmp_path / "shots"
    done = subprocess.run([sys.executable, "-m", "tools.screenshots.base", str(out)], env=env, cwd=ROOT,
                          capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in out.glob("*.png"))
    assert names[:2] == ["01-first-run.png", "02-dashboard.png"]
    for name in names:
        image = QImage(str(out / name))
        assert (image.width(), image.height()) == screenshots.SIZE
    # Its data went to a throwaway folder, not to the data folder it was started with.
    assert not (_isolated_data / "idmf.sqlite3").exists()


def _laptop_script(module: str, out: Path) -> None:
    """Run a screenshot script with --laptop in its own process; it must succeed."""
    src = Path(idmf.__file__).resolve().parents[1]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join([str(src), str(ROOT), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-m", module, str(out), "--laptop"], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


def test_signing_script_writes_the_trusted_signers_window_and_the_three_outcomes(tmp_path, _isolated_data):
    out = tmp_path / "shots"
    _laptop_script("tools.screenshots.signing", out)
    assert sorted(p.name for p in out.glob("*.png")) == [
        "17-trusted-signers.png", "18-trust-compare-fingerprints.png", "19-verify-verified.png",
        "20-verify-untrusted.png", "21-verify-not-verified.png"]
    for name in out.glob("*.png"):  # a 1280x720 screen at 125 %: nothing larger than the screen
        image = QImage(str(name))
        assert 0 < image.width() <= 1280 and 0 < image.height() <= 720
    assert not (_isolated_data / "signing").exists()  # its keys went to its own throwaway folder


def test_word_in_script_writes_the_review_dialog_comments_and_not_placed_note(tmp_path, _isolated_data):
    out = tmp_path / "shots"
    _laptop_script("tools.screenshots.word_in", out)
    assert sorted(p.name for p in out.glob("*.png")) == [
        "22-word-edits-review.png", "23-word-comments-imported.png", "24-not-placed-note.png"]
    for name in out.glob("*.png"):  # a 1280x720 screen at 125 %: nothing larger than the screen
        image = QImage(str(name))
        assert 0 < image.width() <= 1280 and 0 < image.height() <= 720
