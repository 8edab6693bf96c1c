"""Desktop UI benchmark: opening an assessment, switching steps, typing, autosave, and a 10,000-row dashboard.

    PYTHONPATH=src python benchmarks/ui_bench.py [--runs N] [--rows N] [--fresh] [case ...]

Each case runs in a fresh interpreter on its own temporary database (so its peak memory is its own), in
the real MainWindow. The database is created and the census cache filled beforehand in another process, so
each case starts as the app does on every start after the first (`--fresh`: the case does both itself, as on
the very first start, when the migrations import Alembic and the first open fills the census cache). Every timing includes handling the events the action queued (layout, repaint), i.e.
until the window would show the result: Qt's offscreen platform still paints into its backing store.
  open        open the example in the editor: first time, until the first step has painted (the other pages are
              built afterwards in slices: time until all are built, and the longest turn of the event loop);
              then median of N, each another assessment than the one before (the example and a copy in turn)
  steps       show each of the 8 sections in turn, 3 rounds (median and slowest switch)
  keystroke   one key typed at the end of a long-text answer already holding 5,000 characters (one paragraph,
              so each key re-checks the spelling of all of it): without, then with spell checking
  autosave    one save of a pending change (flush, as on leaving a field), synchronous=FULL SQLite
  dashboard   10,000 assessments (bulk-inserted): load, search-as-you-type per key, sort by each column
Set QT_QPA_PLATFORM=offscreen to run without a display (the default here when none is set).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from peak_memory import max_rss_mib  # benchmarks/ is the script's folder, so first on sys.path

EXAMPLE = "examples/day-case-unit.json"
READ_MS = 1500  # a person reads the page a moment before moving on
CASES = ("open", "steps", "keystroke", "autosave", "dashboard")
SEARCH = "hinckley"
PLACES = ("Hinckley", "Loughborough", "Melton", "Oadby", "Coalville", "Market Harborough", "Lutterworth")
SERVICES = ("day case unit", "community phlebotomy", "stroke rehabilitation", "maternity triage",
            "interpreting policy", "estates plan", "diabetes pathway", "falls service")


def _settle() -> None:
    """Handle what the last action queued (layouts, then the repaint they cause)."""
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    QApplication.processEvents()


def _timed(action) -> float:
    """Milliseconds for an action and the events it queued."""
    started = time.perf_counter()
    action()
    _settle()
    return (time.perf_counter() - started) * 1000


def _timed_cpu(action) -> tuple[float, float]:
    """(wall, CPU) milliseconds for an action and its events: CPU time is less disturbed by a busy machine."""
    cpu = time.process_time()
    wall = _timed(action)
    return wall, (time.process_time() - cpu) * 1000


def _setup(data: Path):
    """(context, main window, example id) on a fresh database in `data`."""
    from PySide6.QtCore import QSettings

    from idmf.paths import resources_dir
    from idmf.services.context import open_app
    from idmf.ui.app import create_application
    from idmf.ui.main_window import MainWindow

    create_application([sys.argv[0]])
    context = open_app(f"sqlite:///{data / 'idmf.sqlite3'}")
    example = context.assessments.import_json((resources_dir() / EXAMPLE).read_text(encoding="utf-8"))
    window = MainWindow(context, settings=QSettings(str(data / "bench.ini"), QSettings.Format.IniFormat))
    window.resize(1280, 800)
    window.show()
    _settle()
    return context, window, example.id


def _first_open(window, target) -> dict:
    """The first open of a session: until the first step has painted (the rest is built afterwards, in slices),
    then until every slice is built, and the longest single turn of the event loop meanwhile (a stall: keys
    wait that long)."""
    from PySide6.QtWidgets import QApplication

    started = time.perf_counter()
    window.open_assessment(target)
    editor, stalls = window.editor, []
    while not editor.first_painted_at:  # set when the first step has painted and the loop was idle again
        QApplication.processEvents()
    visible = (editor.first_painted_at - started) * 1000
    while not editor.all_built:
        turn = time.perf_counter()
        QApplication.processEvents()
        stalls.append((time.perf_counter() - turn) * 1000)
    return {"first_ms": visible, "all_built_ms": (time.perf_counter() - started) * 1000,
            "longest_stall_ms": max(stalls, default=0.0), "slices": len(stalls)}


def case_open(data: Path, runs: int) -> dict:
    """First open (the first step visible, then the rest built in slices) and the median of later opens,
    alternating between the example and a copy of it, so every later open shows another assessment than the
    one before (as a user going through the list does), with a short read of the dashboard in between."""
    from PySide6.QtTest import QTest

    context, window, example_id = _setup(data)
    copy_id = context.assessments.duplicate_as_new_version(example_id).id
    QTest.qWait(READ_MS)  # the user looks at the dashboard before choosing an assessment
    first = _first_open(window, example_id)
    times = []
    for n in range(1, runs + 1):
        QTest.qWait(READ_MS)  # the user reads the first step (the editor finishes its slices meanwhile)
        window.show_dashboard()
        _settle()
        times.append(_timed(lambda: window.open_assessment((example_id, copy_id)[n % 2])))
    return {**first, "median_ms": statistics.median(times)}


def case_steps(data: Path, runs: int) -> dict:
    """Every section in turn, three rounds; median, slowest and which section was slowest."""
    _context, window, example_id = _setup(data)
    window.open_assessment(example_id)
    _settle()
    from PySide6.QtTest import QTest

    QTest.qWait(1500)  # a person reads the first page before choosing a step (the editor warms pages meanwhile)
    editor, times = window.editor, []
    for _ in range(3):
        for section in editor.form.sections[1:] + editor.form.sections[:1]:
            times.append((*_timed_cpu(lambda: editor.go_to(section.id)), section.id))
    slowest = max(times)
    return {"median_ms": statistics.median(t for t, _, _ in times), "max_ms": slowest[0], "slowest": slowest[2],
            "sections": len(editor.form.sections), "cpu_median_ms": statistics.median(c for _, c, _ in times),
            "cpu_max_ms": max(c for _, c, _ in times)}


def _long_text_input(window):
    """The first long-text answer's input, filled with 5,000 characters, focused, cursor at the end."""
    from PySide6.QtGui import QTextCursor

    from idmf.forms.schema import FieldType

    editor = window.editor
    question = next(q for q in editor.form.questions() if q.type == FieldType.LONG_TEXT)
    editor.go_to(editor.form.section_of(question.id).id)
    field = editor.question_widget(question.id)
    field.set_value(("Access to the unit by public transport was considered. " * 90)[:5000])
    box = field.inputs()[0]
    box.setFocus()
    box.moveCursor(QTextCursor.MoveOperation.End)
    _settle()
    return box


