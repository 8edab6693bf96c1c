"""Fixtures for the review screens: the example assessment, a committee-ready one, the real main window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.review.helpers import TODAY, ready_answers, store
from tests.ui.editor.conftest import blank_id, editor, make_editor  # noqa: F401 - the editor fixtures, shared

EXAMPLE = "examples/day-case-unit.json"


@pytest.fixture(autouse=True)
def _staff(people):
    """A lead, an EDI reviewer and a committee secretary with trusted keys (Lead Person is the default)."""
    return people


@pytest.fixture
def example(context):
    """The realistic example assessment from resources/, imported (as a Draft: a file never carries a status)."""
    from idmf.paths import resources_dir

    return context.assessments.import_json((resources_dir() / EXAMPLE).read_text(encoding="utf-8"))


@pytest.fixture
def signed_example(context):
    """The example taken through review and signed off by the committee on its meeting date, 13/01/2026."""
    from tests.people import sign_off_example

    return sign_off_example(context)


@pytest.fixture
def ready(context, form):
    """A stored draft that passes the readiness check."""
    return store(context, form, ready_answers(form))


@pytest.fixture
def at_committee(context, form):
    """A committee-ready assessment, submitted for review and assured by the EDI partner."""
    item = store(context, form, ready_answers(form))
    for action, role in (("submit_for_review", "lead"), ("submit_for_committee", "reviewer")):
        context.review.transition(item.id, action, person=f"{role.title()} Person", comment="done", role=role,
                                  today=TODAY)
    return context.store.assessments.get(item.id)


@pytest.fixture
def messages(monkeypatch):
    """Every QMessageBox.warning / information shown, as (kind, title, text); nothing pops up."""
    shown: list[tuple[str, str, str]] = []
    for kind in ("warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda _parent, title, text, *a, k=kind, **kw:
                            shown.append((k, title, text)) or QMessageBox.StandardButton.Ok)
    return shown


@pytest.fixture
def window(qtbot, context, monkeypatch):
    """The real main window with the real editor, shown and active."""
    from idmf.ui.main_window import MainWindow

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    with qtbot.waitActive(main):
        main.show()
        main.activateWindow()
    return main
