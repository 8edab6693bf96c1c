"""Shipped census figures: first-use fill of an empty cache from the bundle, then profiles with England summed.

    PYTHONPATH=src python benchmarks/census_shipped_bench.py [--runs N]

Each run opens a fresh SQLite file as the app does (WAL, synchronous=FULL) with the bundle in resources/census:
"fill" is CensusService.ensure_shipped (read the gzip JSON, write 8 tables, areas and lookups in one transaction
per table), "profile" builds a whole profile with deprivation, from the cache: Hinckley and Bosworth (England
summed from 309 authorities for the five tables without an England row), and the largest ICB. Peak memory is
Python allocations (tracemalloc) during one extra run of the step.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from idmf.census import bundle  # noqa: E402
from idmf.services.context import open_app  # noqa: E402

LLR = "E54000015"
HINCKLEY = "E07000132"


def _fresh(folder: Path, n: int):
    os.environ.pop(bundle.BUNDLE_VARIABLE, None)
    return open_app(f"sqlite:///{folder / f'bench{n}.sqlite3'}")


def _peak(step) -> float:
    tracemalloc.start()
    step()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2 ** 20


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    fills, hinckley, icb = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in range(args.runs + 1):
            context = _fresh(folder, n)
            started = time.perf_counter()
            context.census.ensure_shipped()
            fills.append(time.perf_counter() - started)
            for area, out in ((HINCKLEY, hinckley), (LLR, icb)):
                started = time.perf_counter()
                context.census.profile(area)
                out.append(time.perf_counter() - started)
            context.close()
        context = _fresh(folder, 99)
        fill_peak = _peak(context.census.ensure_shipped)
        profile_peak = _peak(lambda: context.census.profile(LLR))
        context.close()
    size = (ROOT / "resources" / "census" / bundle.BUNDLE_NAME).stat().st_size
    median = lambda values: statistics.median(values[1:]) * 1000  # noqa: E731 - the first run warms imports
    print(f"bundle: {size:,} bytes")
    print(f"first-use fill: median {median(fills):.0f} ms (first run {fills[0] * 1000:.0f} ms), "
          f"peak {fill_peak:.1f} MiB")
    print(f"profile Hinckley: median {median(hinckley):.1f} ms; LLR ICB: median {median(icb):.1f} ms, "
          f"peak {profile_peak:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
