"""Fixtures for the main window and dashboard tests (the editor's own tests live in tests/ui/editor/)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _message_boxes_through_statics(monkeypatch):
    """The app's plain-text message boxes (idmf.ui.messages) reach the QMessageBox statics in tests, so a test
    answers or records them by patching QMessageBox.warning / .question … as Qt code is usually tested."""
    from PySide6.QtWidgets import QMessageBox

    from idmf.ui import messages

    kinds = {QMessageBox.Icon.Warning: "warning", QMessageBox.Icon.Information: "information",
             QMessageBox.Icon.Critical: "critical", QMessageBox.Icon.Question: "question"}

    def through_static(box):
        static = getattr(QMessageBox, kinds[box.icon()])
        buttons = box.standardButtons()
        default = box.standardButton(box.defaultButton()) if box.defaultButton() else None
        if buttons == QMessageBox.StandardButton.Ok and default is None:  # as the app called it: no buttons given
            return static(box.parent(), box.windowTitle(), box.text())
        return static(box.parent(), box.windowTitle(), box.text(), buttons,
                      default or QMessageBox.StandardButton.NoButton)

    monkeypatch.setattr(messages, "show", through_static)


@pytest.fixture
def make_window(qtbot, context):
    """Build MainWindows on the test database with the stand-in editor (or `editor_factory=`)."""
    from idmf.ui.main_window import MainWindow
    from tests.ui.fakes import FakeEditor

    FakeEditor.instances.clear()

    def make(editor_factory=FakeEditor):
        window = MainWindow(context, editor_factory=editor_factory)
        qtbot.addWidget(window)
        return window

    yield make
    FakeEditor.instances.clear()


@pytest.fixture
def real_editor():
    """The real AssessmentEditor class."""
    from idmf.ui.editor import AssessmentEditor

    return AssessmentEditor


@pytest.fixture
def add(context):
    """Create an assessment with a title and optional organisation / lead; returns its id."""

    def create(title: str, organisation: str = "", lead: str = "") -> int:
        item = context.assessments.create(title)
        for qid, value in (("organisation", organisation), ("lead", lead)):
            if value:
                context.assessments.set_answer(item, qid, value)
        return item.id

    return create
