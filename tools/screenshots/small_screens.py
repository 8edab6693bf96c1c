"""Small laptops and large fonts: every editor page at 1280×720 with 125 % scaling, 1366×768 with a 14 pt font
and 1920×1080 at 150 %; saves screenshots and reports anything cut off, measured from widget geometry.

    python -m tools.screenshots.small_screens OUTDIR            # all three, each in its own process
    python -m tools.screenshots.small_screens OUTDIR --setting NAME [--report FILE.json]

Scaling must be set before Qt starts, so each setting runs in a fresh interpreter. The window fills the
screen less a 48-pixel taskbar, as a maximised window does. The report lists, per page, every label, input
or button that is wider than the part of the page it is shown in, or whose text does not fit it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tools.screenshots.base import _example, run_isolated

TASKBAR = 48  # physical pixels a maximised window loses to the taskbar
SETTINGS = {  # name: (physical width, height, scale factor, font point size or None)
    "1280x720-125pct": (1280, 720, 1.25, None),
    "1366x768-14pt": (1366, 768, 1.0, 14),
    "1920x1080-150pct": (1920, 1080, 1.5, None),
}


def _name(widget) -> str:
    text = widget.accessibleName() or getattr(widget, "text", lambda: "")() or widget.objectName()
    return f"{type(widget).__name__} “{' '.join(str(text).split())[:60]}”"


def _text_cut(widget) -> bool:
    """Whether a label's or button's text needs more room than the widget has."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    if isinstance(widget, QLabel) and widget.text():
        if widget.wordWrap():
            return widget.heightForWidth(widget.width()) > widget.height() + 1
        return widget.sizeHint().width() > widget.width() + 1
    if isinstance(widget, QAbstractButton) and widget.text():
        return widget.sizeHint().width() > widget.width() + 1
    return False


def cut_off(editor) -> list[str]:
    """What on the page on show (and in the step list) is wider than its visible area or has its text cut."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QLabel, QLineEdit, QPlainTextEdit,
                                   QWidget)

    kinds = (QLabel, QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QAbstractItemView)
    page = editor.pages[editor.stack.currentIndex()]
    viewport, problems = page.viewport(), []
    for widget in page.widget().findChildren(QWidget):
        if not isinstance(widget, kinds) or not widget.isVisibleTo(page) or widget.width() == 0:
            continue
        left = widget.mapTo(viewport, QPoint(0, 0)).x() + page.horizontalScrollBar().value()
        if left < 0 or left + widget.width() > viewport.width():
            problems.append(f"{_name(widget)} spans x {left}–{left + widget.width()} of {viewport.width()}")
        elif _text_cut(widget):
            problems.append(f"{_name(widget)}: its text does not fit ({widget.width()}×{widget.height()})")
    for button in (editor.back_button, editor.next_button):
        if _text_cut(button):
            problems.append(f"{_name(button)}: its text does not fit")
    return problems + _step_list_cut(editor)


def _step_list_cut(editor) -> list[str]:
    """Step list items whose lines (title, completion, items to fix) are not all shown, measured from the font."""
    from PySide6.QtCore import QRect, Qt

    steps, problems = editor.step_list, []
    metrics = steps.fontMetrics()
    for row in range(steps.count()):
        item = steps.item(row)
        shown = steps.visualItemRect(item)
        lines = item.text().splitlines() + ([item.data(Qt.ItemDataRole.UserRole + 1)]
                                            if item.data(Qt.ItemDataRole.UserRole + 1) else [])
        width = shown.width() - 2 * steps.style().pixelMetric(steps.style().PixelMetric.PM_FocusFrameHMargin) - 2
        needed = sum(metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, line).height()
                     for line in lines)
        if needed > shown.height() or shown.right() > steps.viewport().width():
            problems.append(f"step list: “{lines[0]}” needs {needed} px, shown in {shown.height()}")
    return problems


def _settle() -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(3):  # layouts settle, then text that depends on the final width re-wraps
        QApplication.processEvents()


def start_app(points: int | None):
    """The app's QApplication in the screenshots' style, with a `points` font when given."""
    from PySide6.QtGui import QFont

    from idmf.ui.app import create_application

    app = create_application([sys.argv[0]])
    app.setStyle("Fusion")
    if points:
        font = QFont(app.font())
        font.setPointSize(points)
        app.setFont(font)
    return app


def run_setting(out: Path, setting: str, report: Path | None) -> None:
    """In this process (scaling already set): every page, a screenshot each, and what is cut off."""
    from idmf.services.context import open_app
    from idmf.ui.main_window import MainWindow

    width, height, scale, points = SETTINGS[setting]
    start_app(points)
    context = open_app()
    found: dict[str, list[str]] = {}
    try:
        example = _example(context)
        window = MainWindow(context)
        window.resize(round(width / scale), round((height - TASKBAR) / scale))
        window.show()
        window.open_assessment(example.id)
        for n, section in enumerate(window.editor.form.sections, start=1):
            window.editor.go_to(section.id)
            _settle()
            found[section.id] = cut_off(window.editor)
            window.grab().save(str(out / f"{setting}-{n:02d}-{section.id.replace('_', '-')}.png"))
        _drawer_shot(window, out, setting)
        window.close()
    finally:
        context.close()
    if report:
        report.write_text(json.dumps(found, indent=1), encoding="utf-8")


def _drawer_shot(window, out: Path, setting: str) -> None:
    """The side panel opened with F9 on Step 4 (a drawer over the form where the window is narrow)."""
    editor = window.editor
    editor.go_to("impact")
    window.side_panel_action.trigger()  # F9: the state it was in flips
    if not editor.side_tabs.isVisible():
        window.side_panel_action.trigger()
    _settle()
    window.grab().save(str(out / f"{setting}-side-panel.png"))


def run_in_child(module: str, args: list[str], scale: float, platform: str = "offscreen", timeout: int = 600) -> int:
    """`python -m module args` in a fresh interpreter at a scale factor (Qt reads it once, at start) on a Qt
    platform; returns its exit status."""
    import idmf

    root = Path(__file__).resolve().parents[2]  # the repository, which holds tools/
    path = os.pathsep.join([str(Path(idmf.__file__).resolve().parents[1]), str(root), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "QT_SCALE_FACTOR": str(scale), "QT_QPA_PLATFORM": platform, "PYTHONPATH": path}
    return subprocess.run([sys.executable, "-m", module, *args], env=env, cwd=root, timeout=timeout).returncode


def run_all(out: Path) -> dict[str, dict[str, list[str]]]:
    """Every setting in its own process; returns {setting: {section: problems}}."""
    results = {}
    for setting, (_w, _h, scale, _points) in SETTINGS.items():
        report = out / f"{setting}.json"
        args = [str(out), "--setting", setting, "--report", str(report)]
        status = run_in_child("tools.screenshots.small_screens", args, scale)
        if status:
            raise subprocess.CalledProcessError(status, ["tools.screenshots.small_screens", *args])
        results[setting] = json.loads(report.read_text(encoding="utf-8"))
        report.unlink()
    return results


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (see the module docstring)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    if "--setting" not in args:
        results = run_all(out)
        cut = {s: {p: v for p, v in pages.items() if v} for s, pages in results.items()}
        print(json.dumps(cut, indent=1) if any(cut.values()) else "Nothing cut off at any setting.")
        return 1 if any(cut.values()) else 0
    setting = args[args.index("--setting") + 1]
    report = Path(args[args.index("--report") + 1]) if "--report" in args else None
    return run_isolated(run_setting, out, setting, report)


if __name__ == "__main__":
    sys.exit(main())
