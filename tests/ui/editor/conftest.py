"""Fixtures for the assessment editor's tests: an editor on a fresh assessment, shown offscreen at 1280x800."""

from __future__ import annotations

import pytest


@pytest.fixture
def make_editor(qtbot, context):
    """Open an AssessmentEditor (shown, 1280x800) on an assessment id, on `ctx` (default: the test context)."""
    from idmf.ui.editor import AssessmentEditor
    from idmf.ui.panels import DEFAULT_PANELS

    def make(assessment_id: int, ctx=None):
        editor = AssessmentEditor(ctx or context, assessment_id, panels=DEFAULT_PANELS)
        qtbot.addWidget(editor)
        editor.resize(1280, 800)
        with qtbot.waitActive(editor):  # an active window: focus, focus-out saves and shortcuts work as for a user
            editor.show()
            editor.activateWindow()
        return editor

    return make


@pytest.fixture
def blank_id(context) -> int:
    """A new, empty assessment."""
    return context.assessments.create("").id


@pytest.fixture
def editor(make_editor, blank_id):
    """An editor on a new, empty assessment."""
    return make_editor(blank_id)
