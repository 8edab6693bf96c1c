"""Sub-commands for a team on a shared PostgreSQL database: `team init|add-user|grant|revoke|list|whoami|
check-portfolio`.

Run `init`, `add-user`, `grant`, `revoke` and `list` with the database owner's address (`--database`); the
password of a new login is read from standard input (`--password-stdin`) and handed to the server, never kept.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from idmf.cli.errors import CliError
from idmf.cli.output import waiting
from idmf.services.context import AppContext, open_app
from idmf.services.teams import TEAM_ROLES
from idmf.signing.cards import role_label


def register(commands: argparse._SubParsersAction) -> None:
    """Add the team sub-commands."""
    team = commands.add_parser("team", help="a team on a shared PostgreSQL database (logins, roles, organisations)")
    actions = team.add_subparsers(dest="team_command", required=True, metavar="ACTION")
    actions.add_parser("init", help="(owner, once and after each upgrade) set the database up for a team") \
        .set_defaults(handler=cmd_init)
    add = actions.add_parser("add-user", help="(owner) add a person: their login, role, organisation and key")
    add.add_argument("login")
    add.add_argument("--role", required=True, choices=TEAM_ROLES)
    add.add_argument("--organisation", required=True, action="append", help="repeat for several")
    add.add_argument("--card", type=Path, help="their signing card (idmf-cli identity card); needed except for "
                                               "admins")
    add.add_argument("--name", help="their name as shown (default: the name on their card)")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the new login's password from standard input (otherwise: none, for Kerberos or "
                          "certificates)")
    add.set_defaults(handler=cmd_add_user)
    for name, verb in (("grant", "let a member see an organisation"), ("revoke", "stop a member seeing one")):
        sub = actions.add_parser(name, help=f"(owner) {verb}")
        sub.add_argument("login")
        sub.add_argument("--organisation", required=True)
        sub.set_defaults(handler=cmd_grant if name == "grant" else cmd_revoke)
    actions.add_parser("list", help="(owner) everyone on the team").set_defaults(handler=cmd_list)
    actions.add_parser("whoami", help="who the database takes you to be").set_defaults(handler=cmd_whoami)
    actions.add_parser("check-portfolio", help="work the kept portfolio figures out again from the answers and "
                                               "list any that differ, with who kept them") \
        .set_defaults(handler=cmd_check_portfolio)


def _context(args: argparse.Namespace) -> AppContext:
    return open_app(args.database, on_wait=waiting)


def cmd_init(args: argparse.Namespace) -> int:
    owner = _context(args).teams.init()
    print(f"The database is set up for a team (owner: {owner}). Add people with `idmf-cli team add-user`.")
    return 0


def _password() -> str:
    line = sys.stdin.readline()
    if not line.strip():
        raise CliError("--password-stdin: no password was given on standard input. Nothing was changed.")
    return line.rstrip("\r\n")


def cmd_add_user(args: argparse.Namespace) -> int:
    password = _password() if args.password_stdin else None
    context = _context(args)
    card = context.signing.read_card(args.card) if args.card else None
    member = context.teams.add_user(args.login, args.role, args.organisation, card, password, args.name)
    key = f", key {card.fingerprint}" if card else ""
    print(f"Added {member.name} as login {member.login}: {role_label(member.role)} for "
          f"{', '.join(member.organisations)}{key}.")
    return 0


def cmd_grant(args: argparse.Namespace) -> int:
    done = _context(args).teams.grant(args.login, args.organisation)
    print(f"{args.login} {'can now see' if done else 'could already see'} {args.organisation}.")
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    done = _context(args).teams.revoke(args.login, args.organisation)
    print(f"{args.login} {'can no longer see' if done else 'could not see'} {args.organisation}.")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    members = _context(args).teams.members()
    if not members:
        print("Nobody yet. Add people with `idmf-cli team add-user`.")
    for m in members:
        key = "key registered" if m.key_id else "no key"
        print(f"{m.login}\t{m.name}\t{role_label(m.role)}\t{', '.join(m.organisations)}\t{key}")
    return 0


def cmd_whoami(args: argparse.Namespace) -> int:
    print(_context(args).teams.whoami().message)
    return 0


def cmd_check_portfolio(args: argparse.Namespace) -> int:
    """Exit 1 when any kept portfolio figures differ from what the answers give."""
    forged, replaced = _context(args).portfolio.recheck()
    for found in forged:
        print(found.message)
    if forged:
        then = ("They have been replaced by figures worked out from the answers." if replaced else
                "Only an EDI reviewer, committee member or administrator can replace them: ask one to run this.")
        print(f"{len(forged)} assessment(s) with portfolio figures that their answers do not bear out. {then}")
        return 1
    print("Every kept portfolio figure you can see matches the assessments' answers.")
    return 0