def case_keystroke(data: Path, runs: int) -> dict:
    """200 keys typed one at a time at the end of a 5,000-character answer, without and with spell checking."""
    from PySide6.QtTest import QTest

    _context, window, example_id = _setup(data)
    window.open_assessment(example_id)
    box = _long_text_input(window)
    # Both passes after the editor's warm-up (pages laid out, dictionary loaded), as in the steps case: typed
    # during it, the first pass alone would carry that work and the two could not be compared.
    QTest.qWait(1500)
    keys = "word recieve " * 16  # one word in two misspelt, so underlines come and go as it types
    window.editor.check_spelling()  # as the editor does itself shortly after opening
    spelling = box.spelling
    spelling.setDocument(None)  # spell checking off: the figure before this feature
    plain, plain_cpu = zip(*[_timed_cpu(lambda ch=ch: QTest.keyClick(box, ch)) for ch in keys])
    spelling.setDocument(box.document())
    _settle()
    checked, checked_cpu = zip(*[_timed_cpu(lambda ch=ch: QTest.keyClick(box, ch)) for ch in keys])
    return {"median_ms": statistics.median(checked), "max_ms": max(checked), "keys": len(checked),
            "plain_median_ms": statistics.median(plain), "plain_max_ms": max(plain),
            "cpu_median_ms": statistics.median(checked_cpu), "plain_cpu_median_ms": statistics.median(plain_cpu)}


def case_autosave(data: Path, runs: int) -> dict:
    """A pending edit saved by flush (as on leaving the field), `runs` times."""
    _context, window, example_id = _setup(data)
    window.open_assessment(example_id)
    box = _long_text_input(window)
    editor, times = window.editor, []
    field = next(f for f in editor._fields.values() if box in f.inputs())
    for n in range(max(runs, 5)):
        # Set directly rather than typed: a focus change elsewhere (a panel loading) would save a typed key early.
        field.set_value(f"{field.value()} {n}")
        editor.autosave.mark_dirty(field.question.id)
        times.append(_timed(editor.flush))
        assert not editor.autosave.is_dirty(), "the change was not saved"
    return {"median_ms": statistics.median(times), "max_ms": max(times)}


