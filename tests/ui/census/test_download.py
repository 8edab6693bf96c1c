"""Download from a local Nomis-layout server: off the GUI thread, progress, Cancel; a failure keeps the cache."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from tests.census.conftest import Reply

WAIT_MS = 20000


def _panel(editor, panel_of, settings):
    panel = panel_of(editor)
    panel.settings = settings
    editor.go_to("evidence")
    return panel


def _download(qtbot, panel):
    with qtbot.waitSignal(panel.source.sig_loaded, timeout=WAIT_MS) as loaded:
        panel.source.download_button.click()
    return loaded.args[0]


def test_download_runs_off_the_gui_thread_and_fills_the_cache(qtbot, editor, panel_of, settings, census):
    panel = _panel(editor, panel_of, settings)
    threads, steps = [], []
    real_download = panel.service.download
    panel.service.download = lambda *a: threads.append(threading.current_thread()) or real_download(*a)
    panel.source._progress.moved.connect(lambda done, total, _text: steps.append((done, total)))
    summary = _download(qtbot, panel)
    assert summary.startswith("Downloaded") and panel.source.status.text() == summary
    assert threads and threads[0] is not threading.main_thread()
    assert steps and steps[-1][0] == steps[-1][1]  # the bar reached its end
    assert not panel.source.bar.isVisible() and not panel.source.cancel_button.isVisible()
    assert panel.picker.isVisible() and not panel.empty.isVisible()
    assert census.cache.counts()


def test_a_failed_download_says_why_and_keeps_the_previous_cache(qtbot, editor, panel_of, settings, census, nomis):
    panel = _panel(editor, panel_of, settings)
    _download(qtbot, panel)
    panel.picker.choose("E07000132")
    before = census.cache.snapshot()
    nomis.always = Reply(status=500, body="broken")
    panel.source.download_button.click()
    assert panel.source.bar.isVisible() and panel.source.cancel_button.isVisible()
    qtbot.waitUntil(lambda: panel.source.download_button.isEnabled(), timeout=WAIT_MS)
    message = panel.source.status.text()
    assert "500" in message and "have not been changed" in message and "Traceback" not in message
    assert census.cache.snapshot() == before
    assert panel.profile.area.code == "E07000132" and panel.view.isVisible()  # the old profile is still on show


def test_cancel_stops_the_download_and_keeps_the_cache(qtbot, editor, panel_of, settings, census, nomis):
    panel = _panel(editor, panel_of, settings.__class__(**{**vars(settings), "timeout": 5.0}))
    nomis.always = Reply(delay=0.2)
    panel.source.download_button.click()
    qtbot.waitUntil(lambda: bool(nomis.requests), timeout=WAIT_MS)
    panel.source.cancel_button.click()
    assert "Cancelling" in panel.source.status.text()
    qtbot.waitUntil(lambda: panel.source.download_button.isEnabled(), timeout=WAIT_MS)
    assert "cancelled" in panel.source.status.text() and census.cache.snapshot() == []
    assert panel.empty.isVisible()


def test_a_partial_download_names_the_failed_table_and_retry_fetches_only_it(qtbot, editor, panel_of, settings,
                                                                            census, nomis):
    panel = _panel(editor, panel_of, settings)
    nomis.by_dataset["NM_2022_1"] = Reply(status=404, body="gone")
    summary = _download(qtbot, panel)
    assert summary.startswith("8 of 9 tables updated; Legal partnership status (TS002): ")
    assert panel.source.status.text() == summary and panel.source.retry_button.isVisible()
    assert "TS002" not in census.cache.counts() and "TS008" in census.cache.counts()

    del nomis.by_dataset["NM_2022_1"]
    nomis.requests[:] = []
    with qtbot.waitSignal(panel.source.sig_loaded, timeout=WAIT_MS) as loaded:
        qtbot.mouseClick(panel.source.retry_button, Qt.MouseButton.LeftButton)
    assert loaded.args[0].startswith("Downloaded") and not panel.source.retry_button.isVisible()
    assert {path for path, _ in nomis.requests} == {"/api/v01/dataset/NM_2022_1.data.csv"}
    assert "TS002" in census.cache.counts()
