"""The command line's own failure: one line on stderr and an exit status."""

from __future__ import annotations


class CliError(Exception):
    """A failure the CLI reports as one line with an exit status."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status
