"""The main window: the dashboard and the assessment editor in one stack, menus, save status and settings."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QByteArray, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox, QStackedWidget, QWidget

from idmf.paths import data_dir
from idmf.ui import messages
from idmf.domain.summary import AssessmentSummary
from idmf.ui.dashboard import DashboardPage, actions
from idmf.ui.editor.host import EditorProtocol
from idmf.ui.panels import DEFAULT_PANELS, import_panels_while_idle
from idmf.ui.tasks import describe_error

if TYPE_CHECKING:
    from idmf.services.context import AppContext

log = logging.getLogger(__name__)

APP_TITLE = "IDMF Desktop"
SETTINGS_FILE = "settings.ini"
DEFAULT_SIZE = (1280, 800)
KEY_GEOMETRY, KEY_ASSESSMENT, KEY_SECTION = "window/geometry", "last/assessment_id", "last/section_id"
KEY_SIDE_PANEL = "view/side_panel"
# Writing settings.ini is a file write (about 10 ms): done after a step change settles, not inside it.
REMEMBER_DELAY_MS = 500

# (context, assessment_id, parent) -> an editor widget that implements EditorProtocol (see idmf.ui.editor).
EditorFactory = Callable[["AppContext", int, QWidget], QWidget]


IMPORT_PANELS_AFTER_MS = 1000


def open_settings() -> QSettings:
    """The app's settings, an ini file in the data folder (so IDMF_DATA_DIR moves them too, as tests need)."""
    return QSettings(str(data_dir() / SETTINGS_FILE), QSettings.Format.IniFormat)


def default_editor_factory(context: AppContext, assessment_id: int, parent: QWidget) -> QWidget:
    """Build the AssessmentEditor for one assessment, with every feature panel (imported late: the dashboard
    starts without it)."""
    from idmf.ui.editor import AssessmentEditor

    return AssessmentEditor(context, assessment_id, parent, panels=DEFAULT_PANELS)


