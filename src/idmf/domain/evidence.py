"""Census tables attached to an assessment's evidence base: a frozen copy, so later cache refreshes never
change what a signed-off document says."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from idmf.domain.limits import Count, Percent
from idmf.forms.printed import CENSUS_NOTE

DISCLOSURE_NOTE = CENSUS_NOTE  # the template's note under a census table


class CensusRow(BaseModel):
    """One category of a census table for the area, with England's share beside it when known."""

    model_config = ConfigDict(extra="forbid")

    category: str
    count: Count
    percent: Percent
    england_percent: Percent | None = None
    parent: str | None = None  # the broad group of a detailed category ("White" for "White: Irish")
    over_represented: bool = False  # one of the table's largest excesses over England's share

    @property
    def difference(self) -> float | None:
        """Percentage points above (+) or below (-) England, from the shown (rounded) percentages."""
        return None if self.england_percent is None else round(self.percent - self.england_percent, 1)


class DeprivationFigure(BaseModel):
    """IMD 2019 for one local authority, as kept in the evidence base."""

    model_config = ConfigDict(extra="forbid")

    area_code: str
    area_name: str
    score: float = Field(ge=0.0, le=100.0, allow_inf_nan=False)  # IMD average score (higher: more deprived)
    rank: int = Field(ge=1, le=1_000)  # 1 = most deprived
    of: int = Field(ge=1, le=1_000)
    decile: int = Field(ge=1, le=10)  # 1 = most deprived tenth of authorities
    most_deprived_10: Percent  # % of its small areas in England's most deprived 10 %

    def cells(self) -> list[str]:
        """The figures as shown in every table of them (GUI, Word, web page)."""
        return [self.area_name, f"{self.score:.3f}", f"{self.rank} of {self.of}", str(self.decile),
                f"{self.most_deprived_10:.1f}%"]


DEPRIVATION_HEADINGS = ["Local authority", "Average score", "Rank", "Decile", "In most deprived 10 %"]
DEPRIVATION_KEY = ("A higher average score means more deprived. Rank and decile: 1 is the most deprived local "
                   "authority (or tenth of authorities) in England. "
                   "\u201cIn most deprived 10 %\u201d is the share of the authority's "
                   "small areas (LSOAs) among England's most deprived 10 %.")


def merged_tables(current: list["CensusTable"], added: list["CensusTable"]) -> list["CensusTable"]:
    """The attached tables after adding some: a table of the same code and area is replaced, others kept."""
    keys = {(t.table_code, t.area_code) for t in added}
    return [t for t in current if (t.table_code, t.area_code) not in keys] + list(added)


class CensusTable(BaseModel):
    """One ONS Census 2021 table (e.g. TS021 Ethnic group) for one area."""

    model_config = ConfigDict(extra="forbid")

    table_code: str  # "TS021"
    title: str  # "Ethnic group"
    characteristic: str | None = None  # question id it evidences, e.g. "pc_race"
    area_code: str
    area_name: str
    universe: str  # "All usual residents", "Usual residents aged 16 years and over"
    total: Count
    rows: list[CensusRow] = Field(default_factory=list)
    note: str = DISCLOSURE_NOTE
    caveat: str = ""  # quality caveat (gender identity, sexual orientation)
    source: str = ""  # "Source: ONS - 2021 Census (TS021)"
    dataset_id: str = ""  # Nomis id or bulk file name
    built_from_best_fit: bool = False  # ICB totals summed from best-fit local authorities
    notes: list[str] = Field(default_factory=list)  # plain-English notes: split authorities, substitute table
    retrieved: dt.date | None = None
    origin: str = ""  # where the figures came from: shipped with the app, downloaded from Nomis on …, imported …
    # A deprivation table (IMD 2019) has these instead of census rows: one line per local authority.
    deprivation: list[DeprivationFigure] = Field(default_factory=list)

    def summary(self) -> str:
        """One line of its figures, for change lists and plain text."""
        if self.deprivation:
            return "; ".join(", ".join(d.cells()) for d in self.deprivation)
        return "; ".join(f"{r.category} {r.count:,} ({r.percent:g}%)" for r in self.rows)
