"""The item models behind the link lists and the documents table, without a view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from idmf.domain.documents import AttachedDocument
from idmf.domain.link_text import LinkChoice
from idmf.ui.evidence.choices import LinkChoicesTableModel
from idmf.ui.evidence.documents import DocumentsTableModel

R = Qt.ItemDataRole
CHOICES = [LinkChoice("a-bus", "Action 1: Run a shuttle bus", True),
           LinkChoice("a-letters", "Action 2: Send easy-read letters", False),
           LinkChoice("Old evidence text", "Old evidence text", True, changeable=False)]


@pytest.fixture
def model(qtbot):
    model = LinkChoicesTableModel()
    model.set_choices(CHOICES)
    return model


def test_rows_show_names_ticks_and_screen_reader_text(model):
    first = model.index(0, LinkChoicesTableModel.COL_CHOICE)
    assert model.rowCount() == 3
    assert model.data(first) == "Action 1: Run a shuttle bus"
    assert model.data(first, R.CheckStateRole) == Qt.CheckState.Checked
    assert model.data(model.index(1), R.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.data(model.index(1), R.AccessibleTextRole) == "Action 2: Send easy-read letters: not linked"
    assert "older version" in model.data(model.index(2), R.AccessibleDescriptionRole)


def test_a_tick_asks_for_the_link_and_changes_nothing_until_it_is_stored(qtbot, model):
    with qtbot.waitSignal(model.sig_toggled) as signal:
        assert not model.setData(model.index(1), Qt.CheckState.Checked.value, R.CheckStateRole)
    assert signal.args == ["a-letters", True]
    assert model.data(model.index(1), R.CheckStateRole) == Qt.CheckState.Unchecked
    with qtbot.waitSignal(model.sig_toggled) as signal:
        model.setData(model.index(0), Qt.CheckState.Unchecked, R.CheckStateRole)
    assert signal.args == ["a-bus", False]
    with qtbot.assertNotEmitted(model.sig_toggled):
        model.setData(model.index(0), Qt.CheckState.Checked, R.CheckStateRole)  # already linked
        model.setData(model.index(2), Qt.CheckState.Unchecked, R.CheckStateRole)  # old text: kept as it is
        model.setData(model.index(1), "x", R.EditRole)


def test_read_only_rows_cannot_be_ticked(qtbot, model):
    assert model.flags(model.index(1)) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.flags(model.index(2)) & Qt.ItemFlag.ItemIsUserCheckable
    model.set_read_only(True)
    assert not model.flags(model.index(1)) & Qt.ItemFlag.ItemIsUserCheckable
    with qtbot.assertNotEmitted(model.sig_toggled):
        model.setData(model.index(1), Qt.CheckState.Checked, R.CheckStateRole)


def test_new_ticks_update_rows_in_place_and_new_choices_reset(qtbot, model):
    ticked = [CHOICES[0], CHOICES[1]._replace(linked=True), CHOICES[2]]
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged) as changed:
        model.set_choices(ticked)
    assert changed.args[0].row() == 1
    assert [c.target for c in model.linked()] == ["a-bus", "a-letters", "Old evidence text"]
    with qtbot.waitSignal(model.modelReset):
        model.set_choices(ticked[:2])


def test_the_documents_table_model(qtbot):
    survey = AttachedDocument.from_bytes("Survey.csv", b"a,b\n", "doc-1")
    minutes = AttachedDocument.from_bytes("Minutes.pdf", b"%PDF" * 700, "doc-2")
    model = DocumentsTableModel()
    model.set_documents([survey, minutes], {"document:doc-2": ["Age", "Carers"]})
    assert (model.rowCount(), model.columnCount()) == (2, 5)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "No.", "Document", "Size", "SHA-256", "Evidence for"]
    assert [model.text(1, c) for c in range(5)] == ["A2", "Minutes.pdf", "3 KB", minutes.sha256[:12] + "…",
                                                    "Age, Carers"]
    assert model.text(0, DocumentsTableModel.COL_USED_BY) == "Not linked yet"
    hash_cell = model.index(0, DocumentsTableModel.COL_SHA256)
    assert model.data(hash_cell, R.AccessibleTextRole) == f"SHA-256, document 1: {survey.sha256}"
    with qtbot.assertNotEmitted(model.modelReset):
        model.set_documents([survey, minutes], {"document:doc-2": ["Age", "Carers"]})  # nothing new
