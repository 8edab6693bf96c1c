"""The publishing dialogs and the File › Export menu, driven with real key presses and clicks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox, QRadioButton

from idmf.domain.publishing import Purpose
from idmf.ui.publishing.cover_dialog import CoverDetailsDialog
from idmf.ui.publishing.easy_read_dialog import EasyReadDialog

SHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


def test_cover_details_typed_in_are_kept_and_drafts_stay_drafts(qtbot, context, example_id):
    dialog = CoverDetailsDialog(context, example_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for key, text in (("meeting", "ICB Public Board"), ("meeting_date", "12/03/2026"), ("paper_reference", "PB/26/031"),
                      ("agenda_item", "7.2"), ("presenter", "Dr Anil Mistry"), ("conflicts", "None declared"),
                      ("baf_risk", "BAF 4")):
        qtbot.keyClicks(dialog.fields[key], text)
    approval = dialog.findChild(QRadioButton, "purpose_approval")
    approval.ensurePolished()
    qtbot.mouseClick(approval, Qt.MouseButton.LeftButton, pos=approval.rect().center())
    dialog.implications["financial"].click()
    dialog.accept()
    saved = context.publishing.cover_details(example_id)
    assert (saved.meeting, saved.meeting_date, saved.paper_reference, saved.agenda_item) == \
        ("ICB Public Board", dt.date(2026, 3, 12), "PB/26/031", "7.2")
    assert saved.purpose == Purpose.APPROVAL and saved.implications == ["financial"] and saved.missing() == []
    assert saved.executive_summary == "" and saved.recommendations == ""  # untouched drafts keep following answers

    again = CoverDetailsDialog(context, example_id)
    qtbot.addWidget(again)
    assert again.fields["meeting_date"].text() == "12/03/2026" and again.implications["financial"].isChecked()
    assert again.implications["edi"].isChecked() and not again.implications["edi"].isEnabled()
    assert again.summary.toPlainText().startswith("To use the system's limited capital")


def test_a_date_that_is_not_a_date_is_explained_and_nothing_is_lost(qtbot, context, example_id, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    dialog = CoverDetailsDialog(context, example_id)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.fields["meeting"], "Board")
    qtbot.keyClicks(dialog.fields["meeting_date"], "31/02/2026")
    dialog.accept()
    assert warnings == ["“31/02/2026” is not a date: write the date of the meeting as DD/MM/YYYY, for example "
                        "12/03/2026, or leave it empty."]
    assert not context.publishing.has_cover_details(example_id) and dialog.fields["meeting"].text() == "Board"


def test_the_easy_read_editor_scores_as_the_lead_types_and_keeps_the_edit(qtbot, context, example_id):
    dialog = EasyReadDialog(context, example_id)
    qtbot.addWidget(dialog)
    assert dialog.score.text().startswith("Reading grade ")
    box = dialog.boxes["who_to_contact"]
    box.moveCursor(box.textCursor().MoveOperation.End)
    before = dialog.long.count()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClicks(box, "If you would like to talk to somebody about the proposal you can telephone the patient "
                         "advice and liaison service during office hours.")
    qtbot.waitUntil(lambda: dialog.long.count() == before + 1
                    and "patient advice and liaison" in dialog.long.item(dialog.long.count() - 1).text())
    dialog.accept()
    kept = context.publishing.easy_read(example_id)
    assert kept.edited and "liaison service during office hours." in kept.who_to_contact


def test_file_export_writes_a_cover_sheet_after_asking_the_details_once(qtbot, make_window, context, example_id,
                                                                        tmp_path, monkeypatch):
    from idmf.ui.publishing import menu

    asked, out = [], tmp_path / "cover.docx"

    def details(parent, ctx, target):
        asked.append(target)
        ctx.publishing.save_cover_details(target, {"meeting": "ICB Public Board"})
        return True

    monkeypatch.setattr(menu, "edit_cover_details", details)
    monkeypatch.setattr(menu, "choose_path", lambda *args: out)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    window = make_window()
    window.dashboard.refresh(select_id=example_id)
    export = window.menus["export"]
    assert [a.text() for a in export.actions()] == ["Board paper &details…", "Board &cover sheet…",
                                                   "Committee &pack (cover sheet and assessment)…",
                                                   "&Web page for publishing (HTML)…", "&Easy-read summary…"]
    for times in (1, 2):
        window.publishing_menu.actions["cover_sheet"].trigger()
        qtbot.waitUntil(lambda: len(told) == times, timeout=10000)
    assert asked == [example_id]  # asked the first time only
    assert told == [f"Saved “cover.docx” in {tmp_path}."] * 2 and out.stat().st_size > 10000


def test_dialogs_fit_a_small_laptop_screen_with_a_large_font(qtbot, context, example_id, tmp_path):
    app = QApplication.instance()
    old = app.font()
    app.setFont(QFont(old.family(), 14))
    try:
        for dialog, name in ((CoverDetailsDialog(context, example_id), "17-cover-details.png"),
                             (EasyReadDialog(context, example_id), "18-easy-read-editor.png")):
            qtbot.addWidget(dialog)
            dialog.resize(1024, 576)  # 1280×720 at 125 % scaling
            dialog.show()
            qtbot.waitExposed(dialog)
            assert dialog.minimumSizeHint().height() <= 576 and dialog.minimumSizeHint().width() <= 1024
            dialog.grab().save(str(tmp_path / name))
            if SHOTS.is_dir() and __import__("os").environ.get("IDMF_SAVE_SCREENSHOTS"):
                dialog.grab().save(str(SHOTS / name))
    finally:
        app.setFont(old)
