"""Build the self-contained app folder with PyInstaller: `python packaging/build.py` -> packaging/dist/idmf/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    """Run PyInstaller on the spec; returns its exit status."""
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
               "--distpath", str(HERE / "dist"), "--workpath", str(HERE / "build"), str(HERE / "idmf.spec")]
    result = subprocess.run(command, check=False)
    if result.returncode == 0:
        suffix = ".exe" if sys.platform == "win32" else ""
        print(f"Built {HERE / 'dist' / 'idmf' / ('idmf' + suffix)}")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
