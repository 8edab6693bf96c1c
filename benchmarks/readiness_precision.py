"""Precision and recall of the readiness check, per rule, on the reviewer corpus and the phrase corpus; and the
time of a full check of the largest corpus assessment (the checklist follows typing, so it must stay < 50 ms).

    PYTHONPATH=src:. python benchmarks/readiness_precision.py

A finding counts as right when the reviewer recorded the same (rule, question, row) for that assessment.
Rules the corpus never expects and never reports are not listed. The phrase corpus scores the still-to-come
classifier alone (a sentence is one decision).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parents[1] / "src")]

from idmf.forms import default_form  # noqa: E402
from idmf.review import RULES, Severity, check  # noqa: E402
from idmf.review.language import not_final  # noqa: E402
from tests.review.corpus_loader import load_corpus, load_phrases  # noqa: E402


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "–"


def corpus_scores(form) -> tuple[Counter, Counter, Counter]:
    """True positives, false positives and false negatives per rule over the corpus."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for case in load_corpus(form):
        found = {(f.rule_id, f.question_id, f.row) for f in check(case.assessment, form, case.today).findings}
        expected = {e.key for e in case.expected}
        for key in found & expected:
            tp[key[0]] += 1
        for key in found - expected:
            fp[key[0]] += 1
        for key in expected - found:
            fn[key[0]] += 1
    return tp, fp, fn


def phrase_scores() -> tuple[int, int, int, int]:
    """(pending caught, pending total, complete flagged, complete total) for the still-to-come classifier."""
    phrases = load_phrases()
    caught = sum(not_final(s) is not None for s in phrases["pending"])
    flagged = sum(not_final(s) is not None for s in phrases["complete"])
    return caught, len(phrases["pending"]), flagged, len(phrases["complete"])


def timing(form, runs: int = 50) -> tuple[str, float, float]:
    """Median and worst time (ms) of a full check of the largest corpus assessment."""
    cases = load_corpus(form)
    largest = max(cases, key=lambda c: len(str(c.assessment.answers)))
    check(largest.assessment, form, largest.today)  # warm: regexes compiled, modules loaded
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        check(largest.assessment, form, largest.today)
        times.append((time.perf_counter() - start) * 1000)
    return largest.name, statistics.median(times), max(times)


def main() -> int:
    form = default_form()
    tp, fp, fn = corpus_scores(form)
    print("| Rule | Severity | Expected | Found right | Wrongly found | Missed | Precision | Recall |")
    print("|---|---|---|---|---|---|---|---|")
    for rule_id in sorted(set(tp) | set(fp) | set(fn), key=lambda r: (RULES[r].severity != Severity.BLOCKING, r)):
        severity = RULES[rule_id].severity.value
        print(f"| {rule_id} | {severity} | {tp[rule_id] + fn[rule_id]} | {tp[rule_id]} | {fp[rule_id]} | "
              f"{fn[rule_id]} | {_ratio(tp[rule_id], tp[rule_id] + fp[rule_id])} | "
              f"{_ratio(tp[rule_id], tp[rule_id] + fn[rule_id])} |")
    blocking = [r for r in RULES.values() if r.severity == Severity.BLOCKING]
    btp, bfp, bfn = (sum(c[r.id] for r in blocking) for c in (tp, fp, fn))
    print(f"\nBlocking rules together: precision {_ratio(btp, btp + bfp)}, recall {_ratio(btp, btp + bfn)} "
          f"({bfp} false blocking finding(s) on the corpus)")
    caught, pending, flagged, complete = phrase_scores()
    print(f"Phrase corpus: {caught}/{pending} still-to-come sentences caught (recall {_ratio(caught, pending)}); "
          f"{flagged}/{complete} finished sentences wrongly flagged (precision "
          f"{_ratio(caught, caught + flagged)})")
    name, median, worst = timing(form)
    print(f"Full check of the largest corpus assessment ({name}): median {median:.1f} ms, worst {worst:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
