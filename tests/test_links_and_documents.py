"""Links and attached documents through the services and storage: undo-able changes, locks, JSON round trips,
and assessments from before links (the old example export) importing unchanged, fingerprint and all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from idmf.domain.documents import MAX_DOCUMENT_BYTES, DocumentError
from idmf.errors import LockedError
from idmf.interchange import jsonio
from idmf.interchange.jsonio import InterchangeError
from idmf.interchange.content import content_sha256

BEFORE_LINKS = Path(__file__).parent / "review" / "fixtures" / "day-case-unit-before-links.json"


def test_an_export_from_before_links_imports_and_keeps_its_fingerprint(context):
    text = BEFORE_LINKS.read_text(encoding="utf-8")
    item = context.assessments.import_json(text)
    again = context.assessments.get(item.id)
    assert content_sha256(jsonio.to_document(again)) == content_sha256(json.loads(text))
    assert again.impact("pc_age").mitigated_by == [] and again.documents == []
    assert "Mitigated by local pre-assessment" in again.impact("pc_age").narrative  # narrative untouched


def test_link_unlink_and_row_ids_given_to_old_rows(context):
    item = context.assessments.import_json(BEFORE_LINKS.read_text(encoding="utf-8").replace('"approved"', '"draft"'))
    context.evidence.link(item, "pc_age", None, "mitigation", "2")  # rows made before ids: given ids now
    row = context.assessments.get(item.id).answers["action_plan"][1]
    assert context.assessments.get(item.id).impact("pc_age").mitigated_by == [row["row_id"]]
    context.evidence.unlink(item, "pc_age", None, "mitigation", row["row_id"])
    assert context.assessments.get(item.id).impact("pc_age").mitigated_by == []


def test_documents_round_trip_and_refuse_forgery(context):
    item = context.assessments.create("Docs")
    document = context.evidence.attach(item, "Survey results.csv", b"question,answer\n")
    context.evidence.link(item, "pc_race", None, "document", document.id)
    text = context.assessments.export_json(item.id)
    back = jsonio.loads(text, context.forms)
    assert back.documents == context.assessments.get(item.id).documents
    forged = json.loads(text)
    forged["documents"][0]["content"] = "ZXZpbA=="  # other bytes, same recorded SHA-256
    with pytest.raises(InterchangeError, match="may have been changed"):
        jsonio.from_document(forged, context.forms)


def test_a_document_too_big_or_empty_is_refused_in_words(context, tmp_path):
    item = context.assessments.create("Docs")
    big = tmp_path / "scan.pdf"
    big.write_bytes(b"x" * (MAX_DOCUMENT_BYTES + 1))
    with pytest.raises(DocumentError, match="at most 5.0 MB"):
        context.evidence.attach_file(item, big)
    with pytest.raises(DocumentError, match="is empty"):
        context.evidence.attach(item, "empty.txt", b"")
    assert context.assessments.get(item.id).documents == []


def test_the_database_refuses_documents_on_a_locked_version(context):
    item = context.assessments.create("Locked")
    context.evidence.attach(item, "a.txt", b"a")
    context.store.assessments.update_meta(item.id, context.assessments.get(item.id).row_version, locked=True)
    with pytest.raises(LockedError):
        context.evidence.attach(item, "b.txt", b"b")
    with pytest.raises(Exception, match="signed off and locked"):  # the trigger, past the repository's check
        with context.store.database.engine.begin() as conn:
            conn.exec_driver_sql(f"DELETE FROM assessment_document WHERE assessment_id = {item.id}")


def test_the_reason_no_mitigation_is_possible_is_one_change_with_a_notice(context):
    item = context.assessments.create("Reason")
    context.assessments.set_answer(item, "pc_age", {"negative": True, "narrative": "Closes.", "mitigated_by": []})
    heard = []
    context.changes.subscribe(heard.append)
    context.evidence.set_no_mitigation(item, "pc_age", None, "No other site exists.")
    again = context.assessments.get(item.id).impact("pc_age")
    assert (again.no_mitigation, again.narrative, again.negative) == ("No other site exists.", "Closes.", True)
    assert [c.answers for c in heard] == [frozenset({"pc_age"})]
    context.evidence.set_no_mitigation(item, "pc_age", None, "   ")  # blank takes it away
    assert context.assessments.get(item.id).impact("pc_age").no_mitigation == ""


def test_undo_puts_back_a_link_to_an_action_deleted_since(context):
    item = context.assessments.create("Restore")
    context.assessments.set_answer(item, "action_plan", [{"row_id": "a-1", "action": "Bus"}])
    context.evidence.link(item, "pc_age", None, "mitigation", "a-1")
    context.assessments.set_answer(item, "action_plan", [])
    context.evidence.unlink(item, "pc_age", None, "mitigation", "a-1")
    with pytest.raises(Exception, match="no longer in the table"):  # a new link needs the row
        context.evidence.link(item, "pc_age", None, "mitigation", "a-1")
    context.evidence.link(item, "pc_age", None, "mitigation", "a-1", restore=True)  # undo: exactly as it was
    assert context.assessments.get(item.id).impact("pc_age").mitigated_by == ["a-1"]


def test_the_same_file_is_not_attached_twice(context):
    item = context.assessments.create("Twice")
    context.evidence.attach(item, "Survey.csv", b"a,b\n")
    with pytest.raises(DocumentError, match="already attached as “Survey.csv”"):
        context.evidence.attach(item, "Survey (1).csv", b"a,b\n")
    assert len(context.assessments.get(item.id).documents) == 1


def test_the_most_documents_an_assessment_may_carry_travel_in_its_json_and_word_files(context, tmp_path):
    """20 MB of attached files (incompressible, as a PDF is) fit within the import limits of both exports."""
    import os

    from idmf.domain.documents import MAX_TOTAL_BYTES

    item = context.assessments.create("Four surveys")
    for n in range(MAX_TOTAL_BYTES // MAX_DOCUMENT_BYTES):
        context.evidence.attach(context.assessments.get(item.id), f"survey-{n}.pdf", os.urandom(MAX_DOCUMENT_BYTES))
    stored = context.assessments.get(item.id).documents
    assert sum(d.size for d in stored) == MAX_TOTAL_BYTES
    for fmt in ("json", "docx"):
        path = context.documents.export(item.id, fmt, tmp_path / f"surveys.{fmt}")
        copy = context.documents.import_file(path, as_copy=True)
        assert [(d.name, d.sha256) for d in context.assessments.get(copy.id).documents] == \
            [(d.name, d.sha256) for d in stored]
