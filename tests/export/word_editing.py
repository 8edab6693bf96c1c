"""Edit an exported Word file the way a reviewer does in Word, with python-docx: find a paragraph by its words,
rewrite or delete text, add paragraphs and table rows, move a tick, make tracked changes, add comments."""

from __future__ import annotations

import datetime as dt

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from idmf.domain.questions import AIMS, DUTY_DISCRIMINATION, ENGAGE_HOW, SUMMARY

W_P = qn("w:p")
DRIVERS = "drivers"


def paragraphs(doc) -> list[Paragraph]:
    """Every paragraph of the body, table cells included, in reading order."""
    return [Paragraph(p, doc._body) for p in doc.element.body.iter(W_P)]


def find(doc, starts: str, last: bool = False) -> Paragraph:
    """The first (or last) paragraph whose text starts with `starts`."""
    for paragraph in reversed(paragraphs(doc)) if last else paragraphs(doc):
        if paragraph.text.startswith(starts):
            return paragraph
    raise AssertionError(f"no paragraph starts with {starts!r}")


def rewrite(paragraph: Paragraph, text: str) -> None:
    """Replace a paragraph's words, keeping its first run (and its formatting)."""
    runs = paragraph.runs
    runs[0].text = text
    for run in runs[1:]:
        run._r.getparent().remove(run._r)


def next_paragraph(doc, paragraph: Paragraph) -> Paragraph:
    """The paragraph that follows one in the body."""
    found = paragraphs(doc)
    return found[[p._p for p in found].index(paragraph._p) + 1]


def tick_row(table, row: int, column: int, checked: bool) -> None:
    """Set one tick cell to ☒ or ☐."""
    cell = table.rows[row].cells[column]
    cell.paragraphs[0].runs[0].text = "☒" if checked else "☐"


def table_with(doc, text: str, last: bool = False):
    """The first (or last) table whose cells hold a paragraph starting with `text`."""
    for table in reversed(doc.tables) if last else doc.tables:
        if any(p.text.startswith(text) for row in table.rows for c in row.cells for p in c.paragraphs):
            return table
    raise AssertionError(f"no table holds {text!r}")


def tracked_replace(paragraph: Paragraph, new_text: str, author: str = "Priya Shah") -> None:
    """Word's tracked change: the old words inside w:del, the new ones inside w:ins, both by `author`."""
    stamp = "2026-11-29T10:00:00Z"
    deleted, inserted = OxmlElement("w:del"), OxmlElement("w:ins")
    for element, ident in ((deleted, "901"), (inserted, "902")):
        element.set(qn("w:id"), ident)
        element.set(qn("w:author"), author)
        element.set(qn("w:date"), stamp)
    for run in paragraph.runs:
        run._r.addprevious(deleted)
        deleted.append(run._r)
        for t in run._r.findall(qn("w:t")):
            t.tag = qn("w:delText")
    new = paragraph.add_run(new_text)._r
    deleted.addnext(inserted)
    inserted.append(new)


def comment(doc, paragraph: Paragraph, text: str, author: str, when: dt.datetime):
    """A Word comment on a paragraph's runs (python-docx's comment API), dated `when`."""
    made = doc.add_comment(paragraph.runs, text=text, author=author, initials=author[:1])
    made._comment_elm.set(qn("w:date"), when.strftime("%Y-%m-%dT%H:%M:%SZ"))
    return made


def answer(doc, question_id: str):
    """The paragraph holding tests.factories' answer to a question ("Answer 8 to summary: …")."""
    for paragraph in doc.paragraphs:
        if f" to {question_id}: " in paragraph.text:
            return paragraph
    raise AssertionError(question_id)


def edit_everything(path, form):
    """The six kinds of edit a reviewer makes in Word, saved back into the file."""
    doc = docx.Document(str(path))
    rewrite(answer(doc, SUMMARY), "Day case unit moves to the Hinckley site from April.")  # changed paragraph
    aims = answer(doc, AIMS)
    next_paragraph(doc, aims).insert_paragraph_before("Shorter waits for day surgery.", style=aims.style)  # added
    rewrite(answer(doc, DRIVERS), "Answer 16 to drivers")  # text deleted
    tracked_replace(answer(doc, ENGAGE_HOW), "Drop-in sessions in the outpatients hall.")  # tracked change
    plan = table_with(doc, "Translate the patient letter", last=True)  # Step 6's plan, after Step 3's findings
    rewrite(plan.rows[1].cells[1].paragraphs[0], "Dr Amira Patel")  # table cell
    options = table_with(doc, "Accept the proposal")
    for row in range(1, 5):
        tick_row(options, row, 1, row == 4)  # tick moved to option 4
    duties = table_with(doc, form.question(DUTY_DISCRIMINATION).heading)
    duty = form.question(DUTY_DISCRIMINATION).heading
    row = next(n for n, r in enumerate(duties.rows) if r.cells[0].text.startswith(duty))
    was_yes = duties.rows[row].cells[1].text == "☒"
    tick_row(duties, row, 1, not was_yes)
    tick_row(duties, row, 2, was_yes)
    ticks = table_with(doc, "Positive impact")  # Age comes first in Step 4
    tick_row(ticks, 1, 2, True)
    doc.save(str(path))
    return "no" if was_yes else "yes"


def thread_replies(path, replies: dict[int, int]) -> None:
    """Make Word comments replies, as Word keeps threads (word/commentsExtended.xml): {reply id: parent id}."""
    import re
    import zipfile

    w14 = "http://schemas.microsoft.com/office/word/2010/wordml"
    w15 = "http://schemas.microsoft.com/office/word/2012/wordml"
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    comments = parts["word/comments.xml"].decode()
    if "xmlns:w14=" not in comments:
        comments = comments.replace("<w:comments ", f"<w:comments xmlns:w14=\"{w14}\" ", 1)
    for ident in {*replies, *replies.values()}:  # each comment's paragraph gets a paraId: 0000000N
        comments = re.sub(rf'(<w:comment [^>]*w:id="{ident}"[^>]*>\s*<w:p)', rf'\1 w14:paraId="0000000{ident}"',
                          comments, count=1)
    parts["word/comments.xml"] = comments.encode()
    entries = "".join(f'<w15:commentEx w15:paraId="0000000{r}" w15:paraIdParent="0000000{p}" w15:done="0"/>'
                      for r, p in replies.items())
    parts["word/commentsExtended.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><w15:commentsEx xmlns:w15="{w15}">'
                                          f'{entries}</w15:commentsEx>').encode()
    rels = parts["word/_rels/document.xml.rels"].decode().replace(
        "</Relationships>", '<Relationship Id="rIdX15" Type="http://schemas.microsoft.com/office/2011/relationships/'
        'commentsExtended" Target="commentsExtended.xml"/></Relationships>')
    parts["word/_rels/document.xml.rels"] = rels.encode()
    types = parts["[Content_Types].xml"].decode().replace(
        "</Types>", '<Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.commentsExtended+xml"/></Types>')
    parts["[Content_Types].xml"] = types.encode()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
