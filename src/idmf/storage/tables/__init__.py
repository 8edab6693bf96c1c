"""Every table of the app's database, on one metadata (Alembic's autogenerate compares against it).

Changing a table means adding an Alembic migration under idmf/storage/migrations/versions.
"""

from idmf.storage.tables.assessments import (AnswerRow, AssessmentCensusRow, AssessmentRow, PortfolioFactsRow,
                                             metadata)
from idmf.storage.tables.census import CensusAreaRow, CensusIcbMemberRow, CensusValueRow
from idmf.storage.tables.documents import AssessmentDocumentRow
from idmf.storage.tables.publishing import PublicationRow
from idmf.storage.tables.review import CommentRow, ReviewCopyRow, ReviewExchangeRow, SignoffRow, StatusEventRow
from idmf.storage.tables.signing import SignerRow, TrustListRow
from idmf.storage.tables.teams import TeamGrantRow, TeamMemberRow

__all__ = [
    "AnswerRow", "AssessmentCensusRow", "AssessmentDocumentRow", "AssessmentRow", "CensusAreaRow",
    "CensusIcbMemberRow", "CensusValueRow", "CommentRow", "PortfolioFactsRow", "PublicationRow", "ReviewCopyRow", "ReviewExchangeRow",
    "SignerRow", "SignoffRow", "StatusEventRow", "TeamGrantRow", "TeamMemberRow", "TrustListRow", "metadata",
]
