"""The template's own words, for recognising them in a document filled in Word: step headings, questions and
labels (tolerant of numbering, asterisks, case, dashes and small wording changes), the fixed text, the choices,
placeholders, and a legal duty's "YES / NO" with one struck out or highlighted."""

from __future__ import annotations

import difflib
import re

from idmf.domain.questions import NO, YES
from idmf.export.wordin.regions import Item
from idmf.export.wordin.values import norm
from idmf.forms.printed import overview_line, printed_text, section_heading
from idmf.forms.schema import FormDefinition, Question, Section

_NUMBERING = re.compile(r"^(?:(?:step|section|part)\s*)?(?:\d+[a-z]?|[a-h]|[ivx]+)\s*[.):\-–]\s*"  # "2.", "3a)", "Step 2 –"
                        r"|^(?:step|section)\s*\d+\s*")
_PLACEHOLDERS = {"dd/mm/yyyy", "(dd/mm/yyyy)", "yes / no", "yes/no", "yes or no", "click or tap here to enter text.",
                 "click or tap to enter a date.", "insert text", "[insert text]", "tbc", "enter text"}
CLOSE = 0.85  # how alike two wordings must be (difflib ratio) to be the same question


def key(text: str) -> str:
    """Words compared when matching the template: no numbering, asterisks, '(HEAT)' or end punctuation."""
    text = norm(text).replace("*", "").replace("(heat)", "")
    for _ in range(2):
        text = _NUMBERING.sub("", text).strip()
    return text.rstrip("?:. ").strip()


def is_placeholder(text: str) -> bool:
    """The template's blanks: DD/MM/YYYY, "YES / NO", Word's "Click or tap here to enter text."."""
    return norm(text) in _PLACEHOLDERS


def split_label(text: str) -> tuple[str, str]:
    """'Label: value' → ('Label', 'value'); ('', '') when the line has no short label before a colon."""
    label, colon, value = text.partition(":")
    return (label.strip(), value.strip()) if colon and 0 < len(label) <= 150 else ("", "")


def yes_no(item: Item) -> str | None:
    """'yes' / 'no' from a "YES / NO" answer: one word struck out or deleted, one highlighted, one ticked, or
    just one of them written; None when both or neither remain (unanswered)."""
    def has(word: str, text: str) -> bool:
        return re.search(rf"\b{word}\b", text, re.IGNORECASE) is not None

    marked = item.marked
    if marked and has("yes", marked) != has("no", marked):
        return YES if has("yes", marked) else NO
    text = item.text
    for struck in item.struck.split():
        text = re.sub(rf"\b{re.escape(struck)}\b", " ", text, count=1)
    ticks = re.findall(r"([☒☑✓✔☐□])\s*(yes|no)\b|\b(yes|no)\s*([☒☑✓✔☐□])", text, re.IGNORECASE)
    if ticks:
        chosen = {(a or b).lower() for mark, a, b, after in ticks if (mark or after) in "☒☑✓✔"}
        return chosen.pop() if len(chosen) == 1 else None
    yes, no = has("yes", text), has("no", text)
    return YES if yes and not no else NO if no and not yes else None


class Wording:
    """Lookups from a form's wording to its sections, questions and fixed text."""

    def __init__(self, form: FormDefinition) -> None:
        self.form = form
        self.questions: dict[str, Question] = {}
        self.sections: dict[str, Section] = {}
        self.owner: dict[str, str] = {}
        for section in form.sections:
            for text in (section_heading(section), section.title,
                         overview_line(section) if section.step is not None else "", *(g.title for g in section.groups)):
                if key(text):
                    self.sections.setdefault(key(text), section)
            for question in section.all_questions():
                self.owner[question.id] = section.id
                for text in (question.heading, question.label):
                    if key(text):
                        self.questions.setdefault(key(text), question)
        self.template = {key(p.text) for p in printed_text(form)} | {key(t) for t in _choice_texts(form)}
        self._long = [k for k in self.template if len(k) >= 30]

    def section_of(self, question: Question) -> str:
        return self.owner.get(question.id, self.form.sections[0].id)

    def section(self, text: str, loose: bool = False) -> Section | None:
        """The step a heading names ('2. Evidence Base', 'Step 2: Develop the Evidence Base'; `loose`, for a
        paragraph that looks like a heading: also a shortened name, 'Evidence')."""
        k = key(text)
        if not k or len(k) > 80:
            return None
        if k in self.sections or not loose:
            return self.sections.get(k)
        words = set(k.split())
        for name, section in self.sections.items():
            if words and words <= set(name.split()) and (len(words) > 1 or len(k) > 5) and k not in self.questions:
                return section
        return None

    def question(self, text: str) -> Question | None:
        """The question whose words these are (a small rewording or numbering allowed)."""
        k = key(text)
        if not k or len(k) > 400:
            return None
        if k in self.questions:
            return self.questions[k]
        if len(k) < 12:
            return None
        for name, question in self.questions.items():  # the question's words with a part left off or added
            if len(name) >= 25 and len(k) >= 25 and (name.startswith(k) and len(k) >= 0.6 * len(name)
                                                     or k.startswith(name) and len(k) <= 1.6 * len(name)):
                return question
        near = [name for name in self.questions if 0.8 * len(k) <= len(name) <= 1.25 * len(k)]
        close = difflib.get_close_matches(k, near, n=1, cutoff=CLOSE)
        return self.questions[close[0]] if close else None

    def is_template(self, text: str) -> bool:
        """The template's own fixed text (an intro, a prompt, a column heading), which is not an answer."""
        k = key(text)
        if k in self.template:
            return True
        return any(k.startswith(t) and len(k) <= len(t) * 1.2 for t in self._long if t[:12] == k[:12])

    def choice(self, question: Question, text: str) -> str | None:
        """The choice of a question these words name (its label, its bold lead words, or nearly its label)."""
        k = key(text)
        for choice in question.choices:
            if k == key(choice.label) or (choice.lead and k.startswith(key(choice.lead))):
                return choice.id
        close = difflib.get_close_matches(k, [key(c.label) for c in question.choices], n=1, cutoff=0.8)
        return next((c.id for c in question.choices if key(c.label) == close[0]), None) if close else None


def _choice_texts(form: FormDefinition) -> list[str]:
    return [text for q in form.questions() for c in [*q.choices, *q.rows] for text in (c.label, c.help) if text]
