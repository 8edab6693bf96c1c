"""Word export benchmark: median export time and peak memory for the example and for a large assessment.

    PYTHONPATH=src python benchmarks/export_bench.py [--runs N]

"Large" is the example plus 40 inclusion-health groups (each with a narrative) and 100 action-plan rows.
Time is wall-clock for building the document and writing it (atomically) to a temporary folder.
Memory is measured in a fresh process per case: its peak resident size after loading the assessment, and
how much one export adds to it (python-docx keeps the document tree in lxml, which tracemalloc cannot see).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import subprocess
import tempfile
import time
from pathlib import Path

from peak_memory import max_rss_mib  # benchmarks/ is the script's folder, so first on sys.path

sys.path.insert(1, str(Path(__file__).resolve().parents[1]))  # the repository root, for tools/

from idmf.domain.assessment import Assessment
from idmf.export.writer import export_docx
from idmf.forms import FormRegistry
from idmf.forms.schema import FormDefinition
from tools.export_sample import load_example


def large(example: Assessment, form: FormDefinition) -> Assessment:
    """The example with 40 inclusion-health groups and 100 action rows."""
    item = example.model_copy(deep=True)
    catalogue = form.question("ih_groups").catalogue
    groups = []
    for n in range(40):
        entry = catalogue[n % len(catalogue)]
        groups.append({"catalogue_id": entry.id if n < len(catalogue) else None,
                       "name": entry.label if n < len(catalogue) else f"Local group {n + 1}",
                       "impact": {"negative": n % 3 == 0, "positive": n % 3 == 1, "neutral": n % 3 == 2,
                                  "narrative": f"Group {n + 1}: " + "Travel and access considered in detail. " * 6}})
    item.set_answer(form, "ih_groups", groups)
    start = dt.date(2026, 3, 1)
    rows = [{"action": f"Action {n + 1}: review access arrangements with community partners",
             "lead": f"Lead {n % 7 + 1}; analyst time", "target_date": (start + dt.timedelta(days=7 * n)).isoformat(),
             "outcome": "Barrier removed and monitored quarterly"} for n in range(100)]
    item.set_answer(form, "action_plan", rows)
    return item


def measure(item: Assessment, form: FormDefinition, runs: int, folder: Path) -> tuple[float, int]:
    """(median seconds, output bytes) over `runs` exports."""
    times = []
    target = folder / "bench.docx"
    export_docx(item, form, target)  # warm-up: imports, reference document
    for _ in range(runs):
        started = time.perf_counter()
        export_docx(item, form, target)
        times.append(time.perf_counter() - started)
    return statistics.median(times), target.stat().st_size


def memory(case: str) -> tuple[float, float]:
    """(peak MiB before exporting, MiB one export adds), measured in a fresh interpreter."""
    out = subprocess.run([sys.executable, __file__, "--memory-case", case], capture_output=True, text=True,
                         check=True).stdout
    before, after = (float(v) for v in out.split())
    return before, after - before


def _memory_case(case: str) -> None:
    forms = FormRegistry()
    example = load_example(forms)
    form = forms.get(example.form_id, example.form_version)
    item = large(example, form) if case == "large" else example
    before = max_rss_mib()
    with tempfile.TemporaryDirectory(prefix="idmf-bench-") as folder:
        export_docx(item, form, Path(folder) / "bench.docx")
    print(before, max_rss_mib())


def main(argv: list[str] | None = None) -> int:
    """Print one line per case."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="exports timed per case (median reported)")
    parser.add_argument("--memory-case", choices=["example", "large"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_case:
        _memory_case(args.memory_case)
        return 0
    forms = FormRegistry()
    example = load_example(forms)
    form = forms.get(example.form_id, example.form_version)
    cases = {"example": example, "large": large(example, form)}
    print(f"Word export, median of {args.runs} runs (Python {sys.version.split()[0]})")
    with tempfile.TemporaryDirectory(prefix="idmf-bench-") as folder:
        for name, item in cases.items():
            median, size = measure(item, form, args.runs, Path(folder))
            base, added = memory(name)
            label = "example (day-case unit)" if name == "example" else "large (40 groups, 100 actions)"
            print(f"  {label:<31} {median * 1000:6.0f} ms   {size / 1024:4.0f} KB file   "
                  f"peak RSS {base + added:4.0f} MiB (+{added:.0f} MiB for the export)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
