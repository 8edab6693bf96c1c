"""ICB lookups in other layouts: the plain ONS LAD → ICB file, and a newer lookup than the census codes."""

from __future__ import annotations

import pytest

from idmf.census.errors import CensusDataError
from idmf.census.profile import build_profile

ONS_LAYOUT = """\ufeffLAD22CD,LAD22NM,ICB22CD,ICB22CDH,ICB22NM,ObjectId
E07000132,Hinckley and Bosworth,E54000015,QK1,"NHS Leicester, Leicestershire and Rutland Integrated Care Board",1
E06000016,Leicester,E54000015,QK1,"NHS Leicester, Leicestershire and Rutland Integrated Care Board",2
"""
BULK = ('"date","geography","geography code","Sex: All persons; measures: Value","Sex: Female; measures: Value",'
        '"Sex: Male; measures: Value"\n2021,Hinckley and Bosworth,E07000132,100,51,49\n'
        '2021,Leicester,E06000016,300,150,150\n2021,England,E92000001,1000,510,490\n')


def test_plain_ons_lookup_and_a_bulk_sex_file(context, tmp_path):
    lookup, sex = tmp_path / "LAD22_ICB22_EN_LU.csv", tmp_path / "census2021-ts008-ltla.csv"
    lookup.write_text(ONS_LAYOUT, encoding="utf-8")
    sex.write_text(BULK, encoding="utf-8")
    service = context.census
    service.import_files([lookup, sex])
    table = service.profile("Leicester, Leicestershire and Rutland ICB").tables[0]
    assert (table.table_code, table.total) == ("TS008", 400)
    assert [(r.category, r.count, r.percent, r.england_percent) for r in table.rows] == [
        ("Female", 201, 50.2, 51.0), ("Male", 199, 49.8, 49.0)]
    assert not table.built_from_best_fit and table.area_name.startswith("NHS Leicester")


def test_newer_lookup_codes_are_explained(census_dir, context):
    service = context.census
    service.import_files([census_dir / "ts021_ethnic_group" / "ethnicity21_ltla21_wide_counts.csv",
                          census_dir / "lookups" / "LAD24_to_ICB24_derived_from_LSOA21_ICB24_and_LSOA21_WARD24_LAD24.csv"])
    # In 2024, North East and North Cumbria ICB includes Cumberland, a council created after the census.
    with pytest.raises(CensusDataError, match="no census figures"):
        service.profile("E54000050")
    missing = build_profile(service.cache, service.resolve("E54000050"), ["TS021"]).missing[0]
    assert "Cumberland" in missing and "import the 2022 lookup" in missing
