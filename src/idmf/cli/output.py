"""What the command line prints: never a terminal control sequence taken from a file or an answer.

A review file's title or an answer can hold ESC sequences (recolour, move the cursor, rewrite the screen)
or a carriage return that hides the start of a line; printed as they are, a terminal would obey them. Every
line the CLI writes goes through `PlainTextStream`, which drops those characters and keeps tabs and newlines.
DEL and the C1 controls are written as visible escapes (the six characters \\u009b) instead: JSON may hold
them raw inside a string, and there the escape is the very same JSON, so `show --json` output still imports
exactly.
"""

from __future__ import annotations

import re
import sys
from contextlib import contextmanager
from typing import Iterator, TextIO

DROPPED = re.compile("[\x00-\x08\x0b-\x1f]")  # C0 controls except tab and newline (ESC, CR, BEL…)
ESCAPED = re.compile("[\x7f-\x9f]")  # DEL and the C1 controls (U+009B is a one-character ESC [)


def plain(text: str) -> str:
    """Text a terminal cannot take orders from: C0 controls dropped (tabs and newlines kept), DEL and C1 escaped."""
    return ESCAPED.sub(lambda found: f"\\u{ord(found.group()):04x}", DROPPED.sub("", text))


class PlainTextStream:
    """A text stream that writes through to another, without control characters."""

    def __init__(self, target: TextIO) -> None:
        self._target = target

    def write(self, text: str) -> int:
        self._target.write(plain(text))
        return len(text)

    def __getattr__(self, name: str):  # flush, encoding, isatty, fileno… behave as the real stream's
        return getattr(self._target, name)


@contextmanager
def plain_output() -> Iterator[None]:
    """Within the block, everything printed to stdout and stderr is stripped of control characters."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = PlainTextStream(sys.stdout), PlainTextStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def waiting(message: str) -> None:
    """Say on stderr that the CLI is waiting (another program holds the data file)."""
    print(f"idmf-cli: {message}", file=sys.stderr, flush=True)
