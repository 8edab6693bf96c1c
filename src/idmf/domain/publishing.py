"""What an assessment needs besides its answers once it leaves the app: the board paper's cover-sheet details
and the easy-read summary the lead has edited.

Neither is part of the Part B form, so neither is an answer: both can still be written after the version is
signed off (a board paper is usually written after the executive meeting approved the assessment), and
neither changes the sign-off fingerprint.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Purpose(StrEnum):
    """The primary purpose a board paper is brought for."""

    ADVISORY = "advisory"
    ASSURANCE = "assurance"
    APPROVAL = "approval"

    @property
    def label(self) -> str:
        """How the cover sheet prints it."""
        return self.value.capitalize()


# The Implications tick boxes of the cover sheet, in its order: (id, label). EDI is ticked whenever the
# paper carries an equality analysis; the others are the author's call, asked in the cover-sheet dialog.
IMPLICATIONS = (
    ("quality", "Quality & Patient Safety"),
    ("legal", "Legal"),
    ("edi", "Equality, Diversity & Inclusion"),
    ("environmental", "Environmental"),
    ("digital", "Data & Digital"),
    ("financial", "Financial"),
    ("workforce", "Workforce"),
)
EDI_IMPLICATION = "edi"
IMPLICATION_IDS = frozenset(key for key, _ in IMPLICATIONS)


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class CoverDetails(_Model):
    """The cover-sheet fields an assessment does not hold, asked once and stored with it.

    `executive_summary` and `recommendations` are the author's rewrites; empty means "draft it from the
    answers", so the draft keeps following the assessment until someone edits it.
    """

    meeting: str = ""
    meeting_date: dt.date | None = None
    paper_reference: str = ""
    agenda_item: str = ""
    presenter: str = ""
    purpose: Purpose | None = None
    strategic_objectives: str = ""
    conflicts: str = ""
    baf_risk: str = ""
    other_appendices: str = ""  # one per line, after Appendix 1 (the assessment)
    implications: list[str] = Field(default_factory=list)  # ids from IMPLICATIONS besides EDI
    executive_summary: str = ""
    recommendations: str = ""

    def ticked(self, implication: str) -> bool:
        """Whether an Implications box is ticked (EDI always is: the paper carries an equality analysis)."""
        return implication == EDI_IMPLICATION or implication in self.implications

    def missing(self) -> list[str]:
        """The asked fields still empty, in the cover sheet's words (an empty list when all are there)."""
        asked = (("Meeting", self.meeting), ("Date of meeting", self.meeting_date),
                 ("Paper reference", self.paper_reference), ("Agenda item", self.agenda_item),
                 ("Presented by", self.presenter), ("Purpose", self.purpose),
                 ("Board Assurance Framework risk", self.baf_risk), ("Conflicts of interest", self.conflicts))
        return [name for name, value in asked if value in (None, "")]


# The easy-read summary's four parts, in order: (field, heading as a reader's question).
EASY_READ_PARTS = (
    ("what_is_changing", "What is changing?"),
    ("who_it_affects", "Who will this affect, and how?"),
    ("what_we_will_do", "What will we do about it?"),
    ("who_to_contact", "Who can I contact?"),
)
BULLET = "• "  # a line starting with this is a bullet point in Word and HTML alike


class EasyRead(_Model):
    """The easy-read summary: four short parts of plain text (a line starting with '• ' is a bullet)."""

    what_is_changing: str = ""
    who_it_affects: str = ""
    what_we_will_do: str = ""
    who_to_contact: str = ""
    edited: bool = False  # the lead has looked at it and saved it (False: the app's own draft)

    def parts(self) -> list[tuple[str, str]]:
        """(heading, text) of each part, in order."""
        return [(heading, getattr(self, name)) for name, heading in EASY_READ_PARTS]

    def text(self) -> str:
        """Every part's text, one after another (what the readability score reads)."""
        return "\n".join(getattr(self, name) for name, _ in EASY_READ_PARTS)
