"""Make the Word-in screenshots: `python -m tools.screenshots.word_in OUTDIR [--laptop]`.

Offscreen, on a throwaway database holding the example assessment: its Word export edited and commented the
way a reviewer does in Word (python-docx), then the review dialog listing the edits, the imported comments
beside their questions, and a Part B filled in Word without the app with its "Not placed on import" note.
`--laptop` takes them on a 1280×720 screen at 125 % with a 14 pt font, each window at the size it opens at.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

WHEN = dt.datetime(2026, 11, 27, 14, 5, tzinfo=dt.timezone.utc)


def _edit_in_word(path: Path) -> None:
    """A reviewer's pass in Word: an answer reworded, a paragraph added, the option ticked, two comments."""
    import docx
    from docx.oxml.ns import qn

    doc = docx.Document(str(path))
    for paragraph in doc.paragraphs:
        if paragraph.text.startswith("Moving pre-operative") or "around 5,200" in paragraph.text:
            paragraph.runs[0].text = paragraph.text.replace("around 5,200", "around 5,600")
            for run in paragraph.runs[1:]:
                run.text = ""
            made = doc.add_comment(paragraph.runs[0], "Where does 5,600 come from? Please cite the activity data.",
                                   author="Priya Sharma", initials="PS")
            made._comment_elm.set(qn("w:date"), WHEN.strftime("%Y-%m-%dT%H:%M:%SZ"))
            break
    for paragraph in doc.paragraphs:
        if paragraph.style.name == "IDMF Answer" and "older" in paragraph.text.lower():
            paragraph.insert_paragraph_before("Volunteer drivers from Hinckley Community Transport will be "
                                              "offered to every patient over 75.", style=paragraph.style)
            break
    for table in doc.tables:
        cells = [row.cells for row in table.rows]
        if cells and cells[0][0].text == "Options":
            for row in cells[1:]:
                row[1].paragraphs[0].runs[0].text = "☒" if row is cells[2] else "☐"
    heading = next(p for p in doc.paragraphs if p.text.startswith("4. Equality Impact Assessment"))
    made = doc.add_comment(heading.runs, "Link the census tables to each rating before committee.",
                           author="Tom Reid", initials="TR")
    made._comment_elm.set(qn("w:date"), WHEN.strftime("%Y-%m-%dT%H:%M:%SZ"))
    doc.save(str(path))


def _handfilled(path: Path) -> None:
    """A Part B started in Word before the app: labelled lines, an answer, and notes the template lacks."""
    import docx

    doc = docx.Document()
    doc.add_paragraph("Title of Service / Policy / Business Plan: Community podiatry hub in Loughborough")
    doc.add_paragraph("Assessment Lead Contact: Grace Okafor")
    doc.add_heading("1. Aims", 1)
    doc.add_paragraph().add_run("Summary information of the service / policy / business plan being assessed").bold = True
    doc.add_paragraph("Three village-hall clinics move to one hub with evening appointments.")
    doc.add_heading("Notes from the patient forum", 1)
    doc.add_paragraph("Forum on 12/01/2026: 14 patients attended; most asked about parking and buses.")
    doc.save(str(path))


def _comments_of(window, assessment_id: int) -> None:
    """Open an assessment at Step 1 with the comments pane showing its first thread."""
    from idmf.ui.review.comments import CommentsPane

    window.open_assessment(assessment_id)
    editor = window.editor
    editor.go_to("aims")
    pane = editor.findChild(CommentsPane)
    editor.side_tabs.setCurrentWidget(pane)
    pane.tree.setCurrentItem(pane.tree.topLevelItem(0))


def make_screenshots(out: Path) -> None:
    """Build the data and save the Word-in screenshots into `out`."""
    import tempfile

    from PySide6.QtWidgets import QApplication

    from idmf.services.context import open_app
    from idmf.ui.app import create_application
    from idmf.ui.main_window import MainWindow
    from idmf.ui.review.word_edits_dialog import WordEditsDialog
    from tools.screenshots.base import SIZE, _example, _save

    app = create_application([sys.argv[0]])
    app.setStyle("Fusion")
    laptop = bool(os.environ.get("IDMF_SCREENSHOT_FONT_PT"))
    if laptop:  # checking the layout with a larger font
        font = app.font()
        font.setPointSizeF(float(os.environ["IDMF_SCREENSHOT_FONT_PT"]))
        app.setFont(font)
    size = "opened" if laptop else SIZE
    context = open_app()
    folder = Path(tempfile.mkdtemp(prefix="idmf-word-in-"))
    try:
        example = _example(context)
        edited = folder / "Day case unit - reviewed in Word.docx"
        context.documents.export(example.id, "docx", edited)
        _edit_in_word(edited)
        reading = context.word_in.read(edited)
        dialog = WordEditsDialog(reading, edited.name)
        _save(dialog, out, "22-word-edits-review", size="opened")
        dialog.close()
        dialog.deleteLater()
        QApplication.processEvents()
        context.word_in.bring_in(edited, accept_edits=True, reading=reading)
        window = MainWindow(context)
        _comments_of(window, example.id)
        _save(window, out, "23-word-comments-imported", size)
        started = folder / "Part B started in Word.docx"
        _handfilled(started)
        _comments_of(window, context.word_in.bring_in(started).assessment.id)
        _save(window, out, "24-not-placed-note", size)
        window.close()
        QApplication.processEvents()
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: the folder to write the PNG files into, and --laptop."""
    from tools.screenshots.signing import run_with_laptop_option

    return run_with_laptop_option("tools.screenshots.word_in", make_screenshots, argv)


if __name__ == "__main__":
    sys.exit(main())
