"""Fixtures of the hostile-input tests: a data folder whose database already holds work that must survive."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.hostile.helpers import State, state

SEX = ('"date","geography","geography code","Sex: All persons; measures: Value","Sex: Female; measures: Value",'
       '"Sex: Male; measures: Value"\n2021,Hinckley and Bosworth,E07000132,100,51,49\n'
       '2021,England,E92000001,1000,510,490\n')


@pytest.fixture
def seeded(_isolated_data: Path, tmp_path: Path) -> tuple[Path, State]:
    """(the data folder, what its database holds): one assessment with answers and census figures, the WAL
    folded into the file so its bytes are stable."""
    from idmf.services.context import open_app

    context = open_app()
    item = context.assessments.create("Day case unit at Hinckley")
    context.assessments.set_answer(item, "organisation", "Leicestershire Partnership NHS Trust")
    sex = tmp_path / "census2021-ts008-ltla.csv"
    sex.write_text(SEX, encoding="utf-8")
    context.census.import_files([sex])
    path = context.data_location
    context.close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return _isolated_data, state(path)
