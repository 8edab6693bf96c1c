"""Spelling in a text box: misspelt words get a wavy underline; right-click (or the Menu key) on one offers
corrections and "Add to dictionary" above the usual Cut / Copy / Paste."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QSyntaxHighlighter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from idmf.errors import friendly
from idmf.ui import messages
from idmf.ui.editor.spelling.checker import WORD, SpellChecker, shared_checker

NO_SUGGESTIONS = "No suggestions"


class SpellingHighlighter(QSyntaxHighlighter):
    """Underlines misspelt words of a document (red wavy line, as in word processors)."""

    def __init__(self, document, checker: SpellChecker) -> None:
        super().__init__(document)
        self.checker = checker
        self.mark = QTextCharFormat()
        self.mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.mark.setUnderlineColor(Qt.GlobalColor.red)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        """Mark the misspelt words of one paragraph (Qt calls this for the paragraphs that changed)."""
        for start, length in self.checker.misspelt(text):
            self.setFormat(start, length, self.mark)


def check_spelling(edit: QPlainTextEdit) -> SpellingHighlighter | None:
    """Underline misspelt words in a text box from now on (None when spell checking could not load).

    The first call loads the dictionary (about 0.1 s): the editor makes it once its first page is on screen.
    """
    if getattr(edit, "spelling", None) is not None:
        return edit.spelling
    checker = shared_checker()
    if checker is None:
        return None
    edit.spelling = SpellingHighlighter(edit.document(), checker)
    return edit.spelling


def word_at(edit: QPlainTextEdit, position: QPoint) -> QTextCursor | None:
    """A cursor selecting the word under a point of the box (None when there is no word there)."""
    cursor = edit.cursorForPosition(position)
    block, column = cursor.block(), cursor.positionInBlock()
    for match in WORD.finditer(block.text()):
        if match.start() <= column <= match.end():
            cursor.setPosition(block.position() + match.start())
            cursor.setPosition(block.position() + match.end(), QTextCursor.MoveMode.KeepAnchor)
            return cursor
    return None


def spelling_menu(edit: QPlainTextEdit, position: QPoint) -> QMenu:
    """The box's context menu, with corrections and Add to dictionary first when the word there is misspelt."""
    menu = edit.createStandardContextMenu(position)
    highlighter = getattr(edit, "spelling", None)
    cursor = word_at(edit, position)
    if highlighter is None or cursor is None or edit.isReadOnly():
        return menu
    word = cursor.selectedText()
    if highlighter.checker.is_correct(word):
        return menu
    first = menu.actions()[0] if menu.actions() else None
    actions = [_replace_action(menu, edit, cursor, s) for s in highlighter.checker.suggestions(word)]
    if not actions:
        actions = [QAction(NO_SUGGESTIONS, menu, enabled=False)]
    add = QAction(f"Add “{word}” to dictionary", menu)
    add.triggered.connect(lambda: _add_word(edit, highlighter, word))
    menu.insertActions(first, [*actions, add])
    menu.insertSeparator(first)
    return menu


def _replace_action(menu: QMenu, edit: QPlainTextEdit, cursor: QTextCursor, suggestion: str) -> QAction:
    action = QAction(suggestion, menu)
    action.triggered.connect(lambda: _replace(edit, cursor, suggestion))
    return action


def _replace(edit: QPlainTextEdit, cursor: QTextCursor, suggestion: str) -> None:
    cursor.insertText(suggestion)  # an edit like typing: saved and undone like typing
    edit.setTextCursor(cursor)


def _add_word(edit: QPlainTextEdit, highlighter: SpellingHighlighter, word: str) -> None:
    try:
        highlighter.checker.add_word(word)
    except OSError as exc:  # a full or locked disk: the word is accepted for now all the same
        messages.warning(edit, "Word not kept", f"“{word}” is accepted until you close IDMF Desktop, but it could "
                         f"not be kept for next time: {friendly(exc)} Check that the disk is not full and that "
                         "the folder can be written to; when the word is underlined again, add it again.")
    highlighter.rehighlight()
