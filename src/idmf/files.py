"""Writing files so that a crash or a full disk never leaves half a file or destroys the old one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def atomic_write(path: Path, write: Callable[[Path], None]) -> Path:
    """Call write(temp_path) next to `path`, flush it to disk, then replace `path` in one step."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    temp = Path(temp_name)
    # mkstemp makes owner-only files; a document saved to a shared folder should get the usual permissions.
    os.chmod(temp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
    try:
        write(temp)
        with open(temp, "rb+") as stream:
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return path


def atomic_write_text(path: Path, text: str) -> Path:
    """Write text (UTF-8) atomically."""
    return atomic_write(path, lambda temp: temp.write_text(text, encoding="utf-8"))
