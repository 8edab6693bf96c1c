"""Plain census records passed between the readers (Nomis, bulk files, lookups), the cache and the profile."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

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
