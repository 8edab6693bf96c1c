"""`idmf --self-test`: prove an installed or bundled app works end to end, then exit (0 = passed).

Opens a throwaway database (in IDMF_DATA_DIR, else a temporary folder), imports the example assessment,
shows the main window, opens the editor on every step, checks that spell checking finds a known misspelling
in a text box (the bundled British English dictionary loads), exports a Word file with the core exporter and
reads it back with python-docx, and signs and checks a statement with a throwaway key (cryptography and
keyring load). Prints one line; on failure the line names the step that failed.
Runs offscreen unless QT_QPA_PLATFORM says otherwise, so it works in CI and on a build server.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Sequence

EXAMPLE = "examples/day-case-unit.json"
DATABASE_FILE = "idmf-self-test.sqlite3"  # never the user's own idmf.sqlite3, even in their data folder
DOCUMENT_FILE = "idmf-self-test.docx"
SETTINGS_FILE = "idmf-self-test.ini"
SIGNING_FOLDER = "idmf-self-test-signing"  # a throwaway key store, never the user's
MISSPELT_TEXT, MISSPELT, CORRECTION = "The organisation will recieve the colour charts.", "recieve", "receive"


class SelfTestError(RuntimeError):
    """A step of the self-test failed; the message says which and why."""


def _folder() -> tuple[Path, bool]:
    """(the folder to work in, whether it is ours to delete afterwards)."""
    given = os.environ.get("IDMF_DATA_DIR")
    if given:
        return Path(given), False
    folder = Path(tempfile.mkdtemp(prefix="idmf-self-test-"))
    # Everything else the app writes (logs, backups) follows IDMF_DATA_DIR, so it lands here too.
    os.environ["IDMF_DATA_DIR"] = str(folder)
    return folder, True


class _ModalGuard:
    """Closes any modal dialog at once and remembers its text: a message box would hang an offscreen run."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.messages: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._check)
        self.timer.start()

    def _check(self) -> None:
        from PySide6.QtWidgets import QApplication, QDialog

        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            text = getattr(dialog, "text", lambda: dialog.windowTitle())()
            self.messages.append(" ".join(str(text).split()))
            dialog.done(0)

    def stop(self) -> None:
        """Stop watching."""
        self.timer.stop()


def _step(name: str, action, *args):
    """Run one step; any exception becomes a SelfTestError naming the step."""
    try:
        return action(*args)
    except SelfTestError:
        raise
    except Exception as exc:  # noqa: BLE001 - every failure must end as one plain line, not a traceback
        raise SelfTestError(f"{name}: {type(exc).__name__}: {exc}") from exc


def _create_assessment(context):
    """The example assessment (as a copy, so repeated runs in one folder never clash)."""
    from idmf.paths import resources_dir

    text = (resources_dir() / EXAMPLE).read_text(encoding="utf-8")
    return context.assessments.import_json(text, as_copy=True)


def _exercise_window(context, folder: Path, assessment_id: int, guard: _ModalGuard) -> None:
    """Show the main window, open the editor, visit every step, go back to the dashboard."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from idmf.ui.main_window import MainWindow

    settings = QSettings(str(folder / SETTINGS_FILE), QSettings.Format.IniFormat)
    window = MainWindow(context, settings=settings)
    window.show()
    QApplication.processEvents()
    try:
        if not window.open_assessment(assessment_id) or window.editor is None:
            raise SelfTestError(f"the editor did not open: {'; '.join(guard.messages) or 'no reason given'}")
        for section in window.editor.form.sections:
            window.editor.go_to(section.id)
            QApplication.processEvents()
        if not window.show_dashboard():
            raise SelfTestError("the editor could not save and close")
    finally:
        window.close()
        QApplication.processEvents()


def _check_spelling() -> str:
    """Type-check a known misspelling in a real text box: underlined, with the right first suggestion."""
    from PySide6.QtGui import QTextCharFormat

    from idmf.ui.editor.fields.text import GrowingTextEdit
    from idmf.ui.editor.spelling.underline import check_spelling

    box = GrowingTextEdit()
    if check_spelling(box) is None:
        raise SelfTestError("checking spelling: spell checking did not load "
                            "(the Hunspell library or the en_GB dictionary is missing)")
    box.setPlainText(MISSPELT_TEXT)
    block = box.document().begin()
    marked = [block.text()[r.start:r.start + r.length] for r in block.layout().formats()
              if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline]
    suggestions = box.spelling.checker.suggestions(MISSPELT)
    if marked != [MISSPELT] or not suggestions or suggestions[0] != CORRECTION:
        raise SelfTestError(f"checking spelling: it underlined {marked} and suggested {suggestions[:3]} "
                            f"in “{MISSPELT_TEXT}”; expected only “{MISSPELT}”, corrected to “{CORRECTION}”")
    return f"spell check found “{MISSPELT}” (suggested “{CORRECTION}”)"


def _export_and_read_back(context, assessment_id: int, path: Path) -> int:
    """Export with the core exporter, reopen with python-docx; returns the paragraph count."""
    import docx

    item = context.assessments.get(assessment_id)
    context.documents.export_docx(assessment_id, path)
    document = docx.Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    if item.title not in text:
        raise SelfTestError(f"the Word file {path} does not contain the assessment's title")
    return len(document.paragraphs)


def _sign_and_verify(folder: Path) -> None:
    """Load the credential-store library, make a throwaway key in a file key store of the self-test's own (never
    the user's store), sign a statement and check it."""
    import keyring

    from idmf.signing.envelope import open_signed, seal
    from idmf.signing.keystore import KeyStore

    keyring.get_keyring()  # its backends are found (a bundle must carry their entry points)
    scratch = folder / SIGNING_FOLDER
    shutil.rmtree(scratch, ignore_errors=True)  # what an interrupted earlier run may have left
    try:
        keys = KeyStore(scratch, file_only=True)
        identity = keys.load(keys.create("IDMF self-test", "lead").key_id)
        open_signed(seal(identity, "self-test", {"ok": True}).to_json(), "self-test", "the self-test")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _run_steps(argv: Sequence[str], folder: Path) -> str:
    """Every step in order; returns the success line."""
    from idmf import __version__
    from idmf.services.context import open_app
    from idmf.ui.app import create_application

    started = time.perf_counter()
    _step("starting Qt", create_application, list(argv))
    guard = _ModalGuard()
    context = _step("opening the database", open_app, f"sqlite:///{folder / DATABASE_FILE}")
    try:
        item = _step("creating an assessment", _create_assessment, context)
        _step("showing the window and editor", _exercise_window, context, folder, item.id, guard)
        spelling = _step("checking spelling", _check_spelling)
        path = folder / DOCUMENT_FILE
        paragraphs = _step("exporting to Word", _export_and_read_back, context, item.id, path)
        _step("signing and checking a signature", _sign_and_verify, folder)
    finally:
        guard.stop()
        context.close()
    return (f"IDMF Desktop {__version__} self-test passed: opened the editor, {spelling}, exported {path.name} "
            f"({paragraphs} paragraphs) in {time.perf_counter() - started:.1f} s")


def run(argv: Sequence[str] | None = None) -> int:
    """Run the self-test and print one line; returns the exit status (0 passed, 1 failed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder, ours = _folder()
    try:
        print(_run_steps(list(sys.argv[:1] if argv is None else argv), folder), flush=True)
        return 0
    except SelfTestError as exc:
        print(f"IDMF Desktop self-test FAILED while {exc}", file=sys.stderr, flush=True)
        return 1
    finally:
        if ours:
            os.environ.pop("IDMF_DATA_DIR", None)
            shutil.rmtree(folder, ignore_errors=True)
