"""Build the self-contained app folder with PyInstaller: `python packaging/build.py` -> packaging/dist/idmf/."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def executable(dist: Path) -> Path:
    """The app's executable inside a built dist folder."""
    suffix = ".exe" if sys.platform == "win32" else ""
    return dist / "idmf" / ("idmf" + suffix)


def main(argv: list[str] | None = None) -> int:
    """Run PyInstaller on the spec; returns its exit status."""
    parser = argparse.ArgumentParser(description=__doc__)
    # Tests build into a temporary folder so they never touch (or depend on) a developer's own build.
    parser.add_argument("--distpath", type=Path, default=HERE / "dist", help="where the app folder goes")
    parser.add_argument("--workpath", type=Path, default=HERE / "build", help="PyInstaller's scratch folder")
    args = parser.parse_args(argv)
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
               "--distpath", str(args.distpath), "--workpath", str(args.workpath), str(HERE / "idmf.spec")]
    result = subprocess.run(command, check=False)
    if result.returncode == 0:
        print(f"Built {executable(args.distpath)}")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
