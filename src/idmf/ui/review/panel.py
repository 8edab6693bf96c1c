"""Adds the review side tabs to the editor: the readiness checklist and the comments pane.

Listed in idmf.ui.panels. The check runs on every stored change (sig_assessment_changed);
it takes about 4 ms on the realistic example assessment, so it runs at once, without a debounce timer.
"""

from __future__ import annotations

import logging

from idmf.ui.editor.host import EditorHost
from idmf.ui.review.checklist import ChecklistPanel, run_check, signed_off_on
from idmf.ui.review.comments import CommentsPane

log = logging.getLogger(__name__)
SIDE_PANEL_CHARS = 52  # the side panel's width in average characters of the font: it scales, the page keeps the rest


def _go_to(editor: EditorHost, section_id: str, question_id: str | None) -> None:
    """Take me there; a question hidden by a condition or no longer in the form falls back to its step."""
    try:
        editor.go_to(section_id, question_id)
    except KeyError:
        log.info("Checklist item points to %s/%s, which the page does not show", section_id, question_id)
        editor.go_to(section_id)


def refresh_checklist(editor: EditorHost, checklist: ChecklistPanel) -> None:
    """Run the check again and show it in the checklist and the step list's counts."""
    report = run_check(editor)
    checklist.show_report(report, signed_off_on(editor.assessment))
    editor.set_step_badges({step: count.blocking for step, count in report.counts().items()})


def attach(editor: EditorHost) -> None:
    """Add the Checklist and Comments tabs to an assessment editor."""
    titles = {section.id: section.display_title for section in editor.form.sections}
    checklist = ChecklistPanel(lambda step, qid: _go_to(editor, step, qid), titles)
    editor.add_side_tab(checklist, "Checklist", width_chars=SIDE_PANEL_CHARS)
    editor.add_side_tab(CommentsPane(editor), "Comments")
    editor.sig_assessment_changed.connect(lambda: refresh_checklist(editor, checklist))
    refresh_checklist(editor, checklist)
