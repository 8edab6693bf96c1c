"""An accessible Word file (public-sector documents must be): checked on the document's XML, for the approved
example, an empty draft (every "Not answered" and DRAFT marking) and a draft printed with the app's guidance.

Rules: language en-GB; a document title; headings in order without skipped levels; no empty paragraphs used
as spacing; every table with a repeated heading row and a title and description; reading order equal to
visual order (nothing floats); coloured text at a contrast of at least 4.5:1."""

from __future__ import annotations

import pytest

from idmf.domain import Assessment, Status
from tests.export.accessibility import NS, DocxXml, contrast, q
from tests.export.conftest import MOMENT


@pytest.fixture(params=["approved example", "empty draft", "draft with guidance"])
def docx(request, example, form, tmp_path) -> tuple[DocxXml, Assessment]:
    from idmf.export import export_docx

    if request.param == "approved example":
        item, guidance = example, False
    else:
        item, guidance = Assessment.new(form, "Draft proposal"), request.param == "draft with guidance"
        item.status = Status.IN_REVIEW
    path = export_docx(item, form, tmp_path / "a11y.docx", exported_at=MOMENT, guidance=guidance)
    return DocxXml(path), item


def test_the_language_is_british_english(docx):
    xml, _ = docx
    styles = xml.parts["word/styles.xml"]
    default = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert default is not None and default.get(q("val")) == "en-GB"
    for root in xml.parts.values():
        for lang in root.iter(q("lang")):
            assert lang.get(q("val"), "en-GB") == "en-GB"
    assert xml.parts["docProps/core.xml"].find("dc:language", NS).text == "en-GB"
    theme = xml.parts["word/settings.xml"].find("w:themeFontLang", NS)
    assert theme is None or theme.get(q("val")) == "en-GB"


def test_the_document_has_a_title(docx):
    xml, item = docx
    assert xml.parts["docProps/core.xml"].find("dc:title", NS).text == item.title


def test_headings_start_at_one_and_never_skip_a_level(docx):
    xml, _ = docx
    levels = [(xml.outline_level(p), "".join(p.itertext())) for p in xml.document.iter(q("p"))]
    levels = [(level, text) for level, text in levels if level is not None]
    assert len(levels) > 40 and levels[0][0] == 1
    for (before, _), (level, text) in zip(levels, levels[1:]):
        assert level <= before + 1, f"'{text}' jumps from level {before} to {level}"
        assert text.strip(), "an empty heading"


def test_no_empty_paragraphs_are_used_for_spacing(docx):
    xml, _ = docx
    body = xml.document.find("w:body", NS)
    for paragraph in body.iter(q("p")):
        if "".join(paragraph.itertext()).strip() or paragraph.find(".//w:drawing", NS) is not None:
            continue
        cell = paragraph.getparent()
        assert cell.tag == q("tc") and len(cell.findall("w:p", NS)) == 1, \
            "an empty paragraph outside a table cell (or beside text in one)"  # Word needs one in an empty cell


def test_every_table_has_a_repeated_heading_row_and_alt_text(docx):
    xml, _ = docx
    tables = list(xml.document.iter(q("tbl")))
    assert len(tables) >= 3
    for table in tables:
        rows = table.findall("w:tr", NS)
        headers = [row.find("w:trPr/w:tblHeader", NS) is not None for row in rows]
        assert headers[0], "the first row is not marked as the heading row"
        assert headers == sorted(headers, reverse=True), "heading rows must be the first rows"
        for name in ("tblCaption", "tblDescription"):
            element = table.find(f"w:tblPr/w:{name}", NS)
            assert element is not None and element.get(q("val")).strip(), f"table without {name}"


def test_reading_order_is_the_visual_order(docx):
    xml, _ = docx
    body = xml.document.find("w:body", NS)
    for floating in ("w:tblPr/w:tblpPr", "w:pPr/w:framePr", "wp:anchor", "w:txbxContent"):
        assert body.find(f".//{floating}", NS) is None, f"{floating} takes text out of reading order"


def test_coloured_text_has_enough_contrast(docx):
    xml, _ = docx
    checked = 0
    for root in xml.story_parts():
        for paragraph in root.iter(q("p")):
            for run in paragraph.iter(q("r")):
                if not "".join(t.text or "" for t in run.iter(q("t"))).strip():
                    continue
                foreground, background = xml.colours(paragraph, run)
                checked += foreground != "000000"
                assert contrast(foreground, background) >= 4.5, (
                    "".join(run.itertext()), foreground, background)
    assert checked > 10  # headings, help, markers, DRAFT, links


def test_markers_and_draft_wording_are_the_coloured_text_checked(form, tmp_path):
    from idmf.export import export_docx

    item = Assessment.new(form, "Draft")
    xml = DocxXml(export_docx(item, form, tmp_path / "d.docx", exported_at=MOMENT))
    coloured = set()
    for root in xml.story_parts():
        for paragraph in root.iter(q("p")):
            for run in paragraph.iter(q("r")):
                text = "".join(t.text or "" for t in run.iter(q("t")))
                if xml.colours(paragraph, run)[0] != "000000":
                    coloured.add(text)
    assert {"Not answered", "DRAFT"} <= coloured
    assert any(text.startswith("DRAFT – NOT APPROVED") for text in coloured)
