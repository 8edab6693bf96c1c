"""Census failures, each with a one-line message a non-technical member of staff can act on."""

from __future__ import annotations

from idmf.errors import IdmfError

UNCHANGED = "Your saved census figures have not been changed."


class CensusError(IdmfError):
    """Base class: the message says what happened and what to do."""


class CensusDownloadError(CensusError):
    """The Nomis download failed; the cache is exactly as it was."""


class CensusCancelled(CensusDownloadError):
    """The user cancelled the download; the cache is exactly as it was."""

    def __init__(self) -> None:
        super().__init__(f"The census download was cancelled. {UNCHANGED}")


class CensusImportError(CensusError):
    """A bulk or lookup file could not be imported; the cache is exactly as it was."""


class CensusDataError(CensusError):
    """An area or table the user asked for is not in the cache."""
