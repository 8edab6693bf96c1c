"""The portfolio on a seeded team database: a reviewer sees organisation A's portfolio (never B's), charts and
tables drawn at 1280×720 and with a 14 pt font (screenshots saved for a person to look at)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from idmf.domain.questions import ACTION_PLAN, ORGANISATION, TITLE
from idmf.services.context import open_app
from tests.postgres.team import ORG_A
from tests.review.helpers import ready_answers

TODAY = dt.date(2026, 3, 1)
GROUPS = ("pc_age", "pc_disability", "pc_race", "pc_religion", "pc_sex")


def _impact(narrative: str, mitigated_by: list[str]) -> dict:
    return {"positive": False, "negative": True, "neutral": False, "narrative": narrative,
            "evidence": ["census:TS007"], "mitigated_by": mitigated_by}


@pytest.fixture
def seeded(team, form):
    """Six assessments of organisation A with negatives on different groups, one approved with a review in 45
    days, and one of organisation B; written by the leads through the app."""
    lead, other = open_app(team.urls["lead_a"]), open_app(team.urls["lead_b"])
    base, ids = ready_answers(form), []
    for n in range(6):
        answers = base | {ORGANISATION: ORG_A}
        row = f"action{n}"  # even-numbered assessments link every negative to their action: mitigated
        for qid in GROUPS[: n % len(GROUPS) + 1]:
            answers[qid] = _impact("Fewer evening slots." if n % 2 else "A volunteer driver scheme will reduce this.",
                                   [] if n % 2 else [row])
        answers[ACTION_PLAN] = [{"row_id": row, "action": f"Action {n}", "lead": ("Sam Okafor", "Amira Patel")[n % 2],
                                 "target_date": (TODAY + dt.timedelta(days=20 * n - 30)).isoformat(),
                                 "outcome": ""}]
        item = lead.assessments.create(f"Service change {n + 1}")
        for qid, value in answers.items():
            if not qid.startswith("approval_edi") and qid != TITLE:
                lead.assessments.set_answer(item, qid, value)
        ids.append(item.id)
    other.assessments.create("Norfolk's own")
    reviewer, committee = open_app(team.urls["reviewer_a"]), open_app(team.urls["committee_a"])
    for item_id in (ids[4], ids[2]):  # every negative mitigated, no action overdue: these go to review
        lead.review.transition(item_id, "submit_for_review", today=TODAY)
    reviewer.review.transition(ids[4], "submit_for_committee", today=TODAY)
    committee.review.approve(ids[4], "ICB Board", TODAY - dt.timedelta(days=3), "Dr A Chair", today=TODAY,
                             review_date=TODAY + dt.timedelta(days=45))
    for ctx in (other, lead, reviewer, committee):
        ctx.close()
    return team


def test_the_portfolio_of_a_team_database(seeded, qtbot, tmp_path):
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from idmf.ui.portfolio import PortfolioDialog

    reviewer = open_app(seeded.urls["reviewer_a"])
    try:
        dialog = PortfolioDialog(reviewer, today=TODAY)
        qtbot.addWidget(dialog)
        dialog.resize(1280, 720)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.built is not None, timeout=20_000)
        built = dialog.built
        assert built.assessments == 6 and built.organisations == [ORG_A]
        assert [(r.title, r.within_days) for r in built.reviews] == [("Service change 5", 60)]
        assert {t.status.value for t in built.time_in_status} == {"draft", "in_review", "ready_for_committee",
                                                                  "approved"}
        assert [(g.group, g.negative) for g in built.groups][:2] == [("Age", 6), ("Disability", 4)]
        assert sum(a.overdue for a in built.actions) == 2
        shots = Path(os.environ.get("IDMF_SCREENSHOTS", tmp_path))
        shots.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(shots / "portfolio-1280x720-charts.png"))
        dialog.tabs.setCurrentIndex(1 + list(dialog.models).index("Negative impacts"))
        dialog.grab().save(str(shots / "portfolio-1280x720-negatives.png"))
        app = QApplication.instance()
        font = app.font()
        app.setFont(QFont(font.family(), 14))
        try:
            dialog.refresh()
            qtbot.waitUntil(lambda: "Loading" not in dialog.summary.text(), timeout=20_000)
            dialog.tabs.setCurrentIndex(0)
            dialog.grab().save(str(shots / "portfolio-14pt-charts.png"))
            dialog.tabs.setCurrentIndex(1 + list(dialog.models).index("Actions"))
            dialog.grab().save(str(shots / "portfolio-14pt-actions.png"))
        finally:
            app.setFont(font)
    finally:
        reviewer.close()
