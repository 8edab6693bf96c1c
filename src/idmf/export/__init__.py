"""Exports of an assessment for people outside the app: the committee-ready Word document.

No Qt here (the core stays headless). The heavy imports (python-docx, lxml) are loaded on first use, so
`idmf-cli` starts quickly when it is not exporting:

    from idmf.export import export_docx
    export_docx(assessment, form, Path("assessment.docx"))
"""

from __future__ import annotations

from typing import Any

__all__ = ["DocxImportError", "build_document", "export_docx", "read_embedded_json"]

_HOMES = {"build_document": "writer", "export_docx": "writer", "read_embedded_json": "embed",
          "DocxImportError": "embed"}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        from importlib import import_module

        return getattr(import_module(f"idmf.export.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'idmf.export' has no attribute {name!r}")
