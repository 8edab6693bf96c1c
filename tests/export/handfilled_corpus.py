"""Part B documents filled in Word without the app, written the ways project leads fill the template: labelled
lines, bold questions with answers under them, tables, symbol ticks and Word check boxes, YES / NO with one
struck out, highlighted or deleted, blank template rows, placeholders, renamed and reordered headings.

Each builder writes one document and returns what a reviewer expects from it: the answers that must be placed,
and every piece of text the lead typed (which must come back placed or in "Not placed", never lost).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"


@dataclass
class Written:
    """A hand-filled document: where it is, the answers it must give, and the lead's own words in it."""

    path: Path
    expected: dict = field(default_factory=dict)  # question id → JSON answer (or a predicate)
    typed: list[str] = field(default_factory=list)  # every piece of text the lead wrote
    unanswered: list[str] = field(default_factory=list)  # questions left as the template's placeholders


class Writer:
    """python-docx with a record of what the lead typed."""

    def __init__(self) -> None:
        self.doc = docx.Document()
        self.typed: list[str] = []

    def heading(self, text: str, level: int = 1):
        return self.doc.add_heading(text, level)

    def question(self, text: str):
        paragraph = self.doc.add_paragraph()
        paragraph.add_run(text).bold = True
        return paragraph

    def plain(self, text: str):
        """Template text (a prompt, a label without an answer)."""
        return self.doc.add_paragraph(text)

    def answer(self, text: str):
        """Words the lead typed."""
        self.typed.append(text)
        return self.doc.add_paragraph(text)

    def labelled(self, label: str, value: str):
        if value != "DD/MM/YYYY":  # the template's blank, not the lead's words
            self.typed.append(value)
        paragraph = self.doc.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
        return paragraph

    def table(self, rows: list[list[str]], typed_from_row: int = 1, typed_columns: tuple[int, ...] = ()):
        table = self.doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
                if r >= typed_from_row and c in typed_columns and text.strip():
                    self.typed.append(text)
        return table

    def save(self, path: Path, **kwargs) -> Written:
        self.doc.save(str(path))
        return Written(path, typed=self.typed, **kwargs)


def checkbox(paragraph, checked: bool) -> None:
    """A Word check-box content control (w14:checkbox) showing ☒ or ☐."""
    mark = "☒" if checked else "☐"
    paragraph._p.append(parse_xml(
        f'<w:sdt {nsdecls("w")} xmlns:w14="{W14}"><w:sdtPr><w14:checkbox><w14:checked w14:val="{int(checked)}"/>'
        f'<w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" '
        f'w14:font="MS Gothic"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>{mark}</w:t></w:r>'
        f'</w:sdtContent></w:sdt>'))


def yes_no_struck(paragraph, keep: str) -> None:
    """'YES / NO' with the other word struck through."""
    for word, sep in (("YES", " / "), ("NO", "")):
        run = paragraph.add_run(word)
        run.font.strike = word != keep
        if sep:
            paragraph.add_run(sep)


def yes_no_highlighted(paragraph, keep: str) -> None:
    """'YES / NO' with the chosen word highlighted."""
    for word, sep in (("YES", " / "), ("NO", "")):
        run = paragraph.add_run(word)
        if word == keep:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        if sep:
            paragraph.add_run(sep)


def yes_no_deleted(paragraph, keep: str) -> None:
    """'YES / NO' with the other word deleted as a tracked change."""
    for word in ("YES", " / ", "NO"):
        run = paragraph.add_run(word)
        if word.strip() in ("YES", "NO") and word != keep:
            deleted = parse_xml(f'<w:del {nsdecls("w")} w:id="7{len(word)}" w:author="Sam Lee" '
                                f'w:date="2026-10-01T09:00:00Z"/>')
            run._r.addprevious(deleted)
            deleted.append(run._r)
            for t in run._r.findall(qn("w:t")):
                t.tag = qn("w:delText")


