"""Team load test: N users, each its own login in its own process, working against one PostgreSQL team database
through a proxy that adds network latency (default 20 ms round trip), with thousands of realistic assessments.

    PYTHONPATH=src python benchmarks/team_load.py [--clients N] [--rounds R] [--think-s S] [--assessments A]
        [--portfolio-every K] [--reviewers R] [--latency-ms L] [--server URL] [--users-nice N]
        (URL: a login with CREATEDB and CREATEROLE; default IDMF_TEST_POSTGRES_URL)

Each round a user (a project lead) does what a lead does in a working session: opens the dashboard (its first page,
then the whole list loaded behind it), saves an answer on its own assessment, opens an assessment it shares with the
other users of its organisation and saves an answer there after a pause (a conflict when a colleague saved it
meanwhile: the next round reloads it), submits its own assessment for review and withdraws it again (two status
changes, recorded by the database's functions), and opens the portfolio (every K rounds with `--portfolio-every K`,
never with 0). With `--think-s S` a user pauses between actions for a random 0.5 S to 1.5 S, as people do (and
starts at a random moment within S); without it the actions follow each other at once.
With `--reviewers R`, R of the users are EDI reviewers instead: each round they open the dashboard, comment on
their organisation's shared assessment and open the portfolio (their portfolios keep each assessment's facts for
everyone; a lead's never do).
The assessments are seeded by benchmarks/team_seed.py (answered impact blocks, negative ratings, action plans).
Before the users start, the EDI team's login (a reviewer of every organisation) opens the portfolio once: the
first portfolio after the upgrade that added kept facts, timed and reported on its own.

Reported: p50/p95 of the dashboard's first page (its first screen), the whole list, the portfolio (its first
screen: the dialog waits for nothing else), save and status change; the CPU time of the users' processes, of
PostgreSQL and of the whole machine during the run (clients and server share the machine's cores), conflicts met,
and the checks that nothing was lost: every saved version counted, every status change in the audit log, every
audit chain intact. A fresh database and fresh logins are made and dropped afterwards.

Every user's app runs on this machine, beside the server: on two cores, 50 apps starting and working at once queue
for the CPU behind each other as well as behind the server, which 50 people on their own computers never do.
`--users-nice N` runs the users' processes at that niceness (Unix), so the server and the latency proxy come first
as on a server of their own; the users still queue behind each other, so it is still the harsher case.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import time
import traceback
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).parent))
from latency_proxy import start_proxy  # noqa: E402 - benchmarks are scripts, not a package

ORGANISATIONS = 10
KINDS = ("first page", "dashboard", "portfolio", "save", "comment", "status")
# The portfolio's figures again, split: the first of each user's session (a process that has not built one yet)
# and the rest, and by role (a reviewer's keeps the facts it works out).
SPLITS = ("portfolio, first", "portfolio, later", "portfolio, leads", "portfolio, reviewers")
EDI_TEAM = "edi"  # the login suffix of the EDI team's reviewer, who sees every organisation


def client_org(n: int, clients: int) -> int:
    """The organisation of client n: two or more clients to an organisation, so shared assessments meet conflicts."""
    return n % max(1, min(ORGANISATIONS, clients // 2))


# --- set-up ------------------------------------------------------------------------------------------------------
def role_of(n: int, reviewers: int) -> str:
    """The first `reviewers` users are reviewers: one to an organisation first (clients go round them in turn)."""
    return "reviewer" if n < reviewers else "lead"


def set_up(server: str, clients: int, assessments: int, keys_folder: Path,
           reviewers: int = 0) -> tuple[str, list[str], str]:
    """A team database with `clients` logins (`reviewers` of them EDI reviewers, the rest leads), the EDI team's
    login (the last one), and `assessments` seeded ones; returns (owner URL, logins, password). Whatever was made
    is dropped again if the set-up fails."""
    import team_seed

    from idmf.forms.loader import FormRegistry
    from idmf.services.context import open_app
    from idmf.signing.keystore import KeyStore

    name, suffix, password = f"idmf_bench_{uuid.uuid4().hex[:8]}", uuid.uuid4().hex[:6], uuid.uuid4().hex
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    owner_url = make_url(server).set(database=name).render_as_string(hide_password=False)
    logins = [f"bench_{suffix}_{n}" for n in range(clients)] + [f"bench_{suffix}_{EDI_TEAM}"]
    try:
        owner = open_app(owner_url, keys=KeyStore(keys_folder, file_only=True))
        owner.teams.init()
        keys = KeyStore(keys_folder, file_only=True)
        for n, login in enumerate(logins[:-1]):
            org, role = f"Organisation {client_org(n, clients)}", role_of(n, reviewers)
            owner.teams.add_user(login, role, [org], keys.create(f"Bench {role} {n}", role, org).card, password)
        everyone = [f"Organisation {n}" for n in range(ORGANISATIONS)]
        owner.teams.add_user(logins[-1], "reviewer", everyone,
                             keys.create("Bench EDI team", "reviewer", everyone[0]).card, password)
        owner.close()
        engine = create_engine(owner_url)
        team_seed.seed(engine, FormRegistry().latest(), assessments, ORGANISATIONS)
        engine.dispose()
    except BaseException:
        tear_down(server, owner_url, logins)
        raise
    return owner_url, logins, password


def tear_down(server: str, owner_url: str, logins: list[str]) -> None:
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        known = set(conn.execute(text("SELECT rolname FROM pg_roles")).scalars())
        for login in (name for name in logins if name in known):
            conn.execute(text(f'GRANT "{login}" TO CURRENT_USER'))
        conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(owner_url).database}" WITH (FORCE)'))
        for login in logins:
            conn.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
    admin.dispose()


# --- one user -----------------------------------------------------------------------------------------------------
def _timed(times: list[tuple[float, float]], work):
    """Do `work`, noting its time (ms) and the CPU time this process spent on it (ms)."""
    started, cpu = time.perf_counter(), time.process_time()
    result = work()
    times.append(((time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000))
    return result


def _portfolio(times: dict, first: bool, role: str, ctx) -> None:
    """Open the portfolio (everything its first screen shows), noted under its splits too."""
    _timed(times["portfolio"], ctx.portfolio.build)
    for split in ("portfolio, first" if first else "portfolio, later", f"portfolio, {role}"):
        times[split].append(times["portfolio"][-1])


def _review_session(ctx, job: dict, times: dict[str, list[tuple[float, float]]], think) -> dict:
    """`rounds` rounds of dashboard, a comment on the shared assessment and the portfolio, `think()` between."""
    for r in range(job["rounds"]):
        _timed(times["first page"], ctx.assessments.page)
        _timed(times["dashboard"], ctx.assessments.list)
        think()
        _timed(times["comment"], lambda: ctx.comments.add(job["shared"], "summary", f"Reviewer {job['n']}: {r}"))
        if job["portfolio_every"] and r % job["portfolio_every"] == 0:
            think()
            _portfolio(times, r == 0, "reviewers", ctx)
        think()
    return {"role": "reviewer", "comments": job["rounds"], "conflicts": 0, "saved_shared": 0}


def _session(ctx, job: dict, times: dict[str, list[tuple[float, float]]], think) -> dict:
    """`rounds` rounds of dashboard, two saves, two status changes and the portfolio, `think()` between actions."""
    from idmf.errors import ConflictError

    mine = ctx.assessments.create(f"Client {job['n']}")
    conflicts, saved_shared, changes = 0, 0, 0
    for r in range(job["rounds"]):
        _timed(times["first page"], ctx.assessments.page)  # the dashboard's first screen…
        _timed(times["dashboard"], ctx.assessments.list)  # …and the whole list, loaded behind it
        think()
        _timed(times["save"], lambda: ctx.assessments.set_answer(mine, "summary", f"Round {r}"))
        item = ctx.assessments.get(job["shared"])  # opened, read and edited for a while: colleagues may save first
        think()
        try:
            _timed(times["save"], lambda: ctx.assessments.set_answer(item, "summary", f"{job['n']}:{r}"))
            saved_shared += 1
        except ConflictError:
            conflicts += 1
        for action in ("submit_for_review", "withdraw"):
            think()
            _timed(times["status"], lambda: ctx.review.transition(mine.id, action))
            changes += 1
        mine = ctx.assessments.get(mine.id)
        if job["portfolio_every"] and r % job["portfolio_every"] == 0:
            think()
            _portfolio(times, r == 0, "leads", ctx)
        think()
    return {"role": "lead", "conflicts": conflicts, "saved_shared": saved_shared, "changes": changes, "mine": mine.id,
            "mine_version": mine.answer_versions.get("summary", 0), "intact": ctx.review.verify_audit(mine.id).ok,
            "entries": len(ctx.review.history(mine.id))}


def run_client(job: dict, start, finish, results) -> None:
    """One user's process: connect, wait for every user, work, report (and keep the connection until told)."""
    from idmf.services.context import open_app
    from idmf.signing.keystore import KeyStore

    os.environ["IDMF_DATA_DIR"] = job["data"]
    if job["nice"]:
        os.nice(job["nice"])
    rng = random.Random(job["n"])
    think = (lambda: time.sleep(rng.uniform(0.5, 1.5) * job["think"])) if job["think"] else (lambda: None)
    times: dict[str, list[tuple[float, float]]] = {kind: [] for kind in (*KINDS, *SPLITS)}
    try:
        ctx = open_app(job["url"], keys=KeyStore(Path(job["keys"]), file_only=True))
        ctx.teams.whoami()  # as the app's window does when it opens: it shows who you are
        start.wait()
        time.sleep(rng.uniform(0, job["think"]))  # users do not start in step
        cpu = time.process_time()
        outcome = (_review_session if job["role"] == "reviewer" else _session)(ctx, job, times, think)
        results.put({"n": job["n"], "times": times, "cpu": time.process_time() - cpu, **outcome})
        finish.wait()  # connections stay open until PostgreSQL's CPU time has been read
        ctx.close()
    except BaseException:
        results.put({"n": job["n"], "error": traceback.format_exc()})
        start.abort()  # the others stop waiting for this user
        finish.abort()


