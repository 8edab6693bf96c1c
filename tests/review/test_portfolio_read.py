"""The portfolio reads only the answers it needs: on SQLite its tables are the same as from loading every answer."""

from __future__ import annotations

from tests.review.helpers import TODAY
from tests.review.portfolio_cases import assert_same, full_load, seed


def test_the_narrow_read_gives_the_full_loads_portfolio(context, form):
    seed(context, form)
    built = context.portfolio.build(today=TODAY)
    assert_same(built, full_load(context, TODAY))
    # What a reviewer would notice, so the comparison is not between two empty portfolios:
    groups = {g.group: (g.negative, g.unmitigated) for g in built.groups}
    assert groups["Age"] == (12, 6) and groups["Carers"] == (6, 6)
    assert len(built.reviews) == 1 and built.assessments == 14 and any(a.overdue for a in built.actions)


def test_a_draft_with_only_an_added_group_rated_negative_counts(context, form):
    from tests.review.helpers import store
    from tests.review.portfolio_cases import _impact

    item = store(context, form, {"ih_groups": [{"name": "Carers", "impact": _impact(True)}]})
    [negative] = context.portfolio.build(today=TODAY).negatives
    assert (negative.assessment_id, negative.group, negative.mitigated) == (item.id, "Carers", False)
