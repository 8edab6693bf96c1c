"""Fixtures for the Word export tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

MOMENT = dt.datetime(2026, 2, 3, 10, 15, tzinfo=dt.timezone.utc)


@pytest.fixture
def filled(form):
    """An in-memory assessment with every question answered (tests.factories.fill_all)."""
    from idmf.domain import Assessment
    from tests.factories import fill_all

    item = Assessment.new(form)
    for qid, value in fill_all(form).items():
        item.set_answer(form, qid, value)
    return item


@pytest.fixture
def example():
    """The bundled example assessment (resources/examples/day-case-unit.json)."""
    from tools.export_sample import load_example

    return load_example()


@pytest.fixture
def export(tmp_path: Path, form):
    """export(assessment) -> Exported, written to a fresh file."""
    from idmf.export import export_docx
    from tests.export.readback import Exported

    counter = iter(range(1000))

    def run(item, name: str | None = None):
        path = tmp_path / (name or f"export{next(counter)}.docx")
        export_docx(item, form, path, exported_at=MOMENT)
        return Exported(path)

    return run
