"""Numbers that are not numbers: NaN, Infinity, out-of-range counts, versions and ids are refused where they
enter (JSON import, census files, review files), with a plain message, and nothing is stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.hostile.documents import census_table, export_of, write_json_text
from tests.hostile.helpers import run_cli, unchanged


def imported(data: Path, folder: Path, change, raw: str | None = None):
    """Import the seeded export after `change(doc)` (as version 2, so only the change can be refused)."""
    doc = export_of(data, folder)
    doc["assessment"]["version_number"] = 2
    change(doc)
    text = json.dumps(doc)
    if raw is not None:  # JSON that json.dumps would not write (NaN, lone surrogates…)
        text = text.replace('"__RAW__"', raw)
    return run_cli(data, "import", str(write_json_text(folder, "tampered.json", text)))


def with_table(**fields):
    return lambda doc: doc.__setitem__("census_tables", [census_table(**fields)])


@pytest.mark.parametrize("raw, words", [
    ("NaN", ("'NaN' where a number should be",)),
    ("Infinity", ("'Infinity' where a number should be",)),
    ("-Infinity", ("'-Infinity' where a number should be",)),
])
def test_nan_and_infinity_in_a_census_table_are_refused(seeded, tmp_path, raw, words):
    data, before = seeded
    run = imported(data, tmp_path, with_table(percent="__RAW__"), raw)
    assert run.refused(*words), run.err
    assert unchanged(data, before)


@pytest.mark.parametrize("fields, words", [
    ({"count": 1e20}, ("census tables are not valid",)),
    ({"count": 200_000_000}, ("census tables are not valid", "less than or equal to 100000000")),
    ({"count": -5}, ("census tables are not valid", "greater than or equal to 0")),
    ({"count": 2.5}, ("census tables are not valid",)),
    ({"percent": 150.0}, ("census tables are not valid", "less than or equal to 100")),
    ({"total": 10 ** 30}, ("census tables are not valid",)),
])
def test_out_of_range_census_figures_are_refused(seeded, tmp_path, fields, words):
    data, before = seeded
    run = imported(data, tmp_path, with_table(**fields))
    assert run.refused(*words), run.err
    assert unchanged(data, before)


def set_meta(key, value):
    return lambda doc: doc["assessment"].__setitem__(key, value)


@pytest.mark.parametrize("key, value, raw, words", [
    ("version_number", "__RAW__", "Infinity", ("'Infinity' where a number should be",)),
    ("version_number", 10 ** 30, None, ("version number (10000000000000000000) is not valid",)),
    ("version_number", -5, None, ("version number (-5) is not valid", "from 1 to 9,999")),
    ("version_number", 0, None, ("version number (0) is not valid",)),
    ("version_number", "2", None, ("version number (2) is not valid",)),
    ("version_number", 1.5, None, ("version number (1.5) is not valid",)),
    ("version_number", True, None, ("version number (True) is not valid",)),
    ("uid", "../../etc/passwd", None, ("assessment id ('uid') is not valid",)),
    ("uid", "__RAW__", '"\\ud800"', ("assessment id ('uid') is not valid",)),
    ("uid", "a" * 33, None, ("assessment id ('uid') is not valid",)),
    ("uid", "", None, ("assessment id ('uid') is not valid",)),
    ("uid", 12345, None, ("assessment id ('uid') is not valid",)),
])
def test_bad_versions_and_ids_are_refused(seeded, tmp_path, key, value, raw, words):
    data, before = seeded
    run = imported(data, tmp_path, set_meta(key, value), raw)
    assert run.refused(*words), run.err
    assert unchanged(data, before)


SEX = ('"date","geography","geography code","Sex: All persons; measures: Value","Sex: Female; measures: Value",'
       '"Sex: Male; measures: Value"\n')


@pytest.mark.parametrize("cells, words", [
    ("nan,50,50", ("'nan', which is not a count of people",)),
    ("100,inf,50", ("'inf', which is not a count of people",)),
    ("1e20,50,50", ("'1e20', which is not a count of people", "100,000,000")),
    ("100,-3,50", ("'-3', which is not a count of people",)),
    ("100,2.5,50", ("'2.5', which is not a count of people",)),
    ("100,lots,50", ("'lots' where a count should be",)),
    ("100,150,50", ("a category larger than its total",)),
])
def test_census_counts_that_are_not_counts_are_refused(seeded, tmp_path, cells, words):
    data, before = seeded
    path = tmp_path / "census2021-ts008-ltla.csv"
    path.write_text(SEX + f"2021,Hinckley and Bosworth,E07000132,{cells}\n", encoding="utf-8")
    run = run_cli(data, "census", "import", str(path))
    assert run.refused("line 2", *words), run.err
    assert unchanged(data, before)


@pytest.mark.parametrize("rows, ok, words", [
    ("2021,Hinckley,E07000132,100,51,49\n2021,Hinckley,E07000132,100,51,49\n", True, ()),
    ("2021,Hinckley,E07000132,100,51,49\n2021,Hinckley,E07000132,100,60,40\n", False,
     ("line 3 repeats area E07000132 (first on line 2) with different figures",)),
])
def test_repeated_area_rows_are_refused_unless_identical(seeded, tmp_path, rows, ok, words):
    data, before = seeded
    path = tmp_path / "census2021-ts008-ltla.csv"
    path.write_text(SEX + rows, encoding="utf-8")
    run = run_cli(data, "census", "import", str(path))
    if ok:
        assert run.code == 0 and "figures for 1 areas" in run.out, run.err
        return
    assert run.refused(*words), run.err
    assert unchanged(data, before)


@pytest.mark.parametrize("share, words", [
    ("nan", ("'nan' where a share (a number from 0 to 1) should be",)),
    ("2.0", ("'2.0' where a share",)),
    ("-inf", ("'-inf' where a share",)),
])
def test_lookup_shares_must_be_real_fractions(seeded, tmp_path, share, words):
    data, before = seeded
    path = tmp_path / "LAD22_to_ICB22.csv"
    path.write_text("LAD22CD,LAD22NM,ICB22CD,ICB22CDH,ICB22NM,share_of_lad_lsoa11,is_best_fit\n"
                    f"E07000132,Hinckley,E54000015,QK1,NHS LLR ICB,{share},True\n", encoding="utf-8")
    run = run_cli(data, "census", "import", str(path))
    assert run.refused(*words), run.err
    assert unchanged(data, before)


def test_a_county_lookup_giving_a_district_two_counties_is_refused(seeded, tmp_path):
    data, before = seeded
    path = tmp_path / "ltla21_utla21.csv"
    path.write_text("ltla21_name,ltla21_code,utla21_name,utla21_code\nHinckley,E07000132,Leicestershire,E10000018\n"
                    "Hinckley,E07000132,Elsewhere,E10000099\n", encoding="utf-8")
    run = run_cli(data, "census", "import", str(path))
    assert run.refused("repeats area E07000132"), run.err
    assert unchanged(data, before)
