"""IDMF Desktop: Inclusive Decision-Making Framework equality analysis, headless core and GUI."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _installed_version() -> str:
    # importlib.metadata costs a tenth of the first screen: asked for only when the version is needed.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("idmf-desktop")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+source"


def __getattr__(name: str) -> str:
    """`from idmf import __version__` as before, looked up on first use."""
    if name == "__version__":
        return _installed_version()
    raise AttributeError(f"module 'idmf' has no attribute {name!r}")
