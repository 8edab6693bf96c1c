"""`idmf-cli`: the headless command line. Every failure is one plain line on stderr and a non-zero exit."""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from idmf import __version__
from idmf.cli import assessments, backup, census, review, signing, team, word
from idmf.cli.errors import CliError
from idmf.cli.output import plain_output
from idmf.errors import friendly

# Each feature module adds its own sub-commands.
COMMAND_MODULES = [assessments, backup, review, signing, census, team, word]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every feature's sub-commands."""
    parser = argparse.ArgumentParser(prog="idmf-cli", description="IDMF Desktop from the command line.")
    parser.add_argument("--version", action="version", version=f"IDMF Desktop {__version__}")
    parser.add_argument("--database", metavar="URL",
                        help="database URL (default: IDMF_DATABASE_URL, else the app's own SQLite file)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit status."""
    args = build_parser().parse_args(argv)
    with plain_output():
        return run(args)


def run(args: argparse.Namespace) -> int:
    """Run the parsed command; a known failure is one line on stderr and a non-zero exit status."""
    try:
        return int(args.handler(args) or 0)
    except CliError as exc:
        print(f"idmf-cli: {exc}", file=sys.stderr)
        return exc.status
    except MemoryError:
        print("idmf-cli: the computer ran out of memory. Close other programs and try again; nothing was "
              "changed.", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - the CLI must never show a stack trace to a user
        message = friendly(exc)
        if message is None:
            raise
        print(f"idmf-cli: {message}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
