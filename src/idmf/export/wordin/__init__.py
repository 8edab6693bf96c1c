"""Word files coming back into the app: edits made in Word to an exported Part B, Word comments, and Part B
documents filled in Word without the app.

`read_exported` compares an exported file's visible answers with the data inside it (compare.py) and reads its
comments (comments.py); nothing here writes to the database (services/word_in.py does, through the services).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from idmf.domain.assessment import Assessment
from idmf.export import styles
from idmf.export.blocks import GUIDANCE_PREFIX
from idmf.export.wordin.comments import WordComment, read_comments
from idmf.export.wordin.compare import Unplaced, WordEdit, compare
from idmf.export.wordin.regions import Item, read_items
from idmf.forms.schema import FormDefinition

_NOT_COMPARED = {styles.BANNER.lower()}  # the DRAFT banner names the moment of export, which differs each time


@dataclass
class WordReading:
    """What a Word file holds beyond its embedded data: answers changed, comments, text placed nowhere."""

    assessment: Assessment  # as the data inside the file has it
    edits: list[WordEdit] = field(default_factory=list)
    comments: list[WordComment] = field(default_factory=list)
    not_placed: list[Unplaced] = field(default_factory=list)
    handfilled: bool = False  # filled in Word without the app: `assessment` is a new draft of what was found


def _printed_again(assessment: Assessment, form: FormDefinition, with_guidance: bool) -> list[Item]:
    from idmf.export.writer import build_document

    buffer = BytesIO()
    build_document(assessment, form, guidance=with_guidance).save(buffer)
    return [item for item in read_items(buffer.getvalue()) if item.style not in _NOT_COMPARED]


def read_exported(source: Path | bytes, assessment: Assessment, form: FormDefinition) -> WordReading:
    """Compare an exported Word file (a path or its bytes) with `assessment`, the data embedded in it."""
    items = [item for item in read_items(source) if item.style not in _NOT_COMPARED]
    with_guidance = any(item.text.startswith(GUIDANCE_PREFIX) for item in items)
    fresh = _printed_again(assessment, form, with_guidance)
    edits, unplaced = compare(items, fresh, form, assessment)
    return WordReading(assessment, edits, read_comments(source, items, form), unplaced)


MIN_RECOGNISED = 3  # template headings or questions a document must show to be taken for a Part B


def read_handfilled_file(source: Path | bytes, form: FormDefinition, title: str = "") -> WordReading:
    """A Part B filled in Word without the app, as a new draft's answers (every one listed as a change from
    nothing) and the text placed nowhere; DocxImportError when the document does not look like a Part B."""
    from idmf.domain.answer_text import answer_text
    from idmf.export.embed import DocxImportError
    from idmf.export.wordin.handfilled import read_handfilled
    from idmf.export.wordin.wording import Wording, split_label

    items = read_items(source)
    words = Wording(form)
    recognised = sum(1 for item in items if words.question(item.text) or words.section(item.text)
                     or words.question(split_label(item.text)[0] or "-"))
    if recognised < MIN_RECOGNISED:
        name = source.name if isinstance(source, Path) else "The Word document"
        raise DocxImportError(f"{name} is not an IDMF Part B: none of the template's steps and questions were "
                              "found in it. Choose a Part B filled in Word, or a file IDMF Desktop exported.")
    answers, unplaced = read_handfilled(items, form)
    item = Assessment.new(form, title)
    edits = []
    for question in form.questions():
        if question.id in answers:
            value = item.set_answer(form, question.id, answers[question.id])
            edits.append(WordEdit(question.id, question.label, "", answer_text(question, value), answers[question.id]))
    return WordReading(item, edits, read_comments(source, items, form), unplaced, handfilled=True)
