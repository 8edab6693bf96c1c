"""Start-up benchmark: cold start to an interactive dashboard, beside a bare PySide6 window in the same run.

    PYTHONPATH=src python benchmarks/startup_bench.py [--runs N]

Each run is a fresh interpreter (nothing imported or cached in memory). Time runs from just before the
process is launched to the moment the main window has painted once and the event loop has gone idle (a
zero-delay timer queued after the first paint has fired): the point where a click would be handled. The app
starts through its real entry point (idmf.ui.app.main) on a database holding the example and 20 more
assessments. The bare case is QApplication + an empty QMainWindow, measured the same way: the floor that
Python and Qt set on this machine. Peak memory is the child's peak resident size.

The app shows its dashboard (with its rows) before the services have loaded, when that is safe (issue 22):
"interactive" is still the painted window with its rows and an idle event loop, and two more figures say
what follows: "services ready" (the services attached, New / Open / Import enabled) and the longest the
event loop was kept from running meanwhile (a 10 ms timer's worst lateness: what a click could wait).
Set QT_QPA_PLATFORM=offscreen to run without a display (the default here when none is set).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from peak_memory import max_rss_mib  # benchmarks/ is the script's folder, so first on sys.path

EXAMPLE = "examples/day-case-unit.json"
EXTRA_ASSESSMENTS = 20


def _watch_first_paint(window, report) -> None:
    """Call `report(first_paint_time)` once `window` has painted and the loop is idle.

    The filter sits on the window alone, installed just before it is shown, in both cases. (An earlier version
    filtered every event of the whole application from its start: each of the ~740 events of building the
    app's window then went through Python, adding ~30 ms of the observer's own to the app and almost nothing
    to the bare window, which has a handful.)"""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Watcher(QObject):
        painted = None

        def eventFilter(self, obj, event):  # noqa: N802 - Qt API
            if self.painted is None and obj is window and event.type() == QEvent.Type.Paint:
                self.painted = time.time()
                # A zero timer runs once the queued events (layouts, the rest of the paint) are handled.
                QTimer.singleShot(0, lambda: report(self.painted))
            return False

    window._bench_watcher = Watcher()  # kept alive by the window
    window.installEventFilter(window._bench_watcher)


def _finish(first_paint: float, ready=None) -> None:
    """Print the figures and quit; `ready` (the app's case) waits for the services first."""
    from PySide6.QtWidgets import QApplication

    figures = {"paint": first_paint, "idle": time.time()}
    if ready is not None:
        figures.update(_wait_until_ready(ready))
    print(json.dumps({**figures, "peak_mib": max_rss_mib()}), flush=True)
    for window in QApplication.topLevelWidgets():
        window.close()
    QApplication.quit()


def _wait_until_ready(ready) -> dict[str, float]:
    """Run the event loop until `ready()`; the time then, and the worst lateness of a 10 ms timer meanwhile."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    loop, clock, worst = QEventLoop(), QElapsedTimer(), [0]
    clock.start()

    def tick() -> None:
        worst[0] = max(worst[0], clock.restart() - 10)
        if ready():
            loop.quit()

    timer = QTimer(interval=10, timeout=tick)
    timer.start()
    loop.exec()
    timer.stop()
    return {"ready": time.time(), "stall_ms": worst[0]}


def _child(case: str) -> int:
    """One measured start, in this fresh process; prints its timestamps as JSON."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    if case == "bare":
        app = QApplication([sys.argv[0]])
        window = QMainWindow()
        window.resize(1280, 800)
        _watch_first_paint(window, _finish)
        window.show()
        return app.exec()
    return _app_child()


def _app_child() -> int:
    """The app through its entry point (idmf.ui.app.main), its main window watched from the moment it is shown."""
    from idmf.ui.app import main
    from idmf.ui.main_window import MainWindow

    real_show = MainWindow.show

    def show(window) -> None:
        MainWindow.show = real_show  # the first show only
        _watch_first_paint(window, lambda painted: _finish(painted, lambda: window.context is not None))
        real_show(window)

    MainWindow.show = show
    return main([sys.argv[0]])


def _compile_bytecode() -> None:
    """Compile the app's modules first, as an installed app (wheel or bundle) always has them compiled: where
    PYTHONDONTWRITEBYTECODE is set, a source checkout would otherwise compile every module on every start."""
    import compileall

    import idmf

    compileall.compile_dir(str(Path(idmf.__file__).parent), quiet=1)


def _prepare(data: Path) -> None:
    """A data folder with the example and a few more assessments, made in a separate process."""
    code = ("from idmf.services.context import open_app; from idmf.paths import resources_dir; c = open_app(); "
            f"t = (resources_dir() / {EXAMPLE!r}).read_text(encoding='utf-8'); "
            f"[c.assessments.import_json(t, as_copy=True) for _ in range({EXTRA_ASSESSMENTS + 1})]; c.close()")
    subprocess.run([sys.executable, "-c", code], env=_env(data), check=True)


def _env(data: Path) -> dict[str, str]:
    env = {**os.environ, "IDMF_DATA_DIR": str(data), "IDMF_DATABASE_URL": f"sqlite:///{data / 'idmf.sqlite3'}"}
    if sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")  # a server or CI machine: no screen to show on
    return env


def measure(case: str, data: Path) -> dict[str, float]:
    """One cold start in a fresh interpreter: seconds to first paint and to interactive, peak MiB."""
    started = time.time()
    out = subprocess.run([sys.executable, __file__, "--child", case], env=_env(data), capture_output=True,
                         text=True, timeout=120, check=False)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        raise RuntimeError(f"{case} start failed ({out.returncode}): {out.stderr.strip()[-2000:]}")
    result = json.loads(lines[-1])
    figures = {"paint": result["paint"] - started, "idle": result["idle"] - started, "peak": result["peak_mib"]}
    if "ready" in result:
        figures.update(ready=result["ready"] - started, stall=result["stall_ms"] / 1000)
    return figures


def main(argv: list[str] | None = None) -> int:
    """Alternate bare and app starts (so both see the same machine load) and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold starts per case (median reported)")
    parser.add_argument("--child", choices=["bare", "app"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(args.child)
    _compile_bytecode()
    data = Path(tempfile.mkdtemp(prefix="idmf-startup-bench-"))
    try:
        _prepare(data)
        runs: dict[str, list[dict[str, float]]] = {"bare": [], "app": []}
        for _ in range(args.runs):
            for case in runs:
                runs[case].append(measure(case, data))
    finally:
        shutil.rmtree(data, ignore_errors=True)
    _report(runs, args.runs)
    return 0


def _report(runs: dict[str, list[dict[str, float]]], count: int) -> None:
    import PySide6

    platform = _env(Path()).get("QT_QPA_PLATFORM", "default")
    print(f"Cold start to interactive, median of {count} fresh processes "
          f"(Python {sys.version.split()[0]}, PySide6 {PySide6.__version__}, QPA {platform})")
    medians = {}
    for case, label in (("bare", "bare PySide6 QMainWindow"), ("app", "IDMF Desktop dashboard")):
        rows = runs[case]
        medians[case] = statistics.median(r["idle"] for r in rows)
        print(f"  {label:<26} first paint {statistics.median(r['paint'] for r in rows) * 1000:5.0f} ms   "
              f"interactive {medians[case] * 1000:5.0f} ms (max {max(r['idle'] for r in rows) * 1000:.0f})   "
              f"peak RSS {statistics.median(r['peak'] for r in rows):4.0f} MiB")
    app = runs["app"]
    each = ", ".join(f"{a['idle'] / b['idle']:.2f}" for a, b in zip(app, runs["bare"]))
    print(f"  ratio app / bare: {medians['app'] / medians['bare']:.2f}x   (run by run: {each})")
    print(f"  then services ready {statistics.median(r['ready'] for r in app) * 1000:5.0f} ms "
          f"(max {max(r['ready'] for r in app) * 1000:.0f}); longest the event loop waited meanwhile "
          f"{statistics.median(r['stall'] for r in app) * 1000:.0f} ms median, "
          f"{max(r['stall'] for r in app) * 1000:.0f} ms worst")


if __name__ == "__main__":
    sys.exit(main())