def _q(form, qid: str) -> str:
    return form.question(qid).heading


def labelled_lines(form, folder: Path) -> Written:
    """Labels and values on one line, bold questions with answers under them, ☒/☐ lines, YES / NO struck."""
    w = Writer()
    w.heading("Inclusive Decision-Making Framework (IDMF) Equality Analysis", 0)
    w.labelled("Title of Service / Policy / Business Plan", "Community podiatry: moving clinics to Loughborough")
    w.labelled("Name of organisation", "Leicestershire Partnership NHS Trust")
    w.labelled("Assessment Lead Contact", "Grace Okafor")
    w.labelled("Responsible Director/Board Member for this assessment", "Dr Neil Harper")
    w.labelled("Start Date", "03/02/2026")
    w.plain("Completed Date: DD/MM/YYYY")
    w.heading("1. Aims")
    w.question(_q(form, "summary"))
    w.answer("Podiatry clinics in three village halls move to one hub at Loughborough Hospital.")
    w.answer("The hub opens on weekday evenings as well as during the day.")
    w.question(_q(form, "aims") + "*")
    w.answer("Fewer cancelled appointments and shorter waits for foot ulcer care.")
    w.heading("4. Equality Impact Assessment")
    w.heading("Age", 3)
    w.plain("☐ Positive impact  ☒ Negative impact  ☐ Neutral impact")
    w.answer("Older patients without a car face a longer journey; transport will be offered.")
    w.heading("Disability", 3)
    w.plain("☒ Positive impact ☐ Negative impact ☐ Neutral impact")
    w.answer("The hub has level access and a hearing loop, which the village halls lacked.")
    w.question(_q(form, "duty_discrimination"))
    yes_no_struck(w.doc.add_paragraph(), "YES")
    w.question(_q(form, "duty_human_rights"))
    yes_no_struck(w.doc.add_paragraph(), "NO")
    w.heading("5. Options Appraisal")
    w.plain("☐ Accept the proposal – no equality impacts identified")
    w.plain("☒ Adjust the proposal - take steps to remove barriers to advance equality.")
    w.question(_q(form, "decision_rationale"))
    w.answer("Transport support removes the main barrier found in engagement.")
    w.heading("Appendix: notes from the patient forum")
    w.answer("Forum on 12/01/2026: 14 patients attended; most asked about parking.")
    return w.save(folder / "labelled-lines.docx", expected={
        "title": "Community podiatry: moving clinics to Loughborough",
        "organisation": "lpt", "lead": "Grace Okafor", "director": "Dr Neil Harper", "start_date": "2026-02-03",
        "summary": "Podiatry clinics in three village halls move to one hub at Loughborough Hospital.\nThe hub opens "
                   "on weekday evenings as well as during the day.",
        "aims": "Fewer cancelled appointments and shorter waits for foot ulcer care.",
        "pc_age": {"positive": False, "negative": True, "neutral": False},
        "pc_disability": {"positive": True, "negative": False, "neutral": False},
        "duty_discrimination": "yes", "duty_human_rights": "no", "decision_option": "adjust",
        "decision_rationale": "Transport support removes the main barrier found in engagement.",
    }, unanswered=["completed_date"])


