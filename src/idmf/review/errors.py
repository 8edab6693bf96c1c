"""Errors of the review feature. Each message is one plain-English sentence (or two) for NHS staff."""

from __future__ import annotations

from idmf.errors import IdmfError


class ReviewError(IdmfError):
    """Base class: anything the review feature refuses, with a message saying why and what to do."""


class WorkflowError(ReviewError):
    """A status change that is not allowed now (wrong status, wrong role, a condition not met)."""


class NotReadyError(WorkflowError):
    """'Submit for committee' refused because the readiness check finds `blocking` items."""


class ReadOnlyError(ReviewError):
    """A change to something that is read-only here (a signed-off version, a copy received for review)."""


class CommentError(ReviewError):
    """A comment that cannot be added, found or changed."""


class SignoffError(ReviewError):
    """Approval or verification that cannot be done."""


class ReviewFileError(ReviewError):
    """A review file (.idmf) that is refused; the message gives the exact reason."""
