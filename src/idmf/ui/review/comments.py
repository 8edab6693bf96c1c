"""The comments pane beside the editor: threads on questions and steps, add, reply, resolve and reopen.

Comments are allowed on every assessment, read-only ones included (a signed-off version, or a copy
received for review: commenting is what an EDI partner does with it). Questions with open threads get a
marker beside their wording.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QTreeWidgetItem,
                               QVBoxLayout, QWidget)
from shiboken6 import isValid

from idmf.review import comments as review_comments
from idmf.review.errors import ReviewError
from idmf.review.workflow import Role, default_person
from idmf.ui import messages
from idmf.ui.editor.host import EditorHost
from idmf.ui.review.checklist import WrappingTree

THREAD_ROLE = Qt.ItemDataRole.UserRole + 1  # the root comment id of a row's thread
ROLE_LABELS = {Role.LEAD: "Project lead", Role.REVIEWER: "EDI partner", Role.COMMITTEE: "Committee secretary"}


def marker_text(count: int) -> str:
    """The mark beside a question with open comment threads."""
    return f"{count} open comment{'s' if count != 1 else ''}" if count else ""


def _when(comment: review_comments.Comment) -> str:
    return f"{comment.created_at.astimezone():%d/%m/%Y %H:%M}"


def _text_box(name: str, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setPlaceholderText(f"{name}…")
    box.setTabChangesFocus(True)  # Tab leaves the box, as in every other input of the app
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


class CommentsPane(QWidget):
    """Threads of one assessment, with boxes to add a comment on the current question and to reply."""

    def __init__(self, editor: EditorHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_comments")
        self.editor = editor
        self.context = editor.services
        self._labels = {q.id: q.label for q in editor.form.questions()}
        self._labels.update({review_comments.step_anchor(s.id): f"Whole step: {s.display_title}" for s in editor.form.sections})
        self._labels.update({review_comments.step_anchor(g.id): f"Whole part: {g.title}"
                             for s in editor.form.sections for g in s.groups})
        self._threads: dict[int, review_comments.Thread] = {}  # root comment id -> thread, as last loaded
        self._build()
        editor.sig_section_changed.connect(self._section_changed)
        editor.sig_changes.connect(lambda changes: changes.comments and self.refresh())
        editor.sig_assessment_replaced.connect(self.start_over)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self.start_over()

    def start_over(self) -> None:
        """Show the threads of the assessment now in the editor, commenting as its reviewer or its lead."""
        reviewer = self.editor.review_copy
        self.role_combo.setCurrentIndex(self.role_combo.findData(Role.REVIEWER if reviewer else Role.LEAD))
        self.reply_edit.clear()
        self.body_edit.clear()
        self._section_changed(self.editor.current_section_id())
        self.refresh()

    # --- building -------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.show_resolved = QCheckBox("Show &resolved threads")
        self.show_resolved.setAccessibleName("Show resolved threads")
        self.show_resolved.setChecked(True)
        self.show_resolved.toggled.connect(lambda _on: self.refresh())
        self.tree = WrappingTree()
        self.tree.setObjectName("comment_threads")
        self.tree.setAccessibleName("Comment threads")
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.tree.doubleClicked.connect(lambda _index: self.go_to_selected())
        self.go_button = QPushButton("&Go to question")
        self.resolve_button = QPushButton("Re&solve")
        self.go_button.clicked.connect(self.go_to_selected)
        self.resolve_button.clicked.connect(self.toggle_resolved)
        self.reply_edit = _text_box("Reply to the selected thread", 2)
        self.reply_button = QPushButton("Re&ply")
        self.reply_button.clicked.connect(self.reply_to_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(self.show_resolved)
        layout.addWidget(self.tree, 1)
        layout.addLayout(self._row(self.go_button, self.resolve_button))
        layout.addWidget(self.reply_edit)
        layout.addLayout(self._row(self.reply_button))
        layout.addLayout(self._new_comment_form())
        self._update_buttons()

    @staticmethod
    def _row(*buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _new_comment_form(self) -> QVBoxLayout:
        heading = QLabel("<b>New comment</b>")
        self.anchor_combo = QComboBox()
        self.anchor_combo.setAccessibleName("Comment on")
        self.anchor_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.anchor_combo.setMinimumContentsLength(16)
        self.body_edit = _text_box("New comment", 3)
        self.name_edit = QLineEdit(default_person())
        self.name_edit.setAccessibleName("Your name")
        self.role_combo = QComboBox()
        self.role_combo.setAccessibleName("You are commenting as")
        for role, label in ROLE_LABELS.items():
            self.role_combo.addItem(label, role)
        self.add_button = QPushButton("&Add comment")
        self.add_button.clicked.connect(self.add_comment)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget in (("On:", self.anchor_combo), ("Name:", self.name_edit), ("As:", self.role_combo)):
            form.addRow(text, widget)
        box = QVBoxLayout()
        box.addWidget(heading)
        box.addLayout(form)
        box.addWidget(self.body_edit)
        box.addLayout(self._row(self.add_button))
        return box

    # --- following the editor -------------------------------------------------------------------------------
    def _section_changed(self, section_id: str) -> None:
        """Offer the step and its questions; the step itself until the user moves into a question."""
        section = next(s for s in self.editor.form.sections if s.id == section_id)
        self.anchor_combo.clear()
        self.anchor_combo.addItem(self._labels[review_comments.step_anchor(section_id)], review_comments.step_anchor(section_id))
        for question in section.all_questions():
            self.anchor_combo.addItem(f"Question: {question.label}", question.id)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Moving into a question of the page makes it the one a new comment is about."""
        if not isValid(self) or new is None or not isValid(new):
            return
        qid = self.editor.question_at(new)
        if qid is not None:
            self.anchor_combo.setCurrentIndex(max(0, self.anchor_combo.findData(qid)))

    def set_anchor(self, anchor: str) -> None:
        """Choose what a new comment is about (a question id or a step anchor) on the page on show."""
        index = self.anchor_combo.findData(anchor)
        if index >= 0:
            self.anchor_combo.setCurrentIndex(index)

    # --- showing threads ------------------------------------------------------------------------------------
    def refresh(self, select: int | None = None) -> None:
        """Reload the threads and the question markers from the database."""
        keep = select if select is not None else self.selected_thread_id()
        found = self.context.comments.threads(self.editor.assessment.id, assessment=self.editor.assessment)
        self._threads = {t.comment.id: t for t in found}
        self.tree.clear()
        for thread in found:
            if self.show_resolved.isChecked() or not thread.resolved:
                self._add_thread(thread, keep)
        self.tree.expandAll()
        self._update_markers()
        self._update_buttons()

    def _add_thread(self, thread: review_comments.Thread, keep: int | None) -> None:
        root = thread.comment
        state = f"Resolved by {root.resolved_by}" if root.resolved else "Open"
        head = (f"{state} · {self._labels.get(root.anchor, root.anchor)}\n"
                f"{root.author} ({ROLE_LABELS.get(Role(root.role), root.role)}), {_when(root)}:\n{root.body}")
        item = QTreeWidgetItem([head])
        item.setData(0, THREAD_ROLE, root.id)
        self.tree.addTopLevelItem(item)
        for reply in thread.replies:
            child = QTreeWidgetItem([f"Reply from {reply.author}, {_when(reply)}:\n{reply.body}"])
            child.setData(0, THREAD_ROLE, root.id)
            item.addChild(child)
        if root.id == keep:
            self.tree.setCurrentItem(item)

    def _update_markers(self) -> None:
        counts: dict[str, int] = {}
        for thread in self._threads.values():
            if not thread.resolved:
                counts[thread.comment.anchor] = counts.get(thread.comment.anchor, 0) + 1
        for question in self.editor.form.questions():
            qid = question.id
            if counts.get(qid) or self.editor.has_marker(qid):
                self._mark(qid, counts.get(qid, 0))

    def _mark(self, qid: str, count: int) -> None:
        text = marker_text(count)
        marker = self.editor.set_question_marker(qid, f'<a href="{qid}">{text}</a>' if text else "",
                                                 f"{text} on this question")
        if not marker.property("review_connected"):
            marker.setProperty("review_connected", True)
            marker.setStyleSheet("QLabel { border: 1px solid palette(dark); border-radius: 3px; padding: 0 0.3em; }")
            marker.setToolTip("Show this question's comments in the Comments tab")
            marker.linkActivated.connect(self.show_comments_on)

    def show_comments_on(self, anchor: str) -> None:
        """Bring the pane forward with the first thread on a question selected."""
        self.editor.show_side_tab(self)
        for n in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(n)
            if self._root_anchor(item.data(0, THREAD_ROLE)) == anchor:
                self.tree.setCurrentItem(item)
                self.tree.setFocus()
                return

    def _root_anchor(self, comment_id: int) -> str | None:
        thread = self._threads.get(comment_id)
        return thread.comment.anchor if thread else None

    def selected_thread_id(self) -> int | None:
        """The root comment id of the selected thread (None when nothing is selected)."""
        item = self.tree.currentItem()
        return item.data(0, THREAD_ROLE) if item is not None else None

    def _update_buttons(self) -> None:
        chosen = self.selected_thread_id()
        for widget in (self.go_button, self.resolve_button, self.reply_button, self.reply_edit):
            widget.setEnabled(chosen is not None)
        resolved = chosen is not None and self._is_resolved(chosen)
        self.resolve_button.setText("Re&open" if resolved else "Re&solve")
        self.resolve_button.setAccessibleName("Reopen the selected thread" if resolved
                                              else "Resolve the selected thread")

    def _is_resolved(self, comment_id: int) -> bool:
        thread = self._threads.get(comment_id)
        return thread is not None and thread.resolved

    # --- commands -------------------------------------------------------------------------------------------
    def _person(self) -> str:
        return self.name_edit.text().strip() or default_person()

    def _run(self, title: str, action) -> bool:
        try:
            action()
        except ReviewError as exc:
            messages.warning(self, title, str(exc))
            return False
        return True

    def add_comment(self) -> None:
        """Add the typed comment on the chosen question or step."""
        anchor, body = self.anchor_combo.currentData(), self.body_edit.toPlainText()
        added: list[review_comments.Comment] = []
        if self._run("Add comment", lambda: added.append(self.context.comments.add(
                self.editor.assessment.id, anchor, body, self._person(), self.role_combo.currentData()))):
            self.body_edit.clear()
            self.refresh(select=added[0].id)

    def reply_to_selected(self) -> None:
        """Reply to the selected thread with the typed text."""
        thread = self.selected_thread_id()
        if thread is not None and self._run("Reply", lambda: self.context.comments.reply(
                self.editor.assessment.id, thread, self.reply_edit.toPlainText(), self._person(),
                self.role_combo.currentData())):
            self.reply_edit.clear()
            self.refresh(select=thread)

    def toggle_resolved(self) -> None:
        """Resolve the selected thread, or reopen it when it is resolved."""
        thread = self.selected_thread_id()
        if thread is None:
            return
        resolved = not self._is_resolved(thread)
        if self._run("Resolve", lambda: self.context.comments.set_resolved(
                self.editor.assessment.id, thread, resolved, self._person())):
            self.refresh(select=thread)

    def go_to_selected(self) -> None:
        """Show the question (or step) the selected thread is about."""
        thread = self.selected_thread_id()
        anchor = self._root_anchor(thread) if thread is not None else None
        if anchor is None:
            return
        if anchor.startswith(review_comments.STEP_PREFIX):
            step = anchor[len(review_comments.STEP_PREFIX):]
            section = next((s for s in self.editor.form.sections
                            if s.id == step or any(g.id == step for g in s.groups)), None)
            if section is not None:
                self.editor.go_to(section.id)
        elif anchor in self._labels:
            self.editor.go_to(self.editor.form.section_of(anchor).id, anchor)
