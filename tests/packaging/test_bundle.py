"""CI smoke test of the PyInstaller bundle: build it, then run the built executable's self-test and CLI.

Slow (a full PyInstaller build: about half a minute to a few minutes), so it builds once for the module.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BUILD = REPO / "packaging" / "build.py"

pytestmark = pytest.mark.skipif(importlib.util.find_spec("PyInstaller") is None,
                                reason="PyInstaller is not installed (pip install '.[test]' brings it)")


def _load_build():
    spec = importlib.util.spec_from_file_location("idmf_packaging_build", BUILD)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """The built executable, in a temporary dist folder (never the developer's packaging/dist)."""
    root = tmp_path_factory.mktemp("bundle")
    build = _load_build()
    status = build.main(["--distpath", str(root / "dist"), "--workpath", str(root / "work")])
    assert status == 0, "PyInstaller failed; its output is above"
    executable = build.executable(root / "dist")
    assert executable.is_file()
    return executable


def _run(command: list[str], data: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "IDMF_DATA_DIR": str(data)}
    env.pop("IDMF_DATABASE_URL", None)  # the bundle must find its database from the data folder alone
    env.pop("PYTHONPATH", None)  # and its modules from the bundle alone, not this source tree
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)


def test_bundle_self_test_exports_a_word_file(bundle, tmp_path):
    result = _run([str(bundle), "--self-test"], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert "spell check found “recieve” (suggested “receive”)" in result.stdout  # the dictionary travelled
    assert (tmp_path / "idmf-self-test.docx").stat().st_size > 0


def test_bundle_cli_reports_the_version(bundle, tmp_path):
    from idmf import __version__

    result = _run([str(bundle), "cli", "--version"], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert __version__ in result.stdout + result.stderr


def test_bundle_cli_lists_the_self_test_assessment(bundle, tmp_path):
    assert _run([str(bundle), "--self-test"], tmp_path).returncode == 0
    url = f"sqlite:///{tmp_path / 'idmf-self-test.sqlite3'}"
    result = _run([str(bundle), "cli", "--database", url, "list"], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Hinckley" in result.stdout  # the example assessment the self-test imported