# --- what the machine did --------------------------------------------------------------------------------------------
def machine_busy_s() -> float:
    """CPU seconds the whole machine has spent busy since boot (every process, every core)."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")  # less idle and iowait


def postgres_cpu_s() -> float:
    """CPU seconds of the PostgreSQL server's processes, with the backends that have ended (the postmaster's reaped
    children). Includes the work of other databases on the same server."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            head, rest = stat.read_text().rsplit(")", 1)
        except OSError:
            continue  # the process ended meanwhile
        if head.split("(", 1)[1].startswith("postgres"):
            total += sum(int(v) for v in rest.split()[11:15])  # utime, stime, children's utime and stime
    return total / os.sysconf("SC_CLK_TCK")


def machine() -> str:
    """The machine, as a reader of the figures needs to know it."""
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), "unknown CPU")
    return f"{os.cpu_count()} cores ({model}), load average {os.getloadavg()[0]:.1f} before the run"


# --- the run ------------------------------------------------------------------------------------------------------
def _shared_assessments(owner_url: str, logins: list[str], password: str, port: int,
                        reviewers: int) -> dict[int, int]:
    """One assessment per organisation (started by its first lead) that every client of it also edits."""
    from idmf.services.context import open_app

    shared: dict[int, int] = {}
    for n, login in enumerate(logins):
        if role_of(n, reviewers) == "lead" and client_org(n, len(logins)) not in shared:
            ctx = open_app(_client_url(owner_url, login, password, port))
            shared[client_org(n, len(logins))] = ctx.assessments.create("Shared by the organisation").id
            ctx.close()
    return shared


