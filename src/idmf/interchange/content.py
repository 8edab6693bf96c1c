"""An assessment's content, as signatures and review replies compare it: the jsonio document without its
bookkeeping (status, dates of editing, archiving, the review date), in RFC 8785 canonical form."""

from __future__ import annotations

import hashlib
from typing import Any

import rfc8785

CONTENT_META = ("uid", "version_number")  # the only assessment details that are content


def content_of(document: dict[str, Any]) -> dict[str, Any]:
    """A jsonio document with its assessment details reduced to uid and version number (a new top-level dict;
    the rest is shared with `document`, not copied)."""
    meta = document.get("assessment") if isinstance(document.get("assessment"), dict) else {}
    return {**document, "assessment": {key: meta.get(key) for key in CONTENT_META}}


def content_sha256(document: dict[str, Any]) -> str:
    """SHA-256 (hex) of the RFC 8785 canonical JSON of a document's content (ValueError if it has none)."""
    try:
        return hashlib.sha256(rfc8785.dumps(content_of(document))).hexdigest()
    except (rfc8785.CanonicalizationError, TypeError) as exc:
        raise ValueError(f"the assessment cannot be put in canonical form ({exc})") from None
