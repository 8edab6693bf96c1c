"""Word-in benchmark: `word-changes` and import of a large Word file the app exported and someone edited in Word,
and import of a large Part B filled in Word without the app.

    PYTHONPATH=src python benchmarks/word_in_bench.py [--runs N] [--pages]

"Large" is export_bench's large assessment grown to 80 inclusion-health groups and 300 action rows (43 pages in
LibreOffice), edited
in Word: two answers reworded, a paragraph added, a tick moved, an action-plan cell changed, and ten comments.
The hand-filled document is as long: the same text written as labelled lines, bold questions with answers and
tables. Each case runs in a fresh process (its median time over the runs, and that process's peak resident size,
which includes Python, lxml and python-docx). `--pages` counts both documents' pages with LibreOffice.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from peak_memory import max_rss_mib

sys.path.insert(1, str(Path(__file__).resolve().parents[1]))  # the repository root, for tools/ and tests/


def _edited_export(folder: Path) -> Path:
    import docx
    from export_bench import large

    from idmf.export.writer import export_docx
    from idmf.forms import FormRegistry
    from tools.export_sample import load_example

    forms = FormRegistry()
    example = load_example(forms)
    form = forms.get(example.form_id, example.form_version)
    path = folder / "large-edited.docx"
    item = large(example, form)
    groups = [g.model_dump(mode="json") for g in item.answers["ih_groups"]] * 2  # 80 groups
    item.set_answer(form, "ih_groups", groups)
    rows = [dict(r, target_date=r["target_date"].isoformat()) for r in item.answers["action_plan"]] * 3  # 300 rows
    item.set_answer(form, "action_plan", rows)
    export_docx(item, form, path)
    doc = docx.Document(str(path))
    answers = [p for p in doc.paragraphs if p.style.name == "IDMF Answer" and len(p.text) > 40]
    for paragraph in answers[:2]:
        paragraph.runs[0].text = "Rewritten in Word. " + paragraph.runs[0].text
    answers[3].insert_paragraph_before("A paragraph added in Word.", style=answers[3].style)
    for paragraph in answers[5:55:5]:
        doc.add_comment(paragraph.runs, text="Please give the source.", author="Priya Sharma", initials="PS")
    plan = doc.tables[-1]
    plan.rows[5].cells[0].paragraphs[0].runs[0].text = "Action changed in Word"
    doc.save(str(path))
    return path


def _handfilled(folder: Path, source: Path) -> Path:
    """The same words with no data inside: every answer and table as a person would type them."""
    import docx

    original = docx.Document(str(source))
    doc = docx.Document()
    for block in original.element.body.iterchildren():
        if block.tag.endswith("}p"):
            text = "".join(t.text or "" for t in block.iter("{*}t"))
            style = block.find("{*}pPr/{*}pStyle")
            heading = style is not None and style.get(next(iter(style.attrib))).startswith("Heading")
            if heading:
                doc.add_heading(text, 2)
            elif text:
                doc.add_paragraph(text)
        elif block.tag.endswith("}tbl"):
            rows = [["".join(t.text or "" for t in cell.iter("{*}t")) for cell in row.iterchildren("{*}tc")]
                    for row in block.iterchildren("{*}tr")]
            width = max((len(r) for r in rows), default=0)
            if rows and width:
                table = doc.add_table(rows=len(rows), cols=width)
                for r, row in enumerate(rows):
                    for c, text in enumerate(row):
                        table.cell(r, c).text = text
    path = folder / "large-handfilled.docx"
    doc.save(str(path))
    return path


def _case(kind: str, path: Path, runs: int) -> dict:
    """Run in a fresh process: read (word-changes) or import, `runs` times, on a throwaway database."""
    import os

    from idmf.services.context import open_app

    os.environ["IDMF_DATA_DIR"] = tempfile.mkdtemp(prefix="idmf-bench-")
    context = open_app()
    times = []
    for n in range(runs):
        started = time.perf_counter()
        if kind == "read":
            reading = context.word_in.read(path)
        else:
            reading = context.word_in.bring_in(path, accept_edits=True, as_copy=True)
        times.append(time.perf_counter() - started)
    summary = reading.summary() if kind == "import" else (
        f"{len(reading.edits)} changes, {len(reading.comments)} comments, {len(reading.not_placed)} not placed")
    context.close()
    return {"median_s": statistics.median(times), "max_s": max(times), "peak_mib": max_rss_mib(), "what": summary}


def _pages(path: Path, folder: Path) -> int:
    from tools.export_sample import convert_to_pdf, page_count

    return page_count(convert_to_pdf(path, folder))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", action="store_true")
    parser.add_argument("--case", nargs=3, metavar=("KIND", "FILE", "RUNS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(_case(args.case[0], Path(args.case[1]), int(args.case[2]))))
        return 0
    folder = Path(tempfile.mkdtemp(prefix="idmf-word-in-bench-"))
    exported = _edited_export(folder)
    handfilled = _handfilled(folder, exported)
    if args.pages:
        print(f"pages: exported {_pages(exported, folder)}, hand-filled {_pages(handfilled, folder)}")
    for label, kind, path in (("word-changes, exported and edited", "read", exported),
                              ("import --accept-word-edits, exported and edited", "import", exported),
                              ("word-changes, hand-filled", "read", handfilled),
                              ("import, hand-filled", "import", handfilled)):
        done = subprocess.run([sys.executable, __file__, "--case", kind, str(path), str(args.runs)],
                              capture_output=True, text=True, check=True)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"{label}: median {result['median_s'] * 1000:.0f} ms (max {result['max_s'] * 1000:.0f} ms), "
              f"peak {result['peak_mib']:.0f} MiB — {result['what']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
