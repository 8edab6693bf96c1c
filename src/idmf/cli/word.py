"""`idmf-cli word-changes`: what a Word file would change (answers edited in Word, Word comments, text that fits
no answer), without importing it. `idmf-cli import FILE.docx` uses the same reading (assessments.py)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from idmf.cli.output import waiting
from idmf.services.context import open_app


def register(commands: argparse._SubParsersAction) -> None:
    """Add the word-changes sub-command."""
    changes = commands.add_parser("word-changes", help="list what a Word file would change, importing nothing")
    changes.add_argument("file", type=Path)
    changes.add_argument("--json", action="store_true", help="print JSON")
    changes.set_defaults(handler=cmd_word_changes)


def reading_json(reading) -> dict:
    """A Word file's reading as the JSON `word-changes --json` prints."""
    return {
        "changes": [{"question_id": e.question_id, "before": e.before, "after": e.after,
                     **({"problem": e.problem} if e.problem else {}),
                     **({"tracked_by": list(e.tracked_by)} if e.tracked_by else {})} for e in reading.edits],
        "comments": [{"question_id": c.question_id, "step": c.section_id, "author": c.author,
                      "date": c.date.isoformat() if c.date else None, "text": c.text,
                      **({"reply_to": c.parent_word_id} if c.parent_word_id else {})} for c in reading.comments],
        "not_placed": [{"step": p.section_id, "text": p.text} for p in reading.not_placed],
    }


def print_reading(reading, out=None) -> None:
    """The reading in words: each change with its before and after, each comment, each unplaced paragraph."""
    out = out or sys.stdout
    if not (reading.edits or reading.comments or reading.not_placed):
        print("The Word file changes nothing: its answers are as the data inside it says.", file=out)
    for edit in reading.edits:
        tracked = f" (tracked change by {', '.join(edit.tracked_by)})" if edit.tracked_by else ""
        print(f"Changed in Word: {edit.label}{tracked}", file=out)
        print("  before: " + (edit.before or "(not answered)").replace("\n", "\n          "), file=out)
        print("  after:  " + (edit.after or "(not answered)").replace("\n", "\n          "), file=out)
        if edit.problem:
            print(f"  cannot be applied: {edit.problem}; it will be kept as a note", file=out)
    for comment in reading.comments:
        where = comment.question_id or f"step {comment.section_id}"
        when = f" on {comment.date:%d/%m/%Y %H:%M}" if comment.date else ""
        print(f"Comment by {comment.author}{when} on {where}: {comment.text}", file=out)
    for piece in reading.not_placed:
        print(f"Not placed (step {piece.section_id}): {piece.text}", file=out)


def cmd_word_changes(args: argparse.Namespace) -> int:
    reading = open_app(args.database, on_wait=waiting).word_in.read(args.file)
    if args.json:
        print(json.dumps(reading_json(reading), ensure_ascii=False, indent=2))
    else:
        print_reading(reading)
    return 0