def _bulk_insert(context, count: int) -> None:
    """`count` assessment rows in one transaction (the dashboard reads only this table)."""
    import datetime as dt

    from sqlalchemy import insert

    from idmf.domain.assessment import Status
    from idmf.storage.tables import AssessmentRow

    now, statuses = dt.datetime.now(dt.timezone.utc), list(Status)
    rows = [{"uid": uuid.uuid4().hex, "version_number": 1, "form_id": "idmf-part-b", "form_version": "1",
             "title": f"{PLACES[n % 7]} {SERVICES[n % 8]} {n}", "organisation": f"NHS Trust {n % 40}",
             "lead": f"Lead {n % 300}", "status": statuses[n % len(statuses)].value, "archived": n % 50 == 0,
             "steps_complete": n % 7, "review_date": (now + dt.timedelta(days=n % 700)).date() if n % 3 else None,
             "created_at": now - dt.timedelta(minutes=n), "updated_at": now - dt.timedelta(minutes=n),
             "row_version": 1} for n in range(count)]
    with context.database.engine.begin() as conn:
        conn.execute(insert(AssessmentRow), rows)


def _after_idle_work() -> None:
    """Wait, as a person looks at the dashboard, until the start-up's idle work has run (panel imports, the
    dictionary): it waits for a pause in the user's keys and clicks, but this case sorts by calling the table,
    which is no input, so that work would otherwise land inside whichever measurement came first."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from idmf.ui.idle import IdleWork

    QTest.qWait(READ_MS)
    deadline = time.monotonic() + 10
    while QApplication.instance().findChildren(IdleWork) and time.monotonic() < deadline:
        QTest.qWait(50)


def case_dashboard(data: Path, runs: int, rows: int) -> dict:
    """Load, search-as-you-type and sort with `rows` assessments."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from idmf.ui.dashboard.model import HEADERS

    context, window, _example_id = _setup(data)
    _bulk_insert(context, rows)
    _after_idle_work()
    started = time.perf_counter()
    load = _timed(window.dashboard.refresh)  # the first screen: the first page is shown
    while window.dashboard.model.rowCount() < rows:  # the rest arrives from a background load
        QApplication.processEvents()
    everything = (time.perf_counter() - started) * 1000
    search = window.dashboard.search
    search.setFocus()
    typing = [_timed(lambda ch=ch: QTest.keyClick(search, ch)) for ch in SEARCH]
    shown = window.dashboard.proxy.rowCount()
    typing += [_timed(lambda: QTest.keyClick(search, "\b")) for _ in SEARCH]
    sorting = {}
    for column, name in enumerate(HEADERS):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            sorting[f"{name} {order.name[:-5].lower()}"] = _timed(
                lambda c=column, o=order: window.dashboard.table.sortByColumn(c, o))
    return {"rows": window.dashboard.model.rowCount(), "load_ms": load, "all_ms": everything,
            "search_median_ms": statistics.median(typing),
            "search_max_ms": max(typing), "matches": shown, "sort_median_ms": statistics.median(sorting.values()),
            "sort_max_ms": max(sorting.values()), "sort_slowest": max(sorting, key=sorting.get)}


def _child(case: str, runs: int, rows: int, folder: str) -> None:
    os.environ["IDMF_DATA_DIR"] = folder
    function = globals()[f"case_{case}"]
    result = function(Path(folder), runs, rows) if case == "dashboard" else function(Path(folder), runs)
    result["peak_mib"] = max_rss_mib()
    print(json.dumps(result), flush=True)
    os._exit(0)  # skip Qt's teardown of a window still holding the database: nothing more to measure


def _prepare(folder: str) -> None:
    """Do what only the app's first start does, then stop: create the database (Alembic runs every migration)
    and fill the census cache from the figures shipped with the app (the first assessment opened does it)."""
    os.environ["IDMF_DATA_DIR"] = folder
    from idmf.services.context import open_app

    open_app(f"sqlite:///{Path(folder) / 'idmf.sqlite3'}").census.has_figures()
    os._exit(0)


