"""Every repository over one database, and the unit of work that lets one user action be one transaction."""

from __future__ import annotations

from contextlib import nullcontext
from typing import ContextManager

from sqlalchemy import Connection

from idmf.domain.assessment import Assessment
from idmf.forms.loader import FormRegistry
from idmf.forms.schema import FormDefinition
from idmf.storage.assessments import AssessmentRepository
from idmf.storage.audit import AuditRepository
from idmf.storage.census_cache import CensusCache
from idmf.storage.comments import CommentRepository
from idmf.storage.database import Database
from idmf.storage.documents import DocumentRepository
from idmf.storage.portfolio_facts import PortfolioFactsRepository
from idmf.storage.publications import PublicationRepository
from idmf.storage.review_copies import ExchangeRepository, ReviewCopyRepository
from idmf.storage.signers import SignerRepository
from idmf.storage.signoffs import SignoffRepository
from idmf.storage.teams import Member, TeamRepository


class Store:
    """The repositories of one database; `with store.transaction() as conn:` groups their writes."""

    def __init__(self, database: Database, forms: FormRegistry) -> None:
        self.database = database
        self.forms = forms
        self.assessments = AssessmentRepository(database, forms)
        self.comments = CommentRepository(database)
        self.audit = AuditRepository(database)
        self.signoffs = SignoffRepository(database)
        self.review_copies = ReviewCopyRepository(database)
        self.exchanges = ExchangeRepository(database)
        self.census = CensusCache(database)
        self.publications = PublicationRepository(database)
        self.signers = SignerRepository(database)
        self.documents = DocumentRepository(database)
        self.teams = TeamRepository(database)
        self.portfolio_facts = PortfolioFactsRepository(database)
        self._team: tuple[bool, tuple[str, Member | None] | None] = (False, None)

    def team_identity(self, conn: Connection | None = None) -> tuple[str, Member | None] | None:
        """In team mode, the login connected and the member it is (None: not a member); None in single-user mode.

        Asked of the database once per store: who you are comes from the connection, never from a typed name.
        """
        known, found = self._team
        if not known:
            found = self.teams.me(conn) if self.teams.is_team_database(conn) else None
            self._team = (True, found)
        return found

    def transaction(self, conn: Connection | None = None) -> ContextManager[Connection]:
        """One transaction: committed when the block ends, rolled back (nothing kept) if it raises.

        Given the caller's `conn`, the block joins the caller's transaction instead.
        """
        return nullcontext(conn) if conn is not None else self.database.engine.begin()

    def reads(self) -> ContextManager[Connection]:
        """A connection for a run of reads that need not share one snapshot: each statement stands alone, which
        saves a server the BEGIN and COMMIT round trips (40 ms at 20 ms latency)."""
        return self.database.engine.connect().execution_options(isolation_level="AUTOCOMMIT")

    def form_for(self, item: Assessment) -> FormDefinition:
        """The form version an assessment was started on."""
        return self.forms.get(item.form_id, item.form_version)
