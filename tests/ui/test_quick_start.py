"""The quick start: the dashboard shown from rows read before the services load, then handed the services
without a row moving; keys pressed meanwhile do no harm; every start the quick path cannot vouch for goes the
usual way with the usual messages."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from idmf.storage import migrate
from idmf.storage.backup import list_backups
from idmf.storage.database import open_database
from idmf.ui import app, quick_start
from idmf.ui.dashboard.model import COL_TITLE
from idmf.ui.main_window import KEY_ASSESSMENT, MainWindow, open_settings
from tests.startup_helpers import checkpoint, keep_excepthook, truncate, undo_main

TITLES = ("Ward 7 closure", "Phlebotomy clinic moves to Hinckley", "Pharmacy opening hours",
          "Community diabetes service redesign, phase two (rural practices)", "Stroke rehabilitation beds")


@pytest.fixture(autouse=True)
def _undo_start(monkeypatch, qtbot):
    """main()'s excepthook and log handler are undone, and its windows closed, after each test."""
    keep_excepthook(monkeypatch)
    yield
    undo_main(qtbot, MainWindow)


@pytest.fixture
def stored(context):
    """A data file holding assessments with titles, organisations and leads of different lengths."""
    for n, title in enumerate(TITLES):
        item = context.assessments.create(title)
        context.assessments.set_answer(item, "organisation", ["University Hospitals of Leicester NHS Trust",
                                                              "LLR ICB"][n % 2])
        context.assessments.set_answer(item, "lead", ["Priya Shah", "Dr Tomasz Kowalczyk-Brennan"][n % 2])
    context.assessments.set_archived(context.assessments.create("Closed day centre").id)
    return context


@pytest.fixture
def held_loading(monkeypatch):
    """The services' loading waits until the test sets the returned event (so keys land while it loads)."""
    release = threading.Event()
    real = quick_start._load_services

    def slow():
        release.wait(30)
        return real()

    monkeypatch.setattr(quick_start, "_load_services", slow)
    yield release
    release.set()


def _quick_window(qtbot, tmp_path) -> MainWindow:
    window = app.start_quickly(app.parse_args([]), tmp_path / "idmf.log")
    assert window is not None, "the quick start declined a good data file"
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return window


def _on_screen(window: MainWindow) -> tuple[list[str], list[int], int]:
    """(titles in the order shown, column widths, rows) as the user sees the dashboard."""
    proxy, table = window.dashboard.proxy, window.dashboard.table
    titles = [proxy.index(row, COL_TITLE).data() for row in range(proxy.rowCount())]
    return titles, [table.columnWidth(c) for c in range(proxy.columnCount())], proxy.rowCount()


def _ready(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.context is not None, timeout=30_000)


def _close(window: MainWindow) -> None:
    window.loader.cancel()
    if window.context is not None:
        window.context.close()


def test_the_quick_screen_shows_the_full_dashboards_rows_and_nothing_moves(qtbot, stored, tmp_path, make_window):
    window = _quick_window(qtbot, tmp_path)
    assert window.context is None  # painted before the services
    before = _on_screen(window)
    table_before = window.dashboard.table.grab()
    window.grab().save(str(tmp_path / "quick-before.png"))
    resets = []
    window.dashboard.model.modelReset.connect(lambda: resets.append(1))
    _ready(qtbot, window)
    qtbot.wait(50)  # anything the attach queued has run
    window.grab().save(str(tmp_path / "quick-after.png"))
    assert _on_screen(window) == before
    assert resets == []  # the model was not reset: no flicker, scroll position and selection kept
    assert window.dashboard.table.grab().toImage() == table_before.toImage()
    full = make_window()  # the dashboard built the usual way, from the services
    full.resize(window.size())
    qtbot.waitExposed(full)
    full.show()
    assert _on_screen(full)[0] == before[0] and _on_screen(full)[2] == before[2] == len(TITLES)
    _close(window)


def test_keys_pressed_while_loading_do_no_harm_and_open_waits(qtbot, stored, tmp_path, held_loading, monkeypatch):
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: asked.append(a) or ("", False))
    window = _quick_window(qtbot, tmp_path)
    table = window.dashboard.table
    assert not window.new_action.isEnabled() and not window.import_action.isEnabled()
    assert not window.dashboard.new_button.isEnabled()
    table.setFocus()
    for key, modifier in ((Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier),
                          (Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier),
                          (Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier),
                          (Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier),
                          (Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier),
                          (Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier),
                          (Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier),
                          (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)):
        qtbot.keyClick(table, key, modifier)
    qtbot.keyClicks(window.dashboard.search, "hinckley")  # searching works on the rows shown
    assert window.dashboard.proxy.rowCount() == 1
    window.dashboard.search.clear()
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    wanted = window.dashboard.selected_id()
    qtbot.keyClick(table, Qt.Key.Key_Return)  # open: waits for the services
    assert wanted is not None and window.context is None and window.editor is None and asked == []
    assert "in a moment" in window.statusBar().currentMessage()
    held_loading.set()
    _ready(qtbot, window)
    qtbot.waitUntil(lambda: window.editor is not None, timeout=30_000)
    assert window.editor.assessment.id == wanted
    assert window.new_action.isEnabled() and window.menus["review"].isEnabled()
    _close(window)


