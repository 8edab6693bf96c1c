"""Plain records passed between the readers (Nomis, bulk files, lookups), the cache and the profile."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from idmf.census.tables import TOTAL

# Area kinds, and how the app names them to users.
KIND_LABELS = {
    "country": "Country",
    "region": "Region",
    "utla": "County (upper-tier local authority)",
    "ltla": "Local authority",
    "icb": "NHS Integrated Care Board",
}
ENGLAND = "E92000001"

# GSS code prefixes (the first three characters say what kind of area a code is).
_PREFIX_KINDS = {
    "K04": "country", "E92": "country", "W92": "country",
    "E12": "region",
    "E10": "utla", "E11": "utla", "E13": "utla",
    "E06": "ltla", "E07": "ltla", "E08": "ltla", "E09": "ltla", "W06": "ltla",
    "E54": "icb",
}


def kind_from_code(code: str) -> str:
    """The kind of area a GSS code names ('other' for kinds the app does not profile)."""
    return _PREFIX_KINDS.get(code[:3].upper(), "other")


@dataclass(frozen=True)
class Area:
    """A place the app can profile."""

    code: str
    name: str
    kind: str
    parent_code: str | None = None  # the county (UTLA) a district sits in
    short_code: str | None = None  # NHS organisation code of an ICB, e.g. "QK1"

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, "Area")


@dataclass(frozen=True)
class Observation:
    """One count: table × area × category; `position` keeps the source's order of categories."""

    table_code: str
    area_code: str
    category: str
    count: int
    position: int


@dataclass(frozen=True)
class IcbMember:
    """One row of a local authority → ICB lookup."""

    icb_code: str
    lad_code: str
    share: float | None  # share of the authority's small areas in this ICB (None when the lookup has none)
    best_fit: bool


@dataclass
class Batch:
    """Everything one download or one file import writes to the cache, in a single transaction."""

    source: str  # "Nomis API" or "bulk file"
    values: list[Observation] = field(default_factory=list)
    dataset_ids: dict[str, str] = field(default_factory=dict)  # table code -> Nomis id or file name
    areas: list[Area] = field(default_factory=list)
    parents: dict[str, str | None] = field(default_factory=dict)  # district -> county
    icb_members: list[IcbMember] | None = None  # None leaves the ICB lookup as it is
    retrieved: dt.date = field(default_factory=dt.date.today)
    notes: list[str] = field(default_factory=list)  # plain-English remarks for the user (what was left out)

    def describe(self) -> str:
        """A one-line summary for the command line and the status bar."""
        parts = []
        if self.values:
            tables = sorted({v.table_code for v in self.values})
            areas = {v.area_code for v in self.values}
            parts.append(f"{len(self.values):,} figures for {len(areas):,} areas ({', '.join(tables)})")
        if self.icb_members is not None:
            icbs = {m.icb_code for m in self.icb_members}
            parts.append(f"{len(icbs)} ICBs made of {len({m.lad_code for m in self.icb_members})} local authorities")
        if self.parents:
            parts.append(f"{len(self.parents)} local authorities linked to their county")
        return "; ".join(parts) or "nothing"


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
