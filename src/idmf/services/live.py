"""Live updates in team mode: a colleague's submit, comment, approval or new assessment reaches your views as
a change notice, from the database's NOTIFY (idmf.storage.live), without polling.

Notices are published on the listener's thread; the GUI's ChangeRelay re-posts them to its own thread.
"""

from __future__ import annotations

import logging
import threading

from idmf.services.changes import ChangeNotifier, Changes
from idmf.storage import live
from idmf.storage.store import Store

log = logging.getLogger(__name__)


class LiveUpdates:
    """One background listener per app; `start` does nothing outside team mode."""

    def __init__(self, store: Store, changes: ChangeNotifier) -> None:
        self.store = store
        self.changes = changes
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, timeout: float = 10.0) -> bool:
        """Listen for colleagues' changes to the organisations you may see; False when there is nothing to hear
        (single-user mode, or a login that is not a member). Returns once the listener is ready."""
        team = self.store.team_identity()
        member = team[1] if team else None
        if member is None or not member.organisations or self.running:
            return self.running
        ready = threading.Event()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, args=(member.organisations, ready), daemon=True,
                                        name="idmf-live-updates")
        self._thread.start()
        ready.wait(timeout)
        return ready.is_set()

    def _run(self, organisations: tuple[str, ...], ready: threading.Event) -> None:
        try:
            live.listen(self.store.database.url, organisations, self._publish, self._stop, ready)
        except Exception:  # noqa: BLE001 - losing live updates must not stop the app; the views still refresh
            log.exception("Live updates stopped: views refresh on your own changes and when reopened")

    def _publish(self, ids: set[int]) -> None:
        for assessment_id in sorted(ids):
            self.changes.publish(Changes(assessment_id, status=True, comments=True, listing=True))

    def stop(self) -> None:
        """Stop listening (the app is closing)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
