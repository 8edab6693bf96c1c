"""Make the README's screenshots: `python -m tools.screenshots.base OUTDIR`.

Runs offscreen on a throwaway database and data folder (never the user's), so it works in CI and on a
server. Saves, at 1280x800: the first-run state, the dashboard with several assessments, and every page of
the assessment editor (front matter, steps 1–6, approval) showing the example assessment.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Callable

SIZE = (1280, 800)
EXAMPLE = "examples/day-case-unit.json"

# (title, organisation, lead, status, steps of answers copied from the example, review date)
OTHERS = [
    ("Community phlebotomy service redesign", "Leicestershire Partnership NHS Trust", "Sam Okafor",
     "in_review", 4, dt.date(2026, 9, 30)),
    ("Bariatric surgery referral pathway", "University Hospitals of Leicester NHS Trust", "Jo Bloggs",
     "approved", 6, dt.date(2027, 1, 31)),
    ("Interpreting and translation policy", "NHS Leicester, Leicestershire and Rutland ICB", "Priya Sharma",
     "changes_requested", 5, None),
    ("Primary care estates plan 2026/27", "NHS Leicester, Leicestershire and Rutland ICB", "Tom Hughes",
     "ready_for_committee", 6, dt.date(2026, 12, 1)),
    ("Liaison and diversion service recommissioning", "NHS England — Midlands", "Grace Adeyemi",
     "draft", 1, None),
]


def _isolate() -> Path:
    """Point Qt at the offscreen platform and the app at a temporary data folder, before either starts."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    data = Path(tempfile.mkdtemp(prefix="idmf-screenshots-"))
    os.environ["IDMF_DATA_DIR"] = str(data)
    os.environ["IDMF_DATABASE_URL"] = f"sqlite:///{data / 'idmf.sqlite3'}"
    os.environ["IDMF_KEY_STORE"] = "file"  # throwaway keys stay in the throwaway folder, never the user's keyring
    return data


def _example(context):
    """The example assessment: imported from resources/, or built here when that file is not there."""
    from idmf.interchange.jsonio import InterchangeError
    from idmf.paths import resources_dir

    path = resources_dir() / EXAMPLE
    if path.is_file():
        try:
            return context.assessments.import_json(path.read_text(encoding="utf-8"))
        except InterchangeError as exc:
            print(f"warning: {path} does not fit the installed form, so a smaller example is used: {exc}",
                  file=sys.stderr)
    item = context.assessments.create("Day case unit at Hinckley Community Hospital")
    for qid, value in (("organisation", "NHS Leicester, Leicestershire and Rutland ICB"), ("lead", "Amira Patel")):
        context.assessments.set_answer(item, qid, value)
    return item


def _add_other(context, example, spec) -> int:
    """Another assessment for the dashboard, with the example's answers for its first few steps."""
    from idmf.domain.assessment import Status

    title, organisation, lead, status, steps, review = spec
    form = context.assessments.form_for(example)
    item = context.assessments.create(title)
    for section in form.sections:
        if section.step is not None and section.step <= steps:
            for question in section.all_questions():
                if question.id in example.answers:
                    context.assessments.set_answer(item, question.id, example.answers[question.id])
    for qid, value in (("organisation", organisation), ("lead", lead)):
        context.assessments.set_answer(item, qid, value)
    row_version = context.store.assessments.get(item.id).row_version
    context.store.assessments.update_meta(item.id, row_version, status=Status(status), review_date=review)
    return item.id


def _save(window, out: Path, name: str, size=SIZE) -> None:
    """Save a window at `size`: (width, height), "natural" (its own size hint) or "opened" (as it opened)."""
    from PySide6.QtWidgets import QApplication

    if size in ("natural", "opened"):
        window.show()
        QApplication.processEvents()
    if size == "natural":  # not adjustSize: it caps windows at two thirds of the small offscreen screen
        window.resize(window.sizeHint().expandedTo(window.minimumSize()))
    elif size != "opened":
        window.resize(*size)
    # Twice: layouts settle in one pass, then text that depends on the final width re-wraps in the next.
    QApplication.processEvents()
    QApplication.processEvents()
    path = out / f"{name}.png"
    if not window.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path, flush=True)


def _editor_pages(window, context, example_id: int, out: Path, first: int) -> None:
    window.open_assessment(example_id)
    form = context.assessments.form_for(window.editor.assessment)
    for n, section in enumerate(form.sections, start=first):
        window.editor.go_to(section.id)
        _save(window, out, f"{n:02d}-editor-{section.id.replace('_', '-')}")


def make_screenshots(out: Path) -> None:
    """Build the data and save every screenshot into `out`."""
    from PySide6.QtWidgets import QApplication

    from idmf.services.context import open_app
    from idmf.ui.app import create_application
    from idmf.ui.main_window import MainWindow

    app = create_application([sys.argv[0]])
    app.setStyle("Fusion")  # the same look whichever machine makes them
    context = open_app()
    try:
        first_run = MainWindow(context)
        _save(first_run, out, "01-first-run")
        first_run.close()
        example = _example(context)
        others = [_add_other(context, example, spec) for spec in OTHERS]
        context.store.assessments.duplicate_as_new_version(others[1])  # shows a "version 2" row
        window = MainWindow(context)
        window.dashboard.select_id(example.id)
        _save(window, out, "02-dashboard")
        _editor_pages(window, context, example.id, out, first=3)
        window.close()
        QApplication.processEvents()
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: one argument, the folder to write the PNG files into."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m tools.screenshots.base OUTDIR", file=sys.stderr)
        return 2
    return run_isolated(make_screenshots, Path(args[0]))


def run_isolated(make: Callable[..., None], out: Path, *extra) -> int:
    """Call make(out, *extra) on a throwaway data folder (removed afterwards); 0 when done."""
    out.mkdir(parents=True, exist_ok=True)
    data = _isolate()
    try:
        make(out, *extra)
    finally:
        shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
