"""The census figures shipped with the app: built from ../shared/census, checked against the source files, and
used on a fresh data folder with the network blocked."""

from __future__ import annotations

import csv
import json
import socket

import pytest

from idmf.census import bundle
from idmf.cli.main import main as cli
from idmf.paths import resources_dir
from tests.census.test_real_files import HINCKLEY, LLR, LLR_AUTHORITIES

SHIPPED = resources_dir() / "census" / bundle.BUNDLE_NAME


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The bundle built afresh from ../shared/census with the repository's script (skips when it is absent)."""
    from tests.conftest import CENSUS_DIR

    if not CENSUS_DIR.is_dir():
        pytest.skip(f"real census data not found at {CENSUS_DIR} (the project's ../shared folder)")
    out = tmp_path_factory.mktemp("bundle") / bundle.BUNDLE_NAME
    assert bundle.main([str(CENSUS_DIR), str(out)]) == 0
    return CENSUS_DIR, bundle.read(out)


def _rows(path):
    with open(path, encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def _count(built_bundle, code, area, category):
    entry = built_bundle["tables"][code]
    return entry["areas"][area][entry["categories"].index(category)]


def test_the_committed_bundle_is_what_the_script_builds_from_the_source_files(built):
    _, fresh = built
    shipped = bundle.read(SHIPPED)
    assert {k: v for k, v in shipped.items() if k != "built"} == {k: v for k, v in fresh.items() if k != "built"}
    assert tuple(sorted(shipped["tables"])) == bundle.SHIPPED_TABLES
    assert SHIPPED.stat().st_size < 3 * 1024 * 1024
    for entry in shipped["tables"].values():  # per-table provenance
        assert entry["ons_table"] and entry["files"] and "Open Government Licence" in entry["licence"]


@pytest.mark.parametrize("relative, code, area_col, category_col, value_col", [
    ("ts008_sex/TS008_sex_ltla21_ons_api.csv", "TS008", "Lower tier local authorities Code", "Sex (2 categories)",
     "Observation"),
    ("ts030_religion/TS030-2021-3.csv", "TS030", "Lower tier local authorities Code", "Religion (10 categories)",
     "Observation"),
    ("ts070_gender_identity/TS070_gender_identity_8cat_ltla21_ons_api.csv", "TS070",
     "Lower Tier Local Authorities Code", "Gender identity (8 categories)", "Observation"),
    ("ts077_sexual_orientation/healthyr_sexual_orientation_21_ltla21_long.csv", "TS077", "ltla21_code",
     "sexual_orientation", "n"),
    ("ts038_disability/healthyr_disability_21_ltla21_long.csv", "TS038", "ltla21_code", "disability_level", "n"),
    ("ts002_legal_partnership/healthyr_legal_partnership_21_ltla21_long.csv", "TS002", "ltla21_code",
     "legal_partnership", "n"),
    ("ts030_religion/ts030_ctry_england_wales_nomis_bulk_long.csv", "TS030", "geography_code", "category", "count"),
    ("ts021_ethnic_group/ts021_ctry_england_wales_nomis_bulk_long.csv", "TS021", "geography_code", "category",
     "count"),
])
def test_every_figure_of_the_long_files_is_in_the_bundle(built, relative, code, area_col, category_col, value_col):
    folder, fresh = built
    checked = 0
    for row in _rows(folder / relative):
        category = row[category_col].removesuffix("; measures: Value")
        if category == "Does not apply":
            assert row[value_col] == "0"
            continue
        category = "Total" if category.startswith("Total") else category
        assert _count(fresh, code, row[area_col], category) == int(row[value_col]), (row[area_col], category)
        checked += 1
    assert checked >= 20


def test_every_age_band_and_ethnic_group_of_the_wide_files_is_in_the_bundle(built):
    folder, fresh = built
    for level in ("ltla", "utla", "rgn", "ctry"):
        for row in _rows(folder / "ts007_age_single_year" / f"census2021-ts007-{level}.csv"):
            assert _count(fresh, "TS007", row["geography code"], "Total") == int(row["Age: Total; measures: Value"])
            assert _count(fresh, "TS007", row["geography code"], "Aged 85 years and over") == int(
                row["Age: Aged 85 years and over; measures: Value"])
    for row in _rows(folder / "ts021_ethnic_group" / "ethnicity21_ltla21_wide_counts.csv"):
        for heading, value in row.items():
            if ": " in heading and "(sum of" not in heading:
                assert _count(fresh, "TS021", row["ltla21_code"], heading) == int(value)


def test_imd_and_lookups_come_from_their_files(built):
    folder, fresh = built
    imd = {r["ltla19_code"]: r for r in _rows(folder / "imd2019" / "imd2019_england_ltla19.csv")}
    assert len(fresh["deprivation"]["areas"]) == len(imd) == 317
    assert fresh["deprivation"]["areas"][HINCKLEY] == [13.461, 0.0]
    links = {(icb, lad) for icb, lad, *_ in fresh["lookups"]["icb_members"]}
    assert {(LLR, lad) for lad in LLR_AUTHORITIES} <= links


@pytest.fixture
def offline(monkeypatch):
    """A fresh data folder (from the autouse fixture) using the shipped bundle, with every connection refused."""
    monkeypatch.delenv(bundle.BUNDLE_VARIABLE)
    attempts = []

    def refuse(*args, **_kwargs):
        attempts.append(args)
        raise OSError("network blocked by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


def _profile_json(capsys, area: str) -> dict:
    assert cli(["census", "profile", area, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _by_code(result: dict) -> dict:
    return {t["table_code"]: t for t in result["tables"]}


def _figures(table: dict) -> dict:
    return {r["category"]: r["count"] for r in table["rows"]}


def test_a_fresh_install_offline_profiles_hinckley_from_the_shipped_figures(offline, capsys):
    result = _profile_json(capsys, HINCKLEY)
    tables = _by_code(result)
    assert set(tables) == {"TS008", "TS007", "TS021", "TS030", "TS077", "TS070", "TS038", "TS002"}
    assert _figures(tables["TS008"]) == {"Female": 57607, "Male": 56033}
    assert tables["TS007"]["total"] == 113640 and _figures(tables["TS007"])["Aged 25 to 34 years"] == 13808
    ethnic = _figures(tables["TS021"])
    assert ethnic["White"] == 107180 and ethnic["Asian, Asian British or Asian Welsh"] == 3147
    assert _figures(tables["TS030"])["Christian"] == 56637 and _figures(tables["TS030"])["No religion"] == 47368
    assert _figures(tables["TS077"])["Gay or Lesbian"] == 1105 and _figures(tables["TS077"])["Bisexual"] == 865
    assert _figures(tables["TS070"])["Trans woman"] == 54 and _figures(tables["TS070"])["Trans man"] == 46
    assert _figures(tables["TS038"])["Disabled under the Equality Act"] == 19926
    assert _figures(tables["TS002"])["Married or in a registered civil partnership"] == 46636
    assert all(t["origin"] == bundle.SHIPPED_SOURCE for t in tables.values())
    assert any("limited a lot" in n for n in tables["TS038"]["notes"])  # says what the shipped table lacks
    assert any("in place of TS079" in n for n in tables["TS077"]["notes"])
    assert tables["TS030"]["rows"][1]["england_percent"] == 46.3  # England's own row: 26,167,899 Christians
    assert any("sum of its 309 local authorities" in n for n in tables["TS008"]["notes"])
    assert result["missing"] == ["Unpaid care (TS039): no figures for Hinckley and Bosworth in the cache yet."]
    imd = result["deprivation"]
    assert imd["deprivation"] == [{"area_code": HINCKLEY, "area_name": "Hinckley and Bosworth", "score": 13.461,
                                   "rank": 232, "of": 317, "decile": 8, "most_deprived_10": 0.0}]
    assert imd["characteristic"] == "ih_deprivation" and "2019 local authority boundaries" in imd["caveat"]
    assert any("not 20 %" in n for n in imd["notes"]) and "Indices of Deprivation 2019" in imd["source"]
    assert offline == []  # nothing even tried to connect


def test_the_llr_icb_is_summed_offline_from_its_nine_authorities(offline, capsys, census_dir):
    result = _profile_json(capsys, LLR)
    sex = _by_code(result)["TS008"]
    rows = _rows(census_dir / "ts008_sex" / "TS008_sex_ltla21_ons_api.csv")
    female = sum(int(r["Observation"]) for r in rows
                 if r["Lower tier local authorities Code"] in LLR_AUTHORITIES and r["Sex (2 categories)"] == "Female")
    assert _figures(sex)["Female"] == female and sex["built_from_best_fit"] is False
    assert len(_by_code(result)) == 8
    imd = {d["area_name"]: (d["rank"], d["decile"]) for d in result["deprivation"]["deprivation"]}
    assert len(imd) == 9 and imd["Leicester"] == (32, 2) and imd["Rutland"] == (303, 10)
    assert offline == []


def test_a_second_start_does_not_reload_and_downloaded_tables_are_never_overwritten(offline, capsys, sex_figures,
                                                                                    monkeypatch):
    # sex_figures stored TS008 as a Nomis download before first use: the shipped TS008 must not replace it.
    tables = _by_code(_profile_json(capsys, HINCKLEY))
    assert tables["TS008"]["origin"] == "ONS Census 2021, downloaded from Nomis on 05/01/2026"
    assert tables["TS021"]["origin"] == bundle.SHIPPED_SOURCE
    opened = []
    real_read = bundle.read
    monkeypatch.setattr(bundle, "read", lambda path: opened.append(path) or real_read(path))
    _profile_json(capsys, HINCKLEY)
    assert opened == [SHIPPED]  # only for the deprivation figures: every census table was already cached


def test_a_damaged_bundle_leaves_the_cache_empty_and_says_why(offline, context, tmp_path, monkeypatch):
    broken = tmp_path / "broken.json.gz"
    broken.write_bytes(b"not gzip")
    monkeypatch.setenv(bundle.BUNDLE_VARIABLE, str(broken))
    assert context.census.has_figures() is False
    assert "could not be read" in context.census.shipped_problem and "Reinstall" in context.census.shipped_problem
