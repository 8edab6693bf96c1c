"""The census screenshot script writes Step 2's profile and Step 4's note at the README's window size."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

import idmf
from tools.screenshots import base
from tools.screenshots import census as screenshots

ROOT = Path(__file__).resolve().parents[3]  # the repository, which holds tools/


def test_usage_and_a_missing_census_folder(capsys, tmp_path):
    assert screenshots.main([]) == 2 and "usage" in capsys.readouterr().err
    assert screenshots.main([str(tmp_path), str(tmp_path / "nowhere")]) == 2
    assert "were not found" in capsys.readouterr().err


def test_script_writes_both_census_screenshots(census_dir, tmp_path, _isolated_data):
    src = Path(idmf.__file__).resolve().parents[1]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join([str(src), str(ROOT), os.environ.get("PYTHONPATH", "")])}
    out = tmp_path / "shots"
    done = subprocess.run([sys.executable, "-m", "tools.screenshots.census", str(out), str(census_dir)],
                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.glob("*.png")) == ["11-census-profile.png", "12-census-impact-note.png"]
    for path in out.glob("*.png"):
        image = QImage(str(path))
        assert (image.width(), image.height()) == base.SIZE
    assert not (_isolated_data / "idmf.sqlite3").exists()  # a throwaway data folder, as for the other screenshots


def test_offline_script_writes_the_shipped_profile_and_deprivation_screenshots(tmp_path, _isolated_data):
    src = Path(idmf.__file__).resolve().parents[1]
    env = {key: value for key, value in os.environ.items() if key != "IDMF_CENSUS_BUNDLE"}  # the shipped figures
    env.update({"QT_QPA_PLATFORM": "offscreen",
                "PYTHONPATH": os.pathsep.join([str(src), str(ROOT), os.environ.get("PYTHONPATH", "")])})
    out = tmp_path / "shots"
    done = subprocess.run([sys.executable, "-m", "tools.screenshots.census_offline", str(out)],
                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.glob("*.png")) == ["17-census-offline-profile.png",
                                                         "18-census-deprivation-tab.png", "19-deprivation-step-4.png"]
    for path in out.glob("*.png"):
        image = QImage(str(path))
        assert (image.width(), image.height()) == base.SIZE
