"""On PostgreSQL the portfolio's narrow read gives the same tables as loading every answer, and as SQLite does
for the same assessments."""

from __future__ import annotations

from tests.review.helpers import TODAY
from tests.review.portfolio_cases import assert_same, full_load, seed


def test_the_narrow_read_gives_the_full_loads_portfolio_and_sqlites(context, form, tmp_path, monkeypatch):
    from idmf.services.context import open_app

    seed(context, form)
    built = context.portfolio.build(today=TODAY)
    assert_same(built, full_load(context, TODAY))
    assert_same(context.portfolio.build(today=TODAY), built)  # the second from the facts the first kept
    monkeypatch.delenv("IDMF_DATABASE_URL")
    monkeypatch.setenv("IDMF_DATA_DIR", str(tmp_path / "local"))
    local = open_app()
    assert local.database.url.startswith("sqlite") and context.database.url.startswith("postgresql")
    try:
        seed(local, form)
        assert_same(local.portfolio.build(today=TODAY), built)
    finally:
        local.close()
    assert {g.group: (g.negative, g.unmitigated) for g in built.groups}["Age"] == (12, 6)


def test_dashboard_pages_joined_are_the_whole_list(context):
    from tests.paging_cases import assert_pages_are_the_list, seed_with_ties

    seed_with_ties(context)
    assert_pages_are_the_list(context)


def test_on_a_server_the_dashboard_shows_the_first_page_then_every_row(context, qtbot, monkeypatch, tmp_path):
    import os
    from pathlib import Path

    from idmf.ui.dashboard import DashboardPage

    monkeypatch.setattr("idmf.storage.assessments.PAGE_SIZE", 4)
    for n in range(9):
        context.assessments.create(f"Change {n}")
    assert context.assessments.lists_in_pages()
    page = DashboardPage(context)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    shots = Path(os.environ.get("IDMF_SCREENSHOTS", tmp_path))  # for a person to look at
    shots.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(shots / "dashboard-first-page.png"))
    assert page.model.rowCount() == 4  # the first screen did not wait for the rest
    qtbot.waitUntil(lambda: page.model.rowCount() == 9)
    page.grab().save(str(shots / "dashboard-every-row.png"))
    assert [page.model.summary(r).title for r in range(9)] == [f"Change {n}" for n in range(8, -1, -1)]


def test_the_apps_server_connections_run_without_the_jit_compiler_and_keep_options_given(postgres_url):
    from sqlalchemy import text

    from idmf.storage.database import open_database

    timeout = postgres_url + ("&" if "?" in postgres_url else "?") + "options=-c%20statement_timeout%3D4321"
    for url, expected in ((postgres_url, None), (timeout, "4321ms")):
        database = open_database(url)
        try:
            with database.engine.connect() as conn:
                assert conn.execute(text("SHOW jit")).scalar() == "off"  # it cost the portfolio 270 ms
                if expected:
                    assert conn.execute(text("SHOW statement_timeout")).scalar() == expected
        finally:
            database.dispose()
