"""Form loading benchmark: the bundled form from YAML against the ways a validated copy could be kept.

    PYTHONPATH=src python benchmarks/form_cache_bench.py [--runs N]

Prints the best of N for: parsing and validating the YAML (what every start did), validating the JSON dump
of the validated model (`model_validate_json`), validating the dict that `json.loads` gives
(`model_validate`, what idmf.forms.cache does), and unpickling (fastest, but unpickling a file from the
user's profile can run code, so not used). Then one cold `load_form` in a fresh process, with and without
a cache file.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time


def _best(action, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best * 1000


def _cold_load(cache_folder: str) -> float:
    """ms for load_form in a fresh process (modules imported first, not timed)."""
    code = ("import time; from idmf.forms.loader import load_form, DEFAULT_FORM_FILE; "
            "from idmf.paths import forms_dir; t = time.perf_counter(); load_form(forms_dir() / DEFAULT_FORM_FILE); "
            "print((time.perf_counter() - t) * 1000)")
    out = subprocess.run([sys.executable, "-c", code], env={**os.environ, "IDMF_CACHE_DIR": cache_folder},
                         capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    from idmf.forms.loader import DEFAULT_FORM_FILE, load_form_text
    from idmf.forms.schema import FormDefinition
    from idmf.paths import forms_dir

    text = (forms_dir() / DEFAULT_FORM_FILE).read_text(encoding="utf-8")
    form = load_form_text(text)
    dump, pickled = form.model_dump_json(), pickle.dumps(form)
    print(f"Bundled form {DEFAULT_FORM_FILE}: {len(text):,} characters of YAML, {len(dump):,} of JSON "
          f"(best of {args.runs})")
    ways = (("YAML parse + validate", lambda: load_form_text(text)),
            ("JSON dump, model_validate_json", lambda: FormDefinition.model_validate_json(dump)),
            ("json.loads + model_validate (used)", lambda: FormDefinition.model_validate(json.loads(dump))),
            ("pickle.loads (not used: can run code)", lambda: pickle.loads(pickled)))  # noqa: S301
    for label, action in ways:
        print(f"  {label:<40} {_best(action, args.runs):6.2f} ms")
    with tempfile.TemporaryDirectory() as folder:
        first, second = _cold_load(folder), _cold_load(folder)
    print(f"  load_form in a fresh process: no cache file {first:.1f} ms, then from the cache {second:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
