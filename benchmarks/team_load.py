"""Team load test: N client processes, each its own login, working against one PostgreSQL team database through
a proxy that adds network latency (default 20 ms round trip), with thousands of other assessments present.

    PYTHONPATH=src python benchmarks/team_load.py [--clients N] [--rounds R] [--assessments A] [--latency-ms L]
        [--server URL]   (an owner login with CREATEDB and CREATEROLE; default IDMF_TEST_POSTGRES_URL)

Each round a client (a project lead) does what a lead does in a working session: loads the dashboard (every
assessment its organisations hold), saves an answer on its own assessment, saves an answer on an assessment it
shares with another client (so answer-level conflicts happen and are resolved by reloading), submits its own
assessment for review and withdraws it again (two status changes, recorded by the database's functions).
Reported: p50/p95 of dashboard load (the whole list, and its first page: what the first screen waits for),
save and status change (and of one portfolio build per client), conflicts met, and the checks that nothing was
lost: every saved version counted, every status change in the audit log, every audit chain intact.
A fresh database and fresh logins are made and dropped afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ORGANISATIONS = 10


def client_org(n: int, clients: int) -> int:
    """The organisation of client n: two clients to an organisation, so shared assessments meet conflicts."""
    return n % max(1, min(ORGANISATIONS, clients // 2))


# --- a TCP proxy adding latency ----------------------------------------------------------------------------------
async def _pipe(reader, writer, delay: float) -> None:
    """Forward bytes, each chunk `delay` seconds after it arrived, in order."""
    queue: asyncio.Queue = asyncio.Queue()

    async def deliver() -> None:
        while True:
            due, chunk = await queue.get()
            if chunk is None:
                break
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            writer.write(chunk)
            await writer.drain()
        writer.close()

    sender = asyncio.create_task(deliver())
    while chunk := await reader.read(65536):
        queue.put_nowait((time.monotonic() + delay, chunk))
    queue.put_nowait((0, None))
    await sender


def start_proxy(host: str, port: int, latency_ms: float) -> int:
    """Listen on a free local port, forwarding to host:port with latency_ms / 2 each way; returns the port."""
    found: dict[str, int] = {}
    ready = threading.Event()

    async def handle(client_reader, client_writer) -> None:
        server_reader, server_writer = await asyncio.open_connection(host, port)
        half = latency_ms / 2000
        await asyncio.gather(_pipe(client_reader, server_writer, half), _pipe(server_reader, client_writer, half),
                             return_exceptions=True)

    async def serve() -> None:
        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        found["port"] = server.sockets[0].getsockname()[1]
        ready.set()
        await server.serve_forever()

    threading.Thread(target=lambda: asyncio.run(serve()), daemon=True).start()
    ready.wait(10)
    return found["port"]


# --- set-up ------------------------------------------------------------------------------------------------------
def _seed(owner_url: str, count: int) -> None:
    """`count` assessments over ORGANISATIONS organisations, straight into the tables (the owner's bulk load)."""
    from idmf.forms.loader import FormRegistry

    form = FormRegistry().latest()
    engine = create_engine(owner_url)
    with engine.begin() as conn:
        conn.execute(text(f"""
            INSERT INTO assessment (uid, version_number, form_id, form_version, title, organisation, lead, status,
                                    archived, steps_complete, created_at, updated_at, row_version, locked)
            SELECT md5('seed' || i), 1, :form_id, :form_version, 'Service change ' || i,
                   'Organisation ' || (i % {ORGANISATIONS}), 'Lead ' || (i % 400),
                   (ARRAY['draft', 'in_review', 'changes_requested', 'ready_for_committee'])[i % 4 + 1],
                   false, i % 7, now() - (i || ' minutes')::interval, now() - (i || ' minutes')::interval, 1, false
            FROM generate_series(1, :count) AS i"""), {"form_id": form.id, "form_version": form.version,
                                                       "count": count})
        conn.execute(text("ANALYZE"))
    engine.dispose()


def set_up(server: str, clients: int, assessments: int, keys_folder: Path) -> tuple[str, list[str], str]:
    """A team database with `clients` lead logins; returns (owner URL, logins, password)."""
    from idmf.services.context import open_app
    from idmf.signing.keystore import KeyStore

    name, suffix, password = f"idmf_bench_{uuid.uuid4().hex[:8]}", uuid.uuid4().hex[:6], uuid.uuid4().hex
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    owner_url = make_url(server).set(database=name).render_as_string(hide_password=False)
    owner = open_app(owner_url, keys=KeyStore(keys_folder, file_only=True))
    owner.teams.init()
    keys = KeyStore(keys_folder, file_only=True)
    logins = []
    for n in range(clients):
        login = f"bench_{suffix}_{n}"
        org = f"Organisation {client_org(n, clients)}"
        card = keys.create(f"Bench Lead {n}", "lead", org).card
        owner.teams.add_user(login, "lead", [org], card, password)
        logins.append(login)
    owner.close()
    _seed(owner_url, assessments)
    return owner_url, logins, password


def tear_down(server: str, owner_url: str, logins: list[str]) -> None:
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for login in logins:
            conn.execute(text(f'GRANT "{login}" TO CURRENT_USER'))
        conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(owner_url).database}" WITH (FORCE)'))
        for login in logins:
            conn.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
    admin.dispose()


# --- one client ---------------------------------------------------------------------------------------------------
def _timed(times: list[float], work):
    started = time.perf_counter()
    result = work()
    times.append((time.perf_counter() - started) * 1000)
    return result


