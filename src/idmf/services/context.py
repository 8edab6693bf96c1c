"""Wire the app together: database, forms, store and services, shared by the GUI and the CLI.

Front ends use only the services on the context (`context.assessments`, `.documents`, `.review`,
`.comments`, `.review_files`, `.census`, `.backups`, `.publishing`, `.signing`, `.evidence`, `.teams`, `.live`,
`.portfolio`, `.word_in`) and subscribe to `context.changes`; they never reach the `database` or the `store`
behind them (tests of the storage layer may).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from idmf.forms.loader import FormRegistry
from idmf.paths import data_dir
from idmf.services.assessments import AssessmentService
from idmf.services.backups import BackupService
from idmf.services.census import CensusService
from idmf.services.changes import ChangeNotifier
from idmf.services.comments import CommentService
from idmf.services.documents import DocumentService
from idmf.services.evidence import EvidenceService
from idmf.services.live import LiveUpdates
from idmf.services.portfolio import PortfolioService
from idmf.services.publishing import PublishingService
from idmf.services.review import ReviewService
from idmf.services.review_files import ReviewFileService
from idmf.services.signing import SigningService
from idmf.services.teams import TeamService
from idmf.services.word_in import WordInService
from idmf.signing.keystore import KeyStore
from idmf.storage.database import Database, open_database
from idmf.storage.store import Store


@dataclass
class AppContext:
    """Everything a front end needs; built once at start-up."""

    database: Database
    store: Store
    forms: FormRegistry
    changes: ChangeNotifier
    assessments: AssessmentService
    documents: DocumentService
    review: ReviewService
    comments: CommentService
    review_files: ReviewFileService
    census: CensusService
    backups: BackupService
    publishing: PublishingService
    signing: SigningService
    evidence: EvidenceService
    teams: TeamService
    live: LiveUpdates
    portfolio: PortfolioService
    word_in: WordInService

    @property
    def data_location(self) -> Path | None:
        """The SQLite file holding the data (None on a database server)."""
        return self.database.path

    @property
    def storage_warning(self) -> str | None:
        """Why the data file's place is unsafe (a network share, a synced folder), or None."""
        return self.database.warning

    def close(self) -> None:
        """Stop listening for colleagues' changes and release the database."""
        self.live.stop()
        self.database.dispose()


def build_context(database: Database, forms: FormRegistry, keys: KeyStore | None = None) -> AppContext:
    """The services over an opened database, signing with the identities in `keys` (default: the data folder's)."""
    store, changes = Store(database, forms), ChangeNotifier()
    assessments = AssessmentService(store, changes)
    signing = SigningService(store, keys or KeyStore.for_data_folder(data_dir()), changes)
    documents = DocumentService(store, assessments, signing)
    return AppContext(
        database, store, forms, changes, assessments, documents, ReviewService(store, changes, signing),
        CommentService(store, changes), ReviewFileService(store, changes, signing),
        CensusService(store, assessments, changes), BackupService(database, changes), documents.publishing,
        signing, EvidenceService(store, assessments, changes), TeamService(store, changes), LiveUpdates(store, changes),
        PortfolioService(store), documents.word_in)


def open_app(database_url: str | None = None, forms: FormRegistry | None = None, keys: KeyStore | None = None,
             *, on_wait: Callable[[str], None] | None = None) -> AppContext:
    """Open the database (upgrading it) and build the services on it, signing with the identities in `keys`;
    `on_wait` hears when the app waits for another program to let go of the data file."""
    return build_context(open_database(database_url, on_wait=on_wait), forms or FormRegistry(), keys)
