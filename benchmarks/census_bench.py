"""Census benchmark: bulk import, profile of one authority and of the largest ICB, peak memory.

    PYTHONPATH=src python benchmarks/census_bench.py [--runs N] [--census-dir ../shared/census]

Runs on a fresh SQLite file opened as the app opens it (WAL, synchronous=FULL). The import is the real ONS
files (TS007 at four levels, the TS021 ethnic group counts, the LAD→ICB and district→county lookups) written
in one transaction. Profiles are read from the cache (no network). "Largest ICB" is the one summed from the most
local authorities. The real files hold two tables; the last line fills all nine (copies of the real counts under
the other table codes) to show the cost with a full Nomis download in the cache.
Peak memory is Python allocations measured by tracemalloc during one extra run of the step.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from idmf.census.cache import CensusIcbMemberRow  # noqa: E402
from idmf.census.records import Batch, Observation  # noqa: E402
from idmf.services.census import CensusService  # noqa: E402
from idmf.census.tables import PROFILE_TABLES  # noqa: E402
from idmf.storage.database import open_database  # noqa: E402
from tests.census.test_real_files import real_files  # noqa: E402


def timed(step, runs: int) -> tuple[float, float]:
    """(median seconds over `runs` calls after a warm-up, peak MiB of Python allocations in one more call).

    Memory is traced in a separate call because tracemalloc slows Python down several times over."""
    step()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    tracemalloc.start()
    step()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return statistics.median(times), peak


def line(label: str, seconds: float, peak: float | None) -> None:
    """One aligned result line."""
    memory = "" if peak is None else f"   peak {peak:5.1f} MiB"
    print(f"  {label:<44} {seconds * 1000:9.1f} ms{memory}")


def largest_icb(service: CensusService) -> str:
    """The ICB summed from the most best-fit local authorities."""
    with service.cache.engine.connect() as conn:
        rows = conn.execute(select(CensusIcbMemberRow.icb_code).where(CensusIcbMemberRow.best_fit)).scalars()
        return Counter(rows).most_common(1)[0][0]


def fill_all_tables(service: CensusService) -> None:
    """Copy the cached TS021 counts under every other table code, so all nine tables are present."""
    source = service.cache.values(["TS021"], [a.code for a in service.cache.areas()])
    values = [Observation(spec.code, area, v.category, v.count, v.position)
              for spec in PROFILE_TABLES if spec.code not in ("TS021", "TS007B")
              for (_, area), cached in source.items() for v in cached]
    service.cache.write(Batch(source="benchmark copy", values=values))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--census-dir", type=Path, default=ROOT.parent / "shared" / "census")
    args = parser.parse_args()
    files = real_files(args.census_dir)
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        service = CensusService(database.engine)
        rows = sum(len(p.read_text(encoding="utf-8").splitlines()) - 1 for p in files)
        print(f"Census benchmark, median of {args.runs} runs ({len(files)} real files, {rows:,} rows)")
        started = time.perf_counter()
        service.import_files(files)
        line("bulk import into an empty cache", time.perf_counter() - started, None)
        line("bulk import replacing the cache", *timed(lambda: service.import_files(files), args.runs))
        icb = largest_icb(service)
        members = len([m for m in service.cache.icb_links(icb) if m.icb_code == icb and m.best_fit])
        for label, area in (("profile, one authority (E07000132)", "E07000132"),
                            (f"profile, largest ICB ({icb}, {members} LAs)", icb)):
            line(label, *timed(lambda: service.profile(area), args.runs))
        fill_all_tables(service)
        tables = len(service.profile(icb).tables)
        line(f"profile, largest ICB, {tables} tables cached", *timed(lambda: service.profile(icb), args.runs))
        database.dispose()


if __name__ == "__main__":
    main()