def run_client(job: dict) -> dict:
    """One lead's session: `rounds` rounds of dashboard, two saves and two status changes."""
    from idmf.errors import ConflictError
    from idmf.services.context import open_app
    from idmf.signing.keystore import KeyStore

    os.environ["IDMF_DATA_DIR"] = job["data"]
    ctx = open_app(job["url"], keys=KeyStore(Path(job["keys"]), file_only=True))
    times: dict[str, list[float]] = {"dashboard": [], "save": [], "status": []}
    conflicts, saved_shared, changes = 0, 0, 0
    try:
        mine = ctx.assessments.create(f"Client {job['n']}")
        shared = job["shared"]
        for r in range(job["rounds"]):
            _timed(times["dashboard"], ctx.assessments.list)
            _timed(times.setdefault("first page", []), ctx.assessments.page)  # the dashboard's first screen
            _timed(times["save"], lambda: ctx.assessments.set_answer(mine, "summary", f"Round {r}"))
            try:
                item = ctx.assessments.get(shared)
                _timed(times["save"], lambda: ctx.assessments.set_answer(item, "summary", f"{job['n']}:{r}"))
                saved_shared += 1
            except ConflictError:
                conflicts += 1
            for action in ("submit_for_review", "withdraw"):
                _timed(times["status"], lambda: ctx.review.transition(mine.id, action))
                changes += 1
            mine = ctx.assessments.get(mine.id)
        _timed(times.setdefault("portfolio", []), ctx.portfolio.build)  # the portfolio's first screen, once
        intact = ctx.review.verify_audit(mine.id).ok
        entries = len(ctx.review.history(mine.id))
        return {"times": times, "conflicts": conflicts, "saved_shared": saved_shared, "changes": changes,
                "entries": entries, "intact": intact, "mine": mine.id,
                "mine_version": mine.answer_versions.get("summary", 0)}
    finally:
        ctx.close()


# --- the run ------------------------------------------------------------------------------------------------------
def _shared_assessments(owner_url: str, logins: list[str], password: str, port: int) -> dict[int, int]:
    """One assessment per organisation that every client of that organisation also edits."""
    from idmf.services.context import open_app

    shared: dict[int, int] = {}
    for n, login in enumerate(logins):
        if client_org(n, len(logins)) not in shared:
            ctx = open_app(_client_url(owner_url, login, password, port))
            shared[client_org(n, len(logins))] = ctx.assessments.create("Shared by the organisation").id
            ctx.close()
    return shared


def _client_url(owner_url: str, login: str, password: str, port: int) -> str:
    return make_url(owner_url).set(username=login, password=password, host="127.0.0.1", port=port) \
        .render_as_string(hide_password=False)


def _percentiles(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return f"p50 {statistics.median(ordered):7.1f} ms   p95 {p95:7.1f} ms   ({len(ordered)} timed)"


def _check(owner_url: str, results: list[dict], shared: dict[int, int], rounds: int) -> list[str]:
    """What was lost or conflicting: each problem in words (empty when none)."""
    problems = []
    engine = create_engine(owner_url)
    with engine.connect() as conn:
        for res in results:
            if not res["intact"] or res["entries"] != res["changes"]:
                problems.append(f"client assessment {res['mine']}: {res['entries']} audit entries for "
                                f"{res['changes']} status changes, chain intact: {res['intact']}")
            if res["mine_version"] != rounds:
                problems.append(f"assessment {res['mine']}: answer version {res['mine_version']}, {rounds} saves")
        for org, assessment_id in shared.items():
            version = conn.execute(text("SELECT version FROM answer WHERE assessment_id = :i AND question_id = "
                                        "'summary'"), {"i": assessment_id}).scalar() or 0
            saved = sum(r["saved_shared"] for n, r in enumerate(results) if client_org(n, len(results)) == org)
            if version != saved:
                problems.append(f"shared assessment {assessment_id}: version {version} after {saved} saves")
    engine.dispose()
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--assessments", type=int, default=20_000)
    parser.add_argument("--latency-ms", type=float, default=20.0)
    parser.add_argument("--server", default=os.environ.get("IDMF_TEST_POSTGRES_URL"))
    args = parser.parse_args(argv)
    if not args.server:
        parser.error("give --server URL (a login with CREATEDB and CREATEROLE) or set IDMF_TEST_POSTGRES_URL")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["IDMF_DATA_DIR"] = folder
        keys = Path(folder) / "keys"
        owner_url, logins, password = set_up(args.server, args.clients, args.assessments, keys)
        try:
            server = make_url(owner_url)
            port = start_proxy(server.host or "localhost", server.port or 5432, args.latency_ms)
            shared = _shared_assessments(owner_url, logins, password, port)
            jobs = [{"n": n, "url": _client_url(owner_url, login, password, port), "keys": str(keys),
                     "data": folder, "rounds": args.rounds, "shared": shared[client_org(n, len(logins))]}
                    for n, login in enumerate(logins)]
            started = time.perf_counter()
            with multiprocessing.get_context("spawn").Pool(args.clients) as pool:
                results = pool.map(run_client, jobs)
            elapsed = time.perf_counter() - started
            problems = _check(owner_url, results, shared, args.rounds)
        finally:
            tear_down(args.server, owner_url, logins)
    visible = args.assessments // ORGANISATIONS
    print(f"{args.clients} clients x {args.rounds} rounds, {args.assessments:,} assessments in {ORGANISATIONS} "
          f"organisations (about {visible:,} visible to each), {args.latency_ms:.0f} ms round trip, "
          f"{elapsed:.1f} s on {os.cpu_count()} cores")
    for kind in ("dashboard", "first page", "save", "status", "portfolio"):
        print(f"  {kind:<10} {_percentiles([t for r in results for t in r['times'][kind]])}")
    print(f"  conflicts met and resolved by reloading: {sum(r['conflicts'] for r in results)}")
    print("  lost or conflicting writes: " + ("none" if not problems else "; ".join(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
