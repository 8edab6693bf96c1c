"""Step 2's attached documents: the list (name, size, SHA-256, what links to it), attach, open, save a copy and
remove. Documents are stored whole in the assessment; attaching and removing are undo steps."""

from __future__ import annotations

import hashlib
import logging
import shutil
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QSizePolicy, QTableView, QVBoxLayout, QWidget)

from idmf.domain.documents import MAX_DOCUMENT_BYTES, MAX_TOTAL_BYTES, AttachedDocument, size_text
from idmf.domain.link_text import evidence_used_by
from idmf.domain.links import DOCUMENT, ref
from idmf.files import atomic_write
from idmf.ui.editor.fields.base import describe
from idmf.ui.editor.host import EditorHost
from idmf.ui.evidence.commands import AttachDocumentCommand, RemoveDocumentCommand
from idmf.ui.evidence.controller import EvidenceController

log = logging.getLogger(__name__)
Index = QModelIndex | QPersistentModelIndex
R = Qt.ItemDataRole
TITLE = "Documents attached as evidence"
INTRO = (f"Attach reports, survey results or minutes that back your judgements (up to {size_text(MAX_DOCUMENT_BYTES)} "
         f"each, {size_text(MAX_TOTAL_BYTES)} in all). Each is kept inside this assessment, listed in the Word "
         "document with its SHA-256 fingerprint, and can be ticked as evidence beside each rating in Step 4.")
NONE_YET = "No documents attached yet."
SHORT_HASH = 12  # characters of the SHA-256 shown; the whole of it is in the tooltip and the Word appendix
# Opened with the computer's own program: documents, spreadsheets, images. Anything else (a program, a script, a
# shortcut) could run code, so it can only be saved as a copy.
SAFE_TO_OPEN = {".pdf", ".doc", ".docx", ".odt", ".rtf", ".txt", ".csv", ".xls", ".xlsx", ".ods", ".ppt", ".pptx",
                ".odp", ".png", ".jpg", ".jpeg", ".gif"}
FILE_FILTER = ("Documents (*.pdf *.doc *.docx *.odt *.rtf *.txt *.csv *.xls *.xlsx *.ods *.ppt *.pptx *.odp *.png "
               "*.jpg *.jpeg *.gif);;All files (*)")


class DocumentsTableModel(QAbstractTableModel):
    """The attached documents, one row each: number, name, size, SHA-256 (short) and the groups it is evidence for."""

    COL_NUMBER, COL_NAME, COL_SIZE, COL_SHA256, COL_USED_BY = range(5)
    HEADERS = ("No.", "Document", "Size", "SHA-256", "Evidence for")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.documents: list[AttachedDocument] = []
        self.used_by: dict[str, list[str]] = {}

    def set_documents(self, documents: list[AttachedDocument], used_by: dict[str, list[str]]) -> None:
        """Show these documents; `used_by` maps an evidence reference to the groups that link it."""
        if documents == self.documents and used_by == self.used_by:
            return
        self.beginResetModel()
        self.documents, self.used_by = list(documents), dict(used_by)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.documents)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.HEADERS)

    def text(self, row: int, col: int) -> str:
        """A cell as shown."""
        document = self.documents[row]
        groups = self.used_by.get(ref(DOCUMENT, document.id), [])
        return (f"A{row + 1}", document.name, size_text(document.size), document.sha256[:SHORT_HASH] + "…",
                ", ".join(groups) or "Not linked yet")[col]

    def data(self, index: Index, role: int = R.DisplayRole) -> Any:
        """Cell text; the whole SHA-256 as the hash cell's tooltip; screen-reader text naming the column."""
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == R.DisplayRole:
            return self.text(row, col)
        if role == R.ToolTipRole:
            return self.documents[row].sha256 if col == self.COL_SHA256 else self.text(row, col)
        if role == R.AccessibleTextRole:
            value = self.documents[row].sha256 if col == self.COL_SHA256 else self.text(row, col)
            return f"{self.HEADERS[col]}, document {row + 1}: {value}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = R.DisplayRole) -> Any:  # noqa: N802
        if role == R.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None


def file_name(document: AttachedDocument) -> str:
    """The document's name as a file name ('.' and '..' are folders, not names)."""
    return document.name if document.name.strip(". ") else "document"


class OpenedCopies:
    """Read-only copies of documents the user opened, in one temporary folder removed with the panel."""

    def __init__(self) -> None:
        self.folder: Path | None = None

    def path_for(self, document: AttachedDocument) -> Path | None:
        """A copy of the stored bytes (checked against their SHA-256); None when it cannot be written."""
        if hashlib.sha256(document.content).hexdigest() != document.sha256:
            return None
        try:
            if self.folder is None:
                self.folder = Path(tempfile.mkdtemp(prefix="idmf-documents-"))
            path = self.folder / document.id / file_name(document)  # a folder each: two may share a name
            if not path.exists():
                path.parent.mkdir(exist_ok=True)
                path.write_bytes(document.content)
                path.chmod(0o444)
            return path
        except OSError:
            log.warning("Could not write a copy of a document to open it", exc_info=True)
            return None

    def clear(self, *_args: Any) -> None:
        """Remove the copies (a viewer may still hold one open: what cannot be removed is left to the system)."""
        if self.folder is not None:
            for path in self.folder.rglob("*"):
                if path.is_file():
                    path.chmod(0o644)
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


