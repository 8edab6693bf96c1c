"""Make the review screenshots: `python -m tools.screenshots.review OUTDIR`.

Like tools.screenshots.base (whose helpers it uses): offscreen, 1280x800, on a throwaway database holding the
example assessment. Saves the readiness checklist, the comments pane, the version comparison and the
dashboard's "Needs you" bar.
"""

from __future__ import annotations

import sys
from pathlib import Path

COMMENTS = (  # (anchor, author, role, text, reply, resolved)
    ("summary", "Priya Sharma", "reviewer", "Please say which clinics move and which stay in Leicester.",
     ("Amira Patel", "Added: pre-op assessment and follow-up clinics move; surgery stays at the LRI."), False),
    ("pc_age", "Priya Sharma", "reviewer", "Is there local data on how many older patients do not drive?",
     None, False),
    ("step:impact", "Priya Sharma", "reviewer", "Good narratives. Link the census tables to each rating.",
     ("Amira Patel", "Done for age, disability and race; the others next week."), True),
)
EDITS = {  # the second version's edits, for the comparison: (old words, new words) in an answer
    "summary": (("around 5,200", "around 5,600"), ("closer to home.", "closer to home from April 2027.")),
    "pc_age": (("and morning slots.", "morning slots and a volunteer driver scheme."),),
}


def _add_comments(context, assessment_id: int) -> None:
    for anchor, author, role, body, answer, resolved in COMMENTS:
        comment = context.comments.add(assessment_id, anchor, body, author, role)
        if answer:
            context.comments.reply(assessment_id, comment.id, answer[1], answer[0], "lead")
        if resolved:
            context.comments.set_resolved(assessment_id, comment.id, True, "Amira Patel")


def _checklist(window, out: Path, example_id: int) -> None:
    from PySide6.QtWidgets import QApplication
    from idmf.ui.review.checklist import ChecklistPanel
    from tools.screenshots.base import _save

    window.open_assessment(example_id)
    editor = window.editor
    panel = editor.findChild(ChecklistPanel)
    editor.side_tabs.setCurrentWidget(panel)
    chosen = panel.tree.topLevelItem(0).child(0)  # the first thing to fix
    panel.tree.setCurrentItem(chosen)
    panel.go_button.click()  # take me there
    QApplication.processEvents()
    panel.tree.scrollToTop()
    _save(window, out, "13-review-checklist")


def _comments(window, out: Path) -> None:
    from idmf.ui.review.comments import CommentsPane
    from tools.screenshots.base import _save

    editor = window.editor
    editor.go_to("aims")
    pane = editor.findChild(CommentsPane)
    editor.side_tabs.setCurrentWidget(pane)
    pane.set_anchor("summary")
    pane.name_edit.setText("Amira Patel")
    pane.tree.setCurrentItem(pane.tree.topLevelItem(0))
    _save(window, out, "14-review-comments")


def _diff(context, out: Path, example) -> None:
    from idmf.ui.review.diff_dialog import CompareDialog
    from tools.screenshots.base import _save

    copy = context.store.assessments.duplicate_as_new_version(example.id)
    for qid, edits in EDITS.items():
        value = copy.answers[qid]
        text = value if isinstance(value, str) else value.narrative
        for before, after in edits:
            text = text.replace(before, after)
        new = text if isinstance(value, str) else {**value.model_dump(mode="json"), "narrative": text}
        context.assessments.set_answer(copy, qid, new)
    dialog = CompareDialog(context, context.store.assessments.versions(example.uid), copy.id)
    dialog.show()
    _save(dialog, out, "15-version-diff")
    dialog.close()


def make_screenshots(out: Path) -> None:
    """Build the data and save the review screenshots into `out`."""
    from PySide6.QtWidgets import QApplication

    from idmf.services.context import open_app
    from idmf.ui.app import create_application
    from idmf.ui.main_window import MainWindow
    from tools.screenshots.base import OTHERS, _add_other, _example, _save

    app = create_application([sys.argv[0]])
    app.setStyle("Fusion")
    context = open_app()
    try:
        example = _example(context)
        _add_comments(context, example.id)
        for spec in OTHERS:
            _add_other(context, example, spec)
        window = MainWindow(context)
        window.dashboard.select_id(example.id)
        _save(window, out, "16-dashboard-needs-you")
        _checklist(window, out, example.id)
        _comments(window, out)
        window.show_dashboard()
        _diff(context, out, context.store.assessments.get(example.id))
        window.close()
        QApplication.processEvents()
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: one argument, the folder to write the PNG files into."""
    from tools.screenshots.base import run_isolated

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m tools.screenshots.review OUTDIR", file=sys.stderr)
        return 2
    return run_isolated(make_screenshots, Path(args[0]))


if __name__ == "__main__":
    sys.exit(main())
