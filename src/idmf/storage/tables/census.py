"""Tables of the census cache (created by migration 0003_census): cached counts, areas, the ICB lookup."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel


class CensusValueRow(SQLModel, table=True):
    """One cached count."""

    __tablename__ = "census_value"

    table_code: str = Field(primary_key=True)
    area_code: str = Field(primary_key=True)
    category: str = Field(primary_key=True)
    position: int = 0
    count: int
    source: str
    dataset_id: str
    retrieved: dt.date


class CensusAreaRow(SQLModel, table=True):
    """A place with census figures (or made of places with figures, like an ICB)."""

    __tablename__ = "census_area"

    code: str = Field(primary_key=True)
    name: str = Field(index=True)
    kind: str = Field(index=True)
    parent_code: str | None = None
    short_code: str | None = None


class CensusIcbMemberRow(SQLModel, table=True):
    """One local authority's link to an ICB, from the ONS lookup."""

    __tablename__ = "census_icb_member"

    icb_code: str = Field(primary_key=True)
    lad_code: str = Field(primary_key=True, index=True)
    share: float | None = None
    best_fit: bool = True