class DocumentsTableView(QTableView):
    """The documents table, as tall as its rows; rows grow when a narrower column wraps a long name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.horizontalHeader().sectionResized.connect(lambda *_: self.fit_rows())

    def fit_rows(self) -> None:
        """Fit every row to its wrapped text, and the table to its rows."""
        self.resizeRowsToContents()
        rows = sum(self.rowHeight(r) for r in range(self.model().rowCount())) if self.model() else 0
        self.setFixedHeight(self.horizontalHeader().sizeHint().height() + rows + 2 * self.frameWidth() + 2)


class DocumentsPanel(QGroupBox):
    """The attached documents in Step 2, with Attach a file…, Open, Save a copy… and Remove."""

    def __init__(self, host: EditorHost, controller: EvidenceController, parent: QWidget | None = None) -> None:
        super().__init__(TITLE, parent)
        self.host, self.controller = host, controller
        self.setObjectName("documents_panel")
        self.model = DocumentsTableModel(self)
        self.opened = OpenedCopies()
        self._build()
        controller.sig_failed.connect(lambda text, where: where is None and self._say(text))
        self.destroyed.connect(self.opened.clear)  # a plain object's method: safe while Qt destroys the panel

    def _build(self) -> None:
        intro, self.empty = QLabel(INTRO), QLabel(NONE_YET)
        intro.setWordWrap(True)
        self.view = DocumentsTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setAccessibleName("Row numbers")
        self.view.horizontalHeader().setAccessibleName("Column headings")
        header = self.view.horizontalHeader()
        for col in range(len(DocumentsTableModel.HEADERS)):
            stretch = col in (DocumentsTableModel.COL_NAME, DocumentsTableModel.COL_USED_BY)
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch if stretch
                                        else QHeaderView.ResizeMode.ResizeToContents)
        describe(self.view, "Attached documents", "Arrow keys choose a document for Open, Save a copy or Remove.")
        self.attach_button = self._button("Attach a file…", "Attach a document from this computer", self.choose_file)
        self.open_button = self._button("Open", "Open the chosen document", self.open_current)
        self.save_button = self._button("Save a copy…", "Save a copy of the chosen document", self.save_copy)
        self.remove_button = self._button("Remove", "Remove the chosen document (Undo brings it back)",
                                          self.remove_current)
        self.message = QLabel()
        self.message.setObjectName("warning")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Document message")
        self.message.hide()
        self._lay_out(intro)

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text)
        describe(button, name)
        button.clicked.connect(slot)
        return button

    def _lay_out(self, intro: QLabel) -> None:
        layout = QVBoxLayout(self)
        for widget in (intro, self.empty, self.view):
            layout.addWidget(widget)
        buttons = QHBoxLayout()
        for button in (self.attach_button, self.open_button, self.save_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    # --- showing what is stored ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the stored documents (after every stored change, undo and redo)."""
        item = self.host.assessment
        self.model.set_documents(item.documents, evidence_used_by(item, self.host.form))
        has = bool(item.documents)
        self.empty.setVisible(not has)
        for widget in (self.view, self.open_button, self.save_button, self.remove_button):
            widget.setVisible(has)
        self.attach_button.setEnabled(not self.host.read_only)
        self.remove_button.setEnabled(not self.host.read_only)
        if has and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0, 0))  # the buttons always have a document to act on
        self.view.fit_rows()

    def current(self) -> AttachedDocument | None:
        """The document of the current row (None when there are none)."""
        row = self.view.currentIndex().row()
        return self.model.documents[row] if 0 <= row < len(self.model.documents) else None

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- the user's actions --------------------------------------------------------------------------------
    def choose_file(self) -> None:
        """Ask for a file and attach it (refused in words when too big, empty or already attached)."""
        path, _filter = QFileDialog.getOpenFileName(self, "Attach a document", str(Path.home()), FILE_FILTER)
        if path:
            self.attach(Path(path))

    def attach(self, path: Path) -> None:
        """Attach one file as an undo step."""
        self._say("")
        if not self.host.read_only and self.controller.prepare():
            self.host.undo_stack.push(AttachDocumentCommand(self.controller, path))

    def remove_current(self) -> None:
        """Remove the chosen document as an undo step (links to it show as removed until Undo)."""
        document = self.current()
        if document is None or self.host.read_only:
            return
        self._say("")
        if self.controller.prepare():
            self.host.undo_stack.push(RemoveDocumentCommand(self.controller, document))
            if self.model.used_by.get(ref(DOCUMENT, document.id)):
                self._say(f"Removed “{document.name}”. Ratings that linked it now say it was removed; Undo "
                          "(Ctrl+Z) brings it back with its links.")

    def save_copy(self) -> None:
        """Write the chosen document to a file the user picks."""
        document = self.current()
        if document is None:
            return
        path, _filter = QFileDialog.getSaveFileName(self, "Save a copy of the document",
                                                    str(Path.home() / file_name(document)))
        if not path:
            return
        try:
            atomic_write(Path(path), lambda temp: temp.write_bytes(document.content))
        except OSError as exc:
            self._say(f"The copy could not be saved ({exc.strerror or exc}). Choose another folder and try again.")
            return
        self._say(f"Saved a copy of “{document.name}” to {path}.")

    def open_current(self) -> None:
        """Open the chosen document with the computer's own program, from a read-only copy."""
        document = self.current()
        if document is None:
            return
        if Path(document.name).suffix.lower() not in SAFE_TO_OPEN:
            self._say(f"For safety, “{document.name}” is not opened from here: files of this type can run "
                      "programs. Use Save a copy…, then check it before opening it.")
            return
        path = self.opened.path_for(document)
        if path is None or not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self._say(f"“{document.name}” could not be opened on this computer. Use Save a copy… and open it from "
                      "there.")
            return
        self._say(f"Opened a copy of “{document.name}”. Changes made to it are not kept in this assessment: to "
                  "replace it, attach the new version and remove this one.")
