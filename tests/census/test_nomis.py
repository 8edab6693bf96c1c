"""The real Nomis client against a local HTTP server: success fills the cache; every failure gives one clear
message and leaves the cache exactly as it was."""

from __future__ import annotations

import threading
import time

import pytest

from idmf.census.errors import CensusCancelled, CensusDownloadError
from idmf.census.nomis import retry_after_seconds
from idmf.census.tables import PROFILE_TABLES, table_spec
from tests.census.conftest import Reply

GOOD_CSV_HEADER = "GEOGRAPHY_CODE,GEOGRAPHY_NAME,C_SEX_NAME,C_SEX,OBS_VALUE\n"


@pytest.fixture
def filled(census, nomis, settings):
    """A cache holding an earlier download (numbers doubled, so a later one is told apart)."""
    nomis.scale = 2
    census.download(settings)
    nomis.scale, nomis.requests[:] = 1, []
    return census.cache.snapshot()


def _fails(census, settings, *words: str, tables=("TS008",)) -> str:
    with pytest.raises(CensusDownloadError) as caught:
        census.download(settings, tables=list(tables))
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    assert "not been changed" in message
    for word in words:
        assert word in message
    return message


def test_download_fills_the_cache_with_every_table_and_reports_progress(census, nomis, settings):
    seen = []
    summary = census.download(settings, progress=lambda done, total, label: seen.append((done, total, label))).summary
    assert "Downloaded" in summary
    assert len(nomis.requests) == 4 * len(PROFILE_TABLES)
    assert seen[0][:2] == (0, 36) and seen[-1][:2] == (36, 36) and "Sex (TS008)" in seen[0][2]
    path, query = nomis.requests[0]
    assert path == "/api/v01/dataset/NM_2028_1.data.csv"
    assert query["geography"] == "TYPE154" and query["measures"] == "20100"
    assert query["select"] == "geography_code,geography_name,c_sex_name,c_sex,obs_value"
    assert {q["geography"] for _, q in nomis.requests} == {"TYPE154", "TYPE155", "TYPE480", "TYPE499"}

    result = census.profile("E07000132")
    assert [t.table_code for t in result.tables] == [s.code for s in PROFILE_TABLES] and not result.missing
    sex = result.tables[0]
    assert sex.total == 230 and [(r.category, r.count) for r in sex.rows] == [("Female", 110), ("Male", 120)]
    assert sex.rows[0].england_percent == pytest.approx(100 * 210 / 430, abs=0.05)
    assert sex.dataset_id == "NM_2028_1" and sex.retrieved is not None
    ethnic = next(t for t in result.tables if t.table_code == "TS021")
    white = next(r for r in ethnic.rows if r.category == "White")  # broad group summed from detailed
    assert white.count == 110 + 120 and white.parent is None
    assert next(r for r in ethnic.rows if r.category == "White: Irish").parent == "White"
    assert census.resolve("Wales").kind == "country"


def test_http_500_after_retries_leaves_cache_unchanged(census, nomis, settings, filled):
    nomis.always = Reply(status=500, body="Internal error")
    _fails(census, settings, "error 500")
    assert len(nomis.requests) == settings.retries + 1  # bounded retries
    assert census.cache.snapshot() == filled


def test_http_500_once_is_retried_and_succeeds(census, nomis, settings, filled):
    nomis.plan = [Reply(status=503, body="busy")]
    census.download(settings, tables=["TS008"])
    assert census.cache.snapshot() != filled


def test_429_honours_retry_after(census, nomis, settings, filled):
    nomis.plan = [Reply(status=429, headers={"Retry-After": "1"}, body="slow down")]
    started = time.monotonic()
    census.download(settings, tables=["TS008"])
    assert time.monotonic() - started >= 0.9  # waited what Nomis asked, not the tiny backoff


def test_429_until_retries_run_out(census, nomis, settings, filled):
    nomis.always = Reply(status=429, headers={"Retry-After": "0"}, body="slow down")
    _fails(census, settings, "busy")
    assert census.cache.snapshot() == filled