def test_the_whole_quick_start_runs_and_closes_with_the_event_loop(qtbot, stored, monkeypatch):
    seen, before = {}, set(QApplication.topLevelWidgets())
    loop = QEventLoop()

    def watch():
        started = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w not in before]
        if started and "quick" not in seen:
            seen["quick"] = started[0].context is None
        if started and started[0].context is not None:
            seen["context"] = started[0].context
            started[0].close()
            loop.quit()
            return
        QTimer.singleShot(10, watch)

    def run_until_ready(_app) -> int:
        QTimer.singleShot(0, watch)
        return loop.exec()  # QApplication.exit() would end every later test's event loops too

    monkeypatch.setattr(QApplication, "exec", run_until_ready)
    QApplication.setQuitOnLastWindowClosed(False)
    try:
        assert app.main(["idmf"]) == 0
    finally:
        QApplication.setQuitOnLastWindowClosed(True)
    assert seen["quick"] is True
    assert not seen["context"].database.engine.pool.checkedout()


@pytest.fixture
def no_loop(monkeypatch, message_boxes_through_statics):
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)


def _started(before) -> MainWindow:
    [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w not in before]
    return window


def _declines(tmp_path) -> bool:
    return app.start_quickly(app.parse_args([]), tmp_path / "idmf.log") is None


def test_a_first_start_goes_the_usual_way_to_the_first_run_panel(no_loop, boxes, tmp_path):
    assert _declines(tmp_path)
    before = set(QApplication.topLevelWidgets())
    assert app.main(["idmf"]) == 0
    window = _started(before)
    assert window.context is not None and window.dashboard.is_first_run()
    assert boxes == {"question": [], "warning": [], "critical": [], "answer": QMessageBox.StandardButton.Yes}
    window.context.close()


def test_a_data_file_with_no_assessments_goes_the_usual_way(no_loop, context, tmp_path):
    assert _declines(tmp_path)  # the first-run panel offers New, which needs the services


def test_a_damaged_file_goes_the_usual_way_and_is_moved_aside_with_the_same_question(no_loop, boxes, stored,
                                                                                     tmp_path):
    path = stored.database.path
    stored.close()
    checkpoint(path)
    truncate(path)
    assert _declines(tmp_path)
    assert app.main(["idmf"]) == 0
    assert "No backup is available" in boxes["warning"][0]
    assert list(path.parent.glob("idmf.damaged-*.sqlite3"))


def test_a_file_from_a_newer_app_goes_the_usual_way_and_is_refused(no_loop, boxes, stored, tmp_path):
    path = stored.database.path
    with stored.database.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    stored.close()
    assert _declines(tmp_path)
    assert app.main(["idmf"]) == 1
    assert "newer version" in boxes["critical"][0] and "Install the latest version" in boxes["critical"][0]
    assert path.exists() and list_backups() == []


def test_a_file_at_an_older_migration_goes_the_usual_way_and_is_upgraded(no_loop, boxes, _isolated_data, tmp_path):
    db = open_database(None, upgrade=False)
    migrate.upgrade_to(db.engine, "0008")
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO assessment (uid, version_number, form_id, form_version, title, organisation, lead, status, "
            "archived, steps_complete, created_at, updated_at) VALUES ('a1', 1, 'idmf-part-b', '1.0', "
            "'Made by the previous version', '', '', 'draft', 0, 0, '2025-01-01 09:00:00', '2025-01-01 09:00:00')")
    db.dispose()
    assert _declines(tmp_path)
    before = set(QApplication.topLevelWidgets())
    assert app.main(["idmf"]) == 0
    window = _started(before)
    assert [s.title for s in window.dashboard.model.summaries()] == ["Made by the previous version"]
    assert [b.path.name for b in list_backups() if "before-upgrade-from-0008" in b.path.name]
    assert boxes["critical"] == [] and boxes["warning"] == []
    window.context.close()


def test_a_session_closed_in_the_editor_goes_the_usual_way(stored, tmp_path):
    settings = open_settings()
    settings.setValue(KEY_ASSESSMENT, stored.assessments.list()[0].id)
    settings.sync()
    assert _declines(tmp_path)  # the editor reopens: the dashboard would only flash by


def test_files_to_open_go_the_usual_way(stored, tmp_path):
    assert app.start_quickly(app.parse_args([str(tmp_path / "reply.idmf")]), tmp_path / "idmf.log") is None



def test_a_file_handed_over_while_loading_opens_once_ready(qtbot, stored, tmp_path, held_loading, monkeypatch):
    window = _quick_window(qtbot, tmp_path)
    opened = []
    monkeypatch.setattr(window, "open_files", lambda paths: opened.append(paths))
    app.hand_over(window, [str(tmp_path / "reply.idmf")])  # a second start, double-clicking a review file
    assert opened == [] and window.isVisible()
    held_loading.set()
    _ready(qtbot, window)
    qtbot.waitUntil(lambda: opened == [[str(tmp_path / "reply.idmf")]])
    _close(window)


def test_data_that_cannot_be_opened_after_the_quick_screen_ends_the_app(qtbot, stored, tmp_path, held_loading,
                                                                         monkeypatch):
    window = _quick_window(qtbot, tmp_path)
    exits = []
    monkeypatch.setattr(app, "open_context", lambda *a: None)  # it has shown its message already
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exits.append(code))
    app._finish_quick_start(window, None, None, tmp_path / "idmf.log")
    assert exits == [1] and not window.isVisible() and window.context is None and window.loader.cancelled
