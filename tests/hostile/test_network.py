"""Network: a real local HTTP(S) server plays a hostile Nomis — gzip bomb, endless body, a trickle past
--timeout, redirects to another host, https→http — and `idmf-cli census download` (a real process under a 1 GB
limit) stops each with a plain message and stores nothing."""

from __future__ import annotations

import ssl
import subprocess
import time
import zlib
from pathlib import Path

import pytest

from idmf.census.tables import PROFILE_TABLES
from tests.census.conftest import FakeNomis, Reply, nomis_csv
from tests.hostile.helpers import run_cli, unchanged

MB = 1024 * 1024


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    """200 MB of zeros, gzip-compressed to about 200 KB."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"0" * (16 * MB)
    return b"".join(packer.compress(block) for _ in range(13)) + packer.flush()


@pytest.fixture
def server(monkeypatch):
    fake = FakeNomis()
    yield fake
    fake.close()


def download(data: Path, url: str, *extra: str, **env: str):
    return run_cli(data, "census", "download", "--base-url", url, *extra, timeout=180, **env)


def endless(stream) -> None:
    try:
        while True:
            stream.write(b"E07000132,Hinckley,Female,1,5\n" * 2000)
    except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
        pass


def trickle(stream) -> None:
    try:
        stream.write(b"GEOGRAPHY_CODE,GEOGRAPHY_NAME,C_SEX_NAME,C_SEX,OBS_VALUE\n")
        for _ in range(60):
            stream.write(b"1")
            stream.flush()
            time.sleep(1)
    except (BrokenPipeError, ConnectionResetError):
        pass


def test_a_gzip_bomb_is_stopped_at_32_mb(seeded, server, gzip_bomb):
    data, before = seeded
    server.always = Reply(raw=gzip_bomb, headers={"Content-Encoding": "gzip"})
    run = download(data, server.url)
    assert run.refused("sent more than 32 MB for one table", "stopped", "not been changed"), run.err
    assert unchanged(data, before)


def test_an_endless_body_is_stopped_at_32_mb(seeded, server):
    data, before = seeded
    server.always = Reply(write=endless)
    run = download(data, server.url)
    assert run.refused("sent more than 32 MB"), run.err
    assert unchanged(data, before)


def test_a_declared_huge_body_is_refused_before_reading(seeded, server):
    data, before = seeded
    server.always = Reply(body="x", cut=10 * 1024 * MB)  # Content-Length says 10 GB
    run = download(data, server.url)
    assert run.refused("sent more than 32 MB"), run.err
    assert unchanged(data, before)


def test_a_trickle_is_stopped_at_the_timeout(seeded, server):
    data, before = seeded
    server.always = Reply(write=trickle)
    started = time.monotonic()
    run = download(data, server.url, "--timeout", "2")
    took = time.monotonic() - started
    assert run.refused("took longer than 2 seconds", "stopped waiting", "not been changed"), run.err
    assert took < 12  # the app's own start-up plus the 2 s deadline; never the minute the trickle would take
    assert unchanged(data, before)


def test_a_redirect_to_another_host_is_refused(seeded, server):
    data, before = seeded
    other = FakeNomis()
    try:
        elsewhere = other.url.replace("127.0.0.1", "localhost")
        server.always = Reply(status=302, headers={"Location": f"{elsewhere}/dataset/NM_1.data.csv"})
        run = download(data, server.url)
        assert run.refused("sent the app on to another site (localhost)", "not been changed"), run.err
        assert other.requests == []  # never asked
    finally:
        other.close()
    assert unchanged(data, before)


def test_a_redirect_on_the_same_host_is_followed(seeded, server):
    data, _before = seeded
    moved = f"{server.url}/moved"
    server.plan = [Reply(status=301, headers={"Location": moved + "/dataset/NM_2028_1.data.csv"})]
    run = download(data, server.url)
    assert run.code == 0 and "Downloaded" in run.out, run.err


@pytest.fixture
def tls(tmp_path) -> tuple[ssl.SSLContext, Path]:
    """A server certificate for 127.0.0.1 made for the test, and the file a client trusts it from."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    done = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                           "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out",
                           str(cert)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"openssl could not make a test certificate: {done.stderr.decode()[:200]}")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context, cert


def test_https_is_never_downgraded_to_http(seeded, tls):
    data, before = seeded
    context, cert = tls
    secure, plain = FakeNomis(tls=context), FakeNomis()
    try:
        secure.always = Reply(status=302, headers={"Location": plain.url.replace("/api/v01", "") +
                                                   "/api/v01/dataset/NM_1.data.csv"})
        run = download(data, secure.url, SSL_CERT_FILE=str(cert))
        assert run.refused("insecure (http) address", "stopped"), run.err
        assert plain.requests == [] and len(secure.requests) >= 1  # the https server was reached, http never
    finally:
        secure.close()
        plain.close()
    assert unchanged(data, before)


@pytest.mark.parametrize("value, words", [("nan", "'nan', which is not a count"), ("1e20", "'1e20', which is not"),
                                          ("inf", "'inf', which is not a count")])
def test_counts_from_nomis_that_are_not_counts_are_refused(seeded, server, value, words):
    data, before = seeded
    lines = nomis_csv(PROFILE_TABLES[0].dataset_id, "TYPE154").splitlines()
    lines[2] = lines[2].rsplit(",", 1)[0] + f",{value}"  # the first area's first category
    server.plan = [Reply(body="\n".join(lines) + "\n")]
    run = download(data, server.url, "--tables", "TS008")  # the only table asked for: nothing arrives
    assert run.refused("line 3 has", words, "not been changed"), run.err
    assert unchanged(data, before)
    # In a whole download the other tables are stored; Sex is refused, named, and keeps its figures.
    server.plan = [Reply(body="\n".join(lines) + "\n")]
    run = download(data, server.url)
    assert run.code == 1 and "Traceback" not in run.err
    assert run.out.startswith("8 of 9 tables updated; Sex (TS008): an answer the app does not recognise (line 3 "
                              f"has {words}") and "kept the figures from" in run.out
