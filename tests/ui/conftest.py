"""Fixtures for the main window and dashboard tests (the editor's own tests live in tests/ui/editor/)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.fixture(autouse=True)
def _message_boxes_through_statics(message_boxes_through_statics):
    """Every GUI test answers the app's message boxes by patching the QMessageBox statics."""


@pytest.fixture(autouse=True)
def _editor_built_at_once(request, monkeypatch):
    """The editor builds every page and panel with the first step, so tests reach them at once; tests marked
    `builds_late` (tests/ui/editor/test_late_pages.py) get the app's behaviour: the rest built afterwards."""
    if request.node.get_closest_marker("builds_late") is None:
        from idmf.ui.editor.late import PagesBuiltLate

        monkeypatch.setattr(PagesBuiltLate, "build_late", False)


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


@pytest.fixture
def boxes(monkeypatch):
    """The texts of the question / warning / critical boxes shown; questions get boxes["answer"]."""
    seen = {"question": [], "warning": [], "critical": [], "answer": QMessageBox.StandardButton.Yes}
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: seen["question"].append(a[2]) or seen["answer"])
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: seen["warning"].append(a[2]))
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: seen["critical"].append(a[2]))
    return seen
