"""Tables of the teams set-up (created by migration 0008_teams): who each PostgreSQL login is, and which
organisations' assessments they may see.

Only `idmf-cli team …` (run by the database owner) writes them; in team mode logins reach them only through
the database's own functions (idmf.storage.team_sql). On SQLite they stay empty.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel


class TeamMemberRow(SQLModel, table=True):
    """One person's PostgreSQL login, their role in the workflow and the signing key registered for them."""

    __tablename__ = "team_member"

    login: str = Field(primary_key=True, max_length=63)
    role: str  # lead | reviewer | committee | admin
    name: str  # as on their signing card
    key_id: str | None = Field(default=None, max_length=64)  # their registered public key (signer.key_id)
    added_at: dt.datetime
    added_by: str


class TeamGrantRow(SQLModel, table=True):
    """One organisation a login may see (and, in their role, work on)."""

    __tablename__ = "team_grant"

    login: str = Field(primary_key=True, max_length=63)
    organisation: str = Field(primary_key=True)
