"""The portfolio service: the portfolio of every assessment you can see (in team mode, the database decides
which), its filters, and its export to CSV and Excel.

Each assessment's facts (its title, groups rated negative and whether mitigated, open actions, status changes) are
worked out once and kept in the database (portfolio_facts) until its answers or status change, so a portfolio
reads one row per assessment instead of parsing every answer again. Who may keep them: see `_keeper`.
"""

from __future__ import annotations

import datetime as dt
import gc
import getpass
import hashlib
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from idmf.domain.assessment import Status
from idmf.domain.times import aware, utc, utcnow
from idmf.export.tabular import write_csv, write_xlsx
from idmf.review import portfolio
from idmf.review.portfolio import Entry, Facts, Portfolio, PortfolioFilter
from idmf.storage.store import Store
from idmf.storage.team_sql import KEEPERS

log = logging.getLogger(__name__)

# Bump when Facts or the way they are worked out changes: facts kept on another basis are worked out again.
FACTS_FORMAT = 3  # 2: status changes in seconds; 3: the responsible director


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


@dataclass(frozen=True)
class ForgedFacts:
    """Kept portfolio facts that the assessment's answers do not bear out, and who kept them when."""

    assessment_id: int
    title: str
    kept_by: str
    kept_at: dt.datetime

    @property
    def message(self) -> str:
        return (f"Assessment {self.assessment_id} “{self.title}”: the portfolio figures kept for it do not match "
                f"its answers (kept by {self.kept_by} on {self.kept_at:%d/%m/%Y at %H:%M} UTC).")