def _client_url(owner_url: str, login: str, password: str, port: int) -> str:
    return make_url(owner_url).set(username=login, password=password, host="127.0.0.1", port=port) \
        .render_as_string(hide_password=False)


def run_users(jobs: list[dict]) -> tuple[list[dict], dict[str, float]]:
    """Start one process per user, let them work together, and return their results and what the machine did."""
    spawn = multiprocessing.get_context("spawn")
    start, finish, results = spawn.Barrier(len(jobs) + 1), spawn.Barrier(len(jobs) + 1), spawn.Queue()
    users = [spawn.Process(target=run_client, args=(job, start, finish, results)) for job in jobs]
    for user in users:
        user.start()
    start.wait(timeout=900)  # every user connected: the work starts now
    before = (time.perf_counter(), machine_busy_s(), postgres_cpu_s(), time.process_time())
    done = [results.get(timeout=3600) for _ in jobs]
    after = (time.perf_counter(), machine_busy_s(), postgres_cpu_s(), time.process_time())
    failed = [r["error"] for r in done if "error" in r]
    if failed:
        raise RuntimeError("a user's session failed:\n" + failed[0])
    finish.wait(timeout=60)
    for user in users:
        user.join()
    wall, busy, server, proxy = (b - a for a, b in zip(before, after))
    return done, {"wall": wall, "machine": busy, "server": server, "proxy": proxy,
                  "clients": sum(r["cpu"] for r in done)}


