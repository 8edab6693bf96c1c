"""The shipped migrations' revisions, read from the scripts' text: no Alembic, no SQLAlchemy (the first screen
asks whether a data file is at the head this app ships)."""

from __future__ import annotations

import re
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_REVISION_LINE = re.compile(r"""^(down_)?revision\b[^=\n]*=\s*(?:["']([^"']+)["']|None)""", re.MULTILINE)


def _shipped() -> tuple[set[str], set[str | None]] | None:
    """(revisions, their parents) read from the scripts' text, without Alembic (None when not clear-cut)."""
    revisions, parents = set(), set()
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = {m.group(1) or "": m.group(2) for m in _REVISION_LINE.finditer(script.read_text(encoding="utf-8"))}
        if not found.get(""):
            return None
        revisions.add(found[""])
        parents.add(found.get("down_"))
    return revisions, parents


def shipped_head() -> str | None:
    """The head revision read from the scripts' text, without Alembic (None when that is not clear-cut)."""
    shipped = _shipped()
    heads = shipped[0] - shipped[1] if shipped else set()
    return heads.pop() if len(heads) == 1 else None


def is_known(revision: str) -> bool:
    """Whether this version of the app ships the migration `revision` (False: a newer app wrote the file)."""
    shipped = _shipped()
    return shipped is None or revision in shipped[0]  # unreadable scripts: leave the decision to Alembic
