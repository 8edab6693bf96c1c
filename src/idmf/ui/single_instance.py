"""One running app per data folder: a second start hands its arguments to the first and quits.

Two GUI processes on one SQLite file would each hold stale copies of the same assessment; bringing
the first window forward is what the user wanted anyway.
"""

from __future__ import annotations

import hashlib
import json
import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from idmf.paths import data_dir

log = logging.getLogger(__name__)
TIMEOUT_MS = 1500


def server_name() -> str:
    """A per-user, per-data-folder name, so a test or portable install never talks to another copy."""
    digest = hashlib.sha256(str(data_dir().resolve()).encode("utf-8")).hexdigest()[:16]
    return f"idmf-desktop-{digest}"


class SingleInstance(QObject):
    """Claims the app's local server; the primary instance hears from later starts."""

    sig_activation_requested = Signal(list)

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self._server: QLocalServer | None = None

    def notify_running_instance(self, arguments: list[str]) -> bool:
        """Send the arguments to an instance that is already running; True if one answered."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(TIMEOUT_MS):
            return False
        socket.write(json.dumps(arguments).encode("utf-8"))
        socket.flush()
        socket.waitForBytesWritten(TIMEOUT_MS)
        socket.disconnectFromServer()
        return True

    def become_primary(self) -> bool:
        """Start listening; clears a stale server left by a crashed instance first."""
        QLocalServer.removeServer(self.name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            log.warning("Could not claim the single-instance server: %s", server.errorString())
            return False
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def _on_connection(self) -> None:
        # Read synchronously: the message is tiny, and no socket outlives this slot (no deleteLater races).
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket.bytesAvailable() or socket.waitForReadyRead(TIMEOUT_MS):
                self._emit(bytes(socket.readAll()))
            socket.abort()

    def _emit(self, payload: bytes) -> None:
        try:
            arguments = json.loads(payload.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            arguments = []
        self.sig_activation_requested.emit([str(a) for a in arguments] if isinstance(arguments, list) else [])

    def close(self) -> None:
        """Stop listening."""
        if self._server is not None:
            self._server.close()
            self._server = None