def _percentiles(timed: list[tuple[float, float]]) -> str:
    """p50 and p95 of the times, and the median CPU time the user's own process spent on the action."""
    ordered = sorted(wall for wall, _ in timed)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    own = statistics.median(cpu for _, cpu in timed)
    return (f"p50 {statistics.median(ordered):7.1f} ms   p95 {p95:7.1f} ms   own CPU p50 {own:6.1f} ms   "
            f"({len(ordered)} timed)")


def _check(owner_url: str, results: list[dict], shared: dict[int, int], rounds: int) -> list[str]:
    """What was lost or conflicting: each problem in words (empty when none)."""
    problems = []
    engine = create_engine(owner_url)
    with engine.connect() as conn:
        comments = sum(r["comments"] for r in results if r["role"] == "reviewer")
        found = conn.execute(text("SELECT count(*) FROM comment WHERE body LIKE 'Reviewer %'")).scalar()
        if found != comments:
            problems.append(f"{found} reviewers' comments kept of {comments} written")
        for res in (r for r in results if r["role"] == "lead"):
            if not res["intact"] or res["entries"] != res["changes"]:
                problems.append(f"client assessment {res['mine']}: {res['entries']} audit entries for "
                                f"{res['changes']} status changes, chain intact: {res['intact']}")
            if res["mine_version"] != rounds:
                problems.append(f"assessment {res['mine']}: answer version {res['mine_version']}, {rounds} saves")
        for org, assessment_id in shared.items():
            version = conn.execute(text("SELECT version FROM answer WHERE assessment_id = :i AND question_id = "
                                        "'summary'"), {"i": assessment_id}).scalar() or 0
            saved = sum(r["saved_shared"] for r in results if client_org(r["n"], len(results)) == org)
            if version != saved:
                problems.append(f"shared assessment {assessment_id}: version {version} after {saved} saves")
    engine.dispose()
    return problems


def first_portfolio(owner_url: str, login: str, password: str, port: int, keys: Path) -> tuple[float, int]:
    """The EDI team opens the portfolio once before the users start: every assessment's facts are worked out and
    kept (what happens once after the upgrade that added them). Returns its time (ms) and assessments."""
    from idmf.services.context import open_app
    from idmf.signing.keystore import KeyStore

    ctx = open_app(_client_url(owner_url, login, password, port), keys=KeyStore(keys, file_only=True))
    try:
        started = time.perf_counter()
        built = ctx.portfolio.build()
        return (time.perf_counter() - started) * 1000, built.assessments
    finally:
        ctx.close()


