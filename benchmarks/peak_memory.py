"""Peak resident memory of the running process, shared by the benchmark scripts."""

from __future__ import annotations

import resource
import sys
from pathlib import Path


def max_rss_mib() -> float:
    """Peak resident size of this process in MiB (VmHWM on Linux: ru_maxrss would include the parent's
    size at fork time)."""
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale
