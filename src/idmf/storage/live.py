"""Live updates from a team database: LISTEN on the channel of each organisation you may see.

The database's functions and triggers (idmf.storage.team_sql) NOTIFY the organisation's channel with the
assessment's id when a colleague changes a status, comments or starts an assessment. The listener holds one
connection of its own and blocks on it (no polling): nothing is read until the server sends a notice, and a
login never hears about another organisation's assessments (its channels are not theirs).
"""

from __future__ import annotations

import threading
from typing import Callable

from sqlalchemy.engine import make_url

from idmf.storage import team_sql

WAIT_SECONDS = 0.5  # how often the listener looks at its stop flag while the server is quiet


def conninfo(url: str) -> str:
    """The libpq address of an SQLAlchemy PostgreSQL URL (the driver name dropped)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def listen(url: str, organisations: tuple[str, ...], on_notice: Callable[[set[int]], None],
           stop: threading.Event, ready: threading.Event | None = None) -> None:
    """Until `stop` is set, call `on_notice` with the assessment ids notified (a burst arrives as one set)."""
    import psycopg

    with psycopg.connect(conninfo(url), autocommit=True) as conn:
        for organisation in organisations:
            conn.execute(f'LISTEN "{team_sql.channel(organisation)}"')
        if ready is not None:
            ready.set()
        while not stop.is_set():
            ids = {int(n.payload) for n in conn.notifies(timeout=WAIT_SECONDS) if n.payload.isdigit()}
            if ids:
                on_notice(ids)
