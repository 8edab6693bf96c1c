"""Versioned JSON interchange: an assessment to a JSON document and back with nothing lost."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from pydantic import ValidationError

from idmf.domain.answers import AnswerError, parse_answer, to_json
from idmf.domain.assessment import Assessment, Status
from idmf.domain.documents import AttachedDocument
from idmf.domain.evidence import CensusTable
from idmf.domain.limits import MAX_JSON_DEPTH, MAX_VERSION, UID_PATTERN, too_long
from idmf.errors import IdmfError
from idmf.forms.loader import FormRegistry, UnknownFormError

FORMAT = "idmf-assessment"
FORMAT_VERSION = 1


class InterchangeError(IdmfError, ValueError):
    """A file that cannot be imported; the message says why in plain English."""


def to_document(assessment: Assessment) -> dict[str, Any]:
    """The assessment as a JSON-ready document (no local database id)."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "form": {"id": assessment.form_id, "version": assessment.form_version},
        "assessment": {
            "uid": assessment.uid,
            "version_number": assessment.version_number,
            "status": assessment.status.value,
            "archived": assessment.archived,
            "created_at": assessment.created_at.isoformat(),
            "updated_at": assessment.updated_at.isoformat(),
            "review_date": assessment.review_date.isoformat() if assessment.review_date else None,
        },
        "answers": {qid: to_json(value) for qid, value in assessment.answers.items()},
        "census_tables": [table.model_dump(mode="json") for table in assessment.census_tables],
        # Only when there are any, so documents exported (and fingerprints signed) before attachments read the same.
        **({"documents": [d.model_dump(mode="json") for d in assessment.documents]} if assessment.documents else {}),
    }


def dumps(assessment: Assessment) -> str:
    """Serialise to JSON text (stable key order, Unicode kept as is)."""
    return json.dumps(to_document(assessment), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _require(mapping: Any, key: str, where: str) -> Any:
    if not isinstance(mapping, dict) or key not in mapping:
        raise InterchangeError(f"The file is missing '{key}' in {where}; it is not an IDMF assessment export.")
    return mapping[key]


def _uid(meta: Any) -> str:
    uid = _require(meta, "uid", "'assessment'")
    if not isinstance(uid, str) or re.fullmatch(UID_PATTERN, uid) is None:
        raise InterchangeError("The file's assessment id ('uid') is not valid: it must be up to 32 letters a–f "
                               "and digits, as IDMF Desktop writes it. The file was changed by hand or is not an "
                               "IDMF export.")
    return uid


def _version(meta: dict[str, Any]) -> int:
    number = meta.get("version_number", 1)
    if type(number) is not int or not 1 <= number <= MAX_VERSION:
        raise InterchangeError(f"The file's version number ({str(number)[:20]}) is not valid: it must be a whole "
                               f"number from 1 to {MAX_VERSION:,}.")
    return number


def _meta(doc: dict[str, Any]) -> dict[str, Any]:
    meta = _require(doc, "assessment", "the document")
    checked = {"uid": _uid(meta), "version_number": _version(meta)}
    try:
        return checked | {
            "status": Status(meta.get("status", "draft")),
            "archived": bool(meta.get("archived", False)),
            "created_at": dt.datetime.fromisoformat(_require(meta, "created_at", "'assessment'")),
            "updated_at": dt.datetime.fromisoformat(_require(meta, "updated_at", "'assessment'")),
            "review_date": dt.date.fromisoformat(meta["review_date"]) if meta.get("review_date") else None,
        }
    except (ValueError, TypeError) as exc:
        raise InterchangeError(f"The file's assessment details are not valid: {exc}.") from None


def from_document(doc: Any, forms: FormRegistry) -> Assessment:
    """Rebuild an assessment from a document, checking every answer against its form version."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise InterchangeError("This file is not an IDMF assessment export (its 'format' is not 'idmf-assessment').")
    if doc.get("format_version") != FORMAT_VERSION:
        raise InterchangeError(
            f"This file uses export format version {doc.get('format_version')!r}; this version of IDMF Desktop "
            f"reads version {FORMAT_VERSION}. Install the latest version of the app.")
    form_ref = _require(doc, "form", "the document")
    try:
        form = forms.get(str(_require(form_ref, "id", "'form'")), str(_require(form_ref, "version", "'form'")))
    except UnknownFormError as exc:
        raise InterchangeError(str(exc).replace("This assessment", "This file")) from None
    answers = _require(doc, "answers", "the document")
    if not isinstance(answers, dict):
        raise InterchangeError("The file's 'answers' must be a set of question ids and answers.")
    known = {q.id: q for q in form.questions()}
    unknown = sorted(set(answers) - set(known))
    if unknown:
        raise InterchangeError(f"The file answers questions that form {form.key} does not have: {', '.join(unknown)}.")
    item = Assessment(form_id=form.id, form_version=form.version, **_meta(doc))
    try:
        item.census_tables = [CensusTable.model_validate(t) for t in doc.get("census_tables") or []]
    except ValidationError as exc:
        raise InterchangeError(f"The file's census tables are not valid: {exc.errors()[0]['msg']}.") from None
    item.documents = _documents(doc.get("documents"))
    for qid, raw in answers.items():
        problem = too_long(qid, raw)
        if problem:
            raise InterchangeError(f"The file is refused: {problem}.")
        try:
            value = parse_answer(known[qid], raw)
        except (AnswerError, ValidationError) as exc:
            raise InterchangeError(f"The file's {exc}.") from None
        if value is not None:
            item.answers[qid] = value
    return item


def _documents(raw: Any) -> list[AttachedDocument]:
    """The attached documents of a file, each checked against its size and SHA-256."""
    if raw is None:
        return []
    try:
        documents = [AttachedDocument.model_validate(d) for d in raw]
    except (ValidationError, TypeError) as exc:
        reason = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else "they are not a list"
        raise InterchangeError(f"The file's attached documents are not valid ({reason}); the file may have been "
                               "changed since it was exported.") from None
    if len({d.id for d in documents}) != len(documents):
        raise InterchangeError("The file lists the same attached document twice; it may have been changed.")
    return documents


def _refuse_constant(name: str) -> Any:
    raise InterchangeError(f"The file holds '{name}' where a number should be; IDMF exports never do. It was "
                           "changed by hand or written by another program.")


def _depth(value: Any) -> int:
    """How deeply lists and objects nest inside `value` (without recursion, whatever the depth)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, level)
            if level > MAX_JSON_DEPTH:
                return level
            stack.extend((v, level + 1) for v in (item.values() if isinstance(item, dict) else item))
    return deepest


def parse_json(text: str | bytes) -> Any:
    """Parse untrusted JSON: no NaN or Infinity, whole numbers of sensible length, at most MAX_JSON_DEPTH levels."""
    too_deep = InterchangeError(f"The file is refused: its data is nested more than {MAX_JSON_DEPTH} levels deep; "
                                "IDMF exports never are.")
    try:
        doc = json.loads(text, parse_constant=_refuse_constant)
    except InterchangeError:
        raise
    except json.JSONDecodeError as exc:
        raise InterchangeError(
            f"The file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).") from None
    except RecursionError:
        raise too_deep from None
    except ValueError:  # a whole number thousands of digits long
        raise InterchangeError("The file holds a number far too long to be real; it is not an IDMF export.") from None
    if _depth(doc) > MAX_JSON_DEPTH:
        raise too_deep
    return doc


def loads(text: str, forms: FormRegistry) -> Assessment:
    """Parse JSON text into an assessment."""
    return from_document(parse_json(text), forms)
