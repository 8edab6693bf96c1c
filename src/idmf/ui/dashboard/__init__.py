"""The dashboard: the list of assessments the app opens on, and the first-run state."""

from idmf.ui.dashboard.model import (
    COL_LEAD,
    COL_ORGANISATION,
    COL_PROGRESS,
    COL_REVIEW_DATE,
    COL_STATUS,
    COL_TITLE,
    COL_UPDATED,
    ID_ROLE,
    SORT_ROLE,
    AssessmentFilterProxy,
    AssessmentTableModel,
)
from idmf.ui.dashboard.page import DashboardPage

__all__ = [
    "COL_LEAD", "COL_ORGANISATION", "COL_PROGRESS", "COL_REVIEW_DATE", "COL_STATUS", "COL_TITLE", "COL_UPDATED",
    "ID_ROLE", "SORT_ROLE", "AssessmentFilterProxy", "AssessmentTableModel", "DashboardPage",
]
