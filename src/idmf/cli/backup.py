"""`idmf-cli backup list|create|restore`: the user's safety net, from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from idmf.cli.output import waiting
from idmf.services.backups import database_file, list_all, restore_backup
from idmf.services.context import open_app


def register(commands: argparse._SubParsersAction) -> None:
    """Add the backup sub-commands."""
    backup = commands.add_parser("backup", help="list, take or restore backups of your data")
    actions = backup.add_subparsers(dest="backup_command", required=True, metavar="ACTION")
    actions.add_parser("list", help="list backups, newest first").set_defaults(handler=cmd_list)
    actions.add_parser("create", help="take a backup now").set_defaults(handler=cmd_create)
    res = actions.add_parser("restore", help="replace your data with a backup (the current file is kept aside)")
    res.add_argument("file", nargs="?", type=Path, help="backup file (default: the newest)")
    res.set_defaults(handler=cmd_restore)


def cmd_list(args: argparse.Namespace) -> int:
    backups = list_all()
    if not backups:
        print("No backups yet. Take one with: idmf-cli backup create")
    for b in backups:
        print(f"{b.taken_at:%d/%m/%Y %H:%M:%S}  {b.size / 1024:8.0f} KB  {b.reason:<28} {b.path}")
    return 0


def cmd_create(args: argparse.Namespace) -> int:
    database_file(args.database)  # a database server has its own backups: say so before opening it
    context = open_app(args.database, on_wait=waiting)
    try:
        print(context.backups.create("manual"))
    finally:
        context.close()
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    # The database is not opened: it may be the damaged file the user wants to replace.
    done = restore_backup(database_file(args.database), args.file)
    kept = f" Your previous file was kept as {done.set_aside.name}." if done.set_aside else ""
    safety = f" A safety backup of it was taken first ({done.safety_backup.name})." if done.safety_backup else ""
    print(f"Restored {done.backup.name}.{kept}{safety}")
    return 0
