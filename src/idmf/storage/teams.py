"""The team database: who is connected (from the login, never from a typed name), the owner's commands that add
people, and the database functions through which a status or a sign-off is recorded in team mode."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, insert, select, text, update

from idmf.errors import IdmfError
from idmf.storage import team_sql
from idmf.storage.tables import TeamGrantRow, TeamMemberRow
from idmf.storage.unit import Repository

LOGIN = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class TeamError(IdmfError):
    """A team command that cannot be done (a bad login name, not a team database, no rights)."""


@dataclass(frozen=True)
class Member:
    """A person of the team as the database knows them."""

    login: str
    role: str
    name: str
    key_id: str | None
    organisations: tuple[str, ...]


def check_login(login: str) -> str:
    """A PostgreSQL login name the app accepts (lower case letters, digits and _; up to 63)."""
    login = login.strip()
    if not LOGIN.match(login):
        raise TeamError(f"“{login}” cannot be a login name: use lower-case letters, digits and _ (up to 63, not "
                        "starting with a digit), for example j_smith.")
    return login


def quote_ident(name: str) -> str:
    """A SQL identifier, quoted."""
    return '"' + name.replace('"', '""') + '"'


class TeamRepository(Repository):
    """Team mode on a PostgreSQL database (nothing here applies to SQLite)."""

    def is_team_database(self, conn: Connection | None = None) -> bool:
        """True once `team init` has been run on this (PostgreSQL) database."""
        if self.database.is_sqlite:
            return False
        with self._read(conn) as c:
            return bool(c.execute(text(team_sql.IS_TEAM_DATABASE)).scalar())

    def me(self, conn: Connection | None = None) -> tuple[str, Member | None]:
        """The login connected, and the member it is (None when this login was never added)."""
        with self._read(conn) as c:
            login = c.execute(text("SELECT session_user")).scalar()
            row = c.execute(text("SELECT * FROM idmf_me()")).first()
        if row is None:
            return login, None
        return login, Member(row.login, row.role, row.name, row.key_id, tuple(row.organisations or ()))

    def server_time(self, conn: Connection) -> dt.datetime:
        """The server's time at the start of this transaction, to the second (what the functions check)."""
        return conn.execute(text("SELECT date_trunc('second', now())")).scalar()

    # --- recorded by the database's own functions --------------------------------------------------------------
    def transition(self, conn: Connection, **values: Any) -> str:
        """Ask the database to change a status and write its audit entry (idmf_transition); the new status."""
        names = ("id", "action", "comment", "person", "signer_key", "seq", "prev_hash", "hash", "at", "signature",
                 "review_date", "set_review_date")
        args = ", ".join(f":{n}" for n in names)
        return conn.execute(text(f"SELECT idmf_transition({args})"), {n: values[n] for n in names}).scalar()

    def record_signoff(self, conn: Connection, **values: Any) -> None:
        """Ask the database to record a sign-off (idmf_record_signoff), after the approval in this transaction."""
        names = ("id", "committee", "meeting_date", "approver", "fingerprint", "signed_at", "signer_key",
                 "signature", "document")
        args = ", ".join(f":{n}" for n in names)
        conn.execute(text(f"SELECT idmf_record_signoff({args})"), {n: values[n] for n in names})

    # --- the owner's commands ------------------------------------------------------------------------------------
    def install(self, rules: team_sql.Rules, conn: Connection) -> str:
        """Install roles, privileges, policies and functions (as the owner connected); returns the owner's name."""
        owner = conn.execute(text("SELECT current_user")).scalar()
        database = conn.execute(text("SELECT current_database()")).scalar()
        for statement in team_sql.statements(rules, owner):
            conn.exec_driver_sql(statement.replace("%", "%%"))
        everyone = ", ".join(team_sql.GROUPS.values())
        conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {quote_ident(database)} TO {everyone}")
        return owner

    def ensure_login(self, conn: Connection, login: str, role: str, password: str | None) -> bool:
        """Make the login (or keep the existing one) a member of exactly one group role; True when created."""
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :l"), {"l": login}).first() is not None
        secret = f" PASSWORD {team_sql.literal(password)}" if password is not None else ""
        if not exists:
            conn.exec_driver_sql(f"CREATE ROLE {quote_ident(login)} LOGIN{secret}".replace("%", "%%"))
        elif secret:
            conn.exec_driver_sql(f"ALTER ROLE {quote_ident(login)}{secret}".replace("%", "%%"))
        for other in team_sql.GROUPS.values():
            conn.exec_driver_sql(f"REVOKE {other} FROM {quote_ident(login)}")
        conn.exec_driver_sql(f"GRANT {team_sql.GROUPS[role]} TO {quote_ident(login)}")
        return not exists

    def put_member(self, conn: Connection, **values: Any) -> None:
        """Add or replace one member's row."""
        conn.execute(delete(TeamMemberRow).where(TeamMemberRow.login == values["login"]))
        conn.execute(insert(TeamMemberRow).values(**values))

    def set_role(self, conn: Connection, login: str, role: str) -> None:
        """Change a member's role (the group role is changed by ensure_login)."""
        conn.execute(update(TeamMemberRow).where(TeamMemberRow.login == login).values(role=role))

    def grant(self, conn: Connection, login: str, organisation: str) -> bool:
        """Let a login see an organisation; False when it already could."""
        found = conn.execute(select(TeamGrantRow).where(TeamGrantRow.login == login,
                                                        TeamGrantRow.organisation == organisation)).first()
        if found is None:
            conn.execute(insert(TeamGrantRow).values(login=login, organisation=organisation))
        return found is None

    def revoke(self, conn: Connection, login: str, organisation: str) -> bool:
        """Stop a login seeing an organisation; False when it could not anyway."""
        result = conn.execute(delete(TeamGrantRow).where(TeamGrantRow.login == login,
                                                         TeamGrantRow.organisation == organisation))
        return result.rowcount > 0

    def members(self, conn: Connection | None = None) -> list[Member]:
        """Every member with their organisations, by login (the owner's view)."""
        with self._read(conn) as c:
            grants: dict[str, list[str]] = {}
            for login, org in c.execute(select(TeamGrantRow.login, TeamGrantRow.organisation)
                                        .order_by(TeamGrantRow.organisation)):
                grants.setdefault(login, []).append(org)
            return [Member(r.login, r.role, r.name, r.key_id, tuple(grants.get(r.login, ())))
                    for r in c.execute(select(TeamMemberRow).order_by(TeamMemberRow.login))]

    def member(self, login: str, conn: Connection | None = None) -> Member | None:
        """One member (the owner's view)."""
        return next((m for m in self.members(conn) if m.login == login), None)
