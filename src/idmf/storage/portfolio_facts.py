"""Stored portfolio facts (table portfolio_facts, migration 0010): read beside every visible assessment's
columns in one query, and kept only if the assessment's answers and status have not changed since they were read.

The facts themselves are idmf.review.portfolio.Facts as JSON text; this module never interprets them.
"""

from __future__ import annotations

import json
from typing import Any, Iterable

from sqlalchemy import Connection, DateTime, Text, and_, cast, literal, null, select, text, union_all

from idmf.domain.times import utcnow
from idmf.storage.assessments import ASSESSMENT_COLUMNS
from idmf.storage.tables import AnswerRow, AssessmentRow, PortfolioFactsRow, StatusEventRow
from idmf.storage.unit import Repository

# The conditional upsert: a row is kept only while the assessment's counter is as it was when read, so an answer
# saved or a status changed meanwhile (here or by a colleague) is never hidden behind facts worked out before it.
_STORE = text("""
    INSERT INTO portfolio_facts (assessment_id, facts_changed, basis, facts, computed_by, computed_at)
    SELECT :id, :changed, :basis, :facts, :by, :at WHERE EXISTS (
        SELECT 1 FROM assessment WHERE id = :id AND facts_changed = :changed)
    ON CONFLICT (assessment_id) DO UPDATE SET facts_changed = excluded.facts_changed, basis = excluded.basis,
        facts = excluded.facts, computed_by = excluded.computed_by, computed_at = excluded.computed_at""")
_STORE_AS_TEAM = text("SELECT idmf_store_portfolio_facts(:basis, CAST(:facts AS json))")

A, F = AssessmentRow, PortfolioFactsRow
COLUMNS = (*ASSESSMENT_COLUMNS, A.facts_changed)  # enough to build the assessment when its facts are stale


def _current(basis: str):
    """The join condition of a kept row that still holds: worked out on `basis` from the current counter."""
    return and_(F.assessment_id == A.id, F.facts_changed == A.facts_changed, F.basis == basis)


def _sources(ids: list[int], question_ids: list[str]):
    """Answers (kind 0) and status changes (kind 1) of `ids` as rows of one shape: (assessment id, kind, question id
    or new status, answer JSON as text, answer version or sequence number, time of the status change)."""
    # The JSON as text, parsed by parse_answer_text: the driver's decoding and the walk of every string for
    # surrogates were most of the read (18,000 answers).
    answers = select(AnswerRow.assessment_id, literal(0).label("kind"), AnswerRow.question_id.label("key"),
                     cast(AnswerRow.value, Text).label("raw"), AnswerRow.version.label("n"),
                     cast(null(), DateTime(timezone=True)).label("at")) \
        .where(AnswerRow.question_id.in_(question_ids), AnswerRow.assessment_id.in_(ids))
    statuses = select(StatusEventRow.assessment_id, literal(1), StatusEventRow.to_status, cast(null(), Text),
                      StatusEventRow.seq, StatusEventRow.at).where(StatusEventRow.assessment_id.in_(ids))
    found = union_all(answers, statuses).subquery()
    return select(found).order_by(found.c.kind, found.c.assessment_id, found.c.n)


class PortfolioFactsRepository(Repository):
    """Reads and keeps what each assessment contributes to the portfolio."""

    def entries(self, basis: str, conn: Connection | None = None) -> list[Any]:
        """Every visible assessment (archived left out), by id: its portfolio columns and `facts`, the stored
        facts text when they were worked out from its current answers on this `basis` (else None)."""
        query = (select(*COLUMNS, F.facts).outerjoin(F, _current(basis))
                 .where(A.archived == False).order_by(A.id))  # noqa: E712 - SQL expression
        with self._read(conn) as c:
            return c.execute(query).all()  # one fetch, not one per row

    def sources(self, ids: list[int], question_ids: Iterable[str], conn: Connection | None = None,
                chunk: int = 2000) -> tuple[dict[int, list[tuple[str, str | None, int]]], dict[int, list[tuple]]]:
        """What the facts of assessments `ids` are worked out from, in one statement (per `chunk` ids): their
        answers to `question_ids` as (question id, JSON text, version) and their status changes as (time, new
        status), oldest first, each by assessment id. One statement, not two: a round trip less on a server."""
        answers: dict[int, list[tuple[str, str | None, int]]] = {}
        statuses: dict[int, list[tuple]] = {}
        wanted = sorted(question_ids)
        with self._read(conn) as c:
            for start in range(0, len(ids), chunk):
                some = ids[start:start + chunk]
                for aid, kind, key, raw, version, at in c.execute(_sources(some, wanted)).all():
                    if kind == 0:
                        answers.setdefault(aid, []).append((key, raw, version))
                    else:
                        statuses.setdefault(aid, []).append((at, key))
        return answers, statuses

    def kept(self, basis: str, conn: Connection | None = None) -> list[Any]:
        """The visible assessments whose kept facts are current: their columns, `facts`, `computed_by` and
        `computed_at` (for checking the facts against the answers)."""
        query = (select(*COLUMNS, F.facts, F.computed_by, F.computed_at).join(F, _current(basis))
                 .where(A.archived == False).order_by(A.id))  # noqa: E712 - SQL expression
        with self._read(conn) as c:
            return c.execute(query).all()

    def store(self, found: list[tuple[int, int, str]], basis: str, computed_by: str,
              conn: Connection | None = None) -> None:
        """Keep (assessment id, facts_changed when read, facts text) rows whose counter is unchanged since."""
        if not found:
            return
        at = utcnow()
        with self._write(conn) as c:
            c.execute(_STORE, [{"id": i, "changed": n, "basis": basis, "facts": f, "by": computed_by, "at": at}
                               for i, n, f in found])

    def store_as_team(self, found: list[tuple[int, int, str]], basis: str, conn: Connection | None = None) -> int:
        """The same through the team database's function (it checks the role and stamps the login), in one
        statement; returns how many rows it kept."""
        if not found:
            return 0
        payload = json.dumps([{"id": i, "changed": n, "facts": f} for i, n, f in found])
        with self._write(conn) as c:
            return int(c.execute(_STORE_AS_TEAM, {"basis": basis, "facts": payload}).scalar() or 0)
