"""Sub-commands for assessments: new, list, show, import, export."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from idmf.cli.errors import CliError
from idmf.cli.output import waiting
from idmf.cli.word import print_reading
from idmf.domain.answer_text import answer_text
from idmf.services.context import AppContext, open_app
from idmf.services.documents import FORMATS
from idmf.services.word_in import WordEditsPending


def register(commands: argparse._SubParsersAction) -> None:
    """Add the assessment sub-commands."""
    new = commands.add_parser("new", help="start a new assessment and print its id")
    new.add_argument("--title", required=True, help="title of the service / policy / business plan")
    new.add_argument("--organisation", help="the organisation it is for (team mode: one you are granted; default: "
                                            "your first)")
    new.set_defaults(handler=cmd_new)

    listing = commands.add_parser("list", help="list assessments")
    listing.add_argument("--all", action="store_true", help="include archived assessments")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=cmd_list)

    show = commands.add_parser("show", help="show one assessment's answers")
    show.add_argument("id", type=int)
    show.add_argument("--json", action="store_true", help="print the JSON export instead")
    show.set_defaults(handler=cmd_show)

    imp = commands.add_parser("import", help="import an exported assessment and print its new id")
    imp.add_argument("file", type=Path)
    imp.add_argument("--as-copy", action="store_true", help="keep it as a separate copy if already present")
    imp.add_argument("--accept-word-edits", action="store_true",
                     help="a Word file: apply the answers changed in Word (without it, they are listed and "
                          "nothing is imported)")
    imp.set_defaults(handler=cmd_import)

    exp = commands.add_parser("export", help="export an assessment to a file")
    exp.add_argument("id", type=int)
    exp.add_argument("--format", default="json", help=f"{', '.join(FORMATS)} (default json); easy-read writes "
                     "Word or HTML by the --out file's ending")
    exp.add_argument("--out", type=Path, help="file to write (JSON goes to the screen when omitted)")
    exp.add_argument("--with-guidance", action="store_true",
                     help="docx of a draft: also print the app's guidance under each question (not the template's)")
    exp.add_argument("--for-publishing", action="store_true",
                     help="html and easy-read: leave out staff names and contact details")
    exp.set_defaults(handler=cmd_export)


def _context(args: argparse.Namespace) -> AppContext:
    return open_app(args.database, on_wait=waiting)


def cmd_new(args: argparse.Namespace) -> int:
    if not args.title.strip():
        raise CliError("the title cannot be empty.")
    context = _context(args)
    print(context.assessments.create(args.title.strip(), args.organisation).id)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    context = _context(args)
    rows = context.assessments.list(include_archived=args.all)
    if args.json:
        print(json.dumps([{"id": r.id, "title": r.title, "organisation": r.organisation, "lead": r.lead,
                           "status": r.status.value, "version": r.version_number,
                           "steps_complete": r.steps_complete, "updated_at": r.updated_at.isoformat(),
                           "archived": r.archived} for r in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("No assessments yet. Start one with: idmf-cli new --title \"…\"")
    for r in rows:
        archived = " (archived)" if r.archived else ""
        print(f"{r.id:>5}  {r.status.label:<20} {r.steps_complete}/6  v{r.version_number}  "
              f"{r.updated_at:%d/%m/%Y %H:%M}  {r.title or '(untitled)'}{archived}")
    return 0


def _format_value(question, value) -> str:
    """An answer in the Word document's words, its lines indented under the question."""
    return answer_text(question, value).replace("\n", "\n    ") or "(not answered)"


def cmd_show(args: argparse.Namespace) -> int:
    context = _context(args)
    if args.json:
        sys.stdout.write(context.assessments.export_json(args.id))
        return 0
    item = context.assessments.get(args.id)
    form = context.assessments.form_for(item)
    print(f"{item.title or '(untitled)'} — {item.status.label}, version {item.version_number}, "
          f"{item.steps_complete(form)}/6 steps complete (form {form.key})")
    for section in form.sections:
        print(f"\n== {section.display_title} ==")
        for question in section.all_questions():
            if item.is_relevant(form, question.id):
                print(f"- {question.label}\n    {_format_value(question, item.answers.get(question.id))}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    context = _context(args)
    documents = context.documents
    claim = documents.claim(args.file)
    if args.file.suffix.lower() == ".docx":
        try:
            done = context.word_in.bring_in(args.file, args.accept_word_edits, args.as_copy)
        except WordEditsPending as exc:
            print_reading(exc.reading)
            raise CliError(str(exc)) from None
        item, summary = done.assessment, done.summary()
    else:
        item, summary = documents.import_file(args.file, as_copy=args.as_copy), ""
    if claim:
        print(claim, file=sys.stderr)  # the id stays the only thing on standard output, for scripts
    if summary:
        print(summary, file=sys.stderr)
    print(item.id)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    fmt = args.format.lower()
    if fmt not in FORMATS:
        raise CliError(f"unknown format '{args.format}' (known: {', '.join(FORMATS)}).")
    context = _context(args)
    if args.out is None:
        if fmt != "json":
            raise CliError(f"--out is needed for --format {fmt}.")
        sys.stdout.write(context.assessments.export_json(args.id))
        return 0
    context.documents.export(args.id, fmt, args.out, guidance=args.with_guidance,
                             for_publishing=args.for_publishing)
    print(f"Wrote {args.out}")
    return 0
