"""The portfolio service: the portfolio of every assessment you can see (in team mode, the database decides
which), its filters, and its export to CSV and Excel."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from idmf.domain.times import aware, utcnow
from idmf.export.tabular import write_csv, write_xlsx
from idmf.review import portfolio
from idmf.review.portfolio import Portfolio, PortfolioFilter
from idmf.storage.store import Store


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a block makes a great many objects: during a portfolio build it ran
    over every object of the app again and again (about a third of the time of parsing 18,000 answers). Nothing
    is lost: cycles made meanwhile are collected once it runs again."""
    paused_here = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused_here:
            gc.enable()


class PortfolioService:
    """Builds the portfolio from the assessments visible to you (archived ones left out)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def organisations(self) -> list[str]:
        """The organisations of the visible assessments, for the filter."""
        return sorted({s.organisation for s in self.store.assessments.list() if s.organisation})

    def build(self, where: PortfolioFilter | None = None, today: dt.date | None = None) -> Portfolio:
        """The portfolio for a filter (default: everything you can see), as on `today`."""
        where, today = where or PortfolioFilter(), today or dt.date.today()
        read = set().union(*(portfolio.questions_read(form) for form in self.store.forms.all()))
        with collector_paused():
            # One connection, four queries in all: on a server each round trip costs the network's latency.
            with self.store.transaction() as conn:
                loaded = self.store.assessments.visible_with_answers(read, conn)
                changes = self.store.audit.status_changes(conn)
            items = [(i, self.store.form_for(i), org) for i, org in loaded if where.admits(i, org)]
            changes = {i.id: [(aware(at), status) for at, status in changes.get(i.id, [])] for i, _, _ in items}
            return portfolio.build(items, changes, today, utcnow())

    def export_csv(self, path: Path, built: Portfolio, table: str) -> Path:
        """One of the portfolio's tables (by name, as `tables` names them) as a CSV file."""
        headers, rows = portfolio.tables(built)[table]
        return write_csv(path, headers, rows)

    def export_xlsx(self, path: Path, built: Portfolio) -> Path:
        """Every table of the portfolio as an Excel workbook, one sheet each."""
        return write_xlsx(path, portfolio.tables(built))
