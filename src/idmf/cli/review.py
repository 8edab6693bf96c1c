"""Sub-commands for review and sign-off: check, status, approve, verify, review …, diff, audit."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from idmf.cli.errors import CliError
from idmf.review.comments import step_anchor
from idmf.review.wording import parse_date
from idmf.review.workflow import Action, Role
from idmf.cli.output import waiting
from idmf.services.context import AppContext, open_app

ROLES = [r.value for r in Role]
PERSON_HELP = "which of your signing identities acts (name or fingerprint; default: your default identity)"
ACTIONS = [a.value.replace("_", "-") for a in Action if a != Action.APPROVE]


def _date(text: str) -> dt.date:
    value = parse_date(text)
    if value is None:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (write 2027-03-31 or 31/03/2027)")
    return value


def register(commands: argparse._SubParsersAction) -> None:
    """Add the review and sign-off sub-commands."""
    _register_check_status(commands)
    _register_signoff(commands)
    _register_review(commands)


def _register_check_status(commands: argparse._SubParsersAction) -> None:
    chk = commands.add_parser("check", help="list what stands between an assessment and committee (exit 1 if "
                                            "anything blocks)")
    chk.add_argument("id", type=int)
    chk.add_argument("--json", action="store_true", help="print JSON")
    chk.add_argument("--today", type=_date, help="check as on this date (default: today)")
    chk.set_defaults(handler=cmd_check)

    status = commands.add_parser("status", help="take a workflow action, e.g. submit-for-review (signed with your "
                                                "key; reviewer and committee steps need a key trusted for that role)")
    status.add_argument("id", type=int)
    status.add_argument("action", choices=ACTIONS, metavar="ACTION", help=", ".join(ACTIONS))
    status.add_argument("--as", dest="role", choices=ROLES,
                        help="the role you act in: it grants nothing unless your key is trusted for it (needed "
                             "in single-user mode; ignored on a team database, where your login's role counts)")
    status.add_argument("--person", help=PERSON_HELP)
    status.add_argument("--comment", default="", help="why (needed when requesting changes)")
    status.add_argument("--today", type=_date, help=argparse.SUPPRESS)
    status.set_defaults(handler=cmd_status)


def _register_signoff(commands: argparse._SubParsersAction) -> None:
    appr = commands.add_parser("approve", help="record the committee's approval and lock the version")
    appr.add_argument("id", type=int)
    appr.add_argument("--committee", required=True)
    appr.add_argument("--date", required=True, type=_date, help="date of the committee meeting")
    appr.add_argument("--approver", required=True, help="the name of the person approving (e.g. the chair)")
    appr.add_argument("--person", help="the committee secretary's signing identity, trusted to sign off (default: "
                                       "your default identity)")
    appr.add_argument("--review-date", type=_date, help="when to review it (default: a year after the meeting)")
    appr.add_argument("--today", type=_date, help=argparse.SUPPRESS)
    appr.set_defaults(handler=cmd_approve)

    ver = commands.add_parser("verify", help="check a signed-off Word file or a stored version: exit 0 Verified, "
                                             "3 signed by someone you do not trust yet, 1 Not verified")
    ver.add_argument("target", help="FILE.docx or an assessment id")
    ver.set_defaults(handler=cmd_verify)

    dif = commands.add_parser("diff", help="what changed between two versions, question by question")
    dif.add_argument("before", type=int)
    dif.add_argument("after", type=int)
    dif.add_argument("--json", action="store_true")
    dif.set_defaults(handler=cmd_diff)

    aud = commands.add_parser("audit", help="show the status history; --verify checks its hash chain")
    aud.add_argument("id", type=int)
    aud.add_argument("--verify", action="store_true", help="exit 1 if the log was tampered with")
    aud.set_defaults(handler=cmd_audit)


def _register_review(commands: argparse._SubParsersAction) -> None:
    review = commands.add_parser("review", help="review files and comments")
    actions = review.add_subparsers(dest="review_command", required=True, metavar="ACTION")
    exp = actions.add_parser("export", help="write a review file of your assessment for an EDI partner")
    exp.add_argument("id", type=int)
    exp.add_argument("--out", required=True, type=Path)
    exp.add_argument("--person", help=PERSON_HELP)
    exp.set_defaults(handler=cmd_review_export)
    imp = actions.add_parser("import", help="import a review request or a reply")
    imp.add_argument("file", type=Path)
    imp.add_argument("--person", help=PERSON_HELP)
    imp.set_defaults(handler=cmd_review_import)
    rep = actions.add_parser("reply", help="write your reply (comments and verdict) to a review request")
    rep.add_argument("id", type=int)
    rep.add_argument("--out", required=True, type=Path)
    rep.add_argument("--verdict", choices=["assured", "changes-requested"])
    rep.add_argument("--comment", default="", help="with --verdict: what should change, or your assurance")
    rep.add_argument("--person", help=PERSON_HELP)
    rep.set_defaults(handler=cmd_review_reply)
    _register_comments(actions)


def _register_comments(actions: argparse._SubParsersAction) -> None:
    com = actions.add_parser("comment", help="comment on a question or a step (or reply to a comment)")
    com.add_argument("id", type=int)
    com.add_argument("--question", help="question id (not needed with --reply-to)")
    com.add_argument("--step", help="step (section) id, for a comment on a whole step")
    com.add_argument("--text", required=True)
    com.add_argument("--reply-to", type=int, help="id of the comment you answer")
    com.add_argument("--as", dest="role", default=Role.REVIEWER.value, choices=ROLES)
    com.add_argument("--person")
    com.set_defaults(handler=cmd_review_comment)
    lst = actions.add_parser("comments", help="list the comments of an assessment")
    lst.add_argument("id", type=int)
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=cmd_review_comments)


def _context(args: argparse.Namespace) -> AppContext:
    return open_app(args.database, on_wait=waiting)


def cmd_check(args: argparse.Namespace) -> int:
    context = _context(args)
    item = context.assessments.get(args.id)
    report = context.review.check(args.id, args.today)
    if args.json:
        print(json.dumps({"id": item.id, "title": item.title, **report.to_json()}, ensure_ascii=False, indent=2))
        return 1 if report.blocking else 0
    print(f"{item.title or '(untitled)'}: {len(report.blocking)} blocking, {len(report.warnings)} warning(s)")
    for finding in report.findings:
        mark = "BLOCKS " if finding.blocking else "warning"
        print(f"  [{mark}] {report.step_titles.get(finding.step, finding.step)}: {finding.message}")
    print("Ready for committee." if report.ready else report.summary())
    return 1 if report.blocking else 0


def cmd_status(args: argparse.Namespace) -> int:
    context = _context(args)
    me = context.teams.whoami()
    if not me.team and args.role is None:
        raise CliError("say which role you act in: --as lead, --as reviewer or --as committee.")
    if me.team and (args.role or args.person):
        print(f"Team database: {me.message} (--as and --person are ignored here.)")
    result = context.review.transition(args.id, args.action, person=args.person, comment=args.comment,
                                       role=args.role or Role.LEAD.value, today=args.today)
    item = result.assessment
    print(f"{item.id}: {item.title or '(untitled)'} (version {item.version_number}) is now “{item.status.label}”.")
    return 0


def cmd_approve(args: argparse.Namespace) -> int:
    context = _context(args)
    signed = context.review.approve(args.id, args.committee, args.date, args.approver, person=args.person,
                                    today=args.today, review_date=args.review_date)
    signer = context.signing.card(signed.signer_key or "")
    print(f"Approved and locked: version {signed.version_number}, {signed.committee} on "
          f"{signed.meeting_date:%d/%m/%Y}.\nSigned by {signer.describe() if signer else 'an unknown key'}.")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    if args.target.isdigit():
        result = _context(args).review.verify_stored(int(args.target))
    else:
        path = Path(args.target)
        if not path.exists():
            raise CliError(f"the file {path} was not found.")
        result = _context(args).review.verify_docx(path)
    print(result.message)
    return result.outcome.exit_code


def cmd_diff(args: argparse.Namespace) -> int:
    context = _context(args)
    before, after = context.assessments.get(args.before), context.assessments.get(args.after)
    diffs = context.review.diff(args.before, args.after)
    if args.json:
        print(json.dumps([{"question_id": d.question_id, "step": d.step, "label": d.label, "change": d.change,
                           "before": d.before, "after": d.after} for d in diffs], ensure_ascii=False, indent=2))
        return 0
    print(f"Version {before.version_number} → version {after.version_number}: {len(diffs)} answer(s) differ.")
    for d in diffs:
        print(f"\n== {d.summary()} ==")
        print(f"  before: {d.before or '(not answered)'}".replace("\n", "\n          "))
        print(f"  after:  {d.after or '(not answered)'}".replace("\n", "\n          "))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    context = _context(args)
    for e in context.review.history(args.id):
        note = f" — {e.comment}" if e.comment else ""
        print(f"{e.seq:>3}. {e.at:%d/%m/%Y %H:%M} {e.person} ({e.role}): {e.action.replace('_', ' ')}, "
              f"{e.from_status} → {e.to_status}{note}")
    if not args.verify:
        return 0
    result = context.review.verify_audit(args.id)
    print(result.message)
    return 0 if result.ok else 1


def cmd_review_export(args: argparse.Namespace) -> int:
    path = _context(args).review_files.export_request(args.id, args.out, person=args.person)
    print(f"Wrote {path}")
    return 0


def cmd_review_import(args: argparse.Namespace) -> int:
    outcome = _context(args).review_files.import_file(args.file, person=args.person)
    print(outcome.message)
    print(outcome.assessment_id)
    return 0


def cmd_review_comment(args: argparse.Namespace) -> int:
    context = _context(args)
    if args.reply_to is not None:
        made = context.comments.reply(args.id, args.reply_to, args.text, author=args.person, role=args.role)
    elif args.question or args.step:
        anchor = args.question or step_anchor(args.step)
        made = context.comments.add(args.id, anchor, args.text, author=args.person, role=args.role)
    else:
        raise CliError("say which question or step the comment is about (--question ID or --step ID), or use "
                       "--reply-to.")
    print(made.id)
    return 0


def cmd_review_comments(args: argparse.Namespace) -> int:
    threads = _context(args).comments.threads(args.id)
    if args.json:
        print(json.dumps([{"id": t.comment.id, "anchor": t.comment.anchor, "author": t.comment.author,
                           "role": t.comment.role, "body": t.comment.body, "resolved": t.resolved,
                           "replies": [{"id": r.id, "author": r.author, "role": r.role, "body": r.body}
                                       for r in t.replies]} for t in threads], ensure_ascii=False, indent=2))
        return 0
    for t in threads:
        state, c = " (resolved)" if t.resolved else "", t.comment
        print(f"#{c.id} on {c.anchor}{state} — {c.author} ({c.role}): {c.body}")
        for r in t.replies:
            print(f"    #{r.id} {r.author} ({r.role}): {r.body}")
    return 0


def cmd_review_reply(args: argparse.Namespace) -> int:
    context = _context(args)
    if args.verdict:
        context.review_files.set_verdict(args.id, args.verdict, person=args.person, comment=args.comment)
    path = context.review_files.export_reply(args.id, args.out, person=args.person)
    print(f"Wrote {path}")
    return 0
