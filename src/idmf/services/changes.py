"""What a change touched, announced to whoever shows it (after Anki's OpChanges).

Every service method that changes something publishes one `Changes`; front ends subscribe once and
refresh only the views that show what changed, instead of rebuilding whole windows. Listeners are called
on the thread that made the change (the GUI re-posts them to its own thread).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Callable

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Changes:
    """One change to the data: which assessment, and which parts of it."""

    assessment_id: int | None = None
    answers: frozenset[str] = field(default_factory=frozenset)  # question ids
    census: bool = False  # tables attached to the assessment
    documents: bool = False  # documents attached to the assessment
    status: bool = False  # workflow status, lock, review date
    comments: bool = False
    publication: bool = False  # the cover-sheet details or the easy-read text kept with the version
    listing: bool = False  # rows of the dashboard (new, archived, duplicated, imported)
    census_cache: bool = False  # the cached census figures
    signers: bool = False  # signers known or trusted here, the trusted-signers list
    everything: bool = False  # the whole database was replaced (a backup restored)
    opened: int | None = None  # an assessment the user should now see (a new version, an imported copy)

    def touches(self, assessment_id: int | None) -> bool:
        """Whether this change concerns one assessment (a replaced database concerns every one)."""
        return self.everything or (assessment_id is not None and self.assessment_id == assessment_id)


Listener = Callable[[Changes], None]


class ChangeNotifier:
    """Keeps the listeners and tells each of them about every change."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Start telling `listener` about changes; returns the function that stops it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def publish(self, changes: Changes) -> Changes:
        """Tell every listener; a failing listener is logged and never undoes the change. Returns `changes`."""
        for listener in list(self._listeners):
            try:
                listener(changes)
            except Exception:  # noqa: BLE001 - a broken view must not turn a saved change into an error
                log.exception("A change listener failed")
        return changes
