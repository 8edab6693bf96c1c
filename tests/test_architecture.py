"""The layers hold: import-linter's contracts (pyproject.toml), and the GUI reaches data only through services."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import idmf

ROOT = Path(__file__).resolve().parents[1]
UI = Path(idmf.__file__).resolve().parent / "ui"
# What sits behind the services: the GUI must never reach for these.
BEHIND_THE_SERVICES = {"repository", "engine", "store"}


def _lint_imports() -> str:
    found = Path(sys.executable).with_name("lint-imports")
    command = str(found) if found.exists() else shutil.which("lint-imports")
    if command is None:
        pytest.fail("lint-imports is not installed: install the test extra (pip install '.[test]')")
    return command


def test_import_linter_contracts_are_kept():
    done = subprocess.run([_lint_imports(), "--config", str(ROOT / "pyproject.toml"), "--no-cache"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "3 kept, 0 broken" in done.stdout


def _reaches_behind(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in BEHIND_THE_SERVICES:
            found.append(f"line {node.lineno}: .{node.attr}")
        elif isinstance(node, ast.Attribute) and node.attr == "database" and \
                getattr(node.value, "id", getattr(node.value, "attr", None)) == "context":
            found.append(f"line {node.lineno}: context.database")
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            found += [f"line {node.lineno}: import {n}" for n in names if n.startswith("idmf.storage")]
    return found


def test_the_gui_never_touches_repository_engine_or_store():
    offenders = {str(path.relative_to(UI)): hits for path in sorted(UI.rglob("*.py"))
                 if (hits := _reaches_behind(ast.parse(path.read_text(encoding="utf-8"))))}
    assert offenders == {}


def test_the_check_itself_notices_a_reach_behind_the_services():
    sample = "def f(context):\n    context.database.engine.begin()\n    return context.store.assessments\n"
    assert len(_reaches_behind(ast.parse(sample))) == 3
