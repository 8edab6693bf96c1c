"""Census tables attached to an assessment survive reload and JSON export/import; the `census` commands."""

from __future__ import annotations

import json

import pytest

from idmf.cli.main import main
from idmf.services.census import CensusService
from tests.census.conftest import Reply
from tests.census.test_real_files import real_files
from tests.conftest import CENSUS_DIR


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def hinckley(census_dir, context) -> CensusService:
    service = context.census
    service.import_files(real_files(census_dir))
    return service


def test_attached_tables_survive_reload_and_json_round_trip(hinckley, context):
    item = context.assessments.create("Day case unit at Hinckley")
    tables = hinckley.profile("Hinckley", ["TS021", "TS007B"]).tables
    hinckley.attach(item.id, tables)

    loaded = context.store.assessments.get(item.id)
    assert loaded.census_tables == tables
    assert [t.table_code for t in loaded.census_tables] == ["TS021", "TS007"]
    assert loaded.census_tables[1].rows[8].over_represented and loaded.census_tables[1].notes

    copy = context.assessments.import_json(context.assessments.export_json(item.id), as_copy=True)
    assert context.store.assessments.get(copy.id).census_tables == tables

    hinckley.attach(item.id, tables[:1])  # replaces the list, never appends
    assert [t.table_code for t in context.store.assessments.get(item.id).census_tables] == ["TS021"]


def test_attached_tables_do_not_follow_later_cache_changes(hinckley, context, tmp_path):
    item = context.assessments.create("Frozen evidence")
    hinckley.attach(item.id, hinckley.profile(HINCKLEY := "E07000132", ["TS021"]).tables)
    changed = tmp_path / "ethnic.csv"
    text = (CENSUS_DIR / "ts021_ethnic_group" / "ethnicity21_ltla21_wide_counts.csv").read_text(encoding="utf-8")
    lines = [line.replace(",103225,", ",1,").replace(",113641", ",10417") if line.startswith(HINCKLEY) else line
             for line in text.splitlines()]  # White British in Hinckley, and the total with it (or it is refused)
    changed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    hinckley.import_files([changed])
    assert next(r for r in hinckley.profile(HINCKLEY, ["TS021"]).tables[0].rows if r.category == "White").count == 3956
    stored = context.store.assessments.get(item.id).census_tables[0]
    assert next(r for r in stored.rows if r.category == "White").count == 107180


def test_cli_import_areas_profile_attach(census_dir, capsys):
    files = [str(p) for p in real_files(census_dir)]
    code, out, _ = run(capsys, "census", "import", *files)
    assert code == 0 and "ethnicity21_ltla21_wide_counts.csv: 8,275 figures for 331 areas (TS021)" in out
    assert "42 ICBs" in out

    code, out, _ = run(capsys, "census", "areas", "Leicester, Leicestershire and Rutland ICB")
    assert code == 0 and out.startswith("E54000015\tNHS Leicester, Leicestershire and Rutland Integrated Care")

    code, out, _ = run(capsys, "census", "profile", "Hinckley")
    assert code == 0 and "Ethnic group (TS021) – Hinckley and Bosworth" in out and "107,180" in out
    assert "higher than England" in out and "Not available: Sex (TS008)" in out
    assert "\n      Caribbean " in out  # a detailed group is named by itself, under its broad group

    code, out, _ = run(capsys, "census", "profile", "E07000132", "--json")
    doc = json.loads(out)
    assert doc["area"]["code"] == "E07000132" and doc["tables"][0]["total"] == 113640

    new_id = run(capsys, "new", "--title", "Day case unit")[1].strip()
    code, out, err = run(capsys, "census", "attach", new_id, "E07000132", "--tables", "TS021,TS008")
    assert code == 0 and "Attached 1 census table(s)" in out and "Not attached: Sex (TS008)" in err
    shown = json.loads(run(capsys, "show", new_id, "--json")[1])
    assert shown["census_tables"][0]["table_code"] == "TS021"


@pytest.mark.parametrize("args, words", [
    (["census", "profile", "Atlantis"], "No area matches 'Atlantis'"),
    (["census", "profile", "E07000132", "--tables", "TS999"], "'TS999' is not one of the census tables"),
    (["census", "import", "missing.csv"], "could not be opened"),
    (["census", "attach", "999", "E07000132"], "no assessment with id 999"),
])
def test_cli_errors_are_one_line(hinckley, capsys, args, words):
    code, out, err = run(capsys, *args)
    assert code == 2 and words in err and err.count("\n") == 1 and "Traceback" not in err


def test_cli_download_from_a_local_server(nomis, capsys):
    code, out, err = run(capsys, "census", "download", "--base-url", nomis.url)
    assert code == 0 and out.startswith("Downloaded") and "[36/36]" in err
    nomis.always = Reply(status=404, body="no")
    code, out, err = run(capsys, "census", "download", "--base-url", nomis.url)
    last = err.strip().splitlines()[-1]
    assert code == 2 and last.startswith("idmf-cli: ") and "error 404" in last and err.count("idmf-cli") == 1


def test_cli_partial_download_names_the_failed_table_and_how_to_fetch_it_again(nomis, capsys):
    nomis.by_dataset["NM_2022_1"] = Reply(status=404, body="no")
    code, out, err = run(capsys, "census", "download", "--base-url", nomis.url)
    assert code == 1 and out.startswith("8 of 9 tables updated; Legal partnership status (TS002): ")
    assert "idmf-cli census download --tables TS002" in err
    del nomis.by_dataset["NM_2022_1"]
    nomis.requests[:] = []
    code, out, _ = run(capsys, "census", "download", "--base-url", nomis.url, "--tables", "TS002")
    assert code == 0 and out.startswith("Downloaded") and len(nomis.requests) == 4
