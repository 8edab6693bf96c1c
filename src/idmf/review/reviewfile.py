"""The review file (.idmf): a zip holding manifest.json, content.json, comments.json and signature.json.

    manifest.json  format "idmf-review", format_version 2, kind ("review-request" | "review-reply"),
                   request_id (the request this file is, or answers), reply_id (a reply's own id),
                   assessment_uid, version_number, title, content_sha256, comments_sha256,
                   created_at, created_by, app_version
    content.json   the assessment as a jsonio document (idmf.interchange.jsonio)
    comments.json  {"verdict": null | {...}, "comments": [PortableComment, ...]}
    signature.json the author's signature over the whole manifest (made and checked by the caller through
                   idmf.signing; who wrote the file is the signature's card, never `created_by`)

Files are read defensively: the file size, the number of entries, their names and their declared sizes
are checked before anything is decompressed; each entry is read with a hard cap whatever it declares;
nothing from the archive is ever used as a path. Every refusal says exactly why.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from idmf import __version__
from idmf.domain.limits import MAX_ZIP_RATIO, RATIO_FLOOR
from idmf.domain.times import utcnow
from idmf.errors import first_line
from idmf.files import ZipPartTooLarge, atomic_write, read_zip_part
from idmf.interchange.jsonio import InterchangeError, parse_json
from idmf.review.comments import PortableComment
from idmf.review.errors import ReviewFileError

FORMAT = "idmf-review"
FORMAT_VERSION = 2  # 2: signed by the author, with request and reply ids
REQUEST, REPLY = "review-request", "review-reply"
MANIFEST, CONTENT, COMMENTS, SIGNATURE = "manifest.json", "content.json", "comments.json", "signature.json"
ENTRY_NAMES = (MANIFEST, CONTENT, COMMENTS, SIGNATURE)
_ID = r"^[0-9a-f]{32}$"
MAX_FILE_BYTES = 20 * 1024 * 1024  # the file on disk
MAX_ENTRIES = 10
MAX_UNCOMPRESSED_BYTES = 20 * 1024 * 1024  # all entries together, once decompressed
MAX_COMMENTS = 5_000


class Manifest(BaseModel):
    """What a review file says about itself."""

    model_config = ConfigDict(extra="ignore")

    format: str
    format_version: int
    kind: Literal["review-request", "review-reply"]
    request_id: str = Field(pattern=_ID)
    reply_id: str | None = Field(default=None, pattern=_ID)
    assessment_uid: str = Field(pattern=r"^[0-9a-f]{1,32}$")
    version_number: int = Field(ge=1)
    title: str = ""
    content_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    comments_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    created_at: dt.datetime
    created_by: str = ""
    app_version: str = ""


class Verdict(BaseModel):
    """The reviewer's verdict carried by a reply."""

    model_config = ConfigDict(extra="forbid")

    verdict: Literal["assured", "changes_requested"]
    by: str = Field(max_length=200)
    comment: str = Field(default="", max_length=20_000)
    at: dt.datetime


class _CommentsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    verdict: Verdict | None = None
    comments: list[PortableComment] = Field(default_factory=list, max_length=MAX_COMMENTS)


@dataclass(frozen=True)
class ReviewFile:
    """A review file that passed every check."""

    manifest: Manifest
    content_text: str  # content.json exactly as in the file
    document: dict[str, Any]
    comments: list[PortableComment]
    verdict: Verdict | None
    file_sha256: str  # of manifest.json
    manifest_data: dict[str, Any]  # manifest.json exactly as parsed: what the signature must cover
    signature: str  # signature.json's text

    @property
    def content_sha256(self) -> str:
        return self.manifest.content_sha256


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# The author's signature over the manifest (as a JSON object): returns signature.json's text.
ManifestSigner = Callable[[dict[str, Any]], str]


@dataclass(frozen=True)
class Ids:
    """The request a file is (or answers) and, for a reply, its own id."""

    request_id: str
    reply_id: str | None = None