def test_429_asking_for_too_long_a_wait_gives_up_at_once(census, nomis, settings, filled):
    nomis.always = Reply(status=429, headers={"Retry-After": "3600"}, body="")
    _fails(census, settings, "60 minutes")
    assert len(nomis.requests) == 1 and census.cache.snapshot() == filled


def test_timeout(census, nomis, settings, filled):
    nomis.always = Reply(delay=0.8)
    _fails(census, settings, "did not answer within 0.3 seconds")
    assert census.cache.snapshot() == filled


def test_truncated_body_is_noticed(census, nomis, settings, filled):
    nomis.always = Reply(cut=200)  # promises 200 more bytes than it sends
    _fails(census, settings, "cut off")
    assert census.cache.snapshot() == filled


def test_body_cut_mid_row_without_length_is_noticed(census, nomis, settings, filled):
    from tests.census.conftest import nomis_csv

    whole = nomis_csv("NM_2028_1", "TYPE154")
    nomis.always = Reply(body=whole[: len(whole) - 9], close_delimited=True)
    _fails(census, settings, "layout the app does not recognise")
    assert census.cache.snapshot() == filled


@pytest.mark.parametrize("body, detail", [
    (GOOD_CSV_HEADER + 'E07000132,"Hinckley,0,Total,0,5\n', "line"),  # an unclosed quote
    (GOOD_CSV_HEADER + "E07000132,Hinckley,Total,0,lots\n", "where a count should be"),
    (GOOD_CSV_HEADER + "E07000132,Hinckley,Total,0\n", "values instead of 5"),
    ("GEOGRAPHY_CODE,GEOGRAPHY_NAME,OBS_VALUE\nE07000132,Hinckley,5\n", "missing columns C_SEX_NAME, C_SEX"),
    ("<html><body>Service unavailable</body></html>", "missing columns"),
    ("", "missing columns"),
    (GOOD_CSV_HEADER + "E07000132,Hinckley,Total,0,5\nE07000132,Hinckley,Total,0,5\n", "repeated"),
])
def test_malformed_csv(census, nomis, settings, filled, body, detail):
    nomis.always = Reply(body=body)
    _fails(census, settings, "Sex (TS008)", detail)
    assert census.cache.snapshot() == filled


def test_unreachable_server(census, settings, filled):
    settings.base_url = "http://127.0.0.1:9/api/v01"  # the discard port: nothing listens
    settings.retries = 0
    _fails(census, settings, "could not reach", "HTTPS_PROXY")
    assert census.cache.snapshot() == filled


def test_cancel_between_requests_leaves_cache_unchanged(census, nomis, settings, filled):
    cancel = threading.Event()

    def progress(done, total, label):
        if done == 4:
            cancel.set()

    with pytest.raises(CensusCancelled, match="cancelled"):
        census.download(settings, cancel=cancel, progress=progress)
    assert len(nomis.requests) == 4 and census.cache.snapshot() == filled


def test_cancel_during_a_retry_wait_is_prompt(census, nomis, settings, filled):
    nomis.always = Reply(status=429, headers={"Retry-After": "4"})
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    started = time.monotonic()
    with pytest.raises(CensusCancelled):
        census.download(settings, cancel=cancel, tables=["TS008"])
    assert time.monotonic() - started < 2 and census.cache.snapshot() == filled


def test_retry_after_forms():
    assert retry_after_seconds("7") == 7
    assert retry_after_seconds(None) is None and retry_after_seconds("soon") is None
    assert 0 <= retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") <= 0.001  # a past date: no wait
    assert table_spec("ts079").caveat and table_spec("TS070").caveat


def test_the_nomis_address_can_be_set_for_a_whole_organisation(monkeypatch):
    from idmf.census.nomis import DEFAULT_BASE_URL, NomisSettings

    monkeypatch.delenv("IDMF_NOMIS_BASE_URL", raising=False)
    assert NomisSettings().base_url == DEFAULT_BASE_URL
    monkeypatch.setenv("IDMF_NOMIS_BASE_URL", "https://nomis-mirror.nhs.example/api/v01")
    assert NomisSettings().base_url == "https://nomis-mirror.nhs.example/api/v01"
