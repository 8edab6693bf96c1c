"""A download where some tables come back wrong keeps every table that arrived whole, names the others with the
date of the figures kept, and never drops a category without saying so. Real client, local fake Nomis."""

from __future__ import annotations

import datetime as dt

import pytest

from idmf.census.tables import PROFILE_TABLES, table_spec
from tests.census.conftest import AREAS, Reply

TODAY = dt.date.today().strftime("%d/%m/%Y")


def answer(code: str, categories: list[tuple[str, str, int]], total: int | None = None) -> str:
    """A Nomis answer for one table: every area gets the same categories (code, name, count) and total."""
    dim = table_spec(code).dimension.upper()
    lines = [f"GEOGRAPHY_CODE,GEOGRAPHY_NAME,{dim}_NAME,{dim},OBS_VALUE"]
    whole = sum(n for _, _, n in categories) if total is None else total
    every = {code: name for geography in AREAS.values() for code, name in geography}  # the same for each request
    for area, name in every.items():
        lines.append(f'{area},"{name}",Total,0,{whole}')
        lines += [f'{area},"{name}","{cat}",{cat_code},{n}' for cat_code, cat, n in categories]
    return "\n".join(lines) + "\n"


@pytest.fixture
def earlier(census, nomis, settings):
    """Every table downloaded before (counts doubled, so the new download is told apart)."""
    nomis.scale = 2
    census.download(settings)
    nomis.scale, nomis.requests[:] = 1, []
    return census


def _counts(census, code: str, area: str = "E07000132") -> dict[str, int]:
    table = next(t for t in census.profile(area, [code]).tables)
    return {r.category: r.count for r in table.rows}


def test_one_empty_table_keeps_its_earlier_figures_and_the_rest_are_stored(earlier, nomis, settings):
    before = _counts(earlier, "TS002")
    nomis.by_dataset["NM_2022_1"] = Reply(body="GEOGRAPHY_CODE,GEOGRAPHY_NAME,C2021_LPSTAT_12_NAME,"
                                                "C2021_LPSTAT_12,OBS_VALUE\n")  # Nomis had nothing to send
    result = earlier.download(settings)
    assert result.summary == (f"8 of 9 tables updated; Legal partnership status (TS002): no figures from Nomis "
                              f"\u2014 kept the figures from {TODAY}.")
    assert result.failed == ["TS002"]
    assert _counts(earlier, "TS002") == before  # kept as it was
    assert _counts(earlier, "TS008") == {"Female": 110, "Male": 120}  # the new figures (not doubled)

    del nomis.by_dataset["NM_2022_1"]  # Nomis has it again: "Retry failed tables" fetches only that one
    nomis.requests[:] = []
    retried = earlier.download(settings, tables=result.failed)
    assert retried.failed == [] and {path for path, _ in nomis.requests} == {"/api/v01/dataset/NM_2022_1.data.csv"}
    assert _counts(earlier, "TS002") == {name: n // 2 for name, n in before.items()}


def test_a_failed_table_that_was_never_downloaded_says_so(census, nomis, settings):
    nomis.by_dataset["NM_2087_1"] = Reply(status=404, body="no such dataset")
    result = census.download(settings, tables=["TS008", "TS070"])
    assert result.summary.startswith("1 of 2 tables updated; Gender identity (TS070): ")
    assert result.summary.endswith("error 404). Check the address " + settings.base_url
                                   + "; Nomis may have changed its tables \u2014 there were no earlier figures for it.")
    assert census.profile("E07000132").missing[-1].startswith("Legal partnership")


@pytest.mark.parametrize("codes", [
    ("1001", "1002"),  # every code above the number of categories: once read as aggregates, the table came back empty
    ("1", "7"),  # the second code above it: that category vanished
])
def test_unexpected_category_codes_lose_no_one(census, nomis, settings, codes):
    nomis.by_dataset["NM_2028_1"] = Reply(body=answer("TS008", [(codes[0], "Female", 600), (codes[1], "Male", 400)]))
    result = census.download(settings, tables=["TS008"])
    assert result.failed == [] and "left out" not in result.summary
    assert _counts(census, "TS008") == {"Female": 600, "Male": 400}


def test_an_aggregate_left_out_is_named_to_the_user(census, nomis, settings):
    nomis.by_dataset["NM_2057_1"] = Reply(body=answer("TS039", [
        ("1", "Provides no unpaid care", 900), ("101", "Provides 19 hours or less unpaid care a week", 60),
        ("2", "Provides 9 hours or less unpaid care a week", 40), ("3", "Provides 10 to 19 hours", 20),
        ("4", "Provides 20 or more hours", 40)], total=1000))
    result = census.download(settings, tables=["TS039"])
    assert "left out \u201cProvides 19 hours or less unpaid care a week\u201d" in result.summary
    assert sum(_counts(census, "TS039").values()) == 1000


def test_a_table_whose_categories_do_not_add_up_is_refused_with_the_difference(earlier, nomis, settings):
    before = _counts(earlier, "TS030")
    religion = [("1", "No religion", 400), ("2", "Christian", 500), ("3", "Muslim", 50)]
    nomis.by_dataset["NM_2049_1"] = Reply(body=answer("TS030", religion, total=1000))
    result = earlier.download(settings)
    assert result.failed == ["TS030"]
    assert (f"Religion (TS030): refused, because for Hinckley and Bosworth its categories add up to 950, 50 fewer "
            f"than its total of 1,000 \u2014 kept the figures from {TODAY}") in result.summary
    assert result.summary.startswith(f"{len(PROFILE_TABLES) - 1} of {len(PROFILE_TABLES)} tables updated")
    assert _counts(earlier, "TS030") == before


def test_within_a_few_people_is_accepted(census, nomis, settings):
    nomis.by_dataset["NM_2028_1"] = Reply(body=answer("TS008", [("1", "Female", 600), ("2", "Male", 400)], 1003))
    assert census.download(settings, tables=["TS008"]).failed == []