def tables(form, folder: Path) -> Written:
    """Front matter, the grid, the impacts, the legal duties, the options and the action plan all as tables."""
    w = Writer()
    w.table([["Title of Service / Policy / Business Plan", "Closure of Ward 7 respite beds"],
             ["Assessment Lead Contact", "Hannah Price"], ["Start Date", "14/05/2026"]], 0, (1,))
    w.heading("1. Aims")
    w.question(_q(form, "impacted"))
    w.table([["", "Yes", "No", "Indirectly / Possibly"], ["Staff", "✓", "", ""],
             ["Patients / Service Users", "✓", "", ""], ["Carers or Family", "", "", "✓"],
             ["General Public", "", "✓", ""], ["Partner Organisations", "", "", ""]])
    w.heading("4. Equality Impact Assessment")
    w.table([["Characteristic", "Positive impact", "Negative impact", "Neutral impact", "Narrative"],
             ["Age", "", "X", "", "Most respite users are over 75."],
             ["Sex", "", "", "X", "No difference found between men and women."]], 1, (4,))
    w.table([["", "YES", "NO"], [_q(form, "duty_discrimination"), "X", ""], [_q(form, "duty_opportunity"), "", "X"],
             [_q(form, "duty_contract"), "X", ""]])
    w.heading("5. Options Appraisal")
    w.table([["Options", "Tick one box"], ["1. Accept the proposal – no equality impacts identified", "☐"],
             ["3. Continue the proposal despite negative equality impacts", "☒"]])
    w.heading("6. Monitoring, Re-Evaluation, and Publishing")
    w.table([["Action Required", "Lead Person and Resources Required", "Target Date (DD/MM/YYYY)", "Outcome"],
             ["Offer home respite to every family", "Hannah Price, two support workers", "30/09/2026",
              "No family left without respite"]], 1, (0, 1, 3))
    return w.save(folder / "tables.docx", expected={
        "title": "Closure of Ward 7 respite beds", "lead": "Hannah Price", "start_date": "2026-05-14",
        "impacted": {"staff": "yes", "patients": "yes", "carers": "indirectly", "public": "no"},
        "pc_age": {"negative": True, "positive": False, "narrative": "Most respite users are over 75."},
        "pc_sex": {"neutral": True, "narrative": "No difference found between men and women."},
        "duty_discrimination": "yes", "duty_opportunity": "no", "duty_contract": "yes",
        "decision_option": "continue",
        "action_plan": [{"action": "Offer home respite to every family", "lead": "Hannah Price, two support workers",
                         "target_date": "2026-09-30", "outcome": "No family left without respite"}],
    })


def check_boxes(form, folder: Path) -> Written:
    """Word check-box content controls for the grid and the impact boxes; YES / NO with the answer highlighted."""
    w = Writer()
    w.labelled("Title of Service / Policy / Business Plan", "Digital-first outpatient booking")
    w.heading("1. Aims")
    w.question(_q(form, "impacted"))
    grid = w.table([["", "Yes", "No", "Indirectly / Possibly"], ["Staff", "", "", ""],
                    ["Patients / Service Users", "", "", ""], ["General Public", "", "", ""]])
    for row, ticked_column in ((1, 1), (2, 1), (3, 3)):
        for column in (1, 2, 3):
            checkbox(grid.cell(row, column).paragraphs[0], column == ticked_column)
    w.question(_q(form, "changes"))
    w.answer("Appointments are booked online first; the phone line stays for those who need it.")
    w.heading("4. Equality Impact Assessment")
    for name, ticks, narrative in (("Race", (False, True, False), "Letters only in English exclude some patients."),
                                   ("Religion & Belief", (False, False, True), "No effect found.")):
        w.heading(name, 3)
        boxes = w.doc.add_paragraph()
        for checked, label in zip(ticks, ("Positive impact", "Negative impact", "Neutral impact")):
            checkbox(boxes, checked)
            boxes.add_run(f" {label}  ")
        w.answer(narrative)
    w.question(_q(form, "duty_opportunity"))
    yes_no_highlighted(w.doc.add_paragraph(), "NO")
    w.question(_q(form, "duty_relations"))
    yes_no_highlighted(w.doc.add_paragraph(), "YES")
    return w.save(folder / "check-boxes.docx", expected={
        "title": "Digital-first outpatient booking",
        "impacted": {"staff": "yes", "patients": "yes", "public": "indirectly"},
        "changes": "Appointments are booked online first; the phone line stays for those who need it.",
        "pc_race": {"negative": True, "positive": False, "narrative": "Letters only in English exclude some patients."},
        "pc_religion": {"neutral": True, "narrative": "No effect found."},
        "duty_opportunity": "no", "duty_relations": "yes",
    })