def report(args, results: list[dict], cpu: dict[str, float], problems: list[str], where: str,
           first: tuple[float, int]) -> None:
    cores = os.cpu_count() or 1
    print(f"{args.clients} users ({args.reviewers} EDI reviewers"
          + (f", at niceness {args.users_nice}" if args.users_nice else "") + f") x {args.rounds} rounds, "
          f"think time {args.think_s:g} s (0.5-1.5x), "
          f"{args.assessments:,} realistic assessments in {ORGANISATIONS} organisations (about "
          f"{args.assessments // ORGANISATIONS:,} visible to each user), {args.latency_ms:.0f} ms round trip; "
          f"{cpu['wall']:.1f} s on {where}")
    print(f"  first portfolio after the upgrade (the EDI team, {first[1]:,} assessments, every fact worked out and "
          f"kept): {first[0]:,.0f} ms")
    for kind in (*KINDS, *SPLITS):
        timed = [t for r in results for t in r["times"][kind]]
        print(f"  {kind:<11} {_percentiles(timed) if timed else 'not timed'}")
    share = lambda s: f"{s:6.1f} s ({100 * s / (cpu['wall'] * cores):3.0f} % of the machine)"  # noqa: E731
    print(f"  CPU during the run: users' processes {share(cpu['clients'])}, PostgreSQL {share(cpu['server'])}, "
          f"latency proxy {share(cpu['proxy'])}, whole machine {share(cpu['machine'])}")
    print(f"  conflicts met and resolved by reloading: {sum(r['conflicts'] for r in results)}")
    print("  lost or conflicting writes: " + ("none" if not problems else "; ".join(problems)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10, help="users, one process each")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--think-s", type=float, default=0.0, help="mean pause between a user's actions")
    parser.add_argument("--portfolio-every", type=int, default=1, help="open the portfolio every K rounds (0: never)")
    parser.add_argument("--reviewers", type=int, default=0, help="how many of the users are EDI reviewers")
    parser.add_argument("--assessments", type=int, default=20_000)
    parser.add_argument("--latency-ms", type=float, default=20.0)
    parser.add_argument("--server", default=os.environ.get("IDMF_TEST_POSTGRES_URL"))
    parser.add_argument("--users-nice", type=int, default=0,
                        help="niceness of the users' processes (the server and proxy first, as on their own machine)")
    args = parser.parse_args(argv)
    if args.reviewers > args.clients - min(ORGANISATIONS, max(1, args.clients // 2)):
        parser.error("leave at least one lead in each organisation: fewer --reviewers")
    if not args.server:
        parser.error("give --server URL (a login with CREATEDB and CREATEROLE) or set IDMF_TEST_POSTGRES_URL")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["IDMF_DATA_DIR"] = folder
        keys = Path(folder) / "keys"
        owner_url, logins, password = set_up(args.server, args.clients, args.assessments, keys, args.reviewers)
        try:
            server = make_url(owner_url)
            port = start_proxy(server.host or "localhost", server.port or 5432, args.latency_ms)
            users, edi_team = logins[:-1], logins[-1]
            first = first_portfolio(owner_url, edi_team, password, port, keys)
            shared = _shared_assessments(owner_url, users, password, port, args.reviewers)
            jobs = [{"n": n, "url": _client_url(owner_url, login, password, port), "keys": str(keys),
                     "data": folder, "rounds": args.rounds, "think": args.think_s,
                     "portfolio_every": args.portfolio_every, "role": role_of(n, args.reviewers),
                     "nice": args.users_nice,
                     "shared": shared[client_org(n, len(users))]} for n, login in enumerate(users)]
            where = machine()
            results, cpu = run_users(jobs)
            problems = _check(owner_url, results, shared, args.rounds)
        finally:
            tear_down(args.server, owner_url, logins)
    report(args, results, cpu, problems, where, first)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
