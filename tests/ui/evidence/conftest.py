"""Fixtures for the links and documents panels: editors on the example (as a draft) and on small assessments."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.editor.conftest import blank_id, editor, make_editor  # noqa: F401 - the editor fixtures, reused

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "resources" / "examples" / "day-case-unit.json"
BEFORE_LINKS = ROOT / "tests" / "review" / "fixtures" / "day-case-unit-before-links.json"


def as_draft(path: Path) -> str:
    """An exported assessment as a draft (the shipped files are approved, so signed off and read-only)."""
    return path.read_text(encoding="utf-8").replace('"status": "approved"', '"status": "draft"')


@pytest.fixture
def example_id(context) -> int:
    """The shipped example (links, key findings, an attached survey summary), as a draft anyone can change."""
    return context.assessments.import_json(as_draft(EXAMPLE)).id


@pytest.fixture
def stored(context):
    """stored(id) -> the assessment as the database has it now."""
    return context.assessments.get
