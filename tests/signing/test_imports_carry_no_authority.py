"""A file never carries authority: whatever status a JSON or Word file states, the import is a Draft with no
review date and no history; the app says what the file claimed ("claims: Approved — not verified")."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from idmf.cli.main import main
from idmf.domain.assessment import Status
from idmf.interchange import jsonio
from tests.review.helpers import ready_answers, store
from tests.signing.conftest import alter

pytestmark = pytest.mark.usefixtures("message_boxes_through_statics")  # GUI cases answer QMessageBox statics


@pytest.fixture
def claiming(context, form, tmp_path):
    """A JSON export edited to say it is approved, with a review date (the issue's attack)."""
    def make(status: str):
        item = store(context, form, ready_answers(form))
        document = jsonio.to_document(item)
        document["assessment"].update(status=status, review_date="2027-01-01", uid="f" * 32)
        path = tmp_path / f"{status}.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        return path
    return make


@pytest.mark.parametrize("status", ["approved", "ready_for_committee", "in_review"])
def test_a_status_in_a_json_file_becomes_draft(context, people, claiming, status, tmp_path):
    path = claiming(status)
    claim = context.documents.claim(path)
    label = Status(status).label
    assert claim == (f"The file says this assessment is “{label}”. An import never carries a status, so it is a "
                     f"Draft here (claims: {label} — not verified).")
    item = context.documents.import_file(path)
    assert (item.status, item.review_date, context.review.is_locked(item.id)) == (Status.DRAFT, None, False)
    assert context.review.history(item.id) == [] and context.review.verify_audit(item.id).ok
    assert context.review.signoff_for(item.id) is None
    assert context.review.verify_stored(item.id).outcome.exit_code == 1
    with pytest.raises(Exception, match="not possible now"):  # ready_for_committee in a file skips nothing
        context.review.transition(item.id, "approve", "Committee Person", role="committee")


def test_the_word_export_of_an_imported_approved_file_is_marked_draft(context, claiming, tmp_path):
    item = context.documents.import_file(claiming("approved"))
    out = context.documents.export(item.id, "docx", tmp_path / "imported.docx")
    from docx import Document

    document = Document(str(out))
    assert "DRAFT" in document.sections[0].header.paragraphs[0].text
    assert any("DRAFT – NOT APPROVED" in p.text for p in document.paragraphs)


def test_a_signed_word_file_imports_as_a_draft_and_says_whether_its_claim_verifies(context, signed, signed_docx,
                                                                                    tmp_path):
    claim = context.documents.claim(signed_docx)
    assert claim.endswith("(claims: Approved — verified, signed off by Committee Person).")
    copy = context.documents.import_file(signed_docx, as_copy=True)
    assert copy.status == Status.DRAFT and not context.review.is_locked(copy.id)
    edited = alter(signed_docx, tmp_path / "edited.docx", "word/document.xml",
                   lambda d: d.replace(b"Proposal not to proceed", b"Proposal to proceed"))
    assert context.documents.claim(edited).endswith("(claims: Approved — not verified).")


def test_the_cli_import_says_what_the_file_claimed(capsys, claiming):
    assert main(["import", str(claiming("approved"))]) == 0
    out, err = capsys.readouterr()
    assert out.strip().isdigit()  # scripts still read the new id alone on standard output
    assert "claims: Approved — not verified" in err


def test_the_app_says_what_the_file_claimed(qtbot, context, claiming, monkeypatch):
    from idmf.ui.main_window import MainWindow

    told: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(claiming("approved")), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: told.append(text))
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.import_action.trigger()
    assert told and "(claims: Approved — not verified)" in told[0]
    assert window.editor is not None and window.editor.assessment.status == Status.DRAFT


def test_a_review_request_claiming_approval_is_a_copy_in_review(context, form, people, tmp_path):
    from tests.people import second_person

    item = store(context, form, ready_answers(form), Status.APPROVED)  # however the lead's database says so
    request = context.review_files.export_request(item.id, tmp_path / "request.idmf")
    reviewer, _card = second_person(tmp_path / "reviewer", "Esi EDI", "reviewer")
    try:
        copy_id = reviewer.review_files.import_file(request).assessment_id
        copy = reviewer.assessments.get(copy_id)
        assert (copy.status, copy.review_date) == (Status.IN_REVIEW, None)
        out = reviewer.documents.export(copy_id, "docx", tmp_path / "copy.docx")
        from docx import Document

        assert "DRAFT" in Document(str(out)).sections[0].header.paragraphs[0].text
    finally:
        reviewer.close()
