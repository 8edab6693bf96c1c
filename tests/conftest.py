"""Test set-up shared by every test: offscreen Qt and a temporary database and data folder per test."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CENSUS_DIR = SHARED / "census"
PART_B_TEMPLATE = SHARED / "idmf" / "PART_B_TEMPLATE.md"


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own data folder and SQLite file; nothing touches the user's real data."""
    data = tmp_path / "data"
    monkeypatch.setenv("IDMF_DATA_DIR", str(data))
    monkeypatch.setenv("IDMF_DATABASE_URL", f"sqlite:///{data / 'idmf.sqlite3'}")
    # Start with an empty census cache; tests of the census figures shipped with the app delete this.
    monkeypatch.setenv("IDMF_CENSUS_BUNDLE", "none")
    return data


@pytest.fixture(autouse=True)
def _no_idle_work_left_over():
    """Idle work a test's window left (it lives on the application) is dropped with the test: else it runs in a
    later test, or between tests with no data folder set, and leaves that test's state (the spell checker) behind."""
    yield
    idle = sys.modules.get("idmf.ui.idle")
    if idle is None:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    for work in app.findChildren(idle.IdleWork) if app else []:
        work.stop()


@pytest.fixture(autouse=True)
def _no_spelling_failure_carried_over():
    """A test that breaks the dictionary on purpose can leave a failed load remembered (work its window left runs
    in pytest-qt's teardown): the next test loads it again, as a fresh app would, instead of going without."""
    checker = sys.modules.get("idmf.ui.editor.spelling.checker")
    if checker is not None and checker.load_failed():
        checker.forget_shared_checker()
    yield


@pytest.fixture(autouse=True)
def _isolated_keyring(monkeypatch: pytest.MonkeyPatch):
    """Each test gets its own in-memory credential store; child processes use the key file in their data
    folder (keyring's fail backend): no test ever touches the user's real credential store."""
    import keyring

    from tests.people import MemoryKeyring

    backend, previous = MemoryKeyring(), keyring.get_keyring()
    keyring.set_keyring(backend)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def message_boxes_through_statics(monkeypatch):
    """(GUI tests) The app's plain-text message boxes (idmf.ui.messages) reach the QMessageBox statics in tests, so a test
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
def admin():
    """The organisation's admin key (the EDI team's), which signs its trusted-signers list."""
    from tests.people import admin_identity

    return admin_identity()


@pytest.fixture
def people(context, tmp_path, admin):
    """Lead Person, Reviewer Person and Committee Person: identities on this computer, trusted for their roles
    through the organisation's trusted-signers list in tmp_path/lists (Lead Person is the default identity)."""
    from tests.people import enrol

    return enrol(context, tmp_path / "lists", admin=admin)


@pytest.fixture
def form():
    from idmf.forms import default_form

    return default_form()


@pytest.fixture
def context():
    from idmf.services.context import open_app

    ctx = open_app()
    yield ctx
    ctx.close()


@pytest.fixture
def complete_assessment(context, form):
    """A stored assessment with every question of the form answered."""
    from tests.factories import fill_all

    item = context.assessments.create("Day case unit at Hinckley")
    for qid, value in fill_all(form).items():
        context.assessments.set_answer(item, qid, value)
    return context.store.assessments.get(item.id)


@pytest.fixture
def census_dir() -> Path:
    """The real Census 2021 files in ../shared/census (skips when that folder is absent)."""
    if not CENSUS_DIR.is_dir():
        pytest.skip(f"real census data not found at {CENSUS_DIR} (the project's ../shared folder)")
    return CENSUS_DIR


@pytest.fixture
def part_b_template() -> str:
    """The IDMF Part B template's text, ../shared/idmf/PART_B_TEMPLATE.md (skips when that file is absent)."""
    if not PART_B_TEMPLATE.is_file():
        pytest.skip(f"the template's text was not found at {PART_B_TEMPLATE} (the project's ../shared folder)")
    return PART_B_TEMPLATE.read_text(encoding="utf-8")
