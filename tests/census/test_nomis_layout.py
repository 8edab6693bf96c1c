"""What NOMIS_API.md marks uncertain: the county geography type (TYPE155), aggregate category codes next to
leaf codes, and a dimension answered with its total only. Real client, local server."""

from __future__ import annotations

import pytest

from idmf.census.errors import CensusDownloadError
from idmf.census.nomis import NO_COUNTIES
from idmf.census.nomis_csv import category_rows
from tests.census.conftest import Reply

CARER = "GEOGRAPHY_CODE,GEOGRAPHY_NAME,C2021_CARER_7_NAME,C2021_CARER_7,OBS_VALUE\n"
# TS039-like codelist: 0 total, leaves 1..6, and the aggregates 101 (1-19 hours) and 102 (20-49 hours).
CARER_CODES = [("0", "Total: All usual residents aged 5 years and over", 1000), ("1", "Provides no unpaid care", 900),
               ("101", "Provides 19 hours or less unpaid care a week", 60),
               ("2", "Provides 9 hours or less unpaid care a week", 40),
               ("3", "Provides 10 to 19 hours unpaid care a week", 20),
               ("102", "Provides 20 to 49 hours unpaid care a week", 25),
               ("4", "Provides 20 to 34 hours unpaid care a week", 15),
               ("5", "Provides 35 to 49 hours unpaid care a week", 10),
               ("6", "Provides 50 or more hours unpaid care a week", 15)]


def carer_csv(codes=CARER_CODES, areas=("E07000132", "E92000001")) -> str:
    return CARER + "".join(f'{area},Somewhere,"{name}",{code},{count}\n'
                           for area in areas for code, name, count in codes)


def test_counties_come_from_nomis_when_it_offers_them(census, nomis, settings):
    summary = census.download(settings, tables=["TS008"]).summary
    assert NO_COUNTIES not in summary
    county = census.resolve("Leicestershire")
    assert (county.code, county.kind) == ("E10000018", "utla")
    assert census.profile(county).tables[0].total == 230  # its own figures, not a sum
    assert census.resolve("Leicester").kind == "ltla"  # a unitary listed with the counties stays a district


def test_a_refused_county_type_is_skipped_and_said(census, nomis, settings):
    nomis.by_geography["TYPE155"] = Reply(status=400, body="Unknown geography type")
    summary = census.download(settings).summary
    assert summary.endswith(NO_COUNTIES) and "ltla21_utla21.csv" in summary
    asked = [q["geography"] for _, q in nomis.requests]
    assert asked.count("TYPE155") == 1 and len(asked) == 1 + 3 * 9  # asked once, not for every table
    assert census.area_search("Leicestershire") == [] and census.profile("E07000132").tables


def test_a_county_type_holding_other_areas_is_ignored(census, nomis, settings):
    nomis.by_geography["TYPE155"] = Reply(body=(  # wards, say: not counties
        "GEOGRAPHY_CODE,GEOGRAPHY_NAME,C_SEX_NAME,C_SEX,OBS_VALUE\nE05000001,A ward,Total,0,5\n"
        "E05000001,A ward,Female,1,3\nE05000001,A ward,Male,2,2\n"))
    summary = census.download(settings, tables=["TS008"]).summary
    assert summary.endswith(NO_COUNTIES) and census.cache.area("E05000001") is None


@pytest.mark.parametrize("status", [500, 429])
def test_a_county_request_failing_for_a_passing_reason_still_fails_the_download(census, nomis, settings, status):
    # Busy or broken servers are not "counties unavailable": the user must hear about them.
    nomis.by_geography["TYPE155"] = Reply(status=status, headers={"Retry-After": "0"}, body="")
    with pytest.raises(CensusDownloadError, match="not been changed"):
        census.download(settings, tables=["TS008"])
    assert census.cache.snapshot() == []


def test_aggregate_codes_are_not_counted_twice(census, nomis, settings):
    nomis.always = Reply(body=carer_csv())
    census.download(settings, tables=["TS039"])
    table = census.profile("E07000132").tables[0]
    assert table.total == 1000 and table.universe == "Usual residents aged 5 years and over"
    assert [r.category for r in table.rows] == [name for code, name, _ in CARER_CODES if code in "123456"]
    assert sum(r.count for r in table.rows) == 1000 and table.characteristic is None


def test_total_is_summed_from_leaves_when_nomis_omits_code_0():
    cells = {code: (name, count) for code, name, count in CARER_CODES if code != "0"}
    total, rows, _ = category_rows(cells)
    assert total is None and sum(n for _, n in rows) == 1000 and len(rows) == 6


def test_an_aggregate_naming_its_parts_becomes_their_heading():
    cells = {"0": ("Total", 100), "1001": ("Disabled under the Equality Act", 20),
             "1": ("Disabled under the Equality Act: Day-to-day activities limited a lot", 8),
             "2": ("Disabled under the Equality Act: Day-to-day activities limited a little", 12),
             "3": ("Not disabled under the Equality Act", 80)}
    assert category_rows(cells) == (100, [(name, n) for code, (name, n) in cells.items() if code != "0"], [])
    cells.pop("0")
    from idmf.census.records import observations

    assert observations("TS038", "E07000132", None, category_rows(cells)[1])[0].count == 100  # 20 + 80


def test_an_answer_with_only_totals_is_refused(census, nomis, settings):
    nomis.always = Reply(body=carer_csv([CARER_CODES[0]]))
    with pytest.raises(CensusDownloadError, match="only the table total"):
        census.download(settings, tables=["TS039"])
    assert census.cache.snapshot() == []


def test_a_negative_count_is_refused(census, nomis, settings):
    nomis.always = Reply(body=carer_csv([CARER_CODES[0], ("1", "Provides no unpaid care", -5)]))
    with pytest.raises(CensusDownloadError, match="not a count of people"):
        census.download(settings, tables=["TS039"])


def test_download_on_a_worker_thread_as_the_window_runs_it(census, nomis, settings):
    import threading

    outcome = []
    worker = threading.Thread(target=lambda: outcome.append(census.download(settings, tables=["TS021"])))
    worker.start()
    worker.join(timeout=30)
    assert outcome and outcome[0].summary.startswith("Downloaded")
    assert census.profile("Hinckley").tables[0].table_code == "TS021"  # read back on this thread
