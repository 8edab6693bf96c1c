"""Compare two versions of an assessment: every changed answer, question by question, word by word.

Removed words are struck through and marked "[removed: …]" for screen readers in the accessible text;
added words are underlined. Colour is only a third cue, so the difference never rests on colour alone.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QTextBrowser,
                               QVBoxLayout, QWidget)

from idmf.domain.summary import AssessmentSummary
from idmf.review.diff import QuestionDiff, TextChange
from idmf.services.context import AppContext

LEGEND = ("<b>How to read this:</b> <s>struck-through words</s> were removed; <u>underlined words</u> were added. "
          "Each changed question says whether it was answered, changed, or had its answer removed.")
CHANGE_WORDS = {"added": "Answered in the later version", "removed": "Answer removed in the later version",
                "changed": "Changed"}
_DELETE_STYLE = "background-color:#fde2e1; color:#8a1c1c;"
_INSERT_STYLE = "background-color:#dcf3df; color:#17501f;"


def _segment_html(change: TextChange) -> str:
    text = escape(change.text).replace("\n", "<br>")
    if change.op == "delete":
        return f'<s style="{_DELETE_STYLE}" title="removed">{text}</s>'
    if change.op == "insert":
        return f'<u style="{_INSERT_STYLE}" title="added">{text}</u>'
    return text


def segments_html(segments: tuple[TextChange, ...]) -> str:
    """The answer with its changes marked; a space parts a removed word from the word that replaced it."""
    out, previous = [], "equal"
    for change in segments:
        out.append((" " if previous == "delete" and change.op == "insert" else "") + _segment_html(change))
        previous = change.op
    return "".join(out)


def diff_html(diffs: list[QuestionDiff], before: str, after: str) -> str:
    """The whole comparison as simple HTML (QTextBrowser's subset), grouped by step."""
    if not diffs:
        return f"<p>No answers differ between {escape(before)} and {escape(after)}.</p>"
    parts = [f"<p>{len(diffs)} answer{'s differ' if len(diffs) != 1 else ' differs'} between {escape(before)} and "
             f"{escape(after)}.</p>"]
    step = None
    for diff in diffs:
        if diff.step != step:
            step = diff.step
            parts.append(f"<h2>{escape(diff.step_title)}</h2>")
        parts.append(f"<h3>{escape(diff.label)}</h3><p><i>{CHANGE_WORDS[diff.change]}.</i></p>")
        parts.append(f"<p>{segments_html(diff.segments)}</p>")
    return "".join(parts)


def diff_plain(diffs: list[QuestionDiff]) -> str:
    """The comparison in words only (the browser's accessible description, and for copying)."""
    lines = []
    for diff in diffs:
        lines.append(f"{diff.summary()}.")
        for change in diff.segments:
            if change.op != "equal":
                lines.append(f"  [{'removed' if change.op == 'delete' else 'added'}: {change.text.strip()}]")
    return "\n".join(lines)


def version_label(summary: AssessmentSummary) -> str:
    """'Version 2 — Approved'."""
    return f"Version {summary.version_number} — {summary.status.label}"


class CompareDialog(QDialog):
    """Pick two versions; the differences show at once."""

    def __init__(self, context: AppContext, versions: list[AssessmentSummary], current_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(f"Compare versions — {versions[-1].title or '(untitled)'}")
        self.before_combo, self.after_combo = QComboBox(), QComboBox()
        self.before_combo.setAccessibleName("Earlier version")
        self.after_combo.setAccessibleName("Later version")
        for combo in (self.before_combo, self.after_combo):
            for summary in versions:
                combo.addItem(version_label(summary), summary.id)
        current = max(1, next((n for n, v in enumerate(versions) if v.id == current_id), len(versions) - 1))
        self.after_combo.setCurrentIndex(current)
        self.before_combo.setCurrentIndex(current - 1)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Differences between the versions")
        self.browser.setOpenLinks(False)
        self._layout(versions)
        self.before_combo.currentIndexChanged.connect(self.show_differences)
        self.after_combo.currentIndexChanged.connect(self.show_differences)
        self.show_differences()

    def _layout(self, versions: list[AssessmentSummary]) -> None:
        pick = QHBoxLayout()
        for text, combo in (("&Compare:", self.before_combo), ("&with:", self.after_combo)):
            label = QLabel(text)
            label.setBuddy(combo)
            pick.addWidget(label)
            pick.addWidget(combo)
        pick.addStretch(1)
        legend = QLabel(LEGEND)
        legend.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(pick)
        layout.addWidget(legend)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 130, self.fontMetrics().height() * 40)

    def show_differences(self) -> None:
        """Compare the two chosen versions (earlier first) and show every changed answer."""
        self.diffs = self.context.review.diff(self.before_combo.currentData(), self.after_combo.currentData())
        self.browser.setHtml(diff_html(self.diffs, self.before_combo.currentText(), self.after_combo.currentText()))
        self.browser.setAccessibleDescription(diff_plain(self.diffs)[:2000])
