"""File › Export: the board paper's details and cover sheet, the committee pack, the web page and the easy read.

Each command acts on the main window's current assessment (the open one, else the dashboard's selection);
an open editor's typing is saved first, so the output includes it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu

from idmf.ui import messages
from idmf.ui.publishing.cover_dialog import edit_cover_details
from idmf.ui.publishing.easy_read_dialog import EasyReadDialog
from idmf.ui.publishing.exporting import (
    HTML_FILTER,
    WORD_FILTER,
    ask_for_publishing,
    choose_path,
    export_in_background,
    file_name,
)


class PublishingMenu(QObject):
    """Owns the File › Export submenu and carries its commands out for a MainWindow."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("publishing_menu")
        self.window, self.context = window, window.context
        self.menu = QMenu("E&xport", window)
        self.actions: dict[str, QAction] = {}
        for key, text, slot in (("details", "Board paper &details…", self.edit_details),
                                ("cover_sheet", "Board &cover sheet…", lambda: self.export_word("cover-sheet")),
                                ("pack", "Committee &pack (cover sheet and assessment)…",
                                 lambda: self.export_word("committee-pack")),
                                ("html", "&Web page for publishing (HTML)…", self.export_web_page),
                                ("easy_read", "&Easy-read summary…", self.easy_read)):
            action = QAction(text, window)
            action.triggered.connect(slot)
            self.actions[key] = action
            self.menu.addAction(action)
        self.menu.aboutToShow.connect(self.update_actions)
        self.last_task: QObject | None = None

    def update_actions(self) -> None:
        """Every command needs an assessment: the open one or the dashboard's selection."""
        for action in self.actions.values():
            action.setEnabled(self.window.current_target_id() is not None)

    def _target(self, heading: str) -> int | None:
        target = self.window.current_target_id()
        if target is None:
            return None
        editor = self.window.editor
        if editor is not None and not editor.flush():
            messages.warning(self.window, heading, "Your latest changes are not saved yet, so the file would not "
                                "include them. Try again once the status bar says “Saved”.")
            return None
        return target

    def edit_details(self) -> bool:
        """Board paper details…"""
        target = self._target("Board paper details")
        return target is not None and edit_cover_details(self.window, self.context, target)

    def export_word(self, fmt: str) -> None:
        """Board cover sheet… / Committee pack…: the details are asked first if they were never given."""
        heading = "Board cover sheet" if fmt == "cover-sheet" else "Committee pack"
        target = self._target(heading)
        if target is None:
            return
        if not self.context.publishing.has_cover_details(target) and \
                not edit_cover_details(self.window, self.context, target):
            return  # asked once: the first cover sheet needs the meeting, the paper reference and the rest
        title = self.context.assessments.get(target).title
        path = choose_path(self.window, heading, file_name(title, heading.lower(), ".docx"), (WORD_FILTER,))
        if path is not None:
            self.last_task = export_in_background(self.window, self.context, heading, target, fmt, path)

    def export_web_page(self) -> None:
        """Web page for publishing…: names left out or kept, then where to save."""
        heading = "Web page"
        target = self._target(heading)
        if target is None:
            return
        for_publishing = ask_for_publishing(self.window, heading)
        if for_publishing is None:
            return
        title = self.context.assessments.get(target).title
        path = choose_path(self.window, heading, file_name(title, "equality analysis", ".html"), (HTML_FILTER,))
        if path is not None:
            self.last_task = export_in_background(self.window, self.context, heading, target, "html", path,
                                                  for_publishing)

    def easy_read(self) -> None:
        """Easy-read summary…: edit (with the score), save, and export as Word or a web page if asked."""
        heading = "Easy-read summary"
        target = self._target(heading)
        if target is None:
            return
        dialog = EasyReadDialog(self.context, target, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.export_requested:
            return
        for_publishing = ask_for_publishing(self.window, heading)
        if for_publishing is None:
            return
        title = self.context.assessments.get(target).title
        path = choose_path(self.window, heading, file_name(title, "easy read", ".docx"), (WORD_FILTER, HTML_FILTER))
        if path is not None:
            self.last_task = export_in_background(self.window, self.context, heading, target, "easy-read", path,
                                                  for_publishing)


def install_publishing_menu(window) -> PublishingMenu:
    """Add File › Export below Export to Word."""
    publishing = PublishingMenu(window)
    file_menu = window.menus["file"]
    actions = file_menu.actions()
    after = actions.index(window.export_action) + 1 if window.export_action in actions else len(actions)
    before = actions[after] if after < len(actions) else None
    file_menu.insertMenu(before, publishing.menu)
    window.menus["export"] = publishing.menu
    return publishing
