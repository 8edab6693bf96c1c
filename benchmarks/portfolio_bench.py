"""The portfolio on a local data file (SQLite) with many realistic assessments: the first portfolio (every
assessment's facts worked out from its answers and kept), the next ones (read from the kept facts), and one after
a single answer changed (that assessment's facts worked out again).

    PYTHONPATH=src python benchmarks/portfolio_bench.py [--assessments A] [--repeats R]

The assessments are seeded by benchmarks/team_seed.py into a fresh data file in a temporary folder, all in one
organisation's view (a single user sees every assessment of their file). Times are wall-clock medians of R builds,
on the machine as it is (its load average is printed).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def _ms(work) -> float:
    started = time.perf_counter()
    work()
    return (time.perf_counter() - started) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assessments", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["IDMF_DATA_DIR"] = folder
        import team_seed
        from sqlalchemy import text

        from idmf.services.context import open_app

        ctx = open_app()
        try:
            team_seed.seed(ctx.database.engine, ctx.store.forms.latest(), args.assessments, 10)
            load = os.getloadavg()[0]
            first = _ms(ctx.portfolio.build)
            kept = [_ms(ctx.portfolio.build) for _ in range(args.repeats)]
            changed = []
            with ctx.database.engine.connect() as conn:
                drafts = conn.execute(text("SELECT id FROM assessment WHERE NOT locked AND NOT archived ORDER BY id "
                                           "LIMIT :n"), {"n": args.repeats}).scalars().all()
            for draft in drafts:
                with ctx.database.engine.begin() as conn:  # one answer changed, as a save would
                    conn.execute(text("UPDATE answer SET version = version + 1 WHERE assessment_id = :i AND "
                                      "question_id = 'title'"), {"i": draft})
                changed.append(_ms(ctx.portfolio.build))
            built = ctx.portfolio.build()
        finally:
            ctx.close()
    print(f"{built.assessments:,} assessments not archived ({args.assessments:,} seeded), {len(built.negatives):,} "
          f"negative ratings, {len(built.actions):,} actions due; load average {load:.1f} before the first build")
    print(f"  first portfolio (every fact worked out and kept): {first:,.0f} ms")
    print(f"  next portfolios (kept facts): median {statistics.median(kept):,.0f} ms of {len(kept)}, "
          f"{min(kept):,.0f}-{max(kept):,.0f} ms")
    print(f"  after one answer changed: median {statistics.median(changed):,.0f} ms of {len(changed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
