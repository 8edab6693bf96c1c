"""Writing files so that a crash or a full disk never leaves half a file or destroys the old one; reading
untrusted ones no further than a limit."""

from __future__ import annotations

import os
import tempfile
import zipfile
from pathlib import Path
from typing import BinaryIO, Callable


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


def read_at_most(stream: BinaryIO, limit: int, chunk: int = 1 << 16) -> bytes | None:
    """All of a binary stream if it holds at most `limit` bytes, else None (never reading past limit + 1)."""
    parts, size = [], 0
    while size <= limit:
        data = stream.read(min(chunk, limit + 1 - size))
        if not data:
            return b"".join(parts)
        parts.append(data)
        size += len(data)
    return None


class ZipPartTooLarge(ValueError):
    """A zip part that would decompress past a limit; `reason` says which, in words for a message."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def read_zip_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, max_bytes: int, max_ratio: float,
                  ratio_floor: int) -> bytes:
    """One part of a zip archive, decompressed in pieces and stopped as soon as it passes a limit.

    Neither the declared size (which a hostile file can fake) nor the compression ratio beyond `max_ratio`
    (for parts larger than `ratio_floor`) is trusted: the bytes actually produced are counted.
    """
    packed = max(info.compress_size, 1)
    if info.file_size > max_bytes:
        raise ZipPartTooLarge(f"{info.filename[:80]} would expand to {info.file_size:,} bytes")
    limit = min(max_bytes, max(ratio_floor, int(packed * max_ratio)))
    with archive.open(info) as stream:
        data = read_at_most(stream, limit)
    if data is None:
        why = "more than it declares" if limit >= info.file_size else "far more than its compressed size"
        raise ZipPartTooLarge(f"{info.filename[:80]} expands to {why} (over {limit:,} bytes)")
    return data
