"""Accessibility checks on a .docx read as XML, independent of the exporter's code: language, title, heading
levels, empty paragraphs, table headers and alt text, reading order, and the contrast of coloured text."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "dc": "http://purl.org/dc/elements/1.1/",
      "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
      "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"}


def q(name: str) -> str:
    return f"{{{W}}}{name}"


class DocxXml:
    """The parts of a .docx an accessibility checker reads."""

    def __init__(self, path: Path) -> None:
        with zipfile.ZipFile(path) as archive:
            self.parts = {name: etree.fromstring(archive.read(name)) for name in archive.namelist()
                          if name.endswith(".xml") and name.startswith(("word/", "docProps/"))}
        self.document = self.parts["word/document.xml"]
        self.styles = {s.get(q("styleId")): s for s in self.parts["word/styles.xml"].iterfind("w:style", NS)}

    def story_parts(self) -> list[etree._Element]:
        """The document body, headers and footers."""
        return [root for name, root in self.parts.items()
                if name == "word/document.xml" or name.startswith(("word/header", "word/footer"))]

    # --- styles -------------------------------------------------------------------------------------------------
    def _chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            yield style
            based = style.find("w:basedOn", NS)
            style_id = based.get(q("val")) if based is not None else None

    def _style_value(self, style_id: str | None, path: str) -> str | None:
        for style in self._chain(style_id):
            found = style.find(path, NS)
            if found is not None:
                return found.get(q("fill")) if path.endswith("shd") else found.get(q("val"))
        return None

    def outline_level(self, paragraph) -> int | None:
        """1-based heading level of a paragraph (direct outline level, else its style's, else Heading N)."""
        own = paragraph.find("w:pPr/w:outlineLvl", NS)
        if own is not None:
            return int(own.get(q("val"))) + 1
        style = paragraph.find("w:pPr/w:pStyle", NS)
        for item in self._chain(style.get(q("val")) if style is not None else "Normal"):
            level = item.find("w:pPr/w:outlineLvl", NS)
            if level is not None:
                return int(level.get(q("val"))) + 1
            name = item.find("w:name", NS).get(q("val")).lower()
            if name.startswith("heading ") and name[8:].isdigit():
                return int(name[8:])
        return None

    def colours(self, paragraph, run) -> tuple[str, str]:
        """A run's effective text colour and background (hex), through run, styles, paragraph and cell."""
        p_style = paragraph.find("w:pPr/w:pStyle", NS)
        p_style = p_style.get(q("val")) if p_style is not None else "Normal"
        r_style = run.find("w:rPr/w:rStyle", NS)
        r_style = r_style.get(q("val")) if r_style is not None else None
        own = run.find("w:rPr/w:color", NS)
        colour = (own.get(q("val")) if own is not None else None) or self._style_value(r_style, "w:rPr/w:color") \
            or self._style_value(p_style, "w:rPr/w:color") or "000000"
        shading = [run.find("w:rPr/w:shd", NS)]
        background = next((s.get(q("fill")) for s in shading if s is not None), None) \
            or self._style_value(r_style, "w:rPr/w:shd") or self._shade_of(paragraph) \
            or self._style_value(p_style, "w:pPr/w:shd") or self._cell_fill(paragraph) or "FFFFFF"
        return ("000000" if colour == "auto" else colour), ("FFFFFF" if background == "auto" else background)

    @staticmethod
    def _shade_of(paragraph) -> str | None:
        shd = paragraph.find("w:pPr/w:shd", NS)
        return shd.get(q("fill")) if shd is not None else None

    @staticmethod
    def _cell_fill(paragraph) -> str | None:
        cell = next((a for a in paragraph.iterancestors(q("tc"))), None)
        shd = cell.find("w:tcPr/w:shd", NS) if cell is not None else None
        return shd.get(q("fill")) if shd is not None else None


def luminance(hex_colour: str) -> float:
    """WCAG relative luminance of an sRGB colour."""
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio (1 to 21)."""
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
