"""Hostile files for the limits and numbers tests, made on the fly from a real export of the app."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from tests.hostile.helpers import run_cli


def export_of(data: Path, folder: Path) -> dict:
    """The JSON export of the seeded database's first assessment, as a document to tamper with."""
    out = folder / "export.json"
    assert run_cli(data, "export", "1", "--out", str(out)).code == 0
    return json.loads(out.read_text(encoding="utf-8"))


def census_table(count=100, percent=51.0, total=100) -> dict:
    """One attached census table (as an export holds it)."""
    return {"table_code": "TS008", "title": "Sex", "area_code": "E07000132", "area_name": "Hinckley and Bosworth",
            "universe": "All usual residents", "total": total,
            "rows": [{"category": "Female", "count": count, "percent": percent, "england_percent": 51.0}]}


def write_json_text(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def docx_with_part(folder: Path, name: str, part: bytes, part_name: str = "customXml/item1.xml") -> Path:
    """A zip with the parts of a Word file and one (hostile) custom XML part."""
    path = folder / name
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr(part_name, part)
    return path


def docx_with_spaces(folder: Path, name: str, size: int) -> Path:
    """A Word-like zip whose custom XML part is `size` bytes that compress to almost nothing."""
    path = folder / name
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        with archive.open("customXml/item1.xml", "w", force_zip64=True) as stream:
            stream.write(b'<idmf:assessment xmlns:idmf="urn:idmf-desktop:assessment">')
            block = b" " * (1 << 20)
            for _ in range(size >> 20):
                stream.write(block)
            stream.write(b"</idmf:assessment>")
    return path
