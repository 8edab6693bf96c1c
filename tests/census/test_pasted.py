"""Census tables pasted into answers (tab-separated, as Nomis copies them) are recognised, matched with the
census figures for their area, and replaced by the census table in one step when the figures agree."""

from __future__ import annotations

import pytest

from idmf.census.errors import CensusDataError
from idmf.census.pasted import find_pasted, without
from idmf.services.changes import Changes
from tests.census.conftest import SEX

def test_a_nomis_paste_is_found_with_its_source_and_note():
    (pasted,) = find_pasted(SEX)
    assert pasted.code == "TS008" and "Hinckley and Bosworth" in pasted.places
    assert pasted.figures == (("Female", 57_607), ("Male", 56_033)) and pasted.total == 113_640
    assert (pasted.first_line, pasted.last_line) == (1, 7)  # the table, its source line and its note
    assert without(SEX, pasted) == "Census 2021 for the district:\n\nOlder residents are the ones most affected."


@pytest.mark.parametrize("text", [
    "Name\tRole\nJo\tAnalyst\nSam\tNurse",  # a table of words, not figures
    "Clinic\tSessions\nHinckley\t12\nEarl Shilton\t9",  # figures, but nothing says census (no TS code, no count)
])
def test_other_tables_are_not_taken_for_census_tables(text):
    assert find_pasted(text) == []


def test_the_same_figures_are_offered_and_replaced_in_one_step(sex_figures, context):
    item = context.assessments.create("Day case unit")
    context.assessments.set_answer(item, "data_sources", SEX)
    notices: list[Changes] = []
    context.changes.subscribe(notices.append)
    (match,) = sex_figures.pasted_tables(item, "data_sources")
    assert match.table is not None and match.table.table_code == "TS008"
    assert "same figures" in match.message and "Sex (TS008) for Hinckley and Bosworth" in match.message
    sex_figures.replace_pasted(item, match)
    stored = context.assessments.get(item.id)
    assert stored.text("data_sources") == "Census 2021 for the district:\n\nOlder residents are the ones most affected."
    assert [(t.table_code, t.area_name, [(r.category, r.count) for r in t.rows]) for t in stored.census_tables] == [
        ("TS008", "Hinckley and Bosworth", [("Female", 57_607), ("Male", 56_033)])]
    assert notices[-1] == Changes(item.id, answers=frozenset({"data_sources"}), census=True)
    assert sex_figures.pasted_tables(stored, "data_sources") == []
    with pytest.raises(CensusDataError, match="no longer holds the pasted census table"):
        sex_figures.replace_pasted(stored, match)  # a second click changes nothing


def test_different_figures_are_explained_and_not_offered(sex_figures, context):
    item = context.assessments.create("Day case unit")
    context.assessments.set_answer(item, "data_sources", SEX.replace("57,607", "57,600"))
    (match,) = sex_figures.pasted_tables(item, "data_sources")
    assert match.table is None
    assert "Female: 57,600 pasted, 57,607 in the census" in match.message
    assert "left as it is" in match.message


def test_an_area_without_figures_says_what_to_do(context):
    item = context.assessments.create("Day case unit")
    context.assessments.set_answer(item, "data_sources", SEX)
    (match,) = context.census.pasted_tables(item, "data_sources")
    assert match.table is None and "(TS008)" in match.message and "Step 2" in match.message


def test_the_attached_table_for_that_area_is_used_without_the_cache(context):
    from tools.export_sample import hinckley_ethnic_group

    table = hinckley_ethnic_group()
    item = context.assessments.create("Day case unit")
    context.census.attach(item, [table])
    rows = "\n".join(f"{r.category}\t{r.count:,}\t{r.percent}" for r in table.rows)
    context.assessments.set_answer(item, "populations", f"Ethnic group\tHinckley and Bosworth\n\tcount\t%\n{rows}\n"
                                                        "Source: ONS - 2021 Census (TS021)")
    (match,) = context.census.pasted_tables(item, "populations")
    assert match.table == table
    context.census.replace_pasted(item, match)
    stored = context.assessments.get(item.id)
    assert stored.text("populations") == "" and stored.census_tables == [table]  # kept once, not twice


def test_a_failed_save_changes_neither_the_answer_nor_the_tables(sex_figures, context, monkeypatch):
    item = context.assessments.create("Day case unit")
    context.assessments.set_answer(item, "data_sources", SEX)
    (match,) = sex_figures.pasted_tables(item, "data_sources")

    def fail(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(context.store.assessments, "attach_census_tables", fail)
    with pytest.raises(OSError):
        sex_figures.replace_pasted(item, match)
    assert item.text("data_sources") == SEX and item.census_tables == []
    stored = context.assessments.get(item.id)
    assert stored.text("data_sources") == SEX and stored.census_tables == []
    assert stored.answer_versions == item.answer_versions
