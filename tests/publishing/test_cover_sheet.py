"""The board cover sheet and the committee pack, read back from the Word files as a committee secretary would."""

from __future__ import annotations

import datetime as dt

from idmf.domain.publishing import CoverDetails, Purpose
from idmf.domain.questions import DECISION_OPTION
from idmf.export.cover_text import APPENDIX_1
from tests.export.readback import Exported
from tests.publishing.conftest import DETAILS

FIELDS = ("Meeting", "Date of meeting", "Report title", "Paper reference", "Agenda item", "Presented by",
          "Author(s)", "Executive sponsor", "Primary purpose", "Recommendations", "Executive summary",
          "Strategic objectives", "Conflicts of interest", "Board Assurance Framework (BAF) risk", "Appendices",
          "Who has been engaged", "Assessment version and status")


def _rows(doc: Exported) -> dict[str, str]:
    table = doc.doc.tables[0]
    return {row.cells[0].text: row.cells[1].text for row in table.rows}


def _implications(doc: Exported) -> dict[str, tuple[str, str]]:
    table = doc.doc.tables[1]
    return {row.cells[0].text: (row.cells[1].text, row.cells[2].text) for row in table.rows[1:]}


def test_every_cover_sheet_field_is_present_and_filled(context, signed_example, tmp_path):
    assessment_id, fingerprint = signed_example
    context.publishing.save_cover_details(assessment_id, DETAILS)
    doc = Exported(context.documents.export(assessment_id, "cover-sheet", tmp_path / "cover.docx"))

    rows = _rows(doc)
    assert list(rows) == list(FIELDS)
    assert all(text.strip() and "Not given" not in text for text in rows.values()), rows
    assert rows["Meeting"] == "ICB Public Board" and rows["Date of meeting"] == "12/03/2026"
    assert rows["Paper reference"] == "PB/26/031" and rows["Agenda item"] == "7.2"
    assert rows["Report title"].startswith("Proposal not to proceed with the planned day-case unit")
    assert rows["Author(s)"] == "Sarah Whitmore, Senior Planning Manager"
    assert rows["Executive sponsor"] == "Dr Anil Mistry, Chief Strategy and Planning Officer"
    assert "☒ Approval" in rows["Primary purpose"] and "☐ Advisory" in rows["Primary purpose"]
    assert "asked to approve" in rows["Recommendations"]
    assert "Adjust the proposal" in rows["Recommendations"] and "Rationale: Option 2 (adjust)" in rows["Recommendations"]
    summary = rows["Executive summary"]
    assert summary.startswith("To use the system's limited capital")  # the aims
    assert "a planned new service will not be opened" in summary  # the main changes
    assert "negative impacts for Age, Disability, People Experiencing Deprivation, Carers" in summary
    assert rows["Appendices"] == APPENDIX_1
    assert "Priya Chauhan" in rows["Who has been engaged"] and "staff briefing" in rows["Who has been engaged"]
    assert rows["Assessment version and status"] == "Approved · version 2"

    implications = _implications(doc)
    assert implications["Equality, Diversity & Inclusion"][0] == "☒ Yes"
    assert "Appendix 1" in implications["Equality, Diversity & Inclusion"][1]
    assert implications["Financial"][0] == "☒ Yes" and implications["Legal"] == ("☐ No", "")
    assert "Approved" in doc.header
    assert "Version 2" in doc.footer and fingerprint in doc.footer  # the sign-off fingerprint line


def test_fields_the_author_has_not_given_are_marked_not_given(context, example_id, tmp_path):
    doc = Exported(context.documents.export(example_id, "cover-sheet", tmp_path / "cover.docx"))
    rows = _rows(doc)
    for field in ("Meeting", "Paper reference", "Agenda item", "Presented by", "Conflicts of interest"):
        assert rows[field] == "Not given", field
    assert "Not given – tick one" in rows["Primary purpose"]
    assert "Still to be given: Meeting, Date of meeting, Paper reference" in doc.text
    assert "DRAFT" in doc.header  # a draft's cover sheet says so, like its Part B


def test_details_are_kept_with_the_signed_off_version_and_offered_to_the_next(context, signed_example):
    assessment_id, _fingerprint = signed_example
    saved = context.publishing.save_cover_details(assessment_id, DETAILS.model_copy(update={"presenter": " Jo "}))
    assert saved.presenter == "Jo"
    assert context.publishing.cover_details(assessment_id) == saved  # the locked version accepted them
    new_id = context.review.transition(assessment_id, "revise", person="Lead Person", role="lead",
                                       comment="again").assessment.id
    assert new_id != assessment_id
    assert context.publishing.cover_details(new_id).paper_reference == "PB/26/031"  # asked once


