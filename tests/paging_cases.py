"""Keyset paging of the dashboard list, checked the same way on SQLite and on PostgreSQL."""

from __future__ import annotations

from sqlalchemy import update

from idmf.storage.tables import AssessmentRow


def seed_with_ties(context, count: int = 23) -> None:
    """`count` assessments; three share one edit time (so paging must break ties by id), one is archived."""
    ids = [context.assessments.create(f"Change {n}").id for n in range(count)]
    with context.store.transaction() as conn:
        same = conn.execute(AssessmentRow.__table__.select().where(AssessmentRow.id == ids[5])).first().updated_at
        conn.execute(update(AssessmentRow).where(AssessmentRow.id.in_(ids[10:13])).values(updated_at=same))
    context.assessments.set_archived(ids[7])


def all_pages(context, limit: int, include_archived: bool = False) -> list:
    """Every page, first to last, joined."""
    rows, cursor = context.assessments.page(limit=limit, include_archived=include_archived)
    while cursor is not None:
        more, cursor = context.assessments.page(cursor, limit, include_archived)
        rows += more
    return rows


def assert_pages_are_the_list(context) -> None:
    """Pages of any size, joined, are the full list in the same order: nothing twice, nothing missing."""
    for archived in (False, True):
        expected = [s.id for s in context.assessments.list(include_archived=archived)]
        for limit in (1, 4, 5, 22, 23, 200):
            assert [s.id for s in all_pages(context, limit, archived)] == expected, (limit, archived)
    assert len(expected) == 23
