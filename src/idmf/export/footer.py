"""Read the sign-off fingerprint printed in a Word file's footer (verification compares it with the content)."""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from idmf.export.embed import DocxImportError, open_docx, read_docx_part

MAX_PART_BYTES = 5 * 1024 * 1024  # a footer is a few kilobytes
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
# 64 hex digits, written plain or in groups ("ab12 cd34 …" / "ab12:cd34…").
_FINGERPRINT = re.compile(r"(?<![0-9a-f])(?:[0-9a-f]{4}[ :\-]?){15}[0-9a-f]{4}(?![0-9a-f])", re.IGNORECASE)


def _footer_texts(path: Path) -> list[str]:
    texts = []
    try:
        with open_docx(path) as archive:
            for info in archive.infolist():
                if re.fullmatch(r"word/footer\d*\.xml", info.filename) and info.file_size <= MAX_PART_BYTES:
                    root = etree.fromstring(read_docx_part(path, archive, info), _PARSER)
                    texts.append("".join(t.text or "" for t in root.iter(f"{_W}t")))
    except (zipfile.BadZipFile, zlib.error, EOFError, etree.XMLSyntaxError, OSError) as exc:
        raise DocxImportError(f"{path.name} cannot be read as a Word document ({exc}).") from None
    return texts


def footer_fingerprint(path: Path) -> str | None:
    """The fingerprint printed in a Word file's footer, or None when there is none."""
    for text in _footer_texts(Path(path)):
        match = _FINGERPRINT.search(text)
        if match:
            return re.sub(r"[ :\-]", "", match.group(0)).lower()
    return None
