"""Documents attached to an assessment as evidence: the file itself, kept with the assessment version.

Each is stored whole (the committee's copy must not change if the file on someone's disk does) with its name,
size and SHA-256, so the Word export can list it as an appendix and anyone can check a copy against it.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import mimetypes
import re
import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_serializer, field_validator, model_validator

from idmf.domain.times import utcnow
from idmf.errors import IdmfError

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024  # one file: a report or a survey export, not a video
MAX_TOTAL_BYTES = 20 * 1024 * 1024  # every document of one assessment together
MAX_NAME_CHARS = 120
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\\ufeff\u202a-\u202e\u2066-\u2069]")


class DocumentError(IdmfError, ValueError):
    """A document that cannot be attached; the message says why and what to do."""


def size_text(size: int) -> str:
    """'840 KB', '2.4 MB' (how a person reads a file size)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def clean_name(name: str) -> str:
    """A file name safe to show and print: no folders, control or direction characters; not too long."""
    plain = _UNSAFE_NAME.sub("", (name or "").replace("\\", "/").rsplit("/", 1)[-1]).strip()
    if len(plain) > MAX_NAME_CHARS:
        stem, dot, ext = plain.rpartition(".")
        keep = MAX_NAME_CHARS - len(ext) - 2 if dot and len(ext) <= 8 else MAX_NAME_CHARS - 1
        plain = plain[:keep].rstrip() + "…" + (f".{ext}" if dot and len(ext) <= 8 else "")
    return plain or "document"


class AttachedDocument(BaseModel):
    """One attached file: id (what evidence links point at), name, type, size, SHA-256 and the bytes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(default_factory=lambda: uuid.uuid4().hex[:12], min_length=1, max_length=32)
    name: str = Field(min_length=1, max_length=MAX_NAME_CHARS + 8)
    media_type: str = "application/octet-stream"
    size: int = Field(ge=0, le=MAX_DOCUMENT_BYTES)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    added_at: dt.datetime = Field(default_factory=utcnow)
    content: bytes = Field(repr=False)

    @classmethod
    def from_bytes(cls, name: str, data: bytes, document_id: str | None = None) -> "AttachedDocument":
        """A document from a file's name and bytes (DocumentError when it is empty or too big)."""
        shown = clean_name(name)
        if not data:
            raise DocumentError(f"“{shown}” is empty, so there is nothing to attach. Choose the file again.")
        if len(data) > MAX_DOCUMENT_BYTES:
            raise DocumentError(f"“{shown}” is {size_text(len(data))}; a document can be at most "
                                f"{size_text(MAX_DOCUMENT_BYTES)}. Attach a shorter version (a PDF of the key pages).")
        media = mimetypes.guess_type(shown)[0] or "application/octet-stream"
        extra = {"id": document_id} if document_id else {}
        return cls(name=shown, media_type=media, size=len(data), sha256=hashlib.sha256(data).hexdigest(),
                   content=bytes(data), added_at=utcnow().replace(microsecond=0), **extra)

    @field_validator("content", mode="before")
    @classmethod
    def _from_base64(cls, value: Any) -> Any:
        if isinstance(value, str):  # JSON carries the bytes as base64
            try:
                return base64.b64decode(value.encode("ascii"), validate=True)
            except (binascii.Error, UnicodeEncodeError, ValueError):
                raise ValueError("the document's content is not valid base64") from None
        return value

    @field_serializer("content", when_used="json")
    def _to_base64(self, value: bytes) -> str:
        return base64.b64encode(value).decode("ascii")

    @model_validator(mode="after")
    def _matches_its_hash(self) -> "AttachedDocument":
        # A file from elsewhere must hold the bytes its size and fingerprint say: otherwise it was changed.
        if len(self.content) != self.size or hashlib.sha256(self.content).hexdigest() != self.sha256:
            raise ValueError(f"the document “{self.name}” does not match its recorded size and SHA-256")
        return self

    @property
    def label(self) -> str:
        """'Access audit.pdf (840 KB)'."""
        return f"{self.name} ({size_text(self.size)})"


def check_total(documents: list[AttachedDocument], adding: AttachedDocument) -> None:
    """Refuse a document that would take the assessment's attachments over the total limit."""
    total = sum(d.size for d in documents) + adding.size
    if total > MAX_TOTAL_BYTES:
        raise DocumentError(f"Attaching “{adding.name}” would make this assessment's documents "
                            f"{size_text(total)} in all; the limit is {size_text(MAX_TOTAL_BYTES)}. Remove a "
                            "document you no longer need, or attach a shorter version.")
