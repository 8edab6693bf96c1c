"""`idmf-cli backup list|create|restore`: the user's safety net, from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from sqlalchemy.engine import make_url

from idmf.cli.errors import CliError
from idmf.storage.backup import list_backups, restore, take_backup, thin
from idmf.storage.database import default_database_url


def register(commands: argparse._SubParsersAction) -> None:
    """Add the backup sub-commands."""
    backup = commands.add_parser("backup", help="list, take or restore backups of your data")
    actions = backup.add_subparsers(dest="backup_command", required=True, metavar="ACTION")
    actions.add_parser("list", help="list backups, newest first").set_defaults(handler=cmd_list)
    actions.add_parser("create", help="take a backup now").set_defaults(handler=cmd_create)
    res = actions.add_parser("restore", help="replace your data with a backup (the current file is kept aside)")
    res.add_argument("file", nargs="?", type=Path, help="backup file (default: the newest)")
    res.set_defaults(handler=cmd_restore)


def _database_file(args: argparse.Namespace) -> Path:
    url = make_url(args.database or default_database_url())
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        raise CliError("backups here are for the app's own SQLite file; use your database server's backups.")
    return Path(url.database)


def cmd_list(args: argparse.Namespace) -> int:
    backups = list_backups()
    if not backups:
        print("No backups yet. Take one with: idmf-cli backup create")
    for b in backups:
        print(f"{b.taken_at:%d/%m/%Y %H:%M:%S}  {b.size / 1024:8.0f} KB  {b.reason:<28} {b.path}")
    return 0


def cmd_create(args: argparse.Namespace) -> int:
    source = _database_file(args)
    if not source.exists():
        raise CliError(f"there is no data file at {source} yet, so there is nothing to back up.")
    print(take_backup(source, "manual"))
    thin()
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    target = _database_file(args)
    if args.file is None:
        backups = list_backups()
        if not backups:
            raise CliError("there are no backups to restore.")
        chosen = backups[0].path
    else:
        chosen = args.file
        if not chosen.exists():
            raise CliError(f"the backup {chosen} was not found.")
    moved = restore(chosen, target)
    kept = f" Your previous file was kept as {moved.name}." if moved else ""
    print(f"Restored {chosen.name}.{kept}")
    return 0
