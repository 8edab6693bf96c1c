"""House rule: everything outside idmf.ui runs headless. Importing the core must not load Qt."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import idmf


def _core_modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(idmf.__path__, "idmf.")
            if not m.name.startswith("idmf.ui") and ".migrations" not in m.name]


def test_no_core_module_imports_qt_in_its_source():
    offenders = []
    root = Path(idmf.__file__).parent
    for path in root.rglob("*.py"):
        if "ui" in path.relative_to(root).parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"} for n in names):
                offenders.append(str(path.relative_to(root)))
    assert offenders == []


def test_importing_every_core_module_loads_no_qt():
    modules = _core_modules()
    assert "idmf.storage.assessments" in modules and "idmf.services.context" in modules
    code = ("import importlib, sys\n"
            f"for name in {modules!r}: importlib.import_module(name)\n"
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
