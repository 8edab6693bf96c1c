"""Import edge cases: an ONS small-area (LSOA-level) ICB lookup, and a database failure in the middle of the
single write transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from idmf.census.errors import CensusError
from idmf.services.census import CensusService

# One row per neighbourhood (LSOA), as in ONS's "LSOA to Sub ICB Location to ICB to LAD" lookups:
# Hinckley wholly in LLR; "Splitshire" 3 of 4 neighbourhoods in LLR and 1 in another ICB.
LLR = "E54000015,QK1,NHS Leicester Leicestershire and Rutland Integrated Care Board"
OTHER = "E54000099,QZZ,NHS Somewhere Else Integrated Care Board"
LSOA_LOOKUP = "LSOA21CD,ICB23CD,ICB23CDH,ICB23NM,LAD23CD,LAD23NM\n" + "".join([
    *(f"E0100000{n},{LLR},E07000132,Hinckley and Bosworth\n" for n in range(3)),
    *(f"E0100001{n},{LLR},E07000999,Splitshire\n" for n in range(3)),
    f"E01000020,{OTHER},E07000999,Splitshire\n",
])
SEX = ('"date","geography","geography code","Sex: All persons; measures: Value","Sex: Female; measures: Value",'
       '"Sex: Male; measures: Value"\n2021,Hinckley and Bosworth,E07000132,100,51,49\n'
       '2021,Splitshire,E07000999,40,20,20\n2021,England,E92000001,1000,510,490\n')


@pytest.fixture
def service(context) -> CensusService:
    return context.census


def test_an_lsoa_level_lookup_gives_shares_and_best_fit(service, tmp_path):
    lookup, sex = tmp_path / "LSOA21_SICBL23_ICB23_LAD23_EN_LU.csv", tmp_path / "census2021-ts008-ltla.csv"
    lookup.write_text(LSOA_LOOKUP, encoding="utf-8")
    sex.write_text(SEX, encoding="utf-8")
    service.import_files([lookup, sex])
    links = {(m.icb_code, m.lad_code): (m.share, m.best_fit) for m in service.cache.icb_links("E54000015")}
    assert links == {("E54000015", "E07000132"): (1.0, True), ("E54000015", "E07000999"): (0.75, True),
                     ("E54000099", "E07000999"): (0.25, False)}
    table = service.profile("E54000015").tables[0]
    assert table.total == 140 and table.built_from_best_fit
    assert "Splitshire (75% of its neighbourhoods (LSOAs) are in this ICB)" in table.notes[0]
    with pytest.raises(CensusError, match="no census figures"):  # its only link is not a best fit
        service.profile("E54000099")


def test_a_database_failure_mid_write_changes_nothing(service, context, tmp_path):
    sex = tmp_path / "census2021-ts008-ltla.csv"
    sex.write_text(SEX, encoding="utf-8")
    service.import_files([sex])
    before = service.cache.snapshot()
    with context.database.engine.begin() as conn:  # the disk "fills up" when England's row is written
        conn.execute(text("CREATE TRIGGER full BEFORE INSERT ON census_value WHEN NEW.area_code = 'E92000001' "
                          "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"))
    sex.write_text(SEX.replace(",100,51,49", ",200,101,99"), encoding="utf-8")
    with pytest.raises(CensusError) as caught:
        service.import_files([sex])
    message = str(caught.value)
    assert "could not be saved" in message and "disk is full" in message and "not been changed" in message
    assert service.cache.snapshot() == before


@pytest.mark.parametrize("row, words", [
    ("2021,Splitshire,E07000999,40,20,10", "add up to 30, 10 fewer than its total of 40"),
    ("2021,Splitshire,E07000999,40,30,20", "add up to 50, 10 more than its total of 40"),
    ("2021,Splitshire,E07000999,40,50,20", "a category larger than its total"),
])
def test_a_bulk_file_whose_categories_do_not_add_up_is_refused_and_says_where(service, tmp_path, row, words):
    path = tmp_path / "census2021-ts008-ltla.csv"
    path.write_text(SEX.replace("2021,Splitshire,E07000999,40,20,20", row), encoding="utf-8")
    with pytest.raises(CensusError) as caught:
        service.import_files([path])
    assert words in str(caught.value) and "not been changed" in str(caught.value)
    assert service.cache.snapshot() == []


def test_ons_dataset_layout_with_people_under_does_not_apply_is_refused(service, tmp_path):
    path = tmp_path / "sex.csv"
    path.write_text("Lower tier local authorities Code,Lower tier local authorities,Sex (2 categories) Code,"
                    "Sex (2 categories),Observation\nE07000132,Hinckley,-8,Does not apply,5\n"
                    "E07000132,Hinckley,1,Female,51\nE07000132,Hinckley,2,Male,49\n", encoding="utf-8")
    with pytest.raises(CensusError, match="puts 5 people under .Does not apply."):
        service.import_files([path])
    path.write_text(path.read_text(encoding="utf-8").replace("Does not apply,5", "Does not apply,0"), encoding="utf-8")
    service.import_files([path])
    table = service.profile("E07000132").tables[0]
    assert table.table_code == "TS008" and table.total == 100 and [r.category for r in table.rows] == ["Female", "Male"]
