"""Seeded assessments for comparing the portfolio's narrow read with a full load of every answer, on SQLite and
on PostgreSQL alike: negatives mitigated by a link, by a reason, by nothing, by a link to a deleted action, in
an added group; actions overdue, upcoming, done and far off; an approved assessment with a review due; status
changes; an archived assessment (left out); responsible directors typed in different ways, or none named."""

from __future__ import annotations

import datetime as dt
import math

from idmf.domain.assessment import Status
from idmf.domain.links import ROW_ID
from idmf.domain.questions import ACTION_PLAN, DIRECTOR, ORGANISATION
from idmf.domain.times import aware, utcnow
from idmf.review import portfolio
from tests.review.helpers import TODAY, build, ready_answers

ORGS = ("Leicester ICB", "Norfolk Community Trust")
# One director typed three ways, another, and none: the filter takes the first three as one person.
DIRECTORS = ("Dr Aisha Shah, Chief Nurse", "dr aisha shah,  chief nurse ", "Mark Green, Director of Strategy", "",
             "Dr Aisha Shah,\nChief Nurse")


def _impact(negative: bool, mitigated_by=(), no_mitigation: str = "") -> dict:
    return {"positive": not negative, "negative": negative, "neutral": False, "narrative": "Evening clinic closes.",
            "evidence": ["census:TS007"], "mitigated_by": list(mitigated_by), "no_mitigation": no_mitigation}


def _actions(n: int) -> list[dict]:
    return [{ROW_ID: f"a{n}", "action": f"Action {n}", "lead": ("Sam Okafor", "", "Amira Patel")[n % 3],
             "target_date": (TODAY + dt.timedelta(days=25 * (n % 5) - 40)).isoformat(),
             "outcome": "Done" if n % 7 == 3 else ""}]


def seed(context, form, count: int = 14) -> list[int]:
    """`count` assessments through the services (every fourth goes to review; the last archived), and one
    approved assessment imported with its review due in 45 days."""
    ids = []
    for n in range(count):
        answers = ready_answers(form) | {ORGANISATION: ORGS[n % 2], ACTION_PLAN: _actions(n),
                                         DIRECTOR: DIRECTORS[n % len(DIRECTORS)]}
        kind = n % 5  # 0: mitigated by the action, 1: unmitigated, 2: a reason, 3: linked to a deleted row, 4: none
        answers["pc_age"] = _impact(kind != 4, [f"a{n}"] if kind == 0 else ["gone"] if kind == 3 else [],
                                    "No alternative site exists." if kind == 2 else "")
        answers["pc_race"] = _impact(n % 3 == 0)
        answers["ih_groups"] = [{"name": "Carers", "impact": _impact(n % 2 == 1)}]
        item = context.assessments.create(f"Change {n}")
        for qid, value in answers.items():
            if not qid.startswith("approval_edi"):
                context.assessments.set_answer(item, qid, value)
        ids.append(item.id)
    for item_id in ids[::4]:
        context.review.transition(item_id, "submit_for_review", today=TODAY)
    context.assessments.set_archived(ids[-1])
    approved = build(form, ready_answers(form) | {ORGANISATION: ORGS[0], "pc_age": _impact(True)}, Status.APPROVED,
                     review_date=TODAY + dt.timedelta(days=45))
    return ids + [context.store.assessments.add(approved).id]


def full_load(context, today: dt.date) -> portfolio.Portfolio:
    """The portfolio the way it was first built: every visible assessment loaded with all its answers."""
    store = context.store
    summaries = {s.id: s for s in store.assessments.list()}
    items = [(i, store.form_for(i), summaries[i.id].organisation) for i in store.assessments.get_many(sorted(summaries))]
    changes = store.audit.status_changes()
    return portfolio.build(items, {i.id: [(aware(at), s) for at, s in changes.get(i.id, [])] for i, _, _ in items},
                           today, utcnow())


def assert_same(built: portfolio.Portfolio, expected: portfolio.Portfolio) -> None:
    """Every table equal; the average days in a status to a minute (the two were built moments apart)."""
    assert (built.assessments, built.negatives, built.actions, built.reviews, built.by_status, built.directors) == \
        (expected.assessments, expected.negatives, expected.actions, expected.reviews, expected.by_status,
         expected.directors)
    assert [(t.status, t.assessments) for t in built.time_in_status] == \
        [(t.status, t.assessments) for t in expected.time_in_status]
    assert all(math.isclose(a.average_days, b.average_days, abs_tol=1 / 1440)
               for a, b in zip(built.time_in_status, expected.time_in_status))
