"""IDMF Desktop: Inclusive Decision-Making Framework equality analysis, headless core and GUI."""

from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("idmf-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
