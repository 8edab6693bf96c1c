"""Where the app finds its bundled data (forms, resources) and keeps the user's data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "IDMF Desktop"
APP_AUTHOR = "IDMF"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    """Locate a top-level data folder in a wheel, a PyInstaller bundle or a source tree."""
    candidates = [_PACKAGE_DIR / "_data" / name]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / name)
    # Source tree / editable install: src/idmf -> repo root.
    candidates.append(_PACKAGE_DIR.parent.parent / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"The app's '{name}' folder is missing (looked in: {', '.join(map(str, candidates))}). "
        "Reinstall IDMF Desktop."
    )


def forms_dir() -> Path:
    """Folder holding the form definitions (forms/*.yaml); IDMF_FORMS_DIR points at a local edition."""
    override = os.environ.get("IDMF_FORMS_DIR")
    return Path(override) if override else _bundled("forms")


def resources_dir() -> Path:
    """Folder holding resources (reference Word document, examples, icons)."""
    return _bundled("resources")


def data_dir() -> Path:
    """The user's data folder; IDMF_DATA_DIR overrides it (tests, portable installs)."""
    override = os.environ.get("IDMF_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def backups_dir() -> Path:
    """Folder where database backups are kept."""
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """The user's cache folder (things the app can always rebuild); IDMF_CACHE_DIR, or beside IDMF_DATA_DIR."""
    override, data = os.environ.get("IDMF_CACHE_DIR"), os.environ.get("IDMF_DATA_DIR")
    if override:
        path = Path(override)
    else:
        path = Path(data) / "cache" if data else Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    """The user's log folder."""
    override = os.environ.get("IDMF_DATA_DIR")
    path = Path(override) / "logs" if override else Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path
