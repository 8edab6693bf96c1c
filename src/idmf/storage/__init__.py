"""Storage: SQLModel tables, engine set-up, Alembic migrations and the assessment repository."""

from idmf.storage.database import Database, DatabaseError, DatabaseTooNewError, default_database_url
from idmf.storage.repository import AssessmentRepository, AssessmentSummary, ConflictError, NotFoundError

__all__ = [
    "AssessmentRepository",
    "AssessmentSummary",
    "ConflictError",
    "Database",
    "DatabaseError",
    "DatabaseTooNewError",
    "NotFoundError",
    "default_database_url",
]