def write_review_file(out: Path, kind: str, uid: str, version: int, title: str, content_text: str,
                      comments: list[PortableComment], verdict: Verdict | None, created_by: str, ids: Ids,
                      sign: ManifestSigner) -> Path:
    """Write a review file signed by its author, atomically (a half-written file never replaces a good one)."""
    content = content_text.encode("utf-8")
    comments_bytes = _CommentsFile(verdict=verdict, comments=comments).model_dump_json(indent=2).encode("utf-8")
    manifest = Manifest(format=FORMAT, format_version=FORMAT_VERSION, kind=kind, request_id=ids.request_id,
                        reply_id=ids.reply_id, assessment_uid=uid, version_number=version, title=title,
                        content_sha256=sha256(content), comments_sha256=sha256(comments_bytes),
                        created_by=created_by, app_version=__version__, created_at=utcnow())
    manifest_data = json.loads(manifest.model_dump_json())
    signature = sign(manifest_data)

    def write(temp: Path) -> None:
        with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest_data, ensure_ascii=False, indent=2))
            archive.writestr(CONTENT, content)
            archive.writestr(COMMENTS, comments_bytes)
            archive.writestr(SIGNATURE, signature)

    return atomic_write(Path(out), write)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _check_entries(name: str, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse archives with too many, unexpected, duplicated, encrypted or oversized entries (nothing read yet)."""
    if len(infos) > MAX_ENTRIES:
        raise ReviewFileError(f"{name} is refused: it holds {len(infos)} entries; a review file holds at most "
                              f"{MAX_ENTRIES}.")
    names = [info.filename for info in infos]
    for entry in names:
        if entry not in ENTRY_NAMES:
            raise ReviewFileError(f"{name} is refused: it contains an unexpected entry '{entry[:80]}' (a review "
                                  f"file holds only {', '.join(ENTRY_NAMES)}).")
    if SIGNATURE not in names and all(entry in names for entry in ENTRY_NAMES if entry != SIGNATURE):
        raise ReviewFileError(f"{name} is not signed, so nobody can tell who wrote it (it was written by an older "
                              "version of IDMF Desktop, or changed since). Ask the sender to export it again.")
    for entry in ENTRY_NAMES:
        if names.count(entry) != 1:
            problem = "is missing" if entry not in names else "appears more than once in"
            raise ReviewFileError(f"{name} is refused: {entry} {problem} the file.")
    if any(info.flag_bits & 0x1 for info in infos):
        raise ReviewFileError(f"{name} is refused: it is password-protected.")
    if any(info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) for info in infos):
        raise ReviewFileError(f"{name} is refused: it uses a compression method review files never use.")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ReviewFileError(f"{name} is refused: it would expand to {_mb(total)}; review files are at most "
                              f"{_mb(MAX_UNCOMPRESSED_BYTES)}.")


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    """Read one entry, stopped as soon as it passes its declared size, the size limit or a plausible ratio."""
    try:
        return read_zip_part(archive, info, min(info.file_size, MAX_UNCOMPRESSED_BYTES), MAX_ZIP_RATIO, RATIO_FLOOR)
    except ZipPartTooLarge as exc:
        raise ReviewFileError(f"{name} is refused: {exc.reason}; review files are at most "
                              f"{_mb(MAX_UNCOMPRESSED_BYTES)}, compressed at most {MAX_ZIP_RATIO}:1.") from None


def _read_entries(path: Path) -> dict[str, bytes]:
    name = path.name
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ReviewFileError(f"The file {path} was not found.") from None
    if size > MAX_FILE_BYTES:
        raise ReviewFileError(f"{name} is refused: it is {_mb(size)}; review files are at most "
                              f"{_mb(MAX_FILE_BYTES)}.")
    if not zipfile.is_zipfile(path):
        raise ReviewFileError(f"{name} is not an IDMF review file (it is not a zip archive).")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_entries(name, infos)
            return {info.filename: _read_capped(archive, info, name) for info in infos}
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise ReviewFileError(f"{name} is damaged and cannot be read ({exc}).") from None


def _json(name: str, entry: str, data: bytes) -> Any:
    try:
        return parse_json(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ReviewFileError(f"{name} is refused: {entry} is not valid JSON ({exc}).") from None
    except InterchangeError as exc:
        raise ReviewFileError(f"{name} is refused: {entry}: {first_line(exc)}") from None


def _manifest(name: str, raw: Any) -> Manifest:
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ReviewFileError(f"{name} is not an IDMF review file (its manifest's format is not '{FORMAT}').")
    if raw.get("format_version") == 1:
        raise ReviewFileError(f"{name} was written by an older version of IDMF Desktop, before review files were "
                              "signed, so nobody can tell who wrote it. Ask the sender to export it again.")
    if raw.get("format_version") != FORMAT_VERSION:
        raise ReviewFileError(f"{name} was written by a newer version of IDMF Desktop (review file format "
                              f"{raw.get('format_version')!r}). Install the latest version of the app.")
    try:
        return Manifest.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ReviewFileError(f"{name} is refused: its manifest is not valid ({where}: {first['msg']}).") from None


def _check_hash(name: str, entry: str, data: bytes, expected: str) -> None:
    if sha256(data) != expected:
        raise ReviewFileError(f"{name} is refused: {entry} does not match the SHA-256 recorded in its manifest, so "
                              "it was changed after the file was written. Ask the sender for a fresh file.")


def _comments(name: str, data: bytes) -> _CommentsFile:
    try:
        return _CommentsFile.model_validate(_json(name, COMMENTS, data))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ReviewFileError(f"{name} is refused: its comments are not valid ({where}: {first['msg']}).") from None


def _check_same_assessment(name: str, manifest: Manifest, document: Any) -> None:
    meta = document.get("assessment") if isinstance(document, dict) else None
    if not isinstance(meta, dict) or (meta.get("uid"), meta.get("version_number")) != \
            (manifest.assessment_uid, manifest.version_number):
        raise ReviewFileError(f"{name} is refused: its manifest and its content are about different assessments.")


def read_review_file(path: Path) -> ReviewFile:
    """Open and check a review file; raise ReviewFileError with the exact reason when it is refused."""
    path = Path(path)
    entries = _read_entries(path)
    manifest_data = _json(path.name, MANIFEST, entries[MANIFEST])
    manifest = _manifest(path.name, manifest_data)
    _check_hash(path.name, CONTENT, entries[CONTENT], manifest.content_sha256)
    _check_hash(path.name, COMMENTS, entries[COMMENTS], manifest.comments_sha256)
    document = _json(path.name, CONTENT, entries[CONTENT])
    _check_same_assessment(path.name, manifest, document)
    comments = _comments(path.name, entries[COMMENTS])
    try:
        signature = entries[SIGNATURE].decode("utf-8")
    except UnicodeDecodeError:
        raise ReviewFileError(f"{path.name} is refused: its signature is damaged.") from None
    return ReviewFile(manifest, entries[CONTENT].decode("utf-8"), document, comments.comments, comments.verdict,
                      sha256(entries[MANIFEST]), manifest_data, signature)
