"""The main window's Review menu: workflow steps, sign-off, review files, version comparison and history.

Every step acts on the main window's current assessment (the open one, else the one selected on the
dashboard), asks who is acting and why, and calls the review services. The views follow the change
notices they publish (the open editor turns read-only once signed off); after Revise the new version opens.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu

from idmf.errors import IdmfError
from idmf.review.workflow import COMMENT, Action, Role, allowed_actions, why_not
from idmf.ui.review.dialogs import HistoryDialog, ask_approval, ask_transition, tell
from idmf.ui.review.diff_dialog import CompareDialog
from idmf.ui.signing.trusted import ensure_identity
from idmf.ui.tasks import describe_error

# (menu text, action, role) in the order of the workflow.
STEPS = (
    ("Submit for &EDI review…", Action.SUBMIT_FOR_REVIEW, Role.LEAD),
    ("&Request changes…", Action.REQUEST_CHANGES, Role.REVIEWER),
    ("Ready for &committee…", Action.SUBMIT_FOR_COMMITTEE, Role.REVIEWER),
    ("Send &back for changes…", Action.SEND_BACK, Role.COMMITTEE),
    ("&Withdraw to draft…", Action.WITHDRAW, Role.LEAD),
)
VERDICT_OF = {Action.REQUEST_CHANGES: "changes_requested", Action.SUBMIT_FOR_COMMITTEE: "assured"}
FILE_FILTER = "IDMF review files (*.idmf)"


def blocking_text(report, form) -> str:
    """The refusal shown when the check finds blocking items: every item, with its step as the step list names it."""
    titles = {s.id: s.display_title for s in form.sections}
    lines = [f"• {titles.get(f.step, f.step)}: {f.message}" for f in report.blocking]
    return (f"This assessment cannot go to committee yet: {len(lines)} item{'s' if len(lines) != 1 else ''} "
            "must be fixed first. The Checklist tab beside the assessment takes you to each one.\n\n"
            + "\n".join(lines))


class ReviewMenu(QObject):
    """Owns the Review menu's actions and carries them out for a MainWindow."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("review_menu")
        self.window = window
        self.context = window.context
        self.menu = QMenu("&Review", window)
        self.actions: dict[str, QAction] = {}
        for text, action, role in STEPS:
            self._add(action.value, text, lambda _=False, a=action, r=role: self.take_step(a, r))
        self._add("approve", "&Approve (committee sign-off)…", self.approve)
        self._add("revise", "Re&vise (start a new version)…", lambda: self.take_step(Action.REVISE, Role.LEAD))
        self.menu.addSeparator()
        self._add("export", "E&xport review file…", self.export_review_file)
        self._add("import", "&Import review file…", self.import_review_file)
        self.menu.addSeparator()
        self._add("compare", "Com&pare versions…", self.compare_versions)
        self._add("history", "&History…", self.show_history)
        self.menu.aboutToShow.connect(self.update_actions)
        self.last_dialog = None  # the Compare or History dialog on show

    def _add(self, key: str, text: str, slot) -> None:
        action = QAction(text, self.window)
        action.triggered.connect(slot)
        self.actions[key] = action
        self.menu.addAction(action)

    def update_actions(self) -> None:
        """Steps need an assessment (the open one or the dashboard's selection); Import always works."""
        has_target = self.window.current_target_id() is not None
        for key, action in self.actions.items():
            action.setEnabled(has_target or key == "import")

    # --- shared steps ---------------------------------------------------------------------------------------
    def _target(self, title: str):
        """The assessment to act on, with pending edits saved first; None (after saying why) when there is none."""
        target = self.window.current_target_id()
        if target is None:
            tell(self.window, title, "Open an assessment, or select one on the dashboard, first.")
            return None
        editor = self.window.editor
        if editor is not None and not editor.flush():
            tell(self.window, title, "Your latest changes are not saved yet. Try again once the status bar says "
                 "“Saved”.", problem=True)
            return None
        return self.context.assessments.get(target)

    def _show_result(self, assessment_id: int, message: str) -> None:
        """Say what happened; a new version (Revise) opens in place of the old one, else views follow by notice."""
        editor = self.window.editor
        if editor is not None and editor.assessment.id != assessment_id:
            self.window.open_assessment(assessment_id)
        self.window.statusBar().showMessage(message, 10_000)

    def _run(self, title: str, work):
        """Run a core call; a refusal is shown in its own words."""
        try:
            return work()
        except (IdmfError, MemoryError) as exc:  # every refusal (a workflow rule, a key not trusted for the role, a refused file) in the CLI's words
            tell(self.window, title, describe_error(exc), problem=True)
        except OSError as exc:
            tell(self.window, title, f"The file could not be read or written ({exc.strerror or exc}). Choose "
                 "another folder and try again.", problem=True)
        return None

    # --- workflow -------------------------------------------------------------------------------------------
    def take_step(self, action: Action, role: Role) -> None:
        """One workflow step, asking who is acting and why; refused in words when not possible now."""
        item = self._target(action.label)
        if item is None:
            return
        if self.context.review.is_review_copy(item.id) and action in VERDICT_OF:
            self._record_verdict(item, action)
            return
        refusal = why_not(item.status, role, action)
        if refusal is None and action == Action.SUBMIT_FOR_COMMITTEE:
            form = self.context.assessments.form_for(item)
            report = self.context.review.check(item.id, dt.date.today())
            refusal = blocking_text(report, form) if report.blocking else None
        if refusal is not None:
            tell(self.window, action.label, refusal, problem=True)
            return
        needs_comment = COMMENT in allowed_actions(item.status, role)[action].when
        if not ensure_identity(self.window, self.context):
            return
        answers = ask_transition(self.window, action.label, f"{action.label}: “{item.title or '(untitled)'}”, "
                                 f"version {item.version_number}, now “{item.status.label}”.", needs_comment,
                                 self.context.signing.my_cards())
        if answers is None:
            return
        result = self._run(action.label, lambda: self.context.review.transition(
            item.id, action, person=answers[0], comment=answers[1], role=role))
        if result is not None:
            new = result.assessment
            self._show_result(new.id, f"{action.label}: version {new.version_number} is now “{new.status.label}”.")

    def _record_verdict(self, item, action: Action) -> None:
        """On a copy received for review the step is the reviewer's verdict, sent back in the reply file."""
        if not ensure_identity(self.window, self.context):
            return
        answers = ask_transition(self.window, action.label, "This is a copy received for review: your verdict is "
                                 "recorded here and goes back to the project lead in your reply file, signed with "
                                 "your key (Review → Export review file).", action == Action.REQUEST_CHANGES,
                                 self.context.signing.my_cards())
        if answers is not None and self._run(action.label, lambda: self.context.review_files.set_verdict(
                item.id, VERDICT_OF[action], answers[0], answers[1]) or True):
            tell(self.window, action.label, "Your verdict is recorded. Export a review file to send it back.")

    def approve(self) -> None:
        """Record the committee's approval and lock the version (it then opens read-only)."""
        item = self._target("Approve")
        if item is None:
            return
        refusal = why_not(item.status, Role.COMMITTEE, Action.APPROVE)
        if refusal is not None:
            tell(self.window, "Approve", refusal, problem=True)
            return
        if not ensure_identity(self.window, self.context):
            return
        details = ask_approval(self.window, item, self.context.signing.my_cards())
        if details is None:
            return
        signed = self._run("Approve", lambda: self.context.review.approve(
            item.id, details.committee, details.meeting_date, details.approver,
            person=details.person, comment=details.comment))
        if signed is not None:
            signer = self.context.signing.card(signed.signer_key or "")
            self._show_result(item.id, f"Approved and locked, signed by {signer.name if signer else details.person}"
                                       f"{f' (key {signer.fingerprint})' if signer else ''}.")

    # --- review files ---------------------------------------------------------------------------------------
    def export_review_file(self) -> None:
        """Save a review request (your own assessment) or a reply (a copy received for review)."""
        item = self._target("Export review file")
        if item is None:
            return
        reply = self.context.review.is_review_copy(item.id)
        slug = re.sub(r"[^A-Za-z0-9]+", "-", item.title).strip("-").lower() or "assessment"
        suggested = str(Path.home() / f"{slug}-v{item.version_number}{'-reply' if reply else ''}.idmf")
        path, _filter = QFileDialog.getSaveFileName(self.window, "Export review file", suggested, FILE_FILTER)
        if not path:
            return
        path = path if path.lower().endswith(".idmf") else f"{path}.idmf"
        if not ensure_identity(self.window, self.context):
            return
        files = self.context.review_files
        write = files.export_reply if reply else files.export_request
        if self._run("Export review file", lambda: write(item.id, Path(path))):
            whom = "the project lead" if reply else "your EDI partner"
            tell(self.window, "Export review file", f"Saved {Path(path).name}. Send it to {whom}; when a reply "
                 "comes back, use Review → Import review file.")

    def import_review_file(self) -> None:
        """Open a review request (to review it) or a reply (its comments merge; your answers stay as they are)."""
        path, _filter = QFileDialog.getOpenFileName(self.window, "Import review file", str(Path.home()), FILE_FILTER)
        if path:
            self.import_review_path(Path(path))

    def import_review_path(self, path: Path) -> None:
        """Import one review file (chosen in the dialog, or double-clicked in Explorer or Finder)."""
        if self.window.editor is not None and not self.window.show_dashboard():
            return
        outcome = self._run("Import review file", lambda: self.context.review_files.import_file(path))
        if outcome is not None:
            tell(self.window, "Import review file", outcome.message)
            self.window.open_assessment(outcome.assessment_id)

    # --- looking back ---------------------------------------------------------------------------------------
    def compare_versions(self) -> None:
        """Show what changed between two versions, question by question."""
        item = self._target("Compare versions")
        if item is None:
            return
        versions = self.context.assessments.versions(item.uid)
        if len(versions) < 2:
            tell(self.window, "Compare versions", "This assessment has only one version, so there is nothing to "
                 "compare yet. Review → Revise starts a new version from a signed-off one.")
            return
        self._open_dialog(CompareDialog(self.context, versions, item.id, self.window))

    def show_history(self) -> None:
        """Show every status change of the current version and whether its audit log is intact."""
        item = self._target("History")
        if item is not None:
            self._open_dialog(HistoryDialog(self.context, item.id, self.window))

    def _open_dialog(self, dialog) -> None:
        self.last_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()


def install_review_menu(window) -> ReviewMenu:
    """Add the Review menu to a MainWindow's menu bar, before Help."""
    review = ReviewMenu(window)
    window.menuBar().insertMenu(window.menus["help"].menuAction(), review.menu)
    window.menus["review"] = review.menu
    return review