def blank_template_rows(form, folder: Path) -> Written:
    """The template half filled: placeholders left, blank action-plan rows, duties still 'YES / NO'."""
    w = Writer()
    w.labelled("Title of Service / Policy / Business Plan", "Stroke rehabilitation pathway review")
    w.labelled("Start Date", "DD/MM/YYYY")
    w.labelled("Completed Date", "DD/MM/YYYY")
    w.heading("2. Evidence Base")
    w.question(_q(form, "evidence_considered"))
    w.answer("SSNAP audit data 2024/25 and the Leicestershire JSNA stroke chapter.")
    w.question(_q(form, "data_sources"))
    w.heading("4. Equality Impact Assessment")
    w.question(_q(form, "duty_discrimination"))
    w.plain("YES / NO")
    w.question(_q(form, "duty_opportunity"))
    w.plain("YES / NO")
    w.heading("6. Monitoring, Re-Evaluation, and Publishing")
    w.question("Action plan")
    w.table([["Action Required", "Lead Person and Resources Required", "Target Date (DD/MM/YYYY)", "Outcome"],
             ["Audit therapy minutes by ethnicity", "Dr Omar Siddiqui", "31/12/2026", ""],
             ["", "", "", ""], ["", "", "DD/MM/YYYY", ""], ["", "", "", ""]], 1, (0, 1))
    return w.save(folder / "blank-rows.docx", expected={
        "title": "Stroke rehabilitation pathway review",
        "evidence_considered": "SSNAP audit data 2024/25 and the Leicestershire JSNA stroke chapter.",
        "action_plan": [{"action": "Audit therapy minutes by ethnicity", "lead": "Dr Omar Siddiqui",
                         "target_date": "2026-12-31", "outcome": ""}],
    }, unanswered=["start_date", "completed_date", "data_sources", "duty_discrimination", "duty_opportunity"])


def renamed_headings(form, folder: Path) -> Written:
    """Steps renamed and in another order, questions numbered and slightly reworded, a duty's NO deleted."""
    w = Writer()
    w.labelled("Title of service/policy/business plan", "Merging two GP practices in Melton")
    w.heading("Step 3 – Engagement")
    w.question("3a) How will you engage with staff and patients / service users?")
    w.answer("Two drop-in sessions at each surgery and a survey in the waiting rooms.")
    w.heading("Step 2 – Evidence")
    w.question("2e) What does the data and evidence tell you are the potential drivers for these inequalities?*")
    w.answer("Distance to the merged site and bus routes that do not reach it.")
    w.heading("Step 4 - Equality Impact")
    w.question("Are there any human rights concerns")
    yes_no_deleted(w.doc.add_paragraph(), "NO")
    w.question("Please provide a supporting narrative to support your responses to the above questions")
    w.answer("No human rights concerns: every patient keeps a registered GP.")
    return w.save(folder / "renamed-headings.docx", expected={
        "title": "Merging two GP practices in Melton",
        "engage_how": "Two drop-in sessions at each surgery and a survey in the waiting rooms.",
        "drivers": "Distance to the merged site and bus routes that do not reach it.",
        "duty_human_rights": "no",
        "duty_narrative": "No human rights concerns: every patient keeps a registered GP.",
    })


def saved_by_libreoffice(form, folder: Path) -> Written:
    """The labelled-lines document opened and saved again by LibreOffice (its own styles, runs and ids)."""
    import subprocess

    (folder / "before-libreoffice").mkdir(exist_ok=True)
    original = labelled_lines(form, folder / "before-libreoffice")
    out = folder / "libreoffice"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/lo-profile", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(out), str(original.path)], check=True,
                   capture_output=True, timeout=180)
    return Written(out / original.path.name, original.expected, original.typed, original.unanswered)


CORPUS = [labelled_lines, tables, check_boxes, blank_template_rows, renamed_headings, saved_by_libreoffice]
