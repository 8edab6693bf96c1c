"""The assessment editor (the wizard): pages built from the form, autosave, undo and the step list."""

from idmf.ui.editor.editor import AssessmentEditor

__all__ = ["AssessmentEditor"]