class MainWindow(QMainWindow):
    """Opens on the dashboard, or where the user was when the app was last closed.

    Started quickly (`context` None, `first_rows` read without the services) it shows the dashboard at once
    and waits for `attach_context`; until then what needs the services is disabled, and an assessment the
    user asks to open is opened as soon as they are ready.
    """

    sig_ready = Signal()  # the services are attached (at once, unless started quickly)

    def __init__(self, context: AppContext | None, editor_factory: EditorFactory | None = None,
                 settings: QSettings | None = None, first_rows: list[AssessmentSummary] | None = None) -> None:
        super().__init__()
        self.context = context
        self._pending_open: int | None = None
        self.editor_factory = editor_factory or default_editor_factory
        self.settings = settings or open_settings()
        self.editor: EditorProtocol | None = None
        self._parked: QWidget | None = None  # the last editor, kept to show the next assessment in its widgets
        self.menus: dict[str, QMenu] = {}  # "file", "edit", "view", "review", "help": features add their actions
        # While the user looks at the dashboard (not during start-up): the first assessment opened then shows sooner.
        QTimer.singleShot(IMPORT_PANELS_AFTER_MS, import_panels_while_idle)
        self._remember_timer = QTimer(self, singleShot=True, interval=REMEMBER_DELAY_MS)
        self._remember_timer.timeout.connect(self._remember)
        self.undo_group = QUndoGroup(self)
        self.dashboard = DashboardPage(context, first_rows=first_rows)
        self.dashboard.sig_open_requested.connect(self.open_assessment)
        self.dashboard.sig_selection_changed.connect(self._update_actions)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.dashboard)
        self.setCentralWidget(self.stack)
        self.save_label = QLabel()
        self.save_label.setObjectName("save_status")
        self.save_label.setAccessibleName("Save status")
        self.statusBar().addPermanentWidget(self.save_label)
        self.identity_label = QLabel(self._who_you_are() if context is not None else "")
        self.identity_label.setObjectName("team_identity")
        self.identity_label.setAccessibleName("Who you are on this team database")
        self.statusBar().addWidget(self.identity_label)
        self._make_menus()
        if context is not None:
            self._install_features()
        self._show_title("")
        self._restore()

    def attach_context(self, context: AppContext) -> None:
        """The services are ready (a quick start): bring in the features and the live list, open what waited."""
        self.context = context
        self.identity_label.setText(self._who_you_are())
        self._install_features()
        self.dashboard.attach_context(context)
        self._update_actions()
        self.statusBar().clearMessage()
        if self._pending_open is not None:
            waiting, self._pending_open = self._pending_open, None
            self.open_assessment(waiting)
        self.sig_ready.emit()

    def _who_you_are(self) -> str:
        """On a team database: your login, name and role (from the connection); nothing in single-user mode."""
        me = self.context.teams.whoami()
        return me.message if me.team else ""

    # --- menus ----------------------------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        return action

    def _make_menus(self) -> None:
        self.new_action = self._action("&New assessment…", self.dashboard.new_assessment, "Ctrl+N")
        self.open_action = self._action("&Open", self._open, "Ctrl+O")
        self.import_action = self._action("&Import assessment…", self._import, "Ctrl+I")
        self.duplicate_action = self._action("&Duplicate as new version", self._duplicate)
        self.archive_action = self._action("&Archive…", self._archive)
        self.export_action = self._action("&Export to Word…", self._export, "Ctrl+E")
        self.back_action = self._action("&Back to dashboard", self.show_dashboard, "Alt+Home")
        self.quit_action = self._action("&Quit", self.close, "Ctrl+Q")
        file_menu = self.menus["file"] = self.menuBar().addMenu("&File")
        for group in ((self.new_action, self.open_action, self.import_action, self.duplicate_action,
                       self.archive_action),
                      (self.export_action,), (self.back_action,), (self.quit_action,)):
            file_menu.addActions(list(group))
            file_menu.addSeparator()
        file_menu.removeAction(file_menu.actions()[-1])  # no separator after Quit
        # A QUndoGroup follows whichever editor is open, so the menu's actions never go stale.
        self.undo_action = self.undo_group.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.undo_group.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        edit_menu = self.menus["edit"] = self.menuBar().addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        # Typing still waiting for its pause is not on the undo stack yet: opening the menu saves it first.
        edit_menu.aboutToShow.connect(lambda: self.editor is not None and self.editor.flush())
        # Small laptop screens at 150% need the room: the checklist and comments panel can be put away.
        self.side_panel_action = self._action("&Checklist and comments panel", self._toggle_side_panel, "F9")
        self.side_panel_action.setCheckable(True)
        self.side_panel_action.setChecked(self.settings.value(KEY_SIDE_PANEL, True, type=bool))
        self.menus["view"] = self.menuBar().addMenu("&View")
        self.menus["view"].addAction(self.side_panel_action)
        help_menu = self.menus["help"] = self.menuBar().addMenu("&Help")
        help_menu.addAction(self._action("&About IDMF Desktop", self._about))
        # Holds the Review menu's place until the features arrive, so the menu bar does not shift then.
        self._review_placeholder = self.menuBar().insertMenu(help_menu.menuAction(), QMenu("&Review", self))
        self._review_placeholder.setEnabled(False)
        self._update_actions()

    def _install_features(self) -> None:
        """The menus of every feature (they import the services, so a quick start adds them once loaded)."""
        from idmf.ui.backups.menu import install_backup_actions
        from idmf.ui.portfolio.menu import install_portfolio_action
        from idmf.ui.publishing.menu import install_publishing_menu
        from idmf.ui.review.menu import install_review_menu
        from idmf.ui.signing.menu import install_signing_actions

        install_backup_actions(self)  # Restore from backup…, Open backups folder (above Quit)
        self.publishing_menu = install_publishing_menu(self)  # File › Export › cover sheet, web page, easy read
        install_portfolio_action(self)  # View → Portfolio…
        self.menuBar().removeAction(self._review_placeholder)
        self.review_menu = install_review_menu(self)
        install_signing_actions(self)  # File → Trusted signers…, Review → Verify a signed-off Word file…

    def _about(self) -> None:
        from idmf.ui.about import show_about

        show_about(self, self.context)

    def _update_actions(self) -> None:
        ready = self.context is not None  # a quick start: the services are still loading
        has_target = ready and self.current_target_id() is not None
        for action in (self.duplicate_action, self.archive_action, self.export_action):
            action.setEnabled(has_target)
        for action in (self.new_action, self.open_action, self.import_action):
            action.setEnabled(ready)
        selected = self.dashboard.selected_summary() if self.editor is None else None
        # The same command as the dashboard's button, so the same word: an archived row is restored.
        self.archive_action.setText("&Restore" if selected is not None and selected.archived else "&Archive…")
        self.back_action.setEnabled(self.editor is not None)

    def current_target_id(self) -> int | None:
        """The assessment the File menu acts on: the open one, else the one selected on the dashboard."""
        if self.editor is not None:
            return self.editor.assessment.id
        return self.dashboard.selected_id()

    # --- switching pages ------------------------------------------------------------------------------------
    def open_assessment(self, assessment_id: int, section_id: str | None = None) -> bool:
        """Show an assessment in the editor (at a section, if given); False when it cannot be opened."""
        if self.editor is not None and self.editor.assessment.id == assessment_id:
            if section_id:
                self._go_to(section_id)
            return True
        if self.context is None:  # a quick start still loading: open it once the services are ready
            self._pending_open = assessment_id
            self.statusBar().showMessage("Opening the assessment in a moment…")
            return False
        if not self.show_dashboard():
            return False
        try:
            editor = self._reused_editor(assessment_id) or self._new_editor(assessment_id)
        except Exception as exc:  # noqa: BLE001 - a broken assessment must not take the window down
            log.exception("Could not open assessment %s", assessment_id)
            reason = (f"{exc} Reinstall IDMF Desktop." if isinstance(exc, ImportError) else describe_error(exc))
            messages.warning(self, "Open assessment", f"This assessment cannot be opened. {reason}")
            return False
        self._attach(editor)
        if section_id:
            self._go_to(section_id)
        self._remember_timer.start()  # the settings file is written once the step is on screen, not before
        return True

    def _go_to(self, section_id: str) -> None:
        try:
            self.editor.go_to(section_id)
        except Exception:  # noqa: BLE001 - a remembered step the form no longer has: stay on the first one
            log.warning("Could not go to section %r", section_id, exc_info=True)

    def _reused_editor(self, assessment_id: int) -> QWidget | None:
        """The parked editor showing this assessment in its widgets already built; None when it cannot."""
        editor, self._parked = self._parked, None
        try:
            if editor is not None and editor.show_assessment(assessment_id):
                return editor
        except Exception:
            self._parked = editor  # it could not read this assessment; it still waits for another
            raise
        if editor is not None:  # another form version, or made read-only: build afresh
            self.stack.removeWidget(editor)
            editor.deleteLater()
        return None

    def _new_editor(self, assessment_id: int) -> QWidget:
        editor = self.editor_factory(self.context, assessment_id, self.stack)
        editor.sig_saved.connect(self._saved)
        editor.sig_save_failed.connect(self._save_failed)
        editor.sig_title_changed.connect(self._show_title)
        editor.sig_section_changed.connect(lambda _section: self._remember_timer.start())
        self.stack.addWidget(editor)
        return editor

    def _attach(self, editor: QWidget) -> None:
        self.editor = editor
        self.undo_group.addStack(editor.undo_stack)
        self.undo_group.setActiveStack(editor.undo_stack)
        self.stack.setCurrentWidget(editor)
        self._show_side_panel()
        self.save_label.clear()
        self._show_title(editor.assessment.title)
        self._update_actions()

    def show_dashboard(self) -> bool:
        """Save and close the editor, then show the refreshed dashboard; False when the user stays."""
        editor = self.editor
        if editor is not None:
            if not self._flush_or_confirm("Leave this assessment anyway?"):
                return False
            closed_id = editor.assessment.id
            self.undo_group.removeStack(editor.undo_stack)
            self.editor = None
            self._park(editor)
            self.save_label.clear()
            self.dashboard.refresh(select_id=closed_id)
        self.stack.setCurrentWidget(self.dashboard)
        self._show_title("")
        self._remember_timer.start()  # coalesced with the open that often follows (closing writes it at once)
        self._update_actions()
        return True

    def _park(self, editor: QWidget) -> None:
        """Keep the editor's widgets for the next assessment opened (building them is most of opening one)."""
        if hasattr(editor, "show_assessment"):
            editor.park()
            self._parked = editor
        else:  # an editor that cannot be reused (the tests' fake)
            self.stack.removeWidget(editor)
            editor.deleteLater()

    def _flush_or_confirm(self, question: str) -> bool:
        """Save the editor's pending edits; if that fails, ask whether to go on regardless."""
        if self.editor is None or self.editor.flush():
            return True
        detail = self.save_label.text() or "Your latest changes could not be saved."
        answer = messages.question(
            self, "Changes not saved", f"{detail}\n\nIf you go on, the changes that were not saved will be lost. "
            f"{question}", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _toggle_side_panel(self, shown: bool) -> None:
        self.settings.setValue(KEY_SIDE_PANEL, shown)
        self._show_side_panel()

    def _show_side_panel(self) -> None:
        if self.editor is not None:
            self.editor.set_side_panel_visible(self.side_panel_action.isChecked())

    # --- editor signals -------------------------------------------------------------------------------------
    def _saved(self, text: str) -> None:
        recovered = self.save_label.text().startswith("Not saved")
        self.save_label.setText(text)
        self.save_label.setAccessibleName(text)
        self.save_label.setStyleSheet("")
        if recovered:  # said once when saving works again; not every few seconds while all is well
            _announce(self.save_label, text)

    def _save_failed(self, text: str) -> None:
        # Stays until the next successful save; bold and worded, so not shown by colour alone.
        if text != self.save_label.text():
            _announce(self.save_label, text)
        self.save_label.setText(text)
        self.save_label.setAccessibleName(text)
        self.save_label.setStyleSheet("font-weight: bold;")

    def _show_title(self, title: str) -> None:
        if self.editor is None:
            self.setWindowTitle(APP_TITLE)
        else:
            self.setWindowTitle(f"{title or '(untitled)'} — {APP_TITLE}")

    # --- File menu ------------------------------------------------------------------------------------------
    def _open(self) -> None:
        if self.editor is None and self.dashboard.selected_id() is not None:
            self.dashboard.open_selected()
        else:
            self.show_dashboard()  # choose another assessment there

    def _import(self) -> None:
        if not self._flush_or_confirm("Import anyway?"):
            return
        from idmf.ui.dashboard.importing import choose_and_import

        self._open_imported(choose_and_import(self, self.context, self._remember_word_edits))

    def _remember_word_edits(self, assessment_id: int, text: str, changes: dict) -> None:
        self._word_edits = (assessment_id, text, changes)

    def _open_imported(self, new_id: int | None) -> None:
        """Open what an import brought; edits accepted from Word become one step on its editor's undo stack."""
        pending, self._word_edits = getattr(self, "_word_edits", None), None
        if new_id is None or not self.open_assessment(new_id):
            return
        controller = getattr(self.editor, "controller", None)
        if pending and pending[0] == new_id and controller is not None:
            from idmf.ui.editor.commands import AppliedAnswersCommand

            self.editor.undo_stack.push(AppliedAnswersCommand(controller, pending[1], pending[2]))

    def open_files(self, paths: list[str]) -> None:
        """Open files given on the command line or double-clicked: review files, Word or JSON exports."""
        for name in paths:
            path = Path(name)
            if path.suffix.lower() == ".idmf":
                self.review_menu.import_review_path(path)
            elif path.suffix.lower() in (".docx", ".json") and self._flush_or_confirm("Open the file anyway?"):
                from idmf.ui.dashboard.importing import import_file

                self._open_imported(import_file(self, self.context, path, self._remember_word_edits))
            else:
                messages.warning(self, "Open file", f"IDMF Desktop cannot open {path.name}: it opens review "
                                    "files (.idmf) and assessments exported as Word (.docx) or JSON (.json).")

    def _duplicate(self) -> None:
        target = self.current_target_id()
        if target is None or not self._flush_or_confirm("Duplicate anyway?"):
            return
        new_id = actions.duplicate_as_new_version(self, self.context, target)
        if new_id is None:
            return
        if self.editor is not None:
            self.open_assessment(new_id)  # else the dashboard's notice has selected the new version

    def _archive(self) -> None:
        target = self.current_target_id()
        if target is None:
            return
        if self.editor is None:
            self.dashboard.archive_selected()
        elif self._flush_or_confirm("Archive anyway?") and actions.archive(self, self.context, target):
            self.show_dashboard()

    def _export(self) -> None:
        target = self.current_target_id()
        if target is None:
            return
        if self.editor is not None and not self.editor.flush():
            messages.warning(self, "Export to Word", "Your latest changes are not saved yet, so the document "
                                "would not include them. Try again once the status bar says “Saved”.")
            return
        from idmf.ui.dashboard.word_export import export_to_word

        export_to_word(self, self.context, target)

    # --- settings -------------------------------------------------------------------------------------------
    def _remember(self) -> None:
        """Write where the user is now, so a crash or restart comes back here."""
        if self.editor is None:
            self.settings.remove(KEY_ASSESSMENT)
            self.settings.remove(KEY_SECTION)
        else:
            self.settings.setValue(KEY_ASSESSMENT, self.editor.assessment.id)
            self.settings.setValue(KEY_SECTION, self.editor.current_section_id())
        self.settings.sync()

    def _restore(self) -> None:
        geometry = self.settings.value(KEY_GEOMETRY)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self._default_size()
        last_id, section = self.settings.value(KEY_ASSESSMENT), self.settings.value(KEY_SECTION)
        if last_id is not None and self.context is not None and self._still_there(int(last_id)):
            self.open_assessment(int(last_id), str(section) if section else None)

    def _default_size(self) -> None:
        # Small laptops at 150% scaling have far fewer logical pixels than 1280x800: never open larger than the screen.
        width, height = DEFAULT_SIZE
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None and screen.isValid():
            width, height = min(width, screen.width() * 9 // 10), min(height, screen.height() * 9 // 10)
        self.resize(width, height)

    def _still_there(self, assessment_id: int) -> bool:
        try:
            return not self.context.assessments.get(assessment_id).archived
        except Exception:  # noqa: BLE001 - gone or unreadable: start on the dashboard instead
            log.info("Last open assessment %s is no longer available", assessment_id)
            return False

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Save pending edits (asking if that fails), then remember the window and where the user was."""
        if not self._flush_or_confirm("Close anyway?"):
            event.ignore()
            return
        self._remember()
        self.settings.setValue(KEY_GEOMETRY, self.saveGeometry())
        self.settings.sync()
        event.accept()


def _announce(label: QLabel, text: str) -> None:
    """Tell a screen reader (QtGui's accessibility classes load on first use, not before the first screen)."""
    from idmf.ui.announce import announce

    announce(label, text)
