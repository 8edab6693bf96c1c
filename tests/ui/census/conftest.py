"""Fixtures for the census panel tests: the real ONS files imported, the fake Nomis server, editors."""

from __future__ import annotations

import pytest

from tests.census.conftest import nomis, settings, sex_figures  # noqa: F401 - the Nomis-layout server, TS008
from tests.census.test_real_files import real_files
from tests.ui.editor.conftest import blank_id, editor, make_editor  # noqa: F401 - the editor fixtures, reused

HINCKLEY = "E07000132"
NORTH_NORFOLK = "E07000147"  # an older population than England's: 65 to 74s are 7.5 points above


@pytest.fixture
def census(context):
    """The census service on the test database (empty cache)."""

    return context.census


@pytest.fixture
def real_census(census_dir, census):
    """The census service with the real ONS files from ../shared/census imported (skips when absent)."""
    census.import_files(real_files(census_dir))
    return census


@pytest.fixture
def panel_of():
    """The census panel the extension added to an editor (fails clearly if the extension did not attach)."""

    def get(editor):
        assert hasattr(editor, "census_panel"), "the census extension did not attach (see the log)"
        return editor.census_panel

    return get