def _run(args: list[str], env: dict, what: str) -> str:
    out = subprocess.run([sys.executable, __file__, *args], env=env, capture_output=True, text=True, timeout=600,
                         check=False)
    if out.returncode != 0:
        raise RuntimeError(f"{what} failed ({out.returncode}): {out.stderr.strip()[-2000:]}")
    return out.stdout


def run_case(case: str, runs: int, rows: int, fresh: bool = False) -> dict:
    """One case in a fresh interpreter on its own data folder; its JSON result.

    The database is created (and the census cache filled) first in another process, so the case opens it as
    every start after the first does; with `fresh`, the case itself does both, as the very first start does
    (Alembic, Mako and Pygments are imported to run the migrations, about 50 MiB more at the peak; filling
    the census cache adds about 300 ms and 15 MiB to the first open).
    """
    env = dict(os.environ)
    if sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="idmf-ui-bench-") as folder:
        if not fresh:
            _run(["--prepare", folder], env, "creating the database")
        stdout = _run(["--case", case, "--runs", str(runs), "--rows", str(rows), "--data", folder], env, f"case {case}")
    lines = [line for line in stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"case {case} printed no result")
    return json.loads(lines[-1])


def _line(case: str, r: dict) -> str:
    peak = f"peak RSS {r['peak_mib']:4.0f} MiB"
    if case == "open":
        return (f"open the example in the editor   first: step visible {r['first_ms']:5.0f} ms, all built "
                f"{r['all_built_ms']:5.0f} ms ({r['slices']} loop turns, longest {r['longest_stall_ms']:4.0f} ms); "
                f"then median {r['median_ms']:4.0f} ms   {peak}")
    if case == "steps":
        return (f"switch step ({r['sections']} sections x3)     median {r['median_ms']:5.1f} ms, "
                f"max {r['max_ms']:5.1f} ms ({r['slowest']}); CPU median {r['cpu_median_ms']:4.1f} ms, "
                f"max {r['cpu_max_ms']:5.1f} ms   {peak}")
    if case == "keystroke":
        return (f"keystroke, 5,000-char answer    spell check on: median {r['median_ms']:5.1f} ms, max "
                f"{r['max_ms']:5.1f} ms; off: median {r['plain_median_ms']:5.1f} ms, max {r['plain_max_ms']:5.1f} ms; "
                f"CPU median on {r['cpu_median_ms']:4.1f} ms, off {r['plain_cpu_median_ms']:4.1f} ms   {peak}")
    if case == "autosave":
        return f"autosave one pending change     median {r['median_ms']:5.1f} ms, max {r['max_ms']:5.1f} ms   {peak}"
    return (f"dashboard, {r['rows']:,} assessments: first screen {r['load_ms']:.0f} ms, every row {r['all_ms']:.0f} ms; "
            f"search per key median "
            f"{r['search_median_ms']:.1f} ms, max {r['search_max_ms']:.1f} ms ({r['matches']} matches); sort median "
            f"{r['sort_median_ms']:.1f} ms, max {r['sort_max_ms']:.1f} ms ({r['sort_slowest']})   {peak}")


def main(argv: list[str] | None = None) -> int:
    """Run every case (or those named) and print one line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", help=f"cases to run, of: {', '.join(CASES)} (default: all)")
    parser.add_argument("--runs", type=int, default=5, help="repeats for open and autosave (median reported)")
    parser.add_argument("--rows", type=int, default=10_000, help="assessments on the dashboard")
    parser.add_argument("--fresh", action="store_true",
                        help="each case creates its database itself, as the app's very first start does")
    parser.add_argument("--case", choices=CASES, help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    parser.add_argument("--prepare", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if unknown := set(args.cases) - set(CASES):
        parser.error(f"unknown case(s): {', '.join(sorted(unknown))}")
    if args.prepare:
        _prepare(args.prepare)
    if args.case:
        _child(args.case, args.runs, args.rows, args.data)
        return 0
    import PySide6

    start = "the database created, census filled (first start)" if args.fresh else "the database already there"
    print(f"Desktop UI, each case in a fresh process, {start} (Python {sys.version.split()[0]}, "
          f"PySide6 {PySide6.__version__})")
    for case in args.cases or CASES:
        print("  " + _line(case, run_case(case, args.runs, args.rows, args.fresh)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
