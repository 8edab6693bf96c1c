"""Links and attached documents: one method per user action, each one transaction and one change notice.

    link / unlink          an impact (a characteristic, or an added group by its 1-based row) to an action row
                           ("mitigation") or to evidence (a census table, an engagement finding, a document)
    set_no_mitigation      why no action can reduce an impact's negative effect
    attach / remove        a document kept with the assessment as evidence
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from idmf.domain.answers import GroupImpact, ImpactAnswer, to_json
from idmf.domain.assessment import Assessment
from idmf.domain.documents import MAX_DOCUMENT_BYTES, AttachedDocument, DocumentError, check_total, size_text
from idmf.domain.links import KINDS, row_id, with_row_ids
from idmf.domain.questions import ACTION_PLAN, ENGAGE_KEY_FINDINGS
from idmf.errors import NotFoundError
from idmf.services.assessments import AssessmentService
from idmf.services.changes import ChangeNotifier, Changes
from idmf.storage.store import Store

MITIGATION = "mitigation"  # the link kind for "mitigated by" an action-plan row
_ROWS_OF = {MITIGATION: ACTION_PLAN, "finding": ENGAGE_KEY_FINDINGS}


class EvidenceService:
    """Links between Step 4 and the rest of the assessment, and the documents attached to it."""

    def __init__(self, store: Store, assessments: AssessmentService, changes: ChangeNotifier) -> None:
        self.store = store
        self.assessments = assessments
        self.changes = changes

    # --- links ------------------------------------------------------------------------------------------------
    def link(self, item: Assessment, question_id: str, row: int | None, kind: str, target: str,
             restore: bool = False) -> Assessment:
        """Link an impact to an action row (kind 'mitigation', target: the row's id or 1-based number as text)
        or to evidence (kind census / finding / document, target: table code, finding row id, document id).

        `restore` puts back a link exactly as it was (undo), even one to a row deleted since.
        """
        return self._change_link(item, question_id, row, kind, target, add=True, restore=restore)

    def unlink(self, item: Assessment, question_id: str, row: int | None, kind: str, target: str) -> Assessment:
        """Remove one link (nothing happens when it is not there)."""
        return self._change_link(item, question_id, row, kind, target, add=False)

    def _change_link(self, item: Assessment, question_id: str, row: int | None, kind: str, target: str,
                     add: bool, restore: bool = False) -> Assessment:
        if kind not in (MITIGATION, *KINDS):
            raise ValueError(f"unknown link kind {kind!r}")
        form = self.store.form_for(item)
        changed = {question_id}
        with self.store.transaction() as conn:
            if kind in _ROWS_OF and add and not restore:
                target, ids_given = self._row_target(item, kind, target, conn)
                changed |= ids_given
            impact = _impact_of(item, question_id, row)
            field = "mitigated_by" if kind == MITIGATION else "evidence"
            value = target if kind == MITIGATION else f"{kind}:{target}"
            links = [v for v in getattr(impact, field) if v != value] + ([value] if add else [])
            new = impact.model_copy(update={field: links})
            self.store.assessments.store_answer(item, form, question_id, _with_impact(item, question_id, row, new),
                                                conn=conn)
        self.changes.publish(Changes(item.id, answers=frozenset(changed)))
        return item

    def set_no_mitigation(self, item: Assessment, question_id: str, row: int | None, reason: str) -> Assessment:
        """Say why no action can reduce an impact's negative effect ('' or blank takes the reason away)."""
        form = self.store.form_for(item)
        reason = reason if reason.strip() else ""
        with self.store.transaction() as conn:
            new = _impact_of(item, question_id, row).model_copy(update={"no_mitigation": reason})
            self.store.assessments.store_answer(item, form, question_id, _with_impact(item, question_id, row, new),
                                                conn=conn)
        self.changes.publish(Changes(item.id, answers=frozenset({question_id})))
        return item

    def _row_target(self, item: Assessment, kind: str, target: str, conn: Any) -> tuple[str, set[str]]:
        """The stable id of the linked row; rows made before rows had ids are given them first."""
        qid = _ROWS_OF[kind]
        rows = list(item.answers.get(qid) or [])
        if any(row_id(r) == target for r in rows):
            return target, set()
        if target.isdigit() and 1 <= int(target) <= len(rows):
            if row_id(rows[int(target) - 1]) is None:
                rows = with_row_ids(rows)
                self.store.assessments.store_answer(item, self.store.form_for(item), qid, rows, conn=conn)
                return row_id(item.answers[qid][int(target) - 1]) or "", {qid}
            return row_id(rows[int(target) - 1]) or "", set()
        raise NotFoundError("That row is no longer in the table; it may have been deleted.")

    # --- documents --------------------------------------------------------------------------------------------
    def attach(self, item: Assessment, name: str, data: bytes, document_id: str | None = None) -> AttachedDocument:
        """Keep a document with the assessment (DocumentError when it is empty or too big)."""
        document = AttachedDocument.from_bytes(name, data, document_id)
        check_total(item.documents, document)
        if item.document(document.id) is not None:
            raise DocumentError(f"“{document.name}” is already attached.")
        if same := next((d for d in item.documents if d.sha256 == document.sha256), None):
            raise DocumentError(f"“{document.name}” is already attached as “{same.name}” (the same file, "
                                "byte for byte), so it was not added twice.")
        self.store.documents.attach(item.id, document)
        item.documents = [*item.documents, document]
        self.changes.publish(Changes(item.id, documents=True))
        return document

    def attach_file(self, item: Assessment, path: Path) -> AttachedDocument:
        """Attach a file from disk, refusing one that is too big before reading it."""
        path = Path(path)
        try:
            size = path.stat().st_size
            if size > MAX_DOCUMENT_BYTES:
                raise DocumentError(f"“{path.name}” is {size_text(size)}; a document can be at most "
                                    f"{size_text(MAX_DOCUMENT_BYTES)}. Attach a shorter version (a PDF of the key "
                                    "pages).")
            data = path.read_bytes()
        except OSError as exc:
            raise DocumentError(f"“{path.name}” could not be read ({exc.strerror or exc}). Check the file is not "
                                "open in another program, then try again.") from None
        return self.attach(item, path.name, data)

    def remove(self, item: Assessment, document_id: str) -> AttachedDocument:
        """Take a document away (links to it stay, shown as removed, so Undo brings everything back)."""
        document = item.document(document_id)
        if document is None:
            raise NotFoundError("That document is no longer attached to this assessment.")
        self.store.documents.remove(item.id, document_id)
        item.documents = [d for d in item.documents if d.id != document_id]
        self.changes.publish(Changes(item.id, documents=True))
        return document


def _impact_of(item: Assessment, question_id: str, row: int | None) -> ImpactAnswer:
    if row is None:
        return item.impact(question_id)
    groups = item.answers.get(question_id) or []
    if not 1 <= row <= len(groups) or not isinstance(groups[row - 1], GroupImpact):
        raise NotFoundError("That group is no longer in the list; it may have been removed.")
    return groups[row - 1].impact


def _with_impact(item: Assessment, question_id: str, row: int | None, impact: ImpactAnswer) -> Any:
    """The question's whole answer (JSON) with one impact replaced."""
    if row is None:
        return to_json(impact)
    groups = [to_json(g) for g in item.answers.get(question_id) or []]
    groups[row - 1] = {**groups[row - 1], "impact": to_json(impact)}
    return groups


__all__ = ["EvidenceService", "MITIGATION"]
