"""Writing help in text answers: British-English spell checking (underline, corrections, add to dictionary),
bullet lists, and answers that grow inside the page's one scroll area."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor

from idmf.paths import data_dir, resources_dir
from idmf.ui.editor.spelling.checker import USER_WORDS_FILE, SpellChecker
from tests.ui.editor.driver import type_into

WAVY = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


def _checker() -> SpellChecker:
    return SpellChecker(resources_dir() / "dictionaries", data_dir() / USER_WORDS_FILE)


def test_british_spellings_pass_and_misspellings_are_found():
    checker = _checker()
    text = "The organisation will analyse the colour of each patient’s pathway and recieve feedback."
    found = [text[start:start + length] for start, length in checker.misspelt(text)]
    assert found == ["recieve"]
    assert checker.suggestions("recieve")[0] == "receive"
    assert not checker.is_correct("color") and not checker.is_correct("organizashun")
    assert checker.is_correct("ICB") and checker.is_correct("LSOAs")  # acronyms are not flagged


def test_added_words_are_kept_in_the_users_data_folder():
    checker = _checker()
    assert not checker.is_correct("Hinckleyshire")
    checker.add_word("Hinckleyshire")
    assert checker.is_correct("Hinckleyshire")
    assert "Hinckleyshire" in (data_dir() / USER_WORDS_FILE).read_text(encoding="utf-8")
    assert _checker().is_correct("Hinckleyshire")  # next session too


def _underlined(box) -> list[str]:
    block, found = box.document().begin(), []
    while block.isValid():
        for span in block.layout().formats():
            if span.format.underlineStyle() == WAVY:
                found.append(block.text()[span.start:span.start + span.length])
        block = block.next()
    return found


def _point_in_word(box, text: str, word: str) -> QPoint:
    cursor = QTextCursor(box.document())
    cursor.setPosition(text.index(word) + 2)
    return box.cursorRect(cursor).center()


def test_a_misspelt_word_is_underlined_and_corrected_from_the_menu(qtbot, context, editor):
    editor.go_to("aims")
    box = editor.question_widget("summary").edit
    qtbot.waitUntil(lambda: box.spelling is not None)  # turned on once the first page is showing
    text = "Patients will recieve a letter in plain English."
    type_into(qtbot, box, text)
    assert _underlined(box) == ["recieve"]
    from idmf.ui.editor.spelling.underline import spelling_menu

    menu = spelling_menu(box, _point_in_word(box, text, "recieve"))
    names = [a.text() for a in menu.actions()]
    assert names[0] == "receive" and "Add “recieve” to dictionary" in names
    menu.actions()[0].trigger()
    assert box.toPlainText() == "Patients will receive a letter in plain English." and _underlined(box) == []
    editor.flush()
    assert context.store.assessments.get(editor.assessment.id).answers["summary"].startswith("Patients will receive")


def test_add_to_dictionary_from_the_menu_stops_the_underline(qtbot, editor):
    from idmf.ui.editor.spelling.underline import spelling_menu

    editor.go_to("aims")
    box = editor.question_widget("summary").edit
    qtbot.waitUntil(lambda: box.spelling is not None)
    text = "Referrals come from Wyvernshire practices."
    type_into(qtbot, box, text)
    assert _underlined(box) == ["Wyvernshire"]
    menu = spelling_menu(box, _point_in_word(box, text, "Wyvernshire"))
    next(a for a in menu.actions() if a.text().startswith("Add “Wyvernshire”")).trigger()
    assert _underlined(box) == []
    assert "Wyvernshire" in (data_dir() / USER_WORDS_FILE).read_text(encoding="utf-8")


def test_a_word_that_cannot_be_kept_is_accepted_for_now_and_the_user_is_told(qtbot, editor, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from idmf.ui.editor.spelling.underline import spelling_menu

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    (data_dir() / USER_WORDS_FILE).mkdir()  # where the word list goes, something it cannot be written to
    editor.go_to("aims")
    box = editor.question_widget("summary").edit
    qtbot.waitUntil(lambda: box.spelling is not None)
    text = "Referrals come from Mercianvale practices."
    type_into(qtbot, box, text)
    menu = spelling_menu(box, _point_in_word(box, text, "Mercianvale"))
    next(a for a in menu.actions() if a.text().startswith("Add “Mercianvale”")).trigger()
    assert _underlined(box) == []  # accepted for the rest of the session all the same
    assert len(shown) == 1 and "“Mercianvale” is accepted until you close IDMF Desktop" in shown[0]
    assert "could not be kept for next time" in shown[0] and "spelling-words.txt" in shown[0]


def test_spelling_works_when_the_data_folder_cannot_be_read(monkeypatch, tmp_path):
    from idmf.ui.editor.spelling.checker import forget_shared_checker, shared_checker

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv("IDMF_DATA_DIR", str(blocker / "data"))  # cannot be made, even by an administrator
    forget_shared_checker()
    try:
        checker = shared_checker()
        assert checker is not None and checker.misspelt("They recieve the colour leaflet") == [(5, 7)]
    finally:
        forget_shared_checker()  # the next test loads it with its own data folder


def test_a_dictionary_that_failed_to_load_is_tried_again_a_minute_later(monkeypatch):
    from idmf.ui.editor.spelling import checker

    now = [1000.0]
    monkeypatch.setattr(checker, "_clock", lambda: now[0])
    checker.forget_shared_checker()
    try:
        with monkeypatch.context() as patch:
            patch.setattr(checker, "LANGUAGE", "xx_NOPE")  # as when a virus scanner holds the dictionary file
            assert checker.shared_checker() is None and checker.load_failed()
        now[0] += 5
        assert checker.shared_checker() is None  # not tried again for every text box of the page
        now[0] += checker.RETRY_AFTER_S
        loaded = checker.shared_checker()  # the next editor opened: spell checking is back, no restart
        assert loaded is not None and loaded.misspelt("recieve") == [(0, 7)] and checker.spelling_loaded()
    finally:
        checker.forget_shared_checker()


def test_bullet_lists_continue_on_enter_and_end_on_an_empty_bullet(qtbot, context, editor):
    editor.go_to("aims")
    box = editor.question_widget("summary").edit
    type_into(qtbot, box, "Changes:")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClicks(box, "- Move clinics")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClicks(box, "Add an evening list")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClick(box, Qt.Key.Key_Return)  # an empty bullet ends the list
    qtbot.keyClicks(box, "Done.")
    assert box.toPlainText() == "Changes:\n- Move clinics\n- Add an evening list\nDone."
    editor.flush()
    assert context.store.assessments.get(editor.assessment.id).answers["summary"] == box.toPlainText()


def test_long_answers_grow_with_no_scroll_bar_of_their_own_and_the_page_follows(qtbot, editor):
    editor.go_to("aims")
    page, box = editor.page("aims"), editor.question_widget("summary").edit
    box.setFocus()
    for n in range(40):
        qtbot.keyClicks(box, f"Line {n} of a long answer")
        qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: box.height() >= box.document().blockCount() * box.fontMetrics().lineSpacing())
    assert not box.verticalScrollBar().isVisible() and box.verticalScrollBar().maximum() == 0
    cursor_on_page = box.viewport().mapTo(page.viewport(), box.cursorRect().center())
    assert 0 <= cursor_on_page.y() <= page.viewport().height()  # the page scrolled to where the user types


def test_a_group_added_later_gets_spell_checking_too(qtbot, editor):
    editor.go_to("impact")
    qtbot.waitUntil(lambda: editor.question_widget("pc_age").block.narrative.spelling is not None)
    groups = editor.question_widget("ih_groups")
    groups.combo.setEditText("Shift workers")
    groups.add_current()
    narrative = groups.entries[-1].impact.narrative
    type_into(qtbot, narrative, "They recieve letters late.")
    assert _underlined(narrative) == ["recieve"]


def test_the_dictionary_loads_from_a_folder_with_accents_in_its_name(tmp_path):
    import shutil

    folder = tmp_path / "Zoë Ñúñez" / "IDMF Desktop"
    shutil.copytree(resources_dir() / "dictionaries", folder)
    checker = SpellChecker(folder, folder / USER_WORDS_FILE)
    assert checker.misspelt("recieve colour") == [(0, 7)]


def test_the_dictionary_loads_only_when_nothing_typed_waits_to_be_saved(qtbot, make_editor, blank_id):
    from idmf.ui.editor.spelling.checker import forget_shared_checker

    forget_shared_checker()  # as in a fresh app: the dictionary is not loaded yet
    editor = make_editor(blank_id)
    editor.autosave.debounce_ms = 60_000  # no pause-save during the test: the typing stays unsaved
    box = editor.question_widget("summary").edit
    editor.go_to("aims")
    type_into(qtbot, box, "Typing while the app starts")
    qtbot.waitUntil(lambda: editor.autosave.is_dirty())
    editor.check_spelling()
    assert box.spelling is None  # loading now would hold up saving what was just typed
    editor.flush()
    qtbot.waitUntil(lambda: box.spelling is not None)
