"""One editor's widgets show one assessment after another: building them is most of opening an assessment
(about 0.6 s and 25 MiB for the Part B form), so the main window keeps the last editor and shows the next
assessment in it. Everything that belonged to the previous assessment is dropped: pending edits (already saved
by the main window), the undo stack, the read-only state, and the panels' state (they start over on
sig_assessment_replaced).
"""

from __future__ import annotations


class ReusedWidgets:
    """Mixed into AssessmentEditor: show another assessment of the same form, and wait on the dashboard."""

    _parked = False  # on the dashboard: waiting to show the next assessment opened
    _made_read_only = False  # inputs once made read-only are never made editable again: not reused then
    _focus_steps_on_show = False  # shown again: the step list takes the focus, as in a new editor

    def show_assessment(self, assessment_id: int) -> bool:
        """Show another assessment in these widgets; False when they cannot (another form version, or a
        read-only version was shown here: inputs are never made editable again). NotFoundError when gone."""
        opened = self.services.assessments.open(assessment_id)
        if opened.form is not self.form or self._made_read_only:
            return False
        self.autosave.forget()  # the main window saved everything before parking this editor
        self.undo_stack.clear()  # Ctrl+Z must never reach into the previous assessment
        self.controller.switch_to(opened)
        self._parked = False
        if self.controller.read_only:
            self._make_read_only()
            self.read_only_banner.show()
        for page in self.pages:
            page.initialize_page()
            page.verticalScrollBar().setValue(0)
        self.sig_assessment_replaced.emit()
        self._refresh_after_change()
        self.sig_title_changed.emit(self.assessment.title)
        self._show_page(0)
        self._focus_steps_on_show = True
        return True

    def park(self) -> None:
        """Stop following the assessment (the user went back to the dashboard); the widgets wait for the next."""
        self.autosave.forget()
        self._parked = True
