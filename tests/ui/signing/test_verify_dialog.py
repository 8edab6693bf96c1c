"""Review → Verify a signed-off Word file…: the same three outcomes as `idmf-cli verify`, in words with a
symbol; from "Signed by someone you do not trust yet" the signer can be trusted after comparing fingerprints."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

from idmf.signing.verification import Outcome
from idmf.ui.signing import dialogs
from idmf.ui.signing.verify import VerifyResultDialog, verify_word_file
from tests.people import second_person
from tests.signing.conftest import alter


@pytest.fixture
def signed_docx(context, people, tmp_path):
    from tests.people import sign_off_example

    return context.documents.export(sign_off_example(context).id, "docx", tmp_path / "signed.docx")


@pytest.fixture
def window(qtbot, context):
    from idmf.ui.main_window import MainWindow

    main = MainWindow(context)
    qtbot.addWidget(main)
    return main


def _verify(window, monkeypatch, path) -> VerifyResultDialog:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.verify_action.trigger()
    return window.verify_dialog


def test_a_signed_document_shows_verified(qtbot, window, monkeypatch, signed_docx, people):
    dialog = _verify(window, monkeypatch, signed_docx)
    assert dialog.result.outcome == Outcome.VERIFIED
    banner = dialog.banner.label
    assert banner.text() == "✔  Verified" and banner.accessibleName() == "Outcome: Verified"
    assert dialog.message.text().startswith("Verified: version 2 of “Proposal not to proceed with the planned "
                                            "day-case unit at Hinckley Community Health Hub” was signed off for ICB "
                                            "Board on 13/01/2026")
    assert dialog.trust_button is None


def test_an_edited_document_shows_not_verified(qtbot, window, monkeypatch, signed_docx, tmp_path):
    edited = alter(signed_docx, tmp_path / "edited.docx", "word/document.xml",
                   lambda d: d.replace(b"Proposal not to proceed", b"Proposal to proceed"))
    dialog = _verify(window, monkeypatch, edited)
    assert dialog.banner.label.text() == "✘  Not verified"
    assert dialog.message.text() == ("Not verified: the text of edited.docx was changed after it was signed off. Ask "
                                     "the committee secretary for the document as it was issued.")


def test_an_unknown_signer_can_be_trusted_from_the_result(qtbot, context, signed_docx, tmp_path, monkeypatch):
    other, _card = second_person(tmp_path / "colleague", "Ola Colleague", "lead")  # knows nobody yet
    try:
        result = other.review.verify_docx(signed_docx)
        dialog = VerifyResultDialog(other, signed_docx, result)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.banner.label.text() == "?  Signed by someone you do not trust yet"
        monkeypatch.setattr(dialogs, "ask_compare", lambda _p, _mine, _theirs: "committee")
        dialog.trust_button.click()
        assert dialog.result.outcome == Outcome.VERIFIED
        assert dialog.banner.label.text() == "✔  Verified"
    finally:
        other.close()


def test_cancelling_the_file_dialog_does_nothing(window, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    assert verify_word_file(window) is None
