"""Sub-commands for signatures: your signing identities (`identity …`) and whom you trust (`trust …`).

A role named on the command line grants nothing by itself: workflow steps are signed with the acting
person's own key (`--person` picks one of the identities on this computer), and an EDI reviewer's or a
committee's step needs that key to be trusted for the role here (`trust import` of the organisation's list).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from idmf.cli.errors import CliError
from idmf.files import atomic_write_text
from idmf.services.context import AppContext, open_app
from idmf.signing.cards import ROLE_LABELS, SIGNING_ROLES, role_label
from idmf.signing.keys import same_fingerprint
from idmf.signing.trustlist import make_trust_list

ROLES = list(ROLE_LABELS)


def register(commands: argparse._SubParsersAction) -> None:
    """Add the identity and trust sub-commands."""
    identity = commands.add_parser("identity", help="your signing identities (key pairs on this computer)")
    actions = identity.add_subparsers(dest="identity_command", required=True, metavar="ACTION")
    make = actions.add_parser("create", help="make a key pair; the private key goes to your credential store")
    make.add_argument("--name", required=True)
    make.add_argument("--role", required=True, choices=ROLES, help="the role you hold (a claim until trusted)")
    make.add_argument("--organisation", default="")
    make.set_defaults(handler=cmd_identity_create)
    actions.add_parser("list", help="your identities and their fingerprints").set_defaults(handler=cmd_identity_list)
    card = actions.add_parser("card", help="write your card (public) to send to your EDI team or a colleague")
    card.add_argument("--out", required=True, type=Path)
    card.add_argument("--person", help="which identity (default: your default identity)")
    card.set_defaults(handler=cmd_identity_card)
    _register_trust(commands)


def _register_trust(commands: argparse._SubParsersAction) -> None:
    trust = commands.add_parser("trust", help="whose signatures count here")
    actions = trust.add_subparsers(dest="trust_command", required=True, metavar="ACTION")
    actions.add_parser("list", help="the trusted-signers list in force and every signer known here") \
        .set_defaults(handler=cmd_trust_list)
    imp = actions.add_parser("import", help="import your organisation's trusted-signers list")
    imp.add_argument("file", type=Path)
    imp.add_argument("--admin-fingerprint", default="",
                     help="the admin key's fingerprint as your EDI team publishes it (needed the first time)")
    imp.set_defaults(handler=cmd_trust_import)
    add = actions.add_parser("add", help="trust one person's card after comparing fingerprints with them")
    add.add_argument("card", type=Path)
    add.add_argument("--role", required=True, choices=SIGNING_ROLES)
    add.add_argument("--fingerprint", required=True, help="the fingerprint the person reads out to you")
    add.set_defaults(handler=cmd_trust_add)
    rem = actions.add_parser("remove", help="take back the trust you gave one person")
    rem.add_argument("fingerprint")
    rem.set_defaults(handler=cmd_trust_remove)
    pub = actions.add_parser("publish", help="(EDI team) sign a trusted-signers list with your admin identity")
    pub.add_argument("--organisation", required=True)
    pub.add_argument("--card", action="append", required=True, metavar="FILE=ROLE",
                     help=f"a person's card file and the role to give them ({', '.join(SIGNING_ROLES)}); repeat")
    pub.add_argument("--admin", help="your admin identity (default: your default identity)")
    pub.add_argument("--out", required=True, type=Path)
    pub.set_defaults(handler=cmd_trust_publish)


def _context(args: argparse.Namespace) -> AppContext:
    return open_app(args.database)


def cmd_identity_create(args: argparse.Namespace) -> int:
    context = _context(args)
    card = context.signing.create_identity(args.name, args.role, args.organisation)
    print(f"Made {card.describe()}.\nYour private key is kept in {context.signing.keys.where()}.")
    return 0


def cmd_identity_list(args: argparse.Namespace) -> int:
    cards = _context(args).signing.my_cards()
    if not cards:
        print("No signing identity on this computer yet: make one with `idmf-cli identity create`.")
    for n, card in enumerate(cards):
        print(f"{'*' if n == 0 else ' '} {card.describe()}")
    return 0


def cmd_identity_card(args: argparse.Namespace) -> int:
    path = _context(args).signing.export_card(args.out, args.person)
    print(f"Wrote {path}")
    return 0


def cmd_trust_list(args: argparse.Namespace) -> int:
    signing = _context(args).signing
    current = signing.current_list()
    if current is None:
        print("No trusted-signers list imported yet.")
    else:
        print(f"Trusted-signers list of {current.organisation}, issued {current.issued_at:%d/%m/%Y}, signed by "
              f"{current.admin_name} (imported {current.imported_at:%d/%m/%Y} by {current.imported_by}).")
    for view in signing.signers():
        roles = ", ".join(role_label(r) for r in sorted(view.trusted_roles)) or "not trusted"
        how = "list" if view.list_role else f"trusted by {view.vouched_by}" if view.vouched_role else "seen"
        print(f"  {view.card.fingerprint}  {view.card.name:<28} {roles} ({how}){' — you' if view.mine else ''}")
    return 0


def cmd_trust_import(args: argparse.Namespace) -> int:
    found = _context(args).signing.import_list(args.file, args.admin_fingerprint)
    print(f"Imported the trusted-signers list of {found.organisation} ({len(found.signers)} people, issued "
          f"{found.issued_at:%d/%m/%Y}).")
    return 0


def cmd_trust_add(args: argparse.Namespace) -> int:
    signing = _context(args).signing
    view = signing.trust(signing.read_card(args.card), args.role, args.fingerprint)
    print(f"Trusted {view.card.describe()} as {role_label(args.role)}.")
    return 0


def cmd_trust_remove(args: argparse.Namespace) -> int:
    signing = _context(args).signing
    found = [v for v in signing.signers() if same_fingerprint(args.fingerprint, v.card.key_id)]
    if not found:
        raise CliError(f"no signer with the fingerprint {args.fingerprint} is known here.")
    signing.untrust(found[0].card.key_id)
    print(f"You no longer trust {found[0].card.name} one by one.")
    return 0


def cmd_trust_publish(args: argparse.Namespace) -> int:
    signing = _context(args).signing
    people = []
    for item in args.card:
        file, _, role = item.rpartition("=")
        if not file or role not in SIGNING_ROLES:
            raise CliError(f"write each --card as FILE=ROLE with a role of {', '.join(SIGNING_ROLES)} (not '{item}').")
        people.append((signing.read_card(Path(file)), role))
    text = make_trust_list(signing.identity(args.admin), args.organisation, people)
    atomic_write_text(args.out, text)
    print(f"Wrote {args.out}: {len(people)} people. Publish the admin key's fingerprint "
          f"({signing.identity(args.admin).fingerprint}) where your staff can compare it.")
    return 0
