"""Wire the app together: database, forms, repository and services, shared by the GUI and the CLI."""

from __future__ import annotations

from dataclasses import dataclass

from idmf.forms.loader import FormRegistry
from idmf.services.assessments import AssessmentService
from idmf.storage.database import Database, open_database
from idmf.storage.repository import AssessmentRepository


@dataclass
class AppContext:
    """Everything a front end needs; built once at start-up."""

    database: Database
    forms: FormRegistry
    repository: AssessmentRepository
    assessments: AssessmentService

    def close(self) -> None:
        """Release the database."""
        self.database.dispose()


def open_app(database_url: str | None = None, forms: FormRegistry | None = None) -> AppContext:
    """Open the database (upgrading it) and build the services on it."""
    forms = forms or FormRegistry()
    database = open_database(database_url)
    repository = AssessmentRepository(database.engine, forms)
    return AppContext(database, forms, repository, AssessmentService(repository))
