"""The portfolio on many realistic assessments, on a small laptop and with a large font:
`python -m tools.screenshots.portfolio OUTDIR [--assessments N]`.

Seeds a throwaway data file with benchmarks/team_seed.py (the load test's assessments: drafts to approved, impact
blocks rated, action plans, responsible directors), opens View → Portfolio's dialog as the window would and saves
its charts, the negative impacts and actions tabs, and the portfolio of one responsible director, at each setting
of tools.screenshots.small_screens that matters for a dialog (1280×720 at 125 %, 1366×768 with a 14 pt font) and
both at once, each in its own process on an offscreen screen of that size less a taskbar (scaling is set before Qt
starts). Prints anything cut off or bigger than the screen; exits 1 if so.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from tools.screenshots.base import run_isolated
from tools.screenshots.small_screens import (SETTINGS, TASKBAR, _name, _settle, _text_cut, run_in_child,
                                             start_app)

# The small laptop and the large font of small_screens, and both at once (a dialog must still fit).
SETTINGS = {**SETTINGS, "1280x720-125pct-14pt": (1280, 720, 1.25, 14)}
SHOWN = ("1280x720-125pct", "1366x768-14pt", "1280x720-125pct-14pt")
TODAY = dt.date(2026, 12, 1)  # the seed's dates are around this day, so the shots are the same on any day


def cut_off(dialog, screen_width: int, screen_height: int) -> list[str]:
    """Labels, buttons, boxes and tables of the dialog that stick out of it or whose text does not fit, and the
    dialog itself if it is bigger than the screen's room."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QDateEdit, QLabel, QWidget

    problems = []
    if dialog.width() > screen_width or dialog.height() > screen_height:
        problems.append(f"the dialog is {dialog.width()}×{dialog.height()}, the screen has {screen_width}×"
                        f"{screen_height}")
    for widget in dialog.findChildren(QWidget):
        if not isinstance(widget, (QLabel, QAbstractButton, QComboBox, QDateEdit, QAbstractItemView)) \
                or not widget.isVisibleTo(dialog) or widget.width() == 0:
            continue
        left = widget.mapTo(dialog, QPoint(0, 0)).x()
        if left < 0 or left + widget.width() > dialog.width():
            problems.append(f"{_name(widget)} spans x {left}–{left + widget.width()} of {dialog.width()}")
        elif _text_cut(widget):
            problems.append(f"{_name(widget)}: its text does not fit ({widget.width()}×{widget.height()})")
    return problems


def _wait_for(dialog, ready) -> None:
    """Let the portfolio build off the GUI thread and come back."""
    import time

    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + 120
    while not ready():
        if time.monotonic() > deadline:
            raise TimeoutError("the portfolio was not built within two minutes")
        QApplication.processEvents()
        time.sleep(0.02)
    _settle()


def run_setting(out: Path, setting: str, assessments: int) -> None:
    """In this process (scaling already set): seed, open the portfolio, save the shots, print what is cut off."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    import team_seed

    from idmf.services.context import open_app
    from idmf.ui.portfolio import PortfolioDialog

    width, height, scale, points = SETTINGS[setting]
    start_app(points)
    context = open_app()
    try:
        team_seed.seed(context.database.engine, context.store.forms.latest(), assessments, 4, today=TODAY)
        room = (round(width / scale), round((height - TASKBAR) / scale))  # logical pixels, as Qt lays out
        dialog = PortfolioDialog(context, today=TODAY)
        dialog.show()
        _wait_for(dialog, lambda: dialog.built is not None)
        problems = cut_off(dialog, *room)
        for n, tab in enumerate(("Charts", "Negative impacts", "Actions")):
            dialog.tabs.setCurrentIndex(0 if n == 0 else 1 + list(dialog.models).index(tab))
            _settle()
            dialog.grab().save(str(out / f"{setting}-portfolio-{n + 1}-{tab.lower().replace(' ', '-')}.png"))
        dialog.director.setCurrentIndex(dialog.director.findData(team_seed.DIRECTORS[0]))
        dialog.refresh()
        _wait_for(dialog, lambda: dialog.summary.text() != "Loading…")
        dialog.tabs.setCurrentIndex(0)
        _settle()
        problems += cut_off(dialog, *room)
        dialog.grab().save(str(out / f"{setting}-portfolio-4-one-director.png"))
        print(f"{setting}: {dialog.width()}×{dialog.height()} in {room[0]}×{room[1]}; "
              + ("; ".join(sorted(set(problems))) if problems else "nothing cut off"), flush=True)
        if problems:
            raise SystemExit(1)
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (see the module docstring)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    assessments = int(args[args.index("--assessments") + 1]) if "--assessments" in args else 2_000
    if "--setting" in args:
        return run_isolated(run_setting, out, args[args.index("--setting") + 1], assessments)
    failed = 0
    for setting in SHOWN:
        width, height, scale, _points = SETTINGS[setting]
        screen = out / f"{setting}-screen.json"  # the offscreen screen made this laptop's, less its taskbar
        screen.write_text(json.dumps({"screens": [{"name": setting, "x": 0, "y": 0, "width": width,
                                                   "height": height - TASKBAR, "logicalDpi": 96, "dpr": 1}]}))
        failed |= run_in_child("tools.screenshots.portfolio", [str(out), "--setting", setting, "--assessments",
                                                                str(assessments)],
                               scale, f"offscreen:configfile={screen}", timeout=900)
        screen.unlink()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