def test_the_cover_sheet_follows_the_form_wording(context, form, example_id):
    choice = form.question(DECISION_OPTION).choices[1]
    reworded = choice.model_copy(update={"label": "Adjust the plan – remove the barriers found"})
    question = form.question(DECISION_OPTION)
    new_question = question.model_copy(update={"choices": (question.choices[0], reworded, *question.choices[2:])})
    from idmf.export.cover_text import cover_sheet

    sections = tuple(s.model_copy(update={"questions": tuple(new_question if q.id == DECISION_OPTION else q
                                                             for q in s.questions)}) for s in form.sections)
    changed = form.model_copy(update={"sections": sections})
    sheet = cover_sheet(changed, context.assessments.get(example_id), CoverDetails(purpose=Purpose.ASSURANCE))
    assert "asked to take assurance from the equality analysis" in sheet.recommendations
    assert "Adjust the plan – remove the barriers found" in sheet.recommendations
    assert "Decision: Adjust the plan." in sheet.equality_summary


def test_the_committee_pack_is_the_cover_sheet_then_the_part_b_as_appendix_1(context, signed_example, tmp_path):
    assessment_id, fingerprint = signed_example
    context.publishing.save_cover_details(assessment_id, DETAILS)
    path = context.documents.export(assessment_id, "committee-pack", tmp_path / "pack.docx")
    doc = Exported(path)
    assert doc.text.index("Board paper cover sheet") < doc.text.index(APPENDIX_1) < \
        doc.text.index("Inclusive Decision-Making Framework")
    assert APPENDIX_1 in doc.headings(1)
    appendix = next(p for p in doc.paragraphs if p.text == APPENDIX_1 and p.style.name == "Heading 1")
    assert appendix.paragraph_format.page_break_before
    assert fingerprint in doc.footer  # who signed it off, and their key
    assert context.documents.existing_copy(path).id == assessment_id  # the Part B inside still imports
    signed_part_b = context.documents.export(assessment_id, "docx", tmp_path / "part-b.docx")
    part_b_text = Exported(signed_part_b).text
    assert part_b_text and part_b_text in doc.text  # the appendix is the signed Part B, word for word
    checked = context.review.verify_docx(path)
    assert checked.ok and "cover sheet in front of it is not part of what was signed" in checked.message


def test_a_committee_pack_whose_part_b_was_changed_is_not_verified(context, signed_example, tmp_path):
    from tests.signing.conftest import alter

    assessment_id, _line = signed_example
    context.publishing.save_cover_details(assessment_id, DETAILS)
    path = context.documents.export(assessment_id, "committee-pack", tmp_path / "pack.docx")
    cover = alter(path, tmp_path / "cover.docx", "word/document.xml",  # the first mention is the cover sheet's
                  lambda xml: xml.replace(b"Proposal not to proceed", b"Proposal to proceed", 1))
    assert context.review.verify_docx(cover).ok  # the cover sheet is not signed, and the message says so
    part_b = alter(path, tmp_path / "part-b.docx", "word/document.xml",  # the last is in the signed Part B
                   lambda xml: b"Proposal to proceed".join(xml.rsplit(b"Proposal not to proceed", 1)))
    checked = context.review.verify_docx(part_b)
    assert not checked.ok and checked.message.startswith("Not verified")


def test_saving_details_changes_nothing_else_and_announces_it(context, example_id):
    seen = []
    context.changes.subscribe(seen.append)
    before = context.assessments.get(example_id)
    context.publishing.save_cover_details(example_id, {"meeting": "Board", "meeting_date": "2026-03-12",
                                                       "purpose": "assurance"})
    after = context.assessments.get(example_id)
    assert after.answers == before.answers and after.row_version == before.row_version
    assert [c.publication for c in seen] == [True]
    assert context.publishing.cover_details(example_id).meeting_date == dt.date(2026, 3, 12)


def test_bad_details_are_refused_in_words_and_nothing_is_saved(context, example_id):
    import pytest

    from idmf.services.publishing import PublishingError

    with pytest.raises(PublishingError, match="cannot be saved: purpose"):
        context.publishing.save_cover_details(example_id, {"purpose": "decide"})
    assert context.publishing.cover_details(example_id) == CoverDetails()
