"""The styled reference document: present, A4, with every style the exporter uses, and reproducible."""

from __future__ import annotations

import ast
from pathlib import Path

from docx import Document

import idmf.export
from idmf.export import styles
from idmf.paths import resources_dir

STYLE_NAMES = [getattr(styles, n) for n in ("ORG", "TITLE", "SUBTITLE", "PROPOSAL", "INTRO", "LABEL", "HELP", "ANSWER",
                                             "CELL", "CELL_HEAD", "SMALL", "BANNER", "HEADER", "FOOTER",
                                             "NOT_ANSWERED", "TICK", "BULLET", "NUMBERED", "GUIDANCE",
                                             "TABLE")]


def test_the_bundled_reference_document_has_every_style():
    doc = Document(str(resources_dir() / styles.REFERENCE_NAME))
    names = {s.name for s in doc.styles}
    assert set(STYLE_NAMES) | {f"Heading {n}" for n in range(1, styles.HEADING_LEVELS + 1)} <= names
    section = doc.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert doc.styles["Normal"].font.name == styles.FONT


def test_the_reference_document_can_be_regenerated(tmp_path: Path):
    target = styles.write_reference(tmp_path / "ref.docx")
    fresh = {s.name for s in Document(str(target)).styles}
    bundled = {s.name for s in Document(str(resources_dir() / styles.REFERENCE_NAME)).styles}
    assert fresh == bundled


def test_a_missing_reference_document_falls_back_to_built_in_styles(tmp_path, filled, form):
    from idmf.export.writer import build_document

    doc = build_document(filled, form, reference=tmp_path / "absent.docx")
    assert doc.paragraphs[1].style.name == styles.TITLE


def test_the_export_package_imports_no_qt():
    root = Path(idmf.export.__file__).parent
    for path in root.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                assert not any(n.startswith(("PySide6", "shiboken6", "PyQt")) for n in names), path.name
