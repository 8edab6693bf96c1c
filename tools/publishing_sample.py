"""Render the publishing outputs of the example for review and the docs (docs/export-sample/).

    PYTHONPATH=src python -m tools.publishing_sample [OUT_DIR]

In a throwaway database and key store: the example (resources/examples/day-case-unit.json, plus one action
naming the rural group so the readiness check passes) goes through EDI review and committee sign-off by three
signing identities trusted through a list from a throwaway admin key, and the board paper details are filled in. Then: the cover sheet (LibreOffice → PDF → PNG pages), the web page (a headless
Chromium screenshot, and the page itself), and the easy-read summary (Word pages and its web page).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from tools import browser
from tools.export_sample import convert_to_pdf, load_example, render_pngs

TODAY, MEETING = dt.date(2026, 3, 1), dt.date(2026, 2, 20)
DETAILS = {"meeting": "ICB Public Board", "meeting_date": "2026-03-12", "paper_reference": "PB/26/031",
           "agenda_item": "7.2", "presenter": "Dr Anil Mistry, Chief Strategy and Planning Officer",
           "purpose": "approval", "strategic_objectives": "Elective recovery; estates within the capital limit",
           "conflicts": "None declared", "baf_risk": "BAF 4: capital resources", "implications": ["financial"]}


STAFF = (("Lead Person", "lead"), ("Reviewer Person", "reviewer"), ("Committee Person", "committee"))
ORGANISATION = "NHS Leicester, Leicestershire and Rutland ICB"


def _trusted_staff(context, folder: Path) -> None:
    """The three people as signing identities here, trusted for their roles by the organisation's list."""
    from idmf.signing.identity import Identity
    from idmf.signing.trustlist import make_trust_list

    admin = Identity.new("EDI Team Admin", "admin", ORGANISATION)
    cards = {name: context.signing.create_identity(name, role, ORGANISATION) for name, role in STAFF}
    listed = folder / "trusted.idmf-trust"
    listed.write_text(make_trust_list(admin, ORGANISATION, [(cards[n], r) for n, r in STAFF]), encoding="utf-8")
    context.signing.import_list(listed, admin.fingerprint)


def signed_off_example(context) -> int:
    """The example stored, reviewed and signed off in `context` (whose key store holds STAFF); returns its id."""
    from idmf.domain.assessment import Status
    from idmf.domain.questions import ACTION_PLAN

    item = load_example(context.forms)
    rows = item.answers[ACTION_PLAN] + [{"action": "Include people living in rural/remote communities in the "
                                         "extended transport scheme", "lead": "Helen Okafor",
                                         "target_date": dt.date(2026, 5, 31)}]
    item = item.model_copy(update={"status": Status.DRAFT, "answers": {**item.answers, ACTION_PLAN: rows}})
    assessment_id = context.store.assessments.add(item).id
    for action, role in (("submit_for_review", "lead"), ("submit_for_committee", "reviewer")):
        context.review.transition(assessment_id, action, person=f"{role.title()} Person", comment="done",
                                  role=role, today=TODAY)
    context.review.approve(assessment_id, "Joint Executive Team", MEETING, "Dr Anil Mistry", person="Committee Person",
                           today=TODAY)
    context.publishing.save_cover_details(assessment_id, DETAILS)
    return assessment_id


def render(out_dir: Path) -> list[Path]:
    """Write every sample into out_dir; returns the files made."""
    from idmf.services.context import open_app
    from idmf.signing.keystore import KeyStore

    out_dir.mkdir(parents=True, exist_ok=True)
    for old in (*out_dir.glob("cover-*.png"), *out_dir.glob("easy-read-*.png"), out_dir / "web-page.png"):
        old.unlink(missing_ok=True)
    made: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="idmf-publishing-") as work:
        os.environ["IDMF_DATA_DIR"] = work
        context = open_app(f"sqlite:///{Path(work) / 'idmf.sqlite3'}",
                           keys=KeyStore(Path(work) / "signing", file_only=True))  # never the user's own keys
        try:
            _trusted_staff(context, Path(work))
            assessment_id = signed_off_example(context)
            docs = context.documents
            cover = docs.export(assessment_id, "cover-sheet", Path(work) / "cover-sheet.docx")
            made += render_pngs(convert_to_pdf(cover, Path(work)), out_dir, "cover")
            easy = docs.export(assessment_id, "easy-read", Path(work) / "easy-read.docx")
            made += render_pngs(convert_to_pdf(easy, Path(work)), out_dir, "easy-read")
            made.append(docs.export(assessment_id, "html", out_dir / "day-case-unit.html", for_publishing=True))
            made.append(docs.export(assessment_id, "easy-read", out_dir / "day-case-unit-easy-read.html"))
        finally:
            context.close()
    why_not = browser.missing()
    if why_not:
        print(f"No screenshot of the web page: {why_not}", file=sys.stderr)
        return made
    driver = browser.start()
    try:
        made.append(browser.screenshot(driver, out_dir / "day-case-unit.html", out_dir / "web-page.png"))
    finally:
        driver.quit()
    return made


def main(argv: list[str] | None = None) -> int:
    """Regenerate the publishing samples in docs/export-sample (or the folder given)."""
    args = sys.argv[1:] if argv is None else argv
    out_dir = Path(args[0]) if args else Path(__file__).resolve().parents[1] / "docs" / "export-sample"
    for path in render(out_dir):
        path.chmod(0o644)
        print(path)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
