"""Make the links and documents screenshots: `python -m tools.screenshots.evidence OUTDIR [--no-word]`.

Like tools.screenshots.base (whose helpers it uses): offscreen, 1280x800, on a throwaway database holding the
example assessment (as a draft, so its links can be changed). Saves:

    19-step4-links.png           Age in Step 4: Mitigated by, why no mitigation is possible, Evidence
    20-step4-contradictory.png   a lead's first ratings: neutral ticked with negative, said in words
    21-attached-documents.png    Step 2's attached documents (name, size, SHA-256, what links to each)
    22-action-plan-groups.png    Step 6: the groups each action addresses, under the plan
    23-checklist-new.png         a brand-new assessment: the checklist says "not started", not a wall of red
    17-word-impact-links.png, 18-word-appendix.png, 24-word-contradictory.png
                                 Word pages (LibreOffice and poppler): links under Age, the appendix, and
                                 contradictory ticks printed with their note (left out with --no-word)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

MINUTES = ("Readers' Panel, 4 December 2025: notes\n"
           "Present: 9 panel members, Rachel Dunn (patient experience)\n"
           "1. Appointment letters: the panel asked for plain English, 14 pt text and the transport line's number "
           "on the first page.\n2. Translations: Polish, Gujarati and Punjabi, on request at booking.\n")
NEW_TITLE = "Community transport eligibility review"
STARTED_TITLE = "Online-only booking for community transport"
STARTED_ANSWERS = (("pc_age", {"negative": True, "narrative": "Fewer people over 75 can use an app to book."}),
                   ("pc_disability", {"negative": True, "neutral": True, "narrative": "Not sure yet."}))


def _draft_example(context):
    from idmf.paths import resources_dir
    from tools.screenshots.base import EXAMPLE

    text = (resources_dir() / EXAMPLE).read_text(encoding="utf-8")
    return context.assessments.import_json(text.replace('"status": "approved"', '"status": "draft"'))


def _at(window, out: Path, name: str, section: str, widget, side_panel: bool = False) -> None:
    from tools.screenshots.base import _save
    from tools.screenshots.census import _scroll_to

    editor = window.editor
    editor.set_side_panel_visible(side_panel)
    editor.go_to(section)
    window.resize(1280, 800)
    _scroll_to(editor.page(section), widget)
    _save(window, out, name)


def _example_shots(window, context, out: Path) -> None:
    example = _draft_example(context)
    context.evidence.attach(example, "Readers' Panel notes, 4 December 2025.txt", MINUTES.encode("utf-8"))
    window.open_assessment(example.id)
    editor = window.editor
    _at(window, out, "19-step4-links", "impact", editor.page("impact").frames["pc_age"])
    _at(window, out, "21-attached-documents", "evidence", editor.page("evidence").frames["data_sources"])
    _at(window, out, "22-action-plan-groups", "monitoring", editor.page("monitoring").frames["action_plan"])


def _new_assessment_shots(window, context, out: Path) -> None:
    from idmf.ui.review.checklist import ChecklistPanel

    blank = context.assessments.create(NEW_TITLE)
    started = context.assessments.create(STARTED_TITLE)
    for qid, value in STARTED_ANSWERS:
        context.assessments.set_answer(started, qid, value)
    for item, name, section, question in ((blank, "23-checklist-new", "front", "title"),
                                          (started, "20-step4-contradictory", "impact", "pc_disability")):
        window.open_assessment(item.id)
        editor = window.editor
        editor.side_tabs.setCurrentWidget(editor.findChild(ChecklistPanel))
        _at(window, out, name, section, editor.page(section).frames[question], side_panel=True)


def word_pages(out: Path) -> None:
    """The example's Word pages with links and the appendix, and a page printing contradictory ticks."""
    from idmf.domain.assessment import Status
    from idmf.domain.answer_text import CONTRADICTORY
    from idmf.export.links import APPENDIX_TITLE
    from idmf.export.writer import export_docx
    from idmf.forms.loader import FormRegistry
    from tools.export_sample import SAMPLE_MOMENT, convert_to_pdf, find_page, load_example, render_pngs

    forms = FormRegistry()
    item = load_example(forms)
    form = forms.get(item.form_id, item.form_version)
    clash = item.model_copy(update={"status": Status.IN_REVIEW}, deep=True)
    clash.set_answer(form, "pc_sex", {**clash.impact("pc_sex").model_dump(mode="json"), "neutral": True,
                                      "negative": True})
    with tempfile.TemporaryDirectory(prefix="idmf-word-pages-") as work:
        folder = Path(work)
        for assessment, pages in ((item, (("Mitigated by:", "17-word-impact-links"),
                                          (APPENDIX_TITLE.split(":")[0] + ":", "18-word-appendix"))),
                                  (clash, ((CONTRADICTORY, "24-word-contradictory"),))):
            pdf = convert_to_pdf(export_docx(assessment, form, folder / f"{pages[0][1]}.docx",
                                             exported_at=SAMPLE_MOMENT), folder)
            for text, name in pages:
                number = find_page(pdf, text)
                (png,) = render_pngs(pdf, folder, name, dpi=80, first=number, last=number)
                png.replace(out / f"{name}.png")
                print(out / f"{name}.png", flush=True)


def make_screenshots(out: Path, word: bool = True) -> None:
    """Build the data and save the links and documents screenshots into `out`."""
    from PySide6.QtWidgets import QApplication

    from idmf.services.context import open_app
    from idmf.ui.app import create_application
    from idmf.ui.main_window import MainWindow

    app = create_application([sys.argv[0]])
    app.setStyle("Fusion")
    context = open_app()
    try:
        window = MainWindow(context)
        window.resize(1280, 800)
        window.show()  # panels added after the window was built are laid out, so scrolling lands right
        _example_shots(window, context, out)
        _new_assessment_shots(window, context, out)
        window.close()
        QApplication.processEvents()
    finally:
        context.close()
    if word:
        word_pages(out)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: the folder to write the PNG files into, and --no-word to skip Word pages."""
    from tools.screenshots.base import run_isolated

    args = sys.argv[1:] if argv is None else argv
    folders = [a for a in args if a != "--no-word"]
    if len(folders) != 1:
        print("usage: python -m tools.screenshots.evidence OUTDIR [--no-word]", file=sys.stderr)
        return 2
    return run_isolated(make_screenshots, Path(folders[0]), "--no-word" not in args)


if __name__ == "__main__":
    sys.exit(main())
