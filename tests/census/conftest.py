"""A local stand-in for the Nomis API (a real HTTP server on 127.0.0.1) and census fixtures."""

from __future__ import annotations

import datetime as dt
import ssl
import threading
import time
from dataclasses import dataclass, field
from typing import BinaryIO, Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from idmf.census.nomis import NomisSettings
from idmf.census.tables import AGE_BANDS, PROFILE_TABLES
from idmf.domain.census import Area, Batch, Observation

AREAS = {
    "TYPE154": [("E07000132", "Hinckley and Bosworth"), ("E06000016", "Leicester"), ("W06000001", "Isle of Anglesey")],
    "TYPE155": [("E10000018", "Leicestershire"), ("E06000016", "Leicester")],  # counties and unitaries
    "TYPE480": [("E12000004", "East Midlands"), ("W92000004", "Wales")],
    "TYPE499": [("K04000001", "England and Wales"), ("E92000001", "England"), ("W92000004", "Wales")],
}
CATEGORIES = {
    "TS021": ["White: English, Welsh, Scottish, Northern Irish or British", "White: Irish",
              "Asian, Asian British or Asian Welsh: Indian", "Other ethnic group: Arab"],
    "TS007B": list(AGE_BANDS),
    "TS008": ["Female", "Male"],
}
BY_DATASET = {spec.dataset_id: spec for spec in PROFILE_TABLES}


def nomis_csv(dataset_id: str, geography: str, scale: int = 1) -> str:
    """A Nomis-style .data.csv answer: upper-case headers, code 0 the total, one row per area × category."""
    spec = BY_DATASET[dataset_id]
    dim = spec.dimension.upper()
    names = CATEGORIES.get(spec.code, ["First group", "Second group", "Third group"])
    lines = [f"GEOGRAPHY_CODE,GEOGRAPHY_NAME,{dim}_NAME,{dim},OBS_VALUE"]
    for n, (code, name) in enumerate(AREAS[geography], start=1):
        counts = [scale * (100 * n + 10 * i) for i in range(1, len(names) + 1)]
        lines.append(f'{code},"{name}",Total,0,{sum(counts)}')
        lines += [f'{code},"{name}","{cat}",{i},{c}' for i, (cat, c) in enumerate(zip(names, counts), start=1)]
    return "\n".join(lines) + "\n"


@dataclass
class Reply:
    """A scripted answer: status, headers, body; `delay` before answering; `cut` bytes promised but not sent."""

    status: int = 200
    body: str | None = None  # None: the normal CSV for the request
    headers: dict = field(default_factory=dict)
    delay: float = 0.0
    cut: int = 0
    close_delimited: bool = False  # no Content-Length: the body ends when the connection closes
    raw: bytes | None = None  # the body as bytes, sent as it is (e.g. gzip-compressed, with its header)
    write: Callable[[BinaryIO], None] | None = None  # writes the body itself (endless, trickled…), no length


class FakeNomis:
    """Serves the Nomis CSV layout; `plan` replies are used first, in order, then `always`, then normal CSV."""

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.plan: list[Reply] = []
        self.always: Reply | None = None
        self.by_geography: dict[str, Reply] = {}  # replies for one geography type, e.g. {"TYPE155": 400}
        self.by_dataset: dict[str, Reply] = {}  # replies for every request of one table, e.g. {"NM_2022_1": …}
        self.requests: list[tuple[str, dict]] = []
        self.scale = 1
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                fake.answer(self)

            def log_message(self, *_args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        if tls is not None:
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
        scheme = "https" if tls is not None else "http"
        self.url = f"{scheme}://127.0.0.1:{self.server.server_address[1]}/api/v01"
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()

    def next_reply(self, path: str, query: dict) -> Reply:
        with self.lock:
            self.requests.append((path, query))
            if query.get("geography") in self.by_geography:
                return self.by_geography[query["geography"]]
            dataset = path.rsplit("/", 1)[-1].removesuffix(".data.csv")
            if dataset in self.by_dataset:
                return self.by_dataset[dataset]
            return self.plan.pop(0) if self.plan else (self.always or Reply())

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        url = urlparse(handler.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        reply = self.next_reply(url.path, query)
        time.sleep(reply.delay)
        dataset = url.path.rsplit("/", 1)[-1].removesuffix(".data.csv")
        text = reply.body if reply.body is not None else nomis_csv(dataset, query.get("geography", ""), self.scale)
        data = reply.raw if reply.raw is not None else text.encode("utf-8")
        try:
            handler.send_response(reply.status)
            handler.send_header("Content-Type", "text/csv")
            for name, value in reply.headers.items():
                handler.send_header(name, value)
            if reply.close_delimited or reply.write is not None:
                handler.close_connection = True
            else:
                handler.send_header("Content-Length", str(len(data) + reply.cut))
            handler.end_headers()
            if reply.write is not None:
                reply.write(handler.wfile)
            else:
                handler.wfile.write(data)
            handler.close_connection = True
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test): nothing to do

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def nomis(monkeypatch):
    """A running fake Nomis; proxies are bypassed for it, as NO_PROXY does on a real network."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    server = FakeNomis()
    yield server
    server.close()


@pytest.fixture
def settings(nomis) -> NomisSettings:
    """Short timeouts and tiny backoff so the failure tests stay fast."""
    return NomisSettings(base_url=nomis.url, timeout=0.3, connect_timeout=1.0, retries=2, backoff=0.01, max_wait=5)


@pytest.fixture
def census(context):

    return context.census


SEX = ("Census 2021 for the district:\n"
       "Sex\tHinckley and Bosworth\t\n"
       "\tcount\t%\n"
       "Total: All usual residents\t113,640\t100.0\n"
       "Female\t57,607\t50.7\n"
       "Male\t56,033\t49.3\n"
       "Source: ONS - 2021 Census (TS008)\n"
       "In order to protect against disclosure of personal information, records have been swapped\n"
       "\n"
       "Older residents are the ones most affected.")


@pytest.fixture
def sex_figures(context):
    """The real TS008 counts for Hinckley and Bosworth and England in the cache (as a Nomis download stores them)."""
    values = []
    for area, counts in (("E07000132", (113_640, 57_607, 56_033)), ("E92000001", (56_490_048, 28_833_712, 27_656_336))):
        for position, (category, count) in enumerate(zip(("Total", "Female", "Male"), counts)):
            values.append(Observation("TS008", area, category, count, position))
    context.store.census.write(Batch("Nomis API", values, {"TS008": "NM_2028_1"},
                                     [Area("E07000132", "Hinckley and Bosworth", "ltla"),
                                      Area("E92000001", "England", "country")], retrieved=dt.date(2026, 1, 5)))
    return context.census
