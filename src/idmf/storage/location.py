"""Is a database file on a local disk? SQLite's locking is unsafe on network shares and synced folders."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "9p", "afpfs", "webdav", "davfs"}
_SYNCED_MARKERS = ("onedrive", "dropbox", "google drive", "googledrive", "icloud", "box sync", "sharepoint")


def _mount_fs_type(path: Path) -> str | None:
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    best, fs_type = "", None
    target = str(path.resolve())
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3 and target.startswith(parts[1]) and len(parts[1]) > len(best):
            best, fs_type = parts[1], parts[2]
    return fs_type


def storage_warning(path: Path) -> str | None:
    """A plain-English warning when the file sits somewhere SQLite is not safe, else None."""
    text = str(path)
    if text.startswith("\\\\") or text.startswith("//"):
        return f"Your data file is on a network share ({text}). Keep it on this computer's own disk to avoid damage."
    lowered = text.lower()
    for marker in _SYNCED_MARKERS:
        if marker in lowered:
            return (f"Your data file is in a synced folder ({text}). Sync tools can damage a database that is "
                    "in use: keep it on this computer's own disk and rely on the app's backups.")
    if sys.platform.startswith("linux") and _mount_fs_type(path.parent if not path.exists() else path) in _NETWORK_FS:
        return f"Your data file is on a network drive ({text}). Keep it on this computer's own disk to avoid damage."
    if os.name == "nt" and len(text) > 1 and text[1] == ":":
        try:
            import ctypes

            if ctypes.windll.kernel32.GetDriveTypeW(text[:3]) == 4:  # DRIVE_REMOTE
                return f"Your data file is on a network drive ({text}). Keep it on this computer's own disk."
        except (AttributeError, OSError):
            return None
    return None
