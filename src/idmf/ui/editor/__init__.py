"""The assessment editor (the wizard): pages built from the form, autosave, undo and the step list.

AssessmentEditor is loaded on first use: the main window imports idmf.ui.editor.host at start-up, and the
dashboard's first screen must not wait for the editor and the form stack behind it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from idmf.ui.editor.editor import AssessmentEditor

__all__ = ["AssessmentEditor"]


def __getattr__(name: str) -> Any:
    """`from idmf.ui.editor import AssessmentEditor` as before."""
    if name == "AssessmentEditor":
        from idmf.ui.editor.editor import AssessmentEditor

        return AssessmentEditor
    raise AttributeError(f"module 'idmf.ui.editor' has no attribute {name!r}")
