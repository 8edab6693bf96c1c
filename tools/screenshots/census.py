"""Make the census screenshots: `python -m tools.screenshots.census OUTDIR [CENSUS_DIR]`.

Extends tools.screenshots.base (same throwaway data folder, window size and style): imports the real ONS files
(default ../shared/census beside the project), then saves Step 2's profile with its chart
(11-census-profile.png) and a Step 4 note beside Age (12-census-impact-note.png) for an older area.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tools.screenshots import base

AREA = "E07000147"  # North Norfolk: an older population than England's, so Step 4 has a note to show
TITLE = "Community falls prevention service, North Norfolk"
DEFAULT_CENSUS_DIR = Path(__file__).resolve().parents[4].parent / "shared" / "census"


def census_files(folder: Path) -> list[Path]:
    """The bulk age files, the ethnic group counts, and the ICB and county lookups."""
    return [*sorted((folder / "ts007_age_single_year").glob("census2021-ts007-*.csv")),
            folder / "ts021_ethnic_group" / "ethnicity21_ltla21_wide_counts.csv",
            folder / "lookups" / "LAD22_to_ICB22_derived_from_LSOA11_SICBL22_ICB22_LAD22.csv",
            folder / "lookups" / "ltla21_utla21.csv"]


def _scroll_to(page, widget) -> None:
    """Scroll a page so that `widget` starts near the top of the view."""
    from PySide6.QtWidgets import QApplication

    for _ in range(3):  # let the layouts settle first, or the scroll range is still the old, shorter one
        QApplication.processEvents()
    top = widget.mapTo(page.widget(), widget.rect().topLeft()).y()
    page.verticalScrollBar().setValue(max(0, top - 6))


def make_screenshots(out: Path, census_dir: Path) -> None:
    """Import the census files, open an assessment on an older area and save the two screenshots."""
    from idmf.services.context import open_app
    from idmf.ui.app import create_application
    from idmf.ui.main_window import MainWindow

    app = create_application([sys.argv[0]])
    app.setStyle("Fusion")
    context = open_app()
    try:
        context.census.import_files(census_files(census_dir))
        item = context.assessments.create(TITLE)
        window = MainWindow(context)
        window.resize(*base.SIZE)
        window.open_assessment(item.id)
        window.show()  # a shown window lays out the panels added after it was built, so scrolling is right
        _shoot(window, out)
        window.close()
        app.processEvents()
    finally:
        context.close()


def _shoot(window, out: Path) -> None:
    editor = window.editor
    editor.go_to("evidence")  # as a user would: Step 2 is built with its census panel (it may be built late)
    panel = editor.census_panel
    panel.picker.choose(AREA)
    panel.view.add_button.click()
    tabs = panel.view.tabs
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i).startswith("Age")))
    _scroll_to(editor.page("evidence"), panel.view.tabs)  # the tab bar, the table and its chart
    base._save(window, out, "11-census-profile")
    editor.go_to("impact")
    page = editor.page("impact")
    _scroll_to(page, page.frames["pc_age"])
    base._save(window, out, "12-census-impact-note")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: the folder for the PNG files, and optionally the census folder."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (1, 2):
        print("usage: python -m tools.screenshots.census OUTDIR [CENSUS_DIR]", file=sys.stderr)
        return 2
    census_dir = Path(args[1]) if len(args) == 2 else DEFAULT_CENSUS_DIR
    if not census_dir.is_dir():
        print(f"The census files were not found in {census_dir}. Give the folder holding the ONS files.",
              file=sys.stderr)
        return 2
    return base.run_isolated(make_screenshots, Path(args[0]), census_dir)


if __name__ == "__main__":
    sys.exit(main())
