"""Census tables in the evidence base: count and % under the area name, the note, caveat and source line."""

from __future__ import annotations

from idmf.domain import Assessment
from idmf.domain.evidence import DISCLOSURE_NOTE, CensusRow, CensusTable
from tools.export_sample import hinckley_ethnic_group
from tests.export.readback import row_texts


def test_a_census_table_is_laid_out_as_in_the_template(form, export):
    item = Assessment.new(form, "Day case unit")
    item.census_tables = [hinckley_ethnic_group()]
    exported = export(item)
    assert "Ethnic group (TS021) – Hinckley and Bosworth" in exported.headings(3)
    table = next(t for t in exported.doc.tables if "Hinckley and Bosworth" in t.rows[0].cells[-1].text)
    rows = row_texts(table)
    assert rows[0][1:] == ["Hinckley and Bosworth", "Hinckley and Bosworth"]  # one heading over count and %
    assert rows[1] == ["", "count", "%"]
    assert rows[2] == ["Total: All usual residents", "113,641", "100.0"]
    assert rows[3:] == [
        ["Asian, Asian British or Asian Welsh", "3,147", "2.8"],
        ["Black, Black British, Black Welsh, Caribbean or African", "692", "0.6"],
        ["Mixed or Multiple ethnic groups", "1,990", "1.8"],
        ["White", "107,180", "94.3"],
        ["Other ethnic group", "632", "0.6"],
    ]
    assert DISCLOSURE_NOTE in exported.text
    assert "Source: ONS - 2021 Census (TS021)" in exported.text


def test_census_profile_sits_after_the_data_sources_question(form, export):
    item = Assessment.new(form, "Day case unit")
    item.census_tables = [hinckley_ethnic_group()]
    text = export(item).text
    data_sources = text.index(form.question("data_sources").label)
    census = text.index("Census profile of the area")
    assert data_sources < census < text.index(form.question("respondent_profile").label)
    assert text.index("2. ") < census < text.index("3. ")


def test_caveat_england_column_and_default_source(form, export):
    table = CensusTable(table_code="TS079", title="Sexual orientation", area_code="E07000132",
                        area_name="Hinckley and Bosworth", universe="Usual residents aged 16 years and over",
                        total=94_000, rows=[CensusRow(category="Straight or Heterosexual", count=84_000, percent=89.4,
                                                      england_percent=89.4)],
                        caveat="Sexual orientation estimates are official statistics in development.",
                        built_from_best_fit=True)
    item = Assessment.new(form, "Day case unit")
    item.census_tables = [table]
    exported = export(item)
    grid = next(t for t in exported.doc.tables if "England" in [c.text for c in t.rows[0].cells])
    assert row_texts(grid)[1] == ["", "count", "%", "%"]
    assert row_texts(grid)[3] == ["Straight or Heterosexual", "84,000", "89.4", "89.4"]
    assert "Sexual orientation estimates are official statistics in development." in exported.text
    assert "Source: ONS - 2021 Census (TS079)" in exported.text
    assert "summed from best-fit local authorities" in exported.text


def test_no_census_tables_prints_no_heading_and_no_note(form, export):
    item = Assessment.new(form, "Day case unit")
    item.set_answer(form, "data_sources", "Census 2021 for Hinckley and Bosworth:\nSex\tcount\t%\nFemale\t57,607\t50.7")
    exported = export(item)
    assert "Census profile of the area" not in exported.text  # nothing that contradicts the figures written in
    assert "No ONS Census" not in exported.text and "attached" not in exported.text


def test_the_deprivation_table_prints_with_its_key_caveat_and_source(form, export, monkeypatch, context):
    from idmf.census import bundle

    monkeypatch.delenv(bundle.BUNDLE_VARIABLE)  # the IMD 2019 figures shipped with the app
    profile = context.census.profile("E54000015")  # NHS Leicester, Leicestershire and Rutland ICB
    item = Assessment.new(form, "Day case unit")
    item.census_tables = [profile.tables[0], profile.deprivation]
    exported = export(item)
    assert "Deprivation (IMD 2019) – NHS Leicester, Leicestershire and Rutland Integrated Care Board" in \
        exported.headings(3)
    grid = next(t for t in exported.doc.tables if t.rows[0].cells[0].text == "Local authority")
    rows = row_texts(grid)
    assert rows[0] == ["Local authority", "Average score", "Rank", "Decile", "In most deprived 10 %"]
    assert ["Leicester", "30.877", "32 of 317", "2", "20.3%"] in rows
    assert ["Hinckley and Bosworth", "13.461", "232 of 317", "8", "0.0%"] in rows and len(rows) == 10
    text = exported.text
    assert "IMD 2019 uses 2019 local authority boundaries" in text
    assert "not 20 %, so the 10 % share is shown" in text
    assert "Source: Ministry of Housing, Communities and Local Government, English Indices of Deprivation 2019" in text
    assert "Sex (TS008)" in text  # the census table beside it is laid out as before
    assert "England's figures are the sum of its 309 local authorities" in text  # said where England came from
    assert "(ONS Census 2021, shipped with IDMF Desktop (bulk files))" in text
