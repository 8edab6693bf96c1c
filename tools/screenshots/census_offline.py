"""Make the offline census screenshots: `python -m tools.screenshots.census_offline OUTDIR`.

A fresh data folder (tools.screenshots.base) and nothing imported or downloaded: the figures shipped with the
app fill the census cache on first use. Saves Step 2's profile of Hinckley and Bosworth with its origin line
(17-census-offline-profile.png), its deprivation tab (18-census-deprivation-tab.png) and the IMD note beside
"People experiencing deprivation" in Step 4 (19-deprivation-step-4.png).
"""

from __future__ import annotations

import sys
from pathlib import Path

from tools.screenshots import base
from tools.screenshots.census import _scroll_to

AREA = "E07000132"  # Hinckley and Bosworth, the reference assessment's area
TITLE = "Day case unit at Hinckley"


def make_screenshots(out: Path) -> None:
    """Open an assessment on a fresh install, profile Hinckley from the shipped figures, save three screenshots."""
    from idmf.domain.questions import IH_DEPRIVATION
    from idmf.services.context import open_app
    from idmf.ui.app import create_application
    from idmf.ui.main_window import MainWindow

    app = create_application([sys.argv[0]])
    app.setStyle("Fusion")
    context = open_app()
    try:
        item = context.assessments.create(TITLE)
        window = MainWindow(context)
        window.resize(*base.SIZE)
        window.open_assessment(item.id)
        window.show()
        editor = window.editor
        editor.go_to("evidence")  # as a user would: Step 2 is built with its census panel (it may be built late)
        panel = editor.census_panel
        panel.picker.choose(AREA)
        _scroll_to(editor.page("evidence"), panel.view.heading)
        base._save(window, out, "17-census-offline-profile")
        tabs = panel.view.tabs
        tabs.setCurrentIndex(tabs.count() - 1)  # the deprivation tab comes last
        _scroll_to(editor.page("evidence"), tabs)
        base._save(window, out, "18-census-deprivation-tab")
        editor.go_to("impact")
        page = editor.page("impact")
        _scroll_to(page, page.frames[IH_DEPRIVATION])
        base._save(window, out, "19-deprivation-step-4")
        window.close()
        app.processEvents()
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: the folder for the PNG files."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m tools.screenshots.census_offline OUTDIR", file=sys.stderr)
        return 2
    return base.run_isolated(make_screenshots, Path(args[0]))


if __name__ == "__main__":
    sys.exit(main())
