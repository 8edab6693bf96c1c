"""Step 2's census panel: pick an area, see its profile against England, keep chosen tables as evidence.

`attach(host)` is the editor panel factory (listed in idmf.ui.panels); it also adds Step 4's notes.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from idmf.census.errors import CensusError
from idmf.census.nomis_settings import NomisSettings
from idmf.census.profile import Profile
from idmf.domain.census import Area
from idmf.domain.evidence import CensusTable
from idmf.ui import messages
from idmf.ui.announce import set_status
from idmf.ui.census.attached import AttachedList, AttachTablesCommand, merged
from idmf.ui.census.picker import AreaPicker
from idmf.ui.census.profile_view import ProfileView
from idmf.ui.census.source import EMPTY_TEXT, DataSource
from idmf.ui.editor.host import EditorHost

SECTION_ID = "evidence"
TITLE = "Census 2021 profile of your area"
INTRO = ("Choose the area your proposal serves to see its population by protected characteristic, compared with "
         "England. Tick the tables you want and add them to the evidence base: they are kept with this "
         "assessment and go into the Word document.")
NOTHING_TICKED = "Tick at least one table to add it to the evidence base."


def _label(text: str, name: str, object_name: str = "intro") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName(object_name)
    label.setAccessibleName(name)
    return label


class CensusPanel(QGroupBox):
    """The census profile of the assessment's area, inside Step 2."""

    sig_profile = Signal(object)  # the Profile on show (None when none)

    def __init__(self, editor: EditorHost, settings: NomisSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(TITLE, parent)
        self.setObjectName("census_panel")
        self.editor = editor
        self.service = editor.services.census
        self.profile: Profile | None = None
        self.settings = settings or NomisSettings()
        self._build()
        self._preselect(self.refresh_data())

    def _build(self) -> None:
        self.empty = _label(EMPTY_TEXT, "No census figures yet")
        self.picker = AreaPicker(self.service)
        self.problem = _label("", "", "warning")
        self.view = ProfileView()
        self.attached = AttachedList()
        self.source = DataSource(self.service, lambda: self.settings)
        layout = QVBoxLayout(self)
        for widget in (_label(INTRO, "About the census profile"), self.empty, self.picker, self.problem,
                       self.view, self.attached, self.source):
            layout.addWidget(widget)
        self.problem.hide()
        self.view.hide()
        self._follow_read_only()
        self.picker.sig_chosen.connect(self.show_area)
        self.picker.sig_problem.connect(self._say)
        self.view.sig_add.connect(self.add_tables)
        self.attached.sig_remove.connect(self.remove_tables)
        self.source.sig_loaded.connect(lambda _summary: self._reloaded())
        self.editor.sig_assessment_changed.connect(self.assessment_changed)
        self.editor.sig_assessment_replaced.connect(self.start_over)
        self.attached.show_tables(self.tables())

    def _follow_read_only(self) -> None:
        read_only = self.editor.read_only
        self.view.add_button.setEnabled(not read_only)
        self.attached.setEnabled(not read_only)

    def start_over(self) -> None:
        """Another assessment is on show: its tables, and the profile of its area (kept when it is the same)."""
        self._say("")
        self._follow_read_only()
        self.attached.show_tables(self.tables())
        attached = self.tables()
        if self.profile is not None and attached and self.profile.area.code == attached[0].area_code:
            self.refresh_data()  # the same area: its profile on show already is the one to show
            return
        self.profile = None  # as a freshly opened editor: nothing shown until an area is chosen
        self.picker.line.clear()
        self.sig_profile.emit(None)
        self._preselect(self.refresh_data())

    def tables(self) -> list[CensusTable]:
        """The census tables the assessment keeps."""
        return list(self.editor.assessment.census_tables)

    def has_data(self) -> bool:
        """Whether any census figures are cached on this computer."""
        return self.service.has_figures()

    def refresh_data(self) -> bool:
        """Offer the picker when there are figures, else the plain message and the ways to get them; True when
        there are figures."""
        has = self.has_data()
        self.empty.setVisible(not has)
        self.picker.setVisible(has)
        self.view.setVisible(has and self.profile is not None)
        return has

    def _preselect(self, has_data: bool | None = None) -> None:
        """Show the area of the tables already in the evidence base, if its figures are cached."""
        attached = self.tables()
        has_data = self.has_data() if has_data is None and attached else has_data
        area = self.service.area(attached[0].area_code) if attached and has_data else None
        if area is not None:
            self.picker.set_area(area)
            self.show_area(area)

    def _reloaded(self) -> None:
        has = self.refresh_data()
        if self.profile is not None:
            self.show_area(self.profile.area)  # the new figures replace the old on screen
        else:
            self._preselect(has)

    def _say(self, text: str) -> None:
        set_status(self.problem, text)  # read out as its words, not as "Census message"

    def show_area(self, area: Area) -> None:
        """Build and show an area's profile from the cache."""
        try:
            profile = self.service.profile(area)
        except CensusError as exc:
            self._say(str(exc))
            return
        self._say("")
        self.profile = profile
        self.view.show_profile(profile)
        self.view.show()
        self.sig_profile.emit(profile)

    def add_tables(self, tables: list[CensusTable]) -> None:
        """Keep the ticked tables with the assessment (replacing older copies of the same table and area)."""
        if not tables:
            self._say(NOTHING_TICKED)
            return
        self._say("")
        old = self.tables()
        self._push(old, merged(old, tables), f"Add {len(tables)} census table(s) to the evidence base")

    def remove_tables(self, tables: list[CensusTable]) -> None:
        """Take tables out of the evidence base."""
        old = self.tables()
        self._push(old, [t for t in old if t not in tables], f"Remove {len(tables)} census table(s)")

    def _push(self, old: list[CensusTable], new: list[CensusTable], text: str) -> None:
        self.editor.undo_stack.push(AttachTablesCommand(self.save_tables, old, new, text))

    def save_tables(self, tables: list[CensusTable], reveal: bool = False) -> bool:
        """Save the attached tables now, through the editor's controller; True when saved."""
        saved = self.editor.attach_census(tables, SECTION_ID if reveal else None)
        if not saved:
            messages.warning(self, "Census tables not saved", self.editor.last_failure)
        return saved

    def assessment_changed(self) -> None:
        """Follow the stored list (it changes on add, remove, undo and redo)."""
        if self.attached.tables != self.tables():
            self.attached.show_tables(self.tables())


def attach(editor: EditorHost) -> None:
    """Editor panel: the census panel in Step 2 and the notes beside Step 4's characteristics."""
    from idmf.ui.census.impact_notes import ImpactNotes
    from idmf.ui.census.pasted import PastedCensusPrompts

    panel = CensusPanel(editor)
    editor.add_panel(SECTION_ID, panel)
    editor.census_panel = panel  # kept on the editor so tests and screenshots can reach it
    editor.census_notes = ImpactNotes(editor, panel)
    editor.pasted_census = PastedCensusPrompts(editor)
