"""Output: imported words reach the screen as words. The CLI drops terminal control sequences; the GUI's message
boxes show `<font size=7>APPROVED</font>` as written; the GUI says what the CLI says, never a traceback."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from tests.hostile.helpers import run_cli, state, unchanged

ESC_TITLE = "\x1b[2J\x1b[31mAPPROVED\x1b[0m\rDay case unit"
HTML_TITLE = "<font size=7>APPROVED</font> Day case unit"


def test_control_characters_in_a_title_never_reach_the_terminal(_isolated_data):
    data = _isolated_data
    made = run_cli(data, "new", "--title", ESC_TITLE)
    assert made.code == 0
    for args in (["list"], ["show", made.out.strip()]):
        run = run_cli(data, *args)
        assert run.code == 0 and "\x1b" not in run.out and "\r" not in run.out, args
        assert "[31mAPPROVED[0mDay case unit" in run.out  # the words are kept; only the controls are gone
    assert state(data / "idmf.sqlite3").integrity == "ok"


def test_a_review_files_title_is_printed_without_controls(_isolated_data, tmp_path):
    lead, reviewer = _isolated_data, tmp_path / "reviewer"
    made = run_cli(lead, "new", "--title", ESC_TITLE)
    request = tmp_path / "request.idmf"
    assert run_cli(lead, "review", "export", made.out.strip(), "--out", str(request)).code == 0
    run = run_cli(reviewer, "review", "import", str(request))
    assert run.code == 0 and "Review request for" in run.out
    assert "\x1b" not in run.out + run.err and "\r" not in run.out


def test_c1_controls_are_escaped_and_show_json_still_imports_exactly(_isolated_data, tmp_path):
    data = _isolated_data
    title = "Stroke\u009b2J pathway\x7f"
    made = run_cli(data, "new", "--title", title)
    shown = run_cli(data, "show", made.out.strip(), "--json")
    assert shown.code == 0 and "\u009b" not in shown.out and "\\u009b" in shown.out
    assert json.loads(shown.out)["answers"]["title"] == title  # the escape is the same JSON
    copy = tmp_path / "shown.json"
    copy.write_text(shown.out, encoding="utf-8")
    again = run_cli(data, "import", str(copy))
    assert again.refused("already in your database")  # the very same assessment and version


def test_an_error_message_quoting_a_file_drops_controls(_isolated_data, tmp_path):
    data = _isolated_data
    path = tmp_path / "census2021-ts008-ltla.csv"
    path.write_text('"date","geography","geography code","Sex: All persons; measures: Value","Sex: Female"\n'
                    "2021,X,E07000132,\x1b[5mMANY,1\n", encoding="utf-8")
    run = run_cli(data, "census", "import", str(path))
    assert run.refused("line 2 has '[5mMANY' where a count should be"), run.err
    assert "\x1b" not in run.err


# --- the GUI: plain-text message boxes, the same words as the CLI ------------------------------------------------
def test_a_message_box_shows_html_as_written(qtbot):
    from idmf.ui import messages

    box = messages.message_box(None, QMessageBox.Icon.Information, "Import review file",
                               f"Review request for “{HTML_TITLE}” imported.")
    qtbot.addWidget(box)
    box.show()
    label = next(w for w in box.findChildren(QLabel) if "APPROVED" in w.text())
    assert box.textFormat() == Qt.TextFormat.PlainText and label.textFormat() == Qt.TextFormat.PlainText
    assert "<font size=7>" in label.text()
    box.grab().save("/tmp/idmf-plain-text-box.png")  # looked at by hand: the tags show as typed


@pytest.fixture
def boxes(monkeypatch):
    """Every message box the app builds, as (format, title, text), answered with its default button."""
    from idmf.ui import messages

    shown: list[tuple[Qt.TextFormat, str, str]] = []

    def record(box):
        shown.append((box.textFormat(), box.windowTitle(), box.text()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(messages, "show", record)
    return shown


def test_importing_a_review_file_in_the_gui_shows_its_title_as_plain_text(qtbot, context, boxes, tmp_path):
    from idmf.ui.main_window import MainWindow

    lead = tmp_path / "lead"
    made = run_cli(lead, "new", "--title", HTML_TITLE)
    request = tmp_path / "request.idmf"
    assert run_cli(lead, "review", "export", made.out.strip(), "--out", str(request)).code == 0
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.review_menu.import_review_path(request)
    assert boxes and all(fmt == Qt.TextFormat.PlainText for fmt, _t, _x in boxes)
    assert any(HTML_TITLE in text for _f, _t, text in boxes)


@pytest.mark.parametrize("content, words", [
    ("[" * 100_000 + "]" * 100_000, "nested more than 32 levels"),
    ('{"n": NaN}', "'NaN' where a number should be"),
])
def test_the_gui_import_says_what_the_cli_says(seeded, qtbot, context, boxes, tmp_path, content, words):
    from idmf.ui.dashboard.importing import import_file

    data, _before = seeded
    path = tmp_path / "hostile.json"
    path.write_text(content, encoding="utf-8")
    cli = run_cli(data, "import", str(path))
    assert cli.refused(words)
    cli_message = cli.err.strip().removeprefix("idmf-cli: ")
    assert import_file(None, context, path) is None
    (fmt, _title, text), = boxes
    assert fmt == Qt.TextFormat.PlainText and cli_message[1:] in text and "Nothing in your list was changed" in text


def test_the_gui_review_import_says_what_the_cli_says(seeded, qtbot, context, boxes, tmp_path):
    from idmf.ui.main_window import MainWindow

    data, _before = seeded
    path = tmp_path / "bomb.idmf"
    import zipfile

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in ("manifest.json", "content.json"):
            archive.writestr(name, "{}")
        archive.writestr("comments.json", b" " * (12 * 1024 * 1024))
    cli = run_cli(data, "review", "import", str(path))
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.review_menu.import_review_path(path)
    (fmt, _title, text), = boxes
    assert fmt == Qt.TextFormat.PlainText and text[1:] == cli.err.strip().removeprefix("idmf-cli: ")[1:]


def test_the_gui_start_says_a_folder_is_in_the_way_as_the_cli_does(_isolated_data, qtbot, boxes, tmp_path):
    from idmf.ui.app import open_context

    data = _isolated_data
    (data / "idmf.sqlite3").mkdir(parents=True)
    cli = run_cli(data, "list")
    assert open_context(None, tmp_path / "idmf.log") is None
    (fmt, _title, text), = boxes
    assert fmt == Qt.TextFormat.PlainText and text == cli.err.strip().removeprefix("idmf-cli: ")
    assert (data / "idmf.sqlite3").is_dir()


def test_the_gui_start_waits_for_a_locked_file_then_offers_retry(seeded, qtbot, monkeypatch, tmp_path):
    from idmf.ui import messages
    from idmf.ui.app import open_context
    from tests.hostile.test_startup import hold

    data, before = seeded
    asked: list[tuple[Qt.TextFormat, str]] = []
    monkeypatch.setattr(messages, "show", lambda box: asked.append((box.textFormat(), box.text()))
                        or QMessageBox.StandardButton.Cancel)
    holder = hold(data / "idmf.sqlite3", 13.0)
    try:
        assert open_context(None, tmp_path / "idmf.log") is None  # the user chose Cancel
    finally:
        holder.wait()
    (fmt, text), = asked
    assert fmt == Qt.TextFormat.PlainText and text.startswith("IDMF Desktop is open elsewhere")
    assert "not been changed" in text
    assert unchanged(data, before)
