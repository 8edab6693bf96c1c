"""The links and documents screenshot script runs offscreen on throwaway data and writes 1280x800 PNGs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

import idmf
from tools.screenshots import base
from tools.screenshots import evidence as screenshots

ROOT = Path(__file__).resolve().parents[3]  # the repository, which holds tools/


def test_usage_without_a_folder(capsys):
    assert screenshots.main([]) == 2 and "usage" in capsys.readouterr().err


def test_script_writes_the_editor_screenshots(tmp_path, _isolated_data):
    src = Path(idmf.__file__).resolve().parents[1]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join([str(src), str(ROOT), os.environ.get("PYTHONPATH", "")])}
    out = tmp_path / "shots"
    done = subprocess.run([sys.executable, "-m", "tools.screenshots.evidence", str(out), "--no-word"], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in out.glob("*.png"))
    assert names == ["19-step4-links.png", "20-step4-contradictory.png", "21-attached-documents.png",
                     "22-action-plan-groups.png", "23-checklist-new.png"]
    for name in names:
        image = QImage(str(out / name))
        assert (image.width(), image.height()) == base.SIZE
    assert not (_isolated_data / "idmf.sqlite3").exists()  # its data went to a throwaway folder
