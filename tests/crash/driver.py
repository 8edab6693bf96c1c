"""Runs inside the crash harness's child process: starts the real app and types like a person until killed.

Started as `python -m tests.crash.driver` with CRASH_SIDE_FILE (where to log what was typed), CRASH_SEED and
CRASH_MODE ("type", or "check": report what opened, then exit). Each line of the side file is written,
flushed and fsync'd before the next key, so it survives the SIGKILL that ends the run:

    opened <assessment id> <section id> <saved length of the question>
    c <length of the text after this key> <time.monotonic()>
"""

from __future__ import annotations

import os
import random
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

QUESTION = "summary"
WORDS = ("patients", "carers", "travel", "clinic", "evening", "buses", "interpreter", "wheelchair", "access",
         "appointments", "parking", "language", "older", "people", "disabled", "shift", "workers", "rural")


def typed_text(seed: int) -> str:
    """What the typist types for a seed (the harness rebuilds it to check the saved text)."""
    pick = random.Random(seed)
    return " " + " ".join(pick.choice(WORDS) for _ in range(200)) + "."


class SideFile:
    """An append-only log that reaches the disk before the next keystroke."""

    def __init__(self, path: str) -> None:
        self.stream = open(path, "a", encoding="utf-8")  # noqa: SIM115 - open for the whole run

    def write(self, line: str) -> None:
        """Append one line and force it to disk."""
        self.stream.write(line + "\n")
        self.stream.flush()
        os.fsync(self.stream.fileno())


class Typist:
    """Waits for the main window to reopen the assessment, then types into one long-text question."""

    def __init__(self, side: SideFile, seed: int, mode: str) -> None:
        self.side, self.mode = side, mode
        self.random = random.Random(seed + 1)
        self.text = typed_text(seed)
        self.position = 0
        self.field = None
        self.timer = QTimer()
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._step)
        self.timer.start(50)

    def _window(self):
        from idmf.ui.main_window import MainWindow

        return next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)

    def _step(self) -> None:
        if self.field is None:
            self._find_editor()
        else:
            self._type_one()

    def _find_editor(self) -> None:
        window = self._window()
        if window is None or window.editor is None:
            self.timer.start(50)
            return
        editor = window.editor
        self.field = editor.question_widget(QUESTION)
        saved = editor.controller.saved_json(QUESTION) or ""
        self.side.write(f"opened {editor.assessment.id} {editor.current_section_id()} {len(saved)}")
        if self.mode == "check":
            os._exit(0)
        window.activateWindow()
        self.field.edit.setFocus()
        self.field.edit.moveCursor(self.field.edit.textCursor().MoveOperation.End)
        self.timer.start(100)

    def _gap(self) -> int:
        """Milliseconds to the next key: 60-200 ms, with a thinking pause now and then."""
        if self.random.random() < 0.06:
            return self.random.randint(500, 2500)
        return self.random.randint(60, 200)

    def _type_one(self) -> None:
        char = self.text[self.position]
        self.position += 1
        QTest.keyClicks(self.field.edit, char)
        self.side.write(f"c {len(self.field.value())} {_now():.6f}")
        self.timer.start(self._gap())


def _now() -> float:
    return time.monotonic()


def main() -> int:
    """Start the app with the typist installed; returns the app's exit status.

    With CRASH_WAIT_GO set, Python's imports are done first and the app starts only when a line arrives on
    stdin: the harness warms the next process up while the current one types (the data folder is untouched).
    """
    import idmf.services.context  # noqa: F401 - idmf.ui.app no longer imports the services itself (quick start)
    from idmf.ui import app
    from idmf.ui.editor import AssessmentEditor  # noqa: F401 - imported ahead, as the start would

    if os.environ.get("CRASH_WAIT_GO"):
        sys.stdin.readline()
    qt_app = app.create_application(["idmf"])
    side = SideFile(os.environ["CRASH_SIDE_FILE"])
    typist = Typist(side, int(os.environ.get("CRASH_SEED", "0")), os.environ.get("CRASH_MODE", "type"))
    status = app.main(["idmf"])
    del typist, qt_app
    return status


if __name__ == "__main__":
    sys.exit(main())
