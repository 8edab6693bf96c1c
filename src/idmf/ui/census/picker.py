"""Choose an area by typing part of its name or code; suggestions come from the core's area search."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from idmf.census.errors import CensusError
from idmf.domain.census import Area
from idmf.services.census import CensusService

SUGGESTIONS = 15
PLACEHOLDER = "Type part of a name or a code, e.g. Hinckley, E07000132 or Leicester, Leicestershire and Rutland ICB"


def area_label(area: Area) -> str:
    """How a suggestion reads: 'Hinckley and Bosworth (E07000132) – Local authority'."""
    return f"{area.name} ({area.code}) – {area.kind_label}"


class AreaPicker(QWidget):
    """A line to type in, a suggestion list, and a Show button; emits the chosen Area."""

    sig_chosen = Signal(object)  # Area
    sig_problem = Signal(str)  # a plain-English reason no area was chosen

    def __init__(self, service: CensusService, parent=None) -> None:
        super().__init__(parent)
        self.service = service
        self._found: dict[str, Area] = {}
        self.line = QLineEdit()
        self.line.setPlaceholderText(PLACEHOLDER)
        self.line.setAccessibleName("Census area: type part of a name or a code")
        self.line.setClearButtonEnabled(True)
        self.suggestions = QStringListModel(self)
        self.completer = QCompleter(self.suggestions, self)
        # The core already matched the text (codes, "ICB" for "Integrated Care Board"): show its list as it is.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.popup().setAccessibleName("Matching areas")
        self.line.setCompleter(self.completer)
        self.show_button = QPushButton("Show profile")
        self.show_button.setAccessibleName("Show the census profile of this area")
        label = QLabel("&Area:")
        label.setBuddy(self.line)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.line, 1)
        row.addWidget(self.show_button)
        self.line.textEdited.connect(self._suggest)
        self.completer.activated.connect(self.choose)
        self.line.returnPressed.connect(self._enter)
        self.show_button.clicked.connect(lambda: self.choose(self.line.text()))

    def _suggest(self, text: str) -> None:
        areas = self.service.area_search(text, SUGGESTIONS) if len(text.strip()) >= 2 else []
        self._found = {area_label(a): a for a in areas}
        self.suggestions.setStringList(list(self._found))
        if areas:
            self.completer.complete()

    def _enter(self) -> None:
        if not self.completer.popup().isVisible():  # Enter in the list is handled by `activated`
            self.choose(self.line.text())

    def choose(self, text: str) -> None:
        """Pick the area a suggestion or typed text means; say why when it is none or several."""
        area = self._found.get(text)
        if area is None and not text.strip():
            self.sig_problem.emit("Type part of an area's name or its code first, for example Hinckley or E07000132.")
            return
        if area is None:
            try:
                area = self.service.resolve(text)
            except CensusError as exc:
                self.sig_problem.emit(str(exc))
                return
        self.set_area(area)
        self.sig_chosen.emit(area)

    def set_area(self, area: Area) -> None:
        """Show an area as chosen without asking for its profile (e.g. the one already in the evidence base)."""
        self.line.setText(area_label(area))
        self._found[area_label(area)] = area
        self.completer.popup().hide()