class PortfolioService:
    """Builds the portfolio from the assessments visible to you (archived ones left out)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._basis: str | None = None
        # The last build's kept facts by their exact text: the next build parses only texts it has not seen (a
        # third of a build from kept facts was parsing them). Exact text in, the same facts out: never stale.
        self._parsed: dict[str, Facts] = {}

    def organisations(self) -> list[str]:
        """The organisations of the visible assessments, for the filter."""
        return sorted({s.organisation for s in self.store.assessments.list() if s.organisation})

    def basis(self) -> str:
        """What kept facts were worked out by: the facts' format, the app's version and every form definition."""
        if self._basis is None:
            from idmf import __version__

            digest = hashlib.sha256()
            for form in sorted(self.store.forms.all(), key=lambda f: (f.id, f.version)):
                digest.update(form.model_dump_json().encode("utf-8"))
            self._basis = f"{FACTS_FORMAT}/{__version__}/{digest.hexdigest()[:16]}"
        return self._basis

    def build(self, where: PortfolioFilter | None = None, today: dt.date | None = None) -> Portfolio:
        """The portfolio for a filter (default: everything you can see), as on `today`."""
        where, today = where or PortfolioFilter(), today or dt.date.today()
        with collector_paused():
            # One connection and one statement when every kept fact is current (two more for the answers and
            # status changes of stale ones), none waiting for a BEGIN or COMMIT: on a server each round trip costs
            # the network's latency. Facts are kept only while the counter read with them is current, so reads a
            # moment apart cannot keep anything wrong.
            with self.store.reads() as conn:
                known, self._parsed = self._parsed, {}
                rows = [(row, _entry(row, known, self._parsed))
                        for row in self.store.portfolio_facts.entries(self.basis(), conn)]
                rows = [(row, entry) for row, entry in rows if where.admits(entry)]
                stale = [row for row, entry in rows if entry.facts is None]
                worked_out = self._work_out(stale, conn)
                self._keep([(row.id, row.facts_changed, worked_out[row.id].to_json()) for row in stale], conn)
            entries = [entry if entry.facts is not None else replace(entry, facts=worked_out[row.id])
                       for row, entry in rows]
            # Again now every fact is known: the director is one of them.
            return portfolio.assemble([e for e in entries if where.admits(e)], today, utcnow())

    def recheck(self) -> tuple[list[ForgedFacts], bool]:
        """Work every kept fact out again from the answers and status changes, and list those that differ (with
        who kept them), replacing them when you may keep facts (True): kept facts are trusted by every reader,
        so this is how an administrator finds figures a login wrote that the answers do not bear out."""
        with collector_paused(), self.store.reads() as conn:
            kept = self.store.portfolio_facts.kept(self.basis(), conn)
            fresh = self._work_out(kept, conn)
            wrong = [row for row in kept if _entry(row).facts != fresh[row.id]]
            replaced = self._keep([(row.id, row.facts_changed, fresh[row.id].to_json()) for row in wrong], conn)
        return [ForgedFacts(row.id, fresh[row.id].title, row.computed_by, aware(row.computed_at))
                for row in wrong], replaced

    def _work_out(self, stale: list[Any], conn) -> dict[int, Facts]:
        """Facts of assessments with none current (new, changed since, or worked out by another version of the
        app), from their answers and status changes."""
        if not stale:
            return {}
        read = set().union(*(portfolio.questions_read(form) for form in self.store.forms.all()))
        answers, changes = self.store.portfolio_facts.sources([row.id for row in stale], read, conn)
        items = self.store.assessments.from_rows(stale, answers)
        changes = {i: [(aware(at), status) for at, status in found] for i, found in changes.items()}
        return {e.id: e.facts for e in portfolio.entries([(i, self.store.form_for(i), "") for i in items], changes)}

    def _keep(self, found: list[tuple[int, int, str]], conn) -> bool:
        """Keep worked-out facts for the next reader, when you may (see `_keeper`): on a team server one statement
        on the reading connection (it stands alone), elsewhere one transaction of their own. True when kept."""
        keeper = self._keeper(conn) if found else None
        try:
            if keeper == "team":
                self.store.portfolio_facts.store_as_team(found, self.basis(), conn)
            elif keeper:
                self.store.portfolio_facts.store(found, self.basis(), keeper)
        except SQLAlchemyError as exc:  # a full or locked disk, a lost server: the portfolio shown is still right
            log.warning("The portfolio's facts were not kept for next time (%s).", exc.__class__.__name__)
            return False
        return keeper is not None

    def _keeper(self, conn) -> str | None:
        """Who keeps the facts: "team" (the database's function, for EDI roles), the person at this computer on
        a database of your own, or nobody (a project lead on a team database: facts a lead could write would
        let them show their own negative impacts as mitigated)."""
        team = self.store.team_identity(conn)  # asked once per store, on the reading connection
        if team is None:
            return _local_person()
        _, member = team
        return "team" if member is not None and member.role in KEEPERS else None

    def export_csv(self, path: Path, built: Portfolio, table: str) -> Path:
        """One of the portfolio's tables (by name, as `tables` names them) as a CSV file."""
        headers, rows = portfolio.tables(built)[table]
        return write_csv(path, headers, rows)

    def export_xlsx(self, path: Path, built: Portfolio) -> Path:
        """Every table of the portfolio as an Excel workbook, one sheet each."""
        return write_xlsx(path, portfolio.tables(built))


def _entry(row: Any, known: dict[str, Facts] | None = None, seen: dict[str, Facts] | None = None) -> Entry:
    """A row as the portfolio counts it, with its kept facts (None when there are none current, or they cannot be
    read: worked out again); facts texts already parsed are taken from `known`, and every one read goes in `seen`."""
    facts = None
    if row.facts is not None:
        try:
            facts = known.get(row.facts) if known else None
            facts = facts or Facts.from_json(row.facts)
            if seen is not None:
                seen[row.facts] = facts
        except ValueError:
            log.warning("Kept portfolio facts of assessment %s could not be read; worked out again.", row.id)
    return Entry(row.id, row.organisation, Status(row.status), utc(row.created_at, precise=True), row.review_date,
                 facts)


def _local_person() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError, ImportError):  # no user name in the environment (some Windows services)
        return "this computer"
