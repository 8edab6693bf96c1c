"""Realistic assessments for the team load test, written straight into the tables by the owner (a bulk load).

Each seeded assessment is a plausible piece of work at some stage of its journey, decided by a random generator
seeded with its number (so every run seeds the same data):

- status: about 40 % drafts, 15 % in EDI review, 10 % changes requested, 10 % ready for committee, 25 % approved
  (approved ones are signed off, so locked, and carry a review date from a month ago to a year ahead);
- a title, organisation and (nine in ten) responsible director answer, and long-text answers (summary, aims,
  engagement…) as far as the work got;
- every assessment past an early draft has its ten impact blocks rated (about 12 % of ratings negative), 0–3
  inclusion-health groups added (a quarter of them rated negative) and an action plan of 1–5 rows with target
  dates from three months ago to six months ahead, a third of them done;
- a negative impact is mitigated by a link to an action row (60 %), by a reason why none is possible (15 %), or not
  at all (the rest), and now and then by a link to an action row that was deleted;
- the status changes that brought it where it is, in the audit log (placeholder hashes: the load test verifies the
  audit chains of the assessments its clients change, not of these).

Every answer is checked by the app's own parser (`parse_answer`) before it is written, so the data is what the app
would have stored.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from sqlalchemy import Engine, insert, select, text, update

from idmf.domain.answers import parse_answer, to_json
from idmf.domain.links import ROW_ID
from idmf.domain.questions import ACTION_PLAN, DIRECTOR, ORGANISATION, TITLE
from idmf.forms.schema import FieldType, FormDefinition
from idmf.storage.tables import AnswerRow, AssessmentRow
from idmf.storage.tables.review import StatusEventRow

STATUSES = (("draft", 40), ("in_review", 15), ("changes_requested", 10), ("ready_for_committee", 10),
            ("approved", 25))
SUBMIT = ("submit_for_review", "draft", "in_review", "lead")  # (action, from, to, the role that takes it)
CHANGES = ("request_changes", "in_review", "changes_requested", "reviewer")
TO_COMMITTEE = ("submit_for_committee", "in_review", "ready_for_committee", "reviewer")
PATHS = {"draft": [], "in_review": [SUBMIT], "changes_requested": [SUBMIT, CHANGES],
         "ready_for_committee": [SUBMIT, TO_COMMITTEE],
         "approved": [SUBMIT, TO_COMMITTEE, ("approve", "ready_for_committee", "approved", "committee")]}
DIRECTORS = ("Dr Aisha Shah, Chief Nurse", "Mark Green, Director of Strategy and Planning",
             "Helen Owusu, Chief Operating Officer", "Dr Tom Reid, Medical Director",
             "Priya Desai, Director of Finance", "Gareth Lloyd, Director of People")
NARRATIVE = ("The change moves the clinic to the new hub; travel times rise for people without a car, and the "
             "evening session is kept for working carers.")


def _impact(rng: random.Random, rows: list[str], negative_share: float) -> dict[str, Any]:
    roll = rng.random()
    block: dict[str, Any] = {"positive": negative_share <= roll < negative_share + 0.28,
                             "negative": roll < negative_share, "neutral": roll >= negative_share + 0.28,
                             "narrative": NARRATIVE, "evidence": ["census:TS007"]}
    if block["negative"]:
        how = rng.random()
        if how < 0.6 and rows:
            block["mitigated_by"] = [rng.choice(rows) if rng.random() > 0.05 else "deleted-row"]
        elif how < 0.75:
            block["no_mitigation"] = "No other site within the budget; the board accepted the longer journey."
    return block


def _actions(rng: random.Random, today: dt.date) -> list[dict[str, Any]]:
    return [{ROW_ID: f"row{k}", "action": f"Action {k + 1}: volunteer driver scheme and evening slots",
             "lead": rng.choice(("Amira Patel", "Sam Okafor", "Jo Lewis", "Priya Shah", "Tom Reid")),
             "target_date": (today + dt.timedelta(days=rng.randint(-90, 180))).isoformat(),
             "outcome": "Done: fewer missed appointments" if rng.random() < 0.33 else ""}
            for k in range(rng.randint(1, 5))]


def answers_for(form: FormDefinition, n: int, organisation: str, status: str, today: dt.date) -> dict[str, Any]:
    """The JSON answers of seeded assessment `n` (checked by the app's parser)."""
    rng = random.Random(n)
    raw: dict[str, Any] = {TITLE: f"Service change {n}", ORGANISATION: organisation}
    texts = [q for q in form.questions() if q.type == FieldType.LONG_TEXT]
    share = 1.0 if status != "draft" else rng.random()
    raw.update({q.id: f"{q.label}: {NARRATIVE}" for q in texts[:int(share * len(texts))]})
    if share > 0.3:  # past the early steps: impacts rated, groups added, actions planned
        rows = _actions(rng, today)
        raw[ACTION_PLAN] = rows
        ids = [r[ROW_ID] for r in rows]
        for q in form.questions():
            if q.type == FieldType.IMPACT:
                raw[q.id] = _impact(rng, ids, 0.12)
            elif q.type == FieldType.GROUP_CATALOGUE:
                raw[q.id] = [{"catalogue_id": c.id, "name": c.label, "impact": _impact(rng, ids, 0.25)}
                             for c in rng.sample(q.catalogue, rng.randint(0, 3))]
    if rng.random() < 0.9:  # drawn last, so the rest is as seeded before directors were
        raw[DIRECTOR] = DIRECTORS[n % len(DIRECTORS)]
    return {qid: to_json(parse_answer(form.question(qid), value)) for qid, value in raw.items()}


def seed(engine: Engine, form: FormDefinition, count: int, organisations: int, today: dt.date | None = None) -> None:
    """`count` realistic assessments over `organisations` organisations (see the module's docstring)."""
    today, now = today or dt.date.today(), dt.datetime.now(dt.timezone.utc)
    rows, answers, events = [], {}, {}
    for n in range(1, count + 1):
        rng = random.Random(-n)
        status = rng.choices([s for s, _ in STATUSES], [w for _, w in STATUSES])[0]
        organisation, uid = f"Organisation {n % organisations}", f"5eed{n:028x}"
        created = now - dt.timedelta(days=rng.uniform(1, 400))
        updated = created + (now - created) * rng.random()
        review = today + dt.timedelta(days=rng.randint(-30, 365)) if status == "approved" else None
        rows.append({"uid": uid, "version_number": 1, "form_id": form.id, "form_version": form.version,
                     "title": f"Service change {n}", "organisation": organisation, "lead": f"Lead {n % 400}",
                     "status": status, "archived": rng.random() < 0.03, "steps_complete": rng.randint(0, 6),
                     "review_date": review, "created_at": created, "updated_at": updated, "row_version": 1,
                     "locked": False})  # approved ones are locked once their answers are in
        answers[uid] = answers_for(form, n, organisation, status, today)
        step = (updated - created) / (len(PATHS[status]) + 1)
        events[uid] = [(created + step * (k + 1), path) for k, path in enumerate(PATHS[status])]
        rows[-1]["facts_changed"] = len(answers[uid]) + len(events[uid])  # each answer saved once, each step taken
    with engine.begin() as conn:
        # The counter is set above as the database's triggers would have (0010): the triggers themselves would
        # update each assessment row once per answer inserted here, leaving the table twenty times its size
        # (490,000 row versions for 20,000 rows), which no database that grew through people's saves looks like.
        server = conn.dialect.name == "postgresql"  # SQLite updates rows in place: its triggers may run
        for table in ("answer", "status_event") if server else ():
            conn.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER {table}_changed_insert"))
        conn.execute(insert(AssessmentRow), rows)
        found = conn.execute(select(AssessmentRow.uid, AssessmentRow.id).where(AssessmentRow.uid.like("5eed%")))
        ids = {uid: assessment_id for uid, assessment_id in found}
        conn.execute(insert(AnswerRow), [
            {"assessment_id": ids[uid], "question_id": qid, "value": value, "version": 1, "updated_at": now}
            for uid, given in answers.items() for qid, value in given.items()])
        conn.execute(insert(StatusEventRow), [
            {"assessment_id": ids[uid], "seq": k + 1, "assessment_uid": uid, "version_number": 1, "action": action,
             "from_status": before, "to_status": after, "person": "Seeded", "role": role, "at": at,
             "prev_hash": "seed", "hash": "seed"}
            for uid, path in events.items() for k, (at, (action, before, after, role)) in enumerate(path)])
        conn.execute(update(AssessmentRow).where(AssessmentRow.status == "approved").values(locked=True))
        for table in ("answer", "status_event") if server else ():
            conn.execute(text(f"ALTER TABLE {table} ENABLE TRIGGER {table}_changed_insert"))
        conn.execute(text("ANALYZE"))
