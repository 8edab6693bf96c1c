"""Commands on assessments shared by the dashboard's buttons and the File menu.

Each asks what it needs (a title, a confirmation), does the work through the core, and shows any failure
as a plain-English message; none of them ever deletes anything.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Callable, TypeVar

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from idmf.ui import messages
from idmf.ui.tasks import describe_error

if TYPE_CHECKING:
    from idmf.services.context import AppContext

log = logging.getLogger(__name__)
T = TypeVar("T")

TITLE_PROMPT = "Title of the service, policy or business plan being assessed:"


def _attempt(parent: QWidget | None, heading: str, work: Callable[[], T]) -> T | None:
    """Run quick database work; on failure tell the user what happened and return None."""
    try:
        return work()
    except Exception as exc:  # noqa: BLE001 - every failure becomes a message, never a crash
        log.exception("%s failed", heading)
        messages.warning(parent, heading, describe_error(exc))
        return None


def new_assessment(parent: QWidget | None, context: AppContext) -> int | None:
    """Ask for a title and start a draft; returns its id, or None when cancelled or refused."""
    title, ok = QInputDialog.getText(parent, "New assessment", TITLE_PROMPT, QLineEdit.EchoMode.Normal, "")
    if not ok:
        return None
    title = title.strip()
    if not title:
        messages.warning(parent, "New assessment",
                            "An assessment needs a title, for example “Day case unit at Hinckley”. "
                            "Nothing was created.")
        return None
    item = _attempt(parent, "New assessment", lambda: context.assessments.create(title))
    return item.id if item is not None else None


def _title_of(context: AppContext, assessment_id: int) -> str:
    return context.assessments.get(assessment_id).title or "(untitled)"


def archive(parent: QWidget | None, context: AppContext, assessment_id: int) -> bool:
    """Ask, then archive; True when it was archived. The assessment stays in the database."""
    title = _attempt(parent, "Archive", lambda: _title_of(context, assessment_id))
    if title is None:
        return False
    answer = messages.question(
        parent, "Archive assessment",
        f"Archive “{title}”?\n\nIt leaves the list but is not deleted: tick “Show archived” to see it "
        "again and restore it.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    done = _attempt(parent, "Archive", lambda: context.assessments.set_archived(assessment_id, True) or True)
    return bool(done)


def restore(parent: QWidget | None, context: AppContext, assessment_id: int) -> bool:
    """Bring an archived assessment back to the list; True when done."""
    done = _attempt(parent, "Restore", lambda: context.assessments.set_archived(assessment_id, False) or True)
    return bool(done)


def duplicate_as_new_version(parent: QWidget | None, context: AppContext, assessment_id: int) -> int | None:
    """Start the next version of an assessment (a draft with the same answers); returns its id."""
    copy = _attempt(parent, "Duplicate as new version",
                    lambda: context.assessments.duplicate_as_new_version(assessment_id))
    return copy.id if copy is not None else None
