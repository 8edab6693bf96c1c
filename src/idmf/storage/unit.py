"""Units of work: one user action is one transaction, whichever repositories it touches.

Every repository method takes an optional `conn`. Without one it opens its own connection (reads) or
transaction (writes); with one it joins the caller's transaction, so a service can make several changes
that are kept or lost together:

    with store.transaction() as conn:
        item = store.assessments.add(copy, conn=conn)
        store.review_copies.mark(item.id, ..., conn=conn)
"""

from __future__ import annotations

from contextlib import nullcontext
from typing import ContextManager

from sqlalchemy import Connection

from idmf.storage.database import Database


class Repository:
    """Base of the repositories: reads and writes on the database it was given (which a restore reopens)."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def _write(self, conn: Connection | None = None) -> ContextManager[Connection]:
        """The caller's transaction, or a new one committed at the end of the block."""
        return nullcontext(conn) if conn is not None else self.database.engine.begin()

    def _read(self, conn: Connection | None = None) -> ContextManager[Connection]:
        """The caller's connection, or a new one for this read."""
        return nullcontext(conn) if conn is not None else self.database.engine.connect()
