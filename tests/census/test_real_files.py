"""The real ONS files in ../shared/census: known figures, ICB sums, split authorities, area search."""

from __future__ import annotations

from pathlib import Path

import pytest


from idmf.census.errors import CensusImportError
from idmf.services.census import CensusService
from idmf.services.context import open_app
from tests.conftest import CENSUS_DIR

LLR = "E54000015"
LLR_AUTHORITIES = {"E06000016", "E06000017", "E07000129", "E07000130", "E07000131", "E07000132", "E07000133",
                   "E07000134", "E07000135"}  # Leicester, Rutland and the 7 Leicestershire districts
HINCKLEY = "E07000132"


def real_files(folder: Path) -> list[Path]:
    """The bulk age files, the ethnic group counts, the 2022 LAD→ICB lookup and the district→county lookup."""
    return [*sorted((folder / "ts007_age_single_year").glob("census2021-ts007-*.csv")),
            folder / "ts021_ethnic_group" / "ethnicity21_ltla21_wide_counts.csv",
            folder / "lookups" / "LAD22_to_ICB22_derived_from_LSOA11_SICBL22_ICB22_LAD22.csv",
            folder / "lookups" / "ltla21_utla21.csv"]


@pytest.fixture(scope="module")
def real(tmp_path_factory) -> CensusService:
    """One database with every real file imported (shared by this module's tests: they only read it)."""
    if not CENSUS_DIR.is_dir():
        pytest.skip(f"real census data not found at {CENSUS_DIR} (the project's ../shared folder)")
    context = open_app(f"sqlite:///{tmp_path_factory.mktemp('census') / 'census.sqlite3'}")
    service = context.census
    service.import_files(real_files(CENSUS_DIR))
    yield service
    context.close()


def _table(service: CensusService, area: str, code: str):
    return next(t for t in service.profile(area).tables if t.table_code == code)


def test_hinckley_ethnic_group_matches_the_published_figures(real):
    table = _table(real, HINCKLEY, "TS021")
    broad = {r.category.split(",")[0].split(" ")[0]: r.count for r in table.rows if r.parent is None}
    assert broad == {"Asian": 3147, "Black": 692, "Mixed": 1990, "White": 107180, "Other": 632}
    assert [r.category for r in table.rows if r.parent is None][3] == "White"  # ONS order, not alphabetical
    assert table.total == 113641 and table.characteristic == "pc_race"
    assert table.source == "Source: ONS - 2021 Census (TS021)"
    assert len([r for r in table.rows if r.parent]) == 19


def test_hinckley_age_is_ts007_with_template_bands(real):
    table = _table(real, HINCKLEY, "TS007")
    assert table.total == 113640 and table.title == "Age" and table.characteristic == "pc_age"
    assert [r.category for r in table.rows][0] == "Aged 4 years and under" and len(table.rows) == 11
    assert dict((r.category, r.count) for r in table.rows)["Aged 25 to 34 years"] == 13808
    assert any("in place of TS007B" in n for n in table.notes)
    assert all(r.england_percent is not None for r in table.rows)  # England comes from the country file
    flagged = [r.category for r in table.rows if r.over_represented]
    assert flagged == ["Aged 50 to 64 years", "Aged 65 to 74 years"]  # an older population than England's


def test_llr_icb_is_the_sum_of_its_authorities(real):
    members = {m.lad_code for m in real.cache.icb_links(LLR) if m.icb_code == LLR}
    assert members == LLR_AUTHORITIES
    icb = real.profile(LLR)
    assert [t.table_code for t in icb.tables] == ["TS007", "TS021"]
    for table in icb.tables:
        parts = [_table(real, code, table.table_code) for code in LLR_AUTHORITIES]
        assert table.total == sum(p.total for p in parts)
        for row in table.rows:
            assert row.count == sum(next(r.count for r in p.rows if r.category == row.category) for p in parts)
        assert not table.built_from_best_fit and "Summed from the figures of its 9" in table.notes[0]


def test_split_authorities_are_named_and_flagged(real):
    table = _table(real, "E54000052", "TS021")  # Surrey Heartlands
    assert table.built_from_best_fit
    note = table.notes[0]
    for name in ("Guildford", "Runnymede", "Waverley"):
        assert name in note.split("Left out")[0]
    assert "Surrey Heath" in note.split("Left out")[1] and "Chichester" in note.split("Left out")[1]
    # East Suffolk is split 50/50 and best fit for both Suffolk ICBs: both count it and both say so.
    for icb in ("E54000022", "E54000023"):
        assert "East Suffolk" in _table(real, icb, "TS021").notes[0]


def test_county_is_summed_from_districts_when_it_has_no_figures(real):
    age = _table(real, "Leicestershire", "TS007")
    ethnic = _table(real, "Leicestershire", "TS021")
    assert age.area_code == "E10000018" and not any("Summed" in n for n in age.notes)  # from the county file
    assert "Summed from the figures of its 7" in ethnic.notes[0]
    # The counts file has no England row: England is the sum of its 309 authorities, and the table says so.
    assert ethnic.rows[0].england_percent == 9.6  # Asian: 5,426,3xx of 56.49 million, as ONS publishes (9.6 %)
    assert any("sum of its 309 local authorities" in n for n in ethnic.notes)


@pytest.mark.parametrize("text, code", [
    ("Hinckley", HINCKLEY), ("E07000132", HINCKLEY), ("e07000132", HINCKLEY),
    ("Leicester, Leicestershire and Rutland ICB", LLR), ("QK1", LLR), ("Leicester", "E06000016"),
    ("England", "E92000001"), ("Wales", "W92000004"), ("Leicestershire", "E10000018"),
])
def test_area_search_finds_names_codes_and_icb_abbreviation(real, text, code):
    assert real.area_search(text)[0].code == code
    assert real.resolve(text).code == code


def test_area_search_lists_the_kinds(real):
    kinds = {a.kind for a in real.area_search("Leicester")}
    assert kinds == {"ltla", "utla", "icb"}
    assert real.area_search("  ") == [] and real.area_search("Atlantis") == []


def test_a_bad_file_among_good_ones_imports_nothing(context, tmp_path):
    if not CENSUS_DIR.is_dir():
        pytest.skip(f"real census data not found at {CENSUS_DIR}")
    service = context.census
    broken = tmp_path / "census2021-ts008-ltla.csv"
    broken.write_text('"date","geography","geography code","Sex: All persons","Sex: Female"\n2021,X,E07000132,5\n')
    with pytest.raises(CensusImportError, match="line 2 has 4 values instead of 5"):
        service.import_files([CENSUS_DIR / "ts007_age_single_year" / "census2021-ts007-ltla.csv", broken])
    assert service.cache.snapshot() == []
    with pytest.raises(CensusImportError, match="not a file the app can import"):
        service.import_files([CENSUS_DIR / "imd2019" / "imd2019_england_ltla19.csv"])
