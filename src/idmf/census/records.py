"""Helpers that turn a source's rows into census observations (broad groups, totals)."""

from __future__ import annotations

from idmf.census.tables import TOTAL
from idmf.domain.census import Observation

SUM_SLACK = 5  # people a copied table may be off by, at most (see sum_tolerance)


def group_of(category: str, names: set[str]) -> str | None:
    """The broad group of a detailed category ('White: Irish' -> 'White'), when that group is a category."""
    best = None
    start = 0
    while (at := category.find(": ", start)) != -1:
        if category[:at] in names:
            best = category[:at]  # keep the longest prefix that is itself a category
        start = at + 2
    return best


def with_group_sums(rows: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Add any missing broad group as the sum of its detailed groups, just before the first of them.

    TS021's five broad groups are exactly these sums (SOURCES.md); Nomis may publish only the detailed codes.
    """
    names = {name for name, _ in rows}
    sums: dict[str, int] = {}
    for name, count in rows:
        head, sep, _ = name.partition(": ")
        if sep and head not in names:
            sums[head] = sums.get(head, 0) + count
    out: list[tuple[str, int]] = []
    for name, count in rows:
        head = name.partition(": ")[0]
        if head in sums:
            out.append((head, sums.pop(head)))
        out.append((name, count))
    return out


def observations(table_code: str, area_code: str, total: int | None, rows: list[tuple[str, int]],
                 sum_groups: bool = False) -> list[Observation]:
    """One area's counts for one table, total first, categories in the source's order."""
    if sum_groups:
        rows = with_group_sums(rows)
    if total is None:
        names = {name for name, _ in rows}
        total = sum(count for name, count in rows if group_of(name, names) is None)
    out = [Observation(table_code, area_code, TOTAL, total, 0)]
    out += [Observation(table_code, area_code, name, count, i) for i, (name, count) in enumerate(rows, 1)]
    return out


def top_level_sum(rows: list[tuple[str, int]]) -> int:
    """The sum of the categories that are not part of a broad group shown in the same table."""
    names = {name for name, _ in rows}
    return sum(count for name, count in rows if group_of(name, names) is None)


def sum_tolerance(total: int) -> int:
    """How far a table's categories may stray from its total. Census 2021 tables are additive (ONS perturbs the
    cells, then adds them up), so the published figures agree exactly; a few people (0.01 % of a large area) are
    allowed for copies that re-round them."""
    return max(SUM_SLACK, total // 10_000)


def sum_problem(total: int, rows: list[tuple[str, int]]) -> str | None:
    """Why an area's categories cannot be trusted (they do not add up to its total), or None when they do."""
    added = top_level_sum(rows)
    gap = added - total
    if abs(gap) <= sum_tolerance(total):
        return None
    return (f"its categories add up to {added:,}, {abs(gap):,} {'more' if gap > 0 else 'fewer'} than its total "
            f"of {total:,}")
